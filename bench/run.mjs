// npm run bench: generates large inputs and prints figures and ratios measured in this run.
// Each part bundles src/ into bench/.data itself, so the figures are those of the current source.
import { benchTelemetry } from './telemetry.mjs';
import { benchReport } from './report.mjs';
import { spawnSync } from 'node:child_process';

const results = [await benchTelemetry()];
results.push(await benchReport());
console.log('\n## validate-changelog');
results.push(spawnSync(process.execPath, ['bench/changelog.mjs'], { stdio: 'inherit' }).status === 0);
console.log(results.every(Boolean) ? '\nAll targets met.' : '\nSome targets missed (MISS above).');
