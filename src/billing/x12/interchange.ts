/**
 * The envelope step shared by the billing readers: the shared tolerant X12 reader, its warnings as
 * reading notes, and the transactions of one type with the functional id their group should carry.
 */
import { err, ok, type Either } from '../../core/result.js';
import {
  parseX12,
  type X12FunctionalGroup,
  type X12Interchange,
  type X12Transaction,
} from '../../insurance/x12/parse.js';
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
  if (parsed._tag === 'Left')
    return err(
      billingError(
        'billing.x12-unreadable',
        `the X12 envelope cannot be read (${parsed.left.code}): ${parsed.left.message}`,
        {
          ...(parsed.left.segmentIndex !== undefined ? { segmentIndex: parsed.left.segmentIndex } : {}),
        },
      ),
    );
  const x = parsed.right;
  const notes: ReadingNote[] = x.warnings
    .filter((w) => w.code !== 'x12.functional-id')
    .map((w) => ({ ...w, severity: 'warning' as const }));
  const transactions: { group: X12FunctionalGroup; transaction: X12Transaction }[] = [];
  for (const group of x.groups)
    for (const transaction of group.transactions) {
      if (transaction.type !== type) continue;
      if (group.functionalId !== functionalId)
        notes.push({
          code: 'x12.functional-id',
          severity: 'warning',
          message: `GS01 is not ${functionalId} for an ${type} transaction`,
          ...(transaction.segments[0] ? { segmentIndex: transaction.segments[0].index } : {}),
        });
      transactions.push({ group, transaction });
    }
  if (transactions.length === 0)
    return err(billingError('billing.no-transaction', `the interchange holds no ${type} transaction`));
  return ok({ interchange: x, transactions, notes });
};
