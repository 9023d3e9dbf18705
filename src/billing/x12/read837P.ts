/**
 * Reads X12 837P professional claims (005010X222A1, and 4010 X098A1 files) into the claim model:
 * billing provider (2000A/2010AA), subscriber and payer (2000B/2010BA/2010BB), patient (2000C),
 * claim (2300 CLM, REF*F8/G1/9F, HI diagnoses, 2310A referring and 2310B rendering) and service
 * lines (2400 LX/SV1/DTP*472/REF*6R). Loops are found by HL level code and NM1 qualifier, not by
 * position. Syntax comes from the shared tolerant X12 reader.
 */
import { ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import type { X12Delimiters } from '../../insurance/x12/parse.js';
import type { SegmentView } from '../../insurance/x12/tokenize.js';
import type { BillingError, ReadingNote } from '../errors.js';
import {
  readBillingTransactions,
  readBillingTransactionsSplit,
  type BillingTransactionReader,
} from './interchange.js';
import type {
  Adjustment,
  AdjustmentGroup,
  Claim,
  ClaimAddress,
  ClaimPerson,
  ClaimProvider,
  DateSpan,
  LineAdjudication,
  PriorPayer,
  ServiceLine,
} from '../model.js';
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

/** HI qualifiers of principal and other diagnoses: ICD-10-CM (ABK/ABF) and ICD-9-CM (BK/BF). */
const DIAGNOSIS_QUALIFIERS: Readonly<Record<string, 'icd10' | 'icd9'>> = {
  ABK: 'icd10',
  ABF: 'icd10',
  BK: 'icd9',
  BF: 'icd9',
};
const HI_ELEMENTS = 12;
/** CAS repeats reason/amount/quantity triplets from CAS02; six per segment at most. */
const CAS_TRIPLETS = 6;
const GROUPS: ReadonlySet<string> = new Set(['CO', 'PR', 'OA', 'PI', 'CR']);

type BillingProvider = Claim['billingProvider'];
type Subscriber = Claim['subscriber'];
type Patient = NonNullable<Claim['patient']>;

const personOf = (s: SegmentView): ClaimPerson => ({
  lastName: s.el(3),
  ...(s.el(4) ? { firstName: s.el(4) } : {}),
  ...(s.el(9) ? { memberId: s.el(9) } : {}),
});

const providerOf = (s: SegmentView): ClaimProvider => ({
  npi: s.el(9),
  entity: s.el(2) === '1' ? 'person' : 'organization',
  lastName: s.el(3),
  ...(s.el(4) ? { firstName: s.el(4) } : {}),
});

const dateSpanOf = (format: string, value: string): DateSpan | undefined => {
  const [a = '', b = ''] = format === 'RD8' ? value.split('-') : [value, value];
  const start = x12IsoDate(a);
  const end = x12IsoDate(b);
  return start && end && start <= end ? { start, end } : undefined;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type OpenPriorPayer = Mutable<Omit<PriorPayer, 'adjustments'>> & { adjustments: Adjustment[] };
type OpenAdjudication = Mutable<Omit<LineAdjudication, 'adjustments'>> & { adjustments: Adjustment[] };

interface OpenClaim {
  head: Omit<Claim, 'lines' | 'diagnoses' | 'diagnosisCodeSet' | 'priorPayers'>;
  diagnoses: string[];
  codeSet: 'icd10' | 'icd9' | undefined;
  lines: ServiceLine[];
  line: (Omit<ServiceLine, 'serviceDates'> & { serviceDates?: DateSpan }) | undefined;
  /** 2320-2330 other payers' adjudications, and the one being read. */
  priorPayers: OpenPriorPayer[];
  /** 2430 adjudications of the current line, and the one being read (after SVD). */
  adjudications: OpenAdjudication[];
  /** Which 2330 party the last NM1 named inside a 2320 loop (`IL` other subscriber, `PR` other payer). */
  party: string;
}

/** The reader of one 837 transaction: parties by HL level, then claims and lines. */
class Reader837 implements BillingTransactionReader<readonly Claim[]> {
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
  finish(): readonly Claim[] {
    this.close();
    return this.claims;
  }

  private close(): void {
    const c = this.claim;
    if (!c) return;
    this.endLine();
    this.claims.push({
      ...c.head,
      diagnosisCodeSet: c.codeSet ?? 'icd10',
      diagnoses: c.diagnoses,
      lines: c.lines,
      ...(c.priorPayers.length > 0 ? { priorPayers: c.priorPayers } : {}),
    });
    this.claim = undefined;
  }

  /** The current line is complete: it goes to the claim with its 2430 adjudications. */
  private endLine(): void {
    const c = this.claim;
    if (!c) return;
    if (c.line)
      c.lines.push(c.adjudications.length > 0 ? { ...c.line, priorAdjudications: c.adjudications } : c.line);
    c.line = undefined;
    c.adjudications = [];
  }

  /** The adjustments a CAS belongs to: the current 2430 SVD, else the current 2320 other payer. */
  private cas(s: SegmentView): void {
    const c = this.claim;
    if (!c) return;
    const target = c.line
      ? c.adjudications.at(-1)
      : this.entity === 'other-payer'
        ? c.priorPayers.at(-1)
        : undefined;
    if (!target) return;
    const group = s.el(1);
    if (!GROUPS.has(group)) {
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'error',
          'CAS01 is not a group code (CO, PR, OA, PI, CR)',
          s.index,
          'CAS',
          1,
        ),
      );
      return;
    }
    for (let t = 0; t < CAS_TRIPLETS; t++) {
      const at = 2 + t * 3;
      const reason = s.el(at);
      if (reason === '') continue;
      const amount = x12Amount(s.el(at + 1));
      if (amount === undefined) {
        this.notes.push(
          segmentNote(
            'billing.bad-amount',
            'error',
            `CAS${String(at + 1).padStart(2, '0')} is not an amount with at most two decimals`,
            s.index,
            'CAS',
            at + 1,
          ),
        );
        continue;
      }
      const quantity = x12Quantity(s.el(at + 2));
      target.adjustments.push({
        group: group as AdjustmentGroup,
        reason,
        amount,
        ...(quantity !== undefined ? { quantity } : {}),
      });
    }
  }

  /** 2320 AMT*D (payer paid) and AMT*EAF (remaining patient liability). */
  private amt(s: SegmentView): void {
    const prior = this.claim?.priorPayers.at(-1);
    if (!prior || this.claim?.line || this.entity !== 'other-payer') return;
    const q = s.el(1);
    if (q !== 'D' && q !== 'EAF') return;
    const amount = x12Amount(s.el(2));
    if (amount === undefined) {
      this.notes.push(
        segmentNote(
          'billing.bad-amount',
          'error',
          'AMT02 is not an amount with at most two decimals',
          s.index,
          'AMT',
          2,
        ),
      );
      return;
    }
    if (q === 'D') prior.paid = amount;
    else prior.remainingPatientLiability = amount;
  }

  /** 2430 SVD: a prior payer's adjudication of the current line. */
  private svd(s: SegmentView): void {
    const c = this.claim;
    if (!c?.line) return;
    const [qualifier = '', code = '', ...modifiers] = this.composite(s, 3);
    const paid = x12Amount(s.el(2));
    const units = x12Quantity(s.el(5));
    if (paid === undefined || code === '' || units === undefined) {
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'error',
          'SVD left out: SVD02 amount, SVD03 code or SVD05 units cannot be read',
          s.index,
          'SVD',
        ),
      );
      return;
    }
    c.adjudications.push({
      payerId: s.el(1),
      paid,
      procedure: { qualifier, code, modifiers: modifiers.slice(0, 4).filter((m) => m !== '') },
      units,
      adjustments: [],
    });
  }

  /** 2320 SBR: another payer's coverage and adjudication starts. */
  private otherPayer(s: SegmentView): void {
    const c = this.claim;
    if (!c) return;
    this.endLine();
    this.entity = 'other-payer';
    c.party = '';
    c.priorPayers.push({
      id: '',
      name: '',
      responsibility: s.el(1),
      ...(s.el(2) ? { relationship: s.el(2) } : {}),
      ...(s.el(3) ? { groupNumber: s.el(3) } : {}),
      ...(s.el(9) ? { filingIndicator: s.el(9) } : {}),
      adjustments: [],
      paid: 0 as Cents,
    });
  }

  segment(s: SegmentView): void {
    switch (s.id) {
      case 'HL':
        this.close();
        this.level = s.el(3);
        this.entity = '';
        if (this.level === '22') this.patient = undefined;
        if (this.level === '20') this.billingTaxonomy = undefined;
        return;
      case 'PRV':
        if (s.el(1) === 'BI' && this.level === '20' && !this.claim) {
          this.billingTaxonomy = s.el(3);
          if (this.billing && this.entity === '85') this.billing = { ...this.billing, taxonomy: s.el(3) };
        } else if (s.el(1) === 'PE' && this.claim?.head.renderingProvider && !this.claim.line)
          this.claim.head = {
            ...this.claim.head,
            renderingProvider: { ...this.claim.head.renderingProvider, taxonomy: s.el(3) },
          };
        return;
      case 'NM1':
        return this.nm1(s);
      case 'REF':
        return this.ref(s);
      case 'SBR':
        if (this.level === '22' && !this.claim) {
          this.payerResponsibility = s.el(1);
          this.filingIndicator = s.el(9) || undefined;
          this.subscriber = { lastName: '', ...(s.el(3) ? { groupNumber: s.el(3) } : {}) };
        }
        // A 2320 SBR (other payer) ends the claim's own party segments.
        if (this.claim) this.otherPayer(s);
        return;
      case 'PAT':
        return this.pat(s);
      case 'LIN':
        // 2410 drug identification: only the NDC (LIN02 N4) is read.
        if (this.claim?.line && s.el(2) === 'N4' && s.el(3) !== '')
          this.claim.line = { ...this.claim.line, drug: { ndc: s.el(3) } };
        return;
      case 'CTP':
        return this.ctp(s);
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
          this.endLine();
          this.entity = 'line';
        }
        return;
      case 'CAS':
        return this.cas(s);
      case 'AMT':
        return this.amt(s);
      case 'SVD':
        return this.svd(s);
      case 'SV1':
        return this.sv1(s);
      case 'DTP':
        if (this.claim && s.el(1) === '573') return this.adjudicationDate(s);
        if (this.claim && !this.claim.line && this.entity === 'claim' && s.el(1) === '439') {
          const date = s.el(2) === 'D8' ? x12IsoDate(s.el(3)) : undefined;
          if (date) this.claim.head = { ...this.claim.head, accidentDate: date };
          else
            this.notes.push(
              segmentNote('billing.bad-date', 'warning', 'DTP03 is not a D8 date', s.index, 'DTP', 3),
            );
          return;
        }
        if (this.claim?.line && s.el(1) === '472') {
          const dates = dateSpanOf(s.el(2), s.el(3));
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

  /** DTP*573: the date a prior payer adjudicated the claim (2330B) or the line (2430). */
  private adjudicationDate(s: SegmentView): void {
    const c = this.claim;
    if (!c) return;
    const target = c.line
      ? c.adjudications.at(-1)
      : this.entity === 'other-payer'
        ? c.priorPayers.at(-1)
        : undefined;
    if (!target) return;
    const date = s.el(2) === 'D8' ? x12IsoDate(s.el(3)) : undefined;
    if (date) target.adjudicationDate = date;
    else
      this.notes.push(
        segmentNote('billing.bad-date', 'warning', 'DTP03 is not a D8 date', s.index, 'DTP', 3),
      );
  }

  private nm1(s: SegmentView): void {
    const q = s.el(1);
    if (this.claim) {
      const prior = this.claim.priorPayers.at(-1);
      if (this.entity === 'other-payer' && prior) {
        this.claim.party = q;
        if (q === 'IL') prior.subscriber = personOf(s);
        else if (q === 'PR') {
          prior.id = s.el(9);
          prior.name = s.el(3);
        }
        return;
      }
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
    else if (q === 'PR' && this.level === '22') this.payer = { id: s.el(9), name: s.el(3) };
    else if (q === 'QC' && this.patient) this.patient = { ...this.patient, ...personOf(s) };
  }

  /** A composite element, warning once per segment when it uses a separator other than ISA16. */
  private composite(s: SegmentView, n: number): readonly string[] {
    const { parts, tolerated } = x12Composite(s.el(n), this.d);
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

  private ref(s: SegmentView): void {
    const q = s.el(1);
    const v = s.el(2);
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
  private address(s: SegmentView): void {
    if (this.claim) {
      const prior = this.claim.priorPayers.at(-1);
      if (this.entity === 'other-payer' && this.claim.party === 'IL' && prior?.subscriber)
        prior.subscriber = { ...prior.subscriber, address: this.addressOf(s, prior.subscriber.address) };
      return;
    }
    const target =
      this.entity === '85'
        ? this.billing
        : this.entity === 'IL'
          ? this.subscriber
          : this.entity === 'QC'
            ? this.patient
            : undefined;
    if (!target) return;
    const address = this.addressOf(s, target.address);
    if (this.entity === '85' && this.billing) this.billing = { ...this.billing, address };
    else if (this.entity === 'IL' && this.subscriber) this.subscriber = { ...this.subscriber, address };
    else if (this.patient) this.patient = { ...this.patient, address };
  }

  private addressOf(
    s: SegmentView,
    before: ClaimAddress = { line1: '', city: '', state: '', zip: '' },
  ): ClaimAddress {
    return s.id === 'N3'
      ? { line1: s.el(1), ...(s.el(2) ? { line2: s.el(2) } : {}), city: '', state: '', zip: '' }
      : { ...before, city: s.el(1), state: s.el(2), zip: s.el(3) };
  }

  /** PAT: the patient's relationship (2000C PAT01) and date of death (PAT05 D8, PAT06) in 2000B or 2000C. */
  private pat(s: SegmentView): void {
    if (this.claim) return;
    const death = s.el(5) === 'D8' ? x12IsoDate(s.el(6)) : undefined;
    if (s.el(6) !== '' && death === undefined)
      this.notes.push(
        segmentNote('billing.bad-date', 'warning', 'PAT06 is not a D8 date', s.index, 'PAT', 6),
      );
    const facts = death ? { dateOfDeath: death } : {};
    if (this.level === '23') this.patient = { lastName: '', relationship: s.el(1), ...facts };
    else if (this.level === '22' && this.subscriber) this.subscriber = { ...this.subscriber, ...facts };
  }

  /** CTP: the quantity (CTP04) and unit (CTP05-1) of the 2410 drug. */
  private ctp(s: SegmentView): void {
    const line = this.claim?.line;
    if (!line?.drug) return;
    const quantity = x12Quantity(s.el(4));
    const [unit = ''] = this.composite(s, 5);
    this.claim!.line = {
      ...line,
      drug: {
        ...line.drug,
        ...(quantity !== undefined ? { quantity } : {}),
        ...(unit !== '' ? { unit } : {}),
      },
    };
  }

  private dmg(s: SegmentView): void {
    if (this.claim) return;
    const dob = x12IsoDate(s.el(2));
    const facts = { ...(dob ? { dateOfBirth: dob } : {}), ...(s.el(3) ? { gender: s.el(3) } : {}) };
    if (this.entity === 'QC' && this.patient) this.patient = { ...this.patient, ...facts };
    else if (this.entity === 'IL' && this.subscriber) this.subscriber = { ...this.subscriber, ...facts };
  }

  private clm(s: SegmentView): void {
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
    const total = x12Amount(s.el(2));
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
    const related = s.el(11) === '' ? [] : this.composite(s, 11);
    const causes = related.slice(0, 3).filter((r) => r !== '');
    const accidentState = related[3] ?? '';
    this.entity = 'claim';
    this.claim = {
      head: {
        id: s.el(1),
        frequency,
        placeOfService: pos,
        totalCharge: total ?? (0 as Cents),
        payerResponsibility: this.payerResponsibility,
        ...(this.filingIndicator ? { filingIndicator: this.filingIndicator } : {}),
        payer: this.payer,
        subscriber: this.subscriber,
        ...(this.patient ? { patient: this.patient } : {}),
        billingProvider: this.billing,
        ...(causes.length > 0 ? { relatedCauses: causes } : {}),
        ...(accidentState ? { accidentState } : {}),
      },
      diagnoses: [],
      codeSet: undefined,
      lines: [],
      line: undefined,
      priorPayers: [],
      adjudications: [],
      party: '',
    };
  }

  private hi(s: SegmentView): void {
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

  private sv1(s: SegmentView): void {
    const c = this.claim;
    if (!c) return;
    this.endLine();
    const [qualifier = '', code = '', ...modifiers] = this.composite(s, 1);
    const charge = x12Amount(s.el(2));
    const quantity = x12Quantity(s.el(4));
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
      unit: s.el(3) === 'MJ' ? 'MJ' : 'UN',
      quantity,
      ...(s.el(5) ? { placeOfService: s.el(5) } : {}),
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
 * REF*6R). Values are kept as sent: `checkClaim` says which are valid. Other payers' adjudications
 * are read as `priorPayers` (2320 SBR, CAS, AMT*D, AMT*EAF; 2330A subscriber with address; 2330B
 * payer and DTP*573) and per line as `priorAdjudications` (2430 SVD, CAS, DTP*573).
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
  const read = readBillingTransactions(text, '837', 'HC', (d, notes) => new Reader837(d, notes));
  if (read._tag === 'Left') return read;
  return ok({ claims: read.right.results.flat(), notes: read.right.notes });
};

/**
 * Reads 837Ps exactly as {@link read837P} does, with the interchange split by parseX12 first.
 *
 * @param text - the interchange text (anything)
 * @returns what {@link read837P} returns for the same text
 * @example
 * read837PReference(text); // deep-equal to read837P(text)
 */
export const read837PReference = (text: unknown): Either<BillingError, ClaimFile> => {
  const read = readBillingTransactionsSplit(text, '837', 'HC', (d, notes) => new Reader837(d, notes));
  if (read._tag === 'Left') return read;
  return ok({ claims: read.right.results.flat(), notes: read.right.notes });
};
