import { splitCsvLine } from '../telemetry/csvline.js';
import { detectSchema, type TelemetrySchema } from '../telemetry/schema.js';
import { cachedTimestampParser, parsePower } from '../telemetry/values.js';
import { InsightAccumulator, type InsightOptions, type Insights } from './accumulator.js';
import { detectInsightColumns, readCounterCell, readLimitCell, type InsightColumns } from './columns.js';

const HEADER_SEARCH_LINES = 64;

/**
 * Telemetry CSV lines to insight samples: finds the header the way the scan does (same schema
 * detection), then reads every row, not only the rows near the window, since the phases and the
 * idle floor need the whole recording. Rows the scan would reject are skipped here; the scan's
 * findings remain the verdict.
 */
export class InsightLineFeed {
  private schema: TelemetrySchema | undefined;
  private columns: InsightColumns | undefined;
  private headerLine = '';
  private linesSeen = 0;
  private accumulator: InsightAccumulator | undefined;
  private readonly parseTs = cachedTimestampParser();
  private lastTsRaw: string | undefined;
  private position = 0;
  counterCellProblems = 0;

  constructor(private readonly options: Omit<InsightOptions, 'gpuName' | 'counterSource'>) {}

  get insightColumns(): InsightColumns | undefined {
    return this.columns;
  }

  acceptLine(line: string): void {
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') return;
    if (!this.schema) {
      if (this.linesSeen++ >= HEADER_SEARCH_LINES) return;
      const cells = splitCsvLine(line);
      const schema = detectSchema(cells);
      if (schema) {
        this.schema = schema;
        this.headerLine = line.trim();
        this.columns = detectInsightColumns(schema.header);
      }
      return;
    }
    if (line.trim() === this.headerLine) return;
    const schema = this.schema;
    const columns = this.columns as InsightColumns;
    const cells = splitCsvLine(line);
    const tsRaw = cells[schema.timestampIndex] ?? '';
    let gpu: string;
    if (schema.gpuIndex >= 0) gpu = (cells[schema.gpuIndex] ?? '').trim();
    else {
      if (tsRaw !== this.lastTsRaw) {
        this.lastTsRaw = tsRaw;
        this.position = 0;
      }
      gpu = String(this.position++);
    }
    const t = this.parseTs(tsRaw);
    const watts = parsePower(cells[schema.powerIndex] ?? '');
    if (t === undefined || watts === undefined || gpu === '') return;
    if (!this.accumulator) {
      const name = columns.name ? (cells[columns.name.index] ?? '').trim() : undefined;
      this.accumulator = new InsightAccumulator({ ...this.options, ...(name ? { gpuName: name } : {}), ...(columns.counter ? { counterSource: columns.counter.source } : {}) });
    }
    let energyJ: number | undefined;
    if (columns.counter) {
      const reading = readCounterCell(cells, columns.counter);
      if ('value' in reading) energyJ = reading.value;
      else if (reading.problem !== 'not_available') this.counterCellProblems += 1;
    }
    const limitW = columns.limit ? readLimitCell(cells, columns.limit) : undefined;
    this.accumulator.push({ t, gpu, watts, ...(energyJ !== undefined ? { energyJ } : {}), ...(limitW !== undefined ? { limitW } : {}) });
  }

  finish(referenceBenchmarkEnergyJ?: number): Insights {
    const accumulator = this.accumulator ?? new InsightAccumulator(this.options);
    const insights = accumulator.finish(referenceBenchmarkEnergyJ);
    for (const problem of this.columns?.problems ?? []) insights.warnings.push(problem.code);
    if (this.counterCellProblems > 0) insights.warnings.push('counter_cells_unreadable');
    return insights;
  }
}
