/**
 * Quiet hours: the allowed sending window on the patient's wall clock, and moving a send instant
 * into it. Offsets are read at the send instant itself (never at planning time), so a November send
 * planned in October is checked against EST, not EDT.
 */
import { dayNumberToDate } from '../core/calendar.js';
import { wallMinutesToMs, zoneOffset, type IanaZone } from '../core/time.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A daily window in minutes since local midnight; both ends are allowed. */
export interface MinuteWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Local day number and minute of day (with fractions) of an instant in a zone.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @returns days since 1970-01-01 on the zone's calendar, and minutes since its midnight
 * @example
 * localDayMinute(Date.UTC(2026, 0, 1, 14), zone('America/New_York')); // { day: 20454, minute: 540 }
 */
export const localDayMinute = (
  ms: number,
  zone: IanaZone,
): { readonly day: number; readonly minute: number } => {
  const local = ms + zoneOffset(ms, zone) * MINUTE;
  const day = Math.floor(local / DAY);
  return { day, minute: (local - day * DAY) / MINUTE };
};

/**
 * Whether an instant is inside the window on the zone's wall clock.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone
 * @param window - minutes since midnight, both ends allowed
 * @returns true inside
 * @example
 * inWindow(Date.UTC(2026, 0, 1, 13), zone('America/New_York'), { start: 480, end: 1260 }); // true (08:00)
 */
export const inWindow = (ms: number, zone: IanaZone, window: MinuteWindow): boolean => {
  const { minute } = localDayMinute(ms, zone);
  return minute >= window.start && minute <= window.end;
};

const at = (day: number, minute: number, zone: IanaZone): number =>
  wallMinutesToMs(dayNumberToDate(day), minute, zone);

/**
 * Moves an instant out of quiet hours: `earlier` to the end of the last window before it, `later`
 * to the start of the next one. Returns `undefined` when the moved instant is still outside the
 * window (a zone whose DST gap swallows the window's edge), so the caller drops it with a reason.
 *
 * @param ms - epoch milliseconds
 * @param zone - IANA zone of the recipient
 * @param window - minutes since midnight, both ends allowed
 * @param policy - which way to move
 * @returns the instant and how it moved, or undefined
 * @example
 * moveIntoWindow(Date.UTC(2026, 0, 1, 11), zone('America/New_York'), { start: 480, end: 1260 }, 'later'); // 08:00 EST
 */
export const moveIntoWindow = (
  ms: number,
  zone: IanaZone,
  window: MinuteWindow,
  policy: 'earlier' | 'later',
): { readonly ms: number; readonly moved?: 'earlier' | 'later' } | undefined => {
  const { day, minute } = localDayMinute(ms, zone);
  if (minute >= window.start && minute <= window.end) return { ms };
  const beforeOpening = minute < window.start;
  const moved =
    policy === 'earlier'
      ? at(beforeOpening ? day - 1 : day, window.end, zone)
      : at(beforeOpening ? day : day + 1, window.start, zone);
  return inWindow(moved, zone, window) ? { ms: moved, moved: policy } : undefined;
};
