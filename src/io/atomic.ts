import { constants, type FileHandle, mkdir, open, rename, unlink, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

const TEMP_TAG = '.sweep-power-';
/** Longest target name kept in the temp name: the tag, pid and random part must fit in 255 bytes too. */
const MAX_NAME_IN_TEMP = 180;

function tempPrefix(path: string): string {
  const name = basename(path);
  const shown =
    Buffer.byteLength(name) <= MAX_NAME_IN_TEMP ? name : createHash('sha256').update(name).digest('hex').slice(0, 32);
  return `.${shown}${TEMP_TAG}`;
}

/** Removes temp files a killed earlier write of `path` left behind in its folder. */
async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
      .map((n) => unlink(join(dir, n)).catch(() => undefined)),
  );
}

/**
 * Replaces `path` with `content` so that a reader (or a crash) sees either the old or the new
 * complete file: create the folder if needed, write a temp file in the same folder, fsync it,
 * rename it over the target, fsync the folder. On any error the temp file is removed and the
 * target is untouched. Every file the tool writes goes through here, so every mode follows one rule.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  // Audit paths such as audit/power_validation.json name folders the benchmark never created.
  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemps(path);
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // Never through a symlink: O_EXCL refuses an existing temp name, O_NOFOLLOW a planted link; the
    // rename below replaces a link at the destination instead of writing where it points.
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Folder fsync is not supported everywhere; the rename itself is already atomic.
  }
}
