// Dev harness (not CI): runs InferenceX's own pytest files for the scripts sweep-power replaces
// against sweep-power, through shims whose run()/main() and process_result.py call the CLI.
// Usage: node scripts/reference-pytest/run.mjs [--mirror GIT_DIR] [--ref REV] [--cli BUILT_CLI_JS | --reference] [-- PYTEST_ARGS]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
const mirror = option('--mirror', process.env.INFERENCEX_MIRROR ?? '/work/.mirror/SemiAnalysisAI+InferenceX/repo');
const rev = option('--ref', 'HEAD');
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const TESTS = ['test_aggregate_power.py', 'test_process_result.py', 'test_aggregate_power_multinode.py'];

const work = mkdtempSync(join(tmpdir(), 'sweep-power-refpytest-'));
try {
  let cli = option('--cli');
  if (!cli && args.includes('--reference')) cli = '(none)';
  if (!cli) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), join(work, 'build')], {
      cwd: root,
      stdio: 'inherit',
    });
    cli = join(work, 'build', 'cli.js');
  }
  // The reference's utils/, benchmarks/ (benchmark_lib.sh) and .github/ (workflow contract tests).
  const tar = execFileSync('git', ['-C', mirror, 'archive', rev, 'utils', 'benchmarks', '.github'], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', work], { input: tar });
  const utils = join(work, 'utils');
  // --reference runs the reference's own scripts (the baseline); otherwise the shims take their place.
  const reference = args.includes('--reference');
  if (!reference)
    for (const name of ['aggregate_power', 'aggregate_power_multinode'])
      renameSync(join(utils, `${name}.py`), join(utils, `_ref_${name}.py`));
  for (const name of readdirSync(join(here, 'shims')))
    if (!reference || name === 'conftest.py' || name === '_sweep_power.py')
      cpSync(join(here, 'shims', name), join(utils, name));
  writeFileSync(
    join(utils, '_sweep_power_paths.py'),
    `CLI = ${JSON.stringify(resolve(cli))}\nNODE = ${JSON.stringify(process.execPath)}\n`,
  );

  const outcomesPath = join(work, 'outcomes.json');
  const pytest = spawnSync(
    'python3',
    [
      '-m',
      'pytest',
      '-q',
      '-p',
      'no:cacheprovider',
      '-o',
      'addopts=',
      ...(extra.some((a) => a.endsWith('.py')) ? [] : TESTS),
      ...extra,
    ],
    {
      cwd: utils,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SWEEP_POWER_OUTCOMES: outcomesPath, PYTHONDONTWRITEBYTECODE: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (process.env.REF_PYTEST_VERBOSE) process.stdout.write(pytest.stdout);
  const outcomes = JSON.parse(readFileSync(outcomesPath, 'utf8'));
  const counts = {};
  for (const { outcome, kind } of Object.values(outcomes)) {
    counts[kind] ??= { passed: 0, failed: 0, skipped: 0 };
    counts[kind][outcome] = (counts[kind][outcome] ?? 0) + 1;
  }
  console.log(`reference ${rev} tests against ${args.includes('--reference') ? 'the reference itself' : cli}`);
  for (const [kind, c] of Object.entries(counts))
    console.log(`  ${kind.padEnd(9)} passed ${c.passed}  failed ${c.failed}  skipped ${c.skipped}`);
  console.log(
    '  (entry: end-to-end through run()/main()/process_result.py; internal: needs the Python internals; shell: the bash GPU monitor)',
  );
  for (const [id, { outcome, kind, message }] of Object.entries(outcomes)) {
    if (outcome === 'failed') console.log(`FAILED [${kind}] ${id}\n    ${message}`);
  }
} finally {
  if (!process.env.REF_PYTEST_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
