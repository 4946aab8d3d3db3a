import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { globBase, globToRegExp } from '../core/glob.js';

/** Files below `cwd` matching a path glob, relative with `/`, sorted; bounded so a glob on `/` cannot walk forever. */
export async function findFiles(cwd: string, pattern: string, maxVisited = 100_000): Promise<string[]> {
  const matcher = globToRegExp(pattern.replace(/^\.\//, ''));
  const start = join(cwd, globBase(pattern.replace(/^\.\//, '')));
  const found: string[] = [];
  const pending = [start];
  let visited = 0;
  while (pending.length > 0 && visited < maxVisited) {
    const folder = pending.pop() as string;
    let names;
    try {
      names = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const dirent of names) {
      visited++;
      const path = join(folder, dirent.name);
      const rel = relative(cwd, path).split(sep).join('/');
      if (dirent.isDirectory()) {
        if (dirent.name !== '.git' && dirent.name !== 'node_modules') pending.push(path);
      } else if (matcher.test(rel)) found.push(rel);
    }
  }
  return found.sort();
}
