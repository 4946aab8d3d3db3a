import { DEFAULT_LABELS, parseLabels } from '../core/report/gate.js';
import { KINDS, str, num, VISUALIZER_URL, type ModeSchema } from './options.js';

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
}

export const reportSchema: ModeSchema<ReportInput> = {
  mode: 'report',
  summary: "The sweep's power report as markdown, as the pull request comment shows it.",
  options: [
    { name: 'results', kind: KINDS.string, placeholder: 'DIR_OR_GLOB', required: 'a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts', help: 'folder of agg JSONs (searched recursively) or a glob' },
    { name: 'run-id', kind: KINDS.runId, placeholder: 'N', help: 'workflow run id for the visualizer links' },
    VISUALIZER_URL,
    { name: 'out', kind: KINDS.string, placeholder: 'FILE', only: 'cli', help: 'write the markdown here instead of stdout' },
    { name: 'comment-key', kind: KINDS.string, env: 'GITHUB_WORKFLOW', default: 'sweep-power', actionDefault: '${{ github.workflow }}', only: 'action', help: 'key of the hidden marker that makes the comment sticky' },
    { name: 'labels', kind: KINDS.string, default: DEFAULT_LABELS.join(', '), emptyIsValue: true, only: 'action', help: 'comment only on pull requests carrying one of these labels; empty: every pull request' },
    { name: 'github-token', kind: KINDS.string, actionDefault: '${{ github.token }}', only: 'action', help: 'token for the comment' },
    { name: 'pr-number', kind: KINDS.positiveInteger, placeholder: 'N', only: 'action', help: 'pull request to comment on when the event does not carry one' },
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
  }),
};
