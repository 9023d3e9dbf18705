/**
 * The envelope step shared by the billing readers: the shared tolerant X12 reader, its warnings as
 * reading notes, and the transactions of one type with the functional id their group should carry.
 * Two forms of the same step: {@link readBillingInterchange} splits the whole interchange first
 * (parseX12, the plain form the reference readers use); {@link readBillingTransactions} hands each
 * segment to a transaction reader as the offset cursor of read271 reaches it, so no segment is
 * split into an array and no transaction is kept as a list of segments.
 */
import { err, ok, type Either } from '../../core/result.js';
import {
  readEnvelope,
  type TransactionHandler,
  type TransactionHeader,
} from '../../insurance/x12/envelope.js';
import type { X12Error, X12Warning } from '../../insurance/x12/errors.js';
import {
  parseX12,
  type X12Delimiters,
  type X12FunctionalGroup,
  type X12Interchange,
  type X12Transaction,
} from '../../insurance/x12/parse.js';
import {
  ArraySegmentView,
  interchangeText,
  readIsa,
  SegmentCursor,
  type SegmentView,
} from '../../insurance/x12/tokenize.js';
import { billingError, type BillingError, type ReadingNote } from '../errors.js';

/**
 * A read interchange: the transactions of the wanted type with their group, and the notes so far.
 *
 * @example
 * const r: BillingInterchange | undefined = undefined;
 */
export interface BillingInterchange {
  readonly interchange: X12Interchange;
  readonly transactions: readonly {
    readonly group: X12FunctionalGroup;
    readonly transaction: X12Transaction;
  }[];
  readonly notes: ReadingNote[];
}

/**
 * Reads the envelope and keeps the transactions of one type (`835`, `837`, `277`), warning when
 * their group's GS01 is not the expected functional id (the shared reader checks 270/271 only).
 *
 * @param text - anything
 * @param type - ST01 wanted
 * @param functionalId - GS01 expected for it (`HP`, `HC`, `HN`)
 * @returns `Right`; `Left` `billing.x12-unreadable` or `billing.no-transaction`
 * @example
 * readBillingInterchange(text, '835', 'HP');
 */
export const readBillingInterchange = (
  text: unknown,
  type: string,
  functionalId: string,
): Either<BillingError, BillingInterchange> => {
  const parsed = parseX12(text);
  if (parsed._tag === 'Left') return err(unreadable(parsed.left));
  const x = parsed.right;
  const notes = envelopeNotes(x.warnings);
  const transactions: { group: X12FunctionalGroup; transaction: X12Transaction }[] = [];
  for (const group of x.groups)
    for (const transaction of group.transactions) {
      if (transaction.type !== type) continue;
      if (group.functionalId !== functionalId)
        notes.push({
          code: 'x12.functional-id',
          severity: 'warning',
          message: functionalIdMessage(type, functionalId),
          ...(transaction.segments[0] ? { segmentIndex: transaction.segments[0].index } : {}),
        });
      transactions.push({ group, transaction });
    }
  if (transactions.length === 0) return err(noTransaction(type));
  return ok({ interchange: x, transactions, notes });
};

const unreadable = (e: X12Error): BillingError =>
  billingError('billing.x12-unreadable', `the X12 envelope cannot be read (${e.code}): ${e.message}`, {
    ...(e.segmentIndex !== undefined ? { segmentIndex: e.segmentIndex } : {}),
  });

const noTransaction = (type: string): BillingError =>
  billingError('billing.no-transaction', `the interchange holds no ${type} transaction`);

const functionalIdMessage = (type: string, functionalId: string): string =>
  `GS01 is not ${functionalId} for an ${type} transaction`;

/** The envelope's warnings as notes; the functional-id check of the shared reader knows 270/271 only. */
const envelopeNotes = (warnings: readonly X12Warning[]): ReadingNote[] =>
  warnings.filter((w) => w.code !== 'x12.functional-id').map((w) => ({ ...w, severity: 'warning' as const }));

/**
 * Where a transaction was read: the provenance every billing reader gives its results. `version`
 * is ST03, else the group's GS08, else the interchange's ISA12.
 *
 * @example
 * const s: TransactionSource = { interchangeControlNumber: '1', transactionControlNumber: '0001', version: '005010X221A1', segmentIndex: 2 };
 */
export interface TransactionSource {
  readonly interchangeControlNumber: string;
  readonly transactionControlNumber: string;
  readonly version: string;
  /** Index of the ST segment. */
  readonly segmentIndex: number;
}

/**
 * What reads one transaction for {@link readBillingTransactions}: every segment ST to SE in order
 * (the cursor moves on after the call: read what is needed during it), then the result.
 *
 * @example
 * const r: BillingTransactionReader<number> = { segment: () => undefined, finish: () => 0 };
 */
export interface BillingTransactionReader<R> {
  segment(s: SegmentView): void;
  finish(source: TransactionSource): R;
}

/** A transaction being read: its reader, and where it is. */
interface OpenTransaction<R> {
  readonly reader: BillingTransactionReader<R>;
  readonly source: TransactionSource;
}

/**
 * The envelope's handler: a reader for each transaction of the wanted type, none for the others.
 * A class rather than an object of closures: one is made per interchange, and small files are
 * read by the thousand.
 */
class TransactionsOfType<R> implements TransactionHandler<SegmentCursor, OpenTransaction<R>, R | undefined> {
  constructor(
    private readonly type: string,
    private readonly d: X12Delimiters,
    private readonly isaVersion: string,
    private readonly interchangeControlNumber: string,
    private readonly notes: ReadingNote[],
    private readonly start: (d: X12Delimiters, notes: ReadingNote[]) => BillingTransactionReader<R>,
  ) {}

  begin(_st: SegmentCursor, header: TransactionHeader, groupVersion: string): OpenTransaction<R> | undefined {
    if (header.type !== this.type) return undefined;
    return {
      reader: this.start(this.d, this.notes),
      source: {
        interchangeControlNumber: this.interchangeControlNumber,
        transactionControlNumber: header.controlNumber,
        version: header.implementation || groupVersion || this.isaVersion,
        segmentIndex: header.stIndex,
      },
    };
  }

  segment(o: OpenTransaction<R>, s: SegmentCursor): void {
    o.reader.segment(s);
  }

  end(o: OpenTransaction<R> | undefined): R | undefined {
    return o?.reader.finish(o.source);
  }
}

/**
 * The envelope step of {@link readBillingInterchange} in one pass with the offset cursor: each
 * transaction of the wanted type is read by a reader from `start` while the envelope is read. The
 * notes are those {@link readBillingInterchange} gives, in its order: the envelope's warnings, the
 * functional-id warnings, then the readers' notes in transaction order (readers add theirs to the
 * list `start` is given).
 *
 * @param text - anything
 * @param type - ST01 wanted
 * @param functionalId - GS01 expected for it (`HP`, `HC`, `HN`)
 * @param start - a reader for one transaction, given the delimiters and where its notes go
 * @param codes - short codes the cursor hands out as one string each (see SegmentCursor)
 * @returns `Right` with the readers' results in file order; `Left` `billing.x12-unreadable` or
 *   `billing.no-transaction`
 * @example
 * readBillingTransactions(text, '835', 'HP', (d, notes) => new Reader835(d, notes));
 */
export const readBillingTransactions = <R>(
  text: unknown,
  type: string,
  functionalId: string,
  start: (d: X12Delimiters, notes: ReadingNote[]) => BillingTransactionReader<R>,
  codes?: ReadonlyMap<number, string>,
): Either<BillingError, { readonly results: readonly R[]; readonly notes: readonly ReadingNote[] }> => {
  const warnings: X12Warning[] = [];
  const body = interchangeText(text, warnings);
  if (body._tag === 'Left') return err(unreadable(body.left));
  const header = readIsa(body.right, warnings);
  if (header._tag === 'Left') return err(unreadable(header.left));
  const { delimiters: d, isa, end } = header.right;
  const isaVersion = (isa[12] ?? '').trim();
  const interchangeControlNumber = (isa[13] ?? '').trim();
  const readerNotes: ReadingNote[] = [];
  const handler = new TransactionsOfType(type, d, isaVersion, interchangeControlNumber, readerNotes, start);
  const c = new SegmentCursor(body.right, end, d, 0, codes);
  const read = readEnvelope(() => c.next(), isa, handler, warnings);
  if (read._tag === 'Left') return err(unreadable(read.left));
  const notes = envelopeNotes(warnings);
  const results: R[] = [];
  for (const g of read.right.groups)
    for (const t of g.transactions) {
      if (t.type !== type || t.body === undefined) continue;
      if (g.functionalId !== functionalId)
        notes.push({
          code: 'x12.functional-id',
          severity: 'warning',
          message: functionalIdMessage(type, functionalId),
          segmentIndex: t.stIndex,
        });
      results.push(t.body);
    }
  if (results.length === 0) return err(noTransaction(type));
  for (const n of readerNotes) notes.push(n);
  return ok({ results, notes });
};

/**
 * {@link readBillingTransactions} the plain way: the whole interchange split by parseX12 first
 * ({@link readBillingInterchange}), then each transaction's segments handed to its reader. The
 * reference of the 837P and 277 readers: the property test holds the two to the same results.
 *
 * @param text - anything
 * @param type - ST01 wanted
 * @param functionalId - GS01 expected for it
 * @param start - a reader for one transaction
 * @returns what {@link readBillingTransactions} returns for the same arguments
 * @example
 * readBillingTransactionsSplit(text, '277', 'HN', (d, notes) => new Reader277(d, notes));
 */
export const readBillingTransactionsSplit = <R>(
  text: unknown,
  type: string,
  functionalId: string,
  start: (d: X12Delimiters, notes: ReadingNote[]) => BillingTransactionReader<R>,
): Either<BillingError, { readonly results: readonly R[]; readonly notes: readonly ReadingNote[] }> => {
  const read = readBillingInterchange(text, type, functionalId);
  if (read._tag === 'Left') return read;
  const { interchange: x, transactions, notes } = read.right;
  const results = transactions.map(({ group: g, transaction: t }) => {
    const reader = start(x.delimiters, notes);
    for (const s of t.segments) reader.segment(new ArraySegmentView(s, x.delimiters.element));
    return reader.finish({
      interchangeControlNumber: x.controlNumber,
      transactionControlNumber: t.controlNumber,
      version: t.implementation ?? g.version ?? x.version,
      segmentIndex: t.segments[0]?.index ?? 0,
    });
  });
  return ok({ results, notes });
};
