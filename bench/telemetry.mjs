// Aggregate over a day of 8-GPU nvidia-smi telemetry at 1 Hz, and over a file 10x larger.
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const DATA = 'bench/.data';
const GPUS = 8;
const START = 1_779_235_200; // 2026-05-20 00:00:00 UTC

const pad = (n, w = 2) => String(n).padStart(w, '0');
function stamp(epochS) {
  const d = new Date(epochS * 1000);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

async function generate(path, seconds) {
  if (existsSync(path) && statSync(path).size > 0) return;
  const out = createWriteStream(path);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  await write('timestamp, index, power.draw [W], power.limit [W], temperature.gpu, utilization.gpu [%], memory.used [MiB]\n');
  let batch = '';
  for (let s = 0; s < seconds; s++) {
    const ts = stamp(START + s);
    for (let g = 0; g < GPUS; g++) {
      const watts = 550 + ((s * 7 + g * 13) % 100);
      batch += `${ts}, ${g}, ${watts}.25 W, 700.00 W, ${60 + g}, 97 %, ${70000 + g} MiB\n`;
    }
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise((resolve) => out.end(resolve));
}

function timed(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  const rss = /@@maxrss_kb=(\d+)/.exec(run.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined, stdout: run.stdout, stderr: run.stderr };
}

function best(times, fn) {
  let result;
  for (let i = 0; i < times; i++) {
    const r = fn();
    if (!result || r.ms < result.ms) result = r;
  }
  return result;
}

export async function benchTelemetry() {
  mkdirSync(DATA, { recursive: true });
  const rows = [];
  for (const [label, days] of [['24 h', 1], ['240 h (10x)', 10]]) {
    const seconds = 86_400 * days;
    const csv = join(DATA, `gpu_metrics_${days}d.csv`);
    await generate(csv, seconds);
    const bench = join(DATA, `bench_${days}d.json`);
    // The window covers the whole file but its first and last minute, so every row is integrated.
    writeFileSync(bench, JSON.stringify({ benchmark_start_time_unix: START + 60, benchmark_end_time_unix: START + seconds - 60, duration: seconds - 120, completed: 1000, total_input_tokens: 1_000_000, total_output_tokens: 1_000_000 }));
    const agg = join(DATA, `agg_${days}d.json`);
    const runs = days === 1 ? 3 : 2;
    const floor = best(runs, () => timed(['bench/floor.mjs', csv]));
    const aggregate = best(runs, () => {
      writeFileSync(agg, '{"hw": "h200"}');
      return timed(['--import', './bench/rss-hook.mjs', 'dist/cli.js', 'aggregate', '--csv', csv, '--bench-result', bench, '--agg-result', agg, '--expected-num-gpus', String(GPUS), '--validation-result', join(DATA, 'sidecar.json'), '--require-power']);
    });
    rows.push({ label, sizeMb: statSync(csv).size / 1e6, lines: Number(floor.stdout.trim()), floorMs: floor.ms, aggregateMs: aggregate.ms, rssMb: aggregate.rssMb });
  }
  console.log('\n## aggregate: telemetry read path (child processes, best of 3 for 24 h, of 2 for 240 h)');
  console.log('file          size MB      rows   floor ms  aggregate ms  ratio  peak RSS MB');
  for (const r of rows) {
    console.log(`${r.label.padEnd(12)} ${r.sizeMb.toFixed(1).padStart(8)} ${String(r.lines).padStart(9)} ${r.floorMs.toFixed(0).padStart(10)} ${r.aggregateMs.toFixed(0).padStart(13)} ${(r.aggregateMs / r.floorMs).toFixed(2).padStart(6)} ${r.rssMb.toFixed(1).padStart(12)}`);
  }
  const [small, large] = rows;
  const verdicts = [
    [`aggregate / floor (24 h) = ${(small.aggregateMs / small.floorMs).toFixed(2)}`, small.aggregateMs / small.floorMs <= 4, '<= 4'],
    [`peak RSS (24 h) = ${small.rssMb.toFixed(1)} MB`, small.rssMb <= 120, '<= 120 MB'],
    [`peak RSS growth (10x file) = ${(large.rssMb / small.rssMb).toFixed(2)}x`, large.rssMb / small.rssMb <= 1.3, '<= 1.3x'],
  ];
  for (const [text, ok, target] of verdicts) console.log(`${ok ? 'PASS' : 'MISS'}  ${text}  (target ${target})`);
  // The ratio target is set on the 24 h file; the 10x file's floor is a page-cached memchr whose
  // time swings by ~50% between runs, so its ratio is shown for scale only.
  console.log(`info  aggregate / floor (10x) = ${(large.aggregateMs / large.floorMs).toFixed(2)}  (no target)`);
  return verdicts.every(([, ok]) => ok);
}
