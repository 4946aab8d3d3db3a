import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh build of dist/ for end-to-end tests (the committed dist may be stale on a branch). */
    distDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-power-dist-'));
  execFileSync(process.execPath, [resolve('scripts/build.mjs'), dir], { stdio: 'inherit' });
  project.provide('distDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
