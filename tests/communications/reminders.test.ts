// planReminders against instants worked out by hand from the reference (§1.5, §1.8 and the edge
// cases of §7); each expected value says how it was computed.
import { describe, expect, it } from 'vitest';
import { planReminders, type ReminderPlan, type SentMessage } from '../../src/communications/reminders.js';
import type { IsoInstant } from '../../src/core/calendar.js';
import type { PatientId } from '../../src/core/ids.js';
import { GRANTED_2026, appt, contact, instant, rules } from './fixtures.js';
import type { Appointment } from '../../src/scheduling/model.js';
import type { PatientContact, ReminderRules } from '../../src/communications/model.js';

const plan = (
  appointments: readonly Appointment[],
  r: ReminderRules = rules(),
  patients: readonly PatientContact[] = [contact('p1')],
  now = '2026-01-02T00:00:00Z',
  sent: readonly SentMessage[] = [],
): ReminderPlan => {
  const result = planReminders(appointments, patients, r, instant(now), { sent });
  if (result._tag === 'Left') throw new Error(result.left.code);
  return result.right;
};
const sends = (p: ReminderPlan): string[] => p.messages.map((m) => m.sendAt);

describe('time of a reminder, in the patient zone', () => {
  it('edge 1: 2 h before 09:00 EDT on the Monday after spring-forward is 07:00 EDT; moves to 21:00 EDT on Sunday', () => {
    const p = plan([appt('a1', '2026-03-09T09:00:00-04:00')]);
    expect(sends(p)).toEqual(['2026-03-08T21:00:00-04:00']);
    expect(p.messages[0]?.moved).toBe('earlier');
  });

  it('edge 1 with policy later: the next window start, 08:00 EDT, is before the appointment', () => {
    expect(sends(plan([appt('a1', '2026-03-09T09:00:00-04:00')], rules({ quietHours: 'later' })))).toEqual([
      '2026-03-09T08:00:00-04:00',
    ]);
  });

  it('edge 2: a November evening send planned in October is read at EST (20:30 EST is inside; at EDT it would be 21:30)', () => {
    const p = plan(
      [appt('a1', '2026-11-03T20:30:00-05:00')],
      rules({ offsets: [{ kind: 'elapsed', minutesBefore: 1440 }] }),
      undefined,
      '2026-10-20T12:00:00-04:00',
    );
    expect(sends(p)).toEqual(['2026-11-02T20:30:00-05:00']);
    expect(p.messages[0]?.moved).toBeUndefined();
  });

  it('edge 3: 48 hours before 09:00 EDT Monday 9 March is 08:00 EST Saturday; 2 days before at 09:00 is 09:00 EST', () => {
    const a = appt('a1', '2026-03-09T09:00:00-04:00');
    expect(sends(plan([a], rules({ offsets: [{ kind: 'elapsed', minutesBefore: 2880 }] })))).toEqual([
      '2026-03-07T08:00:00-05:00',
    ]);
    expect(sends(plan([a], rules({ offsets: [{ kind: 'calendar', daysBefore: 2, at: '09:00' }] })))).toEqual([
      '2026-03-07T09:00:00-05:00',
    ]);
  });

  it('edge 4: 2 h before 08:30 EDT is 04:30 MDT for a Denver patient: moved to 21:00 MDT the evening before', () => {
    const p = plan([appt('a1', '2026-06-15T08:30:00-04:00')], rules(), [
      contact('p1', { zone: 'America/Denver' }),
    ]);
    expect(sends(p)).toEqual(['2026-06-14T21:00:00-06:00']);
    expect(p.messages[0]?.appointments[0]?.when).toBe('Mon Jun 15 at 6:30 AM your time');
  });

  it("edge 5: 'the day before' follows the patient's calendar: 20:00 EST on 24 Nov is 25 Nov in London", () => {
    const a = appt('a1', '2026-11-24T20:00:00-05:00');
    const r = rules({ offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }] });
    expect(sends(plan([a], r, [contact('p1', { zone: 'Europe/London' })]))).toEqual([
      '2026-11-24T10:00:00+00:00',
    ]);
    expect(sends(plan([a], r))).toEqual(['2026-11-23T10:00:00-05:00']); // New York patient: 23 Nov
  });

  it('edge 6: a patient with no zone is reminded in the clinic zone', () => {
    const r = rules({
      clinicZone: 'America/Chicago',
      offsets: [{ kind: 'calendar', daysBefore: 1, at: '09:00' }],
    });
    expect(sends(plan([appt('a1', '2026-11-24T10:00:00-06:00')], r))).toEqual(['2026-11-23T09:00:00-06:00']);
  });

  it('edge 13: 08:00 and 21:00 themselves are allowed (the TCPA says before 8 or after 9)', () => {
    const p = plan(
      [
        appt('a1', '2026-11-24T10:00:00-05:00', { patient: 'p1' }),
        appt('a2', '2026-11-24T23:00:00-05:00', { patient: 'p2' }),
      ],
      rules(),
      [contact('p1'), contact('p2')],
    );
    expect(sends(p)).toEqual(['2026-11-24T08:00:00-05:00', '2026-11-24T21:00:00-05:00']);
    expect(p.messages.every((m) => m.moved === undefined)).toBe(true);
  });

  it('a configured window 09:00-20:00: 08:30 moves back to 20:00 the evening before', () => {
    const p = plan(
      [appt('a1', '2026-11-24T10:30:00-05:00')],
      rules({ window: { start: '09:00', end: '20:00' } }),
    );
    expect(sends(p)).toEqual(['2026-11-23T20:00:00-05:00']);
  });

  it('a calendar reminder at 02:30 on the spring-forward day resolves to 03:00 EDT, then quiet hours move it', () => {
    const r = rules({
      offsets: [{ kind: 'calendar', daysBefore: 1, at: '02:30' }],
      window: { start: '00:00', end: '23:59' },
    });
    expect(sends(plan([appt('a1', '2026-03-09T10:00:00-04:00')], r))).toEqual(['2026-03-08T03:00:00-04:00']);
  });
});

describe('what is not planned', () => {
  it('edge 12: policy later pushing past a 07:30 start drops the reminder with a reason', () => {
    const p = plan([appt('a1', '2026-11-24T07:30:00-05:00')], rules({ quietHours: 'later' }));
    expect(p.messages).toEqual([]);
    expect(p.skipped).toMatchObject([
      { appointment: 'a1', rule: 'elapsed:120', reason: 'reminder.quiet-hours' },
    ]);
  });

  it('edge 9: booked after its 7-day reminder time: that reminder is skipped, not sent late; the 1-day one stays', () => {
    const r = rules({
      offsets: [
        { kind: 'elapsed', minutesBefore: 7 * 1440 },
        { kind: 'elapsed', minutesBefore: 1440 },
      ],
    });
    const p = plan([appt('a1', '2026-11-24T10:00:00-05:00')], r, undefined, '2026-11-20T12:00:00-05:00');
    expect(sends(p)).toEqual(['2026-11-23T10:00:00-05:00']);
    expect(p.skipped).toMatchObject([{ rule: 'elapsed:10080', reason: 'reminder.send-time-passed' }]);
  });

  it('cancelled, moved (rescheduledTo), noshow, proposed and past appointments get nothing', () => {
    const p = plan(
      [
        appt('c', '2026-11-24T10:00:00-05:00', { status: 'cancelled' }),
        appt('m', '2026-11-24T11:00:00-05:00', { rescheduledTo: 'n' }),
        appt('x', '2026-11-24T12:00:00-05:00', { status: 'noshow' }),
        appt('q', '2026-11-24T13:00:00-05:00', { status: 'proposed' }),
        appt('old', '2025-11-24T13:00:00-05:00'),
      ],
      rules(),
      undefined,
      '2026-01-01T00:00:00Z',
    );
    expect(p.messages).toEqual([]);
    expect(p.skipped.map((s) => `${s.appointment}:${s.reason}`)).toEqual([
      'c:reminder.not-active',
      'm:reminder.not-active',
      'x:reminder.not-active',
      'q:reminder.not-active',
      'old:reminder.past',
    ]);
  });

  it('skippedCounts counts every reason (zero included); the skipped list is the same on every read', () => {
    // a1 cancelled (not active), a2 before now (past), a3 of a patient with no contact record.
    const p = plan(
      [
        appt('a1', '2026-01-05T10:00:00-05:00', { status: 'cancelled' }),
        appt('a2', '2026-01-01T10:00:00-05:00'),
        appt('a3', '2026-01-05T10:00:00-05:00', { patient: 'p9' }),
      ],
      rules(),
    );
    expect(p.skippedCounts).toEqual({
      'reminder.not-active': 1,
      'reminder.past': 1,
      'reminder.unknown-patient': 1,
      'reminder.no-permitted-channel': 0,
      'reminder.send-time-passed': 0,
      'reminder.quiet-hours': 0,
      'reminder.daily-limit': 0,
      'reminder.weekly-limit': 0,
      'reminder.shared-phone': 0,
      'reminder.too-long': 0,
    });
    expect(p.skipped).toBe(p.skipped);
    expect(p.skipped.map((s) => [s.appointment, s.reason]).sort()).toEqual([
      ['a1', 'reminder.not-active'],
      ['a2', 'reminder.past'],
      ['a3', 'reminder.unknown-patient'],
    ]);
    expect(JSON.parse(JSON.stringify(p)).skipped).toHaveLength(3);
  });

  it('the skipped list, read after the caller changed the appointments array, names the appointments planned', () => {
    const appointments = [
      appt('a1', '2026-01-05T10:00:00-05:00', { status: 'cancelled' }),
      appt('a2', '2026-01-01T10:00:00-05:00'),
    ];
    const p = plan(appointments, rules());
    appointments.reverse();
    appointments.length = 1;
    expect(p.skipped.map((s) => [s.appointment, s.reason]).sort()).toEqual([
      ['a1', 'reminder.not-active'],
      ['a2', 'reminder.past'],
    ]);
  });

  it('a patient with no contact record is reported, not guessed', () => {
    expect(plan([appt('a1', '2026-11-24T12:00:00-05:00', { patient: 'nobody' })]).skipped).toMatchObject([
      { appointment: 'a1', reason: 'reminder.unknown-patient' },
    ]);
  });
});

describe('channel by preference and consent', () => {
  const a = appt('a1', '2026-11-24T12:00:00-05:00');
  const channelOf = (c: PatientContact): string | undefined => plan([a], rules(), [c]).messages[0]?.channel;

  it('SMS needs a grant; without one the next preference (e-mail, allowed until opted out) is used', () => {
    expect(channelOf(contact('p1', { consent: [] }))).toBe('email');
  });
  it('per channel: a STOP on SMS does not revoke e-mail', () => {
    const consent = [
      { channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' },
      { channel: 'sms', kind: 'revoked', at: '2026-01-01T12:00:00Z' },
    ];
    expect(channelOf(contact('p1', { consent }))).toBe('email');
  });
  it('edge 15: STOP then START: the latest event wins', () => {
    const consent = [
      { channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' },
      { channel: 'sms', kind: 'revoked', at: '2026-01-01T06:00:00Z' },
      { channel: 'sms', kind: 'granted', at: '2026-01-01T12:00:00Z' },
    ];
    expect(channelOf(contact('p1', { consent }))).toBe('sms');
  });
  it('an e-mail opt-out and no SMS grant leave no channel: skipped with a reason', () => {
    const c = contact('p1', { consent: [{ channel: 'email', kind: 'revoked', at: '2026-01-01T00:00:00Z' }] });
    expect(plan([a], rules(), [c]).skipped).toMatchObject([{ reason: 'reminder.no-permitted-channel' }]);
  });
  it('an event after now is not yet known', () => {
    const c = contact('p1', { consent: [{ channel: 'sms', kind: 'granted', at: '2026-12-01T00:00:00Z' }] });
    expect(channelOf(c)).toBe('email');
  });
});

describe('one message per patient per day, three per week', () => {
  it('edge 7: a lab at 09:00 and a visit at 10:00 get one message listing both', () => {
    const r = rules({ offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }] });
    const p = plan([appt('visit', '2026-11-24T10:00:00-05:00'), appt('lab', '2026-11-24T09:00:00-05:00')], r);
    expect(p.messages).toHaveLength(1);
    expect(p.messages[0]?.appointments.map((x) => x.id)).toEqual(['lab', 'visit']);
    expect(p.messages[0]?.body).toBe(
      // 149 characters: fits one SMS
      'Elm Street Clinic: reminder of your appointments on Tue Nov 24 at 9:00 AM and 10:00 AM. Reply Y to confirm or R to reschedule. Reply STOP to opt out.',
    );
  });

  it('edge 8: a 2-day reminder for Wednesday and a 1-day reminder for Thursday both land on Tuesday: one message', () => {
    const r = rules({
      offsets: [
        { kind: 'calendar', daysBefore: 2, at: '10:00' },
        { kind: 'calendar', daysBefore: 1, at: '18:00' },
      ],
    });
    const p = plan([appt('wed', '2026-11-25T10:00:00-05:00'), appt('thu', '2026-11-26T10:00:00-05:00')], r);
    const tuesday = p.messages.filter((m) => m.sendAt.startsWith('2026-11-24'));
    expect(tuesday).toHaveLength(1);
    expect(tuesday[0]?.sendAt).toBe('2026-11-24T10:00:00-05:00'); // the earlier of 10:00 and 18:00
    expect(tuesday[0]?.appointments.map((x) => x.id)).toEqual(['wed', 'thu']);
  });

  it('four reminders inside 7 days: the fourth is dropped by the weekly limit (FCC exemption: 3 a week)', () => {
    const r = rules({ offsets: [6, 4, 2, 1].map((d) => ({ kind: 'calendar', daysBefore: d, at: '10:00' })) });
    const p = plan([appt('a1', '2026-11-24T12:00:00-05:00')], r);
    expect(sends(p)).toEqual([
      '2026-11-18T10:00:00-05:00',
      '2026-11-20T10:00:00-05:00',
      '2026-11-22T10:00:00-05:00',
    ]);
    expect(p.skipped).toMatchObject([{ rule: 'calendar:1d@10:00', reason: 'reminder.weekly-limit' }]);
  });
});

describe('messages already sent count toward the limits (FCC exemption: 1 a day, 3 a week)', () => {
  const sentAt = (patient: string, at: string): SentMessage => ({
    patient: patient as PatientId,
    sendAt: instant(at),
  });
  const days = rules({ offsets: [3, 1].map((d) => ({ kind: 'calendar', daysBefore: d, at: '10:00' })) });
  const visit = appt('a1', '2026-11-24T12:00:00-05:00');

  it('two sent on 18 and 19 Nov: the 21 Nov reminder is the third in 7 days, the 23 Nov one would be a fourth', () => {
    // Rolling 7 days (the reference's conservative reading): (14 Nov 10:00, 21 Nov 10:00] holds 18
    // and 19 Nov, so 21 Nov is kept; (16 Nov 10:00, 23 Nov 10:00] holds 18, 19 and 21 Nov: full.
    const sent = [sentAt('p1', '2026-11-18T10:00:00-05:00'), sentAt('p1', '2026-11-19T10:00:00-05:00')];
    const p = plan([visit], days, [contact('p1')], '2026-11-20T08:00:00-05:00', sent);
    expect(sends(p)).toEqual(['2026-11-21T10:00:00-05:00']);
    expect(p.skipped).toMatchObject([
      { appointment: 'a1', rule: 'calendar:1d@10:00', reason: 'reminder.weekly-limit' },
    ]);
  });

  it('without the history both are planned; a message sent to another patient does not count', () => {
    const other = [1, 2, 3].map((d) => sentAt('p2', `2026-11-${18 + d}T09:00:00-05:00`));
    const p = plan([visit], days, [contact('p1'), contact('p2')], '2026-11-20T08:00:00-05:00', other);
    expect(sends(p)).toEqual(['2026-11-21T10:00:00-05:00', '2026-11-23T10:00:00-05:00']);
  });

  it('a message sent 8 days earlier is outside the rolling week', () => {
    const sent = ['2026-11-13T10:00:00-05:00', '2026-11-14T10:00:00-05:00'].map((t) => sentAt('p1', t));
    // (16 Nov 10:00, 23 Nov 10:00] holds only 21 Nov: both reminders fit under 3.
    const p = plan([visit], days, [contact('p1')], '2026-11-20T08:00:00-05:00', sent);
    expect(sends(p)).toEqual(['2026-11-21T10:00:00-05:00', '2026-11-23T10:00:00-05:00']);
  });

  it('one a day: a message already sent this morning stops a 2-hour reminder this afternoon', () => {
    const p = plan(
      [appt('a2', '2026-11-23T16:00:00-05:00')],
      rules(),
      [contact('p1')],
      '2026-11-23T09:30:00-05:00',
      [sentAt('p1', '2026-11-23T09:00:00-05:00')],
    );
    expect(p.messages).toEqual([]);
    expect(p.skipped).toMatchObject([
      { appointment: 'a2', rule: 'elapsed:120', reason: 'reminder.daily-limit' },
    ]);
  });

  it("the day is the patient's: 22:30 PST on 23 Nov (24 Nov in UTC) leaves 24 Nov free in Los Angeles", () => {
    const la = contact('p1', { zone: 'America/Los_Angeles' });
    const p = plan(
      [appt('a3', '2026-11-24T12:00:00-08:00')],
      rules({ offsets: [{ kind: 'calendar', daysBefore: 0, at: '08:00' }] }),
      [la],
      '2026-11-23T23:00:00-08:00',
      [sentAt('p1', '2026-11-24T06:30:00Z')],
    );
    expect(sends(p)).toEqual(['2026-11-24T08:00:00-08:00']);
  });

  it('an unreadable sent instant is a coded error naming its path', () => {
    const bad: SentMessage = { patient: 'p1' as PatientId, sendAt: 'yesterday' as IsoInstant };
    const r = planReminders([visit], [contact('p1')], days, instant('2026-11-20T08:00:00-05:00'), {
      sent: [sentAt('p1', '2026-11-18T10:00:00-05:00'), bad],
    });
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { code: 'communications.invalid-instant', field: 'options.sent.1.sendAt' },
    });
  });
});

describe('content and length', () => {
  it('edge 19: a sensitive type uses the generic template: no location', () => {
    const r = rules({ sensitiveTypes: ['colposcopy'], locationNames: { 'loc-1': 'Women’s Health Center' } });
    const p = plan([appt('a1', '2026-11-24T12:00:00-05:00', { type: 'colposcopy', location: 'loc-1' })], r);
    expect(p.messages[0]?.template).toBe('reminder.generic');
    expect(p.messages[0]?.body).not.toContain('Health');
    const plain = plan(
      [appt('a1', '2026-11-24T12:00:00-05:00', { location: 'loc-1' })],
      rules({ locationNames: { 'loc-1': 'Main Street' } }),
    );
    expect(plain.messages[0]?.body).toContain('Tue Nov 24 at 12:00 PM at Main Street.');
  });

  it('edge 20: an SMS over 160 characters falls back to the compact text, and UCS-2 (a curly quote) to 70', () => {
    const three = ['09:00', '10:00', '11:00'].map((t, i) => appt(`a${i}`, `2026-11-24T${t}:00-05:00`));
    const r = rules({
      offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }],
      practiceName: 'Elm Street Family Medicine Clinic',
    });
    const body = plan(three, r).messages[0]?.body ?? '';
    // the full text would be 175 characters (the 149 above, one more time and a longer name)
    expect(body).toBe(
      'Elm Street Family Medicine Clinic: appt Tue Nov 24 at 9:00 AM, 10:00 AM and 11:00 AM. Y=confirm R=reschedule STOP=opt out',
    );
    const curly = plan(
      [three[0] as Appointment],
      rules({ practiceName: 'Dr. O’Neil’s Family Practice and Walk-In Center', offsets: r.offsets }),
    );
    expect(curly.messages).toEqual([]);
    expect(curly.skipped).toMatchObject([{ reason: 'reminder.too-long' }]);
  });

  it('e-mail has no SMS length limit and its own opt-out line', () => {
    const p = plan([appt('a1', '2026-11-24T12:00:00-05:00')], rules(), [
      contact('p1', { preferences: ['email'] }),
    ]);
    expect(p.messages[0]?.body).toContain('To stop these reminders, reply STOP or change your preferences.');
  });
});

describe('edges of the input', () => {
  it('an unreadable now is a coded error naming the field', () => {
    const r = planReminders([], [], rules(), 'yesterday' as never);
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'communications.invalid-instant', field: 'now' } });
  });
  it('a window whose start is not before its end is refused', () => {
    const r = planReminders(
      [],
      [],
      rules({ window: { start: '21:00', end: '08:00' } }),
      instant('2026-01-01T00:00:00Z'),
    );
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { code: 'communications.invalid-rules', field: 'rules.window' },
    });
  });
  it('inputs are not mutated', () => {
    const a = [appt('a1', '2026-11-24T12:00:00-05:00')];
    const before = JSON.stringify(a);
    plan(a);
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('location names keyed by outside ids', () => {
  it('a location id such as constructor or toString has no name (own keys only)', () => {
    for (const id of ['constructor', 'toString', 'hasOwnProperty']) {
      const p = plan(
        [appt('a1', '2026-11-24T12:00:00-05:00', { location: id })],
        rules({ locationNames: { 'loc-1': 'Main Street' } }),
      );
      expect(p.messages[0]?.body).toContain('Tue Nov 24 at 12:00 PM.');
      expect(p.messages[0]?.body).not.toMatch(/function|native code/);
    }
  });
});

// A family phone (the reference's edge case 18, 45 CFR 164.510(b)(3), HHS FAQ 198): worked by hand.
// p1 and p2 are texted on one number in New York; the rule is "1 day before at 10:00".
describe('a phone number shared by several patients', () => {
  const FAMILY = '+16175550234';
  const dayBefore10 = { offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }] };
  const family = [contact('p1', { phone: FAMILY }), contact('p2', { phone: FAMILY })];
  // The same household when the phone is the only channel either patient prefers.
  const phoneOnly = [
    contact('p1', { phone: FAMILY, preferences: ['sms'] }),
    contact('p2', { phone: FAMILY, preferences: ['sms'] }),
  ];
  const tuesday = [
    appt('a1', '2026-11-24T09:00:00-05:00', { patient: 'p1' }),
    appt('a2', '2026-11-24T15:00:00-05:00', { patient: 'p2' }),
  ];

  it('separate (default): one message to the number that day, about p1 only; p2, with no other channel, is skipped with the reason', () => {
    // Both sends are Mon 23 Nov 10:00 EST; the tie goes to the lower patient id (p1).
    const p = plan(tuesday, rules(dayBefore10), phoneOnly);
    expect(p.messages.map((m) => [m.patient, m.sendAt, m.appointments.map((a) => a.id)])).toEqual([
      ['p1', '2026-11-23T10:00:00-05:00', ['a1']],
    ]);
    expect(p.messages[0]?.body).toBe(
      'Elm Street Clinic: reminder of your appointment on Tue Nov 24 at 9:00 AM. Reply Y to confirm or R to reschedule. Reply STOP to opt out.',
    );
    expect(p.messages[0]?.household).toBeUndefined();
    expect(p.skipped).toEqual([
      expect.objectContaining({
        appointment: 'a2',
        rule: 'calendar:1d@10:00',
        reason: 'reminder.shared-phone',
      }),
    ]);
    expect(p.skipped[0]?.message).not.toMatch(/p1|p2|6175550234/);
  });

  it('separate: the patient whose reminder comes first that day gets it, whatever the ids', () => {
    // 2 hours before: p2's 11:00 visit gives 09:00, p1's 15:00 visit gives 13:00, same Tuesday.
    const p = plan(
      [
        appt('a1', '2026-11-24T15:00:00-05:00', { patient: 'p1' }),
        appt('a2', '2026-11-24T11:00:00-05:00', { patient: 'p2' }),
      ],
      rules(),
      phoneOnly,
    );
    expect(p.messages.map((m) => [m.patient, m.sendAt])).toEqual([['p2', '2026-11-24T09:00:00-05:00']]);
    expect(p.skipped.map((s) => [s.appointment, s.reason])).toEqual([['a1', 'reminder.shared-phone']]);
  });

  it('separate: the other patient is e-mailed at their own send time when they prefer e-mail next (consent permits it)', () => {
    // family: both prefer SMS, then e-mail (no e-mail event: allowed until revoked). Both sends
    // are Mon 23 Nov 10:00 EST: p1 (lower id) gets the text, p2 the e-mail, each about their own visit.
    const p = plan(tuesday, rules(dayBefore10), family);
    expect(p.skipped).toEqual([]);
    expect(p.messages.map((m) => [m.patient, m.channel, m.sendAt, m.appointments.map((a) => a.id)])).toEqual([
      ['p1', 'sms', '2026-11-23T10:00:00-05:00', ['a1']],
      ['p2', 'email', '2026-11-23T10:00:00-05:00', ['a2']],
    ]);
    expect(p.messages[0]?.fallback).toBeUndefined();
    const apart = p.messages[1];
    expect(apart?.fallback).toBe('shared-phone');
    expect(apart?.id).toBe('reminder:p2:2026-11-23');
    expect(apart?.rules).toEqual(['calendar:1d@10:00']);
    expect(apart?.body).toBe(
      'Elm Street Clinic: reminder of your appointment on Tue Nov 24 at 3:00 PM. Reply Y to confirm or R to reschedule. To stop these reminders, reply STOP or change your preferences.',
    );
    expect(apart?.household).toBeUndefined();
  });

  it("separate: the fallback keeps the other patient's own send time (p2 texted at 09:00, p1 e-mailed at 13:00)", () => {
    // 2 hours before: p2's 11:00 visit gives 09:00 (first that day: the phone), p1's 15:00 visit 13:00.
    const p = plan(
      [
        appt('a1', '2026-11-24T15:00:00-05:00', { patient: 'p1' }),
        appt('a2', '2026-11-24T11:00:00-05:00', { patient: 'p2' }),
      ],
      rules(),
      family,
    );
    expect(p.messages.map((m) => [m.patient, m.channel, m.sendAt, m.fallback])).toEqual([
      ['p2', 'sms', '2026-11-24T09:00:00-05:00', undefined],
      ['p1', 'email', '2026-11-24T13:00:00-05:00', 'shared-phone'],
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('separate: the fallback follows preference order and consent (a revoked portal gives e-mail; voice is the same phone)', () => {
    const p = plan(tuesday, rules(dayBefore10), [
      contact('p1', { phone: FAMILY }),
      contact('p2', {
        phone: FAMILY,
        preferences: ['voice', 'portal', 'email'],
        consent: [
          { channel: 'voice', kind: 'granted', at: '2026-01-01T00:00:00Z' },
          { channel: 'portal', kind: 'revoked', at: '2025-12-01T00:00:00Z' },
        ],
      }),
    ]);
    expect(p.messages.map((m) => [m.patient, m.channel])).toEqual([
      ['p1', 'sms'],
      ['p2', 'email'],
    ]);
    const portal = plan(tuesday, rules(dayBefore10), [
      contact('p1', { phone: FAMILY }),
      contact('p2', { phone: FAMILY, preferences: ['sms', 'voice', 'portal'] }),
    ]);
    expect(portal.messages.map((m) => [m.patient, m.channel])).toEqual([
      ['p1', 'sms'],
      ['p2', 'portal'],
    ]);
    expect(portal.messages[1]?.body).toBe(
      'Elm Street Clinic: reminder of your appointment on Tue Nov 24 at 3:00 PM. Reply Y to confirm or R to reschedule. To stop these reminders, change your preferences in the portal.',
    );
  });

  it('separate: an e-mail opt-out and no portal leave no way apart: skipped as reminder.shared-phone', () => {
    const p = plan(tuesday, rules(dayBefore10), [
      contact('p1', { phone: FAMILY }),
      contact('p2', {
        phone: FAMILY,
        consent: [...GRANTED_2026, { channel: 'email', kind: 'revoked', at: '2025-12-01T00:00:00Z' }],
      }),
    ]);
    expect(p.messages.map((m) => [m.patient, m.channel])).toEqual([['p1', 'sms']]);
    expect(p.skipped.map((s) => [s.appointment, s.reason])).toEqual([['a2', 'reminder.shared-phone']]);
  });

  it('separate: three on one number, the first texted, the others each by their own way or skipped', () => {
    // All three sends Mon 23 Nov 10:00 EST: p1 texted; p2 e-mailed; p3 (SMS only) skipped.
    const p = plan(
      [...tuesday, appt('a3', '2026-11-24T16:00:00-05:00', { patient: 'p3' })],
      rules(dayBefore10),
      [...family, contact('p3', { phone: FAMILY, preferences: ['sms'] })],
    );
    expect(p.messages.map((m) => [m.patient, m.channel, m.appointments.map((a) => a.id)])).toEqual([
      ['p1', 'sms', ['a1']],
      ['p2', 'email', ['a2']],
    ]);
    expect(p.skipped.map((s) => [s.appointment, s.reason])).toEqual([['a3', 'reminder.shared-phone']]);
  });

  it("combined: one message at the earliest send lists both patients' appointments, names nobody, lists the household", () => {
    const p = plan(tuesday, rules({ ...dayBefore10, sharedPhone: 'combined' }), family);
    expect(p.skipped).toEqual([]);
    expect(p.messages).toHaveLength(1);
    const m = p.messages[0];
    expect(m?.patient).toBe('p1');
    expect(m?.household).toEqual(['p1', 'p2']);
    expect(m?.id).toBe('reminder:p1:2026-11-23');
    expect(m?.appointments.map((a) => a.id)).toEqual(['a1', 'a2']);
    // 153 characters: fits one SMS.
    expect(m?.body).toBe(
      'Elm Street Clinic: reminder of household appointments on Tue Nov 24 at 9:00 AM and 3:00 PM. Reply Y to confirm or R to reschedule. Reply STOP to opt out.',
    );
  });

  it('combined with a sensitive visit: the generic template, no location for anyone', () => {
    const p = plan(
      [
        appt('a1', '2026-11-24T09:00:00-05:00', { patient: 'p1', location: 'loc-1' }),
        appt('a2', '2026-11-24T15:00:00-05:00', { patient: 'p2', location: 'loc-1', type: 'colposcopy' }),
      ],
      rules({
        ...dayBefore10,
        sharedPhone: 'combined',
        sensitiveTypes: ['colposcopy'],
        locationNames: { 'loc-1': 'Main St' },
      }),
      family,
    );
    expect(p.messages[0]?.template).toBe('reminder.generic');
    expect(p.messages[0]?.body).not.toContain('Main St');
  });

  it('one message a day counts the number: a text already sent to p1 that day keeps p2 from getting one', () => {
    const sent: SentMessage[] = [
      { patient: 'p1' as PatientId, sendAt: instant('2026-11-23T08:30:00-05:00') },
    ];
    const p = plan(
      [appt('a2', '2026-11-24T15:00:00-05:00', { patient: 'p2' })],
      rules(dayBefore10),
      family,
      '2026-11-23T08:45:00-05:00',
      sent,
    );
    expect(p.messages).toEqual([]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['reminder.daily-limit']);
  });

  it('the week counts the number: with maxPerWeek 2, the third day of texts to the number is skipped', () => {
    // Visits on Tue, Wed, Thu: sends Mon, Tue, Wed at 10:00, alternating patients.
    const p = plan(
      [
        appt('a1', '2026-11-24T09:00:00-05:00', { patient: 'p1' }),
        appt('a2', '2026-11-25T09:00:00-05:00', { patient: 'p2' }),
        appt('a3', '2026-11-26T09:00:00-05:00', { patient: 'p1' }),
      ],
      rules({ ...dayBefore10, maxPerWeek: 2 }),
      family,
    );
    expect(p.messages.map((m) => [m.patient, m.sendAt])).toEqual([
      ['p1', '2026-11-23T10:00:00-05:00'],
      ['p2', '2026-11-24T10:00:00-05:00'],
    ]);
    expect(p.skipped.map((s) => [s.appointment, s.reason])).toEqual([['a3', 'reminder.weekly-limit']]);
  });

  it('not a shared phone: different numbers, or a patient on the number who is e-mailed', () => {
    const two = plan(tuesday, rules(dayBefore10), [
      contact('p1', { phone: FAMILY }),
      contact('p2', { phone: '+16175550235' }),
    ]);
    expect(two.messages.map((m) => m.patient)).toEqual(['p1', 'p2']);
    const emailed = plan(tuesday, rules(dayBefore10), [
      contact('p1', { phone: FAMILY }),
      contact('p2', { phone: FAMILY, preferences: ['email'] }),
    ]);
    expect(emailed.messages.map((m) => [m.patient, m.channel])).toEqual([
      ['p1', 'sms'],
      ['p2', 'email'],
    ]);
  });
});
