import { describe, expect, it } from 'vitest';
import { InsightFeed } from '../../../src/core/insights/feed.js';
import { TelemetryScan } from '../../../src/core/telemetry/scan.js';

const T0 = 1_700_000_000;
const window = { start: T0 + 2, end: T0 + 8, maxSampleGapS: 5, outputTokens: 100 };

/** The rows reach the feed through the telemetry scan, once as text and once as bytes. */
function both(lines: string[]) {
  const text = new InsightFeed(window);
  const bytes = new InsightFeed(window);
  const textScan = new TelemetryScan({ source: 'gpu.csv', ...window, rows: text });
  const bytesScan = new TelemetryScan({ source: 'gpu.csv', ...window, rows: bytes });
  lines.forEach((line, i) => {
    textScan.acceptLine(line, i + 1);
    const buf = Buffer.from(`xx${line}yy`, 'utf8');
    bytesScan.acceptLineBytes(buf, 2, buf.length - 2, i + 1);
  });
  return {
    text: text.finish(undefined, textScan.deviceResults()),
    bytes: bytes.finish(undefined, bytesScan.deviceResults()),
  };
}

describe('insight feed', () => {
  it('reads rows from bytes exactly as from text, odd rows included', () => {
    const header = 'timestamp, name, index, power.draw [W], enforced.power.limit [W], total_energy_consumption [J]';
    const lines = [header];
    for (let k = 0; k <= 10; k++) {
      for (const gpu of ['0', '1']) {
        const watts = k === 4 && gpu === '1' ? '[N/A]' : `${(300 + 10 * k + (gpu === '1' ? 0.25 : 0)).toFixed(2)} W`;
        const limit = k === 5 ? '[N/A]' : '700.00 W';
        lines.push(`${T0 + k}, NVIDIA H100 80GB HBM3, ${gpu}, ${watts}, ${limit}, ${(1000 + 300 * k).toFixed(3)}`);
      }
      if (k === 3) lines.push(header);
      if (k === 6) lines.push(`"${T0 + 6.5}", "NVIDIA H100 80GB HBM3", "00", "310.5", "700", "2950"`);
      if (k === 7) lines.push(`${T0 + 7.5}, NVIDIA H100 80GB HBM3, é1, 305 W, 700 W, 3100 J`);
    }
    const { text, bytes } = both(lines);
    expect(bytes).toEqual(text);
    // The rows were read: two GPUs plus "00" and "é1", a counter, the enforced limit.
    expect(Object.keys(text.quality.per_gpu_coverage).sort()).toEqual(['0', '00', '1', 'é1']);
    expect(text.counter?.source).toBe('nvidia_smi_total_energy');
    expect(text.power_limit).toMatchObject({ enforced_w: 700, source: 'column' });
  });

  it('finds no header in text that has none, and still finishes', () => {
    const { text, bytes } = both(['hello', 'world']);
    expect(bytes).toEqual(text);
    expect(text.phases[1]).toMatchObject({ energy_j: null, reason: 'no_power_samples' });
  });

  it('reports counter columns it cannot use', () => {
    const lines = [
      'timestamp, index, power.draw [W], total_energy_consumption',
      `${T0}, 0, 100 W, 5`,
      `${T0 + 10}, 0, 100 W, 6`,
    ];
    const { text } = both(lines);
    expect(text.counter).toBeNull();
    expect(text.warnings).toContain('counter_unit_unknown');
  });
});
