/** Beyond this many edited lines the exact diff costs more than it tells: the whole middle counts as changed. */
const MAX_EDITS = 2000;

/** Lines with their terminator, as git compares them: "x" at the end of a file differs from "x\n". */
function splitLines(bytes: Uint8Array): string[] {
  // Every byte maps to its own code point, so equal strings are equal bytes even when the file is not UTF-8.
  const text = new TextDecoder('latin1').decode(bytes);
  const lines: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

export interface LineChange {
  /** Head lines (1-based) that no unchanged base line matches: the lines the change wrote. */
  touched: Set<number>;
  /** Base lines (1-based) the change removed or rewrote, with their text (terminator dropped). */
  removed: Array<{ line: number; text: string }>;
}

/** Shortest edit script between the middles (Myers), as matched index pairs; undefined past the cap. */
function matchMiddle(a: string[], b: string[]): Array<[number, number]> | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        const pairs: Array<[number, number]> = [];
        let cx = n;
        let cy = m;
        for (let back = d; back > 0; back--) {
          const prev = trace[back] as Int32Array;
          const ck = cx - cy;
          const down = ck === -back || (ck !== back && (prev[offset + ck - 1] as number) < (prev[offset + ck + 1] as number));
          const pk = down ? ck + 1 : ck - 1;
          const px = prev[offset + pk] as number;
          const py = px - pk;
          while (cx > (down ? px : px + 1) && cy > (down ? py + 1 : py)) pairs.push([--cx, --cy]);
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) pairs.push([--cx, --cy]);
        return pairs;
      }
    }
  }
  return undefined;
}

/** Which head lines the change wrote and which base lines it removed, compared line by line with terminators. */
export function diffLines(base: Uint8Array, head: Uint8Array): LineChange {
  const a = splitLines(base);
  const b = splitLines(head);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const aMid = a.slice(prefix, a.length - suffix);
  const bMid = b.slice(prefix, b.length - suffix);
  const keptA = new Set<number>();
  const keptB = new Set<number>();
  for (const [x, y] of matchMiddle(aMid, bMid) ?? []) {
    keptA.add(x);
    keptB.add(y);
  }
  const touched = new Set<number>();
  bMid.forEach((_, y) => {
    if (!keptB.has(y)) touched.add(prefix + y + 1);
  });
  const removed: LineChange['removed'] = [];
  aMid.forEach((text, x) => {
    if (!keptA.has(x)) removed.push({ line: prefix + x + 1, text: text.endsWith('\n') ? text.slice(0, -1) : text });
  });
  return { touched, removed };
}
