/** Reason codes shared with the reference's validation sidecar, plus sweep-power's own. */
export type ReasonCode =
  | 'telemetry_file_missing'
  | 'telemetry_file_empty'
  | 'telemetry_file_unreadable'
  | 'telemetry_path_outside_workspace'
  | 'timestamp_column_missing'
  | 'power_column_missing'
  | 'invalid_timestamp_sample'
  | 'invalid_power_sample'
  | 'gpu_identity_missing'
  | 'gpu_identity_column_missing'
  | 'no_usable_power_samples'
  | 'invalid_expected_gpu_count'
  | 'expected_gpu_count_mismatch'
  | 'insufficient_power_samples'
  | 'benchmark_window_not_bracketed'
  | 'sampling_gap_exceeded'
  | 'power_value_out_of_range'
  | 'invalid_max_sample_gap'
  | 'invalid_benchmark_result'
  | 'invalid_benchmark_window'
  | 'benchmark_duration_mismatch'
  | 'invalid_successful_query_count'
  | 'invalid_input_token_count'
  | 'invalid_output_token_count'
  | 'aggregate_result_missing'
  | 'aggregate_result_unwritable'
  | 'aggregation_internal_error'
  | (string & {});

/** One problem: a stable code for machines and a message for people that names the file, line and fix. */
export interface Finding {
  code: ReasonCode;
  message: string;
}

/** Ordered, de-duplicated reason list: the first message recorded for a code wins. */
export class Findings {
  private readonly byCode = new Map<string, Finding>();

  add(code: ReasonCode, message: string): void {
    if (!this.byCode.has(code)) this.byCode.set(code, { code, message });
  }

  has(code: ReasonCode): boolean {
    return this.byCode.has(code);
  }

  addAll(other: Iterable<Finding>): void {
    for (const finding of other) this.add(finding.code, finding.message);
  }

  get size(): number {
    return this.byCode.size;
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }

  list(): Finding[] {
    return [...this.byCode.values()];
  }
}
