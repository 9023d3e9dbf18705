/**
 * A deterministic health system for benchmarks and tests that need a large, realistic calendar:
 * providers in four US zones, rooms and devices per location, weekly templates with lunch breaks,
 * every-2-weeks Saturday clinics, nth-weekday evening clinics, US holidays, and a fixed number of
 * existing appointments placed on free times. Same options → same calendar. The benchmarks of
 * `bench/` use it.
 */
import { formatInstant, wallMinutesToMs, type IanaZone } from '../core/time.js';
import { addDays, isoWeekday, type IsoDate } from '../core/calendar.js';
import { parseSchedulingCalendar, type SchedulingCalendar } from '../scheduling/model.js';

/** Size, horizon and seed of a generated health system (defaults: 200 providers, 60 resources, 60,000 appointments, 90 days from 2026-11-23, seed 7). */
export interface HealthSystemOptions {
  readonly providers?: number;
  readonly resources?: number;
  readonly appointments?: number;
  /** First day of the horizon (local date in every zone). */
  readonly start?: IsoDate;
  readonly days?: number;
  readonly seed?: number;
}

/**
 * The four zones of the generated system.
 *
 * @example
 * HEALTH_SYSTEM_ZONES[0]; // 'America/New_York'
 */
export const HEALTH_SYSTEM_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
] as const;
const SPECIALTIES = [
  'family-medicine',
  'family-medicine',
  'cardiology',
  'orthopedics',
  'dermatology',
] as const;
const HOLIDAYS = ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18', '2027-02-15'];
const ROOM_KINDS = [
  'exam-room',
  'exam-room',
  'exam-room',
  'exam-room',
  'echo-room',
  'procedure-room',
  'ultrasound',
];

/**
 * Appointment types of the generated system: a 20-minute follow-up, a 40-minute new-patient visit
 * needing an exam room, and a 60-minute echocardiogram needing an echo room and a cardiologist.
 *
 * @example
 * HEALTH_SYSTEM_APPOINTMENT_TYPES.map((t) => t.id); // ['follow-20', 'new-40', 'echo-60']
 */
export const HEALTH_SYSTEM_APPOINTMENT_TYPES = [
  { id: 'follow-20', code: '99213', durationMinutes: 20 },
  {
    id: 'new-40',
    code: '99204',
    durationMinutes: 40,
    bufferAfterMinutes: 5,
    requiredResourceKinds: ['exam-room'],
    minimumNoticeMinutes: 1440,
    maxPerDay: 6,
  },
  {
    id: 'echo-60',
    code: '93306',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    requiredResourceKinds: ['echo-room'],
    eligibleSpecialties: ['cardiology'],
  },
] as const;

/** Deterministic 31-bit LCG. */
const rng = (seed: number) => {
  let x = seed >>> 0 || 1;
  return (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
};

/**
 * Builds the calendar; the appointments land on free 20-minute grid times of the providers, at
 * local wall times converted with the library's DST policy.
 *
 * @param options - size, horizon and seed
 * @returns a parsed {@link SchedulingCalendar}, the same for the same options
 * @example
 * const calendar = generateHealthSystem({ providers: 20, resources: 8, appointments: 500, days: 14 });
 * calendar.providers.length; // 20
 */
export const generateHealthSystem = (options: HealthSystemOptions = {}): SchedulingCalendar => {
  const nProviders = options.providers ?? 200;
  const nResources = options.resources ?? 60;
  const nAppointments = options.appointments ?? 60_000;
  const start = options.start ?? ('2026-11-23' as IsoDate);
  const days = options.days ?? 90;
  const next = rng(options.seed ?? 7);
  const locations = HEALTH_SYSTEM_ZONES.flatMap((zone, z) =>
    [0, 1].map((k) => ({ id: `loc-${z}-${k}`, zone })),
  );
  const resources = Array.from({ length: nResources }, (_, i) => ({
    id: `res-${i}`,
    kind: ROOM_KINDS[i % ROOM_KINDS.length] as string,
    category: ROOM_KINDS[i % ROOM_KINDS.length] === 'ultrasound' ? 'equipment' : 'room',
    location: (locations[i % locations.length] as { id: string }).id,
  }));
  const providers = Array.from({ length: nProviders }, (_, i) => {
    const loc = locations[i % locations.length] as { id: string; zone: string };
    return {
      id: `prov-${i}`,
      zone: loc.zone,
      locations: [loc.id],
      specialties: [SPECIALTIES[i % SPECIALTIES.length] as string],
    };
  });
  const templates = providers.flatMap((p, i) => {
    const early = (i % 3) * 30; // 07:30, 08:00, 08:30 starts
    const base = {
      owner: { kind: 'provider', id: p.id },
      zone: p.zone,
      location: p.locations[0],
      dtstart: i % 4 === 0 ? '2020-01-06' : '2026-09-07',
    };
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return [
      {
        ...base,
        id: `${p.id}-week`,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        windows: [
          { start: hhmm(450 + early), end: '12:00' },
          { start: '13:00', end: hhmm(990 + early) },
        ],
      },
      ...(i % 5 === 0
        ? [
            {
              ...base,
              id: `${p.id}-sat`,
              rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA',
              windows: [{ start: '09:00', end: '13:00' }],
            },
          ]
        : []),
      ...(i % 7 === 0
        ? [
            {
              ...base,
              id: `${p.id}-eve`,
              rrule: `FREQ=MONTHLY;BYDAY=${1 + (i % 4)}WE`,
              windows: [{ start: '17:00', end: '20:00' }],
            },
          ]
        : []),
    ];
  });
  const exceptions = HOLIDAYS.map((date) => ({ kind: 'holiday', date, name: 'US holiday' }));
  // Appointments: each on a provider's working weekday, at a distinct 20-minute grid time.
  const taken = new Set<string>();
  const roomTaken = new Set<string>();
  const appointments: unknown[] = [];
  for (let n = 0, guard = 0; n < nAppointments && guard < nAppointments * 20; guard++) {
    const pi = next(nProviders);
    const p = providers[pi] as (typeof providers)[number];
    const date = addDays(start, next(days));
    if (isoWeekday(date) > 5 || HOLIDAYS.includes(date)) continue;
    const slot = next(21); // 08:40 .. 15:40 in 20-minute steps, clear of lunch below
    const minute = 520 + slot * 20;
    if (minute >= 700 && minute < 800) continue;
    const key = `${p.id}|${date}|${minute}`;
    if (
      taken.has(key) ||
      taken.has(`${p.id}|${date}|${minute - 20}`) ||
      taken.has(`${p.id}|${date}|${minute + 20}`)
    )
      continue;
    const kind = next(10);
    const type =
      kind < 7 ? 'follow-20' : kind < 9 || p.specialties[0] !== 'cardiology' ? 'new-40' : 'echo-60';
    const length = type === 'follow-20' ? 20 : type === 'new-40' ? 40 : 60;
    if (minute + length > 700 && minute < 800) continue;
    let room: string | undefined;
    if (type !== 'follow-20') {
      const kindWanted = type === 'new-40' ? 'exam-room' : 'echo-room';
      room = resources.find(
        (r) =>
          r.location === p.locations[0] &&
          r.kind === kindWanted &&
          !roomTaken.has(`${r.id}|${date}|${Math.floor(minute / 20)}`),
      )?.id;
      if (room === undefined) continue;
      for (let m = minute; m < minute + length + 20; m += 20)
        roomTaken.add(`${room}|${date}|${Math.floor(m / 20)}`);
    }
    for (let m = minute; m < minute + length; m += 20) taken.add(`${p.id}|${date}|${m}`);
    const zone = p.zone as IanaZone;
    appointments.push({
      id: `appt-${n}`,
      status: 'booked',
      type,
      patient: `pat-${next(40_000)}`,
      provider: p.id,
      resources: room === undefined ? [] : [room],
      start: formatInstant(wallMinutesToMs(date, minute, zone), zone),
      end: formatInstant(wallMinutesToMs(date, minute + length, zone), zone),
    });
    n++;
  }
  const parsed = parseSchedulingCalendar({
    providers,
    locations,
    resources,
    appointmentTypes: HEALTH_SYSTEM_APPOINTMENT_TYPES,
    templates,
    exceptions,
    appointments,
    holds: [],
  });
  if (parsed._tag === 'Left') throw new Error(parsed.left.message);
  return parsed.right;
};
