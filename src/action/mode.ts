import type { Mode } from '../commands/modes.js';

/** One action mode: its config from the inputs and context, and its run, which returns the failure to report, if any. */
export interface ActionMode<C extends { mode: Mode }> {
  configure: (env: NodeJS.ProcessEnv) => C;
  run: (config: C, env: NodeJS.ProcessEnv) => Promise<string | undefined>;
}
