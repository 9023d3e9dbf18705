// The guides' code is real: each guide names regions of examples/ (an `{@includeCode}` line, which
// `npm run guides` turns into a block of code between two comments naming the region), and this file
// runs those examples and checks what the guides say they print.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as gettingStarted from '../../examples/guides/gettingStarted.js';
import { ReferralTracker, checkTracker } from '../../examples/testing/referralModelTest.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE =
  /^(?:\{@includeCode ([^}#\s]+)(?:#([\w-]+))?\}|<!-- example: ([^#\s]+)(?:#([\w-]+))? \(written by npm run guides[^)]*\) -->)$/gm;

describe('every example place of a guide points at an example file and region that exist', () => {
  const guides = readdirSync(resolve(ROOT, 'docs/guides')).filter((f) => f.endsWith('.md'));
  const includes = guides.flatMap((g) =>
    [...readFileSync(resolve(ROOT, 'docs/guides', g), 'utf8').matchAll(EXAMPLE)].map((m) => ({
      guide: g,
      file: m[1] ?? m[3] ?? '',
      region: m[2] ?? m[4],
    })),
  );
  it('finds the examples', () => expect(includes.length).toBeGreaterThanOrEqual(7));
  it.each(guides)('%s has no hand-written TypeScript: its code comes from examples/', (g) => {
    const text = readFileSync(resolve(ROOT, 'docs/guides', g), 'utf8');
    const outsideExamples = text.replace(/^<!-- example: [^\n]*-->$[\s\S]*?^<!-- end of example -->$/gm, '');
    expect(outsideExamples).not.toMatch(/^```(ts|typescript|js)\b/m);
  });
  it.each(includes.map((i) => [`${i.guide} → ${i.file}#${i.region ?? ''}`, i] as const))('%s', (_, i) => {
    const path = resolve(ROOT, 'docs/guides', i.file);
    expect(path.startsWith(resolve(ROOT, 'examples'))).toBe(true);
    const text = readFileSync(path, 'utf8');
    if (i.region) {
      expect(text).toContain(`// #region ${i.region}\n`);
      expect(text).toContain(`// #endregion ${i.region}\n`);
      // A reader sees only the region: it must be whole code, not a block cut open by #endregion.
      const body = text.split(`// #region ${i.region}\n`)[1]?.split(`// #endregion ${i.region}\n`)[0] ?? '';
      const code = body.replace(/'(?:[^'\\\n]|\\.)*'|`[^`]*`|\/\/[^\n]*/g, '');
      const count = (c: string) => code.split(c).length - 1;
      expect([count('{') - count('}'), count('(') - count(')'), count('[') - count(']')]).toEqual([0, 0, 0]);
    }
  });
});

describe('getting-started.md', () => {
  it('results: $25.00 parses; 25.5 cents is refused', () => {
    const { copay, bad } = gettingStarted.results();
    expect(copay).toEqual({ _tag: 'Right', right: 2500 });
    expect(bad._tag === 'Left' && bad.left.code).toBe('money.not-integer');
  });
  it('parsing: a real zone parses, Mars/Olympus does not', () => {
    const { zone, mars } = gettingStarted.parsing();
    expect(zone).toEqual({ _tag: 'Right', right: 'America/Chicago' });
    expect(mars._tag === 'Left' && mars.left.code).toBe('validation.failed');
  });
  it('money: 20% of $123.45, $100 in thirds, "1500.5" dollars', () => {
    const { share, split, typed } = gettingStarted.money();
    expect(share).toBe(2469); // 12345 × 0.2 = 2469
    expect(split).toEqual({ _tag: 'Right', right: [3334, 3333, 3333] }); // remainder cent to the first
    expect(typed).toEqual({ _tag: 'Right', right: 150050 });
  });
  it('time: 02:30 in the gap is 03:00 EDT; the day has 23 hours', () => {
    expect(gettingStarted.time()).toEqual({ shown: '2026-03-08T03:00:00-04:00', hours: 23 });
  });
  it('intervals: 8 h minus 1 h leaves 7 h, fourteen 30-minute pieces', () => {
    const { free, pieces } = gettingStarted.intervals();
    expect(free).toEqual([
      { start: 0, end: 4 * 3600e3 },
      { start: 5 * 3600e3, end: 8 * 3600e3 },
    ]);
    expect(pieces).toHaveLength(14);
  });
});

describe('testing.md: the model-based test of another referral service', () => {
  it('the correct tracker agrees with medoffice', () => {
    expect(checkTracker(() => new ReferralTracker())).toBeUndefined();
  });
  it('a tracker that closes without the final consult note is caught, with the shortest path', () => {
    const failure = checkTracker(() => new ReferralTracker(false));
    expect(failure).toContain('referral.consult-note-required');
    expect(failure).toContain(
      'submit,request-authorization,authorization-approved,schedule,visit-kept,close',
    );
  });
});
