// Times `sweep-power validate-changelog` on a 6,400-line changelog with 1,000 master config keys.
// Usage: node bench/changelog.mjs   (builds its own bundle under bench/.data; prints the figures)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench/.data/changelog');
mkdirSync(join(data, 'configs'), { recursive: true });

const REPO = 'acme/sweeps';
const TARGET_LINES = 6_400;
const RUNS = 5;

// 10 models x 2 precisions x 10 GPUs x 5 frameworks = 1,000 master config keys.
const models = ['dsr1', 'dsv4', 'gptoss', 'qwen3', 'kimik2', 'glm5', 'minimaxm3', 'llama70b', 'mixtral', 'phi4'];
const precisions = ['fp4', 'fp8'];
const gpus = ['h100', 'h200', 'b200', 'b300', 'gb200', 'gb300', 'mi300x', 'mi325x', 'mi355x', 'mi450x'];
const frameworks = ['vllm', 'sglang', 'trt', 'dynamo-trt', 'atom'];
const keys = [];
for (const m of models)
  for (const p of precisions) for (const g of gpus) for (const f of frameworks) keys.push(`${m}-${p}-${g}-${f}`);

function masterEntry(key) {
  const [model, precision, gpu, framework] = key.split('-');
  return `${key}:\n  image: example/${framework}:1.0\n  model: ${model}\n  model-prefix: ${model}\n  runner: ${gpu}\n  precision: ${precision}\n  framework: ${framework}\n  multinode: false\n  scenarios:\n    fixed-seq-len:\n    - isl: 1024\n      osl: 1024\n      search-space:\n      - { tp: 8, conc-start: 4, conc-end: 64 }\n`;
}
writeFileSync(
  join(data, 'configs/amd-master.yaml'),
  keys
    .filter((k) => /-mi\d/.test(k))
    .map(masterEntry)
    .join('\n'),
);
writeFileSync(
  join(data, 'configs/nvidia-master.yaml'),
  keys
    .filter((k) => !/-mi\d/.test(k))
    .map(masterEntry)
    .join('\n'),
);

let seed = 42;
const random = (n) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
function changelogEntry(i, prLink) {
  const count = 1 + random(3);
  const entryKeys = Array.from({ length: count }, () => {
    const key = keys[random(keys.length)];
    return random(4) === 0
      ? key.replace(/-(h100|h200|b200|b300|gb200|gb300|mi300x|mi325x|mi355x|mi450x)-/, '-*-')
      : key;
  });
  const lines = Array.from(
    { length: 1 + random(3) },
    (_, j) => `    - "Change ${i}.${j}: bump the image and retune concurrency for the ${entryKeys[0]} sweep"`,
  );
  return `- config-keys:\n${entryKeys.map((k) => `    - ${k}\n`).join('')}  description:\n${lines.join('\n')}\n  pr-link: ${prLink}\n`;
}
const entries = [];
let lineCount = 0;
for (let i = 1; lineCount < TARGET_LINES; i++) {
  const text = changelogEntry(i, `https://github.com/${REPO}/pull/${i}`);
  entries.push(text);
  lineCount += text.split('\n').length; // entry lines plus the empty separator
}
const added = [
  changelogEntry(90001, 'XXX'),
  changelogEntry(90002, 'XXX'),
  changelogEntry(90003, `https://github.com/${REPO}/pull/4242`),
];
const base = entries.join('\n');
const head = [...entries, ...added].join('\n');
writeFileSync(join(data, 'base.yaml'), base);
writeFileSync(join(data, 'perf-changelog.yaml'), head);
const headLines = head.split('\n').length - 1;

const bundle = join(data, 'dist');
await build({
  entryPoints: { cli: join(root, 'src/cli.ts'), core: join(root, 'bench/changelog-core.ts') },
  outdir: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
writeFileSync(join(bundle, 'package.json'), '{ "type": "module" }\n');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const args = [
  'validate-changelog',
  '--base-file',
  'base.yaml',
  '--head-file',
  'perf-changelog.yaml',
  '--pr-number',
  '4242',
  '--repo',
  REPO,
];
const cliTimes = [];
let cliOutput = '';
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(bundle, 'cli.js'), ...args], { cwd: data, encoding: 'utf8' });
  cliTimes.push(performance.now() - started);
  if (child.status !== 0)
    throw new Error(`validate-changelog failed on the generated changelog:\n${child.stdout}${child.stderr}`);
  cliOutput = child.stdout.trim();
}

const { validateOnce } = await import(pathToFileURL(join(bundle, 'core.js')).href);
const inputs = {
  base: readFileSync(join(data, 'base.yaml')),
  head: readFileSync(join(data, 'perf-changelog.yaml')),
  configs: ['amd', 'nvidia'].map((v) => ({
    file: `configs/${v}-master.yaml`,
    text: readFileSync(join(data, `configs/${v}-master.yaml`), 'utf8'),
  })),
  repo: REPO,
  prNumber: 4242,
};
const inProcess = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const verdict = validateOnce(inputs);
  inProcess.push(performance.now() - started);
  if (verdict.problems.length > 0)
    throw new Error(`unexpected problems: ${JSON.stringify(verdict.problems.slice(0, 3))}`);
}

const ms = (v) => `${v.toFixed(0)} ms`;
console.log(
  `validate-changelog: ${headLines.toLocaleString('en-US')}-line changelog (${entries.length + added.length} entries, ${added.length} new), ${keys.length.toLocaleString('en-US')} master config keys`,
);
console.log(
  `  CLI (a fresh bundle of src/cli.ts, process start included): median ${ms(median(cliTimes))} of ${RUNS} runs`,
);
console.log(`  in-process validation: first ${ms(inProcess[0])}, median ${ms(median(inProcess))} of ${RUNS} runs`);
console.log(`  ${cliOutput.length > 160 ? `${cliOutput.slice(0, 160)}…` : cliOutput}`);
const cliMedian = median(cliTimes);
console.log(
  `${cliMedian < 1000 ? 'PASS' : 'MISS'}  validate-changelog CLI median = ${ms(cliMedian)}  (target well under 1000 ms)`,
);
process.exitCode = cliMedian < 1000 ? 0 : 1;
