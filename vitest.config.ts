import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Builds the bundle once into a temp folder for the end-to-end tests of dist/index.js.
    globalSetup: ['test/global-setup.ts'],
    // Workflow commands written by an action run in-process never reach CI's own log.
    setupFiles: ['test/setup/quiet-runner.ts'],
    // nvidia-smi timestamps are local wall-clock time; pin the zone so expected values are stable.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
