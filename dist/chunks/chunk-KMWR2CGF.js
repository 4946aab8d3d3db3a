import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/changelog/suggest.ts
function globDistance(pattern, name) {
  const n = name.length;
  let previous = new Array(n + 1);
  let current = new Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern[i - 1];
    if (p === "*") {
      current[0] = previous[0];
      for (let j = 1; j <= n; j++) current[j] = Math.min(previous[j], current[j - 1]);
    } else {
      current[0] = previous[0] + 1;
      for (let j = 1; j <= n; j++) {
        const substitute = previous[j - 1] + (p === name[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1);
      }
    }
    [previous, current] = [current, previous];
  }
  return previous[n];
}
function closestNames(query, names, limit = 3) {
  const literal = query.replace(/\*/g, "");
  const threshold = Math.max(2, Math.ceil(literal.length * 0.3));
  const scored = [];
  for (const name of names) {
    const distance = globDistance(query, name);
    if (distance <= threshold) scored.push([distance, name]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const best = scored[0]?.[0] ?? 0;
  return scored.filter(([distance]) => distance <= best + 2).slice(0, limit).map(([, name]) => name);
}

export {
  globDistance,
  closestNames
};
//# sourceMappingURL=chunk-KMWR2CGF.js.map
