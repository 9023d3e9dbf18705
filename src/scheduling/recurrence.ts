/**
 * Recurrence rules expanded in a floating frame: rrule works on wall-clock dates as if they were
 * UTC; zones are applied per occurrence elsewhere (DESIGN.md rule 5).
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { dateToDayNumber, dayNumberToDate, type IsoDate } from '../core/time.js';
import { RRule } from '../internal/rrule.js';

/** Why a recurrence rule could not be read. */
export type RecurrenceError = DomainError<'recurrence.invalid-rule'>;

const DAY = 86_400_000;

/**
 * The calendar dates on which an RRULE (RFC 5545) occurs between two dates, inclusive, counting
 * from `start` (the DTSTART date). Floating: no zone is involved.
 *
 * @param rule - an RRULE value such as `FREQ=WEEKLY;BYDAY=MO,WE`
 * @param start - the DTSTART date
 * @param from - first date wanted
 * @param to - last date wanted
 * @returns `Right(dates)` or `Left` `recurrence.invalid-rule`
 * @example
 * recurrenceDates('FREQ=WEEKLY;BYDAY=MO', '2026-11-02' as IsoDate, '2026-11-01' as IsoDate, '2026-11-30' as IsoDate);
 * // Right(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'])
 */
export const recurrenceDates = (
  rule: string,
  start: IsoDate,
  from: IsoDate,
  to: IsoDate,
): Either<RecurrenceError, readonly IsoDate[]> => {
  let options;
  try {
    options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch {
    return err({ code: 'recurrence.invalid-rule', message: 'rule must be an RFC 5545 RRULE value' });
  }
  if (options.freq === undefined)
    return err({ code: 'recurrence.invalid-rule', message: 'rule must name FREQ' });
  const r = new RRule({ ...options, dtstart: new Date(dateToDayNumber(start) * DAY) });
  const dates = r.between(
    new Date(dateToDayNumber(from) * DAY),
    new Date((dateToDayNumber(to) + 1) * DAY - 1),
    true,
  );
  return ok(dates.map((d) => dayNumberToDate(Math.floor(d.getTime() / DAY))));
};
