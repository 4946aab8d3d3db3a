// Prints the CHANGELOG.md section of one version, the body of its GitHub release.
// Usage: node scripts/release-notes.mjs <version|vX.Y.Z> [CHANGELOG.md]
// Exits 1 when the version has no section, or when it differs from package.json's version: a release is
// cut only from a commit whose changelog and package agree on what is being released.
import { readFileSync } from 'node:fs';

export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && (/^## /.test(line) || /^\[[^\]]+\]: /.test(line)));
  if (end < 0) end = lines.length;
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tag = process.argv[2] ?? '';
  const version = tag.replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    console.error(`release-notes: "${tag}" is not a version; expected X.Y.Z or vX.Y.Z`);
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (pkg.version !== version) {
    console.error(
      `release-notes: package.json says version ${pkg.version}, the tag says ${version}; bump package.json or fix the tag.`,
    );
    process.exit(1);
  }
  const notes = releaseNotes(readFileSync(process.argv[3] ?? 'CHANGELOG.md', 'utf8'), version);
  if (!notes) {
    console.error(`release-notes: CHANGELOG.md has no non-empty "## [${version}]" section; add one before tagging.`);
    process.exit(1);
  }
  console.log(notes);
}
