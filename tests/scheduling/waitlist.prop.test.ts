// Properties of matchWaitlist over random waitlists and random days: every entry is either a
// match or a miss; every match books without conflict; ranks follow priority.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../src/core/ids.js';
import {
  matchWaitlist,
  parseWaitlistEntry,
  validateBooking,
  type Slot,
  type WaitlistEntry,
} from '../../src/scheduling/index.js';
import { at, unwrap } from './fixtures.js';
import { booked, clinic } from './flowFixtures.js';

const entryArb = fc
  .record({
    type: fc.constantFrom('visit-30', 'visit-60', 'ortho-30'),
    providers: fc.option(fc.subarray(['dr-a', 'dr-b'], { minLength: 1 }), { nil: undefined }),
    priority: fc.nat(3),
    days: fc.option(fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }), { nil: undefined }),
    patient: fc.constantFrom('pt-1', 'pt-2', 'pt-3', 'pt-4'),
    added: fc.nat(20),
  })
  .map((r): WaitlistEntry =>
    unwrap(
      parseWaitlistEntry({
        id: `w-${r.patient}-${r.type}-${r.added}`,
        patient: r.patient,
        type: r.type,
        priority: r.priority,
        addedAt: new Date(Date.UTC(2026, 10, 1 + r.added, 15)).toISOString(),
        ...(r.providers ? { providers: r.providers } : {}),
        ...(r.days ? { days: r.days } : {}),
      }),
    ),
  );

describe('matchWaitlist properties', () => {
  it('partitions the waitlist; every match validates; ranks are ordered by priority', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArb, { maxLength: 8, selector: (e) => e.id }),
        fc.integer({ min: 0, max: 12 }), // freed half-hour index from 09:00 on Tue 2026-11-24
        fc.array(fc.tuple(fc.constantFrom('pt-1', 'pt-2', 'pt-3', 'pt-4'), fc.integer({ min: 0, max: 12 })), {
          maxLength: 4,
        }),
        (waitlist, slotIndex, others) => {
          const start = Date.UTC(2026, 10, 24, 14) + slotIndex * 30 * 60_000;
          const freed: Slot = {
            start: at(new Date(start).toISOString()),
            end: at(new Date(start + 30 * 60_000).toISOString()),
            provider: 'dr-a' as ProviderId,
            resources: [],
            type: 'visit-30' as Slot['type'],
            overbooked: false,
          };
          // The patients' own visits with dr-b (they may collide with the freed time).
          const cal = clinic(
            others.map(([p, k], i) => {
              const s = Date.UTC(2026, 10, 24, 14) + k * 30 * 60_000;
              return booked(
                `o-${i}`,
                'dr-b',
                new Date(s).toISOString(),
                new Date(s + 30 * 60_000).toISOString(),
                {
                  patient: p,
                },
              );
            }),
          );
          const now = at('2026-11-23T14:00:00Z');
          const r = unwrap(matchWaitlist(freed, waitlist, cal, now));
          expect([...r.matches.map((m) => m.entry.id), ...r.misses.map((m) => m.entry.id)].sort()).toEqual(
            waitlist.map((e) => e.id).sort(),
          );
          for (const m of r.misses) expect(m.reasons.length).toBeGreaterThan(0);
          r.matches.forEach((m, i) => {
            expect(m.rank).toBe(i + 1);
            if (i > 0)
              expect(m.entry.priority ?? 0).toBeLessThanOrEqual(r.matches[i - 1]?.entry.priority ?? 0);
            const verdict = validateBooking(
              {
                id: `new-${m.entry.id}` as never,
                status: 'booked',
                type: m.entry.type,
                patient: m.entry.patient,
                provider: freed.provider,
                start: m.start,
                end: m.end,
              },
              cal,
              now,
            );
            expect(verdict._tag).toBe('Right');
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
