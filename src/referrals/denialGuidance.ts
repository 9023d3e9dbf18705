/**
 * What the office can do about a payer's denial: classify the reason, then name concrete fixes.
 * Diagnosis problems are found with the ICD-10-CM format and specificity checks of `records`.
 */
import { checkIcd10Specificity, type Icd10CmCode, type Icd10SpecificityOptions } from '../records/icd10.js';
import type { AuthorizationRequestType, DenialReason } from './model.js';

/** The kinds of denial the office answers differently. */
export type DenialCategory =
  | 'diagnosis-specificity'
  | 'diagnosis-procedure-mismatch'
  | 'missing-information'
  | 'medical-necessity'
  | 'out-of-network'
  | 'not-covered'
  | 'authorization-problem'
  | 'duplicate'
  | 'other';

/**
 * Claim adjustment reason codes that name a denial category. Source: X12 CARC list (wording per
 * x12.org/codes/claim-adjustment-reason-codes): 11 diagnosis inconsistent with the procedure;
 * 15 authorization number missing, invalid or not applicable; 16 lacks information; 18 exact
 * duplicate; 50 not deemed a medical necessity; 96 non-covered charges; 146 diagnosis invalid for
 * the date of service; 197 precertification/authorization absent; 204 not covered under the
 * current benefit plan; 242 services not provided by network/primary care providers; 252 an
 * attachment or other documentation is required.
 */
const CARC_CATEGORY: Readonly<Record<string, DenialCategory>> = {
  '11': 'diagnosis-procedure-mismatch',
  '15': 'authorization-problem',
  '16': 'missing-information',
  '18': 'duplicate',
  '50': 'medical-necessity',
  '96': 'not-covered',
  '146': 'diagnosis-specificity',
  '197': 'authorization-problem',
  '204': 'not-covered',
  '242': 'out-of-network',
  '252': 'missing-information',
};

// Free-text cues from payers' MSG / processNote text, checked in this order.
const TEXT_CUES: readonly (readonly [RegExp, DenialCategory])[] = [
  [/specific|unspecified|7th|seventh|placeholder|header code|invalid (diagnosis|icd)|laterality/i, 'diagnosis-specificity'],
  [/inconsistent|does not support|mismatch/i, 'diagnosis-procedure-mismatch'],
  [/duplicate/i, 'duplicate'],
  [/medical(ly)? necess|criteria not met|not necessary/i, 'medical-necessity'],
  [/network/i, 'out-of-network'],
  [/missing|documentation|attachment|records|information|notes/i, 'missing-information'],
  [/not covered|non-covered|exclu|benefit/i, 'not-covered'],
  [/authori[sz]ation|precert/i, 'authorization-problem'],
]; // prettier-ignore

/** A denial to answer: the payer's reason and the diagnoses as submitted. */
export interface ReferralDenial {
  /** HCR03 / CARC / text, as recorded in `Referral.refusal.reason`. */
  readonly reason: DenialReason;
  /** The diagnoses the denied request carried, as typed or stored. */
  readonly diagnoses: readonly string[];
  /** The category, when the office already knows it (overrides classification). */
  readonly category?: DenialCategory;
}

/** What is wrong with one diagnosis and how to fix it. */
export interface DiagnosisFinding {
  /** Position in `diagnoses` (0-based). */
  readonly index: number;
  /** The records rule it breaks. */
  readonly problem: 'icd10.format' | 'icd10.header-code' | 'icd10.seventh-character' | 'icd10.placeholder' | 'icd10.not-in-code-set';
  /** The fix in words (no code values). */
  readonly fix: string;
  /** Corrected codes to choose from, when the library can build them. */
  readonly candidates: readonly Icd10CmCode[];
} // prettier-ignore

/** A step the office can take. */
export interface DenialStep {
  /** Step kind. */
  readonly action:
    | 'fix-diagnosis'
    | 'review-diagnosis-coding'
    | 'attach-documentation'
    | 'appeal-with-clinical-evidence'
    | 'choose-in-network-provider'
    | 'check-benefits'
    | 'check-for-existing-request'
    | 'contact-payer';
  /** The step in words. */
  readonly message: string;
}

/** The answer of {@link denialGuidance}. */
export interface DenialGuidance {
  /** How the denial was classified. */
  readonly category: DenialCategory;
  /** Whether the category came from the caller, the CARC, the text, or nothing matched. */
  readonly classifiedBy: 'caller' | 'carc' | 'text' | 'unknown';
  /** The request to send next: a corrected new request, or an appeal (UM02 = 1/2). */
  readonly nextRequest: Extract<AuthorizationRequestType, 'initial' | 'appeal-standard'>;
  /** What to do, in order. */
  readonly steps: readonly DenialStep[];
  /** Diagnosis problems found by the ICD-10-CM checks (every denial is checked). */
  readonly diagnosisFindings: readonly DiagnosisFinding[];
}

const classify = (denial: ReferralDenial): Pick<DenialGuidance, 'category' | 'classifiedBy'> => {
  if (denial.category !== undefined) return { category: denial.category, classifiedBy: 'caller' };
  const carc = denial.reason.carc?.trim();
  // Own keys only: the CARC is outside text, and `constructor` must classify nothing.
  const byCarc = carc !== undefined && Object.hasOwn(CARC_CATEGORY, carc) ? CARC_CATEGORY[carc] : undefined;
  if (byCarc !== undefined) return { category: byCarc, classifiedBy: 'carc' };
  const text = denial.reason.text ?? '';
  const cue = TEXT_CUES.find(([re]) => re.test(text));
  return cue ? { category: cue[1], classifiedBy: 'text' } : { category: 'other', classifiedBy: 'unknown' };
};

// Injury and external-cause codes (chapters 19-20) take A (initial), D (subsequent) or S (sequela)
// as 7th character in most categories (ICD-10-CM Tabular List, chapter 19 notes).
const seventhCandidates = (code: string): readonly Icd10CmCode[] =>
  /^[ST]/.test(code) ? (['A', 'D', 'S'] as const).map((c) => `${code}${c}` as Icd10CmCode) : [];

const FIXES: Readonly<Record<DiagnosisFinding['problem'], string>> = {
  'icd10.format': 'rewrite it as ICD-10-CM: a letter, a digit, a letter or digit, then up to 4 more',
  'icd10.header-code': 'replace the category header with its most specific billable subcode',
  'icd10.seventh-character': 'add the 7th character (for injuries: A initial, D subsequent, S sequela)',
  'icd10.placeholder': 'add X placeholders so the 7th character sits in position 7',
  'icd10.not-in-code-set': 'use a code valid in the code set of the date of service',
};

const findings = (diagnoses: readonly string[], options: Icd10SpecificityOptions): DiagnosisFinding[] =>
  diagnoses.flatMap((input, index) => {
    const checked = checkIcd10Specificity(input, options);
    if (checked._tag === 'Right') return [];
    const problem = checked.left.code;
    const stored = input.trim().toUpperCase().replace('.', '');
    const candidates =
      problem === 'icd10.seventh-character'
        ? seventhCandidates(stored)
        : problem === 'icd10.placeholder'
          ? [`${stored.slice(0, -1).padEnd(6, 'X')}${stored.slice(-1)}` as Icd10CmCode]
          : [];
    return [{ index, problem, fix: `diagnosis ${index + 1}: ${FIXES[problem]}`, candidates }];
  });

const STEPS: Readonly<Record<Exclude<DenialCategory, 'diagnosis-specificity'>, readonly DenialStep[]>> = {
  'diagnosis-procedure-mismatch': [
    { action: 'review-diagnosis-coding', message: 'check that the diagnoses support the requested procedures' },
    { action: 'attach-documentation', message: 'attach the notes that link the diagnosis to the procedure' },
  ],
  'missing-information': [
    { action: 'attach-documentation', message: 'attach the missing clinical documentation and send a new request' },
  ],
  'medical-necessity': [
    { action: 'appeal-with-clinical-evidence', message: 'appeal (UM02 = 2, or 1 if urgent) with notes, imaging and failed conservative treatment; ask for a peer-to-peer review' },
  ],
  'out-of-network': [
    { action: 'choose-in-network-provider', message: 'redirect to an in-network provider, or request a network exception' },
  ],
  'not-covered': [
    { action: 'check-benefits', message: 'check the plan benefits; the patient may choose to self-pay (obtain a waiver first)' },
  ],
  'authorization-problem': [
    { action: 'contact-payer', message: 'confirm the request, provider and service match the payer record, then send a new request' },
  ],
  duplicate: [
    { action: 'check-for-existing-request', message: 'look for an earlier request or certification for the same service before sending again' },
  ],
  other: [{ action: 'contact-payer', message: 'call the payer for the reason, then amend and send a new request or appeal' }],
}; // prettier-ignore

/**
 * Maps a payer's denial to the fix the office can make. The category comes from the caller, else
 * the CARC code, else cues in the payer's text (`other` when nothing matches). Every diagnosis is
 * run through `checkIcd10Specificity` from `records`, whatever the category; for a specificity
 * denial with no finding the guidance says so, because without the fiscal year's code table the
 * library cannot tell a 4- to 6-character header from a billable code (pass `options.validCodes`).
 * Medical-necessity denials are answered by an appeal (UM02 = 2); everything else by a corrected
 * new request, since a denial cannot be updated (Da Vinci PAS).
 *
 * @param denial - the payer's reason and the diagnoses of the denied request
 * @param options - the fiscal year's valid ICD-10-CM codes, for an exact check
 * @returns category, next request type, steps and per-diagnosis findings with candidate codes
 * @example
 * denialGuidance({ reason: { text: 'Diagnosis not specific enough' }, diagnoses: ['S83.241'] });
 * // { category: 'diagnosis-specificity', nextRequest: 'initial',
 * //   diagnosisFindings: [{ index: 0, problem: 'icd10.seventh-character', candidates: ['S83241A', 'S83241D', 'S83241S'] }], ... }
 */
export const denialGuidance = (
  denial: ReferralDenial,
  options: Icd10SpecificityOptions = {},
): DenialGuidance => {
  const { category, classifiedBy } = classify(denial);
  const diagnosisFindings = findings(denial.diagnoses, options);
  const fixSteps: DenialStep[] = diagnosisFindings.map((f) => ({ action: 'fix-diagnosis', message: f.fix }));
  const categorySteps: readonly DenialStep[] =
    category !== 'diagnosis-specificity'
      ? STEPS[category]
      : diagnosisFindings.length > 0
        ? [{ action: 'review-diagnosis-coding', message: 'send a new request with the corrected diagnoses' }]
        : [
            {
              action: 'review-diagnosis-coding',
              message:
                'no structural problem found: check laterality and subcodes against the fiscal-year code table (unknown without it)',
            },
          ];
  return {
    category,
    classifiedBy,
    nextRequest: category === 'medical-necessity' ? 'appeal-standard' : 'initial',
    steps: [...fixSteps, ...categorySteps],
    diagnosisFindings,
  };
};
