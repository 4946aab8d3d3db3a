// Fails when the committed dist/ differs from a fresh build of the sources.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const fresh = '.dist-check';
execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });

function listFiles(root, dir = root) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(root, full));
    else out.push(relative(root, full));
  }
  return out.sort();
}

let committed = [];
try {
  committed = listFiles('dist');
} catch {
  console.error('check-dist: dist/ is missing. Run `npm run build` and commit dist/.');
  process.exit(1);
}
const rebuilt = listFiles(fresh);
const differences = [];
for (const file of new Set([...committed, ...rebuilt])) {
  if (!committed.includes(file)) differences.push(`missing from dist/: ${file}`);
  else if (!rebuilt.includes(file)) differences.push(`stale file in dist/: ${file}`);
  else if (!readFileSync(join('dist', file)).equals(readFileSync(join(fresh, file))))
    differences.push(`differs: dist/${file}`);
}
rmSync(fresh, { recursive: true, force: true });
if (differences.length > 0) {
  console.error(`check-dist: dist/ is stale (${differences.length} difference(s)):`);
  for (const line of differences.slice(0, 20)) console.error(`  ${line}`);
  console.error('Fix: run `npm run build` and commit dist/.');
  process.exit(1);
}
console.log(`check-dist: dist/ matches a fresh build (${rebuilt.length} files).`);
