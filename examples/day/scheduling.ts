// The morning's schedule grid, then the question the front desk gets all day: "When can Dr. Patel
// see a new patient for 40 minutes, in a room with an echo machine, at least 24 hours from now?",
// with the reasons the earlier times were not offered, a booking attempt that breaks several
// rules at once, and "next available with anyone" for a follow-up.
import {
  addDays,
  dayBounds,
  formatInstant,
  instantToMs,
  toWallClock,
  totalDuration,
  type IanaZone,
  isoInstant,
  zone,
} from '../../src/core/index.js';
import {
  BLOCKING_APPOINTMENT_STATUSES,
  explainSlotExclusions,
  expandAvailability,
  findSlots,
  firstAvailable,
  groupSlotsByDay,
  parseAppointment,
  parseSlotQuery,
  validateBooking,
  type SchedulingCalendar,
} from '../../src/scheduling/index.js';
import type { SampleClinic } from './clinic.js';
import { clinicCalendar } from './clinicCalendar.js';

const MINUTE = 60_000;

const must = <A>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (e._tag === 'Left') throw new Error(JSON.stringify(e.left));
  return e.right;
};

const hhmm = (ms: number, zone: IanaZone) => toWallClock(ms, zone).time;

/** Each provider's bookable hours this week: templates less holidays and time off, own zone. */
const printWeek = (clinic: SampleClinic, cal: SchedulingCalendar) => {
  console.log(`\n-- Bookable hours, week of ${clinic.today} --`);
  for (const p of cal.providers) {
    const open = must(
      expandAvailability(cal.templates, cal.exceptions, {
        from: formatInstant(dayBounds(clinic.today, p.zone).start, p.zone),
        to: formatInstant(dayBounds(addDays(clinic.today, 6), p.zone).end, p.zone),
      }),
    ).find((o) => o.owner.kind === 'provider' && o.owner.id === p.id);
    const free = open?.intervals ?? [];
    const first = free[0];
    console.log(
      `${(p.name ?? p.id).padEnd(20)} ${p.zone.padEnd(17)} ${String(totalDuration(free) / 3_600_000).padStart(5)} h bookable this week; first block ${first ? `${formatInstant(first.start, p.zone)} to ${formatInstant(first.end, p.zone).slice(11)}` : 'none'}`,
    );
  }
};

/** One row per 15 minutes, one column per provider: booked visit type, free, or not working. */
const printGrid = (clinic: SampleClinic, cal: SchedulingCalendar, zone: IanaZone) => {
  const dayStart = instantToMs(isoInstant(`${clinic.today}T07:30:00-05:00`));
  const dayEnd = instantToMs(isoInstant(`${clinic.today}T12:30:00-05:00`));
  const open = must(
    expandAvailability(cal.templates, cal.exceptions, {
      from: isoInstant(`${clinic.today}T00:00:00-05:00`),
      to: isoInstant(`${clinic.today}T23:59:00-05:00`),
    }),
  );
  const names = clinic.providers.map((p) => p.name.replace('Dr. ', '').split(' ')[1] ?? p.name);
  console.log(`\n-- Schedule grid, ${clinic.today} (times in ${zone}) --`);
  console.log(`${'time'.padEnd(6)}${names.map((n) => n.padEnd(28)).join('')}`);
  for (let t = dayStart; t < dayEnd; t += 15 * MINUTE) {
    const cells = clinic.providers.map((p) => {
      const booked = cal.appointments.find(
        (a) =>
          a.provider === p.id &&
          BLOCKING_APPOINTMENT_STATUSES.has(a.status) &&
          a.start !== undefined &&
          a.end !== undefined &&
          instantToMs(a.start) <= t &&
          t < instantToMs(a.end),
      );
      if (booked) {
        const first = booked.start !== undefined && instantToMs(booked.start) === t;
        return (
          first ? `${booked.type}${booked.status === 'booked' ? '' : ` (${booked.status})`}` : '  │'
        ).padEnd(28);
      }
      const avail = open.find((o) => o.owner.kind === 'provider' && o.owner.id === p.id)?.intervals ?? [];
      return (avail.some((i) => i.start <= t && t < i.end) ? '· free' : '  (not working)').padEnd(28);
    });
    console.log(`${hhmm(t, zone).padEnd(6)}${cells.join('')}`);
  }
};

/** A caller's own zone, in another country than the clinic. */
const KOLKATA = zone('Asia/Kolkata');

export const run = (clinic: SampleClinic): void => {
  const cal = clinicCalendar(clinic);
  const now = clinic.scheduling.now;
  const zone = clinic.locations[0]!.zone;
  console.log(`\n== Scheduling: ${clinic.name}, now ${now} ==`);
  printWeek(clinic, cal);
  printGrid(clinic, cal, zone);

  // The new-patient search.
  const query = must(
    parseSlotQuery({
      type: 'new-cardiology-40',
      providers: ['dr-patel'],
      patient: 'pt-3001',
      patientStatus: 'new',
      from: now,
      to: '2026-12-05T00:00:00-05:00',
    }),
  );
  console.log(
    '\n-- "When can Dr. Patel see a new patient for 40 minutes, in a room with an echo machine, at least 24 hours from now?" --',
  );
  const slots = must(findSlots(query, cal, { now, limit: 6 }));
  for (const day of groupSlotsByDay(slots, zone))
    console.log(
      `${day.date}: ${day.slots.map((s) => `${hhmm(instantToMs(s.start), zone)}-${hhmm(instantToMs(s.end), zone)} (${s.resources.join(', ')})`).join('  ')}`,
    );
  const next = slots.at(-1)?.cursor;
  if (next) {
    const more = must(findSlots(query, cal, { now, limit: 3, cursor: next }));
    console.log(`next page: ${more.map((s) => s.start).join(', ')}`);
  }
  // The same slots seen by a patient calling from Kolkata: grouped by their own dates.
  const abroad = groupSlotsByDay(slots, KOLKATA);
  console.log(
    `for a caller in Asia/Kolkata: ${abroad.map((d) => `${d.date} (${d.slots.map((s) => hhmm(instantToMs(s.start), KOLKATA)).join(', ')})`).join('; ')}`,
  );

  // Why Tuesday's other grid times were not offered.
  const tuesday = must(
    explainSlotExclusions(
      {
        ...query,
        from: isoInstant('2026-11-24T00:00:00-05:00'),
        to: isoInstant('2026-11-25T00:00:00-05:00'),
      },
      cal,
      { now },
    ),
  );
  console.log('\nTuesday times on the grid that were not offered, and why:');
  for (const x of tuesday)
    console.log(
      `  ${hhmm(instantToMs(x.start), zone)}  ${x.conflicts.map((c) => `${c.code}${c.appointment ? ` (${c.appointment})` : c.hold ? ` (${c.hold})` : ''}`).join(', ')}`,
    );

  // A booking typed in by hand at a taken time: every broken rule comes back at once.
  const attempt = must(
    parseAppointment({
      id: 'appt-3001',
      status: 'booked',
      type: 'new-cardiology-40',
      patient: 'pt-3001',
      provider: 'dr-patel',
      resources: ['echo-1'],
      start: '2026-11-24T09:30:00-05:00',
      end: '2026-11-24T10:10:00-05:00',
    }),
  );
  const verdict = validateBooking(attempt, cal, now);
  console.log('\nBooking Tuesday 09:30 by hand:');
  if (verdict._tag === 'Left' && verdict.left.code === 'booking.rejected')
    for (const c of verdict.left.conflicts) console.log(`  ✗ ${c.code}: ${c.message}`);
  const offered = slots[0];
  if (offered) {
    const ok = validateBooking(
      { ...attempt, start: offered.start, end: offered.end, resources: [...offered.resources] },
      cal,
      now,
    );
    console.log(
      `Booking the first offered slot (${offered.start}) instead: ${ok._tag === 'Right' ? 'accepted' : 'rejected'}`,
    );
  }

  // "Next available with anyone" for an established patient's 20-minute follow-up.
  const follow = must(
    firstAvailable(
      must(
        parseSlotQuery({
          type: 'follow-up-20',
          patient: 'pt-1002',
          from: now,
          to: '2026-12-05T00:00:00-05:00',
        }),
      ),
      cal,
      { now },
    ),
  );
  console.log(
    `\nNext 20-minute follow-up with anyone: ${follow ? `${follow.start} with ${follow.provider} in ${follow.resources.join(', ')}` : 'none in range'}`,
  );
};
