import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/gpuids.ts
function compareGpuIds(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  compareGpuIds
};
//# sourceMappingURL=chunk-4XNPLKRI.js.map
