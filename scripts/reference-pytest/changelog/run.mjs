#!/usr/bin/env node
// Runs InferenceX's own changelog-gate tests against sweep-power's validate-changelog CLI.
// Dev only (needs the reference mirror, python3 with pytest, PyYAML, pydantic); CI never runs it.
// Usage: node scripts/reference-pytest/changelog/run.mjs [--mirror DIR] [-- pytest args]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const args = process.argv.slice(2);
const split = args.indexOf('--');
const own = split === -1 ? args : args.slice(0, split);
const pytestArgs = split === -1 ? [] : args.slice(split + 1);
const mirrorAt = own.indexOf('--mirror');
const mirror = mirrorAt === -1 ? '/work/.mirror/SemiAnalysisAI+InferenceX/repo' : own[mirrorAt + 1];

const work = mkdtempSync(join(tmpdir(), 'ref-changelog-pytest-'));
try {
  execFileSync('node', [join(root, 'scripts/build.mjs'), join(work, 'dist')], { cwd: root, stdio: 'inherit' });
  const ref = join(work, 'ref');
  execFileSync('mkdir', ['-p', ref]);
  // The workflow tests read these two files beside utils/.
  execFileSync('sh', [
    '-c',
    'git -C "$1" archive HEAD utils .github/workflows/run-sweep.yml | tar -x -C "$2"',
    'extract',
    mirror,
    ref,
  ]);
  copyFileSync(join(here, 'shim.py'), join(ref, 'utils/changelog_gate_tests/sweep_power_shim.py'));
  appendFileSync(
    join(ref, 'utils/changelog_gate_tests/conftest.py'),
    '\nfrom sweep_power_shim import pytest_collection_modifyitems  # noqa: E402,F401\n',
  );
  const result = spawnSync(
    'python3',
    [
      '-m',
      'pytest',
      '-q',
      '-p',
      'no:cacheprovider',
      'utils/changelog_gate_tests/test_validate_perf_changelog.py',
      ...pytestArgs,
    ],
    {
      cwd: ref,
      stdio: 'inherit',
      env: { ...process.env, SWEEP_POWER_CLI: join(work, 'dist/cli.js'), REFERENCE_GIT_DIR: mirror },
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
