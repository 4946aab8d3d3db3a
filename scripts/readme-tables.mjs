// Writes the README's per-mode input and output tables from action.yml, between the markers
// <!-- inputs:start mode=M --> ... <!-- inputs:end --> and <!-- outputs:start mode=M --> ... <!-- outputs:end -->.
// Which inputs a mode reads comes from its option schema (src/commands/*.options.ts); which outputs
// it sets, from its action entry (src/action/<mode>.ts). Descriptions and defaults come from action.yml.
// It also renders the example comment between <!-- example-comment:start --> and <!-- example-comment:end -->
// by running the CLI's `report` on the sample sweep in examples/report (results against baseline).
// Usage: node scripts/readme-tables.mjs          rewrite README.md
//        node scripts/readme-tables.mjs --check  exit 1 when README.md differs from what would be written
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles one TypeScript entry into `dir` as ESM, so this script needs no build; returns the file. */
async function bundle(entry, dir) {
  const outfile = join(dir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  const banner = {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  };
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    banner,
    logLevel: 'warning',
  });
  return outfile;
}

/** The option schemas, bundled from the TypeScript sources. */
async function loadSchemas() {
  const dir = mkdtempSync(join(tmpdir(), 'readme-tables-'));
  try {
    return await import(pathToFileURL(await bundle('src/commands/modes.ts', dir)).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The report comment of the sample sweep, as `sweep-power report` prints it (no GitHub context, so the
 * header names the baseline folder rather than a run and commit).
 */
export async function exampleComment() {
  const dir = mkdtempSync(join(tmpdir(), 'readme-example-'));
  try {
    const cli = await bundle('src/cli.ts', dir);
    const args = ['report', '--results', 'results', '--baseline', 'baseline', '--run-id', '19234567890'];
    const run = spawnSync(process.execPath, [cli, ...args], {
      cwd: join(ROOT, 'examples', 'report'),
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`sweep-power report failed: ${run.stderr}`);
    return run.stdout.trimEnd();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Output names a mode's action entry sets, including those of the shared power step it calls. */
function outputsOf(mode) {
  const read = (file) => readFileSync(join(ROOT, 'src/action', file), 'utf8');
  let text = read(`${mode}.ts`);
  if (/from '\.\/power\.js'/.test(text)) text += read('power.ts');
  return [...new Set([...text.matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1]))];
}

// Table cells: pipes would split the cell, <…> would be read as HTML, * as emphasis.
const cell = (text) =>
  String(text)
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*/g, '\\*')
    .replace(/\s*\n\s*/g, ' ');
const MODE_NAME = '(?:job|aggregate-multinode|aggregate|process-result|report|validate-changelog)';
/** `mode job: `, `aggregate, process-result: `, `mode report and job: ` at the start or after a sentence. */
const MODE_LABEL = new RegExp(`(?:^|(?<=\\. ))(?:mode )?(${MODE_NAME}(?:(?:, | and )${MODE_NAME})*): `, 'g');

/**
 * The part of an input's description that concerns `mode`: descriptions shared by modes label their
 * sentences (`mode aggregate: required; ... mode job: only used when ...`); text before the first
 * label applies to every mode.
 */
function describeFor(text, mode) {
  const description = (text ?? '').trim();
  const labels = [...description.matchAll(MODE_LABEL)];
  if (labels.length === 0) return cell(description);
  const parts = [description.slice(0, labels[0].index).trim()];
  labels.forEach((label, i) => {
    const end = i + 1 < labels.length ? labels[i + 1].index : description.length;
    const modes = label[1].split(/, | and /);
    if (modes.includes(mode)) parts.push(description.slice(label.index + label[0].length, end).trim());
  });
  const kept = parts.filter(Boolean).join(' ');
  return cell(kept || description);
}

export async function tables() {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const { MODES, SCHEMAS } = await loadSchemas();
  const result = {};
  for (const mode of MODES) {
    const names = [
      'mode',
      ...SCHEMAS[mode].options.filter((o) => o.only === undefined || o.only === 'action').map((o) => o.name),
    ];
    const inputs = ['| input | default | meaning |', '|---|---|---|'];
    for (const name of names) {
      const spec = action.inputs[name];
      if (!spec) throw new Error(`action.yml has no input "${name}", which mode ${mode} reads`);
      if (name === 'mode') {
        inputs.push(
          `| \`mode\` | \`job\` | ${mode === 'job' ? 'the per-job step is the default; leave `mode` out' : `set to \`${mode}\``} |`,
        );
        continue;
      }
      const fallback =
        spec.default === undefined || spec.default === '' ? '' : `\`${String(spec.default).replace(/\|/g, '\\|')}\``;
      inputs.push(`| \`${name}\` | ${fallback} | ${describeFor(spec.description, mode)} |`);
    }
    const outputs = ['| output | meaning |', '|---|---|'];
    for (const name of outputsOf(mode)) {
      const spec = action.outputs[name];
      if (!spec) throw new Error(`action.yml has no output "${name}", which mode ${mode} sets`);
      outputs.push(`| \`${name}\` | ${describeFor(spec.description, mode)} |`);
    }
    result[mode] = { inputs: inputs.join('\n'), outputs: outputs.join('\n') };
  }
  return result;
}

/** README text with every marked table (and, given `comment`, the example comment) replaced. */
export function fill(readme, generated, comment) {
  const filled =
    comment === undefined
      ? readme
      : readme.replace(
          /(<!-- example-comment:start -->\n)([\s\S]*?)(<!-- example-comment:end -->)/,
          (_all, start, _old, end) => `${start}\n${comment}\n\n${end}`,
        );
  return filled.replace(
    /(<!-- (inputs|outputs):start mode=([a-z-]+) -->\n)([\s\S]*?)(<!-- \2:end -->)/g,
    (_all, start, kind, mode, _old, end) => {
      const table = generated[mode]?.[kind];
      if (table === undefined) throw new Error(`README marker for unknown mode "${mode}"`);
      return `${start}${table}\n${end}`;
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const next = fill(readme, await tables(), await exampleComment());
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md input/output tables or example comment differ from what action.yml and examples/report give; run: npm run readme-tables',
      );
      process.exit(1);
    }
  } else if (next !== readme) writeFileSync(path, next);
}
