import { defineConfig } from 'vitest/config';

// The fast unit and property tests only, for `npm run mutate`: no bundle build, no end-to-end, bundle or fault tests.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/io/**/*.test.ts', 'test/property/**/*.test.ts'],
    // Drives the whole CLI per case: slow, and its mutants are covered by the core property tests.
    exclude: ['test/property/aggregate-cli.property.test.ts'],
    // A tenth of the property runs: each mutant reruns the tests that cover it.
    env: { TZ: 'UTC', FUZZ_RUNS_SCALE: process.env.FUZZ_RUNS_SCALE ?? '0.1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
