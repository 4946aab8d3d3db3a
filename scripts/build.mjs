// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Usage: node scripts/build.mjs [outdir]   (default: dist)
import { build } from 'esbuild';
import { rm, writeFile, chmod, readFile, readdir } from 'node:fs/promises';
import { resolve, join } from 'node:path';

const outdir = resolve(process.argv[2] ?? 'dist');
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(outdir, { recursive: true, force: true });
const result = await build({
  metafile: true,
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
  // `sweep-power --version` prints the version of the package the bundle was built from.
  define: { __SWEEP_POWER_VERSION__: JSON.stringify(version) },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require(); give ESM a require.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await writeFile(resolve(outdir, 'package.json'), '{ "type": "module" }\n');
await writeFile(
  resolve(outdir, 'THIRD_PARTY_LICENSES.txt'),
  await thirdPartyLicenses(Object.keys(result.metafile.inputs)),
);
await chmod(resolve(outdir, 'cli.js'), 0o755);

/**
 * The bundle carries code of its dependencies, whose licenses ask for their notice to travel with it:
 * one text with each bundled package's name, version and license file, in a stable order.
 */
async function thirdPartyLicenses(inputs) {
  const packageDirs = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirs.add(match[1]);
  }
  const sections = [];
  for (const dir of [...packageDirs].sort()) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const licenseFile = (await readdir(dir)).filter((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name)).sort()[0];
    const text = licenseFile
      ? (await readFile(join(dir, licenseFile), 'utf8')).trim()
      : `License: ${manifest.license ?? 'unknown'} (no license file in the package)`;
    sections.push(`${manifest.name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`);
  }
  return `Third-party software bundled into sweep-power's dist/\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}
