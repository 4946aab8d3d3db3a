/** Path globs over `/`-separated relative paths, shared by workspace inputs and the changelog gate's config files. */

/** True when the text has glob syntax rather than naming one path. */
export function hasGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** A glob pattern as a regular expression over `/`-separated relative paths: `*`, `?`, `**`, `{a,b}`, `[abc]`. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:[^/]+/)*' : '.*';
        i += slashAfter ? 3 : 2;
        continue;
      }
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === '{') {
      braces += 1;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces -= 1;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += ch.replace(/[.+^$()|\\]/g, '\\$&');
    i += 1;
  }
  return new RegExp(`^${out}$`);
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
