// Preloaded with --import: reports the process's peak resident set size and CPU time when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\n@@maxrss_kb=${usage.maxRSS}\n@@cpu_us=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
