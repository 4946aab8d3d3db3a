import { describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../helpers/workspace.js';

const distDir = inject('distDir');
const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
};

function npm(args: string[], cwd: string): string {
  // --offline: an install that needed anything from the registry fails here instead of fetching it.
  return execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

describe('the npm package', () => {
  it('npm pack, then npm install -g of the tarball installs nothing else, and sweep-power --version runs', () => {
    // The package as published: its files list, with dist/ freshly built from these sources.
    const staging = tempWorkspace();
    for (const file of pkg.files.filter((f) => f !== 'dist'))
      cpSync(join(ROOT, file), join(staging, file), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(staging, 'package.json'));
    cpSync(distDir, join(staging, 'dist'), { recursive: true });
    const tarball = npm(['pack', '--silent'], staging).trim().split('\n').pop() as string;
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);

    const prefix = tempWorkspace();
    npm(['install', '-g', join(staging, tarball), '--prefix', prefix], staging);
    const modules = join(prefix, 'lib', 'node_modules');
    expect(readdirSync(modules)).toEqual([pkg.name]);
    // No runtime dependency: everything the CLI needs is bundled into dist/.
    expect(existsSync(join(modules, pkg.name, 'node_modules'))).toBe(false);

    const out = execFileSync(join(prefix, 'bin', 'sweep-power'), ['--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
  });

  it('the built CLI prints the version and suggests the closest command for a typo', () => {
    expect(execFileSync(process.execPath, [join(distDir, 'cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    );
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [join(distDir, 'cli.js'), 'agregate', '--bench-result', 'x.json'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(2);
    expect(failure.stderr).toContain('unknown command "agregate". Did you mean "aggregate"?');
  });
});
