import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../src/core/ids.js';
import {
  matchWaitlist,
  parseWaitlistEntry,
  type Slot,
  type WaitlistEntry,
} from '../../src/scheduling/index.js';
import { at, unwrap } from './fixtures.js';
import { booked, clinic } from './flowFixtures.js';

const entry = (id: string, extra: Record<string, unknown> = {}): WaitlistEntry =>
  unwrap(
    parseWaitlistEntry({
      id,
      patient: `pt-${id}`,
      type: 'visit-30',
      addedAt: '2026-11-10T15:00:00Z',
      ...extra,
    }),
  );

// Tuesday 2026-11-24, 10:00-10:30 EST with dr-a opened up (a-1 was cancelled).
const freed: Slot = {
  start: at('2026-11-24T10:00:00-05:00'),
  end: at('2026-11-24T10:30:00-05:00'),
  provider: 'dr-a' as ProviderId,
  resources: [],
  type: 'visit-30' as Slot['type'],
  overbooked: false,
};
const cal = clinic([
  booked('a-1', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T10:30:00-05:00', { status: 'cancelled' }),
  booked('b-8', 'dr-b', '2026-11-24T10:15:00-05:00', '2026-11-24T10:45:00-05:00', { patient: 'pt-w-8' }),
]);
const NOW = at('2026-11-23T14:00:00Z');

describe('matchWaitlist', () => {
  it('ranks fitting requests by priority, preference for this provider, then waiting time', () => {
    const list = [
      entry('w-1'),
      entry('w-2', { priority: 5, addedAt: '2026-11-20T15:00:00Z' }),
      entry('w-7', { preferredProvider: 'dr-a', addedAt: '2026-11-12T15:00:00Z' }),
      entry('w-0', { addedAt: '2026-11-01T15:00:00Z' }),
    ];
    const r = unwrap(matchWaitlist(freed, list, cal, NOW));
    // w-2 (priority 5); then priority 0: w-7 prefers dr-a; then by addedAt: w-0 (Nov 1) before w-1 (Nov 10).
    expect(r.matches.map((m) => [m.entry.id, m.rank])).toEqual([
      ['w-2', 1],
      ['w-7', 2],
      ['w-0', 3],
      ['w-1', 4],
    ]);
    expect(r.matches[0]).toMatchObject({
      start: '2026-11-24T10:00:00-05:00',
      end: '2026-11-24T10:30:00-05:00',
    });
    expect(r.misses).toEqual([]);
  });

  it('explains every request that does not fit, with a code', () => {
    const list = [
      entry('w-3', { type: 'visit-60' }),
      entry('w-4', { providers: ['dr-b'] }),
      entry('w-5', { times: [{ start: '13:00', end: '17:00' }], zone: 'America/New_York' }),
      entry('w-6', { days: [1, 3] }),
      entry('w-8'),
      entry('w-9', { earliest: '2026-11-25T00:00:00-05:00' }),
      entry('w-10', { type: 'ortho-30' }),
      entry('w-11', { type: 'no-such-type' }),
      // 10:00 EST is 20:30 in Kolkata: inside an evening window read in the request's own zone.
      entry('w-12', { times: [{ start: '20:00', end: '21:00' }], zone: 'Asia/Kolkata' }),
    ];
    const r = unwrap(matchWaitlist(freed, list, cal, NOW));
    expect(r.matches.map((m) => m.entry.id)).toEqual(['w-12']);
    expect(Object.fromEntries(r.misses.map((m) => [m.entry.id, m.reasons]))).toEqual({
      'w-3': ['waitlist.too-long'],
      'w-4': ['waitlist.provider'],
      'w-5': ['waitlist.time-of-day'],
      'w-6': ['waitlist.weekday'],
      'w-8': ['waitlist.booking-conflict'],
      'w-9': ['waitlist.date-range'],
      // An orthopedic type with a family doctor: the booking rules say so too.
      'w-10': ['waitlist.provider', 'waitlist.booking-conflict'],
      'w-11': ['waitlist.unknown-type'],
    });
    expect(r.misses.find((m) => m.entry.id === 'w-8')?.conflicts.map((c) => [c.code, c.appointment])).toEqual(
      [['booking.patient-double-booked', 'b-8']],
    );
    expect(r.misses.find((m) => m.entry.id === 'w-10')?.conflicts.map((c) => c.code)).toEqual([
      'booking.provider-not-eligible',
    ]);
  });

  it('counts minimum notice from now', () => {
    const urgent = clinic([], {
      appointmentTypes: [{ id: 'visit-30', code: 'V30', durationMinutes: 30, minimumNoticeMinutes: 24 * 60 }],
    });
    // now = Tue 08:00 EST; 10:00 is two hours away, under the 24-hour notice.
    const r = unwrap(matchWaitlist(freed, [entry('w-1')], urgent, at('2026-11-24T13:00:00Z')));
    expect(r.misses[0]?.conflicts.map((c) => c.code)).toEqual(['booking.notice']);
  });
});
