import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import ts from 'typescript';

/**
 * The library's schemas are built on zod/mini, with plain function calls (`z.object`,
 * `z.optional`, `z.string()`). A bundler keeps a call it cannot prove pure, and zod's own
 * `@__NO_SIDE_EFFECTS__` marks do not survive its re-exports, so an app importing one function
 * would ship every schema of the chunks that function lives in (the FHIR shapes beside the slot
 * search, say). While building, this step marks each `z.<name>(...)` call of the source
 * `/* @__PURE__ *\/` (found in the syntax tree, so comments and strings are never touched): an
 * unused schema is then dropped from an app's bundle. Parsing (`z.safeParse`) is not marked.
 * Schema helpers of our own (`const label = () => z.string()...`) carry `@__NO_SIDE_EFFECTS__`
 * in the source for the same reason.
 */
const NOT_PURE = new Set(['safeParse', 'parse', 'config']);
const markZodCallsPure = (path: string, source: string): string => {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const starts: number[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'z' &&
      !NOT_PURE.has(node.expression.name.text)
    )
      starts.push(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const at of starts.sort((a, b) => b - a)) out = `${out.slice(0, at)}/* @__PURE__ */ ${out.slice(at)}`;
  return out;
};
const pureZodCalls: Plugin = {
  name: 'pure-zod-calls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes("from 'zod/mini'")) return undefined;
      return { contents: markZodCallsPure(args.path, source), loader: 'ts' };
    });
  },
};

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
  // rrule is reached through the package's `imports` map (src/internal/rrule.ts): the map is
  // resolved where the package is used (Node, or an app's bundler with its conditions), so the
  // specifier stays in dist as written.
  external: ['#rrule'],
  esbuildPlugins: [pureZodCalls],
});
