import { describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const distDir = inject('distDir');

/** Files an entry loads before running: its static imports, followed transitively (not `import()`). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    ))
      visit(resolve(dirname(file), m[1] as string));
  };
  visit(entry);
  return seen;
}

function bundleFiles(): string[] {
  return [
    join(distDir, 'index.js'),
    join(distDir, 'cli.js'),
    ...readdirSync(join(distDir, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(distDir, 'chunks', f)),
  ];
}

describe('bundle loading', () => {
  it('loads neither the artifact client nor the GitHub client before a mode needs them', () => {
    const start = staticGraph(join(distDir, 'index.js'));
    expect(start.size).toBeGreaterThan(1);
    const holding = (pattern: RegExp) => bundleFiles().filter((f) => pattern.test(readFileSync(f, 'utf8')));
    const artifactChunks = holding(/ArtifactServiceClientJSON|DefaultArtifactClient/);
    expect(artifactChunks.length).toBeGreaterThan(0); // mode job uploads: the client is bundled, in its own chunk
    for (const file of artifactChunks) expect(start.has(file), file).toBe(false);
    const commentChunks = holding(/sweep-power:report key=/);
    expect(commentChunks.length).toBeGreaterThan(0);
    for (const file of commentChunks) expect(start.has(file), file).toBe(false);
  });

  it('keeps the CLI free of the @actions clients', () => {
    const cli = staticGraph(join(distDir, 'cli.js'));
    for (const file of cli) expect(readFileSync(file, 'utf8')).not.toMatch(/ArtifactServiceClientJSON|getOctokit/);
  });
});
