import { core } from '../github/safe-core.js';
import { runValidateChangelog } from '../commands/validate-changelog.js';
import { validateChangelogSchema, type ValidateChangelogInput } from '../commands/validate-changelog.options.js';
import { renderChangelogReport } from '../core/changelog/report.js';
import { annotateProblems } from '../github/changelog-annotations.js';
import { appendSummary } from '../github/summary.js';
import { readEventDefaults } from '../github/event.js';
import { readOptions, workspaceOf } from './inputs.js';
import { log } from './log.js';
import type { ActionMode } from './mode.js';

export type ValidateChangelogConfig = { mode: 'validate-changelog'; workspace: string } & ValidateChangelogInput;

export const validateChangelogAction: ActionMode<ValidateChangelogConfig> = {
  /** PR number and base commit come from the event when the inputs leave them out. */
  configure: (env) => {
    const event = readEventDefaults(env);
    const options = readOptions(validateChangelogSchema, env, (raw) =>
      raw['base-ref']?.trim() || raw['base-file']?.trim() ? raw : { ...raw, 'base-ref': event.baseSha },
    );
    return {
      mode: 'validate-changelog',
      workspace: workspaceOf(env),
      ...options,
      prNumber: options.prNumber ?? event.prNumber,
    };
  },
  run: async ({ mode: _mode, workspace, ...options }) => {
    const result = await runValidateChangelog({ ...options, cwd: workspace });
    const annotated = annotateProblems(result.problems);
    // Problems past the annotation budget still reach the log, once each.
    for (const line of result.log.stderr.slice(annotated)) log.info(line);
    for (const line of result.log.stdout) log.info(line);
    core.setOutput('configs', JSON.stringify(result.triggeredConfigs));
    core.setOutput('new-entries', String(result.verdict?.newEntries.length ?? 0));
    await appendSummary(
      renderChangelogReport({
        file: result.file,
        ok: result.ok,
        problems: result.problems,
        newEntries: result.verdict?.newEntries ?? [],
        corrections: result.verdict?.corrections ?? 0,
        triggeredConfigs: result.triggeredConfigs,
        annotated,
      }).join('\n'),
    );
    return result.ok
      ? undefined
      : `${result.file}: ${result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`}; see the annotations and the job summary.`;
  },
};
