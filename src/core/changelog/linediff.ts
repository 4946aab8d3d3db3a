/** Beyond this many edited lines the exact diff costs more than it tells: the whole middle counts as changed. */
const MAX_EDITS = 1000;

/** Lines with their terminator, as git compares them ("x" at the end of a file differs from "x\n"): byte ranges and a hash. */
interface Lines {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
}

function splitLines(bytes: Uint8Array): Lines {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) count++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const hashes = new Int32Array(count);
  let line = 0;
  let start = 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    hash = Math.imul(hash ^ b, 0x01000193);
    if (b === 0x0a || i === bytes.length - 1) {
      starts[line] = start;
      ends[line] = i + 1;
      hashes[line] = hash;
      line++;
      start = i + 1;
      hash = 0x811c9dc5;
    }
  }
  return { bytes, starts, ends, hashes };
}

function sameLine(a: Lines, i: number, b: Lines, j: number): boolean {
  if (a.hashes[i] !== b.hashes[j]) return false;
  const aStart = a.starts[i] as number;
  const bStart = b.starts[j] as number;
  const length = (a.ends[i] as number) - aStart;
  if ((b.ends[j] as number) - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a.bytes[aStart + k] !== b.bytes[bStart + k]) return false;
  return true;
}

/** Head lines (1-based) that no unchanged base line matches: the lines the change wrote. */
export interface WrittenLines {
  has(line: number): boolean;
  readonly size: number;
}

/** Shortest edit script (Myers) between base lines [from, aEnd) and head lines [from, bEnd), as matched pairs; undefined past the cap. */
function matchMiddle(
  a: Lines,
  b: Lines,
  from: number,
  aEnd: number,
  bEnd: number,
): Array<[number, number]> | undefined {
  const n = aEnd - from;
  const m = bEnd - from;
  const same = (x: number, y: number) => sameLine(a, from + x, b, from + y);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) {
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
          const down =
            ck === -back || (ck !== back && (prev[offset + ck - 1] as number) < (prev[offset + ck + 1] as number));
          const pk = down ? ck + 1 : ck - 1;
          const px = prev[offset + pk] as number;
          const py = px - pk;
          while (cx > (down ? px : px + 1) && cy > (down ? py + 1 : py)) pairs.push([from + --cx, from + --cy]);
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) pairs.push([from + --cx, from + --cy]);
        return pairs;
      }
    }
  }
  return undefined;
}

/** Which head lines the change wrote, comparing base and head line by line with terminators. */
export function writtenLines(base: Uint8Array, head: Uint8Array): WrittenLines {
  const a = splitLines(base);
  const b = splitLines(head);
  const aCount = a.starts.length;
  const bCount = b.starts.length;
  let prefix = 0;
  while (prefix < aCount && prefix < bCount && sameLine(a, prefix, b, prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < aCount - prefix &&
    suffix < bCount - prefix &&
    sameLine(a, aCount - 1 - suffix, b, bCount - 1 - suffix)
  )
    suffix++;
  // 1 for each head line (index = line number) the change wrote.
  const written = new Uint8Array(bCount + 1);
  written.fill(1, prefix + 1, bCount - suffix + 1);
  for (const [, y] of matchMiddle(a, b, prefix, aCount - suffix, bCount - suffix) ?? []) written[y + 1] = 0;
  let size = 0;
  for (const flag of written) size += flag;
  return { has: (line) => written[line] === 1, size };
}
