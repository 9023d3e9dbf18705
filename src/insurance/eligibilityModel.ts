/**
 * The normalized eligibility response: what a 271 (or a clearinghouse JSON reply) says about one
 * subscriber or dependent, as coded facts with provenance. Nothing here is guessed: where the
 * source is silent the value is absent or `'unknown'` with a reason.
 */
import type { BasisPoints, Cents } from '../core/money.js';
import type { X12Warning } from './x12/errors.js';

/** A tri-state answer: `true`, `false`, or `'unknown'` when the source does not say. */
export type TriState = true | false | 'unknown';

/**
 * Where a fact came from: the X12 loop and segment, or the JSON path of a clearinghouse reply.
 *
 * @example
 * const p: EligibilityProvenance = { loop: '2110C', segmentIndex: 17, raw: 'EB*1**30**GOLD 123 PLAN' };
 */
export interface EligibilityProvenance {
  /** X12 loop id (`2000A`, `2100C`, `2110D`, ...) or `json`. */
  readonly loop: string;
  /** Segment index in the interchange (0-based), or the array index in the JSON list. */
  readonly segmentIndex: number;
  /** The raw segment text, or the JSON path. */
  readonly raw: string;
}

/** Retry policy implied by an AAA04 follow-up action (insurance.md §3.8). */
export type RetryPolicy =
  | 'correct-and-resubmit'
  | 'do-not-resubmit'
  | 'resubmit-original'
  | 'may-resubmit'
  | 'wait-third-party'
  | 'wait-30-days'
  | 'wait-10-days'
  | 'wait-for-payer'
  | 'unknown';

/**
 * A payer rejection (an AAA segment): an error, never a coverage answer.
 *
 * @example
 * const e: EligibilityRejection = { loop: '2100C', valid: false, reason: '75', reasonName: 'Subscriber/Insured Not Found', followUp: 'C', followUpName: 'Please Correct and Resubmit', retry: 'correct-and-resubmit', standard: true, provenance: { loop: '2100C', segmentIndex: 9, raw: 'AAA*N**75*C' } };
 */
export interface EligibilityRejection {
  /** Loop of the AAA: 2000A/2100A (payer), 2100B (provider), 2100C/D (member), 2110C/D (benefit). */
  readonly loop: string;
  /** AAA01: `true` (Y) the request was valid but rejected; `false` (N) it was invalid. */
  readonly valid: boolean;
  /** AAA03 reject reason code. */
  readonly reason: string;
  /** Name of the reason, or `Non-standard code` when it is not in the 5010 list. */
  readonly reasonName: string;
  /** AAA04 follow-up action code. */
  readonly followUp: string;
  /** Name of the follow-up action. */
  readonly followUpName: string;
  /** What to do about it. */
  readonly retry: RetryPolicy;
  /** Whether the reason code is valid in 5010. */
  readonly standard: boolean;
  /** Where it came from. */
  readonly provenance: EligibilityProvenance;
}

/**
 * A dated qualifier (DTP): a single date or a range, as calendar dates.
 *
 * @example
 * const d: EligibilityDate = { qualifier: '346', name: 'Plan Begin', start: '2026-01-01', end: '2026-01-01' };
 */
export interface EligibilityDate {
  /** DTP01 qualifier. */
  readonly qualifier: string;
  /** Its name, or `Non-standard date qualifier`. */
  readonly name: string;
  /** First day (YYYY-MM-DD). */
  readonly start: string;
  /** Last day, inclusive (YYYY-MM-DD); equals `start` for a single date. */
  readonly end: string;
}

/**
 * A reference (REF): qualifier and value.
 *
 * @example
 * const r: EligibilityReference = { qualifier: '18', value: 'S5601 203' };
 */
export interface EligibilityReference {
  /** REF01. */
  readonly qualifier: string;
  /** REF02. */
  readonly value: string;
  /** REF03 description, when sent. */
  readonly description?: string;
}

/**
 * A benefit-related entity (2120 NM1 and its N3/N4/PER/PRV): PCP, other payer, plan sponsor.
 *
 * @example
 * const e: RelatedEntity = { role: 'P3', name: 'JONES MARCUS', contacts: [] };
 */
export interface RelatedEntity {
  /** NM101 entity code: P3 primary care provider, PR payer, PRP/SEP/TTP primary/secondary/tertiary payer, ... */
  readonly role: string;
  /** Organization or `last first` name. */
  readonly name: string;
  /** NM108 identifier qualifier. */
  readonly idQualifier?: string;
  /** NM109 identifier. */
  readonly id?: string;
  /** PER contact values (phone, URL, e-mail), in order. */
  readonly contacts: readonly string[];
}

/** What an EB07 amount or EB10 quantity is, from EB06: a total, what remains, what was used, or per occurrence. */
export type AmountRole = 'total' | 'remaining' | 'used' | 'per-occurrence' | 'other' | 'unspecified';

/** Which network tier a benefit line applies to (EB12): Y in, N out, W both, U unknown, absent unspecified. */
export type EligibilityNetwork = 'in' | 'out' | 'both' | 'unknown' | 'unspecified';

/** The normalized kind of an EB01 code (insurance.md §3.1). */
export type BenefitKind =
  | 'active'
  | 'inactive'
  | 'coinsurance'
  | 'copay'
  | 'deductible'
  | 'out-of-pocket'
  | 'limitation'
  | 'unlimited'
  | 'non-covered'
  | 'other-payer'
  | 'primary-care-provider'
  | 'contact-entity'
  | 'cannot-process'
  | 'spend-down'
  | 'reserve'
  | 'info'
  | 'non-standard';

/**
 * One EB segment and what trails it, as a coded fact.
 *
 * @example
 * // EB*B**98*HM*GOLD*27*10.00*****Y: a $10 per-visit in-network office visit copay
 * declare const b: BenefitFact; b.kind === 'copay' && b.amount === 1000 && b.network === 'in';
 */
export interface BenefitFact {
  /** EB01 code as sent. */
  readonly code: string;
  /** Normalized kind of EB01. */
  readonly kind: BenefitKind;
  /** Status of an EB01 1-8 line: active, active capitated, pending, inactive. */
  readonly status?: 'active' | 'active-capitated' | 'active-pending' | 'inactive' | 'inactive-pending';
  /** EB02 coverage level code. */
  readonly coverageLevel?: string;
  /** Accumulator scope of EB02: individual (IND/EMP), family (the rest), or unspecified when absent. */
  readonly scope: 'individual' | 'family' | 'unspecified' | 'unknown';
  /** EB03 service type codes (repetitions); empty when not sent. */
  readonly serviceTypes: readonly string[];
  /** EB04 insurance type code. */
  readonly insuranceType?: string;
  /** EB05 plan coverage description. */
  readonly planCoverage?: string;
  /** EB06 time period qualifier. */
  readonly timePeriod?: string;
  /** What the amount or quantity is, read from EB06. */
  readonly amountRole: AmountRole;
  /** EB07 in cents (`0` is meaningful). */
  readonly amount?: Cents;
  /** EB08 as the patient's share in basis points, after the percent convention (see `percentRaw`). */
  readonly percent?: BasisPoints;
  /** EB08 exactly as sent. */
  readonly percentRaw?: string;
  /** EB09/EB10 quantity. */
  readonly quantity?: { readonly qualifier: string; readonly value: number };
  /** EB11: prior authorization or certification required. */
  readonly authorizationRequired: TriState;
  /** Why `authorizationRequired` is unknown. */
  readonly authorizationReason?: string;
  /** EB12 network tier of this benefit (not the provider's status). */
  readonly network: EligibilityNetwork;
  /** EB13 procedure. */
  readonly procedure?: {
    readonly qualifier: string;
    readonly code: string;
    readonly modifiers: readonly string[];
  };
  /** MSG free text, in order. */
  readonly messages: readonly string[];
  /** 2110 DTP dates (they override the member's dates). */
  readonly dates: readonly EligibilityDate[];
  /** 2110 REF references (9F referral, G1 prior auth, 18 plan, ...). */
  readonly references: readonly EligibilityReference[];
  /** 2110 AAA: this benefit inquiry failed. */
  readonly rejections: readonly EligibilityRejection[];
  /** 2120 entities. */
  readonly entities: readonly RelatedEntity[];
  /** III*ZZ places of service the benefit applies to. */
  readonly placesOfService: readonly string[];
  /** HSD delivery patterns as sent (elements 1-8). */
  readonly deliveries: readonly (readonly string[])[];
  /** Where it came from. */
  readonly provenance: EligibilityProvenance;
}

/**
 * A trace number (TRN in 2000C/2000D): how a 271 is matched to the 270 that asked (TRN01 `2`,
 * the inquirer's trace echoed) and the clearinghouse's or payer's own trace (TRN01 `1`).
 *
 * @example
 * const t: TraceNumber = { type: '2', number: '93175-012547', originator: '9877281234' };
 */
export interface TraceNumber {
  /** TRN01 trace type: `1` current transaction, `2` referenced transaction (the 270's). */
  readonly type: string;
  /** TRN02 reference identification. */
  readonly number: string;
  /** TRN03 originating company identifier (`1` + EIN, or a DUNS). */
  readonly originator?: string;
  /** TRN04 secondary identifier (a division or group within the originator). */
  readonly supplemental?: string;
}

/**
 * A named party of the response (2100A payer, 2100B provider): name, NM109 identifier and the
 * NM108 qualifier saying what kind of identifier it is (`PI` payer id, `XX` NPI, `FI` tax id,
 * `SV` service provider number, ...).
 *
 * @example
 * const p: EligibilityParty = { name: 'ABC COMPANY', id: '842610001', idQualifier: 'PI' };
 */
export interface EligibilityParty {
  /** NM103 (organization or last name) and NM104 (first name). */
  readonly name?: string;
  /** NM109 identifier. */
  readonly id?: string;
  /** NM108 identification code qualifier. */
  readonly idQualifier?: string;
}

/**
 * The person the response is about (2100C or 2100D).
 *
 * @example
 * const m: EligibilityMember = { level: 'subscriber', demographicsCorrected: false, references: [], dates: [] };
 */
export interface EligibilityMember {
  /** Subscriber (2000C) or dependent (2000D). */
  readonly level: 'subscriber' | 'dependent';
  /** NM103 last name. */
  readonly lastName?: string;
  /** NM104 first name. */
  readonly firstName?: string;
  /** NM105 middle name or initial. */
  readonly middleName?: string;
  /** NM109 member id. */
  readonly memberId?: string;
  /** NM108 qualifier of the member id (`MI` member identification number, `II` standard unique health identifier, ...). */
  readonly memberIdQualifier?: string;
  /** 2000C/2000D TRN trace numbers, in order (X12 reader: always present, empty when none were sent). */
  readonly traceNumbers?: readonly TraceNumber[];
  /** DMG02 birth date (YYYY-MM-DD). */
  readonly birthDate?: string;
  /** DMG03 gender code. */
  readonly gender?: string;
  /** INS02 relationship code (18 self, 01 spouse, 19 child, ...). */
  readonly relationship?: string;
  /** INS03/04 = 001/25: the payer changed identifying data versus the request. */
  readonly demographicsCorrected: boolean;
  /** Group number (REF 6P or 1L) when sent. */
  readonly groupNumber?: string;
  /** 2100 REF references. */
  readonly references: readonly EligibilityReference[];
  /** 2100 DTP dates. */
  readonly dates: readonly EligibilityDate[];
}

/** Overall status: `error` when the payer rejected the request (AAA), never `inactive` for that. */
export type EligibilityStatus = 'active' | 'inactive' | 'error' | 'unknown';

/**
 * A normalized eligibility response for one subscriber or dependent.
 *
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') r.right.responses[0]?.status; // 'active'
 */
export interface EligibilityResponse {
  /** Source of the response: `x12` or `json`. */
  readonly source: 'x12' | 'json';
  /** Implementation version: `5010`, `4010`, or `unknown`. */
  readonly version: '5010' | '4010' | 'unknown';
  /** ST02 (X12) or controlNumber (JSON). */
  readonly controlNumber: string;
  /** Index of the transaction in the interchange (0-based). */
  readonly transactionIndex: number;
  /** Payer (2100A). */
  readonly payer: EligibilityParty;
  /** Provider who asked (2100B). */
  readonly provider: EligibilityParty;
  /** The person, absent when the payer rejected before reaching one. */
  readonly member?: EligibilityMember;
  /** For a dependent: the subscriber's id and name. */
  readonly subscriber?: {
    readonly memberId?: string;
    readonly memberIdQualifier?: string;
    readonly lastName?: string;
    readonly firstName?: string;
    readonly middleName?: string;
  };
  /** Summary: error if any request-level AAA; else active if any EB01 1-5; else inactive if 6-8; else unknown. */
  readonly status: EligibilityStatus;
  /** Request-level rejections (2000A, 2100A, 2100B, 2100C/D) that apply to this person. */
  readonly rejections: readonly EligibilityRejection[];
  /** Every EB, in order. */
  readonly benefits: readonly BenefitFact[];
  /** What the reader tolerated while reading this response. */
  readonly warnings: readonly X12Warning[];
}
