/**
 * The X12 envelope, read once for both tokenizers: the GS/ST ... SE/GE/IEA state machine with its
 * checks (counts, control numbers, versions, functional ids, segments outside a transaction).
 * Segments reach it as SegmentViews, so the split-based reference tokenizer (parseX12) and the
 * offset-based one of read271 share every envelope rule and warning.
 */
import { err, ok, type Either } from '../../core/result.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import { lookup } from './lookup.js';
import type { SegmentView } from './tokenize.js';

const IDS: Readonly<Record<string, string>> = { HB: '271', HS: '270' };

/**
 * A transaction as the envelope saw it: ST01-ST03, where ST was, and what the handler made of
 * its segments.
 */
export interface TransactionRead<T> {
  readonly type: string;
  readonly controlNumber: string;
  /** ST03, `''` when not sent. */
  readonly implementation: string;
  readonly stIndex: number;
  readonly body: T;
}

/** A functional group as the envelope saw it. */
export interface GroupRead<T> {
  readonly functionalId: string;
  readonly controlNumber: string;
  /** GS08, `''` when not sent. */
  readonly version: string;
  readonly transactions: readonly TransactionRead<T>[];
}

/**
 * ST01-ST03 and where ST was, as the envelope reads them once for every reader. The object a
 * handler gets is valid until the transaction's `end`: the envelope fills the same one again for
 * the next transaction (a reader that keeps the values copies them).
 */
export interface TransactionHeader {
  readonly type: string;
  readonly controlNumber: string;
  /** ST03, `''` when not sent. */
  readonly implementation: string;
  readonly stIndex: number;
}

/**
 * What a reader does with the segments of each transaction: `begin` at ST, with the transaction's
 * header and the GS08 version of its group (return undefined to skip the transaction's segments),
 * `segment` for each segment ST to SE inclusive, `end` at SE. A handler that sets `keep` to false
 * gets no transactions in the groups the envelope returns (every check and warning is the same):
 * a reader that builds its results as transactions end then holds nothing per transaction.
 */
export interface TransactionHandler<V extends SegmentView, S, T> {
  readonly keep?: boolean;
  begin(st: V, header: TransactionHeader, groupVersion: string): S | undefined;
  segment(state: S, s: V): void;
  end(state: S | undefined): T;
}

interface OpenGroup<T> {
  readonly gsIndex: number | undefined;
  readonly functionalId: string;
  readonly controlNumber: string;
  readonly version: string;
  /** The transactions, when the handler keeps them. */
  readonly transactions: TransactionRead<T>[];
  /** Transactions closed in the group, kept or not. */
  count: number;
  /** ST indexes of the transactions whose ST03 differs from GS08. */
  readonly versionMismatches: number[];
  /** Whether a transaction's ST01 differs from what GS01 announces. */
  idMismatch: boolean;
}

interface OpenTransaction<S> {
  type: string;
  controlNumber: string;
  implementation: string;
  stIndex: number;
  state: S | undefined;
  count: number;
}

const openGroup = <T>(
  gsIndex: number | undefined,
  functionalId: string,
  controlNumber: string,
  version: string,
): OpenGroup<T> => ({
  gsIndex,
  functionalId,
  controlNumber,
  version,
  transactions: [],
  count: 0,
  versionMismatches: [],
  idMismatch: false,
});

/** Checks the group trailer and the version and functional id against the transactions. */
const closeGroup = <T>(
  g: OpenGroup<T>,
  ge: SegmentView | undefined,
  warnings: X12Warning[],
): GroupRead<T> => {
  if (ge && Number(ge.el(1)) !== g.count)
    warnings.push(x12Warning('x12.se-count', 'GE01 does not count the transactions of the group', ge.index));
  if (ge && ge.el(2) !== g.controlNumber)
    warnings.push(x12Warning('x12.control-mismatch', 'GE02 does not match GS06', ge.index));
  for (const stIndex of g.versionMismatches)
    warnings.push(x12Warning('x12.version-mismatch', 'ST03 differs from GS08', stIndex));
  if (g.gsIndex !== undefined && g.idMismatch)
    warnings.push(
      x12Warning('x12.functional-id', 'GS01 does not match the transaction type in ST01', g.gsIndex),
    );
  return {
    functionalId: g.functionalId,
    controlNumber: g.controlNumber,
    version: g.version,
    transactions: g.transactions,
  };
};

/**
 * Reads the envelope from a stream of segments after ISA (`next` returns undefined at the end),
 * handing each transaction's segments to `handler`. Segments after IEA are ignored.
 *
 * @param next - the next segment, undefined at the end of the text
 * @param isa - the ISA elements (ISA13 is checked against IEA02)
 * @param handler - what to do with each transaction's segments
 * @param warnings - where envelope warnings are added
 * @returns the groups and the IEA segment count, or `x12.truncated` (an ST without SE, or no IEA)
 * @example
 * const c = new SegmentCursor(text, header.end, header.delimiters);
 * readEnvelope(() => c.next(), header.isa, handler, warnings);
 */
export const readEnvelope = <V extends SegmentView, S, T>(
  next: () => V | undefined,
  isa: readonly string[],
  handler: TransactionHandler<V, S, T>,
  warnings: X12Warning[],
): Either<X12Error, { groups: readonly GroupRead<T>[]; segmentCount: number }> => {
  const groups: GroupRead<T>[] = [];
  const keep = handler.keep !== false;
  let group: OpenGroup<T> | undefined;
  let tx: OpenTransaction<S> | undefined;
  /** The record of the transaction that ended, filled again at the next ST. */
  let spare: OpenTransaction<S> | undefined;
  for (let s = next(); s !== undefined; s = next()) {
    const id = s.id;
    if (tx) {
      tx.count++;
      if (tx.state !== undefined) handler.segment(tx.state, s);
      if (id === 'SE') {
        if (Number(s.el(1)) !== tx.count)
          warnings.push(
            x12Warning(
              'x12.se-count',
              `SE01 does not count the ${tx.count} segments of the transaction (ST to SE)`,
              s.index,
            ),
          );
        if (!s.elIs(2, tx.controlNumber))
          warnings.push(x12Warning('x12.control-mismatch', 'SE02 does not match ST02', s.index));
        const g = (group ??= openGroup(undefined, '', '', ''));
        g.count++;
        if (tx.implementation && g.version && tx.implementation !== g.version)
          g.versionMismatches.push(tx.stIndex);
        if (lookup(IDS, g.functionalId) !== tx.type) g.idMismatch = true;
        const body = handler.end(tx.state);
        if (keep)
          g.transactions.push({
            type: tx.type,
            controlNumber: tx.controlNumber,
            implementation: tx.implementation,
            stIndex: tx.stIndex,
            body,
          });
        spare = tx;
        tx = undefined;
      } else if (id === 'ST' || id === 'GE' || id === 'IEA')
        return err(x12Error('x12.truncated', `ST at segment ${tx.stIndex} has no SE`, s.index));
      continue;
    }
    if (id === 'ST') {
      if (!group) warnings.push(x12Warning('x12.missing-trailer', 'ST outside a GS/GE group', s.index));
      const open: OpenTransaction<S> = spare ?? {
        type: '',
        controlNumber: '',
        implementation: '',
        stIndex: 0,
        state: undefined,
        count: 0,
      };
      open.type = s.el(1);
      open.controlNumber = s.el(2);
      // ST03 is mostly GS08 again: then the group's string, not a new one per transaction.
      open.implementation = group && s.elIs(3, group.version) ? group.version : s.el(3);
      open.stIndex = s.index;
      open.state = undefined;
      open.count = 1;
      const state = handler.begin(s, open, group?.version ?? '');
      open.state = state;
      if (state !== undefined) handler.segment(state, s);
      tx = open;
    } else if (id === 'GS') {
      if (group) {
        warnings.push(
          x12Warning('x12.missing-trailer', 'GS before the previous group closed with GE', s.index),
        );
        groups.push(closeGroup(group, undefined, warnings));
      }
      group = openGroup(s.index, s.el(1), s.el(6), s.el(8));
    } else if (id === 'GE') {
      if (group) groups.push(closeGroup(group, s, warnings));
      else warnings.push(x12Warning('x12.segment-outside-transaction', 'GE without GS', s.index));
      group = undefined;
    } else if (id === 'IEA') {
      if (group) {
        warnings.push(x12Warning('x12.missing-trailer', 'the last group has no GE', group.gsIndex));
        groups.push(closeGroup(group, undefined, warnings));
        group = undefined;
      }
      if (Number(s.el(1)) !== groups.length)
        warnings.push(x12Warning('x12.se-count', 'IEA01 does not count the functional groups', s.index));
      if (s.el(2) !== (isa[13] ?? '').trim())
        warnings.push(x12Warning('x12.control-mismatch', 'IEA02 does not match ISA13', s.index));
      return ok({ groups, segmentCount: s.index + 1 });
    } else
      warnings.push(
        x12Warning('x12.segment-outside-transaction', 'a segment outside ST/SE (and not GS/GE/IEA)', s.index),
      );
  }
  if (tx) return err(x12Error('x12.truncated', `ST at segment ${tx.stIndex} has no SE`, tx.stIndex));
  if (group) {
    warnings.push(x12Warning('x12.missing-trailer', 'the last group has no GE', group.gsIndex));
    groups.push(closeGroup(group, undefined, warnings));
  }
  return err(x12Error('x12.truncated', 'the interchange has no IEA trailer'));
};
