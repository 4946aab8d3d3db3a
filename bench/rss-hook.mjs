// Preloaded with --import: reports the process's peak resident set size when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\n@@maxrss_kb=${usage.maxRSS}\n@@cpu_ms=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
