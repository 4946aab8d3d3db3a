import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runAction } from './action.js';
import { cli, tempWorkspace, writeFile } from '../helpers/workspace.js';
import { REPO, changelog, entry, link, masterConfig } from '../helpers/changelog.js';

const distDir = inject('distDir');
const SWEEP = join(import.meta.dirname, '..', '..', 'examples', 'sweep');
const NAME = 'dsr1_fp8_h200_conc64';
const BENCH = `${NAME}.json`;
const AGG = `agg_${NAME}.json`;

/** The sample sweep: 8 GPUs at 600 W over the 60 s window, 30,000 output tokens, and a stale agg JSON. */
function sweep(): string {
  const ws = tempWorkspace();
  cpSync(SWEEP, ws, { recursive: true });
  const bench = JSON.parse(readFileSync(join(SWEEP, BENCH), 'utf8')) as Record<string, unknown>;
  // process-result needs the total throughput: (512,000 + 30,000) tokens / 60 s.
  writeFile(ws, BENCH, JSON.stringify({ ...bench, total_token_throughput: 9033.333 }, null, 2));
  writeFile(ws, 'configs/a-master.yaml', masterConfig());
  writeFile(ws, 'base.yaml', changelog(entry('dsr1-fp8-h200-sglang', link(1))));
  writeFile(ws, 'head.yaml', changelog(entry('dsr1-fp8-h200-sglang', link(1)), entry('dsr1-fp8-h200-sglang', link(7))));
  return ws;
}

/** The job environment process-result reads; TP 8 matches the telemetry, TP 4 does not. */
const jobEnv = (tp: string): Record<string, string> => ({
  RUNNER_TYPE: 'h200',
  FRAMEWORK: 'vllm',
  PRECISION: 'fp8',
  SPEC_DECODING: 'none',
  IMAGE: 'img',
  MODEL_PREFIX: 'dsr1',
  RESULT_FILENAME: NAME,
  ISL: '1024',
  OSL: '1024',
  DISAGG: 'false',
  TP: tp,
  EP_SIZE: '1',
  DP_ATTENTION: 'false',
});

/** Every file of the workspace with the workspace's own path taken out (sidecars name their inputs). */
function files(ws: string, dir = ws, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(ws, path, out);
    else out[relative(ws, path)] = readFileSync(path, 'utf8').replaceAll(ws, '<ws>');
  }
  return out;
}

type Problem = { kind: string; options: string[]; value?: string; expected?: string };

/** A problem message back to its parts: each entry words the same parts in its own vocabulary. */
function unword(message: string, entry: 'cli' | 'action'): Problem | undefined {
  const patterns: [RegExp, (m: RegExpMatchArray) => Problem][] =
    entry === 'cli'
      ? [
          [/^pass --([\w-]+) or --([\w-]+), not both$/, (m) => ({ kind: 'conflict', options: [m[1]!, m[2]!] })],
          [/^--([\w-]+) or --([\w-]+) is required/, (m) => ({ kind: 'missing-one-of', options: [m[1]!, m[2]!] })],
          [/^--([\w-]+) is required/, (m) => ({ kind: 'missing', options: [m[1]!] })],
          [
            /^--([\w-]+) must be (.*), got "(.*)"$/,
            (m) => ({ kind: 'invalid', options: [m[1]!], expected: m[2]!, value: m[3]! }),
          ],
        ]
      : [
          [/^give input '([\w-]+)' or '([\w-]+)', not both$/, (m) => ({ kind: 'conflict', options: [m[1]!, m[2]!] })],
          [/^input '([\w-]+)' or '([\w-]+)' is required/, (m) => ({ kind: 'missing-one-of', options: [m[1]!, m[2]!] })],
          [/^input '([\w-]+)' is required/, (m) => ({ kind: 'missing', options: [m[1]!] })],
          [
            /^input '([\w-]+)' is "(.*)"; expected (.*)$/,
            (m) => ({ kind: 'invalid', options: [m[1]!], value: m[2]!, expected: m[3]! }),
          ],
        ];
  for (const [pattern, parts] of patterns) {
    const m = message.match(pattern);
    if (m) return parts(m);
  }
  return undefined;
}

interface Case {
  name: string;
  mode: string;
  options: Record<string, string | true>;
  env?: Record<string, string>;
  /** What both entries must do: succeed, or fail; `problem` when the options themselves are refused. */
  failed: boolean;
  problem?: Problem;
  /** The sidecar's reasons, when one is written. */
  reasons?: string[];
  /** A line both entries' reports show (the CLI's markdown, the action's job summary). */
  shows?: string;
}

const aggregate = { 'bench-result': BENCH, 'agg-result': AGG };
const CASES: Case[] = [
  {
    name: 'aggregate, the right GPU count',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '8' },
    failed: false,
    reasons: [],
  },
  {
    name: 'aggregate, a negative GPU count is an audit record',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '-1' },
    failed: false,
    reasons: ['invalid_expected_gpu_count'],
  },
  {
    name: 'aggregate, a zero GPU count is an audit record',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '0' },
    failed: false,
    reasons: ['invalid_expected_gpu_count'],
  },
  {
    name: 'aggregate, a GPU count that is not an integer',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': 'eight' },
    failed: true,
    problem: { kind: 'invalid', options: ['expected-num-gpus'], value: 'eight', expected: 'an integer' },
  },
  {
    name: 'aggregate without the bench result',
    mode: 'aggregate',
    options: { 'agg-result': AGG, 'expected-num-gpus': '8' },
    failed: true,
    problem: { kind: 'missing', options: ['bench-result'] },
  },
  {
    name: 'aggregate, require-power on invalid power fails after writing',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '4', 'require-power': true },
    failed: true,
    reasons: ['expected_gpu_count_mismatch'],
  },
  {
    name: 'aggregate, REQUIRE_POWER=yes',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '4' },
    env: { REQUIRE_POWER: 'yes' },
    failed: true,
    reasons: ['expected_gpu_count_mismatch'],
  },
  {
    name: 'aggregate, REQUIRE_POWER=0',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '4' },
    env: { REQUIRE_POWER: '0' },
    failed: false,
    reasons: ['expected_gpu_count_mismatch'],
  },
  {
    name: 'aggregate, a zero sample gap is an audit record',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '8', 'max-sample-gap': '0' },
    failed: false,
    reasons: ['invalid_max_sample_gap'],
  },
  {
    name: 'aggregate, a sample gap that is not a number',
    mode: 'aggregate',
    options: { ...aggregate, 'expected-num-gpus': '8', 'max-sample-gap': 'soon' },
    failed: true,
    problem: { kind: 'invalid', options: ['max-sample-gap'], value: 'soon', expected: 'a number of seconds' },
  },
  {
    name: 'aggregate-multinode, a negative pool size',
    mode: 'aggregate-multinode',
    options: { ...aggregate, 'prefill-gpus': '-1', 'decode-gpus': '0' },
    failed: true,
    problem: { kind: 'invalid', options: ['prefill-gpus'], value: '-1', expected: 'a non-negative integer' },
  },
  {
    name: 'process-result, require-power on invalid power',
    mode: 'process-result',
    options: { 'require-power': true },
    env: jobEnv('4'),
    failed: true,
    reasons: ['expected_gpu_count_mismatch'],
  },
  {
    name: 'process-result, valid power',
    mode: 'process-result',
    options: { 'require-power': true },
    env: jobEnv('8'),
    failed: false,
    reasons: [],
  },
  {
    name: 'process-result, a sample gap too short for 1 s sampling',
    mode: 'process-result',
    options: { 'max-sample-gap': '0.5' },
    env: jobEnv('8'),
    failed: false,
    reasons: ['sampling_gap_exceeded'],
  },
  {
    name: 'report, a visualizer URL that is not http(s)',
    mode: 'report',
    options: { results: '.', 'visualizer-url': 'javascript:alert(1)' },
    failed: true,
    problem: { kind: 'invalid', options: ['visualizer-url'], value: 'javascript:alert(1)', expected: 'an http(s) URL' },
  },
  // The sample's agg JSON has no power fields yet: matched with itself, it is not comparable.
  {
    name: 'report against a baseline folder with a percent threshold',
    mode: 'report',
    options: { results: '.', baseline: '.', threshold: '2.5 %' },
    failed: false,
    shows:
      '**Verdicts:** 🔴 0 regressions · 🟢 0 improvements · ⚪ 0 within noise · ⊘ 1 not comparable · 🆕 0 new · 0 gone (threshold 2.5 %)',
  },
  {
    name: 'report, a threshold that is not a percentage',
    mode: 'report',
    options: { results: '.', baseline: '.', threshold: 'lots' },
    failed: true,
    problem: {
      kind: 'invalid',
      options: ['threshold'],
      value: 'lots',
      expected: 'a percentage from 0 to 1000 such as 5',
    },
  },
  {
    name: 'report, a threshold past 1000 %',
    mode: 'report',
    options: { results: '.', threshold: '5000' },
    failed: true,
    problem: {
      kind: 'invalid',
      options: ['threshold'],
      value: '5000',
      expected: 'a percentage from 0 to 1000 such as 5',
    },
  },
  {
    name: 'validate-changelog, a base ref and a base file',
    mode: 'validate-changelog',
    options: { 'base-ref': 'HEAD~1', 'base-file': 'base.yaml', 'head-file': 'head.yaml', repo: REPO },
    failed: true,
    problem: { kind: 'conflict', options: ['base-ref', 'base-file'] },
  },
  {
    name: 'validate-changelog, neither base',
    mode: 'validate-changelog',
    options: { 'head-file': 'head.yaml', repo: REPO },
    failed: true,
    problem: { kind: 'missing-one-of', options: ['base-ref', 'base-file'] },
  },
  {
    name: 'validate-changelog, a pull request number that is not one',
    mode: 'validate-changelog',
    options: { 'base-file': 'base.yaml', 'head-file': 'head.yaml', 'pr-number': '0', repo: REPO },
    failed: true,
    problem: { kind: 'invalid', options: ['pr-number'], value: '0', expected: 'a positive integer' },
  },
  {
    name: 'validate-changelog, an appended entry',
    mode: 'validate-changelog',
    options: {
      'base-file': 'base.yaml',
      'head-file': 'head.yaml',
      'pr-number': '7',
      repo: REPO,
      'output-configs': 'configs.json',
    },
    failed: false,
  },
];

describe('the CLI and the action bundle behave alike for every shared option', () => {
  it.each(CASES)('$name', async (c) => {
    const cliWs = sweep();
    const argv = [
      c.mode,
      ...Object.entries(c.options).flatMap(([name, value]) => (value === true ? [`--${name}`] : [`--${name}`, value])),
    ];
    const viaCli = await cli(argv, cliWs, { TZ: 'UTC', ...c.env });

    const actionWs = sweep();
    const inputs = Object.fromEntries(
      Object.entries(c.options).map(([name, value]) => [name, value === true ? 'true' : value]),
    );
    const viaAction = await runAction(distDir, {
      workspace: actionWs,
      apiUrl: 'http://127.0.0.1:9',
      eventName: 'workflow_dispatch',
      inputs: { mode: c.mode, ...inputs },
      env: c.env,
    });

    const cliLog = viaCli.stdout + viaCli.stderr;
    const actionLog = viaAction.stdout + viaAction.stderr;
    expect(viaCli.code !== 0, cliLog).toBe(c.failed);
    expect(viaAction.code !== 0, actionLog).toBe(c.failed);
    // The same files with the same bytes, or none.
    expect(files(actionWs)).toEqual(files(cliWs));

    const sidecar = join(actionWs, `power_validation_${NAME}.json`);
    if (c.shows !== undefined) {
      expect(viaCli.stdout).toContain(c.shows);
      expect(viaAction.summary).toContain(c.shows);
    }
    if (c.reasons)
      expect((JSON.parse(readFileSync(sidecar, 'utf8')) as { reasons: string[] }).reasons).toEqual(c.reasons);
    if (c.problem) {
      expect(viaCli.code).toBe(2);
      const cliMessage = viaCli.stderr.match(
        new RegExp(`^sweep-power ${c.mode}: (.*)\\. See 'sweep-power ${c.mode} --help'\\.$`, 'm'),
      )?.[1];
      const actionMessage = viaAction.stdout.match(/^::error::(.*)$/m)?.[1];
      expect(unword(cliMessage ?? '', 'cli'), viaCli.stderr).toEqual(c.problem);
      expect(unword(actionMessage ?? '', 'action'), viaAction.stdout).toEqual(c.problem);
    }
  });
});
