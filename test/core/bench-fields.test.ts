import { describe, expect, it } from 'vitest';
import { type BenchFields, readBench } from '../../src/core/bench-fields.js';
import type { ResultProblem } from '../../src/core/process-result.js';

const BASE = {
  max_concurrency: 32,
  model_id: 'org/model',
  total_token_throughput: 6000.5,
  output_throughput: 3000,
};

/** A bench JSON with the base fields, overridden or extended by raw member texts in order. */
function benchText(raw: Record<string, string> = {}): string {
  const members = new Map<string, string>(Object.entries(BASE).map(([k, v]) => [k, JSON.stringify(v)]));
  for (const [k, v] of Object.entries(raw)) members.set(k, v);
  return `{${[...members].map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`;
}

function read(text: string): { fields: BenchFields | undefined; problems: ResultProblem[] } {
  const problems: ResultProblem[] = [];
  const fields = readBench(text, 'result.json', problems);
  return { fields, problems };
}

function ok(text: string): BenchFields {
  const { fields, problems } = read(text);
  if (!fields) throw new Error(JSON.stringify(problems));
  expect(problems).toEqual([]);
  return fields;
}

/** The one problem a text gives, as "subject: problem". */
function problemsOf(text: string): string[] {
  const { fields, problems } = read(text);
  expect(fields).toBeUndefined();
  return problems.map((p) => `${p.subject}: ${p.problem}`);
}

describe('readBench', () => {
  it('reads the fields the agg JSON takes', () => {
    expect(ok(benchText())).toEqual({
      concurrency: 32,
      modelId: 'org/model',
      totalThroughput: 6000.5,
      outputThroughput: 3000,
      conversions: [],
    });
  });

  it('turns *ms keys into seconds and tpot keys into interactivity, in bench order', () => {
    const fields = ok(benchText({ mean_ttft_ms: '250', median_tpot_ms: '20', p99_e2el_ms: '1500.5' }));
    expect(fields.conversions).toEqual([
      ['mean_ttft', '0.25'], // 250 ms / 1000 = 0.25 s
      ['median_tpot', '0.02'], // 20 ms / 1000 = 0.02 s
      ['median_intvty', '50.0'], // 1000 / 20 ms = 50 tokens/s per user, written as a Python float
      ['p99_e2el', '1.5005'], // 1500.5 / 1000
    ]);
  });

  it('takes any key ending in "ms" and any key naming "tpot", as the reference does', () => {
    // "items" ends in "ms"; "tpot" alone has no unit suffix but still yields an interactivity.
    const fields = ok(benchText({ items: '5', tpot: '4' }));
    expect(fields.conversions).toEqual([
      ['items', '0.005'], // 5 / 1000
      ['intvty', '250.0'], // 1000 / 4
    ]);
  });

  it('reads numbers as Python int()/float() do: numeric strings, booleans as 1/0, NaN and Infinity tokens', () => {
    const fields = ok(
      benchText({
        max_concurrency: '" 64 "',
        total_token_throughput: '"1e3"',
        output_throughput: 'true',
        a_ms: 'NaN',
        b_tpot: 'Infinity',
        c_ms: 'false',
      }),
    );
    expect(fields.concurrency).toBe(64);
    expect(fields.totalThroughput).toBe(1000);
    expect(fields.outputThroughput).toBe(1); // float(True) = 1.0
    expect(fields.conversions).toEqual([
      ['a', 'NaN'], // nan / 1000
      ['b_intvty', '0.0'], // 1000 / inf = 0.0
      ['c', '0.0'], // 0 / 1000
    ]);
  });

  it('keeps the last value of a key given twice at the first position', () => {
    const text =
      '{"x_ms": 1, "max_concurrency": 8, "model_id": "m", "total_token_throughput": 1, "output_throughput": 1, "x_ms": 2000, "y_ms": 3}';
    const fields = ok(text);
    expect(fields.concurrency).toBe(8);
    expect(fields.conversions).toEqual([
      ['x', '2.0'],
      ['y', '0.003'],
    ]);
  });

  it('names every missing field', () => {
    expect(problemsOf('{}')).toEqual(
      ['max_concurrency', 'model_id', 'total_token_throughput', 'output_throughput'].map(
        (key) => `result.json: ${key}: missing; the benchmark client writes it in every result`,
      ),
    );
  });

  it.each([
    ['"32.0"', 'the string "32.0"'], // int("32.0") raises in Python
    ['32.5', '32.5'],
    ['0', '0'],
    ['-4', '-4'],
    ['false', 'false'], // False is 0: not positive
    ['null', 'null'],
    ['[32]', 'a list'],
    ['{"n": 32}', 'an object'],
  ])('refuses max_concurrency %s', (raw, shown) => {
    expect(problemsOf(benchText({ max_concurrency: raw }))).toEqual([
      `result.json: max_concurrency: is ${shown}; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`,
    ]);
  });

  it('accepts max_concurrency 1 and true (Python: True is 1)', () => {
    expect(ok(benchText({ max_concurrency: '1' })).concurrency).toBe(1);
    expect(ok(benchText({ max_concurrency: 'true' })).concurrency).toBe(1);
  });

  it.each([
    ['""', 'the string ""'],
    ['5', '5'],
    ['null', 'null'],
  ])('refuses model_id %s', (raw, shown) => {
    expect(problemsOf(benchText({ model_id: raw }))).toEqual([
      `result.json: model_id: is ${shown}; expected the model name as a non-empty string`,
    ]);
  });

  it.each([
    ['"nan"', 'the string "nan"'],
    ['"inf"', 'the string "inf"'],
    ['NaN', 'NaN'],
    ['-Infinity', '-Infinity'],
    ['"fast"', 'the string "fast"'],
    ['null', 'null'],
  ])('refuses a throughput of %s: it must be finite', (raw, shown) => {
    expect(problemsOf(benchText({ output_throughput: raw }))).toEqual([
      `result.json: output_throughput: is ${shown}; expected a finite number (a number, or a string such as "6000.5" that Python's float() reads)`,
    ]);
  });

  it('refuses a duration or tpot that float() cannot read, and a zero tpot', () => {
    expect(problemsOf(benchText({ ttft_ms: '"soon"', x_tpot: '[1]' }))).toEqual([
      'result.json: ttft_ms: is the string "soon"; keys ending in "ms" or naming "tpot" must hold a number of milliseconds (or a string Python\'s float() reads)',
      'result.json: x_tpot: is a list; keys ending in "ms" or naming "tpot" must hold a number of milliseconds (or a string Python\'s float() reads)',
    ]);
    expect(problemsOf(benchText({ mean_tpot_ms: '0' }))).toEqual([
      'result.json: mean_tpot_ms: is 0; interactivity is 1000 / tpot, so tpot must be non-zero',
    ]);
  });

  it('shortens long values in messages', () => {
    const long = `"${'a'.repeat(50)}"`;
    // Strings: the first 36 characters of the raw text (quote included), then ...".
    expect(problemsOf(benchText({ model_id: '7', max_concurrency: long }))[0]).toBe(
      `result.json: max_concurrency: is the string "${'a'.repeat(35)}..."; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`,
    );
    // Other values: the first 37 characters, then ...
    const digits = `1${'0'.repeat(45)}.5`;
    expect(problemsOf(benchText({ max_concurrency: digits }))[0]).toBe(
      `result.json: max_concurrency: is ${digits.slice(0, 37)}...; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`,
    );
  });

  it('shortens from 41 characters on', () => {
    const message = (raw: string) => problemsOf(benchText({ max_concurrency: raw }))[0]?.split('; expected')[0];
    // A raw string of 40 characters (38 letters and two quotes) is shown whole; one of 41 is cut.
    expect(message(`"${'b'.repeat(38)}"`)).toBe(`result.json: max_concurrency: is the string "${'b'.repeat(38)}"`);
    expect(message(`"${'b'.repeat(39)}"`)).toBe(`result.json: max_concurrency: is the string "${'b'.repeat(35)}..."`);
    const number40 = `1${'0'.repeat(37)}.5`;
    const number41 = `1${'0'.repeat(38)}.5`;
    expect(message(number40)).toBe(`result.json: max_concurrency: is ${number40}`);
    expect(message(number41)).toBe(`result.json: max_concurrency: is ${number41.slice(0, 37)}...`);
  });

  it('reports every problem of a result at once', () => {
    expect(problemsOf(benchText({ max_concurrency: '0', model_id: '""', total_token_throughput: '"x"' }))).toHaveLength(
      3,
    );
  });

  it('says what to point at when the text is not one JSON object', () => {
    expect(problemsOf('[{"max_concurrency": 1}]')).toEqual([
      "result.json: is a JSON list; expected one benchmark result object. Point RESULT_FILENAME at the benchmark client's --save-result output.",
    ]);
    const [broken] = problemsOf('{"max_concurrency": ');
    expect(broken).toMatch(
      /^result\.json: is not a JSON object \(.+\)\. Point RESULT_FILENAME at the benchmark client's --save-result output\.$/,
    );
  });
});
