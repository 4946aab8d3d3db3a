import { core } from '../github/safe-core.js';
import { reasonCodes, type PowerResult } from '../core/power-result.js';
import { log } from './log.js';

/** Log, outputs and verdict of one power measurement: shared by the single-node and multinode modes. */
export function reportPowerRun(result: PowerResult): string | undefined {
  const codes = reasonCodes(result.reasons);
  for (const line of result.log.stdout) log.info(line);
  for (const line of result.log.stderr) result.valid ? log.info(line) : log.warning(line);
  core.setOutput('power-valid', result.valid ? '1' : '0');
  core.setOutput('agg-result', result.aggResult);
  core.setOutput('validation-result', result.sidecarPath);
  core.setOutput('reasons', codes.join(','));
  if (result.valid) {
    core.setOutput('avg-power-w', String(result.metrics.avg_power_w));
    core.setOutput('total-gpu-energy-j', String(result.metrics.total_gpu_energy_j));
    core.setOutput('joules-per-output-token', String(result.metrics.joules_per_output_token));
  }
  return result.exitCode !== 0 ? `power is invalid and require-power is set: ${codes.join(', ')}` : undefined;
}
