/**
 * Calendar values without time zones: ISO 8601 dates, wall times and instants with offsets, and
 * calendar arithmetic. Kept apart from `time.ts` (zones, DST) so that code needing only dates,
 * such as the records validators, never loads the zone machinery and luxon.
 */
import * as z from 'zod/mini';
import type { DomainError } from './errors.js';
import { err, ok, type Either } from './result.js';
import { civilDate, civilDay } from '../internal/civil.js';
import { valueOrThrow } from './literal.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const WALL_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

// Any number of fractional-second digits (HAPI writes microseconds: `12:15:32.685435-04:00`);
// the instant keeps milliseconds, so digits after the third are dropped (truncated, not rounded).
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

const validYmd = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

const isCalendarDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDateSchema = /* @__PURE__ */ z
  .string()
  .check(z.refine(isCalendarDate, { message: 'must be a calendar date YYYY-MM-DD' }))
  .brand<'IsoDate'>();

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A wall-clock time `HH:mm`, 00:00 to 23:59, plus `24:00` for the end of a day. */
export const WallTimeSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(WALL_RE, { message: 'must be a wall time HH:mm from 00:00 to 24:00' }))
  .brand<'WallTime'>();

/** A wall-clock time `HH:mm`. */
export type WallTime = z.infer<typeof WallTimeSchema>;

/** An instant as ISO 8601 with an explicit offset, such as `2026-11-02T09:00:00-05:00`. */
export const IsoInstantSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.refine((s) => parseInstantMs(s) !== undefined, {
      message: 'must be an ISO 8601 instant with an offset, such as 2026-11-02T09:00:00-05:00',
    }),
  )
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
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  const zone = m[8] as string; // the pattern always captures `Z` or `±hh:mm`
  let offset = 0;
  // Stryker disable next-line ConditionalExpression,StringLiteral: for `Z` the slices below read 0 hours 0 minutes, so dropping the test cannot change the result
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return civilDay(y, mo, d) * DAY + ((h * 60 + mi - offset) * 60 + sec) * 1000 + ms;
};

/**
 * Reads an ISO 8601 instant with offset into epoch milliseconds. Seconds may carry any number of
 * fractional digits (`12:15:32.685435-04:00`, as HAPI writes them): milliseconds are kept, the
 * digits after the third are truncated.
 *
 * @param text - such as `2026-11-02T09:00:00-05:00` or `2026-11-02T14:00:00Z`
 * @returns `Right(ms)` or `Left` `time.invalid-instant` (no offset, impossible date or time)
 * @example
 * parseInstant('2026-11-02T09:00:00-05:00'); // Right(1793628000000)
 */
export const parseInstant = (text: unknown): Either<TimeError, number> => {
  const ms = typeof text === 'string' ? parseInstantMs(text) : undefined;
  return ms === undefined
    ? err({ code: 'time.invalid-instant', message: 'instant must be ISO 8601 with an offset' })
    : ok(ms);
};

/**
 * Checks a calendar date `YYYY-MM-DD` exists: the parser for dates from outside.
 *
 * @param text - such as `2026-11-23` (anything: a non-string is refused too)
 * @returns `Right(IsoDate)` or `Left` `time.invalid-date` (another shape, or a day such as
 *   2026-02-30 that does not exist)
 * @example
 * parseIsoDate('2026-11-23'); // Right('2026-11-23')
 * parseIsoDate('2026-02-30'); // Left({ code: 'time.invalid-date', ... })
 */
export const parseIsoDate = (text: unknown): Either<TimeError, IsoDate> =>
  typeof text === 'string' && isCalendarDate(text)
    ? ok(text as IsoDate)
    : err({ code: 'time.invalid-date', message: 'date must be a calendar date YYYY-MM-DD' });

/**
 * An `IsoDate` literal, for constants, tests and examples; dates from outside go through
 * {@link parseIsoDate}.
 *
 * @param text - a calendar date `YYYY-MM-DD` that exists
 * @returns the date as an `IsoDate`
 * @throws RangeError `time.invalid-date` when it is not one
 * @example
 * const monday = isoDate('2026-11-23');
 */
export const isoDate = (text: string): IsoDate => valueOrThrow(parseIsoDate(text));

/**
 * Checks a wall-clock time `HH:mm` (00:00 to 23:59, or 24:00 for the end of a day): the parser for
 * times from outside.
 *
 * @param text - such as `09:30` (anything: a non-string is refused too)
 * @returns `Right(WallTime)` or `Left` `time.invalid-wall-time`
 * @example
 * parseWallTime('09:30'); // Right('09:30')
 * parseWallTime('9:30'); // Left({ code: 'time.invalid-wall-time', ... })
 */
export const parseWallTime = (text: unknown): Either<TimeError, WallTime> =>
  typeof text === 'string' && WALL_RE.test(text)
    ? ok(text as WallTime)
    : err({ code: 'time.invalid-wall-time', message: 'wall time must be HH:mm from 00:00 to 24:00' });

/**
 * A `WallTime` literal, for constants, tests and examples; times from outside go through
 * {@link parseWallTime}.
 *
 * @param text - `HH:mm`, 00:00 to 24:00
 * @returns the time as a `WallTime`
 * @throws RangeError `time.invalid-wall-time` when it is not one
 * @example
 * const opens = wallTime('08:00');
 */
export const wallTime = (text: string): WallTime => valueOrThrow(parseWallTime(text));

/**
 * Checks an ISO 8601 instant with an offset: the parser for instants from outside. The text is kept
 * as written (its offset tells the wall clock it was written on); {@link parseInstant} reads the
 * epoch milliseconds instead.
 *
 * @param text - such as `2026-11-23T09:00:00-05:00` (anything: a non-string is refused too)
 * @returns `Right(IsoInstant)` or `Left` `time.invalid-instant` (no offset, impossible date or time)
 * @example
 * parseIsoInstant('2026-11-23T09:00:00-05:00'); // Right('2026-11-23T09:00:00-05:00')
 * parseIsoInstant('2026-11-23T09:00:00'); // Left({ code: 'time.invalid-instant', ... }): no offset
 */
export const parseIsoInstant = (text: unknown): Either<TimeError, IsoInstant> =>
  typeof text === 'string' && parseInstantMs(text) !== undefined
    ? ok(text as IsoInstant)
    : err({ code: 'time.invalid-instant', message: 'instant must be ISO 8601 with an offset' });

/**
 * An `IsoInstant` literal, for constants, tests and examples; instants from outside go through
 * {@link parseIsoInstant}.
 *
 * @param text - ISO 8601 with an offset, such as `2026-11-23T09:00:00-05:00`
 * @returns the instant as an `IsoInstant`
 * @throws RangeError `time.invalid-instant` when it is not one
 * @example
 * const now = isoInstant('2026-11-23T08:45:00-05:00');
 */
export const isoInstant = (text: string): IsoInstant => valueOrThrow(parseIsoInstant(text));

/**
 * Epoch milliseconds of a validated instant (total: the schema already checked it).
 *
 * @param instant - an {@link IsoInstant}
 * @returns epoch milliseconds
 * @example
 * instantToMs(isoInstant('2026-11-02T14:00:00Z')); // 1793628000000
 */
export const instantToMs = (instant: IsoInstant): number => {
  // Hot path: the common shapes, `YYYY-MM-DDTHH:mm:ssZ` and `...±hh:mm`, each also with the `.sss`
  // milliseconds JavaScript's toISOString writes, read by character codes (the schema already
  // validated them); anything else through the full parser.
  const frac = instant.charCodeAt(19) === 46 ? 4 : 0;
  const n = instant.length - frac;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the length checks only choose the fast path; both paths give the same ms for every valid instant (tests/core/calendar.test.ts checks each shape)
  if ((n !== 20 && n !== 25) || instant.charCodeAt(10) !== 84 || instant.charCodeAt(16) !== 58)
    return parseInstantMs(instant) ?? Number.NaN;
  const utc =
    civilDay(digits(instant, 0, 4), digits(instant, 5, 2), digits(instant, 8, 2)) * DAY +
    ((digits(instant, 11, 2) * 60 + digits(instant, 14, 2)) * 60 + digits(instant, 17, 2)) * 1000 +
    (frac === 0 ? 0 : digits(instant, 20, 3));
  if (n === 20) return utc;
  const offset = (digits(instant, 20 + frac, 2) * 60 + digits(instant, 23 + frac, 2)) * MINUTE;
  return instant.charCodeAt(19 + frac) === 45 ? utc + offset : utc - offset;
};

const digits = (s: string, from: number, count: number): number => {
  let v = 0;
  for (let i = from; i < from + count; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Days since 1970-01-01 of a calendar date (no zone involved).
 *
 * @example
 * dateToDayNumber(isoDate('1970-01-02')); // 1
 */
export const dateToDayNumber = (date: IsoDate): number =>
  civilDay(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2));

/**
 * The calendar date `n` days after 1970-01-01. A year outside 0-9999 is written as an ECMAScript
 * expanded year, a sign and six digits (`+010000-01-01`, `-000001-12-31`), as `formatInstant` does.
 *
 * @example
 * dayNumberToDate(20_000); // '2024-10-04'
 */
export const dayNumberToDate = (day: number): IsoDate => {
  const p = civilDate(day);
  const y = Math.floor(p / 10_000);
  const m = Math.floor((p - y * 10_000) / 100);
  const d = p - y * 10_000 - m * 100;
  // Years outside 0-9999 in the expanded form (ECMAScript Date Time String Format): -000001, +010000.
  if (y < 0 || y > 9999) return `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}-${pad(m)}-${pad(d)}` as IsoDate;
  return String.fromCharCode(
    48 + Math.floor(y / 1000),
    48 + (Math.floor(y / 100) % 10),
    48 + (Math.floor(y / 10) % 10),
    48 + (y % 10),
    45,
    48 + Math.floor(m / 10),
    48 + (m % 10),
    45,
    48 + Math.floor(d / 10),
    48 + (d % 10),
  ) as IsoDate;
};

/**
 * Adds calendar days to a date (no zone: a calendar day is always one day).
 *
 * @param date - a calendar date
 * @param days - days to add (negative to go back)
 * @returns the date `days` later
 * @example
 * addDays(isoDate('2026-02-27'), 2); // '2026-03-01'
 */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  dayNumberToDate(dateToDayNumber(date) + days);

/**
 * Adds calendar months, keeping the day of month and clamping it to the last day of a shorter
 * month (2027-01-31 plus one month is 2027-02-28). Monthly series should add `k` months to their
 * first date rather than one month to the previous one, so a clamped month does not shift the rest
 * (Jan 31, Feb 28, Mar 31).
 *
 * @param date - a calendar date
 * @param months - months to add (negative to go back)
 * @returns the date `months` later, clamped to the month's end
 * @example
 * addMonths(isoDate('2027-01-31'), 1); // '2027-02-28'
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const index = digits(date, 0, 4) * 12 + digits(date, 5, 2) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumberToDate(civilDay(year, month, Math.min(digits(date, 8, 2), daysInMonth(year, month))));
};

/**
 * ISO weekday of a day number (days since 1970-01-01): 1 = Monday ... 7 = Sunday. The one place
 * the weekday is computed; code that numbers Monday 0 (rrule's numbering) subtracts one.
 *
 * @param day - a day number; negative for dates before 1970
 * @returns 1 (Monday) to 7 (Sunday)
 * @example
 * dayNumberWeekday(0); // 4 (1970-01-01 was a Thursday)
 */
export const dayNumberWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/**
 * ISO weekday of a date: 1 = Monday ... 7 = Sunday.
 *
 * @example
 * isoWeekday(isoDate('2026-11-23')); // 1 (a Monday)
 */
export const isoWeekday = (date: IsoDate): number => dayNumberWeekday(dateToDayNumber(date));

/**
 * Whole minutes of a wall time since midnight (`24:00` is 1440).
 *
 * @example
 * wallTimeMinutes(wallTime('09:30')); // 570
 */
export const wallTimeMinutes = (time: WallTime): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Every date from `range.from` to `range.to`, inclusive.
 *
 * @example
 * datesIn({ from: isoDate('2026-11-23'), to: isoDate('2026-11-25') }); // 3 dates
 */
export const datesIn = (range: DateRange): readonly IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = dateToDayNumber(range.from); d <= dateToDayNumber(range.to); d++) out.push(dayNumberToDate(d));
  return out;
};
