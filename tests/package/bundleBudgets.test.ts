// What an app pays for a typical import: the built package bundled by esbuild for the browser,
// minified and gzipped, with the peer dependencies (zod, fp-ts) included, since an app ships them
// too; the size without the peers is reported beside it. Each case has the target and a
// budget: the budget is what the gate enforces today (the measured size and a little room), and it
// only moves down: toward the target while over it (the gap is known work, stated in
// docs/benchmarks.md), and with the measurement once
// under it, so that what was won stays won.
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../scripts/browser.js';

const PEERS = ['zod', 'fp-ts'] as const;

interface BudgetCase {
  readonly name: string;
  readonly code: string;
  /** Gzipped kB (1,000 bytes), peers included. */
  readonly targetKb: number;
  readonly budgetKb: number;
}

const CASES: readonly BudgetCase[] = [
  {
    name: 'findSlots + parseSlotQuery + parseSchedulingCalendar',
    code: "import { findSlots, parseSlotQuery, parseSchedulingCalendar } from 'medoffice/scheduling'; globalThis.x = [findSlots, parseSlotQuery, parseSchedulingCalendar];",
    targetKb: 60,
    // 58.9 kB measured (61.1 before, 79.7 with classic zod): the schemas on zod/mini, rrule
    // reached through its RRule file in a browser bundle (the package's `#rrule` import map, which
    // leaves out RRuleSet and rrulestr: 1.7 kB) and the library's own short validation messages
    // instead of zod's English locale (0.5 kB). luxon (71 kB minified: any import of its one ES file
    // keeps all of it) and rrule's natural-language text (13 kB, referenced by the RRule class)
    // cannot be left out through any import the two packages offer.
    budgetKb: 59.5,
  },
  {
    name: 'estimateCostShare + its parsers',
    code: "import { estimateCostShare, parseBenefitSet, parseAccumulators, parseClaimLines } from 'medoffice/insurance'; globalThis.x = [estimateCostShare, parseBenefitSet, parseAccumulators, parseClaimLines];",
    targetKb: 30,
    // 13.8 kB measured (32.5 with classic zod): the schemas on zod/mini, unused ones dropped, and
    // the library's own validation messages instead of zod's English locale (14.4 with it).
    budgetKb: 14.5,
  },
  {
    name: 'read271',
    code: "import { read271 } from 'medoffice/insurance'; globalThis.x = [read271];",
    targetKb: 40,
    // 12.7 kB measured: the 271 reader's modules have a chunk of their own (tsup.config.ts), so
    // no schema of the insurance barrel, and no zod, comes with it.
    budgetKb: 14,
  },
  {
    name: 'validateNpi',
    code: "import { validateNpi } from 'medoffice/records'; globalThis.x = [validateNpi];",
    targetKb: 2,
    budgetKb: 2,
  },
];

const gzippedKb = async (code: string, external: readonly string[]): Promise<number> => {
  const { js } = await bundleForBrowser({ contents: code }, { minify: true, external });
  return gzipSync(js).length / 1000;
};

const rows: string[] = [];
afterAll(() => {
  console.log(
    ['bundle (minified, gzip kB) | with peers | without peers | budget | target', ...rows].join('\n'),
  );
});

describe.each(CASES)('an app importing $name', ({ name, code, targetKb, budgetKb }) => {
  it('stays within its budget, peers included', async () => {
    const withPeers = await gzippedKb(code, []);
    const withoutPeers = await gzippedKb(code, PEERS);
    rows.push(`${name} | ${withPeers.toFixed(1)} | ${withoutPeers.toFixed(1)} | ${budgetKb} | ${targetKb}`);
    // The peers really were left out (an external import line may add a few bytes where none is used).
    expect(withoutPeers).toBeLessThanOrEqual(withPeers + 0.1);
    expect(withPeers).toBeLessThanOrEqual(budgetKb);
    // A budget under its target follows the measurement (within 2 kB): a case that met its target
    // keeps what it won, and a further saving lowers the budget with it.
    expect(budgetKb >= targetKb || withPeers >= budgetKb - 2).toBe(true);
  }, 60_000);
});
