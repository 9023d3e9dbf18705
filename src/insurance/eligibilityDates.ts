/**
 * When a 271 fact applies: the date range from its 2110 DTP segments, or else from the member's
 * 2100 DTP segments (2110 dates override 2100 dates, insurance.md §4). Calendar dates only.
 */
import type { BenefitFact, EligibilityDate, EligibilityResponse } from './eligibilityModel.js';

// DTP qualifiers that open, close, or bound a status (insurance.md §3.9).
const STARTS = new Set(['193', '291', '292', '307', '346', '348', '356', '539']);
const ENDS = new Set(['194', '347', '349', '357', '540']);
const RANGES = new Set(['291', '292', '307', '435', '472']);

/**
 * An inclusive calendar-date window; an absent side is open.
 *
 * @example
 * const w: DateWindow = { start: '2026-01-01' }; // from January 1st, no end sent
 */
export interface DateWindow {
  /** First day (YYYY-MM-DD), absent when open. */
  readonly start?: string;
  /** Last day, inclusive, absent when open. */
  readonly end?: string;
}

const windowOf = (dates: readonly EligibilityDate[]): DateWindow | undefined => {
  let start: string | undefined;
  let end: string | undefined;
  let any = false;
  for (const d of dates) {
    const ranged = RANGES.has(d.qualifier) && d.start !== d.end;
    if (STARTS.has(d.qualifier) || ranged) {
      any = true;
      if (start === undefined || d.start > start) start = d.start;
    }
    if (ENDS.has(d.qualifier) || ranged) {
      any = true;
      const last = ENDS.has(d.qualifier) ? d.start : d.end;
      if (end === undefined || last < end) end = last;
    }
  }
  if (!any) return undefined;
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
};

/**
 * The window a benefit fact applies in: its own DTP dates when it has any that bound a status,
 * otherwise the member's. A single D8 plan/eligibility date opens the window; an RD8 range bounds
 * both sides; plan/eligibility/benefit end dates close it. No dates = open on both sides (a 271
 * answers as of the inquiry date).
 *
 * @param fact - the benefit fact
 * @param memberDates - the member's 2100 dates
 * @returns the inclusive window
 * @example
 * factWindow(fact, [{ qualifier: '347', name: 'Plan End', start: '2025-12-31', end: '2025-12-31' }]); // { end: '2025-12-31' }
 */
export const factWindow = (
  fact: Pick<BenefitFact, 'dates'>,
  memberDates: readonly EligibilityDate[],
): DateWindow => windowOf(fact.dates) ?? windowOf(memberDates) ?? {};

/**
 * Whether a calendar date lies in a window (inclusive on both sides).
 *
 * @param w - the window
 * @param date - YYYY-MM-DD
 * @returns true when inside
 * @example
 * windowContains({ start: '2026-01-01', end: '2026-12-31' }, '2026-06-01'); // true
 */
export const windowContains = (w: DateWindow, date: string): boolean =>
  (w.start === undefined || w.start <= date) && (w.end === undefined || date <= w.end);

/**
 * One coverage status line (EB01 1-8) with the dates it applies in.
 *
 * @example
 * const p: CoveragePeriod = { status: 'inactive', serviceTypes: ['30'], start: '2014-03-01', end: '2014-05-03', provenance: { loop: '2110C', segmentIndex: 12, raw: 'EB*6**30' } };
 */
export interface CoveragePeriod extends DateWindow {
  /** The EB01 status. */
  readonly status: NonNullable<BenefitFact['status']>;
  /** EB03 service types (empty = the plan in general). */
  readonly serviceTypes: readonly string[];
  /** EB04 insurance type, such as `MA` (Medicare Part A). */
  readonly insuranceType?: string;
  /** EB05 plan name. */
  readonly planCoverage?: string;
  /** The EB segment. */
  readonly provenance: BenefitFact['provenance'];
}

/**
 * The coverage status lines of a response with their date windows (2110 dates, else the member's
 * 2100 dates; an open side is absent), in document order. Calendar dates; no clock.
 *
 * @param response - a normalized response (its `member.dates` and `benefits`)
 * @returns one period per EB01 1-8 line
 * @example
 * coveragePeriods(response); // [{ status: 'inactive', serviceTypes: ['30'], start: '2014-03-01', end: '2014-05-03', ... }, ...]
 */
export const coveragePeriods = (
  response: Pick<EligibilityResponse, 'member' | 'benefits'>,
): readonly CoveragePeriod[] =>
  response.benefits.flatMap((b) =>
    b.status
      ? [
          {
            status: b.status,
            serviceTypes: b.serviceTypes,
            ...(b.insuranceType ? { insuranceType: b.insuranceType } : {}),
            ...(b.planCoverage ? { planCoverage: b.planCoverage } : {}),
            ...factWindow(b, response.member?.dates ?? []),
            provenance: b.provenance,
          },
        ]
      : [],
  );
