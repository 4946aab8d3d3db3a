import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import { runnerCommands } from './helpers/runner-commands.js';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader can parse,
 * and fails the run when a test printed a line the Actions runner would act on as a workflow command
 * (`::error::`, `::add-mask::`, `##[group]`, …) into CI's log; `setup/quiet-runner.ts` keeps the
 * action's own writes out, so one here is a test logging a command it captured.
 */
export default class SummaryReporter implements Reporter {
  private readonly commands: string[] = [];

  onUserConsoleLog(log: UserConsoleLog): void {
    for (const command of runnerCommands(log.content))
      this.commands.push(`${log.taskId ?? '?'}: ${command.line.slice(0, 120)}`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (this.commands.length > 0) {
      // Quoted and with `#` escaped, so that this report is not a command itself.
      const shown = this.commands.map((c) => `  ${JSON.stringify(c).replace(/#/g, '\\u0023')}`).join('\n');
      process.stdout.write(
        `\nworkflow commands reached the test log (the runner would execute them): ${this.commands.length}\n${shown}\n`,
      );
      process.exitCode = 1;
    }
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed += 1;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
