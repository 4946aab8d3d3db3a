import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeArtifacts } from '../fakes/artifacts.js';
import { runAction } from './action.js';
import { tempWorkspace } from '../helpers/workspace.js';

const distDir = inject('distDir');
const ROOT = join(import.meta.dirname, '..', '..');
const NAME = 'dsr1_fp8_h200_conc64';

interface SymlinkCase {
  link: string;
  layout: 'single-node' | 'multinode';
  outcome: 'warning' | 'failure' | 'written';
  must_not: string;
  unset?: string[];
}
const manifest = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'adversarial', 'security', 'symlinks.json'), 'utf8'),
) as { secret: string; cases: SymlinkCase[] };

const SINGLE_NODE_ENV: Record<string, string> = {
  RUNNER_TYPE: 'h200',
  FRAMEWORK: 'vllm',
  PRECISION: 'fp8',
  SPEC_DECODING: 'none',
  IMAGE: 'vllm/vllm-openai:v0.11.0',
  MODEL_PREFIX: 'dsr1',
  RESULT_FILENAME: NAME,
  ISL: '1024',
  OSL: '1024',
  DISAGG: 'false',
  TP: '8',
  EP_SIZE: '1',
  DP_ATTENTION: 'false',
};

function multinodeEnv(): Record<string, string> {
  const lines = readFileSync(join(ROOT, 'examples', 'multinode', 'job.env'), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

let artifacts: FakeArtifacts;
beforeAll(async () => {
  artifacts = await new FakeArtifacts().start();
});
afterAll(() => artifacts.stop());
beforeEach(() => {
  artifacts.artifacts.length = 0;
  artifacts.requests().length = 0;
});

function workspaceFor(layout: SymlinkCase['layout']): string {
  const ws = tempWorkspace();
  if (layout === 'multinode') {
    cpSync(join(ROOT, 'examples', 'multinode'), ws, { recursive: true });
    return ws;
  }
  cpSync(join(ROOT, 'examples', 'sweep', 'gpu_metrics.csv'), join(ws, 'gpu_metrics.csv'));
  const bench = JSON.parse(readFileSync(join(ROOT, 'examples', 'sweep', `${NAME}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(join(ws, `${NAME}.json`), JSON.stringify({ ...bench, total_token_throughput: 9033.333 }, null, 2));
  return ws;
}

describe('mode job: a symlink out of the workspace is refused, never followed (test/fixtures/adversarial/security/symlinks.json)', () => {
  for (const attack of manifest.cases) {
    it(`${attack.link} (${attack.layout}) must not ${attack.must_not}`, async () => {
      const ws = workspaceFor(attack.layout);
      const outside = join(tempWorkspace(), 'credentials');
      // A first line shaped like a CSV header, so a reader that followed the link would echo it.
      const secretText = `timestamp, ${manifest.secret}\n{"token": "${manifest.secret}"}\n`;
      writeFileSync(outside, secretText);
      rmSync(join(ws, attack.link), { force: true });
      symlinkSync(outside, join(ws, attack.link));
      const env: Record<string, string> = { ...(attack.layout === 'multinode' ? multinodeEnv() : SINGLE_NODE_ENV) };
      for (const name of attack.unset ?? []) delete env[name];
      const run = await runAction(distDir, {
        workspace: ws,
        apiUrl: 'http://127.0.0.1:9',
        resultsUrl: artifacts.url,
        env,
        inputs: { upload: 'true' },
      });
      const everything = `${run.stdout}\n${run.stderr}\n${run.summary}`;

      // The file outside is untouched, and its content went nowhere: log, summary, sidecar, artifacts.
      expect(readFileSync(outside, 'utf8')).toBe(secretText);
      expect(everything).not.toContain(manifest.secret);
      const sidecar = join(
        ws,
        attack.layout === 'multinode'
          ? 'power_validation_dsr1_fp4_gb200_disagg_conc4.json'
          : `power_validation_${NAME}.json`,
      );
      if (existsSync(sidecar) && !lstatSync(sidecar).isSymbolicLink())
        expect(readFileSync(sidecar, 'utf8')).not.toContain(manifest.secret);
      for (const artifact of artifacts.uploaded())
        for (const entry of artifact.entries)
          expect(entry.content.toString('utf8'), `${artifact.name}/${entry.name}`).not.toContain(manifest.secret);

      if (attack.outcome === 'failure') {
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(
          new RegExp(`::error::.*${attack.link.replace(/[.]/g, '\\.')} is a symlink to .*credentials, outside`),
        );
        expect(artifacts.uploaded()).toEqual([]);
      } else if (attack.outcome === 'written') {
        // The write replaced the link with the real sidecar instead of writing through it.
        expect(lstatSync(join(ws, attack.link)).isSymbolicLink()).toBe(false);
        expect(JSON.parse(readFileSync(join(ws, attack.link), 'utf8'))).toHaveProperty('power_valid');
      } else {
        expect(run.warnings.join('\n')).toMatch(
          new RegExp(`${attack.link.replace(/[.]/g, '\\.')}.*symlink to .*credentials, outside`),
        );
        const uploadedNames = artifacts.uploaded().flatMap((a) => a.files);
        expect(uploadedNames.some((f) => f.endsWith(attack.link))).toBe(false);
      }
    });
  }
});
