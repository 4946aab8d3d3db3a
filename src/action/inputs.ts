import { ACTION_INPUTS, MODES, SCHEMAS, type Mode } from '../commands/modes.js';
import {
  optionsFor,
  parseOptions,
  shown,
  type ModeSchema,
  type OptionProblem,
  type OptionSpec,
  type RawOptions,
} from '../commands/options.js';

/** A configuration the action cannot run with; the message names the input. */
export class InputError extends Error {}

/** The environment key the runner sets for an input: hyphens kept, spaces as `_`, upper case. */
export const inputKey = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** Raw inputs by name, read from the process environment as `core.getInput` does (undefined when unset). */
export function rawInputs(specs: OptionSpec[], inputs: NodeJS.ProcessEnv = process.env): RawOptions {
  return Object.fromEntries(specs.map((spec) => [spec.name, inputs[inputKey(spec.name)]]));
}

/** Every input the action declares, with the default action.yml gives it (the first mode that declares it wins). */
export function actionInputs(): Map<string, OptionSpec> {
  const all = new Map<string, OptionSpec>();
  for (const spec of [...ACTION_INPUTS, ...MODES.flatMap((mode) => optionsFor(SCHEMAS[mode], 'action'))])
    if (!all.has(spec.name)) all.set(spec.name, spec);
  return all;
}

/** action.yml's default for an input. */
export const declaredDefault = (spec: OptionSpec): string | undefined => spec.actionDefault ?? spec.default;

/** A problem with the inputs, in the action's words. */
export function wordInputProblem(problem: OptionProblem, mode: string): string {
  switch (problem.kind) {
    case 'missing':
      return `input '${problem.option}' is required for mode ${mode}${problem.what ? ` (${problem.what})` : ''}`;
    case 'invalid':
      return problem.env
        ? `${problem.env} is "${shown(problem.value)}"; expected ${problem.expected}`
        : `input '${problem.option}' is "${shown(problem.value)}"; expected ${problem.expected}`;
    case 'conflict':
      return `give input '${problem.options[0]}' or '${problem.options[1]}', not both`;
    case 'missing-one-of':
      return `input '${problem.options[0]}' or '${problem.options[1]}' is required for mode ${mode} (${problem.what})`;
    case 'unused':
      return `input '${problem.option}' is not used by mode ${problem.mode}; remove it (modes that use it: ${MODES.filter((m) => optionsFor(SCHEMAS[m], 'action').some((o) => o.name === problem.option)).join(', ')})`;
  }
}

/**
 * Inputs given that the mode does not take. The runner fills in action.yml defaults for every mode,
 * so a value equal to its declared default is not the user's; an expression default cannot be compared.
 */
function unusedInputs(mode: Mode, inputs: NodeJS.ProcessEnv): OptionProblem[] {
  const taken = new Set([...ACTION_INPUTS, ...optionsFor(SCHEMAS[mode], 'action')].map((o) => o.name));
  const problems: OptionProblem[] = [];
  for (const [name, spec] of actionInputs()) {
    const value = inputs[inputKey(name)]?.trim();
    if (taken.has(name) || value === undefined || value === '') continue;
    const declared = declaredDefault(spec);
    if (declared?.includes('${{') || value === declared) continue;
    problems.push({ kind: 'unused', option: name, mode });
  }
  return problems;
}

/** The selected mode, checked. */
export function readMode(inputs: NodeJS.ProcessEnv = process.env): Mode {
  const raw = inputs[inputKey('mode')]?.trim() || 'job';
  if (!(MODES as string[]).includes(raw))
    throw new InputError(
      wordInputProblem({ kind: 'invalid', option: 'mode', value: raw, expected: `one of: ${MODES.join(', ')}` }, raw),
    );
  return raw as Mode;
}

/**
 * A mode's typed options from the inputs, or an InputError naming every problem. `context` fills in
 * what the workflow's event says when the inputs leave it out.
 */
export function readOptions<T>(
  schema: ModeSchema<T>,
  env: NodeJS.ProcessEnv,
  context?: (raw: RawOptions) => RawOptions,
  inputs: NodeJS.ProcessEnv = process.env,
): T {
  let raw = rawInputs(optionsFor(schema, 'action'), inputs);
  if (context) raw = context(raw);
  const parsed = parseOptions(schema, raw, env, 'action');
  const problems = [
    ...(parsed.ok ? [] : parsed.problems),
    ...(MODES.includes(schema.mode as Mode) ? unusedInputs(schema.mode as Mode, inputs) : []),
  ];
  if (problems.length > 0 || !parsed.ok)
    throw new InputError(problems.map((p) => wordInputProblem(p, schema.mode)).join('; '));
  return parsed.options;
}

/** The folder the action works in. */
export const workspaceOf = (env: NodeJS.ProcessEnv): string => env.GITHUB_WORKSPACE || process.cwd();
