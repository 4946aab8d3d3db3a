/**
 * Reads a step's output the way the Actions runner does, to list the workflow commands it would
 * act on: lines split at LF, CRLF or a lone CR; a line whose text after leading white space starts
 * with `::` is a command (`::name props::data`), and so is any line holding the legacy `##[name]`.
 */
export interface RunnerCommand {
  name: string;
  data: string;
  line: string;
}

// .NET's char.IsWhiteSpace, which the runner's TrimStart uses.
const LEADING_WHITE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

export function runnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(LEADING_WHITE, '');
    const v2 = /^::([^\s:]+)(?:\s[^:]*)?::(.*)$/s.exec(trimmed);
    if (v2) {
      commands.push({ name: v2[1] as string, data: v2[2] as string, line });
      continue;
    }
    const legacy = /##\[([^\s\]]+)[^\]]*\](.*)$/s.exec(line);
    if (legacy) commands.push({ name: legacy[1] as string, data: legacy[2] as string, line });
  }
  return commands;
}
