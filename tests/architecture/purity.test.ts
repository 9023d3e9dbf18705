import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { SRC, purityViolations, readSource, sourceFiles } from './sourceRules.js';

describe('purity (DESIGN.md rule 1)', () => {
  it('src/ has no clock, randomness, console, process, fetch or node: import', () => {
    const violations = sourceFiles().flatMap((f) =>
      purityViolations(readSource(f)).map((v) => `${relative(SRC, f)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it.each([
    ['const t = Date.now();', 'clock: Date.now()'],
    ['const t = new Date();', 'clock: new Date() without an argument'],
    ['const r = Math.random();', 'randomness: Math.random'],
    ['console.log(1);', 'console'],
    ['const e = process.env;', 'process'],
    ["import { readFileSync } from 'node:fs';", 'Node built-in import node:fs'],
    ["await fetch('x');", 'network: fetch'],
  ])('catches a planted violation: %s', (line, rule) => {
    expect(purityViolations(`export const x = 1;\n${line}\n`)).toContain(rule);
  });

  it('ignores comments, strings and Date with an argument', () => {
    expect(purityViolations("// Date.now()\nconst s = 'Math.random()';\nconst d = new Date(0);\n")).toEqual(
      [],
    );
  });

  it('scans every module', () => {
    const modules = new Set(sourceFiles().map((f) => relative(SRC, f).split(/[\\/]/)[0]));
    for (const m of ['core', 'internal', 'records', 'insurance', 'referrals', 'scheduling', 'testing'])
      expect(modules).toContain(m);
    expect(sourceFiles(join(SRC, 'core')).length).toBeGreaterThan(3);
  });
});
