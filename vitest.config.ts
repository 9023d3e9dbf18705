import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/browser and tests/package need dist/: `npm run test:dist` runs them after the build.
    exclude: ['tests/dist/**', 'tests/browser/**', 'tests/package/**', 'node_modules/**'],
    pool: 'threads',
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/index.ts'],
      reporter: ['text-summary'],
      // Raised as modules land; see the README's contributing section.
      thresholds: { lines: 85, functions: 85, branches: 80, statements: 85 },
    },
  },
});
