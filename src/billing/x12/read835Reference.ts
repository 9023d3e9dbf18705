/**
 * The reference reader of 835s: the plain reader read835 replaced, kept beside it (DESIGN rule 13).
 * It reads the interchange with the split tokenizer of parseX12 (every segment an array of element
 * strings) and gives each segment its 835 meaning in a small state machine. The property test holds
 * read835 to the same results on every public 835 and on random and mutated bodies.
 */
import { ok, type Either } from '../../core/result.js';
import type { Cents } from '../../core/money.js';
import { x12Components, type X12Delimiters, type X12Segment } from '../../insurance/x12/parse.js';
import type { IsoDate } from '../../core/calendar.js';
import type { BillingError, ReadingNote } from '../errors.js';
import { readBillingInterchange } from './interchange.js';
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
import { segmentNote, x12Amount, x12Composite, x12IsoDate, x12Quantity } from './values.js';
import type { RemittanceFile } from './read835.js';

const GROUPS: ReadonlySet<string> = new Set(['CO', 'PR', 'OA', 'PI', 'CR']);
/** CAS repeats reason/amount/quantity triplets from CAS02; six per segment at most. */
const CAS_TRIPLETS = 6;
/** PLB repeats reason:reference/amount pairs from PLB03; six per segment at most. */
const PLB_PAIRS = 6;
/** MOA03-MOA07 and MIA05, MIA20-MIA24 carry claim-level remark codes (RARC). */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23, 24];

const el = (s: X12Segment, n: number): string => (s.elements[n] ?? '').trim();

interface MutableLine {
  line: Omit<RemittanceLine, 'adjustments' | 'remarks'>;
  adjustments: Adjustment[];
  remarks: string[];
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

interface MutableClaim {
  claim: Omit<RemittanceClaim, 'adjustments' | 'remarks' | 'lines'>;
  adjustments: Adjustment[];
  remarks: string[];
  lines: RemittanceLine[];
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

const span = (from: IsoDate | undefined, to: IsoDate | undefined): DateSpan | undefined => {
  const start = from ?? to;
  const end = to ?? from;
  return start && end && start <= end ? { start, end } : undefined;
};

const finishLine = (l: MutableLine): RemittanceLine => {
  const dates = span(l.from, l.to);
  return {
    ...l.line,
    adjustments: l.adjustments,
    remarks: l.remarks,
    ...(dates ? { serviceDates: dates } : {}),
  };
};

const finishClaim = (c: MutableClaim): RemittanceClaim => {
  const period = span(c.from, c.to);
  return {
    ...c.claim,
    adjustments: c.adjustments,
    remarks: c.remarks,
    lines: c.lines,
    ...(period ? { statementPeriod: period } : {}),
  };
};

/**
 * Reads SVC01/SVC06: a composite of qualifier, code and up to four modifiers (see `x12Composite`
 * for the tolerated separators); without any separator (an SVC01 written with the element
 * separator) the composite cannot be read.
 */
const procedureOf = (
  value: string,
  d: X12Delimiters,
): { procedure: Procedure; tolerated: boolean } | undefined => {
  const { parts, tolerated } = x12Composite(value, d);
  const [qualifier = '', code = ''] = parts;
  if (parts.length < 2 || qualifier === '' || code === '') return undefined;
  return { procedure: { qualifier, code, modifiers: parts.slice(2, 6).filter((m) => m !== '') }, tolerated };
};

/** The reader of one 835 transaction: a small state machine over its segments. */
class Reader835 {
  private readonly claims: RemittanceClaim[] = [];
  private readonly plb: ProviderAdjustment[] = [];
  private claim: MutableClaim | undefined;
  /** The current line, or `skipped` when its SVC could not be read (its CAS/DTM go nowhere). */
  private line: MutableLine | 'skipped' | undefined;
  private skipClaim = false;
  private payer: RemittanceParty = { name: '' };
  private payee: RemittanceParty = { name: '' };
  private payment: Remittance['payment'] = { handling: '', amount: 0 as Cents, method: '' };
  private trace: Remittance['trace'];
  private productionDate: IsoDate | undefined;

  constructor(
    private readonly d: X12Delimiters,
    private readonly notes: ReadingNote[],
  ) {}

  private amount(s: X12Segment, n: number, required: boolean): Cents | undefined {
    const raw = el(s, n);
    if (raw === '') {
      if (required)
        this.notes.push(
          segmentNote('billing.bad-amount', 'error', `${s.id}${pad(n)} is empty`, s.index, s.id, n),
        );
      return undefined;
    }
    const value = x12Amount(raw);
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

  private date(s: X12Segment, n: number): IsoDate | undefined {
    const v = x12IsoDate(el(s, n));
    if (v === undefined && el(s, n) !== '')
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

  private closeLine(): void {
    if (this.line && this.line !== 'skipped' && this.claim) this.claim.lines.push(finishLine(this.line));
    this.line = undefined;
  }

  private closeClaim(): void {
    this.closeLine();
    if (this.claim) this.claims.push(finishClaim(this.claim));
    this.claim = undefined;
    this.skipClaim = false;
  }

  read(s: X12Segment): void {
    switch (s.id) {
      case 'BPR':
        return this.bpr(s);
      case 'TRN':
        if (el(s, 1) === '1') this.trace = { number: el(s, 2), originator: el(s, 3) };
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
      case 'MIA':
        return this.claimRemarks(s);
      case 'DTM':
        return this.dtm(s);
      case 'SVC':
        return this.svc(s);
      case 'REF':
        if (el(s, 1) === '6R' && this.line && this.line !== 'skipped')
          this.line.line = { ...this.line.line, lineControlNumber: el(s, 2) };
        return;
      case 'AMT':
        if (el(s, 1) === 'B6' && this.line && this.line !== 'skipped') {
          const allowed = this.amount(s, 2, true);
          if (allowed !== undefined) this.line.line = { ...this.line.line, allowed };
        }
        return;
      case 'LQ':
        if (el(s, 1) === 'HE' && this.line && this.line !== 'skipped' && el(s, 2) !== '')
          this.line.remarks.push(el(s, 2));
        return;
      case 'PLB':
        this.closeClaim();
        return this.plbSegment(s);
      case 'SE':
        return this.closeClaim();
      default:
        return;
    }
  }

  private bpr(s: X12Segment): void {
    const amount = this.amount(s, 2, true) ?? (0 as Cents);
    const debit = el(s, 3) === 'D';
    const date = this.date(s, 16);
    this.payment = {
      handling: el(s, 1),
      amount: (debit ? -amount : amount) as Cents,
      method: el(s, 4),
      ...(date ? { date } : {}),
    };
  }

  private n1(s: X12Segment): void {
    const party: RemittanceParty = {
      name: el(s, 2),
      ...(el(s, 3) ? { idQualifier: el(s, 3) } : {}),
      ...(el(s, 4) ? { id: el(s, 4) } : {}),
    };
    if (this.claim) return;
    if (el(s, 1) === 'PR') this.payer = party;
    else if (el(s, 1) === 'PE') this.payee = party;
  }

  private clp(s: X12Segment): void {
    this.closeClaim();
    const charge = this.amount(s, 3, true);
    const paid = this.amount(s, 4, true);
    const pr = el(s, 5) === '' ? undefined : this.amount(s, 5, false);
    if (
      charge === undefined ||
      paid === undefined ||
      (el(s, 5) !== '' && pr === undefined) ||
      el(s, 1) === ''
    ) {
      if (el(s, 1) === '')
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
    const optional = (n: number, key: string): Record<string, string> =>
      el(s, n) ? { [key]: el(s, n) } : {};
    this.claim = {
      claim: {
        claimId: el(s, 1),
        status: el(s, 2),
        charge,
        paid,
        ...(pr !== undefined ? { patientResponsibility: pr } : {}),
        ...optional(6, 'filingIndicator'),
        ...optional(7, 'payerClaimNumber'),
        ...optional(8, 'facilityCode'),
        ...optional(9, 'frequency'),
        segmentIndex: s.index,
      },
      adjustments: [],
      remarks: [],
      lines: [],
    };
  }

  private cas(s: X12Segment): void {
    if (this.skipClaim || this.line === 'skipped') return;
    const target = this.line ? this.line.adjustments : this.claim?.adjustments;
    if (!target) {
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'warning', 'CAS outside a claim', s.index, 'CAS'),
      );
      return;
    }
    const group = el(s, 1);
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
      const reason = el(s, at);
      if (reason === '') continue;
      const amount = this.amount(s, at + 1, true);
      if (amount === undefined) continue;
      const quantity = x12Quantity(el(s, at + 2));
      target.push({
        group: group as AdjustmentGroup,
        reason,
        amount,
        ...(quantity !== undefined ? { quantity } : {}),
        segmentIndex: s.index,
      });
    }
  }

  private nm1(s: X12Segment): void {
    if (!this.claim || this.line) return;
    if (el(s, 1) === 'QC' && el(s, 9)) this.claim.claim = { ...this.claim.claim, patientId: el(s, 9) };
    else if (el(s, 1) === 'TT') this.claim.claim = { ...this.claim.claim, crossoverPayer: el(s, 3) };
  }

  private claimRemarks(s: X12Segment): void {
    if (!this.claim || this.line) return;
    for (const n of s.id === 'MOA' ? MOA_REMARKS : MIA_REMARKS)
      if (el(s, n) !== '') this.claim.remarks.push(el(s, n));
  }

  private dtm(s: X12Segment): void {
    const q = el(s, 1);
    if (this.line && this.line !== 'skipped') {
      const v = this.date(s, 2);
      if (v === undefined) return;
      if (q === '472') this.line.from = this.line.to = v;
      else if (q === '150') this.line.from = v;
      else if (q === '151') this.line.to = v;
    } else if (this.claim && !this.line) {
      const v = this.date(s, 2);
      if (q === '232') this.claim.from = v;
      else if (q === '233') this.claim.to = v;
    } else if (!this.claim && q === '405') this.productionDate = this.date(s, 2);
  }

  private svc(s: X12Segment): void {
    this.closeLine();
    if (this.skipClaim) return;
    if (!this.claim) {
      this.notes.push(
        segmentNote('billing.segment-out-of-place', 'error', 'SVC outside a claim', s.index, 'SVC'),
      );
      this.line = 'skipped';
      return;
    }
    const read = procedureOf(el(s, 1), this.d);
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
      this.line = 'skipped';
      return;
    }
    const { procedure, tolerated } = read;
    if (tolerated)
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
      this.line = 'skipped';
      return;
    }
    const billed = el(s, 6) ? procedureOf(el(s, 6), this.d)?.procedure : undefined;
    const unitsPaid = x12Quantity(el(s, 5));
    const billedUnits = x12Quantity(el(s, 7));
    this.line = {
      line: {
        procedure,
        charge,
        paid,
        ...(el(s, 4) ? { revenueCode: el(s, 4) } : {}),
        ...(unitsPaid !== undefined ? { unitsPaid } : {}),
        ...(billed ? { billedProcedure: billed } : {}),
        ...(billedUnits !== undefined ? { billedUnits } : {}),
        segmentIndex: s.index,
      },
      adjustments: [],
      remarks: [],
    };
  }

  private plbSegment(s: X12Segment): void {
    const fiscalPeriodEnd = this.date(s, 2);
    for (let p = 0; p < PLB_PAIRS; p++) {
      const at = 3 + p * 2;
      const composite = el(s, at);
      if (composite === '') continue;
      const amount = this.amount(s, at + 1, true);
      if (amount === undefined) continue;
      const [reason = '', reference = ''] = x12Components(composite, this.d);
      this.plb.push({
        providerId: el(s, 1),
        ...(fiscalPeriodEnd ? { fiscalPeriodEnd } : {}),
        reason,
        ...(reference ? { reference } : {}),
        amount,
        segmentIndex: s.index,
      });
    }
  }

  result(source: Remittance['source']): Remittance {
    this.closeClaim();
    return {
      source,
      payment: this.payment,
      ...(this.trace ? { trace: this.trace } : {}),
      ...(this.productionDate ? { productionDate: this.productionDate } : {}),
      payer: this.payer,
      payee: this.payee,
      claims: this.claims,
      providerAdjustments: this.plb,
    };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Reads an 835 remittance advice exactly as {@link read835} does, tokenizing by splitting.
 *
 * @param text - the interchange text (anything)
 * @returns what {@link read835} returns for the same text
 * @example
 * read835Reference(text); // deep-equal to read835(text)
 */
export const read835Reference = (text: unknown): Either<BillingError, RemittanceFile> => {
  const read = readBillingInterchange(text, '835', 'HP');
  if (read._tag === 'Left') return read;
  const { interchange: x, transactions, notes } = read.right;
  const remittances = transactions.map(({ group: g, transaction: t }) => {
    const reader = new Reader835(x.delimiters, notes);
    for (const s of t.segments) reader.read(s);
    return reader.result({
      interchangeControlNumber: x.controlNumber,
      transactionControlNumber: t.controlNumber,
      version: t.implementation ?? g.version ?? x.version,
      segmentIndex: t.segments[0]?.index ?? 0,
    });
  });
  return ok({ remittances, notes });
};
