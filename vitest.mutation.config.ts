import { defineConfig } from 'vitest/config';

// The suites that guard the mutated files of stryker.config.mjs (no architecture scans: they read
// src/ as text and would flag Stryker's instrumentation).
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/insurance/**/*.test.ts', 'tests/referrals/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
