// The code of docs/guides/scheduling.md (pulled in with {@includeCode}); tests/examples runs it and
// checks the values the guide states. Run it: `npx tsx examples/guides/scheduling.ts`.
import { formatInstant, wallTimeToMs, isoDate, isoInstant, wallTime, zone } from '../../src/core/index.js';
import {
  expandAvailability,
  explainSlotExclusions,
  findSlots,
  groupSlotsByDay,
  parseAppointment,
  parseAvailabilityTemplate,
  parseHold,
  parseSchedulingCalendar,
  parseSchedulingCalendarJson,
  parseSlotOptions,
  parseSlotQuery,
  validateBooking,
  type SchedulingCalendar,
} from '../../src/scheduling/index.js';

export const calendar = (): SchedulingCalendar => {
  // #region calendar
  const parsed = parseSchedulingCalendar({
    providers: [
      { id: 'dr-patel', zone: 'America/New_York', locations: ['main'], specialties: ['cardiology'] },
    ],
    locations: [{ id: 'main', zone: 'America/New_York' }],
    resources: [
      { id: 'room-1', kind: 'exam-room', location: 'main' },
      { id: 'echo-1', kind: 'echo-machine', location: 'main' },
    ],
    appointmentTypes: [
      {
        id: 'new-echo-40',
        code: '99204',
        durationMinutes: 40,
        bufferAfterMinutes: 5,
        requiredResourceKinds: ['echo-machine'],
        eligibleSpecialties: ['cardiology'],
        minimumNoticeMinutes: 1440,
        bookingHorizonDays: 90,
        maxPerDay: 6,
      },
    ],
    templates: [
      {
        id: 'patel-week',
        owner: { kind: 'provider', id: 'dr-patel' },
        zone: 'America/New_York',
        windows: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH',
        dtstart: '2026-01-05',
      },
      {
        id: 'echo-lab',
        owner: { kind: 'resource', id: 'echo-1' },
        zone: 'America/New_York',
        windows: [{ start: '08:00', end: '16:00' }],
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        dtstart: '2026-01-05',
      },
    ],
    exceptions: [{ kind: 'holiday', date: '2026-11-26', name: 'Thanksgiving' }],
    appointments: [],
    holds: [],
  });
  if (parsed._tag === 'Left') throw new Error(parsed.left.message); // every issue, with its path
  const calendar = parsed.right;
  // #endregion calendar
  return calendar;
};

export const availability = () => {
  const cal = calendar();
  // #region availability
  const ny = zone('America/New_York');
  const open = expandAvailability(cal.templates, cal.exceptions, {
    from: isoInstant('2026-11-23T00:00:00-05:00'),
    to: isoInstant('2026-11-28T00:00:00-05:00'),
  });
  // Right([{ owner: { kind: 'provider', id: 'dr-patel' }, intervals: [...] }, { owner: echo-1, ... }])
  if (open._tag === 'Right')
    for (const i of open.right[0]?.intervals ?? [])
      console.log(formatInstant(i.start, ny), '-', formatInstant(i.end, ny).slice(11, 16));
  // 2026-11-23T08:00:00-05:00 - 12:00
  // 2026-11-23T13:00:00-05:00 - 17:00
  // ... Tuesday and Wednesday the same; Thanksgiving (Thu Nov 26) is gone; no Friday hours
  // #endregion availability
  return open;
};

export const slots = () => {
  const cal = calendar();
  // #region slots
  const query = parseSlotQuery({
    type: 'new-echo-40',
    providers: ['dr-patel'], // optional: otherwise every eligible provider
    patient: 'pt-3001', // optional: the patient's own appointments block too
    from: '2026-11-23T08:45:00-05:00',
    to: '2026-12-05T00:00:00-05:00',
  });
  const options = parseSlotOptions({ now: '2026-11-23T08:45:00-05:00', limit: 8 });
  if (query._tag === 'Left' || options._tag === 'Left') throw new Error('check the query');

  const found = findSlots(query.right, cal, options.right);
  // Right([{ start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:40:00-05:00',
  //          provider: 'dr-patel', resources: ['echo-1'], type: 'new-echo-40', location: 'main',
  //          overbooked: false }, ...])
  const days = found._tag === 'Right' ? groupSlotsByDay(found.right, zone('Asia/Kolkata')) : [];
  for (const day of days) console.log(day.date, day.slots.length);
  // 2026-11-24 4   09:00 ... 11:15 in New York is 19:30 ... 21:45 in Kolkata
  // 2026-11-25 4   13:30, 14:15, 15:00 in New York are past midnight there, and Wednesday 08:15
  // #endregion slots
  return { found, days };
};

export const exclusions = () => {
  const cal = calendar();
  // #region explain
  // Tuesday, with a visit already booked at 09:30 and a hold on 13:00 until Tuesday noon.
  const booked = parseAppointment({
    id: 'appt-2001',
    status: 'booked',
    type: 'new-echo-40',
    patient: 'pt-2001',
    provider: 'dr-patel',
    resources: ['echo-1'],
    start: '2026-11-24T09:30:00-05:00',
    end: '2026-11-24T10:10:00-05:00',
  });
  const hold = parseHold({
    id: 'hold-77',
    provider: 'dr-patel',
    resources: ['echo-1'],
    start: '2026-11-24T13:00:00-05:00',
    end: '2026-11-24T13:40:00-05:00',
    expiresAt: '2026-11-24T12:00:00-05:00',
  });
  const query = parseSlotQuery({
    type: 'new-echo-40',
    from: '2026-11-24T00:00:00-05:00',
    to: '2026-11-25T00:00:00-05:00',
  });
  if (booked._tag === 'Left' || hold._tag === 'Left' || query._tag === 'Left')
    throw new Error('check the inputs');

  const busy = { ...cal, appointments: [booked.right], holds: [hold.right] };
  const why = explainSlotExclusions(query.right, busy, { now: isoInstant('2026-11-23T09:10:00-05:00') });
  if (why._tag === 'Right')
    for (const x of why.right) console.log(x.start.slice(11, 16), x.conflicts.map((c) => c.code).join(', '));
  // 08:15  booking.notice               (24 hours from Monday 09:10)
  // 09:00  booking.notice, booking.overlaps-booking, booking.resource-busy
  // 09:45  booking.overlaps-booking, booking.resource-busy
  // 13:30  booking.overlaps-hold, booking.resource-busy
  // 15:45  booking.resource-busy        (the echo lab closes at 16:00)
  // #endregion explain
  return why;
};

export const booking = () => {
  const cal = calendar();
  // #region booking
  const appointment = parseAppointment({
    id: 'appt-3001',
    status: 'booked',
    type: 'new-echo-40',
    patient: 'pt-3001',
    provider: 'dr-patel',
    resources: ['echo-1'],
    start: '2026-11-24T08:45:00-05:00',
    end: '2026-11-24T09:25:00-05:00',
  });
  if (appointment._tag === 'Left') throw new Error(appointment.left.message);

  const verdict = validateBooking(appointment.right, cal, isoInstant('2026-11-23T08:45:00-05:00'));
  // Right({ overbooked: false })

  const tooSoon = validateBooking(appointment.right, cal, isoInstant('2026-11-23T09:00:00-05:00'));
  // Left({ code: 'booking.rejected', conflicts: [{ code: 'booking.notice', ... }] }): 23 h 45 min of notice
  // #endregion booking
  return { verdict, tooSoon };
};

export const dst = () => {
  // #region dst
  const ny = zone('America/New_York');
  const gap = wallTimeToMs(isoDate('2026-03-08'), wallTime('02:30'), ny);
  console.log(formatInstant(gap, ny)); // '2026-03-08T03:00:00-04:00': the first instant after the gap
  const overlap = wallTimeToMs(isoDate('2026-11-01'), wallTime('01:30'), ny);
  console.log(formatInstant(overlap, ny), new Date(overlap).toISOString()); // '...T01:30:00-04:00' '2026-11-01T05:30:00.000Z'

  const night = parseAvailabilityTemplate({
    id: 'sleep-lab',
    owner: { kind: 'resource', id: 'room-1' },
    zone: 'America/New_York',
    windows: [{ start: '02:30', end: '04:30' }],
    rrule: 'FREQ=DAILY',
    dtstart: '2026-03-07',
  });
  if (night._tag === 'Left') throw new Error(night.left.message);

  const open = expandAvailability([night.right], [], {
    from: isoInstant('2026-03-07T00:00:00-05:00'),
    to: isoInstant('2026-03-10T00:00:00-04:00'),
  });
  if (open._tag === 'Right')
    for (const i of open.right[0]?.intervals ?? [])
      console.log(formatInstant(i.start, ny), '-', formatInstant(i.end, ny).slice(11, 16));
  // 2026-03-07T02:30:00-05:00 - 04:30
  // 2026-03-08T03:00:00-04:00 - 04:30   the spring-forward night: 02:30 does not exist
  // 2026-03-09T02:30:00-04:00 - 04:30
  // #endregion dst
  return { gap, overlap, open };
};

export const fromJson = () => {
  // #region json
  // A calendar as storage returns it: JSON text. parseSchedulingCalendarJson reads the text itself, so
  // it may keep the objects JSON.parse builds; parseSchedulingCalendar copies what it is given.
  const stored = JSON.stringify(calendar());
  const loaded = parseSchedulingCalendarJson(stored);
  if (loaded._tag === 'Left') throw new Error(loaded.left.message);
  console.log(loaded.right.templates.map((t) => t.id)); // ['patel-week', 'echo-lab']: what parseSchedulingCalendar(JSON.parse(stored)) gives

  const cut = parseSchedulingCalendarJson(stored.slice(0, 40));
  if (cut._tag === 'Left') console.log(cut.left.issues);
  // [{ path: '(root)', rule: 'invalid_json', message: '(root): must be JSON text' }]: none of the text is quoted
  // #endregion json
  return { stored, loaded, cut };
};

if (process.argv[1]?.endsWith('scheduling.ts'))
  console.log(
    JSON.stringify(
      { slots: slots(), exclusions: exclusions(), booking: booking(), dst: dst() },
      null,
      1,
    ).slice(0, 6000),
  );
