/**
 * Reads X12 837P professional claims (005010X222A1, and 4010 X098A1 files) into the claim model:
 * billing provider (2000A/2010AA), subscriber and payer (2000B/2010BA/2010BB), patient (2000C),
 * claim (2300 CLM, REF*F8/G1/9F, HI diagnoses, 2310A referring and 2310B rendering) and service
 * lines (2400 LX/SV1/DTP*472/REF*6R). Loops are found by HL level code and NM1 qualifier, not by
 * position. Syntax comes from the shared tolerant X12 reader.
 */
import { ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import type { X12Delimiters, X12Segment } from '../../insurance/x12/parse.js';
import type { BillingError, ReadingNote } from '../errors.js';
import { readBillingInterchange } from './interchange.js';
import type { Claim, ClaimAddress, ClaimPerson, ClaimProvider, DateSpan, ServiceLine } from '../model.js';
import { segmentNote, x12Amount, x12Composite, x12IsoDate, x12Quantity } from './values.js';

/**
 * What `read837P` returns: the claims in file order and the notes on what was tolerated or left out.
 *
 * @example
 * const f: ClaimFile = { claims: [], notes: [] };
 */
export interface ClaimFile {
  readonly claims: readonly Claim[];
  readonly notes: readonly ReadingNote[];
}

const el = (s: X12Segment, n: number): string => (s.elements[n] ?? '').trim();
/** HI qualifiers of principal and other diagnoses: ICD-10-CM (ABK/ABF) and ICD-9-CM (BK/BF). */
const DIAGNOSIS_QUALIFIERS: Readonly<Record<string, 'icd10' | 'icd9'>> = {
  ABK: 'icd10',
  ABF: 'icd10',
  BK: 'icd9',
  BF: 'icd9',
};
const HI_ELEMENTS = 12;

type BillingProvider = Claim['billingProvider'];
type Subscriber = Claim['subscriber'];
type Patient = NonNullable<Claim['patient']>;

const personOf = (s: X12Segment): ClaimPerson => ({
  lastName: el(s, 3),
  ...(el(s, 4) ? { firstName: el(s, 4) } : {}),
  ...(el(s, 9) ? { memberId: el(s, 9) } : {}),
});

const providerOf = (s: X12Segment): ClaimProvider => ({
  npi: el(s, 9),
  entity: el(s, 2) === '1' ? 'person' : 'organization',
  lastName: el(s, 3),
  ...(el(s, 4) ? { firstName: el(s, 4) } : {}),
});

const dateSpanOf = (format: string, value: string): DateSpan | undefined => {
  const [a = '', b = ''] = format === 'RD8' ? value.split('-') : [value, value];
  const start = x12IsoDate(a);
  const end = x12IsoDate(b);
  return start && end && start <= end ? { start, end } : undefined;
};

interface OpenClaim {
  head: Omit<Claim, 'lines' | 'diagnoses' | 'diagnosisCodeSet'>;
  diagnoses: string[];
  codeSet: 'icd10' | 'icd9' | undefined;
  lines: ServiceLine[];
  line: (Omit<ServiceLine, 'serviceDates'> & { serviceDates?: DateSpan }) | undefined;
}

/** The reader of one 837 transaction: parties by HL level, then claims and lines. */
class Reader837 {
  readonly claims: Claim[] = [];
  private billing: BillingProvider | undefined;
  /** PRV*BI comes before NM1*85 in 2000A: held until the billing provider is named. */
  private billingTaxonomy: string | undefined;
  private subscriber: Subscriber | undefined;
  private payerResponsibility = '';
  private filingIndicator: string | undefined;
  private payer = { id: '', name: '' };
  private patient: Patient | undefined;
  private level = '';
  private entity = '';
  private claim: OpenClaim | undefined;

  constructor(
    private readonly d: X12Delimiters,
    private readonly notes: ReadingNote[],
  ) {}

  /** Ends the transaction: the last claim is complete. */
  finish(): void {
    this.close();
  }

  private close(): void {
    const c = this.claim;
    if (!c) return;
    if (c.line) c.lines.push(c.line);
    this.claims.push({
      ...c.head,
      diagnosisCodeSet: c.codeSet ?? 'icd10',
      diagnoses: c.diagnoses,
      lines: c.lines,
    });
    this.claim = undefined;
  }

  read(s: X12Segment): void {
    switch (s.id) {
      case 'HL':
        this.close();
        this.level = el(s, 3);
        this.entity = '';
        if (this.level === '22') this.patient = undefined;
        if (this.level === '20') this.billingTaxonomy = undefined;
        return;
      case 'PRV':
        if (el(s, 1) === 'BI' && this.level === '20' && !this.claim) {
          this.billingTaxonomy = el(s, 3);
          if (this.billing && this.entity === '85') this.billing = { ...this.billing, taxonomy: el(s, 3) };
        } else if (el(s, 1) === 'PE' && this.claim?.head.renderingProvider && !this.claim.line)
          this.claim.head = {
            ...this.claim.head,
            renderingProvider: { ...this.claim.head.renderingProvider, taxonomy: el(s, 3) },
          };
        return;
      case 'NM1':
        return this.nm1(s);
      case 'REF':
        return this.ref(s);
      case 'SBR':
        if (this.level === '22' && !this.claim) {
          this.payerResponsibility = el(s, 1);
          this.filingIndicator = el(s, 9) || undefined;
          this.subscriber = { lastName: '', ...(el(s, 3) ? { groupNumber: el(s, 3) } : {}) };
        }
        // A 2320 SBR (other payer) ends the claim's own party segments; its NM1s are not read.
        if (this.claim) this.entity = 'other-payer';
        return;
      case 'PAT':
        if (this.level === '23') this.patient = { lastName: '', relationship: el(s, 1) };
        return;
      case 'DMG':
        return this.dmg(s);
      case 'N3':
      case 'N4':
        return this.address(s);
      case 'CLM':
        return this.clm(s);
      case 'HI':
        return this.hi(s);
      case 'LX':
        if (this.claim) {
          if (this.claim.line) this.claim.lines.push(this.claim.line);
          this.claim.line = undefined;
          this.entity = 'line';
        }
        return;
      case 'SV1':
        return this.sv1(s);
      case 'DTP':
        if (this.claim?.line && el(s, 1) === '472') {
          const dates = dateSpanOf(el(s, 2), el(s, 3));
          if (dates) this.claim.line = { ...this.claim.line, serviceDates: dates };
          else
            this.notes.push(
              segmentNote('billing.bad-date', 'warning', 'DTP03 is not a D8 or RD8 date', s.index, 'DTP', 3),
            );
        }
        return;
      default:
        return;
    }
  }

  private nm1(s: X12Segment): void {
    const q = el(s, 1);
    if (this.claim) {
      if (this.entity === 'other-payer' || this.entity === 'line') return;
      if (q === '82') this.claim.head = { ...this.claim.head, renderingProvider: providerOf(s) };
      else if (q === 'DN') this.claim.head = { ...this.claim.head, referringProvider: providerOf(s) };
      return;
    }
    this.entity = q;
    if (q === '85' && this.level === '20') {
      const taxonomy = this.billingTaxonomy;
      this.billing = { ...providerOf(s), ...(taxonomy ? { taxonomy } : {}) };
    } else if (q === 'IL' && this.subscriber) this.subscriber = { ...this.subscriber, ...personOf(s) };
    else if (q === 'PR' && this.level === '22') this.payer = { id: el(s, 9), name: el(s, 3) };
    else if (q === 'QC' && this.patient) this.patient = { ...this.patient, ...personOf(s) };
  }

  /** A composite element, warning once per segment when it uses a separator other than ISA16. */
  private composite(s: X12Segment, n: number): readonly string[] {
    const { parts, tolerated } = x12Composite(el(s, n), this.d);
    if (tolerated)
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'warning',
          `${s.id}${String(n).padStart(2, '0')} uses a component separator other than ISA16`,
          s.index,
          s.id,
          n,
        ),
      );
    return parts;
  }

  private ref(s: X12Segment): void {
    const q = el(s, 1);
    const v = el(s, 2);
    if (!this.claim) {
      if ((q === 'EI' || q === 'SY') && this.entity === '85' && this.billing)
        this.billing = { ...this.billing, taxId: { qualifier: q, value: v } };
      return;
    }
    if (this.claim.line) {
      if (q === '6R') this.claim.line = { ...this.claim.line, controlNumber: v };
      return;
    }
    if (this.entity === 'other-payer') return;
    if (q === 'F8') this.claim.head = { ...this.claim.head, originalClaimNumber: v };
    else if (q === 'G1') this.claim.head = { ...this.claim.head, priorAuthorization: v };
    else if (q === '9F') this.claim.head = { ...this.claim.head, referralNumber: v };
  }

  /** N3 starts an address, N4 completes it; only the billing provider's, subscriber's and patient's are kept. */
  private address(s: X12Segment): void {
    if (this.claim) return;
    const target =
      this.entity === '85'
        ? this.billing
        : this.entity === 'IL'
          ? this.subscriber
          : this.entity === 'QC'
            ? this.patient
            : undefined;
    if (!target) return;
    const before = target.address ?? { line1: '', city: '', state: '', zip: '' };
    const address: ClaimAddress =
      s.id === 'N3'
        ? { line1: el(s, 1), ...(el(s, 2) ? { line2: el(s, 2) } : {}), city: '', state: '', zip: '' }
        : { ...before, city: el(s, 1), state: el(s, 2), zip: el(s, 3) };
    if (this.entity === '85' && this.billing) this.billing = { ...this.billing, address };
    else if (this.entity === 'IL' && this.subscriber) this.subscriber = { ...this.subscriber, address };
    else if (this.patient) this.patient = { ...this.patient, address };
  }

  private dmg(s: X12Segment): void {
    if (this.claim) return;
    const dob = x12IsoDate(el(s, 2));
    const facts = { ...(dob ? { dateOfBirth: dob } : {}), ...(el(s, 3) ? { gender: el(s, 3) } : {}) };
    if (this.entity === 'QC' && this.patient) this.patient = { ...this.patient, ...facts };
    else if (this.entity === 'IL' && this.subscriber) this.subscriber = { ...this.subscriber, ...facts };
  }

  private clm(s: X12Segment): void {
    this.close();
    if (!this.billing || !this.subscriber) {
      this.notes.push(
        segmentNote(
          'billing.segment-out-of-place',
          'error',
          'CLM before its billing provider and subscriber loops',
          s.index,
          'CLM',
        ),
      );
      return;
    }
    const total = x12Amount(el(s, 2));
    if (total === undefined)
      this.notes.push(
        segmentNote(
          'billing.bad-amount',
          'error',
          'CLM02 is not an amount with at most two decimals',
          s.index,
          'CLM',
          2,
        ),
      );
    const [pos = '', , frequency = ''] = this.composite(s, 5);
    this.entity = 'claim';
    this.claim = {
      head: {
        id: el(s, 1),
        frequency,
        placeOfService: pos,
        totalCharge: total ?? (0 as Cents),
        payerResponsibility: this.payerResponsibility,
        ...(this.filingIndicator ? { filingIndicator: this.filingIndicator } : {}),
        payer: this.payer,
        subscriber: this.subscriber,
        ...(this.patient ? { patient: this.patient } : {}),
        billingProvider: this.billing,
      },
      diagnoses: [],
      codeSet: undefined,
      lines: [],
      line: undefined,
    };
  }

  private hi(s: X12Segment): void {
    const c = this.claim;
    if (!c || c.line) return;
    for (let n = 1; n <= HI_ELEMENTS; n++) {
      const [qualifier = '', code = ''] = this.composite(s, n);
      const set = Object.hasOwn(DIAGNOSIS_QUALIFIERS, qualifier)
        ? DIAGNOSIS_QUALIFIERS[qualifier]
        : undefined;
      if (!set || code === '') continue;
      if (c.codeSet !== undefined && c.codeSet !== set)
        this.notes.push(
          segmentNote('x12.bad-value', 'warning', 'HI mixes ICD-9 and ICD-10 qualifiers', s.index, 'HI', n),
        );
      c.codeSet ??= set;
      c.diagnoses.push(code);
    }
  }

  private sv1(s: X12Segment): void {
    const c = this.claim;
    if (!c) return;
    if (c.line) c.lines.push(c.line);
    c.line = undefined;
    const [qualifier = '', code = '', ...modifiers] = this.composite(s, 1);
    const charge = x12Amount(el(s, 2));
    const quantity = x12Quantity(el(s, 4));
    if (code === '' || charge === undefined || quantity === undefined) {
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'error',
          'SV1 left out: SV101 code, SV102 charge or SV104 quantity cannot be read',
          s.index,
          'SV1',
        ),
      );
      return;
    }
    const pointers = this.composite(s, 7)
      .filter((p) => p !== '')
      .map(Number)
      .filter((p) => Number.isInteger(p));
    c.line = {
      procedure: { qualifier, code, modifiers: modifiers.slice(0, 4).filter((m) => m !== '') },
      charge,
      unit: el(s, 3) === 'MJ' ? 'MJ' : 'UN',
      quantity,
      ...(el(s, 5) ? { placeOfService: el(s, 5) } : {}),
      pointers,
    };
  }
}

/**
 * Reads 837P professional claims. Each claim carries its parties (billing provider with NPI,
 * taxonomy and tax id; subscriber with member and group numbers; payer; patient when not the
 * subscriber), its frequency, place of service, total, the payer claim number it replaces or voids
 * (REF*F8), prior authorization (REF*G1) and referral (REF*9F) numbers, diagnoses with their code
 * set (ABK/ABF ICD-10-CM, BK/BF ICD-9-CM), rendering and referring providers, and its lines
 * (procedure and modifiers, charge, unit and quantity, place of service, diagnosis pointers, dates,
 * REF*6R). Values are kept as sent: `checkClaim` says which are valid. Other payers' loops
 * (2320-2330) are not read.
 *
 * Tolerant like `read271`: a BOM, a short ISA, wrong counts and mismatched control numbers are
 * warnings; a line or claim whose amounts cannot be read is left out with an `error` note naming
 * the segment and element. Never throws.
 *
 * @param text - the interchange text (anything)
 * @returns `Right(ClaimFile)`; `Left` `billing.x12-unreadable` (the envelope cannot be read) or
 *   `billing.no-transaction` (no 837 inside)
 * @example
 * const r = read837P('ISA*00*...~ST*837*0001*005010X222A1~...~IEA*1*000000001~');
 * if (r._tag === 'Right') r.right.claims.length;
 */
export const read837P = (text: unknown): Either<BillingError, ClaimFile> => {
  const read = readBillingInterchange(text, '837', 'HC');
  if (read._tag === 'Left') return read;
  const { interchange: x, transactions, notes } = read.right;
  const claims: Claim[] = [];
  for (const { transaction } of transactions) {
    const reader = new Reader837(x.delimiters, notes);
    for (const s of transaction.segments) reader.read(s);
    reader.finish();
    claims.push(...reader.claims);
  }
  return ok({ claims, notes });
};
