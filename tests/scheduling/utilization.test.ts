import { describe, expect, it } from 'vitest';
import { utilization } from '../../src/scheduling/index.js';
import { at, leftOf, unwrap } from './fixtures.js';
import { booked, clinic } from './flowFixtures.js';

describe('utilization', () => {
  const cal = clinic([
    booked('u-1', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T10:00:00-05:00'),
    booked('u-2', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T10:30:00-05:00', { status: 'fulfilled' }),
    booked('u-3', 'dr-a', '2026-11-24T11:00:00-05:00', '2026-11-24T11:30:00-05:00', { status: 'cancelled' }),
    booked('u-4', 'dr-a', '2026-11-24T13:00:00-05:00', '2026-11-24T13:30:00-05:00', { status: 'noshow' }),
    booked('u-5', 'dr-a', '2026-11-24T17:00:00-05:00', '2026-11-24T17:30:00-05:00'),
    booked('u-6', 'dr-b', '2026-11-24T09:00:00-05:00', '2026-11-24T10:00:00-05:00'),
    booked('u-7', 'dr-b', '2026-11-24T09:30:00-05:00', '2026-11-24T10:30:00-05:00', {
      overbook: { reason: 'urgent' },
    }),
  ]);

  it('counts booked minutes inside availability per provider and local day', () => {
    const r = unwrap(
      utilization(cal, { from: at('2026-11-24T00:00:00-05:00'), to: at('2026-11-25T00:00:00-05:00') }),
    );
    // 09-12 + 13-17 = 420 available minutes per provider.
    // dr-a: 60 (booked) + 30 (fulfilled) + 30 (no-show) = 120 inside; the cancelled visit does not count;
    // 17:00-17:30 is outside hours. 120 / 420 = 0.285714 -> 2857 bp.
    // dr-b: 09:00-10:00 and 09:30-10:30 overlap: 90 minutes once. 90 / 420 = 0.214285 -> 2143 bp.
    expect(r.days.filter((d) => d.provider === 'dr-a' || d.provider === 'dr-b')).toEqual([
      {
        provider: 'dr-a',
        date: '2026-11-24',
        availableMinutes: 420,
        bookedMinutes: 120,
        outsideMinutes: 30,
        fillRate: 2857,
      },
      {
        provider: 'dr-b',
        date: '2026-11-24',
        availableMinutes: 420,
        bookedMinutes: 90,
        outsideMinutes: 0,
        fillRate: 2143,
      },
    ]);
    // Six providers x 420 = 2520 minutes; 210 booked -> 833 bp (0.08333).
    expect([r.availableMinutes, r.bookedMinutes, r.fillRate]).toEqual([2520, 210, 833]);
  });

  it('counts local days in the provider zone and skips empty days', () => {
    // Sat-Sun 2026-10-31/11-01 (the 25-hour fall-back Sunday) and Mon 11-02: only Monday has hours.
    const r = unwrap(
      utilization(cal, { from: at('2026-10-31T00:00:00-04:00'), to: at('2026-11-03T00:00:00-05:00') }),
    );
    expect(new Set(r.days.map((d) => d.date))).toEqual(new Set(['2026-11-02']));
    expect(r.fillRate).toBe(0);
    expect(
      leftOf(utilization(cal, { from: at('2026-11-03T00:00:00Z'), to: at('2026-11-02T00:00:00Z') })).code,
    ).toBe('scheduling.invalid-range');
  });
});
