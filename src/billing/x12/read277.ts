/**
 * Reads X12 277 claim status responses (005010X212) and 277CA claim acknowledgements (005010X214):
 * the status of each claim and line (STC category, status and entity codes with amounts and
 * dates), the identifiers that tie it to a claim (TRN*2, REF*1K, REF*EJ, REF*D9), and the batch
 * totals a 277CA gives per information receiver and provider. Loops are found by HL level code.
 */
import { ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import type { IsoDate } from '../../core/calendar.js';
import type { X12Delimiters } from '../../insurance/x12/parse.js';
import type { SegmentView } from '../../insurance/x12/tokenize.js';
import type { BillingError, ReadingNote } from '../errors.js';
import type { DateSpan } from '../model.js';
import {
  readBillingTransactions,
  readBillingTransactionsSplit,
  type BillingTransactionReader,
  type TransactionSource,
} from './interchange.js';
import { segmentNote, x12Amount, x12Composite, x12IsoDate, x12Quantity } from './values.js';

/**
 * Claim status category codes (STC01-1, billing reference §8.2), by group. Source: X12 Claim
 * Status Category Code list (x12.org/codes), restated in short paraphrase.
 */
export const CLAIM_STATUS_CATEGORIES = {
  A0: 'acknowledgement: forwarded to another entity',
  A1: 'acknowledgement: receipt',
  A2: 'acknowledgement: accepted into adjudication',
  A3: 'acknowledgement: returned as unprocessable (rejected)',
  A4: 'acknowledgement: not found',
  A5: 'acknowledgement: split claim',
  A6: 'acknowledgement: rejected for missing information',
  A7: 'acknowledgement: rejected for invalid information',
  A8: 'acknowledgement: rejected for relational field in error',
  P0: 'pending: adjudication or details',
  P1: 'pending: in process',
  P2: 'pending: payer review',
  P3: 'pending: provider requested information',
  P4: 'pending: patient requested information',
  P5: 'pending: payer administrative or system hold',
  F0: 'finalized',
  F1: 'finalized: payment',
  F2: 'finalized: denial',
  F3: 'finalized: revised',
  F3F: 'finalized: forwarded',
  F3N: 'finalized: not forwarded',
  F4: 'finalized: adjudication complete, no payment forthcoming',
  E0: 'response not possible: error in submitted request data',
  E1: 'response not possible: system status',
  E2: 'response not possible: information holder not responding',
  E3: 'response not possible: correction required',
  E4: 'response not possible: trading partner agreement not met',
  D0: 'data search unsuccessful',
} as const;

/**
 * What a category says to the office:
 * - `accepted` (A1, A2: wait for the 835), `rejected` (A3, A6, A7, A8: never adjudicated, fix
 *   and resubmit as a new original, frequency 1), `not-found` (A4), `split` (A5), `forwarded` (A0);
 * - `pending` (P0-P5), `finalized` (F0-F4), `information-requested` (R0-R16),
 *   `response-not-possible` (E0-E4, D0), `unknown` (a category not in the list).
 *
 * @example
 * const g: StatusCategoryGroup = 'rejected';
 */
export type StatusCategoryGroup =
  | 'accepted'
  | 'rejected'
  | 'not-found'
  | 'split'
  | 'forwarded'
  | 'pending'
  | 'finalized'
  | 'information-requested'
  | 'response-not-possible'
  | 'unknown';

const ACKNOWLEDGEMENT: Readonly<Record<string, StatusCategoryGroup>> = {
  A0: 'forwarded',
  A1: 'accepted',
  A2: 'accepted',
  A3: 'rejected',
  A4: 'not-found',
  A5: 'split',
  A6: 'rejected',
  A7: 'rejected',
  A8: 'rejected',
};
/** R0 to R16: requests for additional information. */
const REQUEST = /^R(?:\d|1[0-6])$/;

/**
 * The group of a claim status category code.
 *
 * @param category - STC01-1
 * @returns the group, `unknown` for a code outside the list
 * @example
 * statusCategoryGroup('A7'); // 'rejected'
 */
export const statusCategoryGroup = (category: string): StatusCategoryGroup => {
  if (Object.hasOwn(ACKNOWLEDGEMENT, category)) return ACKNOWLEDGEMENT[category] ?? 'unknown';
  if (/^P[0-5]$/.test(category)) return 'pending';
  if (/^F(?:[0-4]|3F|3N)$/.test(category)) return 'finalized';
  if (REQUEST.test(category)) return 'information-requested';
  if (/^(?:E[0-4]|D0)$/.test(category)) return 'response-not-possible';
  return 'unknown';
};

/**
 * One status (an STC01, STC10 or STC11 composite) with the STC amounts and dates it came with.
 *
 * @example
 * const s: ClaimStatusCode = { category: 'A7', group: 'rejected', code: '562', entity: '85' };
 */
export interface ClaimStatusCode {
  /** STC01-1 category code. */
  readonly category: string;
  readonly group: StatusCategoryGroup;
  /** STC01-2 claim status code (X12 Claim Status Code list). */
  readonly code: string;
  /** STC01-3 entity whose data the status is about (`85` billing provider, `QC` patient, ...). */
  readonly entity?: string;
  /** STC01-4 code list qualifier (`RX` NCPDP reject codes). */
  readonly codeList?: string;
}

/**
 * One STC segment: its statuses (STC01, then STC10 and STC11), the effective date (STC02), action
 * (STC03), total charge (STC04), payment (STC05), adjudication date (STC06), check date and number
 * (STC08, STC09) and the payer's free text (STC12).
 *
 * @example
 * const s: StatusReport = { statuses: [], segmentIndex: 14 };
 */
export interface StatusReport {
  readonly statuses: readonly ClaimStatusCode[];
  readonly date?: IsoDate;
  readonly action?: string;
  readonly charge?: Cents;
  readonly paid?: Cents;
  readonly adjudicationDate?: IsoDate;
  readonly checkDate?: IsoDate;
  readonly checkNumber?: string;
  readonly text?: string;
  readonly segmentIndex: number;
}

/**
 * The status of one service line (SVC with its STC, REF*FJ line item control number, DTP*472).
 *
 * @example
 * const l: LineStatus = { procedure: ['HC', '99203'], charge: cents(15000), reports: [], segmentIndex: 40 };
 */
export interface LineStatus {
  /** SVC01 composite parts (qualifier, code, modifiers). */
  readonly procedure: readonly string[];
  readonly charge?: Cents;
  readonly paid?: Cents;
  readonly units?: number;
  readonly controlNumber?: string;
  readonly serviceDates?: DateSpan;
  readonly reports: readonly StatusReport[];
  readonly segmentIndex: number;
}

/**
 * The status of one claim: `trace` (TRN02 of the claim level: the 276 trace, or CLM01 on a
 * 277CA), `accountNumber` (REF*EJ patient control number), `payerClaimNumber` (REF*1K),
 * `clearinghouseTrace` (REF*D9), service dates, the STC reports and lines, and `acknowledgement`:
 * the group of its first status (what the office does next).
 *
 * @example
 * const read = read277(text);
 * const c: ClaimStatus | undefined = read._tag === 'Right' ? read.right.responses[0]?.claims[0] : undefined;
 */
export interface ClaimStatus {
  readonly trace?: string;
  readonly accountNumber?: string;
  readonly payerClaimNumber?: string;
  readonly clearinghouseTrace?: string;
  readonly serviceDates?: DateSpan;
  readonly reports: readonly StatusReport[];
  readonly lines: readonly LineStatus[];
  readonly acknowledgement: StatusCategoryGroup;
  /** HL level code of the claim: `22` subscriber, `23` dependent, `PT` patient (277CA). */
  readonly level: string;
  readonly segmentIndex: number;
}

/**
 * A status above claim level: information source (`20`), receiver (`21`) or provider (`19`), with
 * its trace, STC reports and, on a 277CA, the accepted and rejected counts (QTY*90/AA) and amounts
 * (AMT*YU/YY).
 *
 * @example
 * const read = read277(text);
 * const b: BatchStatus | undefined = read._tag === 'Right' ? read.right.responses[0]?.batches[0] : undefined;
 */
export interface BatchStatus {
  readonly level: string;
  readonly trace?: string;
  readonly reports: readonly StatusReport[];
  readonly accepted?: { readonly count?: number; readonly amount?: Cents };
  readonly rejected?: { readonly count?: number; readonly amount?: Cents };
  readonly segmentIndex: number;
}

/**
 * One 277 transaction: where it came from, `kind` (`status` 005010X212 or `acknowledgement`
 * 005010X214, from ST03/GS08, else BHT02/BHT06), the payer (NM1*PR name and id), batches and claims.
 *
 * @example
 * const read = read277(text);
 * const r: ClaimStatusResponse | undefined = read._tag === 'Right' ? read.right.responses[0] : undefined;
 */
export interface ClaimStatusResponse {
  readonly source: {
    readonly interchangeControlNumber: string;
    readonly transactionControlNumber: string;
    readonly version: string;
    readonly segmentIndex: number;
  };
  readonly kind: 'status' | 'acknowledgement';
  readonly payer?: { readonly name: string; readonly id?: string };
  readonly batches: readonly BatchStatus[];
  readonly claims: readonly ClaimStatus[];
}

/**
 * What `read277` returns: one response per 277 transaction, and the notes.
 *
 * @example
 * const f: ClaimStatusFile = { responses: [], notes: [] };
 */
export interface ClaimStatusFile {
  readonly responses: readonly ClaimStatusResponse[];
  readonly notes: readonly ReadingNote[];
}

/** HL03 levels that carry a claim: subscriber, dependent, and the 277CA patient level. */
const CLAIM_LEVELS: ReadonlySet<string> = new Set(['22', '23', 'PT']);
const ACKNOWLEDGEMENT_VERSION = /X214/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type OpenClaim = Mutable<Omit<ClaimStatus, 'reports' | 'lines' | 'acknowledgement'>> & {
  reports: StatusReport[];
  lines: (Mutable<Omit<LineStatus, 'reports'>> & { reports: StatusReport[] })[];
};
type OpenBatch = Mutable<Omit<BatchStatus, 'reports' | 'accepted' | 'rejected'>> & {
  reports: StatusReport[];
  accepted?: { count?: number; amount?: Cents };
  rejected?: { count?: number; amount?: Cents };
};

const dateSpanOf = (format: string, value: string): DateSpan | undefined => {
  const [a = '', b = ''] = format === 'RD8' ? value.split('-') : [value, value];
  const start = x12IsoDate(a);
  const end = x12IsoDate(b);
  return start && end && start <= end ? { start, end } : undefined;
};

class Reader277 implements BillingTransactionReader<ClaimStatusResponse> {
  readonly batches: OpenBatch[] = [];
  readonly claims: OpenClaim[] = [];
  payer: { name: string; id?: string } | undefined;
  private level = '';
  private bht06: string | undefined;
  private batch: OpenBatch | undefined;
  private claim: OpenClaim | undefined;

  constructor(
    private readonly d: X12Delimiters,
    private readonly notes: ReadingNote[],
  ) {}

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

  private amount(s: SegmentView, n: number): Cents | undefined {
    const v = s.el(n);
    if (v === '') return undefined;
    const a = x12Amount(v);
    if (a === undefined)
      this.notes.push(
        segmentNote(
          'billing.bad-amount',
          'warning',
          `${s.id}${String(n).padStart(2, '0')} is not an amount with at most two decimals`,
          s.index,
          s.id,
          n,
        ),
      );
    return a;
  }

  private date(s: SegmentView, n: number): IsoDate | undefined {
    const v = s.el(n);
    if (v === '') return undefined;
    const d = x12IsoDate(v);
    if (d === undefined)
      this.notes.push(
        segmentNote(
          'billing.bad-date',
          'warning',
          `${s.id}${String(n).padStart(2, '0')} is not a date`,
          s.index,
          s.id,
          n,
        ),
      );
    return d;
  }

  segment(s: SegmentView): void {
    switch (s.id) {
      case 'BHT':
        // The first BHT06 says whether the transaction is an acknowledgement (TH).
        if (this.bht06 === undefined) this.bht06 = s.el(6);
        return;
      case 'HL':
        return this.hl(s);
      case 'NM1':
        if (s.el(1) === 'PR' && this.level === '20' && !this.payer)
          this.payer = { name: s.el(3), ...(s.el(9) ? { id: s.el(9) } : {}) };
        return;
      case 'TRN':
        if (this.claim) this.claim.trace ??= s.el(2);
        else if (this.batch) this.batch.trace ??= s.el(2);
        return;
      case 'STC':
        return this.stc(s);
      case 'REF':
        return this.ref(s);
      case 'DTP':
        return this.dtp(s);
      case 'SVC':
        return this.svc(s);
      case 'QTY':
        return this.qty(s);
      case 'AMT':
        return this.amt(s);
      default:
        return;
    }
  }

  private hl(s: SegmentView): void {
    this.level = s.el(3);
    this.claim = undefined;
    this.batch = undefined;
    if (CLAIM_LEVELS.has(this.level)) {
      this.claim = { level: this.level, reports: [], lines: [], segmentIndex: s.index };
      this.claims.push(this.claim);
    } else {
      this.batch = { level: this.level, reports: [], segmentIndex: s.index };
      this.batches.push(this.batch);
    }
  }

  private stc(s: SegmentView): void {
    const statuses: ClaimStatusCode[] = [];
    for (const n of [1, 10, 11]) {
      if (s.el(n) === '') continue;
      const [category = '', code = '', entity = '', codeList = ''] = this.composite(s, n);
      if (category === '') {
        this.notes.push(
          segmentNote(
            'billing.bad-composite',
            'error',
            `STC${String(n).padStart(2, '0')} has no category code`,
            s.index,
            'STC',
            n,
          ),
        );
        continue;
      }
      statuses.push({
        category,
        group: statusCategoryGroup(category),
        code,
        ...(entity ? { entity } : {}),
        ...(codeList ? { codeList } : {}),
      });
    }
    if (statuses.length === 0) return;
    const optional = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } =>
      (v === undefined || v === '' ? {} : { [k]: v }) as { [P in K]?: V };
    const report: StatusReport = {
      statuses,
      ...optional('date', this.date(s, 2)),
      ...optional('action', s.el(3)),
      ...optional('charge', this.amount(s, 4)),
      ...optional('paid', this.amount(s, 5)),
      ...optional('adjudicationDate', this.date(s, 6)),
      ...optional('checkDate', this.date(s, 8)),
      ...optional('checkNumber', s.el(9)),
      ...optional('text', s.el(12)),
      segmentIndex: s.index,
    };
    const line = this.claim?.lines.at(-1);
    if (line) line.reports.push(report);
    else if (this.claim) this.claim.reports.push(report);
    else if (this.batch) this.batch.reports.push(report);
    else
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'warning', 'STC outside an HL level', s.index, 'STC'),
      );
  }

  private ref(s: SegmentView): void {
    const c = this.claim;
    if (!c) return;
    const q = s.el(1);
    const v = s.el(2);
    const line = c.lines.at(-1);
    if (line) {
      if (q === 'FJ') line.controlNumber = v;
      return;
    }
    if (q === '1K') c.payerClaimNumber = v;
    else if (q === 'EJ') c.accountNumber = v;
    else if (q === 'D9') c.clearinghouseTrace = v;
  }

  private dtp(s: SegmentView): void {
    const c = this.claim;
    if (!c || s.el(1) !== '472') return;
    const dates = dateSpanOf(s.el(2), s.el(3));
    if (!dates) {
      this.notes.push(
        segmentNote('billing.bad-date', 'warning', 'DTP03 is not a D8 or RD8 date', s.index, 'DTP', 3),
      );
      return;
    }
    const line = c.lines.at(-1);
    if (line) line.serviceDates = dates;
    else c.serviceDates = dates;
  }

  private svc(s: SegmentView): void {
    const c = this.claim;
    if (!c) {
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'warning', 'SVC outside a claim level', s.index, 'SVC'),
      );
      return;
    }
    const charge = this.amount(s, 2);
    const paid = this.amount(s, 3);
    const units = x12Quantity(s.el(7));
    c.lines.push({
      procedure: this.composite(s, 1).filter((p) => p !== ''),
      ...(charge === undefined ? {} : { charge }),
      ...(paid === undefined ? {} : { paid }),
      ...(units === undefined ? {} : { units }),
      reports: [],
      segmentIndex: s.index,
    });
  }

  private qty(s: SegmentView): void {
    const b = this.batch;
    const count = x12Quantity(s.el(2));
    if (!b || count === undefined) return;
    if (s.el(1) === '90') b.accepted = { ...b.accepted, count };
    else if (s.el(1) === 'AA') b.rejected = { ...b.rejected, count };
  }

  private amt(s: SegmentView): void {
    const b = this.batch;
    if (!b) return;
    const amount = this.amount(s, 2);
    if (amount === undefined) return;
    if (s.el(1) === 'YU') b.accepted = { ...b.accepted, amount };
    else if (s.el(1) === 'YY') b.rejected = { ...b.rejected, amount };
  }

  finish(source: TransactionSource): ClaimStatusResponse {
    const acknowledgement = ACKNOWLEDGEMENT_VERSION.test(source.version) || this.bht06 === 'TH';
    return {
      source,
      kind: acknowledgement ? 'acknowledgement' : 'status',
      ...(this.payer ? { payer: this.payer } : {}),
      batches: this.batches,
      // A subscriber level whose claims sit under a dependent level (HL 23) carries no claim itself.
      claims: this.claims
        .filter((c) => c.trace !== undefined || c.reports.length > 0 || c.lines.length > 0)
        .map((c) => ({
          ...c,
          acknowledgement:
            c.reports[0]?.statuses[0]?.group ?? c.lines[0]?.reports[0]?.statuses[0]?.group ?? 'unknown',
        })),
    };
  }
}

/**
 * Reads 277 claim status responses and 277CA acknowledgements. Each claim level (HL 22, 23, or PT
 * on a 277CA) gives a {@link ClaimStatus} with every STC (STC01 and the STC10/STC11 composites,
 * each with its category group), its identifiers, dates and lines; levels above (payer, receiver,
 * provider) give {@link BatchStatus} with their STC and 277CA counts and amounts. Values are kept
 * as sent.
 *
 * Tolerant like `read271`: a BOM, a short ISA, wrong counts and mismatched control numbers are
 * warnings; an amount or date that cannot be read is left out with a note naming the segment and
 * element (never the value). Never throws.
 *
 * @param text - the interchange text (anything)
 * @returns `Right(ClaimStatusFile)`; `Left` `billing.x12-unreadable` (the envelope cannot be read)
 *   or `billing.no-transaction` (no 277 inside)
 * @example
 * const r = read277('ISA*00*...~ST*277*0001*005010X214~...~IEA*1*000000001~');
 * if (r._tag === 'Right') r.right.responses.flatMap((t) => t.claims.map((c) => c.acknowledgement));
 */
export const read277 = (text: unknown): Either<BillingError, ClaimStatusFile> => {
  const read = readBillingTransactions(text, '277', 'HN', (d, notes) => new Reader277(d, notes));
  if (read._tag === 'Left') return read;
  return ok({ responses: read.right.results, notes: read.right.notes });
};

/**
 * Reads 277s exactly as {@link read277} does, with the interchange split by parseX12 first.
 *
 * @param text - the interchange text (anything)
 * @returns what {@link read277} returns for the same text
 * @example
 * read277Reference(text); // deep-equal to read277(text)
 */
export const read277Reference = (text: unknown): Either<BillingError, ClaimStatusFile> => {
  const read = readBillingTransactionsSplit(text, '277', 'HN', (d, notes) => new Reader277(d, notes));
  if (read._tag === 'Left') return read;
  return ok({ responses: read.right.results, notes: read.right.notes });
};
