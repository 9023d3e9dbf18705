/**
 * Reads X12 835 remittance advice (005010X221A1, and the 4010 X091A1 files still in circulation)
 * into remittance facts with provenance. The envelope is read with the offset cursor of read271
 * (see readBillingTransactions): each segment is read where it lies in the text, and only the
 * elements this reader asks for are cut out. This file gives the segments their 835 meaning.
 * Amounts are read exactly and kept as stated: a remittance that does not balance is read as it is
 * (see `checkBalance`), never corrected.
 *
 * read835Reference.ts keeps the plain reader this one replaced (split segments, one spread per
 * change); the property test holds the two to deep-equal results (DESIGN rule 13).
 */
import { ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import type { IsoDate } from '../../core/calendar.js';
import type { X12Delimiters } from '../../insurance/x12/parse.js';
import { shortKey, type SegmentView } from '../../insurance/x12/tokenize.js';
import type { BillingError, ReadingNote } from '../errors.js';
import {
  readBillingTransactions,
  type BillingTransactionReader,
  type TransactionSource,
} from './interchange.js';
import type {
  Adjustment,
  AdjustmentGroup,
  DateSpan,
  Procedure,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
  RemittanceParty,
} from '../model.js';
import { centsOf, segmentNote, x12Composite, x12IsoDate, x12Quantity } from './values.js';

/**
 * What `read835` returns: one remittance per 835 transaction (one payment each), and the notes on
 * what was tolerated (`warning`) or could not be read and was left out (`error`).
 *
 * @example
 * const f: RemittanceFile = { remittances: [], notes: [] };
 */
export interface RemittanceFile {
  /** One per ST/SE 835 transaction, in file order. */
  readonly remittances: readonly Remittance[];
  /** Envelope warnings and per-segment notes, each naming the segment and element. */
  readonly notes: readonly ReadingNote[];
}

/** CAS01 group codes, each mapped to itself (so the fact holds the typed code). */
const GROUPS: ReadonlyMap<string, AdjustmentGroup> = /* @__PURE__ */ new Map(
  (['CO', 'PR', 'OA', 'PI', 'CR'] as const).map((g) => [g, g]),
);
/** CAS repeats reason/amount/quantity triplets from CAS02; six per segment at most. */
const CAS_TRIPLETS = 6;
/** PLB repeats reason:reference/amount pairs from PLB03; six per segment at most. */
const PLB_PAIRS = 6;
/** MOA03-MOA07 and MIA05, MIA20-MIA24 carry claim-level remark codes (RARC). */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23, 24];
/** SVC01/SVC06: qualifier, code and at most four modifiers. */
const PROCEDURE_PARTS = 6;

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/**
 * A line or claim as it is being read: built once with its lists (filled through the reader's own
 * handles on them), its optional keys added only when sent (never set to undefined). The reference
 * builds a new object at each change; the results are deep-equal (key order aside).
 */
type OpenLine = Writable<RemittanceLine>;
type OpenClaim = Writable<RemittanceClaim>;

/**
 * The short codes an 835's segments repeat (group codes, qualifiers, date qualifiers, payment
 * methods, PLB reasons) and the segment ids the cursor does not know already: the cursor hands out
 * these strings instead of cutting a new one for each element that sends them.
 */
const SHORT_CODES: ReadonlyMap<number, string> = /* @__PURE__ */ new Map(
  // prettier-ignore
  [
    'CUR', 'RDM', 'TS2', 'CO', 'PR', 'OA', 'PI', 'CR', 'PE', 'HC', 'QC', 'IL', '74', '82', 'TT', 'PQ',
    'XX', 'FI', 'MI', '6R', 'B6', 'HE', 'AU', 'ZZ', 'EV', 'CK', 'ACH', 'CHK', 'CCP', 'CTX', 'DA', 'D8',
    '472', '150', '151', '232', '233', '405', '036', '050', '45', '97', '23', '42', 'MC', 'WO', 'L6',
    'FB', 'IC', 'TE', 'EM', 'BL', 'UR',
  ].map((code): [number, string] => [shortKey(code, 0, code.length), code]),
);

/** The state of the current service line: none, one being read, or one whose SVC was left out. */
const SKIPPED = 'skipped';

const span = (from: IsoDate | undefined, to: IsoDate | undefined): DateSpan | undefined => {
  const start = from ?? to;
  const end = to ?? from;
  return start && end && start <= end ? { start, end } : undefined;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Reads SVC01/SVC06: a composite of qualifier, code and up to four modifiers (see `x12Composite`
 * for the tolerated separators); without any separator (an SVC01 written with the element
 * separator) the composite cannot be read. Written with the ISA16 separator (nearly always), the
 * parts are cut out one by one; otherwise `x12Composite` reads it, as the reference does.
 */
const procedureOf = (
  value: string,
  d: X12Delimiters,
): { procedure: Procedure; tolerated: boolean } | undefined => {
  const separator = d.component;
  let at = value.indexOf(separator);
  if (at < 0) {
    const { parts, tolerated } = x12Composite(value, d);
    const qualifier = parts[0] ?? '';
    const code = parts[1] ?? '';
    if (parts.length < 2 || qualifier === '' || code === '') return undefined;
    const modifiers: string[] = [];
    for (let i = 2; i < parts.length && i < PROCEDURE_PARTS; i++) {
      const m = parts[i] ?? '';
      if (m !== '') modifiers.push(m);
    }
    return { procedure: { qualifier, code, modifiers }, tolerated };
  }
  const qualifier = value.slice(0, at).trim();
  let from = at + 1;
  at = value.indexOf(separator, from);
  const code = (at < 0 ? value.slice(from) : value.slice(from, at)).trim();
  if (qualifier === '' || code === '') return undefined;
  const modifiers: string[] = [];
  for (let part = 2; at >= 0 && part < PROCEDURE_PARTS; part++) {
    from = at + 1;
    at = value.indexOf(separator, from);
    const m = (at < 0 ? value.slice(from) : value.slice(from, at)).trim();
    if (m !== '') modifiers.push(m);
  }
  return { procedure: { qualifier, code, modifiers }, tolerated: false };
};

/** An X12 quantity (CAS04, SVC05, SVC07), or undefined when not sent or not a number. */
const quantityOf = (value: string): number | undefined => (value === '' ? undefined : x12Quantity(value));

/** PLB03-PLB13: the reason and the reference of a reason:reference composite. */
const plbReason = (composite: string, d: X12Delimiters): { reason: string; reference: string } => {
  const at = composite.indexOf(d.component);
  if (at < 0) return { reason: composite.trim(), reference: '' };
  const next = composite.indexOf(d.component, at + 1);
  return {
    reason: composite.slice(0, at).trim(),
    reference: composite.slice(at + 1, next < 0 ? composite.length : next).trim(),
  };
};

/**
 * The reader of one 835 transaction: a small state machine over its segments, each read once from
 * the cursor (an element is cut out once per use, held in a local when used twice).
 */
class Reader835 implements BillingTransactionReader<Remittance> {
  private readonly claims: RemittanceClaim[] = [];
  private readonly plb: ProviderAdjustment[] = [];
  private claim: OpenClaim | undefined;
  private claimAdjustments: Adjustment[] = [];
  private claimRemarks: string[] = [];
  private claimLines: RemittanceLine[] = [];
  private claimFrom: IsoDate | undefined;
  private claimTo: IsoDate | undefined;
  /** The current line, or `skipped` when its SVC could not be read (its CAS/DTM go nowhere). */
  private line: OpenLine | typeof SKIPPED | undefined;
  private lineAdjustments: Adjustment[] = [];
  private lineRemarks: string[] = [];
  private lineFrom: IsoDate | undefined;
  private lineTo: IsoDate | undefined;
  private skipClaim = false;
  private payer: RemittanceParty = { name: '' };
  private payee: RemittanceParty = { name: '' };
  private payment: Remittance['payment'] = { handling: '', amount: 0 as Cents, method: '' };
  private trace: Remittance['trace'];
  private productionDate: IsoDate | undefined;
  /** The last date read and its CCYYMMDD text (see `date`). */
  private lastDate: IsoDate | undefined;
  private lastDateRaw = '';

  constructor(
    private readonly d: X12Delimiters,
    private readonly notes: ReadingNote[],
  ) {}

  private amount(s: SegmentView, n: number, required: boolean): Cents | undefined {
    const raw = s.el(n);
    if (raw === '') {
      if (required)
        this.notes.push(
          segmentNote('billing.bad-amount', 'error', `${s.id}${pad(n)} is empty`, s.index, s.id, n),
        );
      return undefined;
    }
    const value = centsOf(raw);
    if (value === undefined)
      this.notes.push(
        segmentNote(
          'billing.bad-amount',
          'error',
          `${s.id}${pad(n)} is not an amount with at most two decimals`,
          s.index,
          s.id,
          n,
        ),
      );
    return value;
  }

  private date(s: SegmentView, n: number): IsoDate | undefined {
    // The dates of a remittance repeat (the same dates of service line after line): the last one
    // read is compared in place and its date handed out again.
    if (this.lastDate !== undefined && s.elIs(n, this.lastDateRaw)) return this.lastDate;
    const raw = s.el(n);
    const v = x12IsoDate(raw);
    if (v !== undefined) {
      this.lastDateRaw = raw;
      this.lastDate = v;
    }
    if (v === undefined && raw !== '')
      this.notes.push(
        segmentNote(
          'billing.bad-date',
          'warning',
          `${s.id}${pad(n)} is not a CCYYMMDD date`,
          s.index,
          s.id,
          n,
        ),
      );
    return v;
  }

  private openLine(): OpenLine | undefined {
    const l = this.line;
    return l === undefined || l === SKIPPED ? undefined : l;
  }

  private closeLine(): void {
    const l = this.openLine();
    if (l !== undefined && this.claim) {
      const dates = span(this.lineFrom, this.lineTo);
      if (dates) l.serviceDates = dates;
      this.claimLines.push(l);
    }
    this.line = undefined;
  }

  private closeClaim(): void {
    this.closeLine();
    const c = this.claim;
    if (c) {
      const period = span(this.claimFrom, this.claimTo);
      if (period) c.statementPeriod = period;
      this.claims.push(c);
    }
    this.claim = undefined;
    this.skipClaim = false;
  }

  segment(s: SegmentView): void {
    switch (s.id) {
      case 'BPR':
        return this.bpr(s);
      case 'TRN':
        if (s.elIs(1, '1')) this.trace = { number: s.el(2), originator: s.el(3) };
        return;
      case 'N1':
        return this.n1(s);
      case 'CLP':
        return this.clp(s);
      case 'CAS':
        return this.cas(s);
      case 'NM1':
        return this.nm1(s);
      case 'MOA':
        return this.remarksOf(s, MOA_REMARKS);
      case 'MIA':
        return this.remarksOf(s, MIA_REMARKS);
      case 'DTM':
        return this.dtm(s);
      case 'SVC':
        return this.svc(s);
      case 'REF': {
        const l = this.openLine();
        if (l !== undefined && s.elIs(1, '6R')) l.lineControlNumber = s.el(2);
        return;
      }
      case 'AMT': {
        const l = this.openLine();
        if (l !== undefined && s.elIs(1, 'B6')) {
          const allowed = this.amount(s, 2, true);
          if (allowed !== undefined) l.allowed = allowed;
        }
        return;
      }
      case 'LQ': {
        if (this.openLine() === undefined || !s.elIs(1, 'HE')) return;
        const remark = s.el(2);
        if (remark !== '') this.lineRemarks.push(remark);
        return;
      }
      case 'PLB':
        this.closeClaim();
        return this.plbSegment(s);
      case 'SE':
        return this.closeClaim();
      default:
        return;
    }
  }

  private bpr(s: SegmentView): void {
    const amount = this.amount(s, 2, true) ?? (0 as Cents);
    const debit = s.elIs(3, 'D');
    const date = this.date(s, 16);
    const handling = s.el(1);
    const method = s.el(4);
    const signed = (debit ? -amount : amount) as Cents;
    this.payment = date ? { handling, amount: signed, method, date } : { handling, amount: signed, method };
  }

  private n1(s: SegmentView): void {
    if (this.claim) return;
    const payer = s.elIs(1, 'PR');
    if (!payer && !s.elIs(1, 'PE')) return;
    const party: Writable<RemittanceParty> = { name: s.el(2) };
    const idQualifier = s.el(3);
    const id = s.el(4);
    if (idQualifier !== '') party.idQualifier = idQualifier;
    if (id !== '') party.id = id;
    if (payer) this.payer = party;
    else this.payee = party;
  }

  private clp(s: SegmentView): void {
    this.closeClaim();
    const charge = this.amount(s, 3, true);
    const paid = this.amount(s, 4, true);
    const prSent = s.el(5) !== '';
    const pr = prSent ? this.amount(s, 5, false) : undefined;
    const claimId = s.el(1);
    if (charge === undefined || paid === undefined || (prSent && pr === undefined) || claimId === '') {
      if (claimId === '')
        this.notes.push(
          segmentNote('billing.bad-amount', 'error', 'CLP01 (claim id) is empty', s.index, 'CLP', 1),
        );
      this.notes.push(
        segmentNote(
          'billing.bad-amount',
          'error',
          'CLP left out: its amounts or id cannot be read',
          s.index,
          'CLP',
        ),
      );
      this.skipClaim = true;
      return;
    }
    this.claimAdjustments = [];
    this.claimRemarks = [];
    this.claimLines = [];
    this.claimFrom = undefined;
    this.claimTo = undefined;
    const claim: OpenClaim = {
      claimId,
      status: s.el(2),
      charge,
      paid,
      segmentIndex: s.index,
      adjustments: this.claimAdjustments,
      remarks: this.claimRemarks,
      lines: this.claimLines,
    };
    if (pr !== undefined) claim.patientResponsibility = pr;
    const filingIndicator = s.el(6);
    if (filingIndicator !== '') claim.filingIndicator = filingIndicator;
    const payerClaimNumber = s.el(7);
    if (payerClaimNumber !== '') claim.payerClaimNumber = payerClaimNumber;
    const facilityCode = s.el(8);
    if (facilityCode !== '') claim.facilityCode = facilityCode;
    const frequency = s.el(9);
    if (frequency !== '') claim.frequency = frequency;
    this.claim = claim;
  }

  private cas(s: SegmentView): void {
    if (this.skipClaim || this.line === SKIPPED) return;
    const target = this.line ? this.lineAdjustments : this.claim ? this.claimAdjustments : undefined;
    if (!target) {
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'warning', 'CAS outside a claim', s.index, 'CAS'),
      );
      return;
    }
    const group = GROUPS.get(s.el(1));
    if (group === undefined) {
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
    const last = s.length - 1;
    for (let t = 0; t < CAS_TRIPLETS; t++) {
      const at = 2 + t * 3;
      if (at > last) break;
      const reason = s.el(at);
      if (reason === '') continue;
      const amount = this.amount(s, at + 1, true);
      if (amount === undefined) continue;
      const quantity = quantityOf(s.el(at + 2));
      target.push(
        quantity === undefined
          ? { group, reason, amount, segmentIndex: s.index }
          : { group, reason, amount, quantity, segmentIndex: s.index },
      );
    }
  }

  private nm1(s: SegmentView): void {
    const c = this.claim;
    if (!c || this.line) return;
    if (s.elIs(1, 'QC')) {
      const id = s.el(9);
      if (id !== '') c.patientId = id;
    } else if (s.elIs(1, 'TT')) c.crossoverPayer = s.el(3);
  }

  private remarksOf(s: SegmentView, elements: readonly number[]): void {
    if (!this.claim || this.line) return;
    for (const n of elements) {
      const remark = s.el(n);
      if (remark !== '') this.claimRemarks.push(remark);
    }
  }

  private dtm(s: SegmentView): void {
    const q = s.el(1);
    if (this.openLine() !== undefined) {
      const v = this.date(s, 2);
      if (v === undefined) return;
      if (q === '472') this.lineFrom = this.lineTo = v;
      else if (q === '150') this.lineFrom = v;
      else if (q === '151') this.lineTo = v;
    } else if (this.claim && !this.line) {
      const v = this.date(s, 2);
      if (q === '232') this.claimFrom = v;
      else if (q === '233') this.claimTo = v;
    } else if (!this.claim && q === '405') this.productionDate = this.date(s, 2);
  }

  private svc(s: SegmentView): void {
    this.closeLine();
    if (this.skipClaim) return;
    if (!this.claim) {
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'error', 'SVC outside a claim', s.index, 'SVC'),
      );
      this.line = SKIPPED;
      return;
    }
    const read = procedureOf(s.el(1), this.d);
    if (!read) {
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'error',
          'SVC01 is not a qualifier:code composite (the line is left out; its CAS with it)',
          s.index,
          'SVC',
          1,
        ),
      );
      this.line = SKIPPED;
      return;
    }
    if (read.tolerated)
      this.notes.push(
        segmentNote(
          'billing.bad-composite',
          'warning',
          'SVC01 uses a component separator other than ISA16',
          s.index,
          'SVC',
          1,
        ),
      );
    const charge = this.amount(s, 2, true);
    const paid = this.amount(s, 3, true);
    if (charge === undefined || paid === undefined) {
      this.line = SKIPPED;
      return;
    }
    this.lineAdjustments = [];
    this.lineRemarks = [];
    this.lineFrom = undefined;
    this.lineTo = undefined;
    const line: OpenLine = {
      procedure: read.procedure,
      charge,
      paid,
      segmentIndex: s.index,
      adjustments: this.lineAdjustments,
      remarks: this.lineRemarks,
    };
    if (s.length > 4) {
      const revenueCode = s.el(4);
      if (revenueCode !== '') line.revenueCode = revenueCode;
      const unitsPaid = quantityOf(s.el(5));
      if (unitsPaid !== undefined) line.unitsPaid = unitsPaid;
      const billedCode = s.el(6);
      const billed = billedCode === '' ? undefined : procedureOf(billedCode, this.d)?.procedure;
      if (billed) line.billedProcedure = billed;
      const billedUnits = quantityOf(s.el(7));
      if (billedUnits !== undefined) line.billedUnits = billedUnits;
    }
    this.line = line;
  }

  private plbSegment(s: SegmentView): void {
    const fiscalPeriodEnd = this.date(s, 2);
    const last = s.length - 1;
    for (let p = 0; p < PLB_PAIRS; p++) {
      const at = 3 + p * 2;
      if (at > last) break;
      const composite = s.el(at);
      if (composite === '') continue;
      const amount = this.amount(s, at + 1, true);
      if (amount === undefined) continue;
      const { reason, reference } = plbReason(composite, this.d);
      const entry: Writable<ProviderAdjustment> = {
        providerId: s.el(1),
        reason,
        amount,
        segmentIndex: s.index,
      };
      if (fiscalPeriodEnd) entry.fiscalPeriodEnd = fiscalPeriodEnd;
      if (reference) entry.reference = reference;
      this.plb.push(entry);
    }
  }

  finish(source: TransactionSource): Remittance {
    this.closeClaim();
    const r: Writable<Remittance> = {
      source,
      payment: this.payment,
      payer: this.payer,
      payee: this.payee,
      claims: this.claims,
      providerAdjustments: this.plb,
    };
    if (this.trace) r.trace = this.trace;
    if (this.productionDate) r.productionDate = this.productionDate;
    return r;
  }
}

/**
 * Reads an 835 remittance advice: for each transaction (one payment), the payment (BPR, signed by
 * BPR03), trace (TRN), payer and payee (N1), claims (CLP with status, amounts, CLP07 payer claim
 * number, crossover carrier from NM1*TT, MOA/MIA remarks, statement period) with claim-level CAS,
 * service lines (SVC with SVC06 billed code, dates, CAS, LQ*HE remarks, REF*6R, AMT*B6) and PLB
 * provider adjustments. Every fact keeps its segment index. CAS and PLB amounts keep their sign.
 *
 * Tolerant like `read271`: a BOM, a short ISA, wrong counts and mismatched control numbers are
 * warnings. A segment that cannot be read (an amount with three decimals, an SVC01 written without
 * its component separator, which shifts every following element) is left out with an `error` note
 * naming the segment and element; the remittance is still returned, and `checkBalance` then shows
 * the imbalance it causes. Never throws.
 *
 * @param text - the interchange text (anything)
 * @returns `Right(RemittanceFile)`; `Left` `billing.x12-unreadable` when the envelope cannot be
 *   read (no ISA, truncated) and `billing.no-transaction` when it holds no 835
 * @example
 * const r = read835('ISA*00*...~ST*835*0001~BPR*I*34*C*CHK~...~SE*20*0001~GE*1*1~IEA*1*000000001~');
 * if (r._tag === 'Right') r.right.remittances.length;
 */
export const read835 = (text: unknown): Either<BillingError, RemittanceFile> => {
  const read = readBillingTransactions(text, '835', 'HP', (d, notes) => new Reader835(d, notes), SHORT_CODES);
  if (read._tag === 'Left') return read;
  return ok({ remittances: read.right.results, notes: read.right.notes });
};
