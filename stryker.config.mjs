// `npm run mutate`: mutation testing of the pure core and the atomic writer with the fast tests (outside CI).
// Scope a run with `npm run mutate -- --mutate 'src/core/power.ts'`; incremental mode reuses earlier results.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts', 'src/io/atomic.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  checkers: [],
  // The machine is shared: two workers at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
};
