/**
 * iCalendar (RFC 5545) export of one appointment, for patient reminders: a VCALENDAR with one
 * VEVENT, CRLF line ends, lines folded at 75 octets, TEXT escaped, times in UTC or with a TZID
 * backed by a generated VTIMEZONE.
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { parseZone, zoneOffset, type IanaZone } from '../core/time.js';
import { instantToMs, parseInstant, type IsoInstant } from '../core/calendar.js';
import type { Appointment, AppointmentStatus } from './model.js';

/** Options of `toICalendar`. Text fields are free text chosen by the practice (keep PHI out). */
export interface ICalendarOptions {
  /** DTSTAMP: when this iCalendar object was created (a parameter, never a clock read). */
  readonly dtstamp: IsoInstant;
  /** SUMMARY; default `Appointment`. */
  readonly summary?: string;
  readonly location?: string;
  readonly description?: string;
  /** Write DTSTART/DTEND as local times with this TZID and a VTIMEZONE; default UTC (`Z`). */
  readonly zone?: IanaZone;
  /** UID domain: UID is `<appointment id>@<domain>`; default `medoffice`. */
  readonly uidDomain?: string;
  /** Add a VALARM this many minutes before the start. */
  readonly reminderMinutes?: number;
}

/**
 * `toICalendar` needs start and end, and options it can write: a zone the runtime knows and a
 * DTSTAMP that is an instant (both typed as validated, checked again because a cast or a JSON
 * settings file can put anything there, and a VTIMEZONE of `+NaNNaN` offsets is worse than none).
 */
export type ICalendarError = DomainError<
  'ical.times-required' | 'ical.invalid-zone' | 'ical.invalid-dtstamp'
>;

const CRLF = '\r\n';
const MINUTE = 60_000;

/** RFC 5545 §3.3.11 TEXT escaping; control characters other than line breaks are dropped. */
const escapeText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');

const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a character. */
const fold = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) as number);
    // The first line holds 75 octets; continuation lines hold 74 after their leading space.
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYYMMDDTHHMMSS` of epoch ms shifted by an offset (minutes). */
const basic = (ms: number, offset: number): string => {
  const d = new Date(ms + offset * MINUTE);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
};

const utcOffset = (minutes: number): string =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** Offset changes of a zone in `[lo, hi]`, to the minute: day scan, then bisection. */
const transitions = (zone: IanaZone, lo: number, hi: number): { at: number; from: number; to: number }[] => {
  const out: { at: number; from: number; to: number }[] = [];
  const DAY = 1440 * MINUTE;
  for (let t = lo; t < hi; t += DAY) {
    const a = zoneOffset(t, zone);
    const b = zoneOffset(Math.min(t + DAY, hi), zone);
    if (a === b) continue;
    let l = t;
    let h = Math.min(t + DAY, hi);
    while (h - l > MINUTE) {
      const m = l + Math.floor((h - l) / 2 / MINUTE) * MINUTE;
      if (zoneOffset(m, zone) === a) l = m;
      else h = m;
    }
    out.push({ at: h, from: a, to: b });
  }
  return out;
};

/** A VTIMEZONE whose observances cover the year before the event up to its end. */
const vtimezone = (zone: IanaZone, start: number, end: number): string[] => {
  const changes = transitions(zone, start - 366 * 1440 * MINUTE, end);
  const observances =
    changes.length === 0
      ? [
          {
            kind: 'STANDARD',
            dtstart: '19700101T000000',
            from: zoneOffset(start, zone),
            to: zoneOffset(start, zone),
          },
        ]
      : changes.map((c) => ({
          kind: c.to > c.from ? 'DAYLIGHT' : 'STANDARD',
          dtstart: basic(c.at, c.from),
          from: c.from,
          to: c.to,
        }));
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observances.flatMap((o) => [
      `BEGIN:${o.kind}`,
      `DTSTART:${o.dtstart}`,
      `TZOFFSETFROM:${utcOffset(o.from)}`,
      `TZOFFSETTO:${utcOffset(o.to)}`,
      `END:${o.kind}`,
    ]),
    'END:VTIMEZONE',
  ];
};

/**
 * Whether an instant is the second of two with the same wall time (fall-back overlap): RFC 5545
 * §3.3.5 reads an ambiguous local time as the first, so such an instant is written in UTC.
 */
const secondOfAmbiguous = (ms: number, zone: IanaZone): boolean => {
  const offset = zoneOffset(ms, zone);
  const earlier = zoneOffset(ms - 6 * 60 * MINUTE, zone);
  // The same wall time under the earlier offset, if that instant really had it.
  const twin = ms + (offset - earlier) * MINUTE;
  return earlier > offset && twin < ms && zoneOffset(twin, zone) === earlier;
};

const STATUS: Record<AppointmentStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  proposed: 'TENTATIVE',
  pending: 'TENTATIVE',
  waitlist: 'TENTATIVE',
  booked: 'CONFIRMED',
  arrived: 'CONFIRMED',
  'checked-in': 'CONFIRMED',
  fulfilled: 'CONFIRMED',
  cancelled: 'CANCELLED',
  noshow: 'CANCELLED',
  'entered-in-error': 'CANCELLED',
};

/**
 * An RFC 5545 iCalendar object with one VEVENT for an appointment (patient reminder).
 *
 * Lines end in CRLF and are folded at 75 octets (UTF-8, never inside a character); TEXT values
 * escape `\`, `;`, `,` and newlines. DTSTAMP comes from `options.dtstamp`. Times are UTC
 * (`DTSTART:20261124T140000Z`) unless `options.zone` is given: then they are local times with
 * `TZID=<zone>`, and a VTIMEZONE lists every offset change of that zone from a year before the
 * start to the end, computed from the tz database (so the event reads right in any client). The
 * appointment's instants are exact: a local time never falls in a gap; an instant in the second
 * pass of a fall-back hour (01:30 EST on 2026-11-01 in New York) is written in UTC, because RFC
 * 5545 §3.3.5 reads an ambiguous local time as the first pass. STATUS maps FHIR
 * statuses (booked/arrived/checked-in/fulfilled = CONFIRMED; proposed/pending/waitlist =
 * TENTATIVE; cancelled/noshow/entered-in-error = CANCELLED); SEQUENCE is the number of history
 * entries, so clients replace older copies after a reschedule or cancel.
 *
 * @param appointment - the appointment (needs start and end)
 * @param options - DTSTAMP, text fields, zone, UID domain, reminder
 * @returns `Right(text)`, or `Left` `ical.times-required`, `ical.invalid-zone` (`options.zone` is
 *   no IANA zone the runtime knows) or `ical.invalid-dtstamp` (`options.dtstamp` is no instant)
 * @example
 * toICalendar(appointment, { dtstamp: isoInstant('2026-11-23T14:00:00Z'), summary: 'Visit with Dr. Patel', zone: zone('America/New_York') });
 * // Right('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n...DTSTART;TZID=America/New_York:20261124T090000\r\n...END:VCALENDAR\r\n')
 */
export const toICalendar = (
  appointment: Appointment,
  options: ICalendarOptions,
): Either<ICalendarError, string> => {
  if (appointment.start === undefined || appointment.end === undefined)
    return err({ code: 'ical.times-required', message: 'start/end: an iCalendar event needs both' });
  if (options.zone !== undefined && parseZone(options.zone)._tag === 'Left')
    return err({ code: 'ical.invalid-zone', message: 'zone: must be an IANA time zone name' });
  const stamp = parseInstant(options.dtstamp);
  if (stamp._tag === 'Left')
    return err({
      code: 'ical.invalid-dtstamp',
      message: 'dtstamp: must be an ISO 8601 instant with an offset',
    });
  const start = instantToMs(appointment.start);
  const end = instantToMs(appointment.end);
  const zone = options.zone;
  const time = (name: string, ms: number): string =>
    zone === undefined || secondOfAmbiguous(ms, zone)
      ? `${name}:${basic(ms, 0)}Z`
      : `${name};TZID=${zone}:${basic(ms, zoneOffset(ms, zone))}`;
  const text = (name: string, value: string | undefined): string[] =>
    value === undefined ? [] : [`${name}:${escapeText(value)}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//medoffice//scheduling//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(zone === undefined ? [] : vtimezone(zone, start, end)),
    'BEGIN:VEVENT',
    `UID:${appointment.id}@${options.uidDomain ?? 'medoffice'}`,
    `DTSTAMP:${basic(stamp.right, 0)}Z`,
    `SEQUENCE:${appointment.history?.length ?? 0}`,
    time('DTSTART', start),
    time('DTEND', end),
    `STATUS:${STATUS[appointment.status]}`,
    ...text('SUMMARY', options.summary ?? 'Appointment'),
    ...text('LOCATION', options.location),
    ...text('DESCRIPTION', options.description),
    ...(options.reminderMinutes === undefined
      ? []
      : [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `TRIGGER:-PT${Math.max(0, Math.round(options.reminderMinutes))}M`,
          ...text('DESCRIPTION', options.summary ?? 'Appointment'),
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return ok(lines.map(fold).join(CRLF) + CRLF);
};
