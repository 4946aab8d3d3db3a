/**
 * Reads and rewrites the members of a top-level JSON object while keeping every value's source
 * text byte for byte. JSON.parse + JSON.stringify would reorder integer-like keys, turn 1.0 into 1,
 * lose integers above 2^53 and reject Python's NaN/Infinity; the agg JSON must keep all of them.
 * The scanner is iterative, so a document nested 100,000 levels deep cannot overflow the stack.
 */

export interface JsonMember {
  key: string;
  keyRaw: string;
  valueRaw: string;
}

export type ReadObjectResult = { ok: true; members: JsonMember[] } | { ok: false; error: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];

function lineCol(text: string, index: number): string {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return `line ${line} column ${index - lastBreak}`;
}

/** End index (exclusive) of the string starting at `i`, or -1 when it is not a valid JSON string. */
function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const next = text[j + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -1;
        j += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        j += 1;
      } else {
        return -1;
      }
    }
  }
  return -1;
}

function scanScalar(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const literal of LITERALS) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  return m ? i + m[0].length : -1;
}

function skipWs(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

type State = 'value' | 'keyOrEnd' | 'key' | 'colon' | 'valueOrEnd' | 'commaOrEnd';

export function readTopLevelObject(text: string): ReadObjectResult {
  const fail = (index: number, what: string): ReadObjectResult => ({
    ok: false,
    error: `${what} at ${lineCol(text, index)}`,
  });
  let i = skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[i] !== '{') {
    return { ok: false, error: i >= text.length ? 'the file is empty' : 'the top-level JSON value is not an object' };
  }
  const stack: Array<'o' | 'a'> = [];
  const members: JsonMember[] = [];
  let state = 'value' as State;
  let keyRaw = '';
  let valueStart = 0;
  let done = false;

  const afterValue = (end: number): void => {
    if (stack.length === 0) {
      done = true;
      return;
    }
    if (stack.length === 1)
      members.push({ key: JSON.parse(keyRaw) as string, keyRaw, valueRaw: text.slice(valueStart, end) });
    state = 'commaOrEnd';
  };

  while (!done) {
    i = skipWs(text, i);
    if (i >= text.length) return fail(i, 'unexpected end of input');
    const c = text[i];
    switch (state) {
      case 'value':
        if (c === '{') {
          stack.push('o');
          state = 'keyOrEnd';
          i++;
        } else if (c === '[') {
          stack.push('a');
          state = 'valueOrEnd';
          i++;
        } else {
          const end = scanScalar(text, i);
          if (end < 0) return fail(i, 'invalid value');
          i = end;
          afterValue(i);
        }
        break;
      case 'keyOrEnd':
        if (c === '}') {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = 'key';
        }
        break;
      case 'key': {
        if (c !== '"') return fail(i, 'expected a string key');
        const end = scanString(text, i);
        if (end < 0) return fail(i, 'invalid string');
        if (stack.length === 1) keyRaw = text.slice(i, end);
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, "expected ':'");
        i = skipWs(text, i + 1);
        if (stack.length === 1) valueStart = i;
        state = 'value';
        break;
      case 'valueOrEnd':
        if (c === ']') {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = 'value';
        }
        break;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          state = top === 'o' ? 'key' : 'value';
          i++;
        } else if ((c === '}' && top === 'o') || (c === ']' && top === 'a')) {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          return fail(i, `expected ',' or '${top === 'o' ? '}' : ']'}'`);
        }
        break;
      }
    }
  }
  i = skipWs(text, i);
  if (i < text.length) return fail(i, 'unexpected data after the JSON value');
  return { ok: true, members };
}

/** Renders members as an indented object (the reference writes `json.dumps(data, indent=2)`). */
export function renderTopLevelObject(members: JsonMember[]): string {
  if (members.length === 0) return '{}';
  return `{\n${members.map((m) => `  ${m.keyRaw}: ${m.valueRaw}`).join(',\n')}\n}`;
}

/**
 * Removes every member whose key is in `remove`; then each `set` entry replaces the value of an
 * existing member in place (as assigning a key of a Python dict does) or is appended at the end.
 */
export function patchMembers(
  members: JsonMember[],
  remove: ReadonlySet<string>,
  set: Array<[string, string]>,
): JsonMember[] {
  const patched = members.filter((m) => !remove.has(m.key));
  for (const [key, valueRaw] of set) {
    const existing = patched.findIndex((m) => m.key === key);
    if (existing >= 0) {
      patched[existing] = { ...(patched[existing] as JsonMember), valueRaw };
      for (let j = patched.length - 1; j > existing; j--)
        if ((patched[j] as JsonMember).key === key) patched.splice(j, 1);
    } else {
      patched.push({ key, keyRaw: JSON.stringify(key), valueRaw });
    }
  }
  return patched;
}
