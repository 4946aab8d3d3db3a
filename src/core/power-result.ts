import type { Finding } from './reasons.js';

/**
 * What one power measurement reports, single node or multinode alike: the verdict, the reasons
 * as findings with codes, the metrics written to the agg JSON and where the audit record went.
 */
export interface PowerResult {
  valid: boolean;
  reasons: Finding[];
  metrics: Partial<Record<string, number>>;
  aggResult: string;
  aggPatched: boolean;
  sidecarPath: string;
  sidecarWritten: boolean;
  exitCode: number;
  /** Lines for the log: one summary line, and the reasons when invalid. */
  log: { stdout: string[]; stderr: string[] };
}

export const reasonCodes = (reasons: readonly Finding[]): string[] => reasons.map((r) => r.code);

/** Require-power fails the step when power is invalid or its audit record could not be written. */
export function powerExitCode(valid: boolean, sidecarWritten: boolean, requirePower: boolean): number {
  return (!valid || !sidecarWritten) && requirePower ? 1 : 0;
}

/** The log lines of an invalid measurement: one line with every code, then each reason. */
export function powerFailureLines(mode: string, reasons: readonly Finding[], sidecarPath: string): string[] {
  return [
    `sweep-power ${mode}: Power validation failed: ${reasonCodes(reasons).join(', ')} (details: ${sidecarPath})`,
    ...reasons.map((r) => `  ${r.code}: ${r.message}`),
  ];
}
