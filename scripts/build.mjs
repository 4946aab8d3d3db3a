// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Usage: node scripts/build.mjs [outdir]   (default: dist)
import { build } from 'esbuild';
import { rm, writeFile, chmod } from 'node:fs/promises';
import { resolve } from 'node:path';

const outdir = resolve(process.argv[2] ?? 'dist');
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require(); give ESM a require.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await writeFile(resolve(outdir, 'package.json'), '{ "type": "module" }\n');
await chmod(resolve(outdir, 'cli.js'), 0o755);
