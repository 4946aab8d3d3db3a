import { closeSync, openSync, readSync } from 'node:fs';

export interface ByteLineSink {
  /**
   * One line as a byte range of `buf` (valid only during the call), without its line break.
   * `unterminated` is true for a final line without a line break (a writer cut off mid-line).
   */
  line(buf: Buffer, start: number, end: number, lineNo: number, unterminated: boolean): void;
  /** A line longer than MAX_LINE_BYTES: its content was dropped. */
  overlong(lineNo: number): void;
  /** Returning false stops the read early (e.g. no header in the first lines of a huge file). */
  wantsMore?(): boolean;
}

export interface LineSink {
  line(text: string, lineNo: number, unterminated: boolean): void;
  overlong(lineNo: number): void;
  wantsMore?(): boolean;
}

/** Longest line kept; longer ones are dropped whole, which bounds memory. */
export const MAX_LINE_BYTES = 1 << 20;
const READ_BYTES = 1 << 20;
const CR = 13;
const LF = 10;

/**
 * Streams a file line by line as byte ranges, with bounded memory. Accepts LF, CRLF and lone CR
 * line breaks. Hand-written instead of node:readline: readline decodes every line to a string
 * (the telemetry fast path parses bytes without making strings; see `npm run bench`), buffers
 * unbounded lines, and does not report a missing final newline.
 */
export async function readLineBytes(path: string, sink: ByteLineSink): Promise<void> {
  // One buffer for the whole file: no allocation per chunk, so memory stays flat however large
  // the file is. A partial line at the end of a read moves to the front before the next read.
  const buf = Buffer.allocUnsafe(MAX_LINE_BYTES + READ_BYTES);
  // Synchronous reads: nothing else runs during a scan, and each asynchronous read is a
  // thread-pool round trip that measured ~15% of the scan time on page-cached files.
  const fd = openSync(path, 'r');
  let filled = 0;
  let lineNo = 0;
  let skipping = false;
  let eof = false;

  const emit = (start: number, end: number, unterminated: boolean): void => {
    lineNo += 1;
    if (end > start && buf[end - 1] === CR) end -= 1;
    for (let cr = buf.indexOf(CR, start); cr >= 0 && cr < end; cr = buf.indexOf(CR, start)) {
      sink.line(buf, start, cr, lineNo, false);
      lineNo += 1;
      start = cr + 1;
    }
    sink.line(buf, start, end, lineNo, unterminated);
  };

  try {
    while (!eof) {
      const bytesRead = readSync(fd, buf, filled, buf.length - filled, null);
      if (bytesRead === 0) eof = true;
      const scanFrom = filled;
      filled += bytesRead;
      let pos = 0;
      if (skipping) {
        const nl = buf.indexOf(LF, scanFrom);
        if (nl < 0 || nl >= filled) {
          filled = 0;
          if (sink.wantsMore && !sink.wantsMore()) return;
          continue;
        }
        skipping = false;
        lineNo += 1;
        pos = nl + 1;
      }
      // CR is rare; a block without one skips the per-line CR search.
      const blockHasCr = buf.indexOf(CR, pos) >= 0 && buf.indexOf(CR, pos) < filled;
      for (let nl = buf.indexOf(LF, pos); nl >= 0 && nl < filled; nl = buf.indexOf(LF, pos)) {
        if (blockHasCr) emit(pos, nl, false);
        else {
          lineNo += 1;
          sink.line(buf, pos, nl, lineNo, false);
        }
        pos = nl + 1;
      }
      if (eof) {
        // A final line ended by a lone CR is complete; only a line with no break at all may be cut off.
        if (pos < filled) emit(pos, filled, buf[filled - 1] !== CR);
        break;
      }
      let tail = filled - pos;
      if (tail > MAX_LINE_BYTES) {
        const lastCr = buf.lastIndexOf(CR, filled - 2);
        if (lastCr >= pos) {
          // Lone-CR line breaks: everything up to the last CR is complete lines.
          emit(pos, lastCr, false);
          pos = lastCr + 1;
          tail = filled - pos;
        } else {
          sink.overlong(lineNo + 1);
          skipping = true;
          tail = 0;
        }
      }
      if (tail > 0 && pos > 0) buf.copyWithin(0, pos, filled);
      filled = tail;
      if (sink.wantsMore && !sink.wantsMore()) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** The same as readLineBytes with each line decoded as UTF-8 (invalid bytes become U+FFFD). */
export async function readLines(path: string, sink: LineSink): Promise<void> {
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => sink.line(buf.toString('utf8', start, end), lineNo, unterminated),
    overlong: (lineNo) => sink.overlong(lineNo),
    wantsMore: sink.wantsMore ? () => (sink.wantsMore as () => boolean)() : undefined,
  });
}
