/**
 * From a visit to a professional claim: the payer order of the patient's coverages decides who
 * gets the claim (SBR01 `P`) and who comes after it; an approved authorization on a referral for
 * the same patient, payer, date and procedure supplies REF*G1 when the encounter has none.
 */
import { err, ok, type Either } from '../core/result.js';
import type { Cents } from '../core/money.js';
import type { IsoDate } from '../core/calendar.js';
import { determinePayerOrder, type PayerOrderPatientInput } from '../insurance/payerOrder.js';
import type { Coverage, Payer, PlanType, Relationship } from '../insurance/model.js';
import { isApprovedAuthorization } from '../referrals/validity.js';
import type { Referral } from '../referrals/model.js';
import { billingError, type BillingError } from './errors.js';
import type { Claim, ClaimPerson, Encounter, OtherPayer, ServiceLine } from './model.js';

/**
 * What a claim needs beyond the encounter and the coverages:
 * - `patient`: the patient as the claim names them (names, date of birth, gender, address);
 * - `payers`: the payers the coverages name (claim payer name and X12 payer id);
 * - `subscribers`: for a coverage whose subscriber is not the patient, the subscriber (by coverage id);
 * - `payerOrderFacts`: Medicare entitlement and parents' situation for `determinePayerOrder`
 *   (default: the patient's date of birth alone);
 * - `referrals`: the patient's referrals, searched for an approved authorization;
 * - `injury`: a work or auto injury (workers' compensation and no-fault pay first);
 * - `claimId`: CLM01 (default the encounter id), `submissionDate` for timely filing.
 *
 * @example
 * const ctx: ClaimBuildContext = { patient: { lastName: 'DOE', firstName: 'JANE', dateOfBirth: isoDate('1980-02-01'), gender: 'F' }, payers: [{ id: payerId('payer-a'), name: 'ACME HEALTH', x12PayerId: '12345' }] };
 */
export interface ClaimBuildContext {
  readonly patient: ClaimPerson;
  readonly payers: readonly Payer[];
  readonly subscribers?: readonly { readonly coverage: string; readonly person: ClaimPerson }[];
  readonly payerOrderFacts?: PayerOrderPatientInput;
  readonly referrals?: readonly Referral[];
  readonly injury?: 'work' | 'auto';
  readonly claimId?: string;
  readonly submissionDate?: IsoDate;
}

/** SBR01 payer responsibility codes in paying order (primary, secondary, tertiary, payers 4 to 11). */
const RESPONSIBILITY = ['P', 'S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/**
 * SBR09 claim filing indicator by plan type (billing reference §2.10). Medigap and plans of type
 * `other` file as commercial (`CI`); an HDHP as the commercial product it is sold as (`CI`).
 */
const FILING_INDICATOR: Readonly<Record<PlanType, string>> = {
  HMO: 'HM',
  PPO: '12',
  EPO: '14',
  POS: '13',
  HDHP: 'CI',
  indemnity: '15',
  other: 'CI',
  'medicare-part-a': 'MA',
  'medicare-part-b': 'MB',
  'medicare-advantage': '16',
  medigap: 'CI',
  medicaid: 'MC',
  tricare: 'CH',
  'workers-comp': 'WC',
  auto: 'AM',
};

/** PAT01 / 2320 SBR02 individual relationship codes (005010X222A1): self is `18`. */
const RELATIONSHIP_CODE: Readonly<Record<Relationship, string>> = {
  self: '18',
  spouse: '01',
  child: '19',
  other: 'G8',
};

/** ICD-10-CM replaced ICD-9-CM for dates of service from this day (billing reference §2.5). */
const ICD10_START = '2015-10-01';
/** Anesthesia CPT codes 00100-01999 are billed in minutes (SV103 `MJ`, front-end edit E15). */
const ANESTHESIA = /^0[01]\d{3}$/;

const decidedAt = (r: Referral, i: number): string => r.authorizations[i]?.decidedAt ?? '';

/**
 * The certification number of an approved authorization that applies to the encounter: same
 * patient, authorization from the claim's payer, validity dates (inclusive) covering the date of
 * service, and one of the encounter's procedures among the authorized items (or among the
 * referral's procedures when the authorization lists none; any procedure when neither does).
 * The most recently decided one wins.
 */
const authorizationFor = (
  encounter: Encounter,
  payer: string,
  referrals: readonly Referral[],
): string | undefined => {
  const codes = new Set(encounter.lines.map((l) => l.procedure));
  let best: { number: string; at: string } | undefined;
  for (const r of referrals) {
    if (r.patient !== encounter.patient) continue;
    r.authorizations.forEach((a, i) => {
      const period = a.period;
      if (a.payer !== payer || !isApprovedAuthorization(a.decision) || a.certificationNumber === undefined)
        return;
      if (
        period === undefined ||
        period.start > encounter.dateOfService ||
        period.end < encounter.dateOfService
      )
        return;
      const listed = a.items.length > 0 ? a.items.map((x) => x.procedure) : r.procedures;
      if (listed.length > 0 && !listed.some((p) => codes.has(p))) return;
      const at = decidedAt(r, i);
      if (best === undefined || at > best.at) best = { number: a.certificationNumber, at };
    });
  }
  return best?.number;
};

/**
 * Builds the professional claim of an encounter for the patient's first payer.
 *
 * The coverages go through `determinePayerOrder` for the date of service: the first pays
 * (SBR01 `P`, the claim's payer, filing indicator from its plan type), the others follow as
 * `otherPayers` (`S`, `T`, then `A`-`H`) with their subscriber and relationship, ready for
 * `secondaryClaim`. The patient is the subscriber when the coverage's relationship is `self`
 * (SBR02 `18`, no 2000C loop); otherwise the subscriber comes from `context.subscribers` and the
 * patient loop carries the PAT01 code (spouse `01`, child `19`, other `G8`). The prior
 * authorization number is the encounter's, else the certification number of an approved
 * authorization from a referral that applies (see `context.referrals`). Lines keep their order,
 * codes, modifiers, units (minutes for anesthesia codes), charges, pointers and control numbers,
 * each dated the date of service; the total is their sum in cents. Diagnoses are ICD-10-CM from
 * 2015-10-01, ICD-9-CM before. Calendar dates only: no time zone is involved.
 *
 * @param encounter - the visit (trusted)
 * @param coverages - the patient's coverages, any order
 * @param context - patient, payers, subscribers, payer order facts, referrals
 * @returns `Right(Claim)`; `Left` `billing.no-coverage` (nothing in force on the date),
 *   `billing.unknown-payer` (a coverage's payer is not in `context.payers`),
 *   `billing.missing-subscriber` (a dependent's coverage without its subscriber),
 *   `billing.invalid-input` (payer order facts or dates malformed, naming the field)
 * @example
 * const built = buildClaim(encounter, coverages, {
 *   patient: { lastName: 'DOE', firstName: 'JANE', dateOfBirth: isoDate('1980-02-01'), gender: 'F' },
 *   payers: [{ id: payerId('payer-acme'), name: 'ACME HEALTH', x12PayerId: '60054' }],
 * });
 * if (built._tag === 'Right') checkClaim(built.right);
 */
export const buildClaim = (
  encounter: Encounter,
  coverages: readonly Coverage[],
  context: ClaimBuildContext,
): Either<BillingError, Claim> => {
  const facts: PayerOrderPatientInput | undefined =
    context.payerOrderFacts ??
    (context.patient.dateOfBirth ? { dateOfBirth: context.patient.dateOfBirth } : undefined);
  if (facts === undefined)
    return err(
      billingError(
        'billing.invalid-input',
        'payer order needs the patient date of birth (context.patient.dateOfBirth or context.payerOrderFacts)',
        { field: 'context.patient.dateOfBirth' },
      ),
    );
  const order = determinePayerOrder(coverages, facts, {
    dateOfService: encounter.dateOfService,
    ...(context.injury ? { injury: context.injury } : {}),
  });
  if (order._tag === 'Left') {
    const e = order.left;
    return err(
      e.code === 'insurance.no-coverage'
        ? billingError('billing.no-coverage', 'no coverage is in force on the date of service', {
            field: 'coverages',
          })
        : billingError('billing.invalid-input', `payer order: ${e.message}`, {
            field: 'context.payerOrderFacts',
          }),
    );
  }
  const payers = new Map(context.payers.map((p) => [p.id as string, p]));
  const subscribers = new Map((context.subscribers ?? []).map((s) => [s.coverage, s.person]));
  const parties: OtherPayer[] = [];
  for (const [i, c] of order.right.order.entries()) {
    const payer = payers.get(c.payerId);
    if (payer === undefined)
      return err(
        billingError(
          'billing.unknown-payer',
          `the payer of coverage ${i + 1} in paying order is not in context.payers`,
          {
            field: 'context.payers',
          },
        ),
      );
    const self = c.relationship === 'self';
    const person = self ? context.patient : subscribers.get(c.id);
    if (person === undefined)
      return err(
        billingError(
          'billing.missing-subscriber',
          `coverage ${i + 1} in paying order belongs to another subscriber, who is not in context.subscribers`,
          { field: 'context.subscribers' },
        ),
      );
    parties.push({
      id: payer.x12PayerId ?? payer.id,
      name: payer.name,
      responsibility: RESPONSIBILITY[i] ?? 'U',
      filingIndicator: FILING_INDICATOR[c.planType],
      ...(c.groupNumber ? { groupNumber: c.groupNumber } : {}),
      subscriber: { ...person, memberId: self ? c.memberId : (c.subscriber.memberId ?? c.memberId) },
      relationship: RELATIONSHIP_CODE[c.relationship],
    });
  }
  const [first, ...others] = parties;
  const primary = order.right.order[0];
  if (first === undefined || primary === undefined || first.subscriber === undefined)
    return err(
      billingError('billing.no-coverage', 'no coverage is in force on the date of service', {
        field: 'coverages',
      }),
    );
  const dos = encounter.dateOfService;
  const lines: ServiceLine[] = encounter.lines.map((l) => ({
    procedure: { qualifier: 'HC', code: l.procedure, modifiers: [...l.modifiers] },
    charge: l.charge,
    unit: ANESTHESIA.test(l.procedure) ? 'MJ' : 'UN',
    quantity: l.units,
    pointers: [...l.pointers],
    serviceDates: { start: dos, end: dos },
    ...(l.controlNumber ? { controlNumber: l.controlNumber } : {}),
  }));
  const total = lines.reduce((s, l) => s + l.charge, 0) as Cents;
  const authorization =
    encounter.priorAuthorization ?? authorizationFor(encounter, primary.payerId, context.referrals ?? []);
  const { groupNumber } = first;
  const b = encounter.billingProvider;
  return ok({
    id: context.claimId ?? encounter.id,
    frequency: '1',
    placeOfService: encounter.placeOfService,
    totalCharge: total,
    payerResponsibility: first.responsibility,
    ...(first.filingIndicator ? { filingIndicator: first.filingIndicator } : {}),
    payer: { id: first.id, name: first.name },
    subscriber: { ...first.subscriber, ...(groupNumber ? { groupNumber } : {}) },
    ...(first.relationship === '18'
      ? {}
      : { patient: { ...context.patient, relationship: first.relationship ?? RELATIONSHIP_CODE.other } }),
    billingProvider: { ...b, taxId: { ...b.taxId }, ...(b.address ? { address: { ...b.address } } : {}) },
    ...(encounter.renderingProvider ? { renderingProvider: { ...encounter.renderingProvider } } : {}),
    ...(encounter.referringProvider ? { referringProvider: { ...encounter.referringProvider } } : {}),
    diagnosisCodeSet: dos >= ICD10_START ? 'icd10' : 'icd9',
    diagnoses: [...encounter.diagnoses],
    ...(authorization ? { priorAuthorization: authorization } : {}),
    lines,
    ...(context.submissionDate ? { submissionDate: context.submissionDate } : {}),
    ...(others.length > 0 ? { otherPayers: others } : {}),
  });
};
