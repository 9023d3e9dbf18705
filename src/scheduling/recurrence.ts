/**
 * Recurrence rules expanded in a floating frame: dates only, as day numbers (days since
 * 1970-01-01), with no zone; zones are applied per occurrence in availability.ts (DESIGN.md rule 5).
 *
 * Cost does not grow with the age of a rule. rrule iterates from DTSTART, so for a window far
 * from DTSTART the rule is re-based onto the first period boundary (day, week per WKST, month,
 * year) at or before the window, a whole number of INTERVALs after DTSTART: the INTERVAL phase is
 * kept, and the BYxxx defaults that rrule would take from DTSTART are fixed first so that moving
 * DTSTART does not change them. Rules with COUNT are not re-based (COUNT counts from DTSTART), so
 * their cost is bounded by COUNT. Plain DAILY/WEEKLY rules (BYDAY without ordinals), with or
 * without COUNT, are answered arithmetically without rrule at all; a property test checks both
 * paths agree. A rule left to rrule must occur at least once in the 28 years from DTSTART.
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { dateToDayNumber, dayNumberToDate, dayNumberWeekday, type IsoDate } from '../core/calendar.js';
import { RRule, type RRuleOptions } from '../internal/rrule.js';
import { everOccurs, type ProbeRule } from './recurrenceProbe.js';
import { rrulePartProblems } from './rruleParts.js';

/** Why a recurrence rule could not be read. */
export type RecurrenceError = DomainError<'recurrence.invalid-rule'>;

const DAY = 86_400_000;
const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;

/** A rule read once and ready to expand; day numbers throughout. Internal. */
export interface CompiledRule {
  readonly freq: number;
  readonly interval: number;
  readonly dtstart: number;
  readonly count: number | undefined;
  /** UNTIL from the RRULE text itself, epoch ms (RFC 5545: UTC when DTSTART is zoned). */
  readonly untilMs: number | undefined;
  /** Day-of-week mask for the arithmetic path (bit 0 = Monday), or undefined for the rrule path. */
  readonly weekMask: number | undefined;
  readonly wkst: number;
  readonly options: Partial<RRuleOptions>;
}

const invalid = (message: string): Either<RecurrenceError, never> =>
  err({ code: 'recurrence.invalid-rule', message });

/** Monday = 0 ... Sunday = 6, like rrule's weekday numbers. */
const weekdayOf = (day: number): number => dayNumberWeekday(day) - 1;

const asList = <T>(v: T | readonly T[] | null | undefined): readonly T[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

interface WeekdayLike {
  readonly weekday: number;
  readonly n?: number;
}

const weekdayNumber = (w: unknown): WeekdayLike =>
  typeof w === 'number' ? { weekday: w } : (w as WeekdayLike);

const has = (v: unknown): boolean => asList(v).length > 0;

/**
 * Reads an RRULE value once. Rejects FREQ finer than DAILY (availability recurs by date) and
 * DTSTART inside the rule (the template carries its own).
 *
 * @param rule - RRULE value, with or without the `RRULE:` prefix
 * @param dtstart - first date as a day number
 * @returns the compiled rule or `Left` `recurrence.invalid-rule`
 *
 * @example
 * compileRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', 20_454); // Right(rule)
 */
export const compileRule = (rule: string, dtstart: number): Either<RecurrenceError, CompiledRule> => {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (/(^|;)DTSTART/i.test(text) || text.includes('\n'))
    return invalid('rrule must be a single RRULE value without DTSTART (the template has dtstart)');
  // RFC 5545 recur values hold no spaces, and rrule's line trim (/^\s+|\s+$/) is quadratic on
  // a long space run inside the text: refuse before parsing.
  if (/\s/.test(text)) return invalid('rrule must not contain spaces (RFC 5545 recur value)');
  // Checked part by part first: rrule's own parser accepts rules its iterator then throws on.
  const problem = rrulePartProblems(text)[0];
  if (problem) return invalid(`rrule ${problem.message}`);
  let parsed: Partial<RRuleOptions>;
  try {
    parsed = RRule.parseString(text);
  } catch {
    return invalid('rrule must be an RFC 5545 RRULE value such as FREQ=WEEKLY;BYDAY=MO');
  }
  const freq = parsed.freq;
  if (freq === undefined || freq === null) return invalid('rrule must name FREQ');
  if (freq > DAILY) return invalid('rrule FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  const interval = parsed.interval ?? 1;
  if (!(Number.isInteger(interval) && interval >= 1))
    return invalid('rrule INTERVAL must be a positive integer');
  const wkst = parsed.wkst === undefined || parsed.wkst === null ? 0 : weekdayNumber(parsed.wkst).weekday;
  const options: Partial<RRuleOptions> = { ...parsed };
  delete options.until;
  delete options.count;
  // The defaults rrule would read from DTSTART, fixed now so that re-basing cannot change them.
  if (!(has(parsed.byweekno) || has(parsed.byyearday) || has(parsed.bymonthday) || has(parsed.byweekday))) {
    const d = new Date(dtstart * DAY);
    if (freq === YEARLY) {
      if (!has(parsed.bymonth)) options.bymonth = d.getUTCMonth() + 1;
      options.bymonthday = d.getUTCDate();
    } else if (freq === MONTHLY) options.bymonthday = d.getUTCDate();
    else if (freq === WEEKLY) options.byweekday = [weekdayOf(dtstart)];
  }
  const days = asList(options.byweekday).map(weekdayNumber);
  const simple =
    (freq === WEEKLY || freq === DAILY) &&
    days.every((w) => w.n === undefined || w.n === 0) &&
    !has(options.bymonth) &&
    !has(options.bymonthday) &&
    !has(options.byyearday) &&
    !has(options.byweekno) &&
    !has(options.bysetpos) &&
    (options.byeaster === undefined || options.byeaster === null);
  let weekMask: number | undefined;
  if (simple) {
    weekMask = days.length === 0 ? 0x7f : days.reduce((m, w) => m | (1 << w.weekday), 0);
  }
  // Only rules left to rrule can make it walk to the year 9999 (see recurrenceProbe.ts).
  if (weekMask === undefined && !everOccurs(probeOf(freq, interval, dtstart, wkst, options)))
    return invalid(
      'rrule has no occurrence in the 28 years from dtstart: its BYxxx parts never hold together',
    );
  return ok({
    freq,
    interval,
    dtstart,
    count: parsed.count ?? undefined,
    untilMs: parsed.until ? parsed.until.getTime() : undefined,
    weekMask,
    wkst,
    options,
  });
};

const numbers = (v: unknown): number[] => asList(v).filter((x): x is number => typeof x === 'number');

const probeOf = (
  freq: number,
  interval: number,
  dtstart: number,
  wkst: number,
  o: Partial<RRuleOptions>,
): ProbeRule => ({
  freq,
  interval,
  dtstart,
  wkst,
  bymonth: numbers(o.bymonth),
  bymonthday: numbers(o.bymonthday),
  byyearday: numbers(o.byyearday),
  byweekno: numbers(o.byweekno),
  byday: asList(o.byweekday)
    .map(weekdayNumber)
    .map((w) => ({ weekday: w.weekday, n: w.n ?? 0 })),
  bysetpos: numbers(o.bysetpos),
});

const weekStartOf = (day: number, wkst: number): number => day - ((weekdayOf(day) - wkst + 7) % 7);

/**
 * Arithmetic path: DAILY/WEEKLY with a weekday mask. With COUNT the walk starts at DTSTART (COUNT
 * counts from there) and stops at `to` or at the COUNT-th date, whichever comes first.
 */
const simpleDays = (r: CompiledRule, mask: number, from: number, to: number): number[] => {
  const out: number[] = [];
  const start = r.count === undefined ? Math.max(from, r.dtstart) : r.dtstart;
  const firstWeek = weekStartOf(r.dtstart, r.wkst);
  let counted = 0;
  for (let d = start; d <= to; d++) {
    if (!((mask >> weekdayOf(d)) & 1)) continue;
    const phase = r.freq === DAILY ? d - r.dtstart : (weekStartOf(d, r.wkst) - firstWeek) / 7;
    if (phase % r.interval !== 0) continue;
    if (d >= from) out.push(d);
    if (++counted === r.count) break;
  }
  return out;
};

const monthIndex = (day: number): number => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** The latest period boundary at or before `from` that is a whole number of INTERVALs after DTSTART. */
const rebase = (r: CompiledRule, from: number): number => {
  if (from <= r.dtstart) return r.dtstart;
  if (r.freq === DAILY) return r.dtstart + Math.floor((from - r.dtstart) / r.interval) * r.interval;
  if (r.freq === WEEKLY) {
    const period = 7 * r.interval;
    const first = weekStartOf(r.dtstart, r.wkst);
    const k = Math.floor((weekStartOf(from, r.wkst) - first) / period);
    return k <= 0 ? r.dtstart : first + k * period;
  }
  if (r.freq === MONTHLY) {
    const m0 = monthIndex(r.dtstart);
    const k = Math.floor((monthIndex(from) - m0) / r.interval);
    if (k <= 0) return r.dtstart;
    const m = m0 + k * r.interval;
    return Math.floor(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY);
  }
  const y0 = new Date(r.dtstart * DAY).getUTCFullYear();
  const k = Math.floor((new Date(from * DAY).getUTCFullYear() - y0) / r.interval);
  return k <= 0 ? r.dtstart : Math.floor(Date.UTC(y0 + k * r.interval, 0, 1) / DAY);
};

/**
 * The day numbers in `[from, to]` on which a compiled rule occurs (COUNT applied, UNTIL not:
 * UNTIL is an instant and is compared per occurrence by the caller, in the template's zone).
 *
 * @param r - the compiled rule
 * @param from - first day number wanted
 * @param to - last day number wanted (inclusive)
 * @returns ascending day numbers
 *
 * @example
 * occurrenceDays(rule, 20_454, 20_480); // [20_454, 20_468]
 */
export const occurrenceDays = (r: CompiledRule, from: number, to: number): readonly number[] => {
  if (to < from || to < r.dtstart) return [];
  if (r.weekMask !== undefined) return simpleDays(r, r.weekMask, from, to);
  const base = r.count === undefined ? rebase(r, from) : r.dtstart;
  const rule = new RRule({
    ...r.options,
    dtstart: new Date(base * DAY),
    ...(r.count === undefined ? {} : { count: r.count }),
  });
  const out: number[] = [];
  let last = Number.NaN;
  for (const d of rule.between(new Date(from * DAY), new Date((to + 1) * DAY - 1), true)) {
    const day = Math.floor(d.getTime() / DAY);
    if (day !== last) out.push(day);
    last = day;
  }
  return out;
};

/**
 * The calendar dates on which an RRULE (RFC 5545) occurs between two dates, inclusive, counting
 * from `start` (the DTSTART date). Floating: no zone is involved. Invalid dates (the 31st of a
 * 30-day month, February 29 of a common year) are omitted, not clamped (RFC 5545 §3.3.10).
 *
 * @param rule - an RRULE value such as `FREQ=WEEKLY;BYDAY=MO,WE`
 * @param start - the DTSTART date
 * @param from - first date wanted
 * @param to - last date wanted
 * @returns `Right(dates)` or `Left` `recurrence.invalid-rule`
 * @example
 * recurrenceDates('FREQ=WEEKLY;BYDAY=MO', isoDate('2026-11-02'), isoDate('2026-11-01'), isoDate('2026-11-30'));
 * // Right(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'])
 */
export const recurrenceDates = (
  rule: unknown,
  start: IsoDate,
  from: IsoDate,
  to: IsoDate,
): Either<RecurrenceError, readonly IsoDate[]> => {
  if (typeof rule !== 'string') return invalid('rrule must be text such as FREQ=WEEKLY;BYDAY=MO');
  const compiled = compileRule(rule, dateToDayNumber(start));
  if (compiled._tag === 'Left') return compiled;
  const r = compiled.right;
  const untilDay = r.untilMs === undefined ? Number.POSITIVE_INFINITY : Math.floor(r.untilMs / DAY);
  const days = occurrenceDays(r, dateToDayNumber(from), Math.min(dateToDayNumber(to), untilDay));
  return ok(days.map(dayNumberToDate));
};
