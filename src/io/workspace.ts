import { realpath, stat } from 'node:fs/promises';
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp, hasGlob } from '../core/glob.js';

/** A path given as an input that resolves outside the workspace: refused, never read or uploaded. */
export class OutsideWorkspaceError extends Error {
  readonly code = 'path_outside_workspace';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves an input path against the workspace and refuses what lies outside it: `..` segments,
 * absolute paths elsewhere, and symlinks whose target escapes (checked with realpath when the
 * path exists). Returns the absolute path.
 */
export async function confinePath(workspace: string, input: string): Promise<string> {
  const root = resolve(workspace);
  if (input.split(/[\\/]/).includes('..'))
    throw new OutsideWorkspaceError(`"${input}" contains "..": paths must stay inside the workspace ${root}`);
  const path = resolve(root, input);
  if (!inside(root, path)) throw new OutsideWorkspaceError(`"${input}" is outside the workspace ${root}`);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return path; // does not exist (yet): nothing to follow
  }
  const realRoot = await realpath(root).catch(() => root);
  if (!inside(realRoot, real))
    throw new OutsideWorkspaceError(
      `"${input}" resolves through a symlink to ${real}, outside the workspace ${realRoot}`,
    );
  return path;
}

export interface FoundFiles {
  files: string[];
  /** Matches refused because they resolve outside the workspace (symlink escapes). */
  refused: string[];
  truncated: boolean;
  /**
   * A folder (not a glob) was walked to the end: every file below it that the pattern matches is in
   * `files` or `refused`, so a matching name missing from both is not there to be read.
   */
  complete: boolean;
}

export interface FindOptions {
  /** Stop after this many matches (`truncated` says so). */
  maxFiles: number;
  /** Pattern below a folder given without a glob (default every `*.json`). */
  defaultPattern?: string;
  /** Refuse the base and symlinked files that resolve outside the workspace (default true). */
  confine?: boolean;
  /** Stop after this many folder entries, so a glob on `/` cannot walk forever (default unbounded). */
  maxVisited?: number;
  /** Folder names never entered (default `.git`). */
  skipFolders?: readonly string[];
  /** Symlinked files: followed to a file (confined when `confine`), or skipped like linked folders. */
  links?: 'follow' | 'skip';
  /**
   * The input is always a glob relative to the workspace: a plain path matches only itself (never a
   * folder's contents), a missing base matches nothing and an unreadable folder below it is skipped.
   */
  globOnly?: boolean;
}

/**
 * The one file finder: files matching a folder (every `*.json` below it) or a glob, relative to
 * the workspace, each confined to it unless told otherwise. Linked folders are never followed (no
 * cycles). Returns absolute paths in walk order (sorted per folder).
 */
export async function findFiles(workspace: string, input: string, options: FindOptions): Promise<FoundFiles> {
  const root = resolve(workspace);
  const confine = options.confine ?? true;
  const skipFolders = options.skipFolders ?? ['.git'];
  const followLinks = (options.links ?? 'follow') === 'follow';
  const maxVisited = options.maxVisited ?? Infinity;
  const normalized = options.globOnly ? input.replace(/\\/g, '/').replace(/^\.\//, '') : input.replace(/\\/g, '/');
  let base: string;
  let pattern: string;
  if (hasGlob(normalized) || options.globOnly) {
    const parts = normalized.split('/');
    const found = parts.findIndex(hasGlob);
    const firstGlob = found < 0 ? parts.length - 1 : found;
    const prefix = parts.slice(0, firstGlob).join('/');
    base = prefix === '' ? (normalized.startsWith('/') ? '/' : '.') : prefix;
    pattern = parts.slice(firstGlob).join('/');
  } else {
    base = normalized;
    pattern = options.defaultPattern ?? '**/*.json';
  }
  const baseDir = confine ? await confinePath(root, base) : resolve(root, base);
  const info = await stat(baseDir).catch(() => undefined);
  if (!info || (options.globOnly && !info.isDirectory())) {
    if (options.globOnly) return { files: [], refused: [], truncated: false, complete: false };
    throw new Error(`"${input}": ${baseDir} does not exist`);
  }
  if (info.isFile() && !hasGlob(normalized))
    return { files: [baseDir], refused: [], truncated: false, complete: false };
  const matcher = globToRegExp(pattern);
  const realRoot = confine ? await realpath(root).catch(() => root) : '';
  const files: string[] = [];
  const refused: string[] = [];
  let truncated = false;
  let visited = 0;
  // Blocking calls: a sweep's download is thousands of one-file folders, and a promise per folder
  // (a thread-pool round trip each) costs several times the listing itself.
  const walk = (dir: string, rel: string): void => {
    if (truncated || visited >= maxVisited) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // A glob search skips an unreadable folder below its base; a named folder must be readable throughout.
      if (rel === '' || !options.globOnly) throw error;
      entries = [];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      visited++;
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      // `dir` is absolute and normalized and a folder entry's name has no separator: no join needed.
      const full = dir === sep ? `${sep}${entry.name}` : `${dir}${sep}${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!followLinks) continue;
        let real: string;
        try {
          real = realpathSync(full);
        } catch {
          continue;
        }
        if (confine && !inside(realRoot, real)) {
          if (matcher.test(relPath)) refused.push(full);
          continue;
        }
        const target = statSync(real);
        isDir = false; // never follow linked folders: no cycles
        isFile = target.isFile();
      }
      if (isDir) {
        if (!skipFolders.includes(entry.name)) walk(full, relPath);
      } else if (isFile && matcher.test(relPath)) {
        if (files.length >= options.maxFiles) {
          truncated = true;
          return;
        }
        files.push(full);
      }
      if (truncated || visited >= maxVisited) return;
    }
  };
  walk(baseDir, '');
  const complete = !hasGlob(normalized) && !options.globOnly && !truncated && visited < maxVisited;
  return { files, refused, truncated, complete };
}

/** `target` with symlinks resolved as far as it exists; a missing tail is appended lexically. */
function realPathSync(target: string): string {
  let existing = resolve(target);
  let tail = '';
  for (;;) {
    try {
      return join(realpathSync(existing), tail);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return join(existing, tail);
      tail = tail === '' ? basename(existing) : join(basename(existing), tail);
      existing = parent;
    }
  }
}

/**
 * Why `path` may not be read, written or uploaded: it (or a folder above it) is a symlink whose
 * target lies outside `root`. Undefined when it stays inside `root` or does not exist. Callers
 * refuse the file, naming the link; they never follow it.
 */
export function escapesRoot(root: string, path: string): string | undefined {
  const realRoot = realPathSync(root);
  const real = realPathSync(path);
  if (inside(realRoot, real)) return undefined;
  return `${path} is a symlink to ${real}, outside ${realRoot}: refused, not read, written or uploaded`;
}

/** The root a found file must stay in: the workspace, or the folder of a path explicitly given outside it. */
export function rootFor(workspace: string, path: string): string {
  return inside(resolve(workspace), resolve(path)) ? workspace : dirname(resolve(path));
}
