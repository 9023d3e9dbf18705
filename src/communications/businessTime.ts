/**
 * Business time of a practice: open days and hours in its zone, holidays with the federal
 * observance rule (a holiday on a Saturday is observed on the Friday before, on a Sunday on the
 * Monday after: 5 U.S.C. 6103(b); July 4, 2026 is a Saturday, so Friday July 3 is closed), and
 * callback deadlines counted in it.
 */
import * as z from 'zod/mini';
import {
  addDays,
  dateToDayNumber,
  dayNumberToDate,
  isoWeekday,
  IsoDateSchema,
  WallTimeSchema,
  wallTimeMinutes,
} from '../core/calendar.js';
import { IanaZoneSchema, wallMinutesToMs, type IanaZone } from '../core/time.js';
import { localDayMinute } from './sendingWindow.js';

/**
 * A practice's business calendar. Defaults: Monday to Friday, 08:00-17:00, no holidays, weekend
 * holidays observed on the nearest weekday, routine messages before 12:00 answered the same day.
 */
export const BusinessCalendarSchema = /* @__PURE__ */ z.object({
  zone: IanaZoneSchema,
  open: z.optional(WallTimeSchema),
  close: z.optional(WallTimeSchema),
  /** ISO weekdays open (1 = Monday ... 7 = Sunday). */
  weekdays: z.optional(z.array(z.int().check(z.gte(1), z.lte(7))).check(z.maxLength(7))),
  /** Holiday dates as they fall; `observeWeekendHolidays` moves Saturday ones to Friday, Sunday ones to Monday. */
  holidays: z.optional(z.array(IsoDateSchema).check(z.maxLength(1000))),
  observeWeekendHolidays: z.optional(z.boolean()),
  /** A routine message received before this time is due the same business day. */
  cutoff: z.optional(WallTimeSchema),
});
/** A practice's business calendar. */
export interface BusinessCalendar extends z.infer<typeof BusinessCalendarSchema> {}

/** Business days searched before giving up (a calendar with no open day). */
const SEARCH_DAYS = 3660;
const MINUTE = 60_000;
const DEFAULT_OPEN = 8 * 60;
const DEFAULT_CLOSE = 17 * 60;
const DEFAULT_CUTOFF = 12 * 60;

/** A calendar with its defaults applied, ready to count in. */
export interface BusinessClock {
  readonly zone: IanaZone;
  readonly open: number;
  readonly close: number;
  readonly cutoff: number;
  readonly isBusinessDay: (day: number) => boolean;
}

/**
 * Applies a calendar's defaults.
 *
 * @param calendar - the practice's calendar
 * @returns a clock to count business time with
 * @example
 * businessClock({ zone: zone('America/New_York') }).open; // 480
 */
export const businessClock = (calendar: BusinessCalendar): BusinessClock => {
  const weekdays = new Set(calendar.weekdays ?? [1, 2, 3, 4, 5]);
  const closed = new Set<number>();
  for (const h of calendar.holidays ?? []) {
    const wd = isoWeekday(h);
    const observed =
      calendar.observeWeekendHolidays === false
        ? h
        : wd === 6
          ? addDays(h, -1)
          : wd === 7
            ? addDays(h, 1)
            : h;
    closed.add(dateToDayNumber(observed));
  }
  return {
    zone: calendar.zone,
    open: calendar.open === undefined ? DEFAULT_OPEN : wallTimeMinutes(calendar.open),
    close: calendar.close === undefined ? DEFAULT_CLOSE : wallTimeMinutes(calendar.close),
    cutoff: calendar.cutoff === undefined ? DEFAULT_CUTOFF : wallTimeMinutes(calendar.cutoff),
    isBusinessDay: (day) => weekdays.has(isoWeekday(dayNumberToDate(day))) && !closed.has(day),
  };
};

const at = (clock: BusinessClock, day: number, minute: number): number =>
  wallMinutesToMs(dayNumberToDate(day), minute, clock.zone);

/**
 * Whether the practice is open at an instant.
 *
 * @param clock - the business clock
 * @param ms - epoch milliseconds
 * @returns true on a business day between opening (included) and closing (excluded)
 * @example
 * isOpen(businessClock({ zone: zone('America/New_York') }), Date.UTC(2026, 10, 23, 14)); // true (Monday 09:00 EST)
 */
export const isOpen = (clock: BusinessClock, ms: number): boolean => {
  const { day, minute } = localDayMinute(ms, clock.zone);
  return clock.isBusinessDay(day) && minute >= clock.open && minute < clock.close;
};

/** The first business day on or after `day`, or undefined when none is open within ten years. */
const nextBusinessDay = (clock: BusinessClock, day: number): number | undefined => {
  for (let d = day; d < day + SEARCH_DAYS; d++) if (clock.isBusinessDay(d)) return d;
  return undefined;
};

/** The business day a message counts from, and whether it came before the cutoff of that day. */
const firstBusinessDay = (
  clock: BusinessClock,
  ms: number,
): { readonly day: number; readonly beforeCutoff: boolean } | undefined => {
  const { day, minute } = localDayMinute(ms, clock.zone);
  if (clock.isBusinessDay(day) && minute < clock.close) return { day, beforeCutoff: minute < clock.cutoff };
  const next = nextBusinessDay(clock, day + 1);
  return next === undefined ? undefined : { day: next, beforeCutoff: true };
};

/**
 * The close of business on the `n`-th business day counting the receipt's (day 1 is the day it is
 * received if that is a business day before closing, else the next business day).
 *
 * @param clock - the business clock
 * @param ms - when the message came in
 * @param n - business days allowed (1 = the same business day)
 * @returns epoch milliseconds of that day's close, or undefined with no open day
 * @example
 * closeOfBusinessDay(businessClock({ zone: zone('America/New_York') }), Date.UTC(2026, 6, 2, 19), 1); // Thu Jul 2 17:00 EDT
 */
export const closeOfBusinessDay = (clock: BusinessClock, ms: number, n: number): number | undefined => {
  const first = firstBusinessDay(clock, ms);
  if (first === undefined) return undefined;
  let day = first.day;
  for (let k = 1; k < n; k++) {
    const next = nextBusinessDay(clock, day + 1);
    if (next === undefined) return undefined;
    day = next;
  }
  return at(clock, day, clock.close);
};

/**
 * "Same day" for a routine message: the close of the receipt's business day when it came before the
 * cutoff, else the close of the next business day.
 *
 * @param clock - the business clock
 * @param ms - when the message came in
 * @returns epoch milliseconds, or undefined with no open day
 * @example
 * sameDayDeadline(businessClock({ zone: zone('America/New_York') }), Date.UTC(2026, 6, 2, 14)); // Thu Jul 2 17:00 EDT
 */
export const sameDayDeadline = (clock: BusinessClock, ms: number): number | undefined => {
  const first = firstBusinessDay(clock, ms);
  if (first === undefined) return undefined;
  if (first.beforeCutoff) return at(clock, first.day, clock.close);
  const next = nextBusinessDay(clock, first.day + 1);
  return next === undefined ? undefined : at(clock, next, clock.close);
};

/**
 * Adds business minutes: time counts only while the practice is open.
 *
 * @param clock - the business clock
 * @param ms - the start
 * @param minutes - business minutes to add
 * @returns epoch milliseconds, or undefined with no open day
 * @example
 * addBusinessMinutes(businessClock({ zone: zone('America/New_York') }), Date.UTC(2026, 6, 2, 20, 30), 60); // Fri Jul 3 09:00 EDT
 */
export const addBusinessMinutes = (clock: BusinessClock, ms: number, minutes: number): number | undefined => {
  let left = minutes;
  let t = ms;
  for (let k = 0; k < SEARCH_DAYS; k++) {
    const { day, minute } = localDayMinute(t, clock.zone);
    if (clock.isBusinessDay(day) && minute < clock.close) {
      const from = Math.max(minute, clock.open);
      const available = clock.close - from;
      if (left <= available) return Math.round(at(clock, day, from) + left * MINUTE);
      left -= available;
    }
    t = at(clock, day + 1, 0);
  }
  return undefined;
};
