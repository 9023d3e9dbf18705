/**
 * The instants bounding an authorization window, memoized per (immutable) period: the worklist and
 * the guards ask for them once per referral. Not exported from the module.
 */
import { addDays } from '../core/calendar.js';
import { wallMinutesToMs } from '../core/time.js';
import type { AuthorizationPeriod } from './model.js';

/** Midnights (in the window's zone) opening the first day, the last day, and the day after. */
export interface PeriodBounds {
  readonly startMs: number;
  readonly lastDayMs: number;
  readonly endMs: number;
}

const bounds = new WeakMap<AuthorizationPeriod, PeriodBounds>();

/**
 * The half-open instants `[start of first day, start of the day after the last)` of a window whose
 * dates are inclusive in its zone. Midnight follows the DST policy of `wallMinutesToMs` (a midnight
 * in a gap is the first instant after it), so "date in zone within the dates" equals "instant
 * within the bounds".
 *
 * @param period - an authorization window
 * @returns the three midnights as epoch ms
 * @example
 * periodBounds({ start: '2024-01-02', end: '2024-03-31', zone: 'America/New_York' }).endMs;
 * // 2024-04-01T00:00:00-04:00
 */
export const periodBounds = (period: AuthorizationPeriod): PeriodBounds => {
  let b = bounds.get(period);
  if (b === undefined) {
    b = {
      startMs: wallMinutesToMs(period.start, 0, period.zone),
      lastDayMs: wallMinutesToMs(period.end, 0, period.zone),
      endMs: wallMinutesToMs(addDays(period.end, 1), 0, period.zone),
    };
    bounds.set(period, b);
  }
  return b;
};
