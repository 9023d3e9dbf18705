/**
 * Recall lists: patients due for a visit that nothing booked covers. Medicare IPPE and annual
 * wellness visits (42 CFR 410.15, CMS MLN "Medicare Wellness Visits"), Bright Futures well-child
 * visits (AAP periodicity schedule) and follow-up intervals set by the provider. Dates only: no
 * zone, no clock ("as of" is a parameter).
 */
import * as z from 'zod/mini';
import { addDays, addMonths, IsoDateSchema, type IsoDate } from '../core/calendar.js';
import { PatientIdSchema, type PatientId } from '../core/ids.js';

/** A patient as the recall list needs them. */
export const RecallPatientSchema = /* @__PURE__ */ z.object({
  patient: PatientIdSchema,
  birthDate: IsoDateSchema,
  /** First Medicare Part B effective date, for IPPE and AWV. */
  partBEffective: z.optional(IsoDateSchema),
  /** Deceased, left the practice, or declined recalls: never listed. */
  inactive: z.optional(z.boolean()),
});
/** A patient as the recall list needs them. */
export interface RecallPatient extends z.infer<typeof RecallPatientSchema> {}

/** A visit, kept or booked, and its kind. */
export const RecallVisitSchema = /* @__PURE__ */ z.object({
  patient: PatientIdSchema,
  date: IsoDateSchema,
  kind: z.enum(['ippe', 'awv', 'well-child', 'office']),
  status: z.enum(['kept', 'booked']),
});
/** A visit, kept or booked. */
export interface RecallVisit extends z.infer<typeof RecallVisitSchema> {}

/** A follow-up the provider set: see the patient again `months` after `from`. */
export const FollowUpSchema = /* @__PURE__ */ z.object({
  patient: PatientIdSchema,
  from: IsoDateSchema,
  months: z.int().check(z.gte(0), z.lte(120)),
  weeks: z.optional(z.int().check(z.gte(0), z.lte(520))),
});
/** A follow-up the provider set. */
export interface FollowUp extends z.infer<typeof FollowUpSchema> {}

/** Recall rules: provider follow-ups and how far ahead to look (default 30 days). */
export const RecallRulesSchema = /* @__PURE__ */ z.object({
  followUps: z.optional(z.array(FollowUpSchema)),
  lookaheadDays: z.optional(z.int().check(z.gte(0), z.lte(366))),
});
/** Recall rules. */
export interface RecallRules extends z.infer<typeof RecallRulesSchema> {}

/** What a patient is recalled for. */
export type RecallKind = 'medicare-ippe' | 'medicare-awv' | 'well-child' | 'follow-up';

/** One line of the recall list. The reason is a kind, never a diagnosis (letters must not name it). */
export interface RecallItem {
  readonly patient: PatientId;
  readonly recall: RecallKind;
  /** First day the visit is due (covered, for Medicare). */
  readonly dueFrom: IsoDate;
  /** Last day of the window, where there is one (IPPE: 12 months after Part B). */
  readonly dueBy?: IsoDate;
  /** `upcoming` inside the lookahead, `due` from `dueFrom`, `overdue` after `dueBy`. */
  readonly status: 'upcoming' | 'due' | 'overdue';
  /** Well-child: the visit's age, such as `2 months` or `4 years`. */
  readonly visit?: string;
}

const DEFAULT_LOOKAHEAD = 30;
// Months are added with core's addMonths: a day past the end of the month is its last day.

/** First day of the month `n` months after the date's month ("11 full months after the month of X" is n = 12). */
const firstOfMonthAfter = (date: IsoDate, n: number): IsoDate =>
  addMonths(`${date.slice(0, 8)}01` as IsoDate, n);

/** Bright Futures ages: [label, months] (the 3-5 day newborn visit as 0 months, 3 days). */
const WELL_CHILD: readonly (readonly [string, number, number])[] = [
  ['3-5 days', 0, 3],
  ['1 month', 1, 0],
  ...[2, 4, 6, 9, 12, 15, 18, 24, 30].map((m): readonly [string, number, number] => [`${m} months`, m, 0]),
  ...Array.from({ length: 19 }, (_, i): readonly [string, number, number] => [
    `${i + 3} years`,
    (i + 3) * 12,
    0,
  ]),
];

const later = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a === undefined || b > a ? b : a);

/**
 * Lists who is due or overdue for a visit, for what, and since when.
 *
 * - Medicare IPPE: once, from the Part B effective date until the day before the same date 12 months
 *   later, if no IPPE was kept.
 * - Medicare AWV: from 12 months after Part B, and from the first day of the 12th month after the
 *   month of the last kept IPPE or AWV ("11 full months after the month": an AWV any day of February
 *   2026 makes the patient eligible again on 1 February 2027; not 365 days).
 * - Well-child (Bright Futures): the latest visit age reached (3-5 days, 1, 2, 4, 6, 9, 12, 15, 18,
 *   24, 30 months, then yearly from 3 to 21 years) without a well-child visit since; overdue once the
 *   next age is reached.
 * - Follow-ups: `months` (and `weeks`) after `from`, unless a visit was kept or booked since.
 * A booked visit of the kind closes the recall; inactive patients are never listed. Items whose
 * `dueFrom` is after `asOf + lookaheadDays` (default 30) are left for later.
 *
 * @param patients - birth date, Part B date, inactive flag
 * @param visits - kept and booked visits
 * @param rules - follow-ups and lookahead
 * @param asOf - the date of the list
 * @returns the list, overdue first, then by due date and patient (no Left case)
 * @example
 * recallList([], [], {}, isoDate('2026-11-23')); // []
 */
export const recallList = (
  patients: readonly RecallPatient[],
  visits: readonly RecallVisit[],
  rules: RecallRules,
  asOf: IsoDate,
): readonly RecallItem[] => {
  const horizon = addDays(asOf, rules.lookaheadDays ?? DEFAULT_LOOKAHEAD);
  const byPatient = new Map<PatientId, RecallVisit[]>();
  for (const v of visits) {
    const list = byPatient.get(v.patient);
    if (list === undefined) byPatient.set(v.patient, [v]);
    else list.push(v);
  }
  const out: RecallItem[] = [];
  const push = (item: Omit<RecallItem, 'status'>): void => {
    if (item.dueFrom > horizon) return;
    const status =
      item.dueFrom > asOf ? 'upcoming' : item.dueBy !== undefined && asOf > item.dueBy ? 'overdue' : 'due';
    out.push({ ...item, status });
  };
  const follow = new Map<PatientId, FollowUp[]>();
  for (const f of rules.followUps ?? []) follow.set(f.patient, [...(follow.get(f.patient) ?? []), f]);

  for (const p of patients) {
    if (p.inactive === true) continue;
    const own = byPatient.get(p.patient) ?? [];
    const kept = (kinds: readonly RecallVisit['kind'][]): IsoDate | undefined =>
      own
        .filter((v) => v.status === 'kept' && kinds.includes(v.kind) && v.date <= asOf)
        .reduce<IsoDate | undefined>((a, v) => later(a, v.date), undefined);
    const booked = (kinds: readonly RecallVisit['kind'][], from: IsoDate): boolean =>
      own.some((v) => v.status === 'booked' && kinds.includes(v.kind) && v.date >= from);

    if (p.partBEffective !== undefined) {
      const ippeEnd = addDays(addMonths(p.partBEffective, 12), -1);
      const lastIppe = kept(['ippe']);
      if (lastIppe === undefined && asOf <= ippeEnd && !booked(['ippe'], asOf))
        push({ patient: p.patient, recall: 'medicare-ippe', dueFrom: p.partBEffective, dueBy: ippeEnd });
      const lastWellness = kept(['ippe', 'awv']);
      const awvFrom = later(
        addMonths(p.partBEffective, 12),
        lastWellness === undefined ? p.partBEffective : firstOfMonthAfter(lastWellness, 12),
      );
      if (!booked(['awv'], asOf) && !(lastIppe === undefined && asOf <= ippeEnd))
        push({ patient: p.patient, recall: 'medicare-awv', dueFrom: awvFrom });
    }

    const ageLimit = addMonths(p.birthDate, 22 * 12);
    if (asOf < ageLimit) {
      const ages = WELL_CHILD.map(([label, months, days]) => ({
        label,
        date: addDays(addMonths(p.birthDate, months), days),
      }));
      let current = -1;
      for (let i = 0; i < ages.length; i++) if ((ages[i]?.date ?? horizon) <= horizon) current = i;
      const age = ages[current];
      if (age !== undefined) {
        const lastWell = kept(['well-child']);
        const next = ages[current + 1];
        if ((lastWell === undefined || lastWell < age.date) && !booked(['well-child'], asOf))
          push({
            patient: p.patient,
            recall: 'well-child',
            dueFrom: age.date,
            ...(next === undefined ? {} : { dueBy: addDays(next.date, -1) }),
            visit: age.label,
          });
      }
    }

    for (const f of follow.get(p.patient) ?? []) {
      const due = addDays(addMonths(f.from, f.months), 7 * (f.weeks ?? 0));
      const seen = own.some((v) => v.date > f.from && (v.status === 'booked' || v.date <= asOf));
      if (!seen) push({ patient: p.patient, recall: 'follow-up', dueFrom: due });
    }
  }
  const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
  return out.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.dueFrom < b.dueFrom ? -1 : a.dueFrom > b.dueFrom ? 1 : 0) ||
      (a.patient < b.patient ? -1 : a.patient > b.patient ? 1 : 0),
  );
};
