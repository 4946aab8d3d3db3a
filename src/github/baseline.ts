import type { BaselineRuns } from '../commands/report.js';
import type { BaselineLabel } from '../core/report/render.js';
import type { RetryPolicy } from './retry.js';

export interface AutoBaselineOptions {
  token?: string;
  owner: string;
  repo: string;
  serverUrl: string;
  /** How many successful base-branch runs to read (the latest is the baseline, all give the history). */
  runs: number;
  tempDir: string;
  retry: RetryPolicy;
  env: NodeJS.ProcessEnv;
}

export interface AutoBaseline {
  runs?: BaselineRuns;
  label?: BaselineLabel;
  warnings: string[];
  notes: string[];
}

export async function loadAutoBaseline(_options: AutoBaselineOptions): Promise<AutoBaseline> {
  return { warnings: [], notes: ['No baseline: `baseline: auto` is not available yet.'] };
}
