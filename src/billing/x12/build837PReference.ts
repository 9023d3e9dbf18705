/**
 * The reference writer of 837P claims: the plain implementation build837P replaced, kept beside it
 * (DESIGN rule 13). One array of elements per segment (rest arguments, sliced and joined), spreads
 * for optional segments, the interchange joined at the end. The property test holds build837P to
 * the same text.
 */
import { err, ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import type { IsoDate } from '../../core/calendar.js';
import { billingError, type BillingError } from '../errors.js';
import type {
  Adjustment,
  Claim,
  ClaimAddress,
  ClaimPerson,
  ClaimProvider,
  LineAdjudication,
  PriorPayer,
} from '../model.js';
import type { ClaimEnvelope } from './build837P.js';

const SEPARATORS = { element: '*', component: ':', repetition: '^', segment: '~' } as const;
const FORBIDDEN = /[*:^~]/;
const MAX_CONTROL = 999_999_999;
const IMPLEMENTATION = '005010X222A1';
const ISA_ID_WIDTH = 15;
/** CAS repeats reason/amount/quantity triplets; six per segment at most. */
const CAS_TRIPLETS = 6;

const money = (c: Cents): string => (c < 0 ? '-' : '') + (Math.abs(c) / 100).toFixed(2);
const ccyymmdd = (d: IsoDate): string => d.replaceAll('-', '');
const fixed = (v: string, width: number): string => v.slice(0, width).padEnd(width, ' ');

/** Joins elements and drops trailing empty ones (X12 forbids trailing separators). */
const segment = (...elements: readonly string[]): string => {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end--;
  return elements.slice(0, end).join(SEPARATORS.element);
};

/**
 * The field path of the first text value holding a separator character (front-end edit E44), or
 * undefined. The walk keeps the path as a stack of keys and joins it only for the value it
 * reports, so a clean batch allocates no path strings.
 */
const unsafeField = (claims: readonly Claim[], envelope: ClaimEnvelope): string | undefined => {
  const header: [string, string][] = [
    ['envelope.sender.id', envelope.sender.id],
    ['envelope.sender.name', envelope.sender.name],
    ['envelope.sender.contact', envelope.sender.contact],
    ['envelope.sender.phone', envelope.sender.phone],
    ['envelope.receiver.id', envelope.receiver.id],
    ['envelope.receiver.name', envelope.receiver.name],
  ];
  for (const [field, value] of header) if (FORBIDDEN.test(value)) return field;
  const path: (string | number)[] = ['claims'];
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return FORBIDDEN.test(v);
    if (typeof v !== 'object' || v === null) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        if (walk(v[i])) return true;
        path.pop();
      }
      return false;
    }
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      path.push(k);
      if (walk((v as Record<string, unknown>)[k])) return true;
      path.pop();
    }
    return false;
  };
  for (let i = 0; i < claims.length; i++) {
    path.push(i);
    if (walk(claims[i])) return path.join('.');
    path.pop();
  }
  return undefined;
};

const addressSegments = (a: ClaimAddress | undefined): string[] =>
  a ? [segment('N3', a.line1, a.line2 ?? ''), segment('N4', a.city, a.state, a.zip)] : [];

const providerName = (qualifier: string, p: ClaimProvider): string =>
  segment(
    'NM1',
    qualifier,
    p.entity === 'person' ? '1' : '2',
    p.lastName,
    p.firstName ?? '',
    '',
    '',
    '',
    'XX',
    p.npi,
  );

const personName = (qualifier: string, p: ClaimPerson, idQualifier: string): string =>
  segment(
    'NM1',
    qualifier,
    '1',
    p.lastName,
    p.firstName ?? '',
    '',
    '',
    '',
    p.memberId ? idQualifier : '',
    p.memberId ?? '',
  );

const demographics = (p: ClaimPerson): string[] =>
  p.dateOfBirth || p.gender
    ? [
        segment(
          'DMG',
          p.dateOfBirth ? 'D8' : '',
          p.dateOfBirth ? ccyymmdd(p.dateOfBirth) : '',
          p.gender ?? '',
        ),
      ]
    : [];

/** PAT02-PAT06 for a date of death: four empty elements, then `D8` and the date. */
const deathElements = (p: ClaimPerson): string[] =>
  p.dateOfDeath ? ['', '', '', 'D8', ccyymmdd(p.dateOfDeath)] : [];

/** CAS segments: consecutive adjustments of one group share a segment, six triplets at most. */
const casSegments = (adjustments: readonly Adjustment[]): string[] => {
  const out: string[] = [];
  let group = '';
  let triplets: string[] = [];
  const flush = (): void => {
    if (triplets.length > 0) out.push(segment('CAS', group, ...triplets));
    triplets = [];
  };
  for (const a of adjustments) {
    if (a.group !== group || triplets.length === CAS_TRIPLETS * 3) {
      flush();
      group = a.group;
    }
    triplets.push(a.reason, money(a.amount), a.quantity === undefined ? '' : String(a.quantity));
  }
  flush();
  return out;
};

/** 2320/2330A/2330B: one earlier payer's coverage and adjudication of the whole claim. */
const priorPayerSegments = (p: PriorPayer): string[] => [
  segment(
    'SBR',
    p.responsibility,
    p.relationship ?? '',
    p.groupNumber ?? '',
    '',
    '',
    '',
    '',
    '',
    p.filingIndicator ?? '',
  ),
  ...casSegments(p.adjustments),
  segment('AMT', 'D', money(p.paid)),
  ...(p.remainingPatientLiability === undefined
    ? []
    : [segment('AMT', 'EAF', money(p.remainingPatientLiability))]),
  segment('OI', '', '', 'Y', '', '', 'I'),
  ...(p.subscriber ? [personName('IL', p.subscriber, 'MI'), ...addressSegments(p.subscriber.address)] : []),
  segment('NM1', 'PR', '2', p.name, '', '', '', '', 'PI', p.id),
  ...(p.adjudicationDate ? [segment('DTP', '573', 'D8', ccyymmdd(p.adjudicationDate))] : []),
];

/** 2430: one earlier payer's adjudication of a line. */
const lineAdjudicationSegments = (a: LineAdjudication): string[] => [
  segment(
    'SVD',
    a.payerId,
    money(a.paid),
    [a.procedure.qualifier, a.procedure.code, ...a.procedure.modifiers].join(SEPARATORS.component),
    '',
    String(a.units),
  ),
  ...casSegments(a.adjustments),
  ...(a.adjudicationDate ? [segment('DTP', '573', 'D8', ccyymmdd(a.adjudicationDate))] : []),
];

/** The segments of one claim and its parties, from its billing provider HL down. */
const claimSegments = (c: Claim, hl: number): { segments: string[]; levels: number } => {
  const s: string[] = [];
  const b = c.billingProvider;
  s.push(segment('HL', String(hl), '', '20', '1'));
  if (b.taxonomy) s.push(segment('PRV', 'BI', 'PXC', b.taxonomy));
  s.push(providerName('85', b), ...addressSegments(b.address));
  if (b.taxId) s.push(segment('REF', b.taxId.qualifier, b.taxId.value));
  s.push(segment('HL', String(hl + 1), String(hl), '22', c.patient ? '1' : '0'));
  s.push(
    segment(
      'SBR',
      c.payerResponsibility,
      c.patient ? '' : '18',
      c.subscriber.groupNumber ?? '',
      '',
      '',
      '',
      '',
      '',
      c.filingIndicator ?? '',
    ),
  );
  // 2000B PAT carries the date of death only when the subscriber is the patient.
  if (!c.patient && c.subscriber.dateOfDeath) s.push(segment('PAT', '', ...deathElements(c.subscriber)));
  s.push(
    personName('IL', c.subscriber, 'MI'),
    ...addressSegments(c.subscriber.address),
    ...demographics(c.subscriber),
  );
  s.push(segment('NM1', 'PR', '2', c.payer.name, '', '', '', '', 'PI', c.payer.id));
  let levels = 2;
  if (c.patient) {
    s.push(
      segment('HL', String(hl + 2), String(hl + 1), '23', '0'),
      segment('PAT', c.patient.relationship, ...deathElements(c.patient)),
    );
    s.push(
      personName('QC', c.patient, ''),
      ...addressSegments(c.patient.address),
      ...demographics(c.patient),
    );
    levels = 3;
  }
  const pos = [c.placeOfService, 'B', c.frequency].join(SEPARATORS.component);
  const causes = c.relatedCauses ?? [];
  const parts = [causes[0] ?? '', causes[1] ?? '', causes[2] ?? '', c.accidentState ?? ''];
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const related = parts.join(SEPARATORS.component);
  s.push(segment('CLM', c.id, money(c.totalCharge), '', '', pos, 'Y', 'A', 'Y', 'I', '', related));
  if (c.accidentDate) s.push(segment('DTP', '439', 'D8', ccyymmdd(c.accidentDate)));
  if (c.originalClaimNumber) s.push(segment('REF', 'F8', c.originalClaimNumber));
  if (c.priorAuthorization) s.push(segment('REF', 'G1', c.priorAuthorization));
  if (c.referralNumber) s.push(segment('REF', '9F', c.referralNumber));
  if (c.diagnoses.length > 0) {
    const [principal, other] = c.diagnosisCodeSet === 'icd9' ? ['BK', 'BF'] : ['ABK', 'ABF'];
    s.push(
      segment(
        'HI',
        ...c.diagnoses.map((d, i) => `${i === 0 ? principal : other}${SEPARATORS.component}${d}`),
      ),
    );
  }
  if (c.referringProvider) s.push(providerName('DN', c.referringProvider));
  if (c.renderingProvider) {
    s.push(providerName('82', c.renderingProvider));
    if (c.renderingProvider.taxonomy) s.push(segment('PRV', 'PE', 'PXC', c.renderingProvider.taxonomy));
  }
  for (const p of c.priorPayers ?? []) s.push(...priorPayerSegments(p));
  c.lines.forEach((l, i) => {
    const composite = [l.procedure.qualifier, l.procedure.code, ...l.procedure.modifiers].join(
      SEPARATORS.component,
    );
    s.push(segment('LX', String(i + 1)));
    s.push(
      segment(
        'SV1',
        composite,
        money(l.charge),
        l.unit,
        String(l.quantity),
        l.placeOfService ?? '',
        '',
        l.pointers.join(SEPARATORS.component),
      ),
    );
    if (l.serviceDates)
      s.push(
        l.serviceDates.start === l.serviceDates.end
          ? segment('DTP', '472', 'D8', ccyymmdd(l.serviceDates.start))
          : segment('DTP', '472', 'RD8', `${ccyymmdd(l.serviceDates.start)}-${ccyymmdd(l.serviceDates.end)}`),
      );
    if (l.controlNumber) s.push(segment('REF', '6R', l.controlNumber));
    if (l.drug) {
      s.push(segment('LIN', '', 'N4', l.drug.ndc));
      if (l.drug.quantity !== undefined && l.drug.unit !== undefined)
        s.push(segment('CTP', '', '', '', String(l.drug.quantity), l.drug.unit));
    }
    for (const a of l.priorAdjudications ?? []) s.push(...lineAdjudicationSegments(a));
  });
  return { segments: s, levels };
};

/**
 * {@link build837P} the plain way: each segment an array of elements joined (trailing empty ones
 * dropped), each claim a list of segments spread into the body, the interchange one join. The
 * reference the property test holds build837P to (the same text, character for character).
 *
 * @param claims - the claims (at least one)
 * @param envelope - sender, receiver, control number, date, time, usage
 * @returns what build837P returns for the same arguments
 * @example
 * build837PReference([claim], envelope);
 */
export const build837PReference = (
  claims: readonly Claim[],
  envelope: ClaimEnvelope,
): Either<BillingError, string> => {
  if (claims.length === 0)
    return err(billingError('billing.no-claims', 'an 837P needs at least one claim', { field: 'claims' }));
  const field = unsafeField(claims, envelope);
  if (field !== undefined)
    return err(
      billingError('billing.unsafe-text', `${field} holds an X12 separator character (* : ^ ~)`, { field }),
    );
  if (
    !Number.isInteger(envelope.controlNumber) ||
    envelope.controlNumber < 1 ||
    envelope.controlNumber > MAX_CONTROL
  )
    return err(
      billingError('billing.unsafe-text', 'controlNumber must be a whole number from 1 to 999999999', {
        field: 'envelope.controlNumber',
      }),
    );
  if (envelope.sender.id.length > ISA_ID_WIDTH || envelope.receiver.id.length > ISA_ID_WIDTH)
    return err(
      billingError('billing.unsafe-text', 'sender and receiver ids must fit ISA06/ISA08 (15 characters)', {
        field: 'envelope.sender.id',
      }),
    );
  if (!/^\d{4}$/.test(envelope.time))
    return err(billingError('billing.unsafe-text', 'time must be HHmm', { field: 'envelope.time' }));
  const control = String(envelope.controlNumber).padStart(9, '0');
  const date = ccyymmdd(envelope.date);
  const body: string[] = [
    segment('ST', '837', control, IMPLEMENTATION),
    segment('BHT', '0019', '00', control, date, envelope.time, 'CH'),
    segment('NM1', '41', '2', envelope.sender.name, '', '', '', '', '46', envelope.sender.id),
    segment('PER', 'IC', envelope.sender.contact, 'TE', envelope.sender.phone),
    segment('NM1', '40', '2', envelope.receiver.name, '', '', '', '', '46', envelope.receiver.id),
  ];
  let hl = 1;
  for (const c of claims) {
    const { segments, levels } = claimSegments(c, hl);
    body.push(...segments);
    hl += levels;
  }
  body.push(segment('SE', String(body.length + 1), control));
  const isa = [
    'ISA',
    '00',
    fixed('', 10),
    '00',
    fixed('', 10),
    'ZZ',
    fixed(envelope.sender.id, ISA_ID_WIDTH),
    'ZZ',
    fixed(envelope.receiver.id, ISA_ID_WIDTH),
    date.slice(2),
    envelope.time,
    SEPARATORS.repetition,
    '00501',
    control,
    '0',
    envelope.usage,
    SEPARATORS.component,
  ].join(SEPARATORS.element);
  const lines = [
    isa,
    segment(
      'GS',
      'HC',
      envelope.sender.id,
      envelope.receiver.id,
      date,
      envelope.time,
      String(envelope.controlNumber),
      'X',
      IMPLEMENTATION,
    ),
    ...body,
    segment('GE', '1', String(envelope.controlNumber)),
    segment('IEA', '1', control),
  ];
  return ok(lines.join(SEPARATORS.segment) + SEPARATORS.segment);
};
