// The worklist's order against its documented rule, on queues of referrals in any reachable
// state: overdue items first (stat, urgent, routine; then most overdue), then items not yet due
// (soonest first; stat, urgent, routine at one due time); remaining ties by referral id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToMs, type IanaZone, type IsoInstant, type ReferralId } from '../../src/core/index.js';
import {
  DEFAULT_REFERRAL_WORKLIST_DAYS,
  referralWorklist,
  worklistItemOf,
  type Referral,
  type ReferralWorkItem,
} from '../../src/referrals/index.js';
import { reachableReferralArbitrary } from '../../src/testing/index.js';
import { referral } from './fixtures.js';

const RANK = { stat: 0, urgent: 1, routine: 2 } as const;
const inOrder = (a: ReferralWorkItem, b: ReferralWorkItem): boolean => {
  const late = (i: ReferralWorkItem) => (i.overdueMs > 0 ? 0 : 1);
  if (late(a) !== late(b)) return late(a) < late(b);
  if (a.overdueMs > 0) {
    if (a.priority !== b.priority) return RANK[a.priority] < RANK[b.priority];
    if (a.overdueMs !== b.overdueMs) return a.overdueMs > b.overdueMs;
  } else {
    const [da, db] = [instantToMs(a.dueAt), instantToMs(b.dueAt)];
    if (da !== db) return da < db;
    if (a.priority !== b.priority) return RANK[a.priority] < RANK[b.priority];
  }
  return a.referral <= b.referral;
};

// A queue, and copies of some of its referrals under other ids: the copies fall due at the same
// instants as their originals, so the list must break real ties.
const queue = fc
  .tuple(
    fc.array(reachableReferralArbitrary(12), { minLength: 1, maxLength: 40 }),
    fc.array(fc.nat(), { maxLength: 10 }),
  )
  .map(([rs, copies]) => [
    ...rs.map((r, i) => ({ ...r, id: `ref-${i}` as ReferralId })),
    ...copies.map((c, i) => ({ ...(rs[c % rs.length] as Referral), id: `copy-${i}` as ReferralId })),
  ]);

describe('referralWorklist order', () => {
  it('follows the documented rule, lists each open referral once, and ignores input order', () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 0, max: 400 }), (rs, days) => {
        const at = new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString() as IsoInstant;
        const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
        const list = referralWorklist(rs, at, policy);
        for (let i = 1; i < list.length; i++) expect(inOrder(list[i - 1]!, list[i]!)).toBe(true);
        const open = rs.filter((r) => r.status !== 'closed' && r.status !== 'cancelled');
        expect(list.map((i) => i.referral).sort()).toEqual(open.map((r) => r.id).sort());
        expect(referralWorklist([...rs].reverse(), at, policy)).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });
});

describe('referralWorklist is worklistItemOf over the queue', () => {
  // The specification: each referral's item alone (worklistItemOf), the open ones sorted by the
  // documented rule with a plain comparator; the list must be exactly that, on queues with copies
  // (ties) and across any day.
  const byRule = (a: ReferralWorkItem, b: ReferralWorkItem): number =>
    inOrder(a, b) && inOrder(b, a) ? 0 : inOrder(a, b) ? -1 : 1;
  it('equals the reference items, sorted', () => {
    fc.assert(
      fc.property(queue, fc.integer({ min: 0, max: 400 }), (rs, days) => {
        const at = new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString() as IsoInstant;
        const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
        const reference = rs
          .flatMap((r) => worklistItemOf(r, policy, at) ?? [])
          .map((item, i) => ({ item, i }))
          .sort((x, y) => byRule(x.item, y.item) || x.i - y.i) // equal ids keep input order
          .map(({ item }) => item);
        expect(referralWorklist(rs, at, policy)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });
});

describe('referralWorklist order at the millisecond', () => {
  // Drafts created anywhere within three days, to the millisecond: the order must see every bit
  // of the due time, before they fall due (soonest first) and after (most overdue first).
  const drafts = fc.uniqueArray(fc.integer({ min: 0, max: 3 * 86_400_000 - 1 }), {
    minLength: 2,
    maxLength: 300,
  });
  it('orders drafts by creation time', () => {
    fc.assert(
      fc.property(drafts, fc.constantFrom('stat', 'urgent', 'routine'), (offsets, priority) => {
        const base = Date.UTC(2026, 10, 2, 5);
        const rs = offsets.map((o, i) =>
          referral({ id: `ref-${i}`, priority, createdAt: new Date(base + o).toISOString() }),
        );
        const byCreation = [...offsets.keys()]
          .sort((a, b) => offsets[a]! - offsets[b]!)
          .map((i) => `ref-${i}`);
        const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
        const early = new Date(base - 86_400_000).toISOString() as IsoInstant;
        const late = new Date(base + 30 * 86_400_000).toISOString() as IsoInstant;
        expect(referralWorklist(rs, early, policy).map((i) => i.referral)).toEqual(byCreation);
        expect(referralWorklist(rs, late, policy).map((i) => i.referral)).toEqual(byCreation);
      }),
      { numRuns: 60 },
    );
  });
});

describe('referralWorklist ties', () => {
  it('orders referrals due at one instant by id, whatever their characters and shared prefixes', () => {
    // one run of equal keys; a shared 7-character prefix, a shorter id, and non-byte characters
    const ids = ['b', 'a1234567y', 'a1234567x', 'ref-\u20ac2', 'ref-\u20ac1', 'a12', 'A'];
    const rs = ids.map((id) => referral({ id, createdAt: '2026-11-02T09:00:00-05:00' }));
    const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
    for (const at of ['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'] as IsoInstant[])
      expect(referralWorklist(rs, at, policy).map((i) => i.referral)).toEqual([
        'A',
        'a12',
        'a1234567x',
        'a1234567y',
        'b',
        'ref-\u20ac1',
        'ref-\u20ac2',
      ]);
  });

  it('compares whole ids where they agree well past their common prefix, and keeps equal ids in input order', () => {
    // one-byte ids (the numeric path): three agree in the five characters after `ref-`
    const ids = ['ref-aaaaa2', 'ref-b', 'ref-aaaaa10', 'ref-aaaaa1', 'ref-b'];
    const rs = ids.map((id, i) =>
      referral({ id, patient: `pat-${i}`, createdAt: '2026-11-02T09:00:00-05:00' }),
    );
    const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
    const list = referralWorklist(rs, '2026-12-01T00:00:00Z' as IsoInstant, policy);
    expect(list.map((i) => `${i.referral} ${i.patient}`)).toEqual([
      'ref-aaaaa1 pat-3',
      'ref-aaaaa10 pat-2',
      'ref-aaaaa2 pat-0',
      'ref-b pat-1',
      'ref-b pat-4',
    ]);
  });
  it('orders short and long runs of ties alike (runs sorted in place and by the engine)', () => {
    // Runs of 1 to 300 referrals due at one instant each, ids in a scrambled order with repeats;
    // the oracle is the ids sorted by code unit, equal ids by input position.
    const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 97 }), (n, stride) => {
        const ids = Array.from({ length: n }, (_, i) => `ref-${(i * stride) % (n + 3)}`);
        const rs = ids.map((id, i) =>
          referral({ id, patient: `pat-${i}`, createdAt: '2026-11-02T09:00:00-05:00' }),
        );
        const expected = ids
          .map((id, i) => ({ id, i }))
          .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : x.i - y.i))
          .map(({ id, i }) => `${id} pat-${i}`);
        const list = referralWorklist(rs, '2026-12-01T00:00:00Z' as IsoInstant, policy);
        expect(list.map((item) => `${item.referral} ${item.patient}`)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
