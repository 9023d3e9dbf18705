// A clone works where it is cloned: nothing the gate runs (tests, benchmarks, examples, scripts,
// CI, configs) reads files from beside the repository. The public test data lives in tests/data
// (read through tests/support/testData.ts); .ci/run also runs the gate once in a copy of the
// repository with nothing beside it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = [
  'tests',
  'bench',
  'examples',
  'scripts',
  '.ci',
  'package.json',
  'vitest.config.ts',
  'vitest.dist.config.ts',
  'tsup.config.ts',
  'typedoc.json',
];
// tests/data holds the vendored files themselves; this file holds the pattern and its own examples.
const SKIPPED = new Set(['tests/data', 'node_modules', 'tests/architecture/selfContained.test.ts']);

/** A path that leaves the repository for the sibling folder `shared` (`../shared`, `../../shared/data`). */
const OUTSIDE = /(?:\.\.[\\/])+shared\b/;

const outsideReferences = (text: string): string[] =>
  text.split('\n').filter((line) => OUTSIDE.test(line) && !/^\s*(\/\/|\*|#)/.test(line));

const files = (path: string): string[] => {
  const rel = relative(ROOT, path);
  if (SKIPPED.has(rel)) return [];
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((e) => files(join(path, e)));
  return /\.(c?[jt]s|mjs|json|sh)$|^\.ci[\\/]/.test(rel) ? [path] : [];
};

describe('the repository is self-contained', () => {
  it('no test, benchmark, example, script or config reads from beside the repository', () => {
    const found = SCANNED.flatMap((p) => files(resolve(ROOT, p))).flatMap((f) =>
      outsideReferences(readFileSync(f, 'utf8')).map((line) => `${relative(ROOT, f)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the check sees such a reference', () => {
    expect(outsideReferences("const p = resolve(ROOT, '../shared/data/x12/271');")).toHaveLength(1);
    expect(outsideReferences("readFileSync('../../shared/data/febrl/dataset1.csv')")).toHaveLength(1);
    expect(outsideReferences("import * as core from '../../../src/core/index.js';")).toEqual([]);
    expect(outsideReferences("import { dataFile } from '../support/testData.js';")).toEqual([]);
  });
});
