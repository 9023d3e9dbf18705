// Mutation testing (`npm run mutation`, not part of `npm test`: it takes minutes). Mutates the
// kernel and the two places where a silent slip costs money or loses a referral: the cost-share
// arithmetic and the referral transitions. `npm run mutation` then writes the scores into the
// `mutation` section of docs/benchmarks.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/**/*.ts',
    '!src/core/index.ts',
    'src/insurance/costShare.ts',
    'src/referrals/transitions.ts',
  ],
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Static mutants (module-level constants) would re-run every test per mutant; they are reported
  // as ignored rather than slowing the run tenfold.
  ignoreStatic: true,
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: 'node_modules/.cache/stryker-tmp',
  cleanTempDir: 'always',
};
