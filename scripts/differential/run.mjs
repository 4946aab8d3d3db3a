// Dev harness (not CI): random seeded cases run through sweep-power's CLI and through the reference's
// own scripts (InferenceX utils/ from the mirror), outputs compared. See README.md beside this file.
// Usage: node scripts/differential/run.mjs [--cases N] [--seed S] [--mirror GIT_DIR] [--ref REV] [--cli BUILT_CLI_JS] [--only CATEGORY] [--keep] [--verbose]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const totalCases = Number(option('--cases', '320'));
const seed = Number(option('--seed', '20261130'));
const mirror = option('--mirror', process.env.INFERENCEX_MIRROR ?? '/work/.mirror/SemiAnalysisAI+InferenceX/repo');
const rev = option('--ref', 'HEAD');
const only = option('--only');
const verbose = args.includes('--verbose');

// nvidia-smi timestamps are local wall-clock time: both tools read them in this zone.
const ENV = { PATH: process.env.PATH, TZ: 'UTC', PYTHONDONTWRITEBYTECODE: '1', LANG: 'C.UTF-8' };

/** mulberry32: small, seeded, reproducible. */
function rng(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const nvidiaTime = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
};
const isoTime = (ms) => new Date(ms).toISOString().replace('Z', '');

/** Watts with 2 decimals, now and then an exact binary tie at the 3rd decimal (x.0625, x.1875, ...). */
function watts(r) {
  if (r.chance(0.15)) return r.int(100, 700) + r.pick([0.0625, 0.1875, 0.3125, 0.4375, 0.5625]);
  return Math.round(r.next() * 70000 + 5000) / 100;
}

/** Rows [ms, gpu, watts] of n GPUs sampled every periodMs from fromMs to toMs; perRowMs staggers each GPU's stamp. */
function sampleRows(r, { n, fromMs, toMs, periodMs, perRowMs }) {
  const rows = [];
  const base = Array.from({ length: n }, () => watts(r));
  for (let t = fromMs; t <= toMs; t += periodMs) {
    // nvidia-smi stamps each GPU's row a few ms after the previous one within a sample.
    let offset = 0;
    for (let gpu = 0; gpu < n; gpu += 1) {
      if (perRowMs && gpu > 0) offset += r.int(1, 4);
      rows.push([t + offset, gpu, r.chance(0.5) ? base[gpu] : watts(r)]);
    }
  }
  return rows;
}

function telemetryCsv(rows, { vendor, withGpu }) {
  if (vendor === 'nvidia') {
    const head = withGpu
      ? 'timestamp, index, power.draw [W], temperature.gpu'
      : 'timestamp, power.draw [W], temperature.gpu';
    return `${[head, ...rows.map(([ms, gpu, w]) => (withGpu ? `${nvidiaTime(ms)}, ${gpu}, ${w} W, 55` : `${nvidiaTime(ms)}, ${w} W, 55`))].join('\n')}\n`;
  }
  const head = withGpu ? 'timestamp,gpu,socket_power,temperature' : 'timestamp,socket_power,temperature';
  return `${[head, ...rows.map(([ms, gpu, w]) => (withGpu ? `${isoTime(ms)},${gpu},${w},55` : `${isoTime(ms)},${w},55`))].join('\n')}\n`;
}

function benchJson(r, startMs, endMs, extra = {}) {
  const out = r.int(1000, 90000);
  return {
    model_id: 'deepseek-ai/DeepSeek-R1-0528',
    max_concurrency: r.pick([4, 16, 64]),
    benchmark_start_time_unix: startMs / 1000,
    benchmark_end_time_unix: endMs / 1000,
    duration: (endMs - startMs) / 1000,
    completed: r.int(10, 500),
    total_input_tokens: r.int(1000, 90000),
    total_output_tokens: out,
    total_token_throughput: 12345.678,
    output_throughput: 2345.5,
    mean_ttft_ms: 150.5,
    mean_tpot_ms: 25.0,
    ...extra,
  };
}

const AGG = {
  hw: 'h200',
  conc: 64,
  image: 'img',
  model: 'deepseek-ai/DeepSeek-R1-0528',
  framework: 'sglang',
  tput_per_gpu: 1234.5,
  notes: 'kept as is',
};

function writeTree(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function run(cmd, argv, cwd, env = {}) {
  const p = spawnSync(cmd, argv, { cwd, env: { ...ENV, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const readJson = (path) => {
  const text = read(path);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const verdict = (sidecar) => (sidecar ? { valid: sidecar.power_valid, reasons: sidecar.reasons } : undefined);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// ---- the two tools ----
let work;
let cliJs;
let refUtils;
const ours = (argv, cwd, env) => run(process.execPath, [cliJs, ...argv], cwd, env);
const reference = (script, argv, cwd, env) => run('python3', [join(refUtils, script), ...argv], cwd, env);

/** One case folder with two identical copies of the inputs: ours/ and ref/. */
function caseDirs(id, files) {
  const dir = join(work, 'cases', id);
  const o = join(dir, 'ours');
  const f = join(dir, 'ref');
  writeTree(o, files);
  writeTree(f, files);
  return { dir, o, f };
}

/** Compares two runs of the same command: exit code, agg JSON bytes, sidecar verdict and reasons. */
function compareRuns(a, b, { agg, sidecar }) {
  const diffs = [];
  if (a.run.code !== b.run.code) diffs.push(`exit ${a.run.code} vs ${b.run.code}`);
  const aggA = read(join(a.dir, agg));
  const aggB = read(join(b.dir, agg));
  if (aggA !== aggB) diffs.push(`agg JSON differs:\n--- ours\n${aggA}\n--- reference\n${aggB}`);
  const vA = verdict(readJson(join(a.dir, sidecar)));
  const vB = verdict(readJson(join(b.dir, sidecar)));
  if (!same(vA, vB)) diffs.push(`sidecar ${JSON.stringify(vA)} vs ${JSON.stringify(vB)}`);
  return { diffs, valid: vA?.valid === true && vB?.valid === true, ours: vA, ref: vB };
}

function outcomeOf(cmp) {
  if (cmp.diffs.length) return 'mismatch';
  return cmp.valid ? 'equal' : 'both-invalid';
}

// ---- categories ----
const T0 = Date.UTC(2026, 5, 15, 12, 0, 0);

function singleNodeFiles(r, { vendor, withGpu, n, perRowMs, perturb }) {
  const periodMs = r.pick([500, 1000, 1000, 2000]);
  const startMs = T0 + r.int(3000, 9000) + r.int(0, 999);
  const endMs = startMs + r.int(15, 60) * 1000 + r.int(0, 999);
  let rows = sampleRows(r, { n, fromMs: T0, toMs: endMs + 6000, periodMs, perRowMs });
  const inWindow = () =>
    rows
      .map((row, i) => [row, i])
      .filter(([[ms]]) => ms > startMs && ms < endMs)
      .map(([, i]) => i);
  const notes = [];
  if (perturb.includes('drop')) {
    const i = r.pick(inWindow());
    notes.push(`drop row ${i}`);
    rows = rows.filter((_, j) => j !== i);
  }
  if (perturb.includes('dup')) {
    const i = r.pick(inWindow());
    notes.push(`duplicate row ${i}`);
    rows = [...rows.slice(0, i + 1), rows[i], ...rows.slice(i + 1)];
  }
  const bench = benchJson(r, startMs, endMs);
  return {
    rows,
    bench,
    notes,
    csv: telemetryCsv(rows, { vendor, withGpu }),
    explicitCsv: telemetryCsv(rows, { vendor, withGpu: true }),
  };
}

function aggregateArgs(expected, validation = 'power_validation_bench.json') {
  return [
    '--csv',
    'gpu_metrics.csv',
    '--bench-result',
    'bench.json',
    '--agg-result',
    'agg_bench.json',
    '--expected-num-gpus',
    String(expected),
    '--validation-result',
    validation,
  ];
}

/** Telemetry with a GPU column, nvidia-smi or amd-smi, expected count right or (now and then) wrong. */
function caseWithGpuColumn(r, id, vendor) {
  const n = r.int(1, 8);
  const expected = r.chance(0.85) ? n : r.pick([n + 1, Math.max(1, n - 1)]);
  const perRowMs = r.chance(0.4);
  const built = singleNodeFiles(r, {
    vendor,
    withGpu: true,
    n,
    perRowMs,
    perturb: r.chance(0.2) ? [r.pick(['drop', 'dup'])] : [],
  });
  const files = {
    'gpu_metrics.csv': built.csv,
    'bench.json': JSON.stringify(built.bench, null, 2),
    'agg_bench.json': JSON.stringify(AGG, null, 2),
  };
  const { o, f } = caseDirs(id, files);
  const a = { dir: o, run: ours(['aggregate', ...aggregateArgs(expected)], o) };
  const b = { dir: f, run: reference('aggregate_power.py', aggregateArgs(expected), f) };
  const cmp = compareRuns(a, b, { agg: 'agg_bench.json', sidecar: 'power_validation_bench.json' });
  return {
    outcome: outcomeOf(cmp),
    detail: `n=${n} expected=${expected} perRowMs=${perRowMs} ${built.notes.join(', ')}`,
    diffs: cmp.diffs,
  };
}

/**
 * Telemetry without a GPU column. The reference refuses every such file (gpu_identity_column_missing);
 * sweep-power reads rows by position when the grouping is unambiguous. Its valid verdicts must carry the
 * reference's numbers on the same rows with the identity written out.
 */
function caseWithoutGpuColumn(r, id) {
  const vendor = r.pick(['nvidia', 'amd']);
  const n = r.int(1, 8);
  const layout = r.pick(['shared', 'per-row-ms']);
  const perturb = r.pick([[], [], ['drop'], ['dup'], ['drop', 'dup']]);
  const expected = r.chance(0.9) ? n : n + 1;
  const built = singleNodeFiles(r, { vendor, withGpu: false, n, perRowMs: layout === 'per-row-ms', perturb });
  const common = { 'bench.json': JSON.stringify(built.bench, null, 2), 'agg_bench.json': JSON.stringify(AGG, null, 2) };
  const { o, f } = caseDirs(id, { ...common, 'gpu_metrics.csv': built.csv });
  writeFileSync(join(f, 'explicit.csv'), built.explicitCsv);
  writeTree(join(f, 'explicit'), { ...common, 'gpu_metrics.csv': built.explicitCsv });
  const a = { dir: o, run: ours(['aggregate', ...aggregateArgs(expected)], o) };
  const positional = { dir: f, run: reference('aggregate_power.py', aggregateArgs(expected), f) };
  const explicitDir = join(f, 'explicit');
  const b = { dir: explicitDir, run: reference('aggregate_power.py', aggregateArgs(expected), explicitDir) };
  const mine = verdict(readJson(join(o, 'power_validation_bench.json')));
  const theirs = verdict(readJson(join(explicitDir, 'power_validation_bench.json')));
  const refPositional = verdict(readJson(join(f, 'power_validation_bench.json')));
  const detail = `${vendor} n=${n} expected=${expected} ${layout} ${built.notes.join(', ') || 'intact'}; reference on the file itself: ${JSON.stringify(refPositional?.reasons)}`;
  let outcome;
  let diffs = [];
  if (mine?.valid) {
    const cmp = compareRuns(a, b, { agg: 'agg_bench.json', sidecar: 'power_validation_bench.json' });
    outcome = cmp.diffs.length ? 'mismatch' : 'equal';
    diffs = cmp.diffs;
  } else if (mine?.reasons?.includes('gpu_identity_column_missing')) {
    outcome = theirs?.valid ? 'ours-refuses-ambiguous' : 'both-invalid';
  } else if (mine && !theirs?.valid) {
    outcome = 'both-invalid';
  } else {
    outcome = 'mismatch';
    diffs = [
      `ours ${JSON.stringify(mine)} vs reference on the explicit file ${JSON.stringify(theirs)} (exit ${a.run.code}: ${a.run.stderr.trim()})`,
    ];
  }
  void positional;
  return { outcome, detail, diffs, layout, perturb: built.notes.length ? perturb.join('+') : 'intact' };
}

/** --expected-num-gpus zero or negative: the audit record invalid_expected_gpu_count, exit 0. */
function caseGpuCount(r, id) {
  const n = r.int(1, 8);
  const expected = r.pick([0, -1, -r.int(2, 64), 0]);
  const built = singleNodeFiles(r, {
    vendor: r.pick(['nvidia', 'amd']),
    withGpu: true,
    n,
    perRowMs: false,
    perturb: [],
  });
  const files = {
    'gpu_metrics.csv': built.csv,
    'bench.json': JSON.stringify(built.bench, null, 2),
    'agg_bench.json': JSON.stringify(AGG, null, 2),
  };
  const { o, f } = caseDirs(id, files);
  const a = { dir: o, run: ours(['aggregate', ...aggregateArgs(expected)], o) };
  const b = { dir: f, run: reference('aggregate_power.py', aggregateArgs(expected), f) };
  const cmp = compareRuns(a, b, { agg: 'agg_bench.json', sidecar: 'power_validation_bench.json' });
  return { outcome: outcomeOf(cmp), detail: `n=${n} expected=${expected}`, diffs: cmp.diffs };
}

/** process-result on a bench JSON whose numbers are (partly) written as strings. */
function caseNumericStrings(r, id) {
  const n = r.pick([1, 2, 4, 8]);
  const built = singleNodeFiles(r, { vendor: 'nvidia', withGpu: true, n, perRowMs: false, perturb: [] });
  const bench = { ...built.bench };
  const stringify = [];
  // The reference converts these in process_result.py; token and query counts it does not (aggregate_power.py refuses them).
  const converted = ['max_concurrency', 'total_token_throughput', 'output_throughput', 'mean_ttft_ms', 'mean_tpot_ms'];
  for (const key of [...converted, 'total_output_tokens', 'completed']) {
    if (r.chance(converted.includes(key) ? 0.5 : 0.12)) {
      bench[key] = r.chance(0.1)
        ? 'n/a'
        : key === 'max_concurrency' && r.chance(0.3)
          ? ` ${bench[key]} `
          : String(bench[key]);
      stringify.push(`${key}=${JSON.stringify(bench[key])}`);
    }
  }
  if (r.chance(0.3)) {
    bench.p99_itl_ms = '12.5';
    stringify.push('p99_itl_ms="12.5"');
  }
  const files = { 'gpu_metrics.csv': built.csv, 'bench.json': JSON.stringify(bench, null, 2) };
  const { o, f } = caseDirs(id, files);
  const env = {
    RUNNER_TYPE: 'h200',
    FRAMEWORK: 'sglang',
    PRECISION: 'fp8',
    SPEC_DECODING: 'none',
    RESULT_FILENAME: 'bench',
    ISL: '1024',
    OSL: '1024',
    DISAGG: 'false',
    MODEL_PREFIX: 'dsr1',
    IMAGE: 'img',
    TP: String(n),
    EP_SIZE: '1',
    DP_ATTENTION: 'false',
    GPU_METRICS_CSV: 'gpu_metrics.csv',
  };
  const a = { dir: o, run: ours(['process-result'], o, env) };
  const b = { dir: f, run: reference('process_result.py', [], f, env) };
  const cmp = compareRuns(a, b, { agg: 'agg_bench.json', sidecar: 'power_validation_bench.json' });
  // The reference prints nothing on stdout when it fails; when it succeeds pipelines read the agg JSON there.
  return { outcome: outcomeOf(cmp), detail: stringify.join(' ') || 'no strings', diffs: cmp.diffs };
}

// Multinode packages (srt-slurm dcgm power package v1), as test/helpers/power-package.ts builds them.
const PRODUCER_SHA = 'a'.repeat(40);
const pyNum = (x) => (Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x));

function packageFiles(r, { devices, start, end }) {
  const from = start - 2;
  const to = end + 2;
  const concurrency = 4;
  const stem = 'original_result';
  const rows = ['schema_version,timestamp_unix,scrape_seq,hostname,gpu_index,gpu_uuid,power_w'];
  let seq = 0;
  for (let t = from; t <= to; t += 1, seq += 1) {
    for (const d of devices)
      rows.push(`1,${pyNum(t)},${seq},${d.host},${d.gpu},GPU-${d.host}-${d.gpu},${pyNum(d.watts(t))}`);
  }
  const bench = {
    model_id: 'deepseek-ai/DeepSeek-R1-0528',
    max_concurrency: concurrency,
    benchmark_start_time_unix: start,
    benchmark_end_time_unix: end,
    duration: end - start,
    completed: 40,
    total_input_tokens: r.int(1000, 90000),
    total_output_tokens: r.int(1000, 90000),
    total_token_throughput: 6000.0,
    output_throughput: 2000.0,
    mean_ttft_ms: 150.5,
    mean_tpot_ms: 25.0,
  };
  const sorted = [...devices].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.gpu - b.gpu));
  const manifest = {
    schema_version: 1,
    producer: 'srt-slurm.dcgm-power',
    producer_version: '1.0',
    producer_git_commit: PRODUCER_SHA,
    source_metric: 'DCGM_FI_DEV_POWER_USAGE',
    unit: 'W',
    power_scope: 'gpu_device_board_as_reported_by_dcgm',
    timestamp_source: 'head_node_unix_clock',
    sample_interval_seconds: 1.0,
    request_timeout_seconds: 2.0,
    required: true,
    started_at_unix: from - 5,
    stopped_at_unix: to + 5,
    status: 'complete',
    publication_valid: true,
    dcgm_exporter: {
      container_image_resolved: '/squash/dcgm-exporter.sqsh',
      container_image_sha256: 'e3b0c442'.repeat(8),
    },
    expected_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      assignments: [{ worker_role: d.role, worker_index: 0, worker_process: 0, het_group: null }],
    })),
    observed_devices: sorted.map((d) => ({
      hostname: d.host,
      gpu_index: d.gpu,
      gpu_uuids: [`GPU-${d.host}-${d.gpu}`],
      first_sample_time_unix: from,
      last_sample_time_unix: to,
    })),
    expected_windows: [{ benchmark_type: 'sa-bench', concurrency }],
    scrape_count: seq,
    sample_row_count: seq * devices.length,
    window_validations: [
      {
        benchmark_type: 'sa-bench',
        concurrency,
        window_file: `windows/${stem}.json`,
        power_coverage_valid: true,
        reason_codes: [],
        per_device_max_sample_gap_seconds: Object.fromEntries(
          sorted.map((d) => [`${d.host}/GPU-${d.host}-${d.gpu}`, 1.0]),
        ),
      },
    ],
    artifact_errors: [],
    reason_codes: [],
  };
  const window = {
    schema_version: 1,
    clock_source: 'head_node_unix_clock',
    benchmark_type: 'sa-bench',
    concurrency,
    status: 'completed',
    benchmark_start_time_unix: start,
    benchmark_end_time_unix: end,
    duration: end - start,
    reason: null,
    result_path: `${stem}.json`,
  };
  return {
    'LOGS/power/samples.csv': `${rows.join('\r\n')}\r\n`,
    'LOGS/power/manifest.json': JSON.stringify(manifest, null, 2),
    [`LOGS/power/windows/${stem}.json`]: JSON.stringify(window, null, 2),
    [`LOGS/${stem}.json`]: JSON.stringify(bench, null, 2),
    'agg_result.json': JSON.stringify(AGG, null, 2),
  };
}

function multinodeArgs(prefill, decode, validation = 'power_validation_result.json') {
  return [
    '--power-dir',
    'LOGS/power',
    '--logs-root',
    'LOGS',
    '--bench-result',
    'LOGS/original_result.json',
    '--agg-result',
    'agg_result.json',
    '--prefill-gpus',
    String(prefill),
    '--decode-gpus',
    String(decode),
    '--expected-producer-sha',
    PRODUCER_SHA,
    '--validation-result',
    validation,
  ];
}

/** Aggregated (DECODE_GPUS=0, every GPU `prefill`) or disaggregated packages, now and then a power value that overflows. */
function caseMultinode(r, id, { validation } = {}) {
  const hosts = r.int(1, 3);
  const perHost = r.pick([4, 8]);
  const aggregated = r.chance(0.7);
  const devices = [];
  for (let h = 0; h < hosts; h += 1) {
    for (let g = 0; g < perHost; g += 1) {
      const base = watts(r);
      devices.push({
        host: `node${h}`,
        gpu: g,
        role: aggregated || h < Math.ceil(hosts / 2) ? 'prefill' : 'decode',
        watts: r.chance(0.3) ? (t) => base + (t % 3) * 1.25 : () => base,
      });
    }
  }
  const overflow = r.chance(0.1);
  if (overflow) devices[0].watts = () => 1.7e308;
  const prefill = devices.filter((d) => d.role === 'prefill').length;
  const decode = devices.length - prefill;
  const start = 1_750_000_000 + r.int(0, 1000);
  const end = start + r.int(10, 40);
  const files = packageFiles(r, { devices, start, end });
  const { o, f } = caseDirs(id, files);
  const sidecar = validation ?? 'power_validation_result.json';
  const a = { dir: o, run: ours(['aggregate-multinode', ...multinodeArgs(prefill, decode, sidecar)], o) };
  const b = { dir: f, run: reference('aggregate_power_multinode.py', multinodeArgs(prefill, decode, sidecar), f) };
  const cmp = compareRuns(a, b, { agg: 'agg_result.json', sidecar });
  if (!existsSync(join(o, sidecar))) cmp.diffs.push(`ours wrote no sidecar at ${sidecar}`);
  return {
    outcome: cmp.diffs.length ? 'mismatch' : cmp.valid ? 'equal' : 'both-invalid',
    detail: `${hosts}x${perHost} prefill=${prefill} decode=${decode}${overflow ? ' overflow' : ''}`,
    diffs: cmp.diffs,
  };
}

/** --validation-result in folders that do not exist yet, in both single-node and multinode modes. */
function caseAuditPath(r, id) {
  const validation = `audit/${r.pick(['a', 'b/c', 'deep/er/still'])}/power_validation.json`;
  if (r.chance(0.5)) return { ...caseMultinode(r, id, { validation }), detail: `multinode -> ${validation}` };
  const n = r.int(1, 8);
  const built = singleNodeFiles(r, {
    vendor: r.pick(['nvidia', 'amd']),
    withGpu: true,
    n,
    perRowMs: false,
    perturb: [],
  });
  const files = {
    'gpu_metrics.csv': built.csv,
    'bench.json': JSON.stringify(built.bench, null, 2),
    'agg_bench.json': JSON.stringify(AGG, null, 2),
  };
  const { o, f } = caseDirs(id, files);
  const a = { dir: o, run: ours(['aggregate', ...aggregateArgs(n, validation)], o) };
  const b = { dir: f, run: reference('aggregate_power.py', aggregateArgs(n, validation), f) };
  const cmp = compareRuns(a, b, { agg: 'agg_bench.json', sidecar: validation });
  if (!existsSync(join(o, validation))) cmp.diffs.push(`ours wrote no sidecar at ${validation}`);
  return { outcome: outcomeOf(cmp), detail: `single node -> ${validation}`, diffs: cmp.diffs };
}

const CATEGORIES = [
  ['nvidia-smi with GPU column', 0.14, (r, id) => caseWithGpuColumn(r, id, 'nvidia')],
  ['amd-smi with GPU column', 0.12, (r, id) => caseWithGpuColumn(r, id, 'amd')],
  ['no GPU column', 0.3, caseWithoutGpuColumn],
  ['zero or negative GPU count', 0.08, caseGpuCount],
  ['numeric strings (process-result)', 0.12, caseNumericStrings],
  ['multinode packages', 0.14, (r, id) => caseMultinode(r, id)],
  ['audit path in a missing folder', 0.1, caseAuditPath],
];

work = mkdtempSync(join(tmpdir(), 'sweep-power-differential-'));
try {
  cliJs = option('--cli');
  if (!cliJs) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), join(work, 'build')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    cliJs = join(work, 'build', 'cli.js');
  }
  const tar = execFileSync('git', ['-C', mirror, 'archive', rev, 'utils'], { maxBuffer: 1 << 30 });
  mkdirSync(join(work, 'ref'));
  execFileSync('tar', ['-x', '-C', join(work, 'ref')], { input: tar });
  refUtils = join(work, 'ref', 'utils');

  const r = rng(seed);
  const counts = new Map();
  const layouts = new Map();
  const failures = [];
  const selected = only ? CATEGORIES.filter(([name]) => name.includes(only)) : CATEGORIES;
  const weight = selected.reduce((s, [, w]) => s + w, 0);
  for (const [name, share, make] of selected) {
    const n = Math.max(1, Math.round((totalCases * share) / weight));
    for (let i = 0; i < n; i += 1) {
      const id = `${name.replace(/[^a-z]+/gi, '-')}-${i}`;
      const result = make(r, id);
      const key = `${name}|${result.outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (result.layout) {
        const lk = `${result.layout} ${result.perturb}|${result.outcome}`;
        layouts.set(lk, (layouts.get(lk) ?? 0) + 1);
      }
      if (result.outcome === 'mismatch') failures.push({ id, name, ...result });
      if (verbose) console.log(`${id}: ${result.outcome} (${result.detail})`);
    }
  }
  console.log(`differential run: seed ${seed}, reference ${rev}, sweep-power ${cliJs}`);
  const outcomes = ['equal', 'both-invalid', 'ours-refuses-ambiguous', 'mismatch'];
  console.log(`${'category'.padEnd(36)}${outcomes.map((o) => o.padStart(24)).join('')}`);
  let total = 0;
  for (const [name] of selected) {
    const row = outcomes.map((o) => counts.get(`${name}|${o}`) ?? 0);
    total += row.reduce((s, x) => s + x, 0);
    console.log(`${name.padEnd(36)}${row.map((x) => String(x).padStart(24)).join('')}`);
  }
  if (layouts.size) {
    console.log('no GPU column, by layout and perturbation:');
    for (const [key, count] of [...layouts].sort()) console.log(`  ${key.replace('|', ': ')} ${count}`);
  }
  console.log(`${total} cases, ${failures.length} mismatches`);
  for (const f of failures.slice(0, 20))
    console.log(`MISMATCH ${f.id} (${f.detail})\n  ${f.diffs.join('\n  ').slice(0, 3000)}`);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
