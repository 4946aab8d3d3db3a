import { core } from './safe-core.js';
import type { ChangelogProblem } from '../core/changelog/problems.js';

/** GitHub shows about ten error annotations per step; the rest would be lost, so the summary lists all. */
export const MAX_ANNOTATIONS = 10;

/** Error annotations at file/line for the first problems; returns how many were annotated. */
export function annotateProblems(problems: ChangelogProblem[], limit = MAX_ANNOTATIONS): number {
  const shown = problems.slice(0, limit);
  for (const problem of shown) {
    core.error(problem.message, {
      title: `perf-changelog ${problem.code}`,
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column,
    });
  }
  return shown.length;
}
