// The zone caches are bounded in entries and key length (DESIGN rule 11, issue 16): zone names are
// outside data, and a server checking or using them must not keep what it was asked about.
// Measured as the heap retained after a forced collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IANAZone } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { formatInstant, parseZone, type IanaZone } from '../../src/core/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1 << 20;

/** JS heap retained by what `work` left behind, in MB, after forced collections. */
const retainedMb = (work: () => void): number => {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  work();
  gc();
  gc();
  return (process.memoryUsage().heapUsed - before) / MB;
};

describe('zone caches are bounded', () => {
  it('200 one-megabyte zone names checked by parseZone: none kept', () => {
    const mb = retainedMb(() => {
      for (let i = 0; i < 200; i++) expect(parseZone(`${i}/`.padEnd(MB, 'x'))._tag).toBe('Left');
    });
    expect(mb).toBeLessThan(20); // 200 MB when every name is kept
  });

  it('200 one-megabyte unvalidated zones reaching formatInstant: none kept', () => {
    const mb = retainedMb(() => {
      for (let i = 0; i < 200; i++)
        expect(() => formatInstant(0, `${i}/`.padEnd(MB, 'x') as IanaZone)).toThrow(/time\.invalid-zone/);
    });
    expect(mb).toBeLessThan(20);
  });

  it('50,000 short names: the entries stay bounded', () => {
    const mb = retainedMb(() => {
      for (let i = 0; i < 50_000; i++) parseZone(`Nowhere/${i.toString(36).padStart(40, 'q')}`);
    });
    expect(mb).toBeLessThan(8); // about 15 MB when every name is kept
  });

  it('the letter-case spellings of one valid zone reach luxon as one name', () => {
    // luxon keeps a zone object and an Intl formatter (native memory, about 60 kB each) per name
    // it is given, forever; Intl accepts any letter case, so 3,000 spellings of one zone were
    // 3,000 formatters. The names handed to luxon's caching constructor are counted.
    const create = vi.spyOn(IANAZone, 'create');
    const base = 'America/Argentina/Buenos_Aires';
    const letters = [...base].map((c, i) => ({ c, i })).filter(({ c }) => /[a-z]/i.test(c));
    const spelling = (n: number): string => {
      const chars = [...base];
      letters.forEach(({ c, i }, bit) => {
        chars[i] = (n >> bit) & 1 ? c.toUpperCase() : c.toLowerCase();
      });
      return chars.join('');
    };
    try {
      for (let n = 0; n < 3_000; n++) {
        const z = parseZone(spelling(n));
        expect(z._tag).toBe('Right');
        if (z._tag === 'Right') expect(formatInstant(0, z.right)).toBe('1969-12-31T21:00:00-03:00');
      }
      // One name: the runtime's own spelling (ICU may name the zone by its canonical link).
      expect(new Set(create.mock.calls.map(([name]) => name)).size).toBe(1);
    } finally {
      create.mockRestore();
    }
  });
});
