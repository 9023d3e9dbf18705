// The code of docs/guides/scheduling-lifecycle.md (pulled in with {@includeCode}); tests/examples
// runs it and checks the values the guide states. Run it: `npx tsx examples/guides/schedulingLifecycle.ts`.
import { read271 } from '../../src/insurance/index.js';
import { parsePatient } from '../../src/records/index.js';
import {
  matchWaitlist,
  parseAppointment,
  parseSchedulingCalendar,
  parseWaitlistEntry,
  planSeries,
  prepareCheckIn,
  toICalendar,
  transitionAppointment,
  utilization,
  type Appointment,
  type CheckInSources,
  type SchedulingCalendar,
  type Slot,
} from '../../src/scheduling/index.js';
import { SUBSCRIBER_271 } from './insuranceX12.js';
import {
  appointmentId,
  appointmentTypeId,
  isoDate,
  isoInstant,
  providerId,
  wallTime,
  zone,
} from '../../src/core/index.js';

// #region calendar
const parsed = parseSchedulingCalendar({
  providers: [{ id: 'dr-okafor', zone: 'America/New_York', locations: [], specialties: ['family-medicine'] }],
  locations: [],
  resources: [],
  appointmentTypes: [{ id: 'fu-20', code: 'FU20', durationMinutes: 20 }],
  templates: [
    {
      id: 'okafor-tue',
      owner: { kind: 'provider', id: 'dr-okafor' },
      zone: 'America/New_York',
      windows: [{ start: '09:00', end: '12:00' }],
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      dtstart: '2026-01-06',
    },
  ],
  exceptions: [],
  appointments: [],
  holds: [],
});
if (parsed._tag === 'Left') throw new Error(parsed.left.message);
const calendar: SchedulingCalendar = parsed.right;
// #endregion calendar

// #region visit
const booked = parseAppointment({
  id: 'appt-1',
  status: 'booked',
  type: 'fu-20',
  patient: 'pat-1',
  provider: 'dr-okafor',
  start: '2026-11-24T10:00:00-05:00',
  end: '2026-11-24T10:20:00-05:00',
});
if (booked._tag === 'Left') throw new Error(booked.left.message);
const visit: Appointment = booked.right;
// #endregion visit

export const transitions = () => {
  // #region transitions
  const result = transitionAppointment(visit, { type: 'arrive' }, isoInstant('2026-11-24T14:55:00Z'));
  // Right({ appointment: { ...visit, status: 'arrived', history: [{ from: 'booked', to: 'arrived', at, event: 'arrive' }] } })

  const refused = transitionAppointment(visit, { type: 'fulfil' }, isoInstant('2026-11-24T15:30:00Z'));
  // Left({ code: 'lifecycle.invalid-transition', status: 'booked',
  //        allowed: ['arrive', 'check-in', 'cancel', 'no-show', 'reschedule', 'enter-in-error'] })
  // #endregion transitions
  return { result, refused };
};

export const rescheduling = () => {
  // #region reschedule
  const moved = transitionAppointment(
    visit,
    {
      type: 'reschedule',
      reason: 'provider out sick',
      newId: appointmentId('appt-2'),
      start: isoInstant('2026-12-01T10:00:00-05:00'),
      end: isoInstant('2026-12-01T10:20:00-05:00'),
    },
    isoInstant('2026-11-23T15:00:00Z'),
  );
  // Right({ appointment: { status: 'cancelled', rescheduledTo: 'appt-2', ... },
  //         created: { id: 'appt-2', status: 'booked', rescheduledFrom: 'appt-1', ... } })
  // #endregion reschedule
  return moved;
};

export const waitlist = () => {
  // #region waitlist
  const freed: Slot = {
    start: isoInstant('2026-11-24T10:00:00-05:00'),
    end: isoInstant('2026-11-24T10:20:00-05:00'),
    provider: providerId('dr-okafor'),
    resources: [],
    type: appointmentTypeId('fu-20'),
    overbooked: false,
  };
  const entry = parseWaitlistEntry({
    id: 'wl-1',
    patient: 'pat-9',
    type: 'fu-20',
    addedAt: '2026-11-10T15:00:00Z',
  });
  if (entry._tag === 'Left') throw new Error(entry.left.message);

  const ranked = matchWaitlist(freed, [entry.right], calendar, isoInstant('2026-11-23T13:00:00Z'));
  // Right({ matches: [{ entry, start: '2026-11-24T10:00:00-05:00', end: ..., rank: 1 }], misses: [] })
  // #endregion waitlist
  return ranked;
};

export const series = () => {
  // #region series
  const weekly = planSeries(
    {
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      dtstart: isoDate('2026-11-24'),
      time: wallTime('09:00'),
      zone: zone('America/New_York'),
    },
    { type: appointmentTypeId('fu-20') },
    calendar,
    { now: isoInstant('2026-11-23T13:00:00Z') },
  );
  // Right({ provider: 'dr-okafor', bookable: 4, occurrences: [{ date: '2026-11-24', status: 'ok', ... }, ...] })
  // #endregion series
  // #region series-dst
  const acrossFallBack = planSeries(
    {
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
      dtstart: isoDate('2026-10-27'),
      time: wallTime('09:00'),
      zone: zone('America/New_York'),
    },
    { type: appointmentTypeId('fu-20') },
    calendar,
    { now: isoInstant('2026-10-01T13:00:00Z') },
  );
  // occurrences: [{ start: '2026-10-27T09:00:00-04:00' }, { start: '2026-11-03T09:00:00-05:00' }]
  // #endregion series-dst
  return { weekly, acrossFallBack };
};

export const checkIn = () => {
  // #region check-in
  // The patient's chart, and the payer's 271 answer (the real sample of the X12 guide).
  const chart = parsePatient({
    id: 'pat-1',
    name: { family: 'Smith', given: 'John' },
    birthDate: '1963-05-19',
    sex: 'male',
    phones: [{ use: 'mobile', value: '+18165550142' }],
    addresses: [
      { line: ['15197 BROADWAY AVE APT 215'], city: 'KANSAS CITY', state: 'MO', postalCode: '64108' },
    ],
    emergencyContact: { name: 'Mary Smith', relationship: 'spouse', phone: '+18165550143' },
    consents: [
      { kind: 'privacy-notice', signedOn: '2026-01-12' },
      { kind: 'financial-responsibility', signedOn: '2026-01-12' },
    ],
    verifiedOn: '2026-06-30',
  });
  const reply = read271(SUBSCRIBER_271);
  const response = reply._tag === 'Right' ? reply.right.responses[0] : undefined;
  if (chart._tag === 'Left' || response === undefined) throw new Error('the chart and the 271 read');

  const sources: CheckInSources = {
    zone: zone('America/New_York'),
    patient: chart.right,
    eligibility: { source: response, serviceType: '98', providerNetwork: 'in' },
    authorizationRequired: false, // a follow-up: no referral or authorization
  };
  const at = isoInstant('2026-11-24T14:50:00Z');
  const verdict = prepareCheckIn(visit, sources, at);
  // { ready: true, collectNow: 'unknown', items: [...] }: payment is a warning when nothing can be estimated
  const checkedIn = verdict.ready
    ? transitionAppointment(visit, { type: 'check-in', clearance: { kind: 'verdict', verdict } }, at)
    : transitionAppointment(
        visit,
        { type: 'check-in', clearance: { kind: 'override', reason: 'patient elects self-pay today' } },
        at,
      );
  // Right({ appointment: { status: 'checked-in', ... } })
  // #endregion check-in
  return { verdict, checkedIn };
};

export const usage = () => {
  // #region utilization
  const report = utilization(
    { ...calendar, appointments: [visit] },
    { from: isoInstant('2026-11-24T00:00:00-05:00'), to: isoInstant('2026-11-25T00:00:00-05:00') },
  );
  // Right({ days: [{ provider: 'dr-okafor', date: '2026-11-24', availableMinutes: 180, bookedMinutes: 20,
  //                  outsideMinutes: 0, fillRate: 1111 }], ... }): 20 of 180 minutes is 11.11%
  // #endregion utilization
  return report;
};

export const calendarFile = () => {
  // #region ical
  const ics = toICalendar(visit, {
    dtstamp: isoInstant('2026-11-23T14:00:00Z'),
    summary: 'Follow-up visit, Riverside Main Street',
    zone: zone('America/New_York'),
    reminderMinutes: 120,
  });
  // Right('BEGIN:VCALENDAR\r\n...DTSTART;TZID=America/New_York:20261124T100000\r\n...')
  // #endregion ical
  return ics;
};

if (process.argv[1]?.endsWith('schedulingLifecycle.ts'))
  console.log(
    JSON.stringify(
      {
        transitions: transitions(),
        rescheduling: rescheduling(),
        waitlist: waitlist(),
        series: series(),
        checkIn: checkIn(),
        usage: usage(),
        ics: calendarFile(),
      },
      null,
      1,
    ),
  );
