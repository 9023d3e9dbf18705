/**
 * Front-end edits (claim scrubbing, billing reference §3): every rule a claim fails, each with its
 * edit id, severity, field path and message. Rules are data: a practice passes its own list (the
 * defaults plus payer-specific rules). Messages name fields and rules, never values.
 */
import { dateToDayNumber, type IsoDate } from '../core/calendar.js';
import { validateNpi } from '../records/npi.js';
import type { Claim } from './model.js';

/**
 * One failed edit: `error` blocks submission, `warning` does not.
 *
 * @example
 * const e: ClaimEdit = { edit: 'E13', severity: 'error', field: 'totalCharge', message: 'CLM02 must equal the sum of the line charges' };
 */
export interface ClaimEdit {
  readonly edit: string;
  readonly severity: 'error' | 'warning';
  /** Dotted path in the claim, such as `lines.2.pointers`. */
  readonly field: string;
  readonly message: string;
}

/**
 * What the edits may need beyond the claim: the submission date (default the claim's), the
 * payer's timely filing limit in days, and the procedure codes the payer requires an authorization for.
 *
 * @example
 * const ctx: ClaimCheckContext = { submissionDate: '2026-12-01' as IsoDate, timelyFilingDays: 90, authorizationRequired: ['72148'] };
 */
export interface ClaimCheckContext {
  readonly submissionDate?: IsoDate;
  readonly timelyFilingDays?: number;
  readonly authorizationRequired?: readonly string[];
}

/**
 * A front-end edit as data: its id, severity, and a check returning each failing field with a message.
 *
 * @example
 * const rule: ClaimRule = { edit: 'X01', severity: 'warning', check: (c) => (c.referralNumber ? [] : [{ field: 'referralNumber', message: 'this payer wants REF*9F' }]) };
 */
export interface ClaimRule {
  readonly edit: string;
  readonly severity: 'error' | 'warning';
  readonly check: (
    claim: Claim,
    context: ClaimCheckContext,
  ) => readonly { readonly field: string; readonly message: string }[];
}

type Finding = { field: string; message: string };
const fail = (field: string, message: string): Finding[] => [{ field, message }];
const when = (cond: boolean, field: string, message: string): Finding[] => (cond ? fail(field, message) : []);

/** CMS Place of Service code set (cms.gov, "Place of Service Code Set"); unassigned numbers are invalid. */
export const PLACE_OF_SERVICE_CODES: ReadonlySet<string> = new Set([
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '31',
  '32',
  '33',
  '34',
  '41',
  '42',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '65',
  '71',
  '72',
  '81',
  '99',
]);

/** ICD-10-CM took over from ICD-9-CM for dates of service from this day (billing reference §2.5). */
const ICD10_START = '2015-10-01';
const MAX_DIAGNOSES = 12;
const MAX_LINES = 50;
const MAX_POINTERS = 4;
const MAX_ECHOED_ID = 20;
const TAXONOMY = /^\d{3}[\dA-Z]{6}X$/;
const ICD10 = /^[A-Z]\d[\dA-Z][\dA-Z]{0,4}$/;
const PROCEDURE = /^(?:\d{5}|\d{4}[FTU]|[A-V]\d{4})$/;
const MODIFIER = /^[A-Z\d]{2}$/;
const NAME = /^[A-Za-z\d .'-]*$/;
const EXTERNAL_CAUSE = /^[V-Y]/;
const ANESTHESIA = /^0[01]\d{3}$/;

const npiFindings = (field: string, npi: string): Finding[] =>
  validateNpi(npi)._tag === 'Left'
    ? fail(field, 'NPI must be 10 digits with a valid check digit (prefix 80840)')
    : [];

const providers = (c: Claim): [string, Claim['billingProvider'] | undefined][] => [
  ['billingProvider', c.billingProvider],
  ['renderingProvider', c.renderingProvider],
  ['referringProvider', c.referringProvider],
];

const firstServiceDate = (c: Claim): IsoDate | undefined =>
  c.lines.reduce<IsoDate | undefined>(
    (m, l) => (l.serviceDates && (!m || l.serviceDates.start < m) ? l.serviceDates.start : m),
    undefined,
  );

/** The default front-end edits (billing reference §3), by id. */
export const DEFAULT_CLAIM_RULES: readonly ClaimRule[] = [
  {
    edit: 'E01',
    severity: 'error',
    check: (c) => providers(c).flatMap(([f, p]) => (p ? npiFindings(`${f}.npi`, p.npi) : [])),
  },
  {
    edit: 'E02',
    severity: 'error',
    check: (c) =>
      when(
        c.billingProvider.entity === 'person' && !c.billingProvider.firstName,
        'billingProvider.firstName',
        'an individual billing provider needs a first name',
      ),
  },
  {
    edit: 'E03',
    severity: 'error',
    check: (c) =>
      providers(c).flatMap(([f, p]) =>
        p?.taxonomy !== undefined && !TAXONOMY.test(p.taxonomy)
          ? fail(`${f}.taxonomy`, 'taxonomy must be 10 characters ending in X')
          : [],
      ),
  },
  {
    edit: 'E04',
    severity: 'error',
    check: (c) => {
      const t = c.billingProvider.taxId;
      if (!t) return fail('billingProvider.taxId', 'the billing provider needs a tax id (REF*EI or REF*SY)');
      if (t.qualifier !== 'EI' && t.qualifier !== 'SY')
        return fail('billingProvider.taxId.qualifier', 'tax id qualifier must be EI or SY');
      return when(
        !/^\d{9}$/.test(t.value) || /^0+$/.test(t.value),
        'billingProvider.taxId.value',
        'tax id must be 9 digits, not all zeros',
      );
    },
  },
  {
    edit: 'E06',
    severity: 'error',
    check: (c) =>
      when(
        !c.subscriber.memberId || !/^[A-Za-z\d-]+$/.test(c.subscriber.memberId),
        'subscriber.memberId',
        'subscriber id must be present, letters and digits',
      ),
  },
  {
    edit: 'E07',
    severity: 'error',
    check: (c) =>
      [
        ['subscriber.lastName', c.subscriber.lastName],
        ['patient.lastName', c.patient?.lastName],
      ].flatMap(([f, v]) =>
        v === undefined
          ? []
          : v === ''
            ? fail(f!, 'last name is required')
            : when(
                !NAME.test(v),
                f!,
                'name may hold letters, digits, space, hyphen, apostrophe and period only',
              ),
      ),
  },
  {
    edit: 'E08',
    severity: 'error',
    check: (c) => {
      const first = firstServiceDate(c);
      const person = c.patient ?? c.subscriber;
      const field = c.patient ? 'patient.dateOfBirth' : 'subscriber.dateOfBirth';
      return when(
        person.dateOfBirth !== undefined && first !== undefined && person.dateOfBirth > first,
        field,
        'date of birth must not be after the date of service',
      );
    },
  },
  {
    edit: 'E09',
    severity: 'error',
    check: (c) =>
      [
        ['subscriber.gender', c.subscriber.gender],
        ['patient.gender', c.patient?.gender],
      ].flatMap(([f, g]) =>
        g !== undefined && !['F', 'M', 'U'].includes(g) ? fail(f!, 'gender must be F, M or U') : [],
      ),
  },
  {
    edit: 'E10',
    severity: 'error',
    check: (c) =>
      when(
        c.patient?.relationship === '18',
        'patient.relationship',
        'a patient loop is only for a patient who is not the subscriber (PAT01 is not 18)',
      ),
  },
  {
    edit: 'E11',
    severity: 'error',
    check: (c) => when(c.payer.id.trim() === '', 'payer.id', 'payer id is required'),
  },
  {
    edit: 'E12',
    severity: 'error',
    check: (c) =>
      when(
        c.id === '' || c.id.length > MAX_ECHOED_ID,
        'id',
        'claim id (CLM01) must be 1 to 20 characters to come back in CLP01',
      ),
  },
  {
    edit: 'E13',
    severity: 'error',
    check: (c) =>
      c.totalCharge <= 0
        ? fail('totalCharge', 'total charge must be more than zero')
        : when(
            c.totalCharge !== c.lines.reduce((s, l) => s + l.charge, 0),
            'totalCharge',
            'CLM02 must equal the sum of the line charges',
          ),
  },
  {
    edit: 'E14',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) =>
        when(l.charge <= 0, `lines.${i}.charge`, 'line charge must be more than zero'),
      ),
  },
  {
    edit: 'E15',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) => [
        ...when(!(l.quantity > 0), `lines.${i}.quantity`, 'units must be more than zero'),
        ...when(
          l.unit === 'UN' && !Number.isInteger(l.quantity),
          `lines.${i}.quantity`,
          'UN units must be whole',
        ),
        ...when(
          ANESTHESIA.test(l.procedure.code) && l.unit !== 'MJ',
          `lines.${i}.unit`,
          'anesthesia codes are billed in minutes (MJ)',
        ),
      ]),
  },
  {
    edit: 'E16',
    severity: 'error',
    check: (c) =>
      when(c.lines.length < 1 || c.lines.length > MAX_LINES, 'lines', 'a claim has 1 to 50 service lines'),
  },
  {
    edit: 'E17',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) =>
        when(!l.serviceDates, `lines.${i}.serviceDates`, 'every line needs a date of service (DTP*472)'),
      ),
  },
  {
    edit: 'E18',
    severity: 'error',
    check: (c, ctx) => {
      const on = ctx.submissionDate ?? c.submissionDate;
      return on === undefined
        ? []
        : c.lines.flatMap((l, i) =>
            when(
              l.serviceDates !== undefined && l.serviceDates.end > on,
              `lines.${i}.serviceDates`,
              'date of service must not be after the submission date',
            ),
          );
    },
  },
  {
    edit: 'E20',
    severity: 'error',
    check: (c, ctx) => {
      const on = ctx.submissionDate ?? c.submissionDate;
      const first = firstServiceDate(c);
      if (on === undefined || first === undefined || ctx.timelyFilingDays === undefined) return [];
      return when(
        dateToDayNumber(on) - dateToDayNumber(first) > ctx.timelyFilingDays,
        'lines',
        'the claim is past the payer timely filing limit',
      );
    },
  },
  {
    edit: 'E20W',
    severity: 'warning',
    check: (c, ctx) => {
      const on = ctx.submissionDate ?? c.submissionDate;
      const first = firstServiceDate(c);
      if (on === undefined || first === undefined || ctx.timelyFilingDays === undefined) return [];
      const age = dateToDayNumber(on) - dateToDayNumber(first);
      // Within 30 days of the limit (billing reference §3, E20): submit now.
      return when(
        age <= ctx.timelyFilingDays && age > ctx.timelyFilingDays - 30,
        'lines',
        'the claim is within 30 days of the timely filing limit',
      );
    },
  },
  {
    edit: 'E21',
    severity: 'error',
    check: (c) => when(c.diagnoses.length === 0, 'diagnoses', 'at least one diagnosis is required'),
  },
  {
    edit: 'E22',
    severity: 'error',
    check: (c) => [
      ...when(
        c.diagnoses.length > MAX_DIAGNOSES,
        'diagnoses',
        'at most 12 diagnoses per claim: split the claim',
      ),
      ...when(new Set(c.diagnoses).size !== c.diagnoses.length, 'diagnoses', 'a diagnosis is listed twice'),
    ],
  },
  {
    edit: 'E23',
    severity: 'error',
    check: (c) =>
      c.diagnosisCodeSet !== 'icd10'
        ? []
        : c.diagnoses.flatMap((d, i) =>
            when(
              !ICD10.test(d),
              `diagnoses.${i}`,
              'ICD-10-CM code: letter, digit, then 1-5 letters or digits, no decimal point',
            ),
          ),
  },
  {
    edit: 'E25',
    severity: 'error',
    check: (c) => {
      const first = firstServiceDate(c);
      if (first === undefined) return [];
      return c.diagnosisCodeSet === 'icd9'
        ? when(
            first >= ICD10_START,
            'diagnosisCodeSet',
            'ICD-9-CM is not accepted for dates of service from 2015-10-01',
          )
        : when(first < ICD10_START, 'diagnosisCodeSet', 'ICD-10-CM is for dates of service from 2015-10-01');
    },
  },
  {
    edit: 'E26',
    severity: 'error',
    check: (c) =>
      when(
        c.diagnosisCodeSet === 'icd10' && EXTERNAL_CAUSE.test(c.diagnoses[0] ?? ''),
        'diagnoses.0',
        'an external-cause code (V00-Y99) cannot be the principal diagnosis',
      ),
  },
  {
    edit: 'E27',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) => [
        ...when(
          l.pointers.length === 0 || l.pointers.length > MAX_POINTERS,
          `lines.${i}.pointers`,
          'a line has 1 to 4 diagnosis pointers',
        ),
        ...when(
          l.pointers.some((p) => !Number.isInteger(p) || p < 1 || p > c.diagnoses.length),
          `lines.${i}.pointers`,
          'a pointer must name a diagnosis position on the claim',
        ),
        ...when(
          new Set(l.pointers).size !== l.pointers.length,
          `lines.${i}.pointers`,
          'a pointer is repeated on the line',
        ),
      ]),
  },
  {
    edit: 'E28',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) =>
        when(
          l.procedure.qualifier === 'HC' && !PROCEDURE.test(l.procedure.code),
          `lines.${i}.procedure.code`,
          'CPT or HCPCS code format',
        ),
      ),
  },
  {
    edit: 'E29',
    severity: 'error',
    check: (c) =>
      c.lines.flatMap((l, i) => [
        ...when(
          l.procedure.modifiers.some((m) => !MODIFIER.test(m)),
          `lines.${i}.procedure.modifiers`,
          'a modifier is two letters or digits',
        ),
        ...when(
          new Set(l.procedure.modifiers).size !== l.procedure.modifiers.length,
          `lines.${i}.procedure.modifiers`,
          'a modifier is repeated on the line',
        ),
      ]),
  },
  {
    edit: 'E31',
    severity: 'error',
    check: (c) => [
      ...when(
        !PLACE_OF_SERVICE_CODES.has(c.placeOfService),
        'placeOfService',
        'place of service must be a current CMS POS code',
      ),
      ...c.lines.flatMap((l, i) =>
        when(
          l.placeOfService !== undefined && !PLACE_OF_SERVICE_CODES.has(l.placeOfService),
          `lines.${i}.placeOfService`,
          'place of service must be a current CMS POS code',
        ),
      ),
    ],
  },
  {
    edit: 'E33',
    severity: 'error',
    check: (c) =>
      !['1', '7', '8'].includes(c.frequency)
        ? fail('frequency', 'frequency must be 1 (original), 7 (replacement) or 8 (void)')
        : c.frequency === '1'
          ? when(
              c.originalClaimNumber !== undefined,
              'originalClaimNumber',
              'an original claim carries no REF*F8',
            )
          : when(
              c.originalClaimNumber === undefined,
              'originalClaimNumber',
              'a replacement or void needs the payer claim number (REF*F8)',
            ),
  },
  {
    edit: 'E34',
    severity: 'error',
    check: (c, ctx) =>
      c.priorAuthorization === undefined &&
      c.lines.some((l) => ctx.authorizationRequired?.includes(l.procedure.code))
        ? fail(
            'priorAuthorization',
            'the payer requires a prior authorization number (REF*G1) for a procedure on this claim',
          )
        : [],
  },
  {
    edit: 'E36',
    severity: 'error',
    check: (c) =>
      when(
        c.renderingProvider?.entity === 'organization',
        'renderingProvider.entity',
        'the rendering provider is an individual',
      ),
  },
];

/**
 * Runs the front-end edits on a claim and returns every failure (not only the first), each with its
 * edit id (billing reference §3), severity, field path and a message naming the rule, never the
 * value. Rules are data: pass `[...DEFAULT_CLAIM_RULES, ...payerRules]` to add a payer's own, or a
 * filtered list to drop one.
 *
 * @param claim - the claim
 * @param rules - the edits to run, {@link DEFAULT_CLAIM_RULES} by default
 * @param context - submission date, timely filing limit, codes needing authorization
 * @returns the failed edits, in rule order (empty when the claim is clean); never fails
 * @example
 * checkClaim(claim).filter((e) => e.severity === 'error').map((e) => e.edit); // ['E13']
 */
export const checkClaim = (
  claim: Claim,
  rules: readonly ClaimRule[] = DEFAULT_CLAIM_RULES,
  context: ClaimCheckContext = {},
): readonly ClaimEdit[] =>
  rules.flatMap((r) =>
    r
      .check(claim, context)
      .map((f) => ({ edit: r.edit, severity: r.severity, field: f.field, message: f.message })),
  );
