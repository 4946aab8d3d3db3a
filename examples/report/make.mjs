// Rebuilds the sample sweep artifacts in examples/report/{results,baseline}: for each config it writes a
// telemetry CSV and a benchmark result, runs the built CLI's `aggregate` on them (so every agg JSON and
// validation sidecar is what the per-job step would upload), and keeps the bmk_*/power_audit_* layout of
// download-artifact. The README's example comment is rendered from these folders by
// `npm run readme-tables`. Usage: npm run build && node examples/report/make.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', '..', 'dist', 'cli.js');
const START = 1_779_278_400; // 2026-05-20 12:00:00 UTC
const WINDOW_S = 60;
const GPUS = 8;

const MODELS = {
  dsr1: { model: 'deepseek-ai/DeepSeek-R1-0528', framework: 'sglang', image: 'lmsysorg/sglang:v0.5.5' },
  llama: { model: 'meta-llama/Llama-3.3-70B-Instruct', framework: 'vllm', image: 'vllm/vllm-openai:v0.11.0' },
};
const HARDWARE = {
  b200: { name: 'NVIDIA B200', limit: 1000, idle: 140 },
  h200: { name: 'NVIDIA H200', limit: 700, idle: 90 },
  mi355x: { name: 'AMD Instinct MI355X', limit: 1400, idle: 170 },
};

/**
 * One config: `watts` is the mean per-GPU draw in the window (a ±`swing` W square wave around it, so the
 * error bound is `swing` W per GPU), `jPerToken` sets the output tokens (energy / J per token).
 * `gapGpu` drops that GPU's samples for 7.5 s inside the window (an invalid run).
 */
const SWEEPS = {
  results: [
    { key: 'dsr1', hw: 'b200', conc: 16, watts: 877, jPerToken: 0.98 },
    { key: 'dsr1', hw: 'b200', conc: 64, watts: 950, jPerToken: 0.36 },
    { key: 'dsr1', hw: 'h200', conc: 16, watts: 614, jPerToken: 1.92 },
    { key: 'dsr1', hw: 'h200', conc: 64, watts: 665, jPerToken: 0.71 },
    { key: 'dsr1', hw: 'mi355x', conc: 16, watts: 1010, jPerToken: 1.1, gapGpu: 3 },
    { key: 'llama', hw: 'b200', conc: 32, watts: 879, jPerToken: 0.27 },
    { key: 'llama', hw: 'h200', conc: 32, watts: 616, jPerToken: 0.55 },
  ],
  baseline: [
    { key: 'dsr1', hw: 'b200', conc: 16, watts: 880, jPerToken: 1.02 },
    { key: 'dsr1', hw: 'b200', conc: 64, watts: 948, jPerToken: 0.41 },
    { key: 'dsr1', hw: 'h200', conc: 16, watts: 612, jPerToken: 1.6 },
    { key: 'dsr1', hw: 'h200', conc: 64, watts: 664, jPerToken: 0.72 },
    { key: 'dsr1', hw: 'mi355x', conc: 16, watts: 1005, jPerToken: 1.08 },
    { key: 'llama', hw: 'h200', conc: 32, watts: 615, jPerToken: 0.56 },
    { key: 'llama', hw: 'b200', conc: 128, watts: 905, jPerToken: 0.2 },
  ],
};

const pad = (n) => String(n).padStart(2, '0');
function stamp(t) {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000`;
}

/** nvidia-smi-style telemetry: 20 s of load at idle, the window, 10 s of eval; one row per GPU per second. */
function telemetry(c) {
  const hw = HARDWARE[c.hw];
  // A ±10 W swing in the window; a capped run's mean is 95 % of the limit, so its high seconds are at the cap.
  const swing = 10;
  const power = (t) =>
    t < START ? hw.idle : t > START + WINDOW_S ? 300 : c.watts + ((t - START) % 2 === 0 ? swing : -swing);
  // H200 rows also carry a joule counter that adds up the same trapezoids, for the counter cross-check.
  const counter = c.hw === 'h200';
  const rows = [
    `timestamp, name, index, power.draw [W], enforced.power.limit [W]${counter ? ', total_energy_consumption [J]' : ''}`,
  ];
  let joules = 4_000_000;
  for (let t = START - 20; t <= START + WINDOW_S + 10; t++) {
    if (t > START - 20) joules += (power(t - 1) + power(t)) / 2;
    for (let gpu = 0; gpu < GPUS; gpu++) {
      if (c.gapGpu === gpu && t > START + 20 && t < START + 28) continue;
      const cells = [stamp(t), hw.name, gpu, `${power(t).toFixed(2)} W`, `${hw.limit.toFixed(2)} W`];
      if (counter) cells.push(joules.toFixed(3));
      rows.push(cells.join(', '));
    }
  }
  return `${rows.join('\n')}\n`;
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

for (const [folder, configs] of Object.entries(SWEEPS)) {
  rmSync(join(HERE, folder), { recursive: true, force: true });
  for (const c of configs) {
    const m = MODELS[c.key];
    const stem = `${c.key}_fp8_${c.hw}_tp8_conc${c.conc}`;
    const outputTokens = Math.round((c.watts * GPUS * WINDOW_S) / c.jPerToken);
    const work = mkdtempSync(join(tmpdir(), 'sweep-example-'));
    // Relative paths, so the sidecars record no temporary folder.
    const bench = `${stem}.json`;
    const agg = `agg_${stem}.json`;
    const sidecar = `power_validation_${stem}.json`;
    writeFileSync(join(work, 'gpu_metrics.csv'), telemetry(c));
    writeJson(join(work, bench), {
      model_id: m.model,
      max_concurrency: c.conc,
      benchmark_start_time_unix: START,
      benchmark_end_time_unix: START + WINDOW_S,
      duration: WINDOW_S,
      completed: c.conc * 20,
      total_input_tokens: outputTokens,
      total_output_tokens: outputTokens,
    });
    writeJson(join(work, agg), {
      hw: c.hw,
      conc: c.conc,
      image: m.image,
      model: m.model,
      framework: m.framework,
      precision: 'fp8',
      spec_decoding: 'none',
      disagg: false,
      isl: 1024,
      osl: 1024,
      is_multinode: false,
      tp: 8,
      ep: 1,
      dp_attention: false,
      tput_per_gpu: (2 * outputTokens) / WINDOW_S / GPUS,
      output_tput_per_gpu: outputTokens / WINDOW_S / GPUS,
    });
    const run = spawnSync(
      process.execPath,
      [CLI, 'aggregate', '--bench-result', bench, '--agg-result', agg, '--expected-num-gpus', String(GPUS)],
      { cwd: work, env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`aggregate failed for ${stem}: ${run.stderr}`);
    const bmk = join(HERE, folder, `bmk_${stem}`);
    const audit = join(HERE, folder, `power_audit_${stem}`);
    mkdirSync(bmk, { recursive: true });
    mkdirSync(audit, { recursive: true });
    const aggText = readFileSync(join(work, agg));
    writeFileSync(join(bmk, `agg_${stem}.json`), aggText);
    writeFileSync(join(audit, `agg_${stem}.json`), aggText);
    // The sidecar names the files it read by absolute path; keep only their names here.
    const sidecarText = readFileSync(join(work, sidecar), 'utf8').replaceAll(`${work}/`, '');
    writeFileSync(join(audit, `power_validation_${stem}.json`), sidecarText);
    rmSync(work, { recursive: true, force: true });
  }
}
