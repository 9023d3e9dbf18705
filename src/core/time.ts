/**
 * Time: IANA zones, ISO 8601 instants / dates / wall times, and the conversion between wall-clock
 * time in a zone and instants, under one DST policy (DESIGN.md rule 4):
 *
 * - a wall time that does not exist (spring-forward gap) resolves to the first valid instant after
 *   the gap: 02:30 on 2026-03-08 in New York is 03:00 EDT. (iCalendar engines instead shift by the
 *   gap's length, RFC 5545 errata 4271, giving 03:30.)
 * - an ambiguous wall time (fall-back overlap) is the earlier instant: 01:30 on 2026-11-01 in New
 *   York is 01:30 EDT (-04:00).
 *
 * Inside the library instants are epoch milliseconds. No function here reads the clock.
 */
import { z } from 'zod';
import { isValidZone, offsetMinutes } from '../internal/zone.js';
import type { DomainError } from './errors.js';
import { err, ok, type Either } from './result.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** An IANA time zone name known to the runtime, such as `America/New_York`. */
export const IanaZoneSchema = /* @__PURE__ */ z
  .string()
  .refine(isValidZone, { message: 'must be an IANA time zone name such as America/New_York' })
  .brand<'IanaZone'>();
/** An IANA time zone name known to the runtime, such as `America/New_York`. */
export type IanaZone = z.infer<typeof IanaZoneSchema>;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYmd = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDateSchema = /* @__PURE__ */ z
  .string()
  .refine(
    (s) => {
      const m = DATE_RE.exec(s);
      return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { message: 'must be a calendar date YYYY-MM-DD' },
  )
  .brand<'IsoDate'>();
/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A wall-clock time `HH:mm`, 00:00 to 23:59, plus `24:00` for the end of a day. */
export const WallTimeSchema = /* @__PURE__ */ z
  .string()
  .regex(WALL_RE, { message: 'must be a wall time HH:mm from 00:00 to 24:00' })
  .brand<'WallTime'>();
/** A wall-clock time `HH:mm`. */
export type WallTime = z.infer<typeof WallTimeSchema>;

/** An instant as ISO 8601 with an explicit offset, such as `2026-11-02T09:00:00-05:00`. */
export const IsoInstantSchema = /* @__PURE__ */ z
  .string()
  .refine((s) => parseInstantMs(s) !== undefined, {
    message: 'must be an ISO 8601 instant with an offset, such as 2026-11-02T09:00:00-05:00',
  })
  .brand<'IsoInstant'>();
/** An instant as ISO 8601 with an explicit offset. */
export type IsoInstant = z.infer<typeof IsoInstantSchema>;

/** A half-open range of calendar dates `[from, to)` is awkward for people: this one is inclusive. */
export interface DateRange {
  /** First day, inclusive. */
  readonly from: IsoDate;
  /** Last day, inclusive. */
  readonly to: IsoDate;
}

/** Errors of the time helpers. */
export type TimeError = DomainError<
  'time.invalid-zone' | 'time.invalid-instant' | 'time.invalid-date' | 'time.invalid-wall-time'
>;

/** Epoch ms of an ISO instant string, or undefined when it is not one. */
const parseInstantMs = (s: string): number | undefined => {
  const m = INSTANT_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const sec = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  const zone = m[8] ?? 'Z';
  let offset = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * MINUTE;
};

/**
 * Validates an IANA zone name.
 *
 * @param name - such as `America/New_York`
 * @returns `Right(IanaZone)` or `Left` `time.invalid-zone`
 * @example
 * parseZone('America/New_York'); // Right('America/New_York')
 * parseZone('EST5EDT/Nowhere'); // Left({ code: 'time.invalid-zone', ... })
 */
export const parseZone = (name: string): Either<TimeError, IanaZone> =>
  isValidZone(name)
    ? ok(name as IanaZone)
    : err({ code: 'time.invalid-zone', message: 'zone must be an IANA time zone name' });

/**
 * Reads an ISO 8601 instant with offset into epoch milliseconds.
 *
 * @param text - such as `2026-11-02T09:00:00-05:00` or `2026-11-02T14:00:00Z`
 * @returns `Right(ms)` or `Left` `time.invalid-instant` (no offset, impossible date or time)
 * @example
 * parseInstant('2026-11-02T09:00:00-05:00'); // Right(1793628000000)
 */
export const parseInstant = (text: string): Either<TimeError, number> => {
  const ms = parseInstantMs(text);
  return ms === undefined
    ? err({ code: 'time.invalid-instant', message: 'instant must be ISO 8601 with an offset' })
    : ok(ms);
};

/**
 * Epoch milliseconds of a validated instant (total: the schema already checked it).
 *
 * @param instant - an {@link IsoInstant}
 * @returns epoch milliseconds
 * @example
 * instantToMs('2026-11-02T14:00:00Z' as IsoInstant); // 1793628000000
 */
export const instantToMs = (instant: IsoInstant): number => parseInstantMs(instant) ?? Number.NaN;

/**
 * UTC offset of a zone at an instant, in minutes.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @returns minutes east of UTC (New York in January: -300)
 * @example
 * zoneOffset(Date.UTC(2026, 0, 15), 'America/New_York' as IanaZone); // -300
 */
export const zoneOffset = (ms: number, zone: IanaZone): number => offsetMinutes(zone, ms);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall-clock reading of an instant in a zone. */
export interface WallClock {
  /** Calendar date in the zone. */
  readonly date: IsoDate;
  /** Wall time `HH:mm` in the zone (seconds dropped). */
  readonly time: WallTime;
  /** Offset in minutes at that instant. */
  readonly offsetMinutes: number;
}

/**
 * Reads an instant on the wall clock of a zone.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @returns date, `HH:mm` and offset in that zone
 * @example
 * toWallClock(Date.UTC(2026, 10, 1, 5, 30), 'America/New_York' as IanaZone);
 * // { date: '2026-11-01', time: '01:30', offsetMinutes: -240 }
 */
export const toWallClock = (ms: number, zone: IanaZone): WallClock => {
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * MINUTE);
  return {
    date: `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` as IsoDate,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` as WallTime,
    offsetMinutes: offset,
  };
};

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/**
 * Formats an instant as ISO 8601 with the offset it has in a zone.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone whose offset is written
 * @returns such as `2026-11-02T09:00:00-05:00` (milliseconds are written only when not zero)
 * @example
 * formatInstant(Date.UTC(2026, 10, 2, 14), 'America/New_York' as IanaZone); // '2026-11-02T09:00:00-05:00'
 */
export const formatInstant = (ms: number, zone: IanaZone): IsoInstant => {
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * MINUTE);
  const millis = local.getUTCMilliseconds();
  return (`${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${millis === 0 ? '' : `.${pad(millis, 3)}`}${formatOffset(offset)}`) as IsoInstant;
};

/**
 * Days since 1970-01-01 of a calendar date (no zone involved).
 *
 * @example
 * dateToDayNumber('1970-01-02' as IsoDate); // 1
 */
export const dateToDayNumber = (date: IsoDate): number =>
  Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY,
  );

/**
 * The calendar date `n` days after 1970-01-01.
 *
 * @example
 * dayNumberToDate(20_000); // '2024-10-04'
 */
export const dayNumberToDate = (day: number): IsoDate => {
  const d = new Date(day * DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` as IsoDate;
};

/**
 * Adds calendar days to a date (no zone: a calendar day is always one day).
 *
 * @param date - a calendar date
 * @param days - days to add (negative to go back)
 * @returns the date `days` later
 * @example
 * addDays('2026-02-27' as IsoDate, 2); // '2026-03-01'
 */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  dayNumberToDate(dateToDayNumber(date) + days);

/**
 * ISO weekday of a date: 1 = Monday ... 7 = Sunday.
 *
 * @example
 * isoWeekday('2026-11-23' as IsoDate); // 1 (a Monday)
 */
export const isoWeekday = (date: IsoDate): number => ((((dateToDayNumber(date) + 3) % 7) + 7) % 7) + 1;

/**
 * Whole minutes of a wall time since midnight (`24:00` is 1440).
 *
 * @example
 * wallTimeMinutes('09:30' as WallTime); // 570
 */
export const wallTimeMinutes = (time: WallTime): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Converts a wall-clock time on a date in a zone to an instant, with the DST policy of this
 * module: a time in a spring-forward gap becomes the first instant after the gap; a time in a
 * fall-back overlap becomes the earlier of its two instants. Never depends on the host zone or
 * on the date the code runs.
 *
 * @param date - calendar date in the zone
 * @param minutes - minutes since that date's midnight (0-1440; 1440 is the next midnight)
 * @param zone - IANA zone
 * @returns epoch milliseconds
 * @example
 * wallMinutesToMs('2026-03-08' as IsoDate, 150, 'America/New_York' as IanaZone);
 * // 02:30 does not exist that day: 03:00 EDT = Date.UTC(2026, 2, 8, 7)
 */
export const wallMinutesToMs = (date: IsoDate, minutes: number, zone: IanaZone): number => {
  const local = dateToDayNumber(date) * DAY + minutes * MINUTE;
  const before = offsetMinutes(zone, local - DAY);
  const after = offsetMinutes(zone, local + DAY);
  const asBefore = local - before * MINUTE;
  const asAfter = local - after * MINUTE;
  const beforeValid = offsetMinutes(zone, asBefore) === before;
  const afterValid = offsetMinutes(zone, asAfter) === after;
  if (beforeValid && afterValid) return Math.min(asBefore, asAfter);
  if (beforeValid) return asBefore;
  if (afterValid) return asAfter;
  // In the gap: both readings land on the wrong side. The transition lies between them.
  let lo = Math.min(asBefore, asAfter);
  let hi = Math.max(asBefore, asAfter);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(zone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
};

/**
 * {@link wallMinutesToMs} for an `HH:mm` wall time.
 *
 * @param date - calendar date in the zone
 * @param time - wall time `HH:mm` (`24:00` is the next midnight)
 * @param zone - IANA zone
 * @returns epoch milliseconds under the DST policy above
 * @example
 * wallTimeToMs('2026-11-01' as IsoDate, '01:30' as WallTime, 'America/New_York' as IanaZone);
 * // ambiguous: the earlier instant, 01:30 EDT = Date.UTC(2026, 10, 1, 5, 30)
 */
export const wallTimeToMs = (date: IsoDate, time: WallTime, zone: IanaZone): number =>
  wallMinutesToMs(date, wallTimeMinutes(time), zone);

/**
 * The instants a calendar day covers in a zone, `[start of day, start of next day)`: 23 hours on a
 * spring-forward day, 25 on a fall-back day. A midnight in a gap starts at the first valid instant.
 *
 * @param date - calendar date
 * @param zone - IANA zone
 * @returns a half-open interval of epoch milliseconds
 * @example
 * dayBounds('2026-03-08' as IsoDate, 'America/New_York' as IanaZone); // 23 hours long
 */
export const dayBounds = (
  date: IsoDate,
  zone: IanaZone,
): { readonly start: number; readonly end: number } => ({
  start: wallMinutesToMs(date, 0, zone),
  end: wallMinutesToMs(addDays(date, 1), 0, zone),
});

/**
 * Every date from `range.from` to `range.to`, inclusive.
 *
 * @example
 * datesIn({ from: '2026-11-23' as IsoDate, to: '2026-11-25' as IsoDate }); // 3 dates
 */
export const datesIn = (range: DateRange): readonly IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = dateToDayNumber(range.from); d <= dateToDayNumber(range.to); d++) out.push(dayNumberToDate(d));
  return out;
};
