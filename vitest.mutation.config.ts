import { defineConfig } from 'vitest/config';

// The suites that guard the mutated files of stryker.config.mjs (no architecture scans: they read
// src/ as text and would flag Stryker's instrumentation). MUTATION_TESTS=tests/core (folders,
// comma-separated) limits a run to some of them: a kernel file is called by every module, and with
// coverage per test each of its mutants would otherwise rerun the insurance and referral suites
// too. Such a run's report is named after the folders (see stryker.config.mjs).
const only = process.env['MUTATION_TESTS']?.split(',').filter((d) => d.length > 0);

export default defineConfig({
  test: {
    include: only
      ? only.map((d) => `${d.replace(/\/$/, '')}/**/*.test.ts`)
      : ['tests/core/**/*.test.ts', 'tests/insurance/**/*.test.ts', 'tests/referrals/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
