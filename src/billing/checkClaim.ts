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
 * payer's timely filing limit in days, the procedure codes the payer requires an authorization
 * for, and the code tables the table-driven edits read (E24 billable diagnoses, E30 PC/TC codes,
 * E32 office-only and telehealth codes, E35 referral requirements, E37 sex and age limits, E38
 * submitted claims, E39 NCCI pairs, E40 MUE). An edit whose table is absent is not run; tables
 * change quarterly or yearly and are the caller's to supply (the library ships no code table).
 *
 * @example
 * const ctx: ClaimCheckContext = { submissionDate: isoDate('2026-12-01'), timelyFilingDays: 90, authorizationRequired: ['72148'] };
 */
export interface ClaimCheckContext {
  readonly submissionDate?: IsoDate;
  readonly timelyFilingDays?: number;
  readonly authorizationRequired?: readonly string[];
  /** E24: whether an ICD-10-CM code is a billable leaf on a date of service (the CMS table of its fiscal year). */
  readonly billableDiagnosis?: (code: string, dateOfService: IsoDate) => boolean;
  /** E30: codes with a professional/technical split, the only ones modifiers 26 and TC may go on. */
  readonly pcTcCodes?: ReadonlySet<string>;
  /** E32: codes billed only in an office (not with facility places of service 21-24). */
  readonly officeOnlyCodes?: ReadonlySet<string>;
  /** E32: the payer's telehealth list (codes allowed with places of service 02 and 10). */
  readonly telehealthCodes?: ReadonlySet<string>;
  /** E35: procedure codes the payer wants a referring provider for (DME, lab, imaging, consults). */
  readonly referringProviderRequired?: readonly string[];
  /** E35: the plan needs the referral number (REF*9F), as HMO plans requiring referrals do. */
  readonly referralNumberRequired?: boolean;
  /** E37: procedure or diagnosis codes limited to one sex. */
  readonly sexSpecificCodes?: { readonly female?: ReadonlySet<string>; readonly male?: ReadonlySet<string> };
  /** E37: procedure or diagnosis codes limited to ages (whole years on the date of service, inclusive). */
  readonly ageLimitedCodes?: ReadonlyMap<string, { readonly min?: number; readonly max?: number }>;
  /** E38: claims already submitted (a void, frequency 8, takes back the claim it names). */
  readonly submittedClaims?: readonly Claim[];
  /** E39: NCCI procedure-to-procedure pairs with their modifier indicator (0 never, 1 with a modifier, 9 not applicable). */
  readonly ncciPairs?: readonly {
    readonly column1: string;
    readonly column2: string;
    readonly modifierIndicator: '0' | '1' | '9';
  }[];
  /** E40: medically unlikely edits, the most units of a code per date of service. */
  readonly mue?: ReadonlyMap<string, number>;
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

/** HCPCS Level II J-codes (drugs administered other than orally), which Medicaid wants with an NDC. */
const J_CODE = /^J\d{4}$/;
/** The 11-digit NDC of the 837P (LIN03 with LIN02 N4): the 5-4-2 form without hyphens. */
const NDC_11 = /^\d{11}$/;

const firstServiceDate = (c: Claim): IsoDate | undefined =>
  c.lines.reduce<IsoDate | undefined>(
    (m, l) => (l.serviceDates && (!m || l.serviceDates.start < m) ? l.serviceDates.start : m),
    undefined,
  );

/** The default front-end edits (billing reference §3), by id. */
const BASE_RULES: readonly ClaimRule[] = [
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
    // E19's other half (no date of service before the date of birth) is E08.
    edit: 'E19',
    severity: 'error',
    check: (c) => {
      const person = c.patient ?? c.subscriber;
      const death = person.dateOfDeath;
      return death === undefined
        ? []
        : c.lines.flatMap((l, i) =>
            when(
              l.serviceDates !== undefined && l.serviceDates.end > death,
              `lines.${i}.serviceDates`,
              'date of service must not be after the date of death (PAT06)',
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

/** USPS state, district, territory and military codes (USPS Publication 28 Appendix B). */
const USPS_STATES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP AA AE AP'
  ).split(' '),
);
/** A PO box or lockbox in a street line (linear: alternatives of fixed words). */
const PO_BOX = /\b(?:P\.? ?O\.? ?BOX|POST OFFICE BOX|LOCK ?BOX)\b/i;
const NINE_DIGIT_ZIP = /^\d{9}$/;
/** Facility places of service where office-only codes are not billed (billing reference §3 E32). */
const FACILITY_POS: ReadonlySet<string> = new Set(['21', '22', '23', '24']);
const TELEHEALTH_POS: ReadonlySet<string> = new Set(['02', '10']);
/** Anesthesia modifiers (physical status P1-P6, provider AA/QK/QX/QY/QZ): anesthesia codes only. */
const ANESTHESIA_MODIFIERS: ReadonlySet<string> = new Set([
  'AA',
  'QK',
  'QX',
  'QY',
  'QZ',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
]);
/** Modifiers that let an NCCI pair with indicator 1 through: 59 and its X{EPSU} subsets. */
const NCCI_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);
const EVALUATION_MANAGEMENT = /^992\d\d$/;
/** ICD-10-CM chapter 15 (O00-O9A): pregnancy, childbirth and the puerperium. */
const PREGNANCY = /^O[\dA]/;
/** SBR01 codes in paying order. */
const PAYER_ORDER = 'PSTABCDEFGH';
/** X12 separators as build837P writes them (front-end edit E44). */
const SEPARATOR_CHARACTERS = /[*:^~]/;

const sumAmounts = (list: readonly { readonly amount: number }[]): number =>
  list.reduce((s, a) => s + a.amount, 0);

const ageOn = (dob: string, date: string): number => {
  const years = Number(date.slice(0, 4)) - Number(dob.slice(0, 4));
  return date.slice(5) >= dob.slice(5) ? years : years - 1;
};

const lineDate = (c: Claim, i: number): IsoDate | undefined => c.lines[i]?.serviceDates?.start;
const sameModifiers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((m) => b.includes(m));

/** Every string of the claim with its field path (for E44). */
const textFields = (c: Claim): [string, string][] => {
  const out: [string, string][] = [];
  const walk = (path: string, v: unknown): void => {
    if (typeof v === 'string') out.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}.${i}`, x));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(path === '' ? k : `${path}.${k}`, x);
  };
  walk('', c);
  return out;
};

/** The edits that need the wider context or the other-payer loops (billing reference §3). */
const MORE_RULES: readonly ClaimRule[] = [
  {
    edit: 'E05',
    severity: 'error',
    check: (c) => {
      const a = c.billingProvider.address;
      if (!a)
        return fail('billingProvider.address', 'the billing provider needs a street address (2010AA N3/N4)');
      return [
        ...when(
          PO_BOX.test(a.line1),
          'billingProvider.address.line1',
          'the billing address must not be a PO box or lockbox (use the pay-to address)',
        ),
        ...when(
          a.line2 !== undefined && PO_BOX.test(a.line2),
          'billingProvider.address.line2',
          'the billing address must not be a PO box or lockbox (use the pay-to address)',
        ),
        ...when(
          !NINE_DIGIT_ZIP.test(a.zip),
          'billingProvider.address.zip',
          'the billing ZIP code has nine digits',
        ),
        ...when(
          !USPS_STATES.has(a.state),
          'billingProvider.address.state',
          'the billing state is a USPS state code',
        ),
      ];
    },
  },
  {
    edit: 'E24',
    severity: 'error',
    check: (c, ctx) => {
      const table = ctx.billableDiagnosis;
      const first = firstServiceDate(c);
      if (!table || !first || c.diagnosisCodeSet !== 'icd10') return [];
      return c.diagnoses.flatMap((d, i) =>
        when(
          !table(d, first),
          `diagnoses.${i}`,
          'the diagnosis is not a billable ICD-10-CM code on the date of service (a category header, or not valid that fiscal year)',
        ),
      );
    },
  },
  {
    edit: 'E30',
    severity: 'error',
    check: (c, ctx) =>
      c.lines.flatMap((l, i) => {
        const m = l.procedure.modifiers;
        const field = `lines.${i}.procedure.modifiers`;
        const has = (x: string): boolean => m.includes(x);
        return [
          ...when(
            has('50') && (has('LT') || has('RT')),
            field,
            'LT and RT do not go with bilateral modifier 50',
          ),
          ...when(has('26') && has('TC'), field, 'modifiers 26 and TC exclude each other'),
          ...when(
            ctx.pcTcCodes !== undefined && (has('26') || has('TC')) && !ctx.pcTcCodes.has(l.procedure.code),
            field,
            'modifiers 26 and TC go only on codes with a professional/technical split',
          ),
          ...when(
            m.some((x) => ANESTHESIA_MODIFIERS.has(x)) && !ANESTHESIA.test(l.procedure.code),
            field,
            'anesthesia modifiers go only on anesthesia codes (00100-01999)',
          ),
        ];
      }),
  },
  {
    edit: 'E32',
    severity: 'error',
    check: (c, ctx) =>
      c.lines.flatMap((l, i) => {
        const pos = l.placeOfService ?? c.placeOfService;
        const code = l.procedure.code;
        return [
          ...when(
            FACILITY_POS.has(pos) && ctx.officeOnlyCodes?.has(code) === true,
            `lines.${i}.procedure.code`,
            'an office-only code is billed with a facility place of service (21-24)',
          ),
          ...when(
            TELEHEALTH_POS.has(pos) && ctx.telehealthCodes !== undefined && !ctx.telehealthCodes.has(code),
            `lines.${i}.procedure.code`,
            'a telehealth place of service (02, 10) with a code not on the payer telehealth list',
          ),
        ];
      }),
  },
  {
    edit: 'E35',
    severity: 'error',
    check: (c, ctx) => [
      ...when(
        c.referringProvider === undefined &&
          c.lines.some((l) => ctx.referringProviderRequired?.includes(l.procedure.code) === true),
        'referringProvider',
        'the payer requires a referring provider (2310A) for a procedure on this claim',
      ),
      ...when(
        ctx.referralNumberRequired === true && c.referralNumber === undefined,
        'referralNumber',
        'the plan requires the referral number (REF*9F)',
      ),
    ],
  },
  {
    edit: 'E37',
    severity: 'warning',
    check: (c, ctx) => {
      const person = c.patient ?? c.subscriber;
      const base = c.patient ? 'patient' : 'subscriber';
      const other =
        person.gender === 'F'
          ? ctx.sexSpecificCodes?.male
          : person.gender === 'M'
            ? ctx.sexSpecificCodes?.female
            : undefined;
      const first = firstServiceDate(c);
      const age = person.dateOfBirth && first ? ageOn(person.dateOfBirth, first) : undefined;
      const outOfAge = (code: string): boolean => {
        const range = ctx.ageLimitedCodes?.get(code);
        return (
          range !== undefined &&
          age !== undefined &&
          ((range.min !== undefined && age < range.min) || (range.max !== undefined && age > range.max))
        );
      };
      const sexMessage = `a code limited to the other sex than ${base}.gender`;
      return [
        ...c.diagnoses.flatMap((d, i) => [
          ...when(
            other?.has(d) === true ||
              (person.gender === 'M' && c.diagnosisCodeSet === 'icd10' && PREGNANCY.test(d)),
            `diagnoses.${i}`,
            sexMessage,
          ),
          ...when(outOfAge(d), `diagnoses.${i}`, `a code limited to ages that exclude ${base}.dateOfBirth`),
        ]),
        ...c.lines.flatMap((l, i) => [
          ...when(other?.has(l.procedure.code) === true, `lines.${i}.procedure.code`, sexMessage),
          ...when(
            outOfAge(l.procedure.code),
            `lines.${i}.procedure.code`,
            `a code limited to ages that exclude ${base}.dateOfBirth`,
          ),
        ]),
      ];
    },
  },
  {
    edit: 'E38',
    severity: 'error',
    check: (c, ctx) => {
      const submitted = ctx.submittedClaims ?? [];
      if (submitted.length === 0) return [];
      const voided = new Set(
        submitted
          .filter((s) => s.frequency === '8')
          .flatMap((s) => (s.originalClaimNumber ? [s.originalClaimNumber] : [])),
      );
      const live = submitted.filter(
        (s) =>
          s.frequency !== '8' &&
          !(s.payerClaimNumber !== undefined && voided.has(s.payerClaimNumber)) &&
          // A replacement answers the claim it replaces: that one is not its duplicate.
          !(
            c.frequency === '7' &&
            s.payerClaimNumber !== undefined &&
            s.payerClaimNumber === c.originalClaimNumber
          ),
      );
      const who = (x: Claim): string => {
        const p = x.patient ?? x.subscriber;
        return [x.subscriber.memberId ?? '', p.lastName, p.firstName ?? '', p.dateOfBirth ?? ''].join('|');
      };
      const me = who(c);
      return c.lines.flatMap((l, i) =>
        when(
          live.some(
            (s) =>
              who(s) === me &&
              (s.renderingProvider?.npi ?? '') === (c.renderingProvider?.npi ?? '') &&
              s.lines.some(
                (o) =>
                  o.procedure.code === l.procedure.code &&
                  sameModifiers(o.procedure.modifiers, l.procedure.modifiers) &&
                  o.charge === l.charge &&
                  o.serviceDates?.start === l.serviceDates?.start,
              ),
          ),
          `lines.${i}`,
          'the same patient, date, procedure, modifiers, rendering provider and charge were already submitted (CARC 18)',
        ),
      );
    },
  },
  {
    edit: 'E39',
    severity: 'error',
    check: (c, ctx) =>
      (ctx.ncciPairs ?? []).flatMap((pair) =>
        pair.modifierIndicator === '9'
          ? []
          : c.lines.flatMap((l, j) => {
              if (l.procedure.code !== pair.column2) return [];
              const withColumn1 = c.lines.some(
                (o, k) => k !== j && o.procedure.code === pair.column1 && lineDate(c, k) === lineDate(c, j),
              );
              if (!withColumn1) return [];
              const allowed =
                pair.modifierIndicator === '1' &&
                l.procedure.modifiers.some(
                  (m) =>
                    NCCI_MODIFIERS.has(m) || (m === '25' && EVALUATION_MANAGEMENT.test(l.procedure.code)),
                );
              return when(
                !allowed,
                `lines.${j}.procedure.code`,
                pair.modifierIndicator === '0'
                  ? 'NCCI: this code is never paid with its column-one code on the same date'
                  : 'NCCI: this code with its column-one code on the same date needs modifier 59, XE, XS, XP or XU (25 for E/M)',
              );
            }),
      ),
  },
  {
    edit: 'E40',
    severity: 'error',
    check: (c, ctx) => {
      const mue = ctx.mue;
      if (!mue) return [];
      const units = new Map<string, { first: number; units: number }>();
      c.lines.forEach((l, i) => {
        const key = `${l.procedure.code}|${lineDate(c, i) ?? ''}`;
        const u = units.get(key);
        if (u) u.units += l.quantity;
        else units.set(key, { first: i, units: l.quantity });
      });
      return [...units.values()].flatMap(({ first, units: n }) => {
        const code = c.lines[first]?.procedure.code ?? '';
        const limit = mue.get(code);
        return when(
          limit !== undefined && n > limit,
          `lines.${first}.quantity`,
          'units of this code on one date of service exceed its MUE',
        );
      });
    },
  },
  {
    edit: 'E41',
    severity: 'error',
    check: (c) => {
      const causes = c.relatedCauses ?? [];
      const accident = causes.includes('AA') || causes.includes('OA');
      return [
        ...when(
          causes.includes('AA') && (c.accidentState === undefined || !USPS_STATES.has(c.accidentState)),
          'accidentState',
          'an auto accident (CLM11 AA) needs the state it happened in',
        ),
        ...when(
          accident && c.accidentDate === undefined,
          'accidentDate',
          'an accident (CLM11 AA or OA) needs its date (DTP*439)',
        ),
      ];
    },
  },
  {
    edit: 'E42',
    severity: 'error',
    check: (c) => {
      const own = PAYER_ORDER.indexOf(c.payerResponsibility);
      const prior = c.priorPayers ?? [];
      if (own <= 0) return [];
      const out: Finding[] = [];
      if (prior.length < own)
        out.push({
          field: 'priorPayers',
          message:
            'a claim to a later payer needs each earlier payer’s adjudication (2320 with AMT*D and 2330B)',
        });
      prior.forEach((p, k) => {
        if (p.id === '')
          out.push({ field: `priorPayers.${k}.id`, message: 'the other payer needs its id (2330B NM109)' });
        const lineAdjustments = c.lines.reduce(
          (s, l) =>
            s +
            (l.priorAdjudications ?? [])
              .filter((a) => a.payerId === p.id)
              .reduce((t, a) => t + sumAmounts(a.adjustments), 0),
          0,
        );
        if (c.totalCharge - sumAmounts(p.adjustments) - lineAdjustments !== p.paid)
          out.push({
            field: `priorPayers.${k}.paid`,
            message: 'COB balancing: CLM02 minus 2320 and 2430 adjustments must equal AMT*D',
          });
      });
      c.lines.forEach((l, i) =>
        (l.priorAdjudications ?? []).forEach((a, k) => {
          if (l.charge - sumAmounts(a.adjustments) !== a.paid)
            out.push({
              field: `lines.${i}.priorAdjudications.${k}.paid`,
              message: 'COB balancing: SV102 minus 2430 adjustments must equal SVD02',
            });
        }),
      );
      return out;
    },
  },
  {
    edit: 'E43',
    severity: 'error',
    check: (c) =>
      c.filingIndicator !== 'MC'
        ? []
        : [
            ...when(
              c.billingProvider.taxonomy === undefined,
              'billingProvider.taxonomy',
              'Medicaid requires the billing provider taxonomy (PRV*BI)',
            ),
            ...when(
              c.renderingProvider !== undefined && c.renderingProvider.taxonomy === undefined,
              'renderingProvider.taxonomy',
              'Medicaid requires the rendering provider taxonomy (PRV*PE)',
            ),
            ...c.lines.flatMap((l, i) =>
              !J_CODE.test(l.procedure.code)
                ? []
                : l.drug === undefined
                  ? fail(`lines.${i}.drug`, 'Medicaid requires the NDC (2410 LIN*N4) on a J-code line')
                  : when(
                      !NDC_11.test(l.drug.ndc),
                      `lines.${i}.drug.ndc`,
                      'an NDC is 11 digits (5-4-2, no hyphens)',
                    ),
            ),
          ],
  },
  {
    edit: 'E44',
    severity: 'error',
    check: (c) =>
      textFields(c).flatMap(([field, v]) =>
        when(SEPARATOR_CHARACTERS.test(v), field, 'a value holds an X12 separator character (* : ^ ~)'),
      ),
  },
];

/** The default front-end edits (billing reference §3), in edit id order. */
export const DEFAULT_CLAIM_RULES: readonly ClaimRule[] = [...BASE_RULES, ...MORE_RULES].sort((a, b) =>
  a.edit < b.edit ? -1 : a.edit > b.edit ? 1 : 0,
);

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
