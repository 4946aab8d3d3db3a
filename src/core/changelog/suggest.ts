/**
 * Edit distance between a pattern and a name where `*` in the pattern matches any run of characters
 * at no cost, so a glob with one typo still finds the keys it was meant to match.
 */
export function globDistance(pattern: string, name: string): number {
  const n = name.length;
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern[i - 1];
    if (p === '*') {
      current[0] = previous[0] as number;
      for (let j = 1; j <= n; j++) current[j] = Math.min(previous[j] as number, current[j - 1] as number);
    } else {
      current[0] = (previous[0] as number) + 1;
      for (let j = 1; j <= n; j++) {
        const substitute = (previous[j - 1] as number) + (p === name[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
      }
    }
    [previous, current] = [current, previous];
  }
  return previous[n] as number;
}

/** Up to `limit` names closest to `query` (glob-aware), close enough to be a plausible typo. */
export function closestNames(query: string, names: Iterable<string>, limit = 3): string[] {
  const literal = query.replace(/\*/g, '');
  const threshold = Math.max(2, Math.ceil(literal.length * 0.3));
  const scored: Array<[number, string]> = [];
  for (const name of names) {
    const distance = globDistance(query, name);
    if (distance <= threshold) scored.push([distance, name]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  // Names much further than the best one are noise next to it.
  const best = scored[0]?.[0] ?? 0;
  return scored
    .filter(([distance]) => distance <= best + 2)
    .slice(0, limit)
    .map(([, name]) => name);
}
