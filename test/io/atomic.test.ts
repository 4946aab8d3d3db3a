import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/atomic.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

describe('writeFileAtomic', () => {
  it('creates missing parent folders, then replaces the target leaving no temp file', async () => {
    const dir = tempWorkspace();
    const target = join(dir, 'audit', 'nested', 'power_validation.json');
    await writeFileAtomic(target, '{"a": 1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a": 1}\n');
    await writeFileAtomic(target, '{"a": 2}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a": 2}\n');
    expect(readdirSync(join(dir, 'audit', 'nested'))).toEqual(['power_validation.json']);
  });

  it('fails, writing nothing, when a parent is a file', async () => {
    const dir = tempWorkspace();
    writeFile(dir, 'audit', 'not a folder');
    await expect(writeFileAtomic(join(dir, 'audit', 'x.json'), '{}')).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(readFileSync(join(dir, 'audit'), 'utf8')).toBe('not a folder');
  });
});
