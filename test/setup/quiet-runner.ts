import { runnerCommands } from '../helpers/runner-commands.js';

/**
 * The suite runs on a GitHub Actions runner, which acts on every workflow command (`::error::`,
 * `::add-mask::`, `##[group]`, …) that reaches its log: an action run in-process by a test would
 * otherwise annotate, mask or group CI's own log. Lines the runner would read as a command are kept
 * out of this worker's stdout and stderr; a test that wants them captures the stream itself (its spy
 * sits in front of this filter). `summary-reporter.ts` fails the run if one still gets through.
 */
function quiet(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text =
      typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
    if (text === undefined || runnerCommands(text).length === 0) return write(chunk, ...rest);
    const kept = text
      .split(/(?<=\r\n|\r(?!\n)|\n)/)
      .filter((line) => runnerCommands(line).length === 0)
      .join('');
    if (kept !== '') return write(kept, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as ((error?: Error | null) => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
}

quiet(process.stdout);
quiet(process.stderr);
