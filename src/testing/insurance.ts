/**
 * Arbitraries of insurance data: coverages as the coordination-of-benefits rules read them.
 */
import * as fc from 'fast-check';
import type { IsoDate } from '../core/calendar.js';
import { PLAN_TYPES, parseCoverage, type Coverage } from '../insurance/model.js';
import { isoDateArbitrary } from './core.js';
import { parsedBy } from './parsed.js';

/**
 * A valid coverage (after `parseCoverage`): any plan type, the patient's relationship to the
 * subscriber, the subscriber's birth date, employment and employer size (the MSP 20/100 tests),
 * continuation, an effective period that may be open-ended.
 *
 * @example
 * fc.assert(fc.property(coverageArbitrary, (c) => c.effective.end === null || c.effective.end >= c.effective.start));
 */
export const coverageArbitrary: fc.Arbitrary<Coverage> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 1, max: 99_999 }),
      planType: fc.constantFrom(...PLAN_TYPES),
      relationship: fc.constantFrom('self', 'spouse', 'child', 'other'),
      dateOfBirth: isoDateArbitrary('1930-01-01' as IsoDate, '2008-12-31' as IsoDate),
      employment: fc.constantFrom('active', 'retired', 'laid-off', 'none', 'unknown'),
      employerSize: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      continuation: fc.constantFrom('none', 'cobra', 'state'),
      start: isoDateArbitrary('2018-01-01' as IsoDate, '2026-12-31' as IsoDate),
      months: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
    })
    .map((r) => ({
      id: `cov-${r.n}`,
      payerId: `payer-${r.n % 7}`,
      planType: r.planType,
      memberId: `M${String(r.n).padStart(9, '0')}`,
      relationship: r.relationship,
      subscriber: {
        dateOfBirth: r.dateOfBirth,
        employment: r.employment,
        ...(r.employerSize === undefined ? {} : { employerSize: r.employerSize }),
      },
      continuation: r.continuation,
      effective: {
        start: r.start,
        end:
          r.months === undefined ? null : `${Number(r.start.slice(0, 4)) + Math.ceil(r.months / 12)}-12-31`,
      },
    })),
  parseCoverage,
);
