// What `npm pack` would publish: the built dist/, the README, the licence and package.json;
// every file the exports map (and main/module/types) points at; nothing else.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../scripts/browser.js';

interface PackReport {
  readonly files: readonly { readonly path: string }[];
}

const packed = (): readonly string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [report] = JSON.parse(out) as PackReport[];
  return (report?.files ?? []).map((f) => f.path).sort();
};

const ALLOWED_TOP = new Set(['package.json', 'README.md', 'LICENSE']);

/** Packed paths that are neither dist/ output nor one of the allowed top-level files. */
const unexpected = (paths: readonly string[]): readonly string[] =>
  paths.filter((p) => !ALLOWED_TOP.has(p) && !/^dist\/.+\.(c?js|d\.c?ts|c?js\.map)$/.test(p));

/** Every file path named in an exports map, whatever its nesting of conditions. */
const targets = (node: unknown): readonly string[] =>
  typeof node === 'string'
    ? [node]
    : node && typeof node === 'object'
      ? Object.values(node).flatMap(targets)
      : [];

describe('npm pack contents', () => {
  const files = packed();
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('holds only dist output, package.json, README.md and LICENSE', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(unexpected(files)).toEqual([]);
  });

  it('the check catches sources, tests and configs', () => {
    expect(
      unexpected(['src/core/money.ts', 'tests/core/money.test.ts', 'vitest.config.ts', 'dist/core/index.js']),
    ).toEqual(['src/core/money.ts', 'tests/core/money.test.ts', 'vitest.config.ts']);
  });

  it('ships every file that exports, main, module and types point at', () => {
    const wanted = [...targets(pkg['exports']), pkg['main'], pkg['module'], pkg['types']].map((t) =>
      String(t).replace(/^\.\//, ''),
    );
    expect(wanted.length).toBeGreaterThan(20);
    expect(wanted.filter((t) => !files.includes(t))).toEqual([]);
  });

  it('ships ESM, CJS and both declaration flavours for every subpath', () => {
    const subpaths = Object.keys(pkg['exports'] as object).filter((k) => k !== './package.json');
    for (const sub of subpaths) {
      const base = sub === '.' ? 'dist/index' : `dist/${sub.slice(2)}/index`;
      for (const ext of ['.js', '.cjs', '.d.ts', '.d.cts'])
        expect(files, `${base}${ext}`).toContain(`${base}${ext}`);
    }
  });

  it('every subpath has a size budget for its own code and with dependencies', () => {
    const budgets = JSON.parse(readFileSync(resolve(ROOT, '.size-limit.json'), 'utf8')) as {
      path: string;
      ignore?: string[];
    }[];
    const subpaths = Object.keys(pkg['exports'] as object).filter((k) => k !== './package.json');
    for (const sub of subpaths) {
      const file = sub === '.' ? 'dist/index.js' : `dist/${sub.slice(2)}/index.js`;
      const own = budgets.filter((b) => b.path === file);
      expect(
        own.some((b) => b.ignore?.includes('luxon')),
        `${sub} own code`,
      ).toBe(true);
      expect(
        own.some((b) => b.ignore === undefined),
        `${sub} with dependencies`,
      ).toBe(true);
    }
  });
});
