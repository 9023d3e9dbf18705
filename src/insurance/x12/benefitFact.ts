/**
 * One EB tuple (from X12 elements or the clearinghouse JSON fields that mirror them) turned into a
 * normalized benefit fact, so both readers interpret EB01-EB13 the same way.
 */
import type { BenefitFact, EligibilityProvenance } from '../eligibilityModel.js';
import { patientShareFromPercent, type PercentConvention } from '../percent.js';
import { coverageLevelScope } from './coverageLevel.js';
import { amountRole, authorization, benefitKind, benefitNetwork, benefitStatus, x12Cents } from './values.js';

/**
 * The empty list every trailing list of a new fact starts as, shared and frozen: most EBs have no
 * MSG, DTP, REF, AAA, entity, III or HSD, and a large interchange would otherwise allocate seven
 * empty arrays per EB. A reader that adds items replaces it with a list of its own.
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * EB01-EB13 as trimmed strings (empty when absent); EB03 and EB13 already split.
 *
 * @example
 * const eb: EbElements = { code: 'B', coverageLevel: '', serviceTypes: ['98'], insuranceType: 'HM', planCoverage: '', timePeriod: '27', amount: '25', percent: '', quantityQualifier: '', quantity: '', authorization: '', network: 'Y', procedure: [] };
 */
export interface EbElements {
  readonly code: string;
  readonly coverageLevel: string;
  readonly serviceTypes: readonly string[];
  readonly insuranceType: string;
  readonly planCoverage: string;
  readonly timePeriod: string;
  readonly amount: string;
  readonly percent: string;
  readonly quantityQualifier: string;
  readonly quantity: string;
  readonly authorization: string;
  readonly network: string;
  readonly procedure: readonly string[];
}

/**
 * Interprets one EB tuple: kind and status from EB01, scope from EB02, amount role from EB06,
 * EB07 in exact cents, EB08 as the patient's share in basis points under the given convention,
 * EB11 as a tri-state with a reason, EB12 as a network tier. Trailing lists start as the shared
 * {@link NO_ITEMS}.
 *
 * @param eb - the elements
 * @param provenance - where the tuple came from
 * @param convention - how the source writes EB08 (default: fraction of the patient's share)
 * @returns the fact, and `badValue` when EB07/EB08/EB10 could not be read (they are then left out)
 * @example
 * benefitFactFrom({ ...eb, code: 'A', percent: '.2' }, prov).fact.percent; // 2000
 */
export const benefitFactFrom = (
  eb: EbElements,
  provenance: EligibilityProvenance,
  convention: PercentConvention = 'patient-fraction',
): { readonly fact: BenefitFact; readonly badValue: boolean } => {
  const amount = eb.amount === '' ? undefined : x12Cents(eb.amount);
  const share = eb.percent === '' ? undefined : patientShareFromPercent(eb.percent, convention);
  const percent = share?._tag === 'Right' ? share.right : undefined;
  const qty = Number(eb.quantity);
  const hasQty = eb.quantityQualifier !== '' && eb.quantity !== '' && Number.isFinite(qty);
  const auth = authorization(eb.authorization);
  const status = benefitStatus(eb.code);
  const [qualifier = '', code = '', ...modifiers] = eb.procedure;
  // Built by assignment (not spreads): this runs once per EB and dominates large interchanges.
  const fact: { -readonly [K in keyof BenefitFact]: BenefitFact[K] } = {
    code: eb.code,
    kind: benefitKind(eb.code),
    scope: eb.coverageLevel === '' ? 'unspecified' : coverageLevelScope(eb.coverageLevel),
    serviceTypes: eb.serviceTypes,
    amountRole: amountRole(eb.timePeriod),
    authorizationRequired: auth.required,
    network: benefitNetwork(eb.network),
    messages: NO_ITEMS,
    dates: NO_ITEMS,
    references: NO_ITEMS,
    rejections: NO_ITEMS,
    entities: NO_ITEMS,
    placesOfService: NO_ITEMS,
    deliveries: NO_ITEMS,
    provenance,
  };
  if (status) fact.status = status;
  if (eb.coverageLevel !== '') fact.coverageLevel = eb.coverageLevel;
  if (eb.insuranceType !== '') fact.insuranceType = eb.insuranceType;
  if (eb.planCoverage !== '') fact.planCoverage = eb.planCoverage;
  if (eb.timePeriod !== '') fact.timePeriod = eb.timePeriod;
  if (amount !== undefined) fact.amount = amount;
  if (percent !== undefined) {
    fact.percent = percent;
    fact.percentRaw = eb.percent;
  }
  if (hasQty) fact.quantity = { qualifier: eb.quantityQualifier, value: qty };
  if (auth.reason) fact.authorizationReason = auth.reason;
  if (code !== '') fact.procedure = { qualifier, code, modifiers: modifiers.filter((m) => m !== '') };
  const badValue =
    (eb.amount !== '' && amount === undefined) ||
    (eb.percent !== '' && percent === undefined) ||
    (eb.quantity !== '' && !Number.isFinite(qty));
  return { fact, badValue };
};
