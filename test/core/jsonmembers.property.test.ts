import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParams } from '../helpers/fuzz.js';
import { patchMembers, readTopLevelObject, renderTopLevelObject } from '../../src/core/jsonmembers.js';
import { aggPowerPatch, POWER_METRIC_KEYS } from '../../src/core/power.js';

const POWER_KEYS = new Set<string>([
  ...POWER_METRIC_KEYS,
  'power_valid',
  'power_metric_schema_version',
  'power_invalid_reasons',
]);

/** Keys in textual order with their raw value text: integer-like keys, duplicates and escapes included. */
const memberList = fc.array(
  fc.tuple(
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('2', '10', 'power_valid', 'avg_power_w', 'hw', '__proto__'),
      fc.nat(99).map(String),
    ),
    fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(
        '1.0',
        '12345678901234567890',
        '-0.0',
        '1e400',
        'NaN',
        '-Infinity',
        '[1, 2 ,3]',
        '{ "a" : { } }',
        '"\\u00e9\\n"',
      ),
    ),
  ),
  { maxLength: 12 },
);

describe('agg JSON patch properties', () => {
  it('unrelated members keep their order and exact text; power keys are set once, valid or not', () => {
    fc.assert(
      fc.property(memberList, fc.boolean(), fc.constantFrom('', ' ', '\n  ', '\t'), (members, valid, ws) => {
        const text = `${ws}{${members.map(([k, v]) => `${ws}${JSON.stringify(k)}${ws}:${ws}${v}`).join(`,${ws}`)}${ws}}${ws}`;
        const read = readTopLevelObject(text);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.members.map((m) => [m.key, m.valueRaw])).toEqual(members);
        const patch = aggPowerPatch(valid, valid ? { avg_power_w: 612.3456, total_gpu_energy_j: 1e6 / 3 } : {});
        const rendered = renderTopLevelObject(patchMembers(read.members, patch.remove, patch.set));
        const again = readTopLevelObject(rendered);
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        const unrelated = (list: Array<[string, string]>): Array<[string, string]> =>
          list.filter(([k]) => !POWER_KEYS.has(k));
        expect(unrelated(again.members.map((m) => [m.key, m.valueRaw]))).toEqual(unrelated(members));
        const powerValid = again.members.filter((m) => m.key === 'power_valid');
        expect(powerValid.map((m) => m.valueRaw)).toEqual([valid ? '1' : '0']);
        expect(again.members.filter((m) => m.key === 'avg_power_w').map((m) => m.valueRaw)).toEqual(
          valid ? ['612.346'] : [],
        );
      }),
      fuzzParams(600),
    );
  });

  it('arbitrary text never throws; whatever JSON.parse reads as an object is read, anything else is refused', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .tuple(
          fc.jsonValue().map((v) => JSON.stringify({ v })),
          fc.nat(),
          fc.string({ maxLength: 3 }),
        )
        .map(([t, at, junk]) => t.slice(0, at % (t.length + 1)) + junk + t.slice(at % (t.length + 1))),
    );
    fc.assert(
      fc.property(text, (input) => {
        const read = readTopLevelObject(input);
        let parsed: unknown;
        try {
          parsed = JSON.parse(input);
        } catch {
          parsed = undefined;
        }
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          expect(read.ok).toBe(true);
          if (read.ok) expect(read.members.length).toBeGreaterThanOrEqual(Object.keys(parsed).length);
        } else if (!read.ok) {
          expect(read.error.length).toBeGreaterThan(0);
        }
      }),
      fuzzParams(600),
    );
  });
});
