/**
 * Writes 005010X222A1 professional claims (837P): one interchange, one functional group, one
 * transaction; each claim under its own billing provider, subscriber and (when the patient is not
 * the subscriber) patient HL levels, so every claim keeps exactly its parties.
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

/**
 * Who sends and receives the interchange, its control number, date and time, and usage.
 *
 * @example
 * const e: ClaimEnvelope = { sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING OFFICE', phone: '5555550100' }, receiver: { id: 'CLEARHOUSE', name: 'CLEARINGHOUSE' }, controlNumber: 1, date: isoDate('2026-12-01'), time: '0930', usage: 'T' };
 */
export interface ClaimEnvelope {
  /** Submitter (1000A) and ISA06/GS02 sender id. */
  readonly sender: {
    readonly id: string;
    readonly name: string;
    readonly contact: string;
    readonly phone: string;
  };
  /** Receiver (1000B) and ISA08/GS03 receiver id. */
  readonly receiver: { readonly id: string; readonly name: string };
  /** ISA13/GS06/ST02 control number, 1 to 999999999. */
  readonly controlNumber: number;
  /** Creation date (ISA09, GS04, BHT04). */
  readonly date: IsoDate;
  /** Creation time `HHmm` (ISA10, GS05, BHT05). */
  readonly time: string;
  /** ISA15: `P` production or `T` test. */
  readonly usage: 'P' | 'T';
}

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

/**
 * Reference form of the delimiter check build837P runs: every text value with its path, in the
 * same walk order, and the first that holds a separator (a property test compares the two).
 *
 * @param claims - the claims
 * @param envelope - the envelope
 * @returns the field path of the first unsafe value, or undefined
 * @example
 * unsafeFieldReference([], envelope); // undefined unless an envelope value holds * : ^ ~
 */
export const unsafeFieldReference = (
  claims: readonly Claim[],
  envelope: ClaimEnvelope,
): string | undefined => {
  const out: [string, string][] = [
    ['envelope.sender.id', envelope.sender.id],
    ['envelope.sender.name', envelope.sender.name],
    ['envelope.sender.contact', envelope.sender.contact],
    ['envelope.sender.phone', envelope.sender.phone],
    ['envelope.receiver.id', envelope.receiver.id],
    ['envelope.receiver.name', envelope.receiver.name],
  ];
  const walk = (path: string, v: unknown): void => {
    if (typeof v === 'string') out.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}.${i}`, x));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(`${path}.${k}`, x);
  };
  claims.forEach((c, i) => walk(`claims.${i}`, c));
  return out.find(([, value]) => FORBIDDEN.test(value))?.[0];
};

/** `*` runs: the separator before an element after `n` empty ones (elements 0 to 11 empty). */
const SEPARATOR_RUNS: readonly string[] = /* @__PURE__ */ Array.from({ length: 12 }, (_, n) =>
  SEPARATORS.element.repeat(n + 1),
);

/**
 * Writes segments element by element into the parts of one chunk of text (a claim, or the header),
 * joined once when the chunk is taken: no array of elements per segment, no list of segments per
 * claim. Empty elements are held back and written only when a non-empty one follows, so trailing
 * empty elements are dropped (X12 forbids trailing separators) as the reference's `segment` does.
 */
class SegmentWriter {
  private readonly parts: string[] = [];
  /** Empty elements held back since the last one written. */
  private empties = 0;
  /** Segments ended since the writer was made. */
  count = 0;

  /** Starts a segment. */
  seg(id: string): this {
    this.parts.push(id);
    this.empties = 0;
    return this;
  }

  /** Adds an element (an empty one is written only if a non-empty one follows). */
  el(value: string): this {
    if (value === '') this.empties++;
    else {
      const n = this.empties;
      this.parts.push(SEPARATOR_RUNS[n] ?? SEPARATORS.element.repeat(n + 1), value);
      this.empties = 0;
    }
    return this;
  }

  /** Adds `n` empty elements. */
  skip(n: number): this {
    this.empties += n;
    return this;
  }

  /** Ends the segment. */
  end(): void {
    this.parts.push(SEPARATORS.segment);
    this.count++;
  }

  /** Writes a whole segment as it is (its elements already joined), and ends it. */
  text(segment: string): void {
    this.parts.push(segment);
    this.end();
  }

  /** The text written since the last take, as one string. */
  take(): string {
    const text = this.parts.join('');
    this.parts.length = 0;
    return text;
  }
}

const address = (w: SegmentWriter, a: ClaimAddress | undefined): void => {
  if (!a) return;
  w.seg('N3')
    .el(a.line1)
    .el(a.line2 ?? '')
    .end();
  w.seg('N4').el(a.city).el(a.state).el(a.zip).end();
};

const providerName = (w: SegmentWriter, qualifier: string, p: ClaimProvider): void =>
  w
    .seg('NM1')
    .el(qualifier)
    .el(p.entity === 'person' ? '1' : '2')
    .el(p.lastName)
    .el(p.firstName ?? '')
    .skip(3)
    .el('XX')
    .el(p.npi)
    .end();

const personName = (w: SegmentWriter, qualifier: string, p: ClaimPerson, idQualifier: string): void =>
  w
    .seg('NM1')
    .el(qualifier)
    .el('1')
    .el(p.lastName)
    .el(p.firstName ?? '')
    .skip(3)
    .el(p.memberId ? idQualifier : '')
    .el(p.memberId ?? '')
    .end();

const demographics = (w: SegmentWriter, p: ClaimPerson): void => {
  if (!p.dateOfBirth && !p.gender) return;
  w.seg('DMG')
    .el(p.dateOfBirth ? 'D8' : '')
    .el(p.dateOfBirth ? ccyymmdd(p.dateOfBirth) : '')
    .el(p.gender ?? '')
    .end();
};

/** PAT03-PAT06 for a date of death (after PAT02): three empty elements, then `D8` and the date. */
const death = (w: SegmentWriter, p: ClaimPerson): SegmentWriter =>
  p.dateOfDeath ? w.skip(3).el('D8').el(ccyymmdd(p.dateOfDeath)) : w;

/** CAS segments: consecutive adjustments of one group share a segment, six triplets at most. */
const cas = (w: SegmentWriter, adjustments: readonly Adjustment[]): void => {
  let group = '';
  let triplets = 0;
  for (const a of adjustments) {
    if (a.group !== group || triplets === CAS_TRIPLETS) {
      if (triplets > 0) w.end();
      group = a.group;
      triplets = 0;
      w.seg('CAS').el(group);
    }
    w.el(a.reason)
      .el(money(a.amount))
      .el(a.quantity === undefined ? '' : String(a.quantity));
    triplets++;
  }
  if (triplets > 0) w.end();
};

/** The procedure composite of SV101 and SVD03: qualifier, code, modifiers. */
const procedureComposite = (p: {
  readonly qualifier: string;
  readonly code: string;
  readonly modifiers: readonly string[];
}): string => {
  let text = p.qualifier + SEPARATORS.component + p.code;
  for (const m of p.modifiers) text += SEPARATORS.component + m;
  return text;
};

/** 2320/2330A/2330B: one earlier payer's coverage and adjudication of the whole claim. */
const priorPayer = (w: SegmentWriter, p: PriorPayer): void => {
  w.seg('SBR')
    .el(p.responsibility)
    .el(p.relationship ?? '')
    .el(p.groupNumber ?? '')
    .skip(5)
    .el(p.filingIndicator ?? '')
    .end();
  cas(w, p.adjustments);
  w.seg('AMT').el('D').el(money(p.paid)).end();
  if (p.remainingPatientLiability !== undefined)
    w.seg('AMT').el('EAF').el(money(p.remainingPatientLiability)).end();
  w.seg('OI').skip(2).el('Y').skip(2).el('I').end();
  if (p.subscriber) {
    personName(w, 'IL', p.subscriber, 'MI');
    address(w, p.subscriber.address);
  }
  w.seg('NM1').el('PR').el('2').el(p.name).skip(4).el('PI').el(p.id).end();
  if (p.adjudicationDate) w.seg('DTP').el('573').el('D8').el(ccyymmdd(p.adjudicationDate)).end();
};

/** 2430: one earlier payer's adjudication of a line. */
const lineAdjudication = (w: SegmentWriter, a: LineAdjudication): void => {
  w.seg('SVD')
    .el(a.payerId)
    .el(money(a.paid))
    .el(procedureComposite(a.procedure))
    .el('')
    .el(String(a.units))
    .end();
  cas(w, a.adjustments);
  if (a.adjudicationDate) w.seg('DTP').el('573').el('D8').el(ccyymmdd(a.adjudicationDate)).end();
};

/** Joins non-empty-ended parts with the component separator, trailing empty parts dropped. */
const trimmedComposite = (parts: readonly string[]): string => {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  let text = '';
  for (let i = 0; i < end; i++) text += i === 0 ? parts[i] : SEPARATORS.component + parts[i];
  return text;
};

/** The segments of one claim and its parties, from its billing provider HL down; returns the HL levels used. */
const claimSegments = (w: SegmentWriter, c: Claim, hl: number): number => {
  const b = c.billingProvider;
  w.seg('HL').el(String(hl)).el('').el('20').el('1').end();
  if (b.taxonomy) w.seg('PRV').el('BI').el('PXC').el(b.taxonomy).end();
  providerName(w, '85', b);
  address(w, b.address);
  if (b.taxId) w.seg('REF').el(b.taxId.qualifier).el(b.taxId.value).end();
  w.seg('HL')
    .el(String(hl + 1))
    .el(String(hl))
    .el('22')
    .el(c.patient ? '1' : '0')
    .end();
  w.seg('SBR')
    .el(c.payerResponsibility)
    .el(c.patient ? '' : '18')
    .el(c.subscriber.groupNumber ?? '')
    .skip(5)
    .el(c.filingIndicator ?? '')
    .end();
  // 2000B PAT carries the date of death only when the subscriber is the patient.
  if (!c.patient && c.subscriber.dateOfDeath) death(w.seg('PAT').el(''), c.subscriber).end();
  personName(w, 'IL', c.subscriber, 'MI');
  address(w, c.subscriber.address);
  demographics(w, c.subscriber);
  w.seg('NM1').el('PR').el('2').el(c.payer.name).skip(4).el('PI').el(c.payer.id).end();
  let levels = 2;
  if (c.patient) {
    w.seg('HL')
      .el(String(hl + 2))
      .el(String(hl + 1))
      .el('23')
      .el('0')
      .end();
    death(w.seg('PAT').el(c.patient.relationship), c.patient).end();
    personName(w, 'QC', c.patient, '');
    address(w, c.patient.address);
    demographics(w, c.patient);
    levels = 3;
  }
  const causes = c.relatedCauses ?? [];
  w.seg('CLM')
    .el(c.id)
    .el(money(c.totalCharge))
    .skip(2)
    .el(c.placeOfService + SEPARATORS.component + 'B' + SEPARATORS.component + c.frequency)
    .el('Y')
    .el('A')
    .el('Y')
    .el('I')
    .el('')
    .el(trimmedComposite([causes[0] ?? '', causes[1] ?? '', causes[2] ?? '', c.accidentState ?? '']))
    .end();
  if (c.accidentDate) w.seg('DTP').el('439').el('D8').el(ccyymmdd(c.accidentDate)).end();
  if (c.originalClaimNumber) w.seg('REF').el('F8').el(c.originalClaimNumber).end();
  if (c.priorAuthorization) w.seg('REF').el('G1').el(c.priorAuthorization).end();
  if (c.referralNumber) w.seg('REF').el('9F').el(c.referralNumber).end();
  if (c.diagnoses.length > 0) {
    const icd9 = c.diagnosisCodeSet === 'icd9';
    const principal = (icd9 ? 'BK' : 'ABK') + SEPARATORS.component;
    const other = (icd9 ? 'BF' : 'ABF') + SEPARATORS.component;
    w.seg('HI');
    c.diagnoses.forEach((d, i) => w.el((i === 0 ? principal : other) + d));
    w.end();
  }
  if (c.referringProvider) providerName(w, 'DN', c.referringProvider);
  if (c.renderingProvider) {
    providerName(w, '82', c.renderingProvider);
    if (c.renderingProvider.taxonomy) w.seg('PRV').el('PE').el('PXC').el(c.renderingProvider.taxonomy).end();
  }
  for (const p of c.priorPayers ?? []) priorPayer(w, p);
  const lines = c.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Claim['lines'][number];
    w.seg('LX')
      .el(String(i + 1))
      .end();
    w.seg('SV1')
      .el(procedureComposite(l.procedure))
      .el(money(l.charge))
      .el(l.unit)
      .el(String(l.quantity))
      .el(l.placeOfService ?? '')
      .el('')
      .el(l.pointers.join(SEPARATORS.component))
      .end();
    const dates = l.serviceDates;
    if (dates)
      if (dates.start === dates.end) w.seg('DTP').el('472').el('D8').el(ccyymmdd(dates.start)).end();
      else
        w.seg('DTP')
          .el('472')
          .el('RD8')
          .el(`${ccyymmdd(dates.start)}-${ccyymmdd(dates.end)}`)
          .end();
    if (l.controlNumber) w.seg('REF').el('6R').el(l.controlNumber).end();
    if (l.drug) {
      w.seg('LIN').el('').el('N4').el(l.drug.ndc).end();
      if (l.drug.quantity !== undefined && l.drug.unit !== undefined)
        w.seg('CTP').skip(3).el(String(l.drug.quantity)).el(l.drug.unit).end();
    }
    for (const a of l.priorAdjudications ?? []) lineAdjudication(w, a);
  }
  return levels;
};

/**
 * Writes claims as one 005010X222A1 837P interchange: ISA (fixed width, `*` elements, `^`
 * repetitions, `:` components, `~` terminators), GS*HC, ST/BHT, submitter and receiver, then each
 * claim with its billing provider, subscriber, payer and patient levels, CLM, REF*F8/G1/9F, HI,
 * referring and rendering providers, each earlier payer's adjudication (2320 SBR/CAS/AMT*D/AMT*EAF/OI,
 * 2330A subscriber, 2330B payer with DTP*573) and its lines (with 2430 SVD/CAS/DTP*573); SE, GE and IEA counts and control numbers agree.
 * `read837P` reads the text back to the same claims. Values are written as they are: run
 * `checkClaim` first to catch invalid NPIs, codes and totals.
 *
 * @param claims - the claims (at least one)
 * @param envelope - sender, receiver, control number, date, time, usage
 * @returns `Right(text)`; `Left` `billing.unsafe-text` when a value holds a separator character
 *   (`*`, `:`, `^`, `~`; front-end edit E44) or a field would not fit the envelope, naming the field
 *   path, and `billing.no-claims` for an empty list
 * @example
 * const text = build837P([claim], { sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING', phone: '5555550100' }, receiver: { id: 'CH01', name: 'CLEARINGHOUSE' }, controlNumber: 1, date: isoDate('2026-12-01'), time: '0930', usage: 'T' });
 */
export const build837P = (
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
  const w = new SegmentWriter();
  // ISA is fixed width: every element written as it is, none dropped.
  w.text(
    [
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
    ].join(SEPARATORS.element),
  );
  w.seg('GS')
    .el('HC')
    .el(envelope.sender.id)
    .el(envelope.receiver.id)
    .el(date)
    .el(envelope.time)
    .el(String(envelope.controlNumber))
    .el('X')
    .el(IMPLEMENTATION)
    .end();
  // ST to SE are counted in SE01: the writer's count from here.
  const before = w.count;
  w.seg('ST').el('837').el(control).el(IMPLEMENTATION).end();
  w.seg('BHT').el('0019').el('00').el(control).el(date).el(envelope.time).el('CH').end();
  w.seg('NM1').el('41').el('2').el(envelope.sender.name).skip(4).el('46').el(envelope.sender.id).end();
  w.seg('PER').el('IC').el(envelope.sender.contact).el('TE').el(envelope.sender.phone).end();
  w.seg('NM1').el('40').el('2').el(envelope.receiver.name).skip(4).el('46').el(envelope.receiver.id).end();
  // One string per claim: the parts of a claim are short-lived, the text kept is one flat string each.
  const chunks: string[] = [w.take()];
  let hl = 1;
  for (const c of claims) {
    hl += claimSegments(w, c, hl);
    chunks.push(w.take());
  }
  w.seg('SE')
    .el(String(w.count - before + 1))
    .el(control)
    .end();
  w.seg('GE').el('1').el(String(envelope.controlNumber)).end();
  w.seg('IEA').el('1').el(control).end();
  chunks.push(w.take());
  return ok(chunks.join(''));
};
