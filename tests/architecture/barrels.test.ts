// DESIGN.md rule 12: module barrels export by name, so a helper added to a capability file for
// another module's use (a day-number conversion, an X12 component splitter) does not become public
// API by accident. Only the root barrel re-exports whole modules, whose barrels are explicit.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../src/core/index.js';
import * as insurance from '../../src/insurance/index.js';
import { SRC, readSource } from './sourceRules.js';

const STAR_EXPORT = /^export \* from '([^']+)';$/gmu;

const starExports = (text: string): string[] => [...text.matchAll(STAR_EXPORT)].map((m) => m[1] ?? '');

const moduleBarrels = readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'internal')
  .map((d) => d.name);

describe('barrels export by name', () => {
  it.each(moduleBarrels)('src/%s/index.ts has no `export *`', (module) => {
    expect(starExports(readSource(join(SRC, module, 'index.ts')))).toEqual([]);
  });

  it('the root barrel re-exports the module barrels only', () => {
    const targets = starExports(readSource(join(SRC, 'index.ts')));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !/^\.\/[a-z]+\/index\.js$/u.test(t))).toEqual([]);
  });

  it('the check sees a planted `export *`', () => {
    expect(starExports("export { a } from './a.js';\nexport * from './helpers.js';\n")).toEqual([
      './helpers.js',
    ]);
  });

  it.each([
    ['core', core, 'dayNumberToDate'],
    ['core', core, 'divideRounded'],
    ['insurance', insurance, 'x12Components'],
  ])('the internal helper %s.%s is not public', (_module, barrel: object, name) => {
    expect(Object.hasOwn(barrel, name)).toBe(false);
    expect(Object.keys(barrel).length).toBeGreaterThan(10); // the barrel did load
  });
});
