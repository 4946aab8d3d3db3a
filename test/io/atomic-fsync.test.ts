import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

// Real file system calls, recorded in order: the temp file's data must reach the disk before the rename
// makes it the target, or a crash right after the rename can leave an empty or partial target.
const calls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (path: string, ...rest: Parameters<typeof fs.open> extends [unknown, ...infer R] ? R : never) => {
      const handle = await fs.open(path, ...rest);
      const sync = handle.sync.bind(handle);
      const writeFile = handle.writeFile.bind(handle);
      handle.sync = async () => {
        calls.push(`sync ${basename(path)}`);
        return sync();
      };
      handle.writeFile = (async (...args: Parameters<typeof handle.writeFile>) => {
        calls.push(`write ${basename(path)}`);
        return writeFile(...args);
      }) as typeof handle.writeFile;
      return handle;
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${basename(from)} -> ${basename(to)}`);
      return fs.rename(from, to);
    },
  };
});

const { writeFileAtomic } = await import('../../src/io/atomic.js');

describe('writeFileAtomic durability', () => {
  it('flushes the temp file to disk (fsync) after writing it and before renaming it over the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-power-fsync-'));
    const target = join(dir, 'agg.json');
    calls.length = 0;
    await writeFileAtomic(target, '{"power_valid": 1}');
    expect(readFileSync(target, 'utf8')).toBe('{"power_valid": 1}');
    const temp = calls.find((c) => c.startsWith('write '))?.slice('write '.length);
    expect(temp).toMatch(/^\.agg\.json\.sweep-power-.*\.tmp$/);
    const fileCalls = calls.filter((c) => c.includes(temp as string));
    expect(fileCalls).toEqual([`write ${temp}`, `sync ${temp}`, `rename ${temp} -> agg.json`]);
  });
});
