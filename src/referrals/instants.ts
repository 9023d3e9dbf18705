/**
 * Hot-path time helpers for the worklist and the guards: epoch ms of validated instants without
 * a regex, and the instants bounding an authorization window, memoized per (immutable) period.
 * Not exported from the module.
 */
import {
  addDays,
  formatInstant,
  instantToMs,
  wallMinutesToMs,
  zoneOffset,
  type IanaZone,
  type IsoInstant,
} from '../core/time.js';
import type { AuthorizationPeriod } from './model.js';

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
};

/**
 * Epoch ms of an instant already validated by `IsoInstantSchema` (DESIGN rule 2: trust typed
 * values). The common shapes `YYYY-MM-DDTHH:mm:ssZ` and `...±hh:mm` are read by character codes;
 * any other shape (milliseconds, no seconds) goes through core's `instantToMs`.
 *
 * @param s - a validated instant
 * @returns epoch milliseconds
 * @example
 * instantMs('2026-11-02T09:00:00-05:00' as IsoInstant); // Date.UTC(2026, 10, 2, 14)
 */
export const instantMs = (s: IsoInstant): number => {
  const n = s.length;
  if ((n !== 20 && n !== 25) || s.charCodeAt(10) !== 84 || s.charCodeAt(16) !== 58) return instantToMs(s);
  const utc = Date.UTC(
    digits(s, 0, 4),
    digits(s, 5, 2) - 1,
    digits(s, 8, 2),
    digits(s, 11, 2),
    digits(s, 14, 2),
    digits(s, 17, 2),
  );
  if (n === 20) return utc;
  const offset = (digits(s, 20, 2) * 60 + digits(s, 23, 2)) * 60_000;
  return s.charCodeAt(19) === 45 ? utc + offset : utc - offset;
};

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

const suffixes = new Map<number, string>();
const offsetSuffix = (minutes: number): string => {
  let s = suffixes.get(minutes);
  if (s === undefined) {
    const abs = Math.abs(minutes);
    s = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    suffixes.set(minutes, s);
  }
  return s;
};

/**
 * `formatInstant(ms, zone)` for whole-second instants in years 1000-9999, through the native
 * `toISOString` of the shifted instant (the worklist writes one per item). Same output as core's
 * formatter; other instants go through it.
 *
 * @param ms - epoch milliseconds
 * @param zone - zone whose offset is written
 * @returns such as `2026-11-02T09:00:00-05:00`
 * @example
 * formatInstantFast(Date.UTC(2026, 10, 2, 14), 'America/New_York' as IanaZone); // '2026-11-02T09:00:00-05:00'
 */
export const formatInstantFast = (ms: number, zone: IanaZone): IsoInstant => {
  if (ms % 1000 !== 0) return formatInstant(ms, zone);
  const offset = zoneOffset(ms, zone);
  const local = new Date(ms + offset * 60_000).toISOString();
  return local.length !== 24
    ? formatInstant(ms, zone)
    : (`${local.slice(0, 19)}${offsetSuffix(offset)}` as IsoInstant);
};
