/**
 * Calendar dates and instants for the records models, with the same brands as core's `IsoDate`
 * and `IsoInstant` but without core/time's zone machinery: records never needs a time zone, and
 * importing a records validator must not load the chunk that holds luxon (tests/package checks).
 */
import { z } from 'zod';
import type { IsoDate, IsoInstant } from '../core/time.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (NaN when not of that shape).
 *
 * @param date - a calendar date
 * @returns the day number
 * @example
 * recordsDayNumber('1970-01-02' as IsoDate); // 1
 */
export const recordsDayNumber = (date: IsoDate): number => {
  const m = DATE.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : Number.NaN;
};

// A real date survives the round trip through its day number (2026-02-30 does not).
const isCalendarDate = (s: string): boolean => {
  const n = recordsDayNumber(s as IsoDate);
  return !Number.isNaN(n) && new Date(n * DAY_MS).toISOString().slice(0, 10) === s;
};

/** A calendar date `YYYY-MM-DD` that exists; the same brand as core's `IsoDate`. */
export const RecordDateSchema = /* @__PURE__ */ z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date YYYY-MM-DD' })
  .brand<'IsoDate'>() as unknown as z.ZodType<IsoDate, string>;

/** An ISO 8601 instant with an offset; the same brand as core's `IsoInstant`. */
export const RecordInstantSchema = /* @__PURE__ */ z
  .string()
  .refine((s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 instant with an offset, such as 2026-11-02T09:00:00-05:00',
  })
  .brand<'IsoInstant'>() as unknown as z.ZodType<IsoInstant, string>;
