import { defineConfig } from 'vitest/config';

// Tests of the built package (dist/): the browser run, tree-shaking, the packed file list and the
// public-API report. `npm test` runs them after `npm run build`; the unit config excludes them.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts', 'tests/package/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
