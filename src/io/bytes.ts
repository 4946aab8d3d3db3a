import { open, stat } from 'node:fs/promises';

export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(
      `${path} is ${size.toLocaleString('en-US')} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit`,
    );
  }
}

/** A whole file's bytes, refusing files above `maxBytes` before reading so hostile inputs cannot exhaust memory. */
export async function readBytesBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new FileTooLargeError(path, info.size, maxBytes);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(info.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new FileTooLargeError(path, filled, maxBytes);
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
