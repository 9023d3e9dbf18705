/**
 * Time zones: IANA zones and the conversion between wall-clock time in a zone and instants, under one DST policy (DESIGN.md rule 4):
 *
 * - a wall time that does not exist (spring-forward gap) resolves to the first valid instant after
 *   the gap: 02:30 on 2026-03-08 in New York is 03:00 EDT. (iCalendar engines instead shift by the
 *   gap's length, RFC 5545 errata 4271, giving 03:30.)
 * - an ambiguous wall time (fall-back overlap) is the earlier instant: 01:30 on 2026-11-01 in New
 *   York is 01:30 EDT (-04:00).
 *
 * Inside the library instants are epoch milliseconds. No function here reads the clock.
 */
import * as z from 'zod/mini';
import { isValidZone, offsetMinutes } from '../internal/zone.js';
import { civilDate } from '../internal/civil.js';
import {
  addDays,
  dateToDayNumber,
  parseIsoDate,
  parseWallTime,
  dayNumberToDate,
  wallTimeMinutes,
  type IsoDate,
  type IsoInstant,
  type TimeError,
  type WallTime,
} from './calendar.js';
import { err, ok, type Either } from './result.js';
import { valueOrThrow } from './literal.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Day numbers of 0000-01-01 and 9999-12-31: the years written with four digits. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** The ECMAScript time range: instants a Date can hold, ±100,000,000 days around 1970. */
const MAX_MS = 8.64e15;

/**
 * A value outside a core function's domain reached it (a cast, NaN from arithmetic on an unchecked
 * number): a programmer error, thrown at once with a code, as the literal constructors do, rather
 * than written out as text that looks like a time. Outside data goes through the `parseX`
 * functions first.
 */
const outOfDomain = (code: TimeError['code']): never => {
  throw new RangeError(`${code}: takes validated values only (parse outside values first)`);
};

/** True for a finite epoch ms a Date can hold. */
const isEpochMs = (ms: number): boolean => ms >= -MAX_MS && ms <= MAX_MS;

/** An IANA time zone name known to the runtime, such as `America/New_York`. */
export const IanaZoneSchema = /* @__PURE__ */ z
  .string()
  .check(z.refine(isValidZone, { message: 'must be an IANA time zone name such as America/New_York' }))
  .brand<'IanaZone'>();

/** An IANA time zone name known to the runtime, such as `America/New_York`. */
export type IanaZone = z.infer<typeof IanaZoneSchema>;

/**
 * Validates an IANA zone name: the parser for zones from outside.
 *
 * @param name - such as `America/New_York` (anything: a non-string is refused too)
 * @returns `Right(IanaZone)` or `Left` `time.invalid-zone`
 * @example
 * parseZone('America/New_York'); // Right('America/New_York')
 * parseZone('EST5EDT/Nowhere'); // Left({ code: 'time.invalid-zone', ... })
 */
export const parseZone = (name: unknown): Either<TimeError, IanaZone> =>
  typeof name === 'string' && isValidZone(name)
    ? ok(name as IanaZone)
    : err({ code: 'time.invalid-zone', message: 'zone must be an IANA time zone name' });

/**
 * An `IanaZone` literal, for constants, tests and examples; zones from outside go through
 * {@link parseZone}.
 *
 * @param name - an IANA time zone name known to the runtime
 * @returns the name as an `IanaZone`
 * @throws RangeError `time.invalid-zone` when the runtime does not know it
 * @example
 * const ny = zone('America/New_York');
 */
export const zone = (name: string): IanaZone => valueOrThrow(parseZone(name));

/**
 * UTC offset of a zone at an instant, in minutes.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @returns minutes east of UTC (New York in January: -300)
 * @example
 * zoneOffset(Date.UTC(2026, 0, 15), zone('America/New_York')); // -300
 */
export const zoneOffset = (ms: number, zone: IanaZone): number => offsetMinutes(zone, ms);

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
 * Takes validated values only: `ms` a finite epoch millisecond count within the ECMAScript range
 * (±8.64e15, what `parseInstant` and `instantToMs` give) and a zone from {@link parseZone}.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @returns date, `HH:mm` and offset in that zone
 * @throws RangeError `time.invalid-instant` for NaN, an infinity or a value beyond the range, and
 *   `time.invalid-zone` for a zone the runtime does not know (only reachable through a cast),
 *   never a wall clock of NUL characters
 * @example
 * toWallClock(Date.UTC(2026, 10, 1, 5, 30), zone('America/New_York'));
 * // { date: '2026-11-01', time: '01:30', offsetMinutes: -240 }
 */
export const toWallClock = (ms: number, zone: IanaZone): WallClock => {
  if (!isEpochMs(ms)) outOfDomain('time.invalid-instant');
  const offset = offsetMinutes(zone, ms);
  if (Number.isNaN(offset)) outOfDomain('time.invalid-zone');
  const local = ms + offset * MINUTE;
  const day = Math.floor(local / DAY);
  const minute = Math.floor((local - day * DAY) / MINUTE);
  const h = Math.floor(minute / 60);
  const mi = minute % 60;
  return {
    date: dayNumberToDate(day),
    time: String.fromCharCode(
      48 + Math.floor(h / 10),
      48 + (h % 10),
      58,
      48 + Math.floor(mi / 10),
      48 + (mi % 10),
    ) as WallTime,
    offsetMinutes: offset,
  };
};

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

// The day formatInstant wrote last, and its date packed by civilDate.
let writtenDay = Number.NaN;
let writtenYmd = 0;

/**
 * Formats an instant as ISO 8601 with the offset it has in a zone.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone whose offset is written
 * @returns such as `2026-11-02T09:00:00-05:00` (milliseconds are written only when not zero; a year
 *   outside 0-9999 is written with a sign and six digits, `+010000-01-01T00:00:00+00:00`; an offset
 *   with seconds, local mean time before standard time, is rounded to the minute)
 * @throws RangeError `time.invalid-instant` for NaN, an infinity or a value beyond ±8.64e15 (the
 *   ECMAScript time range), and `time.invalid-zone` for a zone the runtime does not know (only
 *   reachable through a cast): this function takes validated values, such as `instantToMs` gives
 * @example
 * formatInstant(Date.UTC(2026, 10, 2, 14), zone('America/New_York')); // '2026-11-02T09:00:00-05:00'
 */
export const formatInstant = (ms: number, zone: IanaZone): IsoInstant => {
  // ISO 8601 offsets have no seconds: a local-mean-time offset such as Kolkata's +05:21:10 before
  // 1906 is written to the minute, with the wall time read at that offset (the same instant).
  const offset = Math.round(offsetMinutes(zone, ms));
  const local = ms + offset * MINUTE;
  const day = Math.floor(local / DAY);
  // Years 0-9999 and whole milliseconds: character codes into one flat string (about ten times
  // faster than the native writer and a chain of concatenations, and lighter to keep: a worklist
  // or a slot list writes hundreds of thousands of instants).
  if (day >= FIRST_DAY && day <= LAST_DAY && Number.isInteger(ms)) {
    const inDay = local - day * DAY;
    const secs = Math.floor(inDay / 1000);
    const millis = inDay - secs * 1000;
    // Instants are mostly written in order, many to a day: the date of the last day is kept.
    // Stryker disable next-line ConditionalExpression: a memo; working the date out every time gives the same text
    if (day !== writtenDay) {
      writtenDay = day;
      writtenYmd = civilDate(day);
    }
    const ymd = writtenYmd;
    const y = Math.floor(ymd / 10_000);
    const mo = Math.floor(ymd / 100) % 100;
    const d = ymd % 100;
    const h = Math.floor(secs / 3600);
    const mi = Math.floor(secs / 60) % 60;
    const sec = secs % 60;
    const abs = Math.abs(offset);
    const oh = Math.floor(abs / 60);
    const om = abs % 60;
    const sign = offset < 0 ? 45 : 43;
    // YYYY-MM-DDTHH:mm:ss±hh:mm as arguments (a spread array costs twice as much on this hot
    // path, and dayNumberToDate's text joined to the rest half as much again, so the date
    // digits are spelled out here as there); milliseconds, rare in scheduling data, come after.
    const text = String.fromCharCode(
      48 + Math.floor(y / 1000),
      48 + (Math.floor(y / 100) % 10),
      48 + (Math.floor(y / 10) % 10),
      48 + (y % 10),
      45,
      48 + Math.floor(mo / 10),
      48 + (mo % 10),
      45,
      48 + Math.floor(d / 10),
      48 + (d % 10),
      84,
      48 + Math.floor(h / 10),
      48 + (h % 10),
      58,
      48 + Math.floor(mi / 10),
      48 + (mi % 10),
      58,
      48 + Math.floor(sec / 10),
      48 + (sec % 10),
      sign,
      48 + Math.floor(oh / 10),
      48 + (oh % 10),
      58,
      48 + Math.floor(om / 10),
      48 + (om % 10),
    );
    return (millis === 0 ? text : `${text.slice(0, 19)}.${pad(millis, 3)}${text.slice(19)}`) as IsoInstant;
  }
  // Otherwise the native ISO text of the shifted instant with the zone's offset in place of `Z` (and of `.000`
  // when the milliseconds are zero). Years outside 0-9999 come out expanded, `+010000` or
  // `-000001` (ECMAScript Date Time String Format), three characters longer.
  if (!isEpochMs(ms)) outOfDomain('time.invalid-instant');
  if (Number.isNaN(offset)) outOfDomain('time.invalid-zone');
  const iso = new Date(local).toISOString();
  return `${iso.slice(0, iso.length - (ms % 1000 === 0 ? 5 : 1))}${offsetSuffix(offset)}` as IsoInstant;
};

const suffixes = new Map<number, string>();
const offsetSuffix = (minutes: number): string => {
  let s = suffixes.get(minutes);
  // Stryker disable next-line ConditionalExpression: a memo; recomputing the suffix every time gives the same text
  if (s === undefined) {
    s = formatOffset(minutes);
    suffixes.set(minutes, s);
  }
  return s;
};

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
 * wallMinutesToMs(isoDate('2026-03-08'), 150, zone('America/New_York'));
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
  // Stryker disable next-line ConditionalExpression: both readings are valid in an overlap (the offset fell, so asBefore is earlier) or with no change (equal), and the next line returns asBefore; the other order needs two transitions within one hour
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
 * Converts a wall-clock time `HH:mm` on a date in a zone to an instant, with the DST policy of
 * this module: a time in a spring-forward gap becomes the first instant after the gap; a time in a
 * fall-back overlap becomes the earlier of its two instants. Never depends on the host zone or on
 * the date the code runs.
 *
 * Takes validated values only (from {@link parseIsoDate}, {@link parseWallTime} and
 * {@link parseZone}, or the literal constructors); for those it always returns a finite instant.
 * A value that is not one, reachable only through a cast, throws instead of returning `null` or
 * rolling `2026-02-30 25:99` over into March.
 *
 * @param date - calendar date in the zone
 * @param time - wall time `HH:mm` (`24:00` is the next midnight)
 * @param zone - IANA zone
 * @returns epoch milliseconds under the DST policy above
 * @throws RangeError `time.invalid-date`, `time.invalid-wall-time` or `time.invalid-zone` for a
 *   value that is not a validated one
 * @example
 * wallTimeToMs(isoDate('2026-11-01'), wallTime('01:30'), zone('America/New_York'));
 * // ambiguous: the earlier instant, 01:30 EDT = Date.UTC(2026, 10, 1, 5, 30)
 */
export const wallTimeToMs = (date: IsoDate, time: WallTime, zone: IanaZone): number => {
  if (parseIsoDate(date)._tag === 'Left') outOfDomain('time.invalid-date');
  if (parseWallTime(time)._tag === 'Left') outOfDomain('time.invalid-wall-time');
  if (!isValidZone(zone)) outOfDomain('time.invalid-zone');
  return wallMinutesToMs(date, wallTimeMinutes(time), zone);
};

/**
 * The instants a calendar day covers in a zone, `[start of day, start of next day)`: 23 hours on a
 * spring-forward day, 25 on a fall-back day. A midnight in a gap starts at the first valid instant.
 *
 * @param date - calendar date
 * @param zone - IANA zone
 * @returns a half-open interval of epoch milliseconds
 * @example
 * dayBounds(isoDate('2026-03-08'), zone('America/New_York')); // 23 hours long
 */
export const dayBounds = (
  date: IsoDate,
  zone: IanaZone,
): { readonly start: number; readonly end: number } => ({
  start: wallMinutesToMs(date, 0, zone),
  end: wallMinutesToMs(addDays(date, 1), 0, zone),
});
