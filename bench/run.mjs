// npm run bench: generates large inputs and prints figures and ratios measured in this run.
// Uses the committed dist/ bundles; run `npm run build` first after changing src/.
import { benchTelemetry } from './telemetry.mjs';

const results = [await benchTelemetry()];
console.log(results.every(Boolean) ? '\nAll targets met.' : '\nSome targets missed (MISS above).');
