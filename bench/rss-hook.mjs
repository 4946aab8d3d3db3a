// Preloaded with --import: reports the process's peak resident set size when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
