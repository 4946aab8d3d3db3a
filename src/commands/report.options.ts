import { DEFAULT_LABELS, parseLabels } from '../core/report/gate.js';
import { KINDS, bool, str, num, VISUALIZER_URL, type ModeSchema, type OptionKind } from './options.js';

/** Largest threshold taken (percent): beyond it no change could ever be called. */
const MAX_THRESHOLD_PERCENT = 1000;

/** A percentage such as 5 or 2.5 %; the value is the fraction (0.05). */
const PERCENT: OptionKind = {
  expected: `a percentage from 0 to ${MAX_THRESHOLD_PERCENT} such as 5`,
  parse: (text) => {
    const digits = text.trim().replace(/\s*%$/, '');
    return /^\d+(\.\d+)?$/.test(digits) && Number(digits) <= MAX_THRESHOLD_PERCENT ? Number(digits) / 100 : undefined;
  },
};

const BASELINE_HISTORY: OptionKind = {
  expected: 'a whole number of runs from 1 to 20',
  parse: (text) => (/^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 20 ? Number(text) : undefined),
};

export interface ReportInput {
  results: string;
  runId?: string;
  visualizerUrl: string;
  /** CLI: write the markdown to this file instead of stdout. */
  out?: string;
  /** Action: the sticky comment's marker key, the label gate, the token and the pull request. */
  commentKey?: string;
  labels?: string[];
  token?: string;
  prNumber?: number;
  /** A folder or glob of the baseline's agg JSONs and sidecars; the action also takes `auto`. */
  baseline?: string;
  /** Action, baseline `auto`: how many base-branch runs to read. */
  baselineHistory: number;
  /** Relative change (fraction, 0.05 for 5 %) never called a regression or improvement below. */
  threshold: number;
  /** Action: fail the step on a regression, after the comment is written. */
  failOnRegression: boolean;
  /** CLI: write every config's comparison as JSON here. */
  comparison?: string;
}

export const reportSchema: ModeSchema<ReportInput> = {
  mode: 'report',
  summary: "The sweep's power report as markdown, as the pull request comment shows it.",
  options: [
    {
      name: 'results',
      kind: KINDS.string,
      placeholder: 'DIR_OR_GLOB',
      required: 'a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts',
      help: 'folder of agg JSONs (searched recursively) or a glob',
    },
    { name: 'run-id', kind: KINDS.runId, placeholder: 'N', help: 'workflow run id for the visualizer links' },
    VISUALIZER_URL,
    {
      name: 'out',
      kind: KINDS.string,
      placeholder: 'FILE',
      only: 'cli',
      help: 'write the markdown here instead of stdout',
    },
    {
      name: 'comment-key',
      kind: KINDS.string,
      env: 'GITHUB_WORKFLOW',
      default: 'sweep-power',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: '${{ github.workflow }}',
      only: 'action',
      help: 'key of the hidden marker that makes the comment sticky',
    },
    {
      name: 'labels',
      kind: KINDS.string,
      default: DEFAULT_LABELS.join(', '),
      emptyIsValue: true,
      only: 'action',
      help: 'comment only on pull requests carrying one of these labels; empty: every pull request',
    },
    {
      name: 'github-token',
      kind: KINDS.string,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: '${{ github.token }}',
      only: 'action',
      help: 'token for the comment',
    },
    {
      name: 'pr-number',
      kind: KINDS.positiveInteger,
      placeholder: 'N',
      only: 'action',
      help: 'pull request to comment on when the event does not carry one',
    },
    {
      name: 'baseline',
      kind: KINDS.string,
      placeholder: 'DIR_OR_GLOB',
      help: "agg JSONs (and their power_validation_* sidecars) to compare with: deltas and regression verdicts; the action also takes `auto` (the base branch's latest successful runs of this workflow)",
    },
    {
      name: 'baseline-history',
      kind: BASELINE_HISTORY,
      placeholder: 'N',
      default: '5',
      only: 'action',
      help: 'with baseline auto: how many successful base-branch runs to read; their spread widens the tolerance',
    },
    {
      name: 'threshold',
      kind: PERCENT,
      placeholder: 'PCT',
      default: '5',
      help: 'change in J/output-token (percent) never called a regression or improvement below this',
    },
    {
      name: 'fail-on-regression',
      kind: KINDS.boolean,
      default: 'false',
      only: 'action',
      help: 'fail the step when a config regressed beyond its tolerance, after the comment is written',
    },
    {
      name: 'comparison',
      kind: KINDS.string,
      placeholder: 'FILE',
      only: 'cli',
      help: "write every config's comparison as JSON here",
    },
  ],
  build: (v) => ({
    results: str(v, 'results') as string,
    runId: str(v, 'run-id'),
    visualizerUrl: str(v, 'visualizer-url') as string,
    out: str(v, 'out'),
    commentKey: str(v, 'comment-key'),
    labels: v.labels === undefined ? undefined : parseLabels(str(v, 'labels') as string),
    token: str(v, 'github-token'),
    prNumber: num(v, 'pr-number'),
    baseline: str(v, 'baseline'),
    baselineHistory: num(v, 'baseline-history') as number,
    threshold: num(v, 'threshold') as number,
    failOnRegression: bool(v, 'fail-on-regression'),
    comparison: str(v, 'comparison'),
  }),
};
