// Runs `sweep-power aggregate` on a copy of the sample sweep workspace and prints what it wrote.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const workspace = mkdtempSync(join(tmpdir(), 'sweep-power-demo-'));
cpSync('examples/sweep', workspace, { recursive: true });
console.log(`Sample workspace copied to ${workspace} (removed at the end)\n`);

const args = [
  'aggregate',
  '--bench-result',
  'dsr1_fp8_h200_conc64.json',
  '--agg-result',
  'agg_dsr1_fp8_h200_conc64.json',
  '--expected-num-gpus',
  '8',
];
console.log(`$ sweep-power ${args.join(' ')}`);
// The sample telemetry was sampled on a machine running in UTC; nvidia-smi timestamps carry no zone.
const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], {
  cwd: workspace,
  env: { ...process.env, TZ: 'UTC' },
  encoding: 'utf8',
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
for (const file of ['agg_dsr1_fp8_h200_conc64.json', 'power_validation_dsr1_fp8_h200_conc64.json']) {
  console.log(`\n--- ${file}`);
  console.log(readFileSync(join(workspace, file), 'utf8'));
}
rmSync(workspace, { recursive: true, force: true });
process.exitCode = run.status ?? 1;
