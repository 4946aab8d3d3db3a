/** Path globs over `/`-separated relative paths, shared by workspace inputs and the changelog gate's config files. */
import picomatch from 'picomatch';

/** True when the text has glob syntax rather than naming one path. */
export function hasGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * How picomatch reads our globs: `*` and `**` match dotfiles and dot folders too (a workspace's
 * `.cache/agg_x.json` is a result like any other), a leading `!` is a character and not a negation,
 * and `+(a)` is text and not an extglob.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, nonegate: true, noextglob: true, windows: false };

/**
 * A glob pattern as a regular expression over `/`-separated relative paths: `*`, `?`, `**`, `{a,b}`,
 * `[abc]`, `[!abc]`. picomatch reads `[!a]` as "`!` or `a`" and parentheses as regular-expression
 * groups, so `[!` becomes `[^` and `(`, `)`, `|` are escaped to keep them the bracket negation and
 * plain characters they are in a shell glob.
 */
export function globToRegExp(pattern: string): RegExp {
  return picomatch.makeRe(pattern.replace(/\[!/g, '[^').replace(/[()|]/g, '\\$&'), OPTIONS);
}

/** The folder part of a path glob before its first wildcard, where a search can start. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (hasGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}
