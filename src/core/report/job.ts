import { escapeMarkdown } from './escape.js';
import { visualizerLinks } from './render.js';
import { capText, powerStatusOf, reasonsOf, topologyOf } from './rows.js';
import { insightsFromSidecar } from '../insights/from-sidecar.js';
import { renderInsights } from '../insights/render.js';

/** Every value cut before escaping: the summary stays a few KiB whatever the agg JSON holds. */
const esc = (value: unknown): string => escapeMarkdown(typeof value === 'string' ? capText(value) : value);

export interface JobArtifact {
  name: string;
  id?: number;
  files: string[];
  error?: string;
}

export interface JobSummaryInput {
  agg: Record<string, unknown>;
  sidecar?: Record<string, unknown>;
  resultFilename?: string;
  runId?: string;
  visualizerUrl?: string;
  artifacts?: JobArtifact[];
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function int(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : finite(value);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** GPUs of the job: the sidecar's observed count, else prefill + decode, else TP x PP x PCP. */
export function gpuCountOf(agg: Record<string, unknown>, sidecar?: Record<string, unknown>): number | undefined {
  const observed = int(sidecar?.observed_gpu_count) ?? int(sidecar?.expected_gpu_count);
  if (observed !== undefined) return observed;
  const prefill = int(agg.num_prefill_gpu);
  const decode = int(agg.num_decode_gpu) ?? (agg.num_decode_gpu === 0 ? 0 : undefined);
  if (prefill !== undefined && decode !== undefined) return prefill + decode;
  const tp = int(agg.tp);
  return tp === undefined ? undefined : tp * (int(agg.pp) ?? 1) * (int(agg.pcp_size) ?? 1);
}

function fixed(value: number | undefined, digits: number, unit = ''): string {
  return value === undefined
    ? '–'
    : `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit}`;
}

/** The per-job summary: one table of the job's power metrics, the energy insights of the sidecar, the visualizer links and the artifacts. */
export function renderJobSummary(input: JobSummaryInput): string {
  const { agg, sidecar } = input;
  const status = powerStatusOf(agg);
  const valid = status === 'valid';
  const jpot = valid ? finite(agg.joules_per_output_token) : undefined;
  const energy = valid ? finite(agg.total_gpu_energy_j) : undefined;
  const reasons = reasonsOf(sidecar?.reasons, agg.power_invalid_reasons);
  const config = [agg.model ?? agg.infmax_model_prefix, agg.hw, agg.framework, agg.precision]
    .map((v) => esc(v ?? ''))
    .join(' · ');
  const validity = valid
    ? '✅ valid'
    : status === 'invalid'
      ? `❌ invalid${reasons.length > 0 ? `: ${reasons.map(esc).join(', ')}` : ''}`
      : '➖ no power data';
  const lines = [
    `### GPU power${input.resultFilename ? ` · ${esc(input.resultFilename)}` : ''}`,
    '',
    '| | |',
    '|---|---|',
    `| Config | ${config} · ${esc(agg.isl ?? '')}/${esc(agg.osl ?? '')} · conc ${esc(agg.conc ?? '')} |`,
    `| Topology | ${esc(topologyOf(agg))} |`,
    `| GPUs | ${gpuCountOf(agg, sidecar) ?? '–'} |`,
    `| Avg power per GPU | ${fixed(valid ? finite(agg.avg_power_w) : undefined, 1, ' W')} |`,
    `| Total GPU energy | ${fixed(energy, 0, ' J')} |`,
    `| Energy per output token | ${jpot === undefined ? '–' : `${Number(jpot.toPrecision(4))} J`} |`,
    `| Output tokens per joule | ${jpot === undefined || jpot <= 0 ? '–' : String(Number((1 / jpot).toPrecision(4)))} |`,
    `| Power | ${validity} |`,
  ];
  const read = insightsFromSidecar(sidecar);
  if (read) lines.push('', ...renderInsights(read.insights, read.startUnix, read.endUnix));
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  if (links) lines.push('', `Visualizer: [inference](${links.inference}) · [evaluation](${links.evaluation})`);
  if (input.artifacts && input.artifacts.length > 0) {
    lines.push('', '| Artifact | Files | Upload |', '|---|--:|---|');
    for (const a of input.artifacts)
      lines.push(
        `| ${esc(a.name)} | ${a.files.length} | ${a.error ? `⚠️ ${esc(a.error)}` : a.id !== undefined ? `✅ id ${a.id}` : '✅'} |`,
      );
  }
  return lines.join('\n');
}
