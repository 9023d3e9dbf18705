import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'core/index': 'src/core/index.ts',
    'records/index': 'src/records/index.ts',
    'insurance/index': 'src/insurance/index.ts',
    'referrals/index': 'src/referrals/index.ts',
    'billing/index': 'src/billing/index.ts',
    'scheduling/index': 'src/scheduling/index.ts',
    'communications/index': 'src/communications/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
