/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), in integers:
 * 400-year eras of 146 097 days, with years counted from March 1 so that the leap day comes last.
 * About ten times cheaper than going through `Date`, and right for the years 0-99 (which
 * `Date.UTC` reads as 1900-1999). Shared by the calendar and time modules of core; not exported.
 */

/**
 * The day number of a date.
 *
 * @param y - year (any integer)
 * @param m - month 1-12
 * @param d - day of the month
 * @returns days since 1970-01-01
 */
export const civilDay = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
};

/**
 * The date of a day number, packed as `year * 10 000 + month * 100 + day` (one number, no
 * allocation; unpack the year with `Math.floor(p / 10_000)` first, which also holds for years
 * before 0).
 *
 * @param day - days since 1970-01-01
 * @returns the packed date
 */
export const civilDate = (day: number): number => {
  const era = Math.floor((day + 719_468) / 146_097);
  const doe = day + 719_468 - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10_000 + m * 100 + d;
};
