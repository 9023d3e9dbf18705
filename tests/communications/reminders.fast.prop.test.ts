// DESIGN.md rule 13: the fast planReminders (typed arrays, counting sort) and its plain reference
// (string-keyed groups, one object per candidate) give the same plan on generated clinics: the
// same messages in the same order, and the same skipped reminders (whose order is not promised).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { planReminders, type ReminderPlan, type SentMessage } from '../../src/communications/reminders.js';
import { planRemindersReference } from '../../src/communications/remindersReference.js';
import { appt, contact, instant, rules } from './fixtures.js';
import type { PatientId } from '../../src/core/ids.js';

const ZONES = [
  'America/New_York',
  'America/Denver',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
];
const BASE = Date.parse('2026-02-20T00:00:00Z');
const HOUR = 3_600_000;

const offsetArb = fc.oneof(
  fc.record({ kind: fc.constant('elapsed'), minutesBefore: fc.integer({ min: 0, max: 9 * 1440 }) }),
  fc.record({
    kind: fc.constant('calendar'),
    daysBefore: fc.integer({ min: 0, max: 8 }),
    at: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  }),
);
const clinicArb = fc.record({
  // [patient, hours after BASE, status, type]; repeated ids and statuses that are not reminded included
  appointments: fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 24 * 60 }),
      fc.constantFrom('booked', 'booked', 'pending', 'cancelled'),
      fc.constantFrom('visit', 'colposcopy'),
      fc.integer({ min: 0, max: 30 }),
    ),
    { maxLength: 30 },
  ),
  zones: fc.array(fc.option(fc.constantFrom(...ZONES), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  channels: fc.array(fc.constantFrom('sms', 'email', 'voice', 'none'), { minLength: 5, maxLength: 5 }),
  // two family phones shared at random (numbers outside the 555-0100 to 555-0199 fiction block)
  phones: fc.array(fc.option(fc.constantFrom('+16175550234', '+16175550235'), { nil: undefined, freq: 3 }), {
    minLength: 5,
    maxLength: 5,
  }),
  sharedPhone: fc.constantFrom(undefined, 'separate', 'combined'),
  // each patient's way apart from the phone (a shared phone's fallback): portal, e-mail, e-mail
  // revoked before now, or none
  apart: fc.array(fc.constantFrom('portal', 'email', 'email-revoked', 'none'), {
    minLength: 5,
    maxLength: 5,
  }),
  // a household lives in one zone: often every patient takes the first patient's zone
  oneZone: fc.boolean(),
  // appointments packed into four days from 9 days after now (every offset reaches no further back), so that a household's reminders share days
  dense: fc.boolean(),
  offsets: fc.array(offsetArb, { minLength: 1, maxLength: 4 }),
  nowHours: fc.integer({ min: 0, max: 24 * 30 }),
  policy: fc.constantFrom('earlier', 'later'),
  window: fc.constantFrom(undefined, { start: '09:00', end: '20:00' }, { start: '00:00', end: '23:59' }),
  maxPerWeek: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  maxSmsLength: fc.constantFrom(undefined, 70, 100),
  // plain GSM-7, UCS-2 (curly quote), and GSM-7 escape-table characters (two septets each)
  locationName: fc.constantFrom('Main St Clinic', 'Women’s Health Center', 'Lab {East} [2]'),
  sent: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -24 * 10, max: 24 * 40 })), {
    maxLength: 6,
  }),
});

type Clinic = typeof clinicArb extends fc.Arbitrary<infer T> ? T : never;

const key = (s: ReminderPlan['skipped'][number]): string => `${s.appointment}|${s.rule ?? ''}|${s.reason}`;

describe('planReminders: the fast path equals the reference', () => {
  // The example: two bookings under one id, one within a reminder's reach of the other's day
  // (the fast path once listed the later booking where the reference lists the earlier).
  const twoBookingsOneId: Clinic = {
    appointments: [
      [0, 28, 'booked', 'visit', 18],
      [0, 220, 'booked', 'visit', 18],
    ],
    zones: ['America/Santiago', undefined, undefined, undefined, undefined],
    channels: ['voice', 'sms', 'sms', 'sms', 'sms'],
    offsets: [
      { kind: 'elapsed', minutesBefore: 11522 },
      { kind: 'elapsed', minutesBefore: 1 },
      { kind: 'calendar', daysBefore: 0, at: '01:00' },
    ],
    nowHours: 0,
    policy: 'earlier',
    window: { start: '00:00', end: '23:59' },
    maxPerWeek: undefined,
    maxSmsLength: undefined,
    locationName: 'Main St Clinic',
    sent: [],
    phones: [undefined, undefined, undefined, undefined, undefined],
    sharedPhone: undefined,
    apart: ['portal', 'portal', 'portal', 'portal', 'portal'],
    oneZone: false,
    dense: false,
  };
  // Two bookings under one id on one day, the later one of a sensitive type: the message lists
  // the earlier booking and still uses the generic template (any sensitive candidate decides).
  const sensitiveSecondBooking: Clinic = {
    ...twoBookingsOneId,
    appointments: [
      [0, 30, 'booked', 'visit', 18],
      [0, 32, 'booked', 'colposcopy', 18],
    ],
    offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }],
  };
  test.prop([clinicArb], {
    numRuns: 400,
    examples: [[twoBookingsOneId], [sensitiveSecondBooking]],
  })('same messages in the same order, same skipped reminders', (c) => agree(c));

  // A family phone: every patient texted on one number in one zone, appointments a few days apart.
  const householdArb = clinicArb.map((c): Clinic => ({
    ...c,
    phones: c.phones.map(() => '+16175550234'),
    channels: c.channels.map((ch) => (ch === 'voice' ? 'voice' : 'sms')),
    oneZone: true,
    dense: true,
  }));
  test.prop([householdArb], { numRuns: 300 })(
    'on a family phone too (separate, with and without a way apart, and combined)',
    (c) => agree(c),
  );
});

const agree = (c: Clinic): void => {
  const appointments = c.appointments.map(([p, h, status, type, id]) =>
    appt(
      `a${id}`,
      new Date(
        BASE + (c.dense ? c.nowHours + 216 + (h % 96) : h) * HOUR + 15 * 60_000 * (id % 3),
      ).toISOString(),
      {
        patient: `p${p}`,
        status,
        type,
        location: 'loc-1',
      },
    ),
  );
  const patients = c.zones.map((own, i) => {
    const z = c.oneZone ? c.zones[0] : own;
    return contact(`p${i}`, {
      ...(z === undefined ? {} : { zone: z }),
      ...(c.phones[i] === undefined ? {} : { phone: c.phones[i] }),
      preferences:
        c.channels[i] === 'none'
          ? []
          : c.apart[i] === 'none'
            ? [c.channels[i]]
            : [c.channels[i], c.apart[i] === 'portal' ? 'portal' : 'email'],
      consent: [
        {
          channel: c.channels[i] === 'none' ? 'sms' : c.channels[i],
          kind: 'granted',
          at: '2026-01-01T00:00:00Z',
        },
        ...(c.apart[i] === 'email-revoked'
          ? [{ channel: 'email', kind: 'revoked', at: '2026-01-01T00:00:00Z' }]
          : []),
      ],
    });
  });
  const r = rules({
    offsets: c.offsets,
    quietHours: c.policy,
    sensitiveTypes: ['colposcopy'],
    locationNames: { 'loc-1': c.locationName },
    ...(c.window === undefined ? {} : { window: c.window }),
    ...(c.maxPerWeek === undefined ? {} : { maxPerWeek: c.maxPerWeek }),
    ...(c.maxSmsLength === undefined ? {} : { maxSmsLength: c.maxSmsLength }),
    ...(c.sharedPhone === undefined ? {} : { sharedPhone: c.sharedPhone }),
  });
  const now = instant(new Date(BASE + c.nowHours * HOUR).toISOString());
  const sent: SentMessage[] = c.sent.map(([p, h]) => ({
    patient: `p${p}` as PatientId,
    sendAt: instant(new Date(BASE + c.nowHours * HOUR - h * HOUR).toISOString()),
  }));
  const fast = planReminders(appointments, patients, r, now, { sent });
  const plain = planRemindersReference(appointments, patients, r, now, { sent });
  expect(fast._tag).toBe(plain._tag);
  if (fast._tag === 'Right' && plain._tag === 'Right') {
    expect(fast.right.messages).toEqual(plain.right.messages);
    expect(fast.right.skipped.map(key).sort()).toEqual(plain.right.skipped.map(key).sort());
    expect(fast.right.skippedCounts).toEqual(plain.right.skippedCounts);
  }
};
