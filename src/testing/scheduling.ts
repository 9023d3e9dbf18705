/**
 * Arbitraries of scheduling data: appointment types and recurring availability templates.
 */
import * as fc from 'fast-check';
import type { IsoDate } from '../core/calendar.js';
import {
  parseAppointmentType,
  parseAvailabilityTemplate,
  type AppointmentType,
  type AvailabilityTemplate,
} from '../scheduling/model.js';
import { ianaZoneArbitrary, isoDateArbitrary } from './core.js';
import { parsedBy } from './parsed.js';

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A valid appointment type: 5 to 120 minutes, optional buffers, notice, step and daily limit.
 *
 * @example
 * fc.assert(fc.property(appointmentTypeArbitrary, (t) => t.durationMinutes >= 5));
 */
export const appointmentTypeArbitrary: fc.Arbitrary<AppointmentType> = parsedBy(
  fc.record(
    {
      id: fc.integer({ min: 1, max: 999 }).map((n) => `type-${n}`),
      code: fc.constantFrom('99213', '99204', '93306', 'NP40', 'FU20'),
      durationMinutes: fc.integer({ min: 1, max: 24 }).map((k) => k * 5),
      bufferBeforeMinutes: fc.constantFrom(0, 5, 10),
      bufferAfterMinutes: fc.constantFrom(0, 5, 15),
      stepMinutes: fc.constantFrom(5, 10, 15, 20, 30),
      minimumNoticeMinutes: fc.constantFrom(0, 60, 1440),
      maxPerDay: fc.integer({ min: 1, max: 12 }),
    },
    { requiredKeys: ['id', 'code', 'durationMinutes'] },
  ),
  parseAppointmentType,
);

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * A valid availability template of a provider: a weekly or every-other-week RRULE on a set of
 * weekdays, one to three non-overlapping wall-clock windows (sometimes one running overnight),
 * in a zone with interesting DST, optionally bounded by `count` or an `until` date and with
 * excluded dates.
 *
 * @example
 * fc.assert(fc.property(availabilityTemplateArbitrary, (t) => t.windows.length >= 1));
 */
export const availabilityTemplateArbitrary: fc.Arbitrary<AvailabilityTemplate> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 1, max: 9999 }),
      zone: ianaZoneArbitrary,
      days: fc.subarray([...DAYS], { minLength: 1 }),
      interval: fc.constantFrom(1, 1, 2),
      // Window edges on a 15-minute grid, increasing: pairs of them make disjoint windows.
      edges: fc.uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 2, maxLength: 6 }),
      overnight: fc.boolean(),
      dtstart: isoDateArbitrary('2026-01-01' as IsoDate, '2026-12-31' as IsoDate),
      bound: fc.option(
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }).map(String)),
        {
          nil: undefined,
        },
      ),
      exdateOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
    })
    .map((r) => {
      const edges = [...r.edges].sort((a, b) => a - b);
      const windows: { start: string; end: string }[] = [];
      for (let i = 0; i + 1 < edges.length; i += 2)
        windows.push({ start: hhmm((edges[i] ?? 0) * 15), end: hhmm((edges[i + 1] ?? 0) * 15) });
      const last = windows.at(-1);
      // An overnight window ends at or before its start (runs into the next day).
      if (r.overnight && windows.length === 1 && last) windows[0] = { start: last.end, end: last.start };
      const start = Date.parse(`${r.dtstart}T00:00:00Z`);
      const date = (days: number): string => new Date(start + days * 86_400_000).toISOString().slice(0, 10);
      return {
        id: `tpl-${r.n}`,
        owner: { kind: 'provider', id: `prov-${r.n % 50}` },
        zone: r.zone,
        windows,
        rrule: `FREQ=WEEKLY;INTERVAL=${r.interval};BYDAY=${r.days.join(',')}`,
        dtstart: r.dtstart,
        ...(typeof r.bound === 'number' ? { count: r.bound } : {}),
        ...(typeof r.bound === 'string' ? { until: date(Number(r.bound)) } : {}),
        exdates: r.exdateOffsets.map(date),
      };
    }),
  parseAvailabilityTemplate,
);
