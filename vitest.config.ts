import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Spawned end-to-end runs and SQLite files: keep parallelism to the machine's two cores.
    maxWorkers: 2,
  },
});
