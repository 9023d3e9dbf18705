// Mutation testing (`npm run mutation`, not part of `npm test`: it takes minutes). Mutates the
// kernel and the two places where a silent slip costs money or loses a referral: the cost-share
// arithmetic and the referral transitions. `npm run mutation` then writes the scores into the
// `mutation` section of docs/benchmarks.md.
//
// A run limited to some files (`npx stryker run --mutate src/core/time.ts`) writes its own report
// and incremental file, named after those files, beside the full run's: scripts/mutationReport.ts
// merges every report, taking each file from the latest run that mutated it.
const mutateArg = (() => {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mutate' || argv[i] === '-m') return argv[i + 1];
    if (argv[i]?.startsWith('--mutate=')) return argv[i].slice('--mutate='.length);
  }
  return undefined;
})();
const fileName =
  mutateArg === undefined
    ? 'mutation'
    : mutateArg
        .replace(/^src\//, '')
        .replace(/\.ts\b/g, '')
        .replace(/[^\w.-]+/g, '-');
// MUTATION_TESTS (see vitest.mutation.config.ts) runs only some test folders: the name says which.
const testsArg = process.env.MUTATION_TESTS;
const runName = testsArg === undefined ? fileName : `${fileName}.only-${testsArg.replace(/[^\w]+/g, '-')}`;
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/**/*.ts',
    '!src/core/index.ts',
    // core's calendar arithmetic, kept out of the public surface
    'src/internal/civil.ts',
    'src/insurance/costShare.ts',
    'src/referrals/transitions.ts',
  ],
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  // Static mutants (module-level constants) would re-run every test per mutant; they are reported
  // as ignored rather than slowing the run tenfold.
  // src/core/ids.ts is static through and through (its schemas are built at import): run it with
  // STRYKER_STATIC=1 to test those mutants, each against the whole suite.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${runName}.json`,
  concurrency: 2,
  // A mutant that makes a test loop forever is stopped after 1.5x the test's own time plus this
  // (5 s: the covering tests of one mutant take well under 1 s; 10 s spent minutes on timeouts).
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: 'node_modules/.cache/stryker-tmp',
  cleanTempDir: 'always',
};
