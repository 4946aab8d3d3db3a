import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatNumber,
  renderContextLines,
  renderCounterLine,
  renderInsightText,
  renderInsights,
  renderPhaseTable,
  renderPowerChart,
  withoutCharts
} from "./chunk-M55ZDXEJ.js";
import "./chunk-2FNGD6TF.js";
export {
  formatNumber,
  renderContextLines,
  renderCounterLine,
  renderInsightText,
  renderInsights,
  renderPhaseTable,
  renderPowerChart,
  withoutCharts
};
//# sourceMappingURL=render-WU4MALKD.js.map
