import { defineConfig } from 'tsup';

/** The package's entry points: one per subpath export. */
const publicEntries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'records/index': 'src/records/index.ts',
  'insurance/index': 'src/insurance/index.ts',
  'referrals/index': 'src/referrals/index.ts',
  'billing/index': 'src/billing/index.ts',
  'scheduling/index': 'src/scheduling/index.ts',
  'communications/index': 'src/communications/index.ts',
  'testing/index': 'src/testing/index.ts',
};

export default defineConfig({
  entry: {
    ...publicEntries,
    // A chunk boundary, not a subpath (the exports map does not name it, so nobody can import
    // it): code splitting puts every module in a chunk with the modules that the same entry
    // points reach, so without this entry the 271 reader shares a chunk with the insurance
    // barrel's schemas (270 request, clearinghouse JSON, FHIR Coverage), whose zod calls a
    // bundler must keep, and an app importing read271 alone shipped zod (41.9 kB gzip with the
    // peers; 12.7 kB with this entry, tests/package/bundleBudgets.test.ts).
    'internal/read271': 'src/insurance/x12/read271.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: publicEntries },
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
