import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { confinePath, findFiles, OutsideWorkspaceError } from '../../src/io/workspace.js';
import { loadResults } from '../../src/io/results.js';
import { tempWorkspace, writeFile } from '../helpers/workspace.js';

describe('confinePath', () => {
  it('resolves paths inside the workspace', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'a/b.json', '{}');
    expect(await confinePath(ws, 'a/b.json')).toBe(join(ws, 'a/b.json'));
    expect(await confinePath(ws, join(ws, 'a'))).toBe(join(ws, 'a'));
    expect(await confinePath(ws, 'not-yet.json')).toBe(join(ws, 'not-yet.json'));
  });

  it('refuses .., absolute paths elsewhere and symlink escapes', async () => {
    const ws = tempWorkspace();
    const outside = tempWorkspace();
    writeFile(outside, 'secret.json', '{}');
    symlinkSync(outside, join(ws, 'link'));
    await expect(confinePath(ws, '../x')).rejects.toThrow(OutsideWorkspaceError);
    await expect(confinePath(ws, 'a/../../x')).rejects.toThrow(/contains "\.\."/);
    await expect(confinePath(ws, '/etc/passwd')).rejects.toThrow(/outside the workspace/);
    await expect(confinePath(ws, 'link/secret.json')).rejects.toThrow(/symlink/);
  });
});

describe('findFiles', () => {
  it('matches globs and folders, sorted, and refuses linked files outside', async () => {
    const ws = tempWorkspace();
    const outside = tempWorkspace();
    writeFile(outside, 'agg_evil.json', '{}');
    writeFile(ws, 'results/bmk_a/agg_a.json', '{}');
    writeFile(ws, 'results/bmk_b/agg_b.json', '{}');
    writeFile(ws, 'results/bmk_b/notes.txt', '');
    symlinkSync(join(outside, 'agg_evil.json'), join(ws, 'results/agg_evil.json'));
    const byGlob = await findFiles(ws, 'results/*/agg_*.json', { maxFiles: 100 });
    expect(byGlob.files).toEqual([join(ws, 'results/bmk_a/agg_a.json'), join(ws, 'results/bmk_b/agg_b.json')]);
    const byFolder = await findFiles(ws, 'results', { maxFiles: 100 });
    expect(byFolder.files).toEqual([join(ws, 'results/bmk_a/agg_a.json'), join(ws, 'results/bmk_b/agg_b.json')]);
    expect(byFolder.refused).toEqual([join(ws, 'results/agg_evil.json')]);
    const limited = await findFiles(ws, 'results/**/*.json', { maxFiles: 1 });
    expect(limited.truncated).toBe(true);
    await expect(findFiles(ws, '../*.json', { maxFiles: 10 })).rejects.toThrow(OutsideWorkspaceError);
    await expect(findFiles(ws, 'missing', { maxFiles: 10 })).rejects.toThrow(/does not exist/);
    const unconfined = await findFiles(ws, 'results', { maxFiles: 100, confine: false });
    expect(unconfined.files).toContain(join(ws, 'results/agg_evil.json'));
  });

  it('as a glob-only search: skips named folders and links, a plain path is itself, a missing base is no match', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'configs/a-master.yaml', '');
    writeFile(ws, 'configs/node_modules/b-master.yaml', '');
    writeFile(ws, 'configs/deep/c-master.yaml', '');
    symlinkSync(join(ws, 'configs/a-master.yaml'), join(ws, 'configs/linked-master.yaml'));
    const options = {
      maxFiles: Infinity,
      skipFolders: ['node_modules'],
      links: 'skip' as const,
      globOnly: true,
      confine: false,
    };
    expect((await findFiles(ws, './configs/**/*-master.yaml', options)).files).toEqual([
      join(ws, 'configs/a-master.yaml'),
      join(ws, 'configs/deep/c-master.yaml'),
    ]);
    expect((await findFiles(ws, 'configs', options)).files).toEqual([]);
    expect((await findFiles(ws, 'configs/a-master.yaml', options)).files).toEqual([join(ws, 'configs/a-master.yaml')]);
    expect((await findFiles(ws, 'missing/*.yaml', options)).files).toEqual([]);
    // Entries are visited in name order: a budget of one entry stops before deep/ is entered.
    expect((await findFiles(ws, 'configs/**/*.yaml', { ...options, maxVisited: 1 })).files).toEqual([
      join(ws, 'configs/a-master.yaml'),
    ]);
  });
});

describe('loadResults', () => {
  it('reads agg JSONs with their sidecars, lists unreadable files and skips other JSON', async () => {
    const ws = tempWorkspace();
    writeFile(ws, 'r/agg_a.json', JSON.stringify({ hw: 'h200', model: 'm', power_valid: 0 }));
    writeFile(ws, 'r/power_validation_a.json', JSON.stringify({ reasons: ['sampling_gap_exceeded'] }));
    writeFile(ws, 'r/agg_b.json', '{ not json');
    writeFile(ws, 'r/bench.json', JSON.stringify({ model_id: 'm', max_concurrency: 4 }));
    mkdirSync(join(ws, 'r/empty'));
    const loaded = await loadResults(ws, 'r', { confine: true });
    expect(loaded.rows).toHaveLength(1);
    expect(loaded.rows[0]).toMatchObject({
      source: 'r/agg_a.json',
      status: 'invalid',
      reasons: ['sampling_gap_exceeded'],
    });
    expect(loaded.unreadable).toHaveLength(1);
    expect(loaded.unreadable[0]!.source).toBe('r/agg_b.json');
    expect(loaded.skipped).toBe(2); // the sidecar and the raw bench result
  });
});
