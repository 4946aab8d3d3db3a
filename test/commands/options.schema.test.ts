import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { actionInputs, declaredDefault } from '../../src/action/inputs.js';
import { usage } from '../../src/cli-run.js';
import { MODES, SCHEMAS } from '../../src/commands/modes.js';
import { optionsFor } from '../../src/commands/options.js';
import { getConfig } from '../../src/main.js';

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, unknown>;
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;

afterEach(() => vi.unstubAllEnvs());

function inputs(values: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) vi.stubEnv(key, undefined);
  for (const [name, value] of Object.entries(values)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
}

describe('action.yml and --help against the option schemas', () => {
  it('declares exactly the inputs the schemas give the action, with the same defaults', () => {
    const declared = actionInputs();
    expect(Object.keys(action.inputs).sort()).toEqual([...declared.keys()].sort());
    for (const [name, spec] of declared)
      expect(action.inputs[name]?.default, `default of input ${name}`).toBe(declaredDefault(spec));
  });

  it('gives an input the same default and kind in every mode that takes it', () => {
    for (const name of actionInputs().keys()) {
      const rules = MODES.flatMap((mode) => optionsFor(SCHEMAS[mode], 'action').filter((o) => o.name === name));
      expect(
        new Set(rules.map((spec) => `${declaredDefault(spec)} | ${spec.kind.expected} | ${spec.env}`)).size,
        name,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('lists every CLI flag of every mode in --help, with its default', () => {
    const help = usage();
    for (const mode of MODES) {
      const section = help.slice(help.indexOf(`\n  ${mode}\n`));
      expect(section, mode).not.toBe('');
      for (const option of optionsFor(SCHEMAS[mode], 'cli')) {
        expect(section, `${mode} --${option.name}`).toContain(`--${option.name}`);
        if (option.default)
          expect(section.replace(/\s+/g, ' '), `${mode} --${option.name} default`).toContain(
            `(default: ${option.default})`,
          );
      }
    }
  });

  it('declares the report outputs the action sets', () => {
    for (const name of ['regressions', 'improvements', 'comparable', 'comparison', 'markdown-file']) {
      expect(Object.keys(action.outputs), name).toContain(name);
      expect(readFileSync('src/action/report.ts', 'utf8'), name).toContain(`core.setOutput('${name}'`);
    }
  });

  it('says the default visualizer URL once, in the schema', () => {
    const sources = [
      'src/main.ts',
      'src/cli-run.ts',
      'src/action/job.ts',
      'src/action/report.ts',
      'src/commands/report.ts',
      'src/commands/job.ts',
    ];
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toContain('inferencex.semianalysis.com');
    expect(action.inputs['visualizer-url']?.default).toBe(
      SCHEMAS.report.options.find((o) => o.name === 'visualizer-url')?.default,
    );
  });
});

describe('action inputs, one rule per option', () => {
  it.each(['1', 'yes', 'TRUE', 'true'])('require-power %s is true in every mode that takes it', (value) => {
    inputs({
      mode: 'aggregate',
      'bench-result': 'b.json',
      'agg-result': 'a.json',
      'expected-num-gpus': '8',
      'require-power': value,
    });
    expect(getConfig({})).toMatchObject({ requirePower: true });
    inputs({ mode: 'process-result', 'require-power': value });
    expect(getConfig({})).toMatchObject({ requirePower: true });
    inputs({
      mode: 'aggregate-multinode',
      'bench-result': 'b.json',
      'agg-result': 'a.json',
      'prefill-gpus': '4',
      'decode-gpus': '0',
      'require-power': value,
    });
    expect(getConfig({})).toMatchObject({ requirePower: true });
  });

  it.each(['0', 'no', 'False'])('require-power %s is false, even with REQUIRE_POWER set', (value) => {
    inputs({ mode: 'process-result', 'require-power': value });
    expect(getConfig({ REQUIRE_POWER: '1' })).toMatchObject({ requirePower: false });
  });

  it('refuses a require-power or REQUIRE_POWER that is not a boolean, naming it', () => {
    inputs({ mode: 'process-result', 'require-power': 'maybe' });
    expect(() => getConfig({})).toThrow(`input 'require-power' is "maybe"; expected true or false`);
    inputs({ mode: 'process-result' });
    expect(() => getConfig({ REQUIRE_POWER: 'sometimes' })).toThrow(
      `REQUIRE_POWER is "sometimes"; expected true or false`,
    );
  });

  it('takes any integer GPU count in mode aggregate, as the reference does', () => {
    for (const gpus of ['-1', '0', '8']) {
      inputs({ mode: 'aggregate', 'bench-result': 'b.json', 'agg-result': 'a.json', 'expected-num-gpus': gpus });
      expect(getConfig({})).toMatchObject({ expectedNumGpus: Number(gpus) });
    }
  });

  it('refuses an input the mode does not use, and passes one left at its action.yml default', () => {
    inputs({ mode: 'report', results: 'r', 'max-sample-gap': '5' });
    expect(() => getConfig({})).toThrow(
      "input 'max-sample-gap' is not used by mode report; remove it (modes that use it: job, aggregate, process-result)",
    );
    inputs({ mode: 'job', csv: 'gpu.csv' });
    expect(() => getConfig({})).toThrow("input 'csv' is not used by mode job");
    inputs({
      mode: 'aggregate-multinode',
      'bench-result': 'b.json',
      'agg-result': 'a.json',
      'prefill-gpus': '4',
      'decode-gpus': '0',
      'max-sample-gap': '1.5',
    });
    expect(() => getConfig({})).toThrow("input 'max-sample-gap' is not used by mode aggregate-multinode");
    // What the runner fills in from action.yml for every mode is not the user's choice.
    inputs({
      mode: 'report',
      results: 'r',
      'max-sample-gap': '3.0',
      upload: 'true',
      'github-token': 't',
      'comment-key': 'w',
      'artifact-prefix': '',
    });
    expect(getConfig({})).toMatchObject({ mode: 'report', results: 'r' });
  });

  it('honours max-sample-gap in the modes that aggregate single-node telemetry', () => {
    inputs({ mode: 'process-result', 'max-sample-gap': '1.5' });
    expect(getConfig({})).toMatchObject({ maxSampleGapS: 1.5 });
    inputs({ mode: 'job', 'max-sample-gap': '1.5' });
    expect(getConfig({})).toMatchObject({ maxSampleGapS: 1.5 });
  });

  it('reads the report baseline inputs from the schema: defaults, percent threshold, bounded history, one boolean parser', () => {
    // action.yml's defaults as the runner fills them in.
    inputs({ mode: 'report', results: 'r', 'baseline-history': '5', threshold: '5', 'fail-on-regression': 'false' });
    expect(getConfig({})).toMatchObject({
      mode: 'report',
      baseline: undefined,
      baselineHistory: 5,
      threshold: 0.05,
      failOnRegression: false,
    });
    inputs({
      mode: 'report',
      results: 'r',
      baseline: 'auto',
      'baseline-history': '20',
      threshold: '2.5 %',
      'fail-on-regression': 'YES',
    });
    expect(getConfig({})).toMatchObject({
      baseline: 'auto',
      baselineHistory: 20,
      threshold: 0.025,
      failOnRegression: true,
    });
    for (const value of ['0', '21', '2.5', 'many']) {
      inputs({ mode: 'report', results: 'r', 'baseline-history': value });
      expect(() => getConfig({}), value).toThrow(
        `input 'baseline-history' is "${value}"; expected a whole number of runs from 1 to 20`,
      );
    }
    for (const value of ['-5', '1001', 'lots']) {
      inputs({ mode: 'report', results: 'r', threshold: value });
      expect(() => getConfig({}), value).toThrow(
        `input 'threshold' is "${value}"; expected a percentage from 0 to 1000 such as 5`,
      );
    }
    inputs({ mode: 'report', results: 'r', 'fail-on-regression': 'maybe' });
    expect(() => getConfig({})).toThrow(`input 'fail-on-regression' is "maybe"; expected true or false`);
    // The baseline inputs belong to mode report alone.
    inputs({ mode: 'job', baseline: 'auto' });
    expect(() => getConfig({})).toThrow(
      "input 'baseline' is not used by mode job; remove it (modes that use it: report)",
    );
  });

  it('refuses a base ref together with a base file, as the CLI does', () => {
    inputs({ mode: 'validate-changelog', 'base-ref': 'origin/main', 'base-file': 'base.yaml' });
    expect(() => getConfig({})).toThrow("give input 'base-ref' or 'base-file', not both");
  });
});
