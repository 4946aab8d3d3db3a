import { createReadStream } from 'node:fs';

export interface LineSink {
  /** `unterminated` is true for a final line without a line break (a writer cut off mid-line). */
  line(text: string, lineNo: number, unterminated: boolean): void;
  overlong(lineNo: number): void;
  /** Returning false stops the read early (e.g. no header in the first lines of a huge file). */
  wantsMore?(): boolean;
}

/** Longest line kept, in UTF-16 units; longer ones are dropped whole, which bounds memory. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Streams a text file line by line with bounded memory. Accepts LF, CRLF and lone CR line breaks;
 * bytes that are not UTF-8 become U+FFFD. Hand-written instead of node:readline because readline
 * buffers unbounded lines and does not report a missing final newline.
 */
export async function readLines(path: string, sink: LineSink): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let pending = '';
  let lineNo = 0;
  let skippingOverlong = false;
  const emit = (text: string, unterminated: boolean): void => {
    lineNo += 1;
    if (skippingOverlong) {
      skippingOverlong = false;
      return;
    }
    let line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.includes('\r')) {
      const parts = line.split('\r');
      line = parts.pop() as string;
      for (const part of parts) {
        sink.line(part, lineNo, false);
        lineNo += 1;
      }
    }
    sink.line(line, lineNo, unterminated);
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = pending.length > 0 ? pending + chunk : chunk;
      let pos = 0;
      for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
        emit(text.slice(pos, nl), false);
        pos = nl + 1;
      }
      pending = text.slice(pos);
      if (pending.length > 0 && pending.lastIndexOf('\r', pending.length - 2) >= 0) {
        // Lone-CR files have no LF at all: cut at the last CR that is surely not half of a CRLF.
        const cut = pending.lastIndexOf('\r', pending.length - 2);
        for (const part of pending.slice(0, cut).split('\r')) {
          lineNo += 1;
          sink.line(part, lineNo, false);
        }
        pending = pending.slice(cut + 1);
      }
      if (pending.length > MAX_LINE_CHARS) {
        if (!skippingOverlong) sink.overlong(lineNo + 1);
        skippingOverlong = true;
        pending = '';
      }
      if (sink.wantsMore && !sink.wantsMore()) return;
    }
    // A final line ended by a lone CR is complete; only a line with no break at all may be cut off.
    if (pending.length > 0) emit(pending, !pending.endsWith('\r'));
  } finally {
    stream.destroy();
  }
}
