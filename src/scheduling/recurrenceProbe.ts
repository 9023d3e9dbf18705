/**
 * Whether a recurrence rule ever occurs. rrule's iterator filters candidate dates before it
 * compares them with UNTIL, COUNT or the end of a `between` range, so a rule whose BYxxx parts
 * can never all hold (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`, `FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6`)
 * makes it walk every date up to the year 9999: minutes of work for one template. Such a rule is
 * refused before rrule sees it. The check walks the 28 years from DTSTART (a whole cycle of
 * weekdays and leap years within a century) date by date, with the rule's INTERVAL phase and every
 * BYxxx part read as a test of the date, and BYSETPOS against the count of matches per period.
 */
import { dayNumberToDate, dayNumberWeekday } from '../core/calendar.js';

const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;
/** 28 Gregorian years of days: weekdays and leap years line up again within a century. */
const PROBE_DAYS = 10_227;

/** The rule's parts as the probe reads them: plain numbers, weekdays Monday = 0. */
export interface ProbeRule {
  readonly freq: number;
  readonly interval: number;
  readonly dtstart: number;
  readonly wkst: number;
  readonly bymonth: readonly number[];
  readonly bymonthday: readonly number[];
  readonly byyearday: readonly number[];
  readonly byweekno: readonly number[];
  /** Weekday and ordinal (0 = every such weekday of the period). */
  readonly byday: readonly { readonly weekday: number; readonly n: number }[];
  readonly bysetpos: readonly number[];
}

/** Monday = 0 ... Sunday = 6, like rrule's weekday numbers. */
const weekdayOf = (day: number): number => dayNumberWeekday(day) - 1;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

/** Week number of a date in its year (RFC 5545: week 1 has at least four days of the year). */
const weekNumber = (day: number, doy: number, yearLength: number, wkst: number): number[] => {
  const weekStart = day - ((weekdayOf(day) - wkst + 7) % 7);
  const firstOfYear = day - doy + 1;
  // Week 1 starts on the WKST on or before January 4th.
  const jan4 = firstOfYear + 3;
  const week1 = jan4 - ((weekdayOf(jan4) - wkst + 7) % 7);
  const nextJan4 = firstOfYear + yearLength + 3;
  const nextWeek1 = nextJan4 - ((weekdayOf(nextJan4) - wkst + 7) % 7);
  if (weekStart >= nextWeek1) return [1, -53];
  if (weekStart < week1) return [53, -1];
  const n = (weekStart - week1) / 7 + 1;
  const weeks = (nextWeek1 - week1) / 7;
  return [n, n - weeks - 1];
};

/**
 * Whether the rule has an occurrence in the 28 years from its DTSTART.
 *
 * @param r - the rule's parts
 * @returns true when some date of the probe matches
 * @example
 * everOccurs({ freq: 3, interval: 1, dtstart: 20_454, wkst: 0, bymonth: [2], bymonthday: [30], byyearday: [], byweekno: [], byday: [], bysetpos: [] }); // false
 */
export const everOccurs = (r: ProbeRule): boolean => {
  const counts = new Map<number, number>();
  const start = dayNumberToDate(r.dtstart);
  const y0 = Number(start.slice(0, 4));
  const m0 = y0 * 12 + Number(start.slice(5, 7)) - 1;
  const week0 = r.dtstart - ((weekdayOf(r.dtstart) - r.wkst + 7) % 7);
  let y = y0;
  let m = Number(start.slice(5, 7));
  let dom = Number(start.slice(8, 10));
  let doy = Math.round((Date.UTC(y, m - 1, dom) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  for (let day = r.dtstart; day < r.dtstart + PROBE_DAYS; day++) {
    const dim = monthLength(y, m);
    const diy = isLeap(y) ? 366 : 365;
    const weekStart = day - ((weekdayOf(day) - r.wkst + 7) % 7);
    const period =
      r.freq === DAILY
        ? day - r.dtstart
        : r.freq === WEEKLY
          ? (weekStart - week0) / 7
          : r.freq === MONTHLY
            ? y * 12 + m - 1 - m0
            : y - y0;
    const wd = weekdayOf(day);
    // Ordinals count within the month (MONTHLY, or YEARLY with BYMONTH), else within the year.
    const inMonth = r.freq === MONTHLY || (r.freq === YEARLY && r.bymonth.length > 0);
    const nth = inMonth ? Math.ceil(dom / 7) : Math.ceil(doy / 7);
    const nthLast = -(inMonth ? Math.ceil((dim - dom + 1) / 7) : Math.ceil((diy - doy + 1) / 7));
    const matches =
      period % r.interval === 0 &&
      (r.bymonth.length === 0 || r.bymonth.includes(m)) &&
      (r.bymonthday.length === 0 || r.bymonthday.some((d) => d === dom || d === dom - dim - 1)) &&
      (r.byyearday.length === 0 || r.byyearday.some((d) => d === doy || d === doy - diy - 1)) &&
      (r.byweekno.length === 0 || weekNumber(day, doy, diy, r.wkst).some((w) => r.byweekno.includes(w))) &&
      (r.byday.length === 0 ||
        r.byday.some((b) => b.weekday === wd && (b.n === 0 || b.n === nth || b.n === nthLast)));
    if (matches) {
      if (r.bysetpos.length === 0) return true;
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
    // Next date.
    doy++;
    if (++dom > dim) {
      dom = 1;
      if (++m > 12) {
        m = 1;
        y++;
        doy = 1;
      }
    }
  }
  for (const c of counts.values()) if (r.bysetpos.some((p) => (p > 0 ? p <= c : -p <= c))) return true;
  return false;
};
