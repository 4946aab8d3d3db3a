import { describe, expect, it } from 'vitest';
import {
  MAX_GPU_IDS,
  type ScanOptions,
  TelemetryScan,
  type TelemetryRowSink,
} from '../../../src/core/telemetry/scan.js';
import type { TelemetrySchema } from '../../../src/core/telemetry/schema.js';
import { BASE, nvidiaTimestamp } from '../../helpers/workspace.js';

/** Window [BASE, BASE + 10] with a 2 s gap margin: rows in [BASE - 2, BASE + 12] are integrated. */
const WINDOW = { source: 'gpu.csv', start: BASE, end: BASE + 10, maxSampleGapS: 2 };

type Feed = (lines: string[], options?: Partial<ScanOptions>, unterminatedLast?: boolean) => TelemetryScan;

/** Lines as the string reader gets them. */
const asText: Feed = (lines, options = {}, unterminatedLast = false) => {
  const scan = new TelemetryScan({ ...WINDOW, ...options });
  lines.forEach((line, i) => {
    scan.acceptLine(line, i + 1, unterminatedLast && i === lines.length - 1);
  });
  scan.endOfInput();
  return scan;
};

/** Lines as the byte reader gets them: ranges of one buffer holding the whole file. */
const asBytes: Feed = (lines, options = {}, unterminatedLast = false) => {
  const scan = new TelemetryScan({ ...WINDOW, ...options });
  const buf = Buffer.from(`${lines.join('\n')}${unterminatedLast ? '' : '\n'}`, 'utf8');
  let start = 0;
  lines.forEach((line, i) => {
    const end = start + Buffer.byteLength(line, 'utf8');
    scan.acceptLineBytes(buf, start, end, i + 1, unterminatedLast && i === lines.length - 1);
    start = end + 1;
  });
  scan.endOfInput();
  return scan;
};

/** Per GPU: the energy in joules, or the integrator's issue. */
function energies(scan: TelemetryScan): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [gpu, result] of scan.deviceResults()) out[gpu] = result.issue ?? result.energyJ;
  return out;
}

function findings(scan: TelemetryScan): Array<[string, string]> {
  return scan.findings.list().map((f) => [f.code, f.message]);
}

const HEADER = 'timestamp, index, power.draw [W]';

/** nvidia-smi rows once a second from `from` to `to` (epoch seconds), one per GPU, power(gpu). */
function rows(from: number, to: number, watts: string[]): string[] {
  const lines: string[] = [];
  for (let t = from; t <= to; t++)
    for (const [gpu, w] of watts.entries()) lines.push(`${nvidiaTimestamp(t)}, ${gpu}, ${w}`);
  return lines;
}

describe.each([
  ['text', asText],
  ['bytes', asBytes],
] as const)('TelemetryScan (%s reader)', (_, feed) => {
  it('integrates each GPU over the window from the rows within the gap margin', () => {
    const scan = feed([HEADER, ...rows(BASE - 4, BASE + 14, ['100.00 W', '300.00 W'])]);
    // 100 W x 10 s and 300 W x 10 s; rows at BASE - 2 .. BASE + 12 (15 of them) are integrated.
    expect(Object.fromEntries(scan.deviceResults())).toEqual({
      0: { sampleCount: 15, energyJ: 1000, maxGapS: 1, maxGapAt: BASE },
      1: { sampleCount: 15, energyJ: 3000, maxGapS: 1, maxGapAt: BASE },
    });
    expect(findings(scan)).toEqual([]);
    expect(scan.gpuIdentity()).toEqual({ method: 'column', column: 'index' });
    // Every readable timestamp counts for the span, not only those near the window.
    expect(scan.timeSpan()).toEqual({ first: BASE - 4, last: BASE + 14, zoneless: true });
  });

  it('reads a GPU column that comes first', () => {
    const lines = ['index, timestamp, power.draw [W]'];
    for (let t = BASE - 1; t <= BASE + 11; t++)
      lines.push(`0, ${nvidiaTimestamp(t)}, 10 W`, `1, ${nvidiaTimestamp(t)}, 20 W`);
    const scan = feed(lines);
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 100, 1: 200 });
    expect(scan.gpuIdentity()).toEqual({ method: 'column', column: 'index' });
  });

  it('spans from the earliest to the latest timestamp, whatever their order', () => {
    const scan = feed([
      'timestamp,gpu,power',
      `${BASE + 5},0,1`,
      `${BASE + 2},0,1`,
      `${BASE + 9},1,1`,
      `${BASE + 1},1,1`,
      `${BASE + 7},0,1`,
    ]);
    expect(scan.timeSpan()).toEqual({ first: BASE + 1, last: BASE + 9, zoneless: false });
  });

  it('spans a file of one timestamp', () => {
    const scan = feed(['timestamp,gpu,power', `${BASE + 3},0,1`, `${BASE + 3},1,1`]);
    expect(scan.timeSpan()).toEqual({ first: BASE + 3, last: BASE + 3, zoneless: false });
    expect(feed([HEADER]).timeSpan()).toBeUndefined();
  });

  it('reads watts with and without the unit, and any GPU name', () => {
    const lines = ['timestamp,gpu,power'];
    for (let t = BASE - 1; t <= BASE + 11; t++) {
      // Epoch seconds carry a zone (UTC).
      lines.push(
        `${t},0,612.34 W`,
        `${t}, 1 ,250`,
        `${t},GPU-7f,  12.5w `,
        `${t},00,40.125W`,
        `${t},é1,\t3\t`,
        `${t},idle,0.00 W`,
      );
    }
    const scan = feed(lines);
    expect(findings(scan)).toEqual([]);
    const energy = energies(scan);
    expect(Object.keys(energy)).toEqual(['0', '1', 'GPU-7f', '00', 'é1', 'idle']);
    // Each GPU's power over 10 s.
    expect(energy['0']).toBeCloseTo(6123.4, 9);
    expect(energy['1']).toBe(2500);
    expect(energy['GPU-7f']).toBe(125);
    expect(energy['00']).toBe(401.25);
    expect(energy.idle).toBe(0);
    expect(energy['é1']).toBe(30);
    expect(scan.timeSpan()).toEqual({ first: BASE - 1, last: BASE + 11, zoneless: false });
  });

  it('skips a byte-order mark, blank lines and a tool banner before the header', () => {
    const scan = feed([
      '\ufeff=========== amd-smi ===========',
      '',
      'WARNING: not all GPUs report power',
      '   ',
      HEADER,
      ...rows(BASE - 1, BASE + 11, ['50.00 W']),
    ]);
    expect(scan.schema?.format).toBe('nvidia-smi');
    expect(scan.notes.preambleLines).toBe(2);
    expect(energies(scan)).toEqual({ 0: 500 });
  });

  it('counts a repeated header, with or without the same blanks, and reads on', () => {
    const scan = feed([
      HEADER,
      ...rows(BASE - 1, BASE + 4, ['50.00 W']),
      HEADER,
      ...rows(BASE + 5, BASE + 8, ['50.00 W']),
      `  ${HEADER} `,
      ...rows(BASE + 9, BASE + 11, ['50.00 W']),
    ]);
    expect(scan.notes.repeatedHeaderLines).toBe(2);
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 500 });
  });

  it('counts a repeated header without the blanks the first one had', () => {
    const scan = feed([
      ` ${HEADER}\t`,
      ...rows(BASE - 1, BASE + 4, ['50.00 W']),
      HEADER,
      ...rows(BASE + 5, BASE + 11, ['50.00 W']),
    ]);
    expect(scan.notes.repeatedHeaderLines).toBe(1);
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 500 });
  });

  it('reads a quoted header after a byte-order mark', () => {
    const scan = feed(['\ufeff"timestamp","index","power.draw [W]"', ...rows(BASE - 1, BASE + 11, ['50.00 W'])]);
    expect(scan.notes.preambleLines).toBe(0);
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 500 });
  });

  it('takes the time from the timestamp column when the column before it repeats the last timestamp', () => {
    // A start-time column first: its text equals the previous row's timestamp, and must not stand in for it.
    const t = (s: number) => nvidiaTimestamp(BASE + s);
    const lines = ['start, timestamp, index, power.draw [W]'];
    // 100 W for the first 5 s of the window, 300 W after: 100 x 5 + (100 + 300) / 2 x 1 + 300 x 4 = 1900 J.
    for (let s = -1; s <= 11; s++) lines.push(`${t(s - 1)}, ${t(s)}, 0, ${s <= 5 ? 100 : 300}.00 W`);
    const scan = feed(lines);
    expect(findings(scan)).toEqual([]);
    expect(scan.timeSpan()).toEqual({ first: BASE - 1, last: BASE + 11, zoneless: true });
    expect(energies(scan)).toEqual({ 0: 1900 });
  });

  it('drops a last line cut before its power cell ends, and reads a complete one without a newline', () => {
    const body = rows(BASE - 1, BASE + 11, ['50.00 W']);
    const cut = feed([HEADER, ...body, `${nvidiaTimestamp(BASE + 12)}, 0, 61`], {}, true);
    expect(cut.notes.truncatedLastLine).toBe(true);
    expect(findings(cut)).toEqual([]);
    expect(cut.deviceResults().get('0')?.sampleCount).toBe(13);
    // A separator after the last needed cell shows that the power cell is whole.
    const whole = feed(
      [`${HEADER}, temperature.gpu`, ...body.map((l) => `${l}, 60`), `${nvidiaTimestamp(BASE + 12)}, 0, 61.00 W,`],
      {},
      true,
    );
    expect(whole.notes.truncatedLastLine).toBe(false);
    expect(whole.deviceResults().get('0')?.sampleCount).toBe(14);
  });

  it('names the line of an unreadable timestamp, and says when it is the cut-off last line', () => {
    const body = rows(BASE - 1, BASE + 11, ['50.00 W']);
    const scan = feed([HEADER, ...body.slice(0, 3), 'yesterday, 0, 50.00 W', ...body.slice(3)]);
    expect(findings(scan)).toEqual([
      [
        'invalid_timestamp_sample',
        'gpu.csv:5: timestamp "yesterday" cannot be read; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.',
      ],
    ]);
    const last = feed(
      [`${HEADER}, temperature.gpu`, ...body.map((l) => `${l}, 60`), '2026/05/20 12:0, 0, 50.00 W, 6'],
      {},
      true,
    );
    expect(findings(last)).toEqual([
      [
        'invalid_timestamp_sample',
        `gpu.csv:15: timestamp "2026/05/20 12:0" cannot be read (last line, possibly cut off); its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`,
      ],
    ]);
  });

  it('quotes an empty timestamp for a row too short to hold one', () => {
    const lines = ['index, timestamp, power.draw [W]'];
    for (let t = BASE - 1; t <= BASE + 11; t++) lines.push(`0, ${nvidiaTimestamp(t)}, 50.00 W`);
    lines.splice(3, 0, '0');
    expect(findings(feed(lines))).toEqual([
      [
        'invalid_timestamp_sample',
        'gpu.csv:4: timestamp "" cannot be read; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.',
      ],
    ]);
  });

  it('refuses unreadable or negative power near the window only, naming line and column', () => {
    const body = rows(BASE - 4, BASE + 14, ['50.00 W']);
    // Lines 2..20 hold BASE - 4 .. BASE + 14; BASE - 3 (line 3) is beyond the margin.
    body[1] = `${nvidiaTimestamp(BASE - 3)}, 0, [N/A]`;
    expect(findings(feed([HEADER, ...body]))).toEqual([]);
    body[2] = `${nvidiaTimestamp(BASE - 2)}, 0, -5.00 W`;
    body[3] = `${nvidiaTimestamp(BASE - 1)}, 0, [N/A]`;
    expect(findings(feed([HEADER, ...body]))).toEqual([
      [
        'invalid_power_sample',
        'gpu.csv:4: power "-5.00 W" in column "power.draw [W]" is not a non-negative number of watts near the benchmark window.',
      ],
    ]);
  });

  it('refuses a row that ends before its power cell near the window', () => {
    const body = rows(BASE - 1, BASE + 11, ['50.00 W']);
    body[4] = `${nvidiaTimestamp(BASE + 3)}, 0`;
    expect(findings(feed([HEADER, ...body]))).toEqual([
      [
        'invalid_power_sample',
        'gpu.csv:6: power "" in column "power.draw [W]" is not a non-negative number of watts near the benchmark window.',
      ],
    ]);
  });

  it('reads quoted cells with commas in them as one cell', () => {
    const lines = ['timestamp, index, name, power.draw [W]'];
    for (let t = BASE - 1; t <= BASE + 11; t++)
      lines.push(
        `${nvidiaTimestamp(t)}, 0, "H100 SXM, 700, W", 300.00 W`,
        `${nvidiaTimestamp(t)}, "1", H100, 200.00 W`,
      );
    const scan = feed(lines);
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 3000, 1: 2000 });
  });

  it('reads timestamps that drop a zero fraction (Python isoformat) at their own time', () => {
    // isoformat() writes 12:00:01 for a whole second and 12:00:01.500000 otherwise. GPUs 0 and 2 are
    // stamped half a second after GPU 1, so rows alternate between stamps that extend the one
    // before and stamps that are a prefix of it.
    const iso = (t: number): string => {
      const text = new Date(t * 1000)
        .toISOString()
        .slice(0, 23)
        .replace(/\.000$/, '');
      return text.endsWith('.500') ? `${text}000` : text;
    };
    const watts = (t: number): string => (100 + 10 * (t - BASE)).toFixed(1);
    const lines = ['timestamp,gpu,power'];
    for (let s = BASE - 2; s <= BASE + 11; s++)
      for (const [gpu, t] of [
        [0, s + 0.5],
        [1, s],
        [2, s + 0.5],
      ] as const)
        lines.push(`${iso(t)},${gpu},${watts(t)}`);
    expect(lines.slice(1, 4)).toEqual([
      '2026-05-20T11:59:58.500000,0,85.0',
      '2026-05-20T11:59:58,1,80.0',
      '2026-05-20T11:59:58.500000,2,85.0',
    ]);
    const scan = feed(lines);
    expect(findings(scan)).toEqual([]);
    // Power rises 10 W/s from 100 W at BASE: the mean over [BASE, BASE + 10] is 150 W, 1,500 J.
    const energy = energies(scan);
    for (const gpu of ['0', '1', '2']) expect(energy[gpu]).toBeCloseTo(1500, 9);
  });

  it('refuses a row short of its GPU cell near the window', () => {
    const lines = ['timestamp, power.draw [W], index'];
    for (let t = BASE - 1; t <= BASE + 11; t++) lines.push(`${nvidiaTimestamp(t)}, 50.00 W, 0`);
    lines.splice(3, 0, `${nvidiaTimestamp(BASE + 1)}, 50.00 W`);
    expect(findings(feed(lines))).toEqual([
      ['gpu_identity_missing', 'gpu.csv:4: the GPU column "index" is empty; every row must name its GPU.'],
    ]);
  });

  it('refuses a row with an empty GPU cell near the window', () => {
    const body = rows(BASE - 1, BASE + 11, ['50.00 W']);
    body[4] = `${nvidiaTimestamp(BASE + 3)},  , 50.00 W`;
    expect(findings(feed([HEADER, ...body]))).toEqual([
      ['gpu_identity_missing', 'gpu.csv:6: the GPU column "index" is empty; every row must name its GPU.'],
    ]);
  });

  it('keeps cells with control characters to one short line in messages', () => {
    const body = rows(BASE - 1, BASE + 11, ['50.00 W']);
    body[0] = `${nvidiaTimestamp(BASE - 1)}, 0, ${'9'.repeat(70)}\u0007 W`;
    const [finding] = findings(feed([HEADER, ...body]));
    // 57 characters of the cell, then "...".
    expect(finding).toEqual([
      'invalid_power_sample',
      `gpu.csv:2: power "${'9'.repeat(57)}..." in column "power.draw [W]" is not a non-negative number of watts near the benchmark window.`,
    ]);
    const sixty = rows(BASE - 1, BASE + 11, ['50.00 W']);
    sixty[0] = `${nvidiaTimestamp(BASE - 1)}, 0, ${'9'.repeat(59)}\u0007`;
    // Exactly 60 characters are shown whole.
    expect(findings(feed([HEADER, ...sixty]))[0]?.[1]).toContain(`power "${'9'.repeat(59)}?" in column`);
    const short = rows(BASE - 1, BASE + 11, ['50.00 W']);
    short[0] = `${nvidiaTimestamp(BASE - 1)}, 0, 5\u0007 W`;
    expect(findings(feed([HEADER, ...short]))[0]?.[1]).toContain('power "5? W" in column');
  });

  it('averages rows of one GPU that share a timestamp, in order', () => {
    const body = rows(BASE - 1, BASE + 11, ['200.00 W']).flatMap((l) => [l, l.replace('200.00 W', '400.00 W')]);
    const scan = feed([HEADER, ...body]);
    expect([...scan.outOfOrderGpus()]).toEqual([]);
    // 300 W on average for 10 s.
    expect(energies(scan)).toEqual({ 0: 3000 });
    expect(scan.notes.outOfOrderGpus).toEqual([]);
  });

  it('integrates a GPU whose rows go back in time from the rows collected on a second pass', () => {
    const lines = [HEADER, ...rows(BASE - 1, BASE + 11, ['100.00 W', '200.00 W'])];
    // GPU 1's row of BASE + 5 moves after its row of BASE + 6; GPU 0 stays in order.
    const at5 = lines.indexOf(`${nvidiaTimestamp(BASE + 5)}, 1, 200.00 W`);
    const [moved] = lines.splice(at5, 1);
    lines.splice(at5 + 2, 0, moved as string);
    const scan = feed(lines);
    expect([...scan.outOfOrderGpus()]).toEqual(['1']);
    const collector = feed(lines, { collectGpus: scan.outOfOrderGpus() });
    const collected = collector.collectedSamples();
    expect([...collected.keys()]).toEqual(['1']);
    expect(collected.get('1')?.times).toHaveLength(13);
    const results = scan.deviceResults(collected);
    expect(results.get('0')).toMatchObject({ energyJ: 1000 });
    expect(results.get('1')).toMatchObject({ energyJ: 2000, sampleCount: 13 });
    expect(scan.notes.outOfOrderGpus).toEqual(['1']);
    // Without the second pass the GPU has no samples.
    expect(feed(lines).deviceResults().get('1')).toEqual({ sampleCount: 0, issue: 'insufficient_power_samples' });
  });

  it('lists out-of-order GPUs in GPU order', () => {
    const lines = ['timestamp, gpu, power.draw [W]'];
    for (let t = BASE - 1; t <= BASE + 11; t++)
      for (const gpu of ['b', '10', '2', 'a'])
        lines.push(`${nvidiaTimestamp(t === BASE + 3 ? BASE - 1.5 : t)}, ${gpu}, 10 W`);
    const scan = feed(lines);
    scan.deviceResults();
    expect(scan.notes.outOfOrderGpus).toEqual(['2', '10', 'a', 'b']);
  });

  it('reports a line over the reader limit once a header is known', () => {
    const scan = new TelemetryScan(WINDOW);
    scan.acceptOverlongLine(1);
    expect(scan.findings.size).toBe(0);
    scan.acceptLine(HEADER, 2);
    scan.acceptOverlongLine(3);
    expect(scan.notes.overlongLines).toBe(2);
    expect(findings(scan)).toEqual([
      [
        'invalid_timestamp_sample',
        "gpu.csv:3: line is longer than the reader's limit and was not read; check the telemetry writer.",
      ],
    ]);
  });
});

describe('TelemetryScan header search', () => {
  it('says which column is missing, quoting the first line of content', () => {
    const scan = asText(['', 'time,gpu,temp', '1,0,40']);
    expect(findings(scan)).toEqual([
      [
        'power_column_missing',
        'gpu.csv:2: no header column holds power draw (header: "time,gpu,temp"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).',
      ],
    ]);
    expect(scan.schema).toBeUndefined();
    expect(scan.gpuIdentity()).toBeUndefined();
    expect(findings(asText(['power.draw [W],index'])).map(([code]) => code)).toEqual(['timestamp_column_missing']);
    expect(findings(asText(['index,power.draw [W]']))).toEqual([
      [
        'timestamp_column_missing',
        'gpu.csv:1: no header column names a time (header: "index,power.draw [W]"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.',
      ],
    ]);
  });

  it('gives up after 64 lines of content without a header, quoting at most 8 cells', () => {
    const cells = Array.from({ length: 10 }, (_, i) => `c${i}`).join(',');
    const scan = new TelemetryScan(WINDOW);
    for (let i = 1; i <= 63; i++) scan.acceptLine(cells, i);
    expect(scan.findings.size).toBe(0);
    scan.acceptLine(cells, 64);
    expect(scan.findings.codes()).toEqual(['timestamp_column_missing', 'power_column_missing']);
    expect(scan.findings.list()[0]?.message).toContain('(header: "c0,c1,c2,c3,c4,c5,c6,c7")');
    // A header on the 64th line of content is still found.
    const late = new TelemetryScan(WINDOW);
    for (let i = 1; i <= 63; i++) late.acceptLine(cells, i);
    late.acceptLine(HEADER, 64);
    expect(late.schema?.powerIndex).toBe(2);
    expect(late.findings.size).toBe(0);
  });

  it('quotes the first line without its byte-order mark, cut to 200 characters', () => {
    expect(findings(asText(['\ufefftime,gpu,temp']))[0]?.[1]).toContain(
      'gpu.csv:1: no header column holds power draw (header: "time,gpu,temp")',
    );
    // Eight cells of 29 characters and their commas make 239: the quote stops at 200.
    const wide = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(29)).join(',');
    expect(findings(asText(['', '', wide]))[0]?.[1]).toContain(
      `gpu.csv:3: no header column names a time (header: "${wide.slice(0, 200)}")`,
    );
  });

  it('tells an empty file from one of overlong lines only', () => {
    expect(findings(asText(['', '  ']))).toEqual([
      [
        'telemetry_file_empty',
        'gpu.csv: the file has no content. Check that the GPU monitor started before the benchmark.',
      ],
    ]);
    const scan = new TelemetryScan(WINDOW);
    scan.acceptOverlongLine(1);
    scan.endOfInput();
    const message =
      "gpu.csv: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point the csv option at the monitor's CSV output.";
    expect(findings(scan)).toEqual([
      ['timestamp_column_missing', message],
      ['power_column_missing', message],
    ]);
  });
});

describe('TelemetryScan limits', () => {
  it(`integrates ${MAX_GPU_IDS} GPU identities and refuses the next`, () => {
    const scan = new TelemetryScan({ ...WINDOW, source: 'many.csv' });
    scan.acceptLine('timestamp,gpu,power', 1);
    for (let gpu = 0; gpu <= MAX_GPU_IDS; gpu++) scan.acceptLine(`${BASE},g${gpu},1`, gpu + 2);
    expect(findings(scan)).toEqual([
      [
        'too_many_gpu_ids',
        `many.csv:${MAX_GPU_IDS + 2}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`,
      ],
    ]);
    expect(scan.deviceResults().size).toBe(MAX_GPU_IDS);
  });
});

/** A row sink that reads one more column (a temperature) and records each row as text. */
class RecordingSink implements TelemetryRowSink {
  readonly rows: string[] = [];
  readonly paths = { cells: 0, bytes: 0 };
  /** `gpu=slot` for each byte row. */
  readonly slots: string[] = [];
  private column = -1;
  private lastCell: string | undefined;
  private position = 0;

  constructor(private readonly columnName: string) {}

  header(schema: TelemetrySchema): number {
    this.column = schema.header.indexOf(this.columnName);
    return this.column + 1;
  }

  nextPosition(timestampCell: string): string {
    if (timestampCell !== this.lastCell) {
      this.lastCell = timestampCell;
      this.position = 0;
    }
    return String(this.position++);
  }

  cellsRow(t: number, gpu: string, watts: number, cells: readonly string[]): void {
    this.paths.cells += 1;
    this.rows.push(`${t - BASE} ${gpu} ${watts} ${(cells[this.column] ?? '').trim()}`);
  }

  bytesRow(
    t: number,
    gpu: string,
    slot: number,
    watts: number,
    buf: Uint8Array,
    starts: readonly number[],
    ends: readonly number[],
  ): void {
    this.paths.bytes += 1;
    this.slots.push(`${gpu}=${slot}`);
    const cell = Buffer.from(buf.subarray(starts[this.column], ends[this.column])).toString('latin1');
    this.rows.push(`${t - BASE} ${gpu} ${watts} ${cell.trim()}`);
  }
}

describe('TelemetryScan row sink', () => {
  const header = 'timestamp, index, power.draw [W], temperature.gpu';
  const lines = [
    header,
    `${nvidiaTimestamp(BASE - 30)}, 0, 80.00 W, 40`,
    `${nvidiaTimestamp(BASE - 30)}, 1, 90.00 W, 41`,
    `${nvidiaTimestamp(BASE)}, 0, -1.00 W, 60`,
    `${nvidiaTimestamp(BASE)}, 1, [N/A], 61`,
    `${nvidiaTimestamp(BASE + 1)}, , 70.00 W, 62`,
    `later, 0, 70.00 W, 63`,
    `${nvidiaTimestamp(BASE + 30)}, 17, 75.5 W, 64`,
    `${nvidiaTimestamp(BASE + 30)}, GPU-a, 75.5 W, 65`,
    `${nvidiaTimestamp(BASE + 31)}, 0, 7.00 W, 66`,
  ];
  // Every row whose time, GPU and power read, far from the window or not, negative power included;
  // not the row without a GPU, the unreadable ones, nor the last line, which has no line break.
  const expected = ['-30 0 80 40', '-30 1 90 41', '0 0 -1 60', '30 17 75.5 64', '30 GPU-a 75.5 65'];

  it.each([
    ['text', asText],
    ['bytes', asBytes],
  ] as const)('gets every readable row of the file with the columns it asked for (%s reader)', (_, feed) => {
    const sink = new RecordingSink('temperature.gpu');
    const scan = feed(lines, { rows: sink }, true);
    expect(sink.rows).toEqual(expected);
    // The sink's rows far from the window are not integrated, and the unreadable ones near it are refused.
    expect(scan.deviceResults().size).toBe(0);
    expect(scan.findings.codes()).toEqual(['invalid_power_sample', 'gpu_identity_missing', 'invalid_timestamp_sample']);
  });

  it('gets plain rows straight from the bytes and the rest as cells', () => {
    const sink = new RecordingSink('temperature.gpu');
    asBytes(lines, { rows: sink }, true);
    // The negative power takes the general path; the last line (no line break) is not handed over.
    expect(sink.paths).toEqual({ cells: 1, bytes: 4 });
  });

  it.each([
    ['2026/05/20 12:00:00.000, 0, 612.34 W, 65', 'bytes'],
    ['2026/05/20 12:00:00, 123, 612.34, 65', 'bytes'],
    ['\t2026/05/20 12:00:00.123456789\t,\t7\t,\t612W\t,\t65', 'bytes'],
    ['2026/05/20 12:00:00.5, GPU-7f, 612.34 w, 65', 'bytes'],
    ['2026-05-20T12:00:00Z, 1234, 612.34 W, 65', 'bytes'],
    ['1779278400, 0, 999999999999999, 65', 'bytes'],
    ['2026/05/20 12:00:00.000, 0, +612.34 W, 65', 'cells'],
    ['2026/05/20 12:00:00.000, 0, 6.1234e2 W, 65', 'cells'],
    ['2026/05/20 12:00:00.000, 0, 612. W, 65', 'cells'],
    ['2026/05/20 12:00:00.000, 0, .5 W, 65', 'bytes'],
    ['2026/05/20 12:00:00.000, 0, 1000000000000000, 65', 'cells'],
    ['2026/05/20 12:00:00.000, "0", 612.34 W, 65', 'cells'],
    ['2026/05/20 12:00:00.000, é1, 612.34 W, 65', 'cells'],
    ['2026/05/20 12:00:00.000, 0, 612.34 W, "hot, 80"', 'cells'],
    // Short of the sink's column, a control character in the GPU name.
    ['2026/05/20 12:00:00.000, 0, 612.34 W', 'cells'],
    ['2026/05/20 12:00:00.000, a\u0001b, 612.34 W, 65', 'cells'],
  ] as const)('hands %j to the row sink as %s', (line, path) => {
    const sink = new RecordingSink('temperature.gpu');
    asBytes([header, line], { rows: sink });
    expect(sink.paths[path]).toBe(1);
    expect(sink.rows).toHaveLength(1);
  });

  it.each(['', ' W', 'W', '.', '612.34 X'])('hands over no row whose power cell is %j', (cell) => {
    const sink = new RecordingSink('temperature.gpu');
    asBytes([header, `2026/05/20 12:00:00.000, 0, ${cell}, 65`], { rows: sink });
    expect(sink.paths).toEqual({ cells: 0, bytes: 0 });
  });

  it('gets each plain row near the window once, and the scan still integrates it', () => {
    const sink = new RecordingSink('temperature.gpu');
    const near = [header];
    for (let t = BASE - 1; t <= BASE + 11; t++)
      near.push(`${nvidiaTimestamp(t)}, 0, 10.00 W, 50`, `${nvidiaTimestamp(t)}, GPU-a, 20.00 W, 51`);
    const scan = asBytes(near, { rows: sink });
    expect(sink.paths).toEqual({ cells: 0, bytes: 26 });
    expect(energies(scan)).toEqual({ 0: 100, 'GPU-a': 200 });
  });

  it('gives a byte row its GPU number as slot when the id is a canonical number below 1000, else -1', () => {
    const sink = new RecordingSink('temperature.gpu');
    const t = nvidiaTimestamp(BASE);
    const ids = ['0', '7', '999', '1000', '00', '07', 'GPU-a', '3'];
    asBytes([header, ...ids.map((id) => `${t}, ${id}, 10.00 W, 50`)], { rows: sink });
    expect(sink.slots).toEqual(['0=0', '7=7', '999=999', '1000=-1', '00=-1', '07=-1', 'GPU-a=-1', '3=3']);
  });

  it('gets no row that is short of its GPU cell', () => {
    const sink = new RecordingSink('temperature.gpu');
    const t = nvidiaTimestamp(BASE);
    asText(['timestamp, power.draw [W], temperature.gpu, index', `${t}, 10 W, 50`, `${t}, 10 W, 50, 1`], {
      rows: sink,
    });
    expect(sink.rows).toEqual(['0 1 10 50']);
  });

  it('is not fed by a second pass that collects out-of-order rows', () => {
    const sink = new RecordingSink('temperature.gpu');
    asBytes(lines, { rows: sink, collectGpus: new Set(['0']) });
    asText(lines, { rows: sink, collectGpus: new Set(['0']) });
    expect(sink.rows).toEqual([]);
  });

  it('names the GPU of a row without a GPU column by its place in the timestamp', () => {
    const sink = new RecordingSink('temperature.gpu');
    const positional = [
      'timestamp, power.draw [W], temperature.gpu',
      `${nvidiaTimestamp(BASE)}, 10 W, 50`,
      `${nvidiaTimestamp(BASE)}, 20 W, 51`,
      `${nvidiaTimestamp(BASE + 1)}, 11 W, 52`,
      `${nvidiaTimestamp(BASE + 1)}, 21 W, 53`,
    ];
    asBytes(positional, { rows: sink, expectedGpus: 2 });
    expect(sink.rows).toEqual(['0 0 10 50', '0 1 20 51', '1 0 11 52', '1 1 21 53']);
  });
});

describe.each([
  ['text', asText],
  ['bytes', asBytes],
] as const)('TelemetryScan without a GPU column (%s reader)', (_, feed) => {
  const header = 'timestamp, power.draw [W]';
  /** Shared-timestamp rows of 2 GPUs (10 W and 20 W) once a second over [from, to]. */
  function shared(from: number, to: number): string[] {
    const lines: string[] = [];
    for (let t = from; t <= to; t++) lines.push(`${nvidiaTimestamp(t)}, 10 W`, `${nvidiaTimestamp(t)}, 20 W`);
    return lines;
  }

  it('integrates the rows within the margin by position', () => {
    const scan = feed([header, ...shared(BASE - 30, BASE + 30)], { expectedGpus: 2 });
    expect(findings(scan)).toEqual([]);
    expect(Object.fromEntries(scan.deviceResults())).toEqual({
      0: { sampleCount: 15, energyJ: 100, maxGapS: 1, maxGapAt: BASE },
      1: { sampleCount: 15, energyJ: 200, maxGapS: 1, maxGapAt: BASE },
    });
    // Groups that touch [BASE - 2, BASE + 12].
    expect(scan.gpuIdentity()).toEqual({
      method: 'row_position_per_timestamp',
      rows_per_group: 2,
      groups: 15,
      max_step_within_group_s: null,
      min_step_between_groups_s: 1,
    });
    expect(scan.timeSpan()).toEqual({ first: BASE - 30, last: BASE + 30, zoneless: true });
  });

  it('takes 0 W as a reading', () => {
    const idle = shared(BASE - 30, BASE + 30).map((l) => l.replace(', 20 W', ', 0 W'));
    const scan = feed([header, ...idle], { expectedGpus: 2 });
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 100, 1: 0 });
  });

  it('keeps more than 1,024 rows around a long window', () => {
    // 10 minutes of 2 GPUs: 609 timestamps in [BASE - 4, BASE + 604] are kept, 1,218 rows.
    const scan = feed([header, ...shared(BASE - 30, BASE + 630)], { expectedGpus: 2, end: BASE + 600 });
    expect(findings(scan)).toEqual([]);
    // 10 W and 20 W for 600 s; rows at BASE - 2 .. BASE + 602 are integrated.
    expect(Object.fromEntries(scan.deviceResults())).toEqual({
      0: { sampleCount: 605, energyJ: 6000, maxGapS: 1, maxGapAt: BASE },
      1: { sampleCount: 605, energyJ: 12_000, maxGapS: 1, maxGapAt: BASE },
    });
    expect(scan.gpuIdentity()).toMatchObject({ groups: 605 });
  });

  it('keeps exactly 1,024 rows, a full first buffer', () => {
    // 512 timestamps in [BASE - 4, BASE + 507] are kept, 1,024 rows; BASE - 2 .. BASE + 505 are integrated.
    const scan = feed([header, ...shared(BASE - 30, BASE + 530)], { expectedGpus: 2, end: BASE + 503 });
    expect(findings(scan)).toEqual([]);
    expect(Object.fromEntries(scan.deviceResults())).toEqual({
      0: { sampleCount: 508, energyJ: 5030, maxGapS: 1, maxGapAt: BASE },
      1: { sampleCount: 508, energyJ: 10_060, maxGapS: 1, maxGapAt: BASE },
    });
  });

  it('reads power only near the window', () => {
    const lines = [header, ...shared(BASE - 30, BASE + 30)];
    // BASE - 3 (lines 56 and 57) is kept to see its group whole but lies beyond the 2 s margin.
    lines[56] = `${nvidiaTimestamp(BASE - 3)}, [N/A]`;
    expect(findings(feed(lines, { expectedGpus: 2 }))).toEqual([]);
    lines[58] = `${nvidiaTimestamp(BASE - 2)}, Unknown`;
    const refused = feed(lines, { expectedGpus: 2 });
    // GPU 1's unreadable row is left out; GPU 0 keeps its row of BASE - 2.
    expect([...refused.deviceResults()].map(([gpu, r]) => [gpu, r.sampleCount])).toEqual([
      ['0', 15],
      ['1', 14],
    ]);
    expect(findings(refused)).toEqual([
      [
        'invalid_power_sample',
        'gpu.csv:59: power "Unknown" in column "power.draw [W]" is not a non-negative number of watts near the benchmark window.',
      ],
    ]);
  });

  it.each(['-5 W', ''])('refuses power %j near the window', (cell) => {
    const lines = [header, ...shared(BASE - 30, BASE + 30)];
    lines[58] = cell === '' ? nvidiaTimestamp(BASE - 2) : `${nvidiaTimestamp(BASE - 2)}, ${cell}`;
    const refused = feed(lines, { expectedGpus: 2 });
    expect(findings(refused)).toEqual([
      [
        'invalid_power_sample',
        `gpu.csv:59: power "${cell}" in column "power.draw [W]" is not a non-negative number of watts near the benchmark window.`,
      ],
    ]);
    expect(refused.deviceResults().get('1')?.sampleCount).toBe(14);
  });

  it('refuses a file that comes back to the window after leaving it', () => {
    const lines = [header, ...shared(BASE - 30, BASE + 30), ...shared(BASE + 5, BASE + 6)];
    const scan = feed(lines, { expectedGpus: 2 });
    // Line 124 is the first row of the second stretch.
    const cause =
      'the row at line 124 is earlier than rows before it; without a GPU column the order of rows is the only identity';
    expect(scan.gpuIdentity()).toEqual({ method: 'none', reason: cause });
    expect(findings(scan)).toEqual([
      [
        'gpu_identity_column_missing',
        `gpu.csv: the header has no GPU column (index, gpu, gpu_id, device, ...), and rows cannot be assigned to GPUs by their order: ${cause}. Add the GPU index to the query, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000.`,
      ],
    ]);
    expect(scan.deviceResults().size).toBe(0);
  });

  it('refuses rows near the window that follow a later row', () => {
    // The monitor's clock went back 105 s: the first row kept (line 6) is earlier than line 5.
    const lines = [header, ...shared(BASE + 100, BASE + 101), ...shared(BASE - 4, BASE + 14)];
    expect(feed(lines, { expectedGpus: 2 }).gpuIdentity()).toEqual({
      method: 'none',
      reason:
        'the row at line 6 is earlier than the row before it; without a GPU column the order of rows is the only identity',
    });
  });

  it('checks the step to the first row after those kept, and only that one', () => {
    // Rows kept up to BASE + 14 (lines 2..91), then the clock jumps back to BASE - 10.
    const back = [header, ...shared(BASE - 30, BASE + 14), `${nvidiaTimestamp(BASE - 10)}, 1 W`];
    expect(feed(back, { expectedGpus: 2 }).gpuIdentity()).toEqual({
      method: 'none',
      reason: 'the row after line 91 is earlier than it; without a GPU column the order of rows is the only identity',
    });
    // A jump back after a row beyond the kept range lands far from the window: it changes nothing.
    const later = [header, ...shared(BASE - 30, BASE + 15), `${nvidiaTimestamp(BASE - 10)}, 1 W`];
    const scan = feed(later, { expectedGpus: 2 });
    expect(findings(scan)).toEqual([]);
    expect(energies(scan)).toEqual({ 0: 100, 1: 200 });
  });
});

/**
 * The byte reader's shortcuts (the previous row's timestamp bytes, the cached minute and second,
 * digits read in place) must give what the text reader gives, for every row: for timestamps one
 * character away from the plain shape too, where a shortcut that checks too little would read a
 * wrong time instead of handing the row to the general parser.
 */
describe('TelemetryScan byte reader against the text reader', () => {
  const header = 'timestamp, index, power.draw [W], temperature.gpu';
  /** Everything a reader decides about a file: per-row times (via the sink), integrals, findings, span. */
  function outcome(feed: Feed, lines: string[]) {
    const sink = new RecordingSink('temperature.gpu');
    const scan = feed(lines, { rows: sink });
    return { rows: sink.rows, energies: energies(scan), findings: findings(scan), span: scan.timeSpan() };
  }

  // 12:00:04.000 is read in full (it sets the cached minute), 12:00:05.250 through the cached minute
  // (it sets the cached second); the row under test follows, then a plain row in the next second.
  const before = ['2026/05/20 12:00:04.000, 0, 10.00 W, 50', '2026/05/20 12:00:05.250, 0, 20.00 W, 51'];
  const after = '2026/05/20 12:00:06.500, 0, 40.00 W, 53';
  const variants = [
    '2026/05/20 12:00:05.250',
    '2026/05/20 12:00:05.251',
    '2026/05/20 12:00:05.2501',
    '2026/05/20 12:00:05.25',
    '2026/05/20 12:00:05.123456789',
    '2026/05/20 12:00:05.1234567890',
    '2026/05/20 12:00:05.',
    '2026/05/20 12:00:05',
    '2026/05/20 12:00:05.2a0',
    '2026/05/20 12:00:05.-25',
    '2026/05/20 12:00:05,250',
    '2026/05/20 12:00:05:250',
    '2026/05/20 12:00:05 250',
    '2026/05/20 12:00:05.2-5',
    '2026/05/20 12:00:05.250x',
    '2026/05/20 12:00:06.000',
    '2026/05/20 12:00:06',
    '2026/05/20 12:00:59.999',
    '2026/05/20 12:00:60.000',
    '2026/05/20 12:00:61.000',
    '2026/05/20 12:00:69.000',
    '2026/05/20 12:00:70.000',
    '2026/05/20 12:00:0a.000',
    '2026/05/20 12:00:a5.000',
    '2026/05/20 12:00:/5.000',
    '2026/05/20 12:00:5:.000',
    '2026/05/20 12:00-05.000',
    '2026/05/20 12:00:5',
    '2026/05/20 12:00:',
    '2026/05/20 12:00',
    '2026/05/20 12:01:00.000',
    '2026/05/20 12:0',
    '  2026/05/20 12:00:05.500  ',
    '\t2026/05/20 12:00:05.500\t',
    '2026-05-20T12:00:05.5Z',
    String(BASE + 5.5),
    `2026/05/20 12:00:05.${'0'.repeat(60)}`,
    '',
  ];
  it.each(variants)('reads a row stamped %j as the text reader does', (variant) => {
    const lines = [header, ...before, `${variant}, 0, 30.00 W, 52`, after];
    expect(outcome(asBytes, lines)).toEqual(outcome(asText, lines));
  });

  it.each(variants)('reads %j repeated on the next row as the text reader does', (variant) => {
    const lines = [header, ...before, `${variant}, 0, 30.00 W, 52`, `${variant}, 1, 31.00 W, 52`, after];
    expect(outcome(asBytes, lines)).toEqual(outcome(asText, lines));
  });
});

describe('TelemetryScan byte reader on plain rows', () => {
  /** Rows that every SMI tool could write: each must be read from the bytes, to the text reader's values. */
  const files: Array<[string, string[]]> = [
    [
      'timestamp first, shared by the rows of a sample',
      [
        'timestamp, index, power.draw [W], temperature.gpu',
        '2026/05/20 12:00:04.000, 0, 10.00 W, 50',
        '2026/05/20 12:00:04.000, 1, 11.5 W, 50',
        '2026/05/20 12:00:04.000, 12, 12 W, 50',
        '2026/05/20 12:00:05.000, 0, 13.25W, 50',
        '2026/05/20 12:00:05.000, 1, 14.0 w, 50',
        '2026/05/20 12:00:05.000, 12, 15 , 50',
        '2026/05/20 12:00:06.000, 0, 0.00 W, 50',
      ],
    ],
    [
      'blanks and tabs around every cell',
      [
        'timestamp, index, power.draw [W], temperature.gpu',
        '  2026/05/20 12:00:04.000  ,  0  ,  10.00 W  , 50',
        '\t2026/05/20 12:00:04.000\t,\t1\t,\t11.00\tW\t, 50',
        '  2026/05/20 12:00:05.000  ,  0  ,  12.00 W  , 50',
        '\t2026/05/20 12:00:05.000\t,\t1\t,\t13.00\tW\t, 50',
      ],
    ],
    [
      'timestamp after the GPU column, with blanks',
      [
        'index, timestamp, power.draw [W], temperature.gpu',
        '0,  2026/05/20 12:00:04.000  , 10.00 W, 50',
        '1,\t2026/05/20 12:00:04.001\t, 11.00 W, 50',
        '0,  2026/05/20 12:00:05.000  , 12.00 W, 50',
        '1,\t2026/05/20 12:00:05.001\t, 13.00 W, 50',
      ],
    ],
    [
      'per-row stamps a few ms apart, across a minute',
      [
        'timestamp, index, power.draw [W], temperature.gpu',
        '2026/05/20 12:00:58.998, 0, 10.00 W, 50',
        '2026/05/20 12:00:58.999, 1, 11.00 W, 50',
        '2026/05/20 12:00:59.998, 0, 12.00 W, 50',
        '2026/05/20 12:00:59.999, 1, 13.00 W, 50',
        '2026/05/20 12:01:00.001, 0, 14.00 W, 50',
        '2026/05/20 12:01:00.002, 1, 15.00 W, 50',
        '2026/05/20 12:01:00.5, 0, 16.00 W, 50',
        '2026/05/20 12:01:01, 1, 17.00 W, 50',
      ],
    ],
    [
      'GPU names of every kind',
      [
        'timestamp, gpu, power.draw [W], temperature.gpu',
        `${BASE + 4}, 0, 10 W, 50`,
        `${BASE + 4}, 999, 10 W, 50`,
        `${BASE + 4}, 1000, 10 W, 50`,
        `${BASE + 4}, 007, 10 W, 50`,
        `${BASE + 4}, GPU-3f2a, 10 W, 50`,
        `${BASE + 4}, card~0, 10 W, 50`,
        `${BASE + 4}, 1-1, 10 W, 50`,
        `${BASE + 5}.5, 0, 20 W, 50`,
        `${BASE + 5}.5, 999, 20 W, 50`,
        `${BASE + 5}.5, 1000, 20 W, 50`,
        `${BASE + 5}.5, 007, 20 W, 50`,
        `${BASE + 5}.5, GPU-3f2a, 20 W, 50`,
        `${BASE + 5}.5, card~0, 20 W, 50`,
        `${BASE + 5}.5, 1-1, 20 W, 50`,
      ],
    ],
  ];
  files.push([
    'more columns than are read',
    [
      'timestamp, index, power.draw [W], temperature.gpu, utilization.gpu [%]',
      '2026/05/20 12:00:04.000, 0, 10.00 W, 50, 97 %',
      '2026/05/20 12:00:04.000, 1, 11.00 W, 50, 97 %',
      '2026/05/20 12:00:05.000, 0, 12.00 W, 50, 97 %',
    ],
  ]);
  files.push([
    'epoch timestamps that change length, rows shorter than the last timestamp',
    ['timestamp,gpu,power,temperature.gpu', `${BASE + 4},0,1,5`, '9,0,1,5', '1,0,1,5', '19,0,1,5', `${BASE + 5},0,1,5`],
  ]);
  files.push([
    'GPU column last, names with blanks inside',
    [
      'timestamp, power.draw [W], temperature.gpu, gpu',
      `${BASE + 4}, 10 W, 50, GPU 7`,
      `${BASE + 4}, 10 W, 50, 3`,
      `${BASE + 5}, 20 W, 50, GPU 7`,
      `${BASE + 5}, 20 W, 50, 3`,
    ],
  ]);
  it.each(files)('reads %s from the bytes, as the text reader does', (_, lines) => {
    const bytesSink = new RecordingSink('temperature.gpu');
    const bytes = asBytes(lines, { rows: bytesSink });
    const textSink = new RecordingSink('temperature.gpu');
    const text = asText(lines, { rows: textSink });
    expect(bytesSink.paths).toEqual({ cells: 0, bytes: lines.length - 1 });
    expect(bytesSink.rows).toEqual(textSink.rows);
    expect(energies(bytes)).toEqual(energies(text));
    expect(findings(bytes)).toEqual([]);
    expect(bytes.timeSpan()).toEqual(text.timeSpan());
  });
});
