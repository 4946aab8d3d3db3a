import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDcgmScrape } from '../../../src/core/insights/prometheus.js';
import { InsightAccumulator } from '../../../src/core/insights/accumulator.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/real-counters/${name}`, import.meta.url), 'utf8');

describe('real DCGM exporter scrapes', () => {
  it('reads an A100 scrape without HELP lines: the field definition gives mJ', () => {
    const scrape = readDcgmScrape(fixture('cloud-native-docs-a100.prom'));
    expect(scrape.problems).toEqual([]);
    expect(scrape.energyUnit).toBe('mJ');
    expect([...scrape.readings.keys()]).toEqual(['0']);
    const reading = scrape.readings.get('0');
    expect(reading?.powerW).toBe(409.692);
    // 319,159,391 mJ since driver load is 319,159.391 J.
    expect(reading?.energyJ).toBeCloseTo(319_159.391, 6);
  });

  it('reads the older exporter names, the HELP unit and an exponent value', () => {
    const scrape = readDcgmScrape(fixture('gpu-monitoring-tools-dcgm.prom'));
    expect(scrape.energyUnit).toBe('mJ');
    expect(scrape.readings.get('0')?.powerW).toBe(31.737);
    expect(scrape.readings.get('0')?.energyJ).toBeCloseTo(7_824.041, 6);
  });

  it('follows a HELP line that states another unit, and refuses one that is not an energy unit', () => {
    const text = fixture('gpu-monitoring-tools-dcgm.prom');
    expect(readDcgmScrape(text.replace('(in mJ)', '(in J)')).readings.get('0')?.energyJ).toBe(7_824_041);
    const bad = readDcgmScrape(text.replace('(in mJ)', '(in MHz)'));
    expect(bad.problems).toEqual(['help_unit_unreadable']);
    expect(bad.readings.get('0')?.energyJ).toBeUndefined();
    expect(bad.readings.get('0')?.powerW).toBe(31.737);
  });

  it('a counter starting at the real reading cross-checks against the power integral', () => {
    // The A100's counter and power, held for 10 scrapes 1 s apart: the counter's large
    // since-boot offset cancels, and 10 s x 409.692 W = 4096.92 J either way.
    const base = readDcgmScrape(fixture('cloud-native-docs-a100.prom')).readings.get('0')!;
    const acc = new InsightAccumulator({ start: 0, end: 10, maxSampleGapS: 5, counterSource: 'dcgm_total_energy' });
    for (let k = 0; k <= 10; k++)
      acc.push({ t: k, gpu: '0', watts: base.powerW!, energyJ: base.energyJ! + base.powerW! * k });
    const counter = acc.finish().counter!;
    expect(counter.integral_energy_j).toBeCloseTo(4096.92, 6);
    expect(counter.energy_j).toBeCloseTo(4096.92, 6);
    expect(counter.agreement).toBe('ok');
  });
});
