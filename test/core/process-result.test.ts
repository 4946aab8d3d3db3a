import { describe, expect, it } from 'vitest';
import { checkResultFilename, processResult } from '../../src/core/process-result.js';
import { parsePyJsonObject, pyJsonString, PyRawValue } from '../../src/core/pyjson.js';

const ENV = {
  RUNNER_TYPE: 'mi355x',
  FRAMEWORK: 'sglang',
  PRECISION: 'fp4',
  SPEC_DECODING: 'mtp',
  RESULT_FILENAME: 'r',
  ISL: '1024',
  OSL: '1024',
  DISAGG: 'false',
  MODEL_PREFIX: 'dsr1',
  IMAGE: 'img',
  TP: '8',
  EP_SIZE: '8',
  DP_ATTENTION: 'true',
};

function agg(bench: Record<string, unknown> | string, env: Record<string, string> = ENV): string {
  const text =
    typeof bench === 'string'
      ? bench
      : JSON.stringify({
          model_id: 'm',
          max_concurrency: 16,
          total_token_throughput: 800,
          output_throughput: 400,
          ...bench,
        });
  const outcome = processResult(env, 'r.json', text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.agg.text;
}

/** The members after the fixed single-node block, as text. */
function tail(text: string): string {
  return text.slice(text.indexOf('"input_tput_per_gpu"')).split('\n').slice(1).join('\n');
}

describe('processResult', () => {
  it('writes ms keys as seconds and tpot keys also as interactivity, in result order', () => {
    // 25 ms -> 0.025 s and 1000 / 25 = 40 tokens/s; the reference's rule applies to every key ending in "ms".
    expect(tail(agg({ mean_tpot_ms: 25, p99_ttft_ms: 250.3, num_items: 3 }))).toBe(
      '  "mean_tpot": 0.025,\n  "mean_intvty": 40.0,\n  "p99_ttft": 0.2503,\n  "num_items": 0.003\n}',
    );
  });

  it('keeps a Python NaN statistic as NaN, as json.dumps writes it', () => {
    expect(
      tail(
        agg(
          '{"model_id": "m", "max_concurrency": 1, "total_token_throughput": 2, "output_throughput": 1, "std_itl_ms": NaN, "itls": [NaN]}',
        ),
      ),
    ).toBe('  "std_itl": NaN\n}');
  });

  it('lets a converted key replace an earlier member in place, as a dict assignment does', () => {
    // "tp_ms" becomes "tp", which the single-node block already wrote: the value changes, the position does not.
    const text = agg({ tp_ms: 5000 });
    expect(text).toContain('\n  "tp": 5.0,\n  "pp": 1,');
    expect(text.match(/"tp"/g)).toHaveLength(1);
  });

  it('escapes like ensure_ascii and writes integers and floats apart', () => {
    const text = agg({ model_id: 'DeepSeek-R1 \u00e9\u{1f600}\n' });
    expect(text).toContain('"model": "DeepSeek-R1 \\u00e9\\ud83d\\ude00\\n",');
    // 800 / 8 GPUs = 100 tokens/s per GPU: a Python float, so 100.0.
    expect(text).toContain('"tput_per_gpu": 100.0,');
    expect(text).toContain('"conc": 16,');
  });

  it('reads duplicate result keys as Python does: last value, first position', () => {
    expect(
      agg(
        '{"model_id": "a", "max_concurrency": 1, "total_token_throughput": 2, "output_throughput": 1, "model_id": "b"}',
      ),
    ).toContain('"model": "b"');
  });

  it('collects result problems together with environment problems', () => {
    const outcome = processResult(
      { ...ENV, OSL: 'x' },
      'r.json',
      JSON.stringify({ max_concurrency: '4.0', total_token_throughput: 1 }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.subject)).toEqual([
      'OSL',
      'r.json: max_concurrency',
      'r.json: model_id',
      'r.json: output_throughput',
    ]);
  });

  it.each(['../x', 'a/b', 'a\\b', '..', '/abs', ''])('refuses RESULT_FILENAME %j', (name) => {
    expect(checkResultFilename(name)).toBeDefined();
  });

  it('accepts plain result names', () => {
    expect(checkResultFilename('dsr1_1k1k_fp8_sglang_tp8-ep1-dpafalse_conc64_gpus_8.v2')).toBeUndefined();
  });
});

describe('pyjson', () => {
  it('escapes control and non-ASCII characters as \\uXXXX', () => {
    expect(pyJsonString('a"b\\c\u0001\u2028/')).toBe('"a\\"b\\\\c\\u0001\\u2028/"');
  });

  it('parses Python tokens at the top level and keeps nested ones as source text', () => {
    const parsed = parsePyJsonObject('{"a": NaN, "b": -Infinity, "c": [1, NaN], "d": 2}');
    expect(parsed?.a).toBeNaN();
    expect(parsed?.b).toBe(-Infinity);
    expect(parsed?.c).toEqual(new PyRawValue('[1, NaN]'));
    expect(parsed?.d).toBe(2);
    expect(parsePyJsonObject('[1]')).toBeUndefined();
    expect(parsePyJsonObject('{"a": nan}')).toBeUndefined();
  });
});
