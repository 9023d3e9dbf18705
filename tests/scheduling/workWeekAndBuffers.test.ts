// Work weeks for business-day horizons, and a booking's own buffers. Expected dates and times are
// worked out by hand in the comments (America/New_York, November 2026, EST -05:00).
import { describe, expect, it } from 'vitest';
import { findSlots, validateBooking } from '../../src/scheduling/index.js';
import {
  appointment,
  at,
  booked,
  calendar,
  leftOf,
  provider,
  query,
  template,
  unwrap,
  visit30,
} from './fixtures.js';

const NOW = at('2026-11-23T15:00:00-05:00'); // Monday afternoon

describe('work week', () => {
  const lastSlot = (extra: Record<string, unknown>) =>
    unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-23T00:00:00-05:00', to: '2026-12-12T00:00:00-05:00' }),
        calendar({
          providers: [provider('dr-a', extra['provider'] as Record<string, unknown>)],
          locations: [{ id: 'loc-main', zone: 'America/New_York', ...(extra['location'] as object) }],
          appointmentTypes: [{ ...visit30, bookingHorizonDays: 4, bookingHorizonUnit: 'business-days' }],
          templates: [template('t', 'dr-a', { windows: [{ start: '08:00', end: '09:00' }] })],
        }),
        { now: NOW },
      ),
    ).at(-1)?.start;

  it('business days default to Monday to Friday', () => {
    // Tue 24, Wed 25, Thu 26, Fri 27 → the 4th business day is Fri 27
    expect(lastSlot({})).toBe('2026-11-27T08:30:00-05:00');
  });

  it("a provider's work week (Monday to Thursday) moves the horizon", () => {
    // Tue 24, Wed 25, Thu 26, (Fri 27, Sat, Sun not counted) Mon 30 → Mon 30
    expect(lastSlot({ provider: { workWeek: [1, 2, 3, 4] } })).toBe('2026-11-30T08:30:00-05:00');
  });

  it("the location's work week applies when the provider names none", () => {
    expect(lastSlot({ location: { workWeek: [1, 2, 3, 4] } })).toBe('2026-11-30T08:30:00-05:00');
    // the provider's own wins: Tuesday to Friday → Tue 24, Wed 25, Thu 26, Fri 27
    expect(lastSlot({ provider: { workWeek: [2, 3, 4, 5] }, location: { workWeek: [1, 2, 3, 4] } })).toBe(
      '2026-11-27T08:30:00-05:00',
    );
  });
});

describe("a booking's own buffers", () => {
  // visit-30 has no buffers; the booked 09:00-09:30 procedure needs 30 minutes of turnover after.
  const cal = calendar({
    providers: [provider('dr-a')],
    appointmentTypes: [visit30],
    templates: [template('t', 'dr-a', { windows: [{ start: '09:00', end: '11:00' }] })],
    appointments: [
      booked('proc', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T09:30:00-05:00', {
        bufferAfterMinutes: 30,
      }),
    ],
  });
  const day = query({ type: 'visit-30', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' });

  it('override the type: nothing is offered in the turnover', () => {
    // blocked until 09:30 + 30 = 10:00; the grid from 09:00 every 30 minutes
    expect(unwrap(findSlots(day, cal, { now: NOW })).map((s) => s.start.slice(11, 16))).toEqual([
      '10:00',
      '10:30',
    ]);
  });

  it("and a new booking's own before-buffer is checked against them", () => {
    const at10 = (extra: Record<string, unknown> = {}) =>
      appointment(booked('new', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T10:30:00-05:00', extra));
    expect(validateBooking(at10(), cal, NOW)._tag).toBe('Right');
    // its own 15 minutes before reach back to 09:45, inside the procedure's turnover
    const refused = leftOf(validateBooking(at10({ bufferBeforeMinutes: 15 }), cal, NOW));
    expect(refused.code === 'booking.rejected' && refused.conflicts.map((c) => c.code)).toEqual([
      'booking.overlaps-booking',
    ]);
  });
});
