import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/io/atomic.ts
import { constants, mkdir, open, rename, unlink, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createHash, randomBytes } from "node:crypto";
var TEMP_TAG = ".sweep-power-";
var MAX_NAME_IN_TEMP = 180;
function tempPrefix(path) {
  const name = basename(path);
  const shown = Buffer.byteLength(name) <= MAX_NAME_IN_TEMP ? name : createHash("sha256").update(name).digest("hex").slice(0, 32);
  return `.${shown}${TEMP_TAG}`;
}
async function removeStaleTemps(path) {
  const dir = dirname(path);
  const prefix = tempPrefix(path);
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith(".tmp")).map((n) => unlink(join(dir, n)).catch(() => void 0))
  );
}
async function writeFileAtomic(path, content) {
  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemps(path);
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 420);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = void 0;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => void 0);
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  try {
    const dir = await open(dirname(path), "r");
    await dir.sync().catch(() => void 0);
    await dir.close();
  } catch {
  }
}

export {
  writeFileAtomic
};
//# sourceMappingURL=chunk-KRTMRXDF.js.map
