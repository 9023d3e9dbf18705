/**
 * A tolerant X12 tokenizer: delimiters from the ISA header, segments, and the envelope
 * (ISA/GS/ST ... SE/GE/IEA). Syntax only; the 271 meaning is read in read271.ts.
 */
import { ok, type Either } from '../../core/result.js';
import { readEnvelope, type TransactionHandler } from './envelope.js';
import type { X12Error, X12Warning } from './errors.js';
import { ArraySegmentView, interchangeText, readIsa, splitSegments } from './tokenize.js';

/**
 * The four delimiters of an interchange, read from its ISA segment.
 *
 * @example
 * const d: X12Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };
 */
export interface X12Delimiters {
  /** Element separator: the character right after `ISA`. */
  readonly element: string;
  /** Repetition separator: ISA11 in 5010; absent in 4010 (where ISA11 is `U`). */
  readonly repetition?: string;
  /** Component separator: ISA16. */
  readonly component: string;
  /** Segment terminator: the character after ISA16 (`~`, CR, LF or 0x1D in real files). */
  readonly segment: string;
}

/**
 * One segment: `elements[0]` is the segment id, `elements[n]` is element n (as in `EB03`), raw
 * text without trimming beyond the surrounding whitespace between segments.
 *
 * @example
 * const s: X12Segment = { id: 'EB', elements: ['EB', '1', '', '30'], index: 15 };
 */
export interface X12Segment {
  /** Segment id, such as `EB`. */
  readonly id: string;
  /** Elements with the id first, so `elements[3]` is EB03. */
  readonly elements: readonly string[];
  /** Position in the interchange, 0-based (ISA is 0). */
  readonly index: number;
}

/**
 * One transaction set, ST to SE inclusive.
 *
 * @example
 * const t: X12Transaction = { type: '271', controlNumber: '0001', segments: [] };
 */
export interface X12Transaction {
  /** ST01, such as `271`. */
  readonly type: string;
  /** ST02. */
  readonly controlNumber: string;
  /** ST03 implementation convention (5010 only), such as `005010X279A1`. */
  readonly implementation?: string;
  /** Every segment from ST to SE, inclusive. */
  readonly segments: readonly X12Segment[];
}

/**
 * One functional group, GS to GE.
 *
 * @example
 * const g: X12FunctionalGroup = { functionalId: 'HB', controlNumber: '1', transactions: [] };
 */
export interface X12FunctionalGroup {
  /** GS01, such as `HB` (271) or `HS` (270). */
  readonly functionalId: string;
  /** GS06. */
  readonly controlNumber: string;
  /** GS08 version, such as `005010X279A1`. */
  readonly version?: string;
  /** Transactions of the group, in order. */
  readonly transactions: readonly X12Transaction[];
}

/**
 * A read interchange: delimiters, header fields, groups and the warnings gathered on the way.
 *
 * @example
 * const r = parseX12(text);
 * if (r._tag === 'Right') r.right.groups[0]?.transactions.length;
 */
export interface X12Interchange {
  /** The delimiters read from ISA. */
  readonly delimiters: X12Delimiters;
  /** ISA12 version, such as `00501` or `00401`. */
  readonly version: string;
  /** ISA13 control number. */
  readonly controlNumber: string;
  /** ISA15: `P` production, `T` test. */
  readonly usage: string;
  /** Functional groups in order. */
  readonly groups: readonly X12FunctionalGroup[];
  /** Number of segments in the interchange, ISA to IEA. */
  readonly segmentCount: number;
  /** What was tolerated: BOM, short ISA, wrong counts, mismatched control numbers and versions. */
  readonly warnings: readonly X12Warning[];
}

/** Collects each transaction's segments, ST to SE, as split arrays. */
const collect: TransactionHandler<ArraySegmentView, X12Segment[], X12Segment[]> = {
  begin: () => [],
  segment: (segments, s) => {
    segments.push(s.segment);
  },
  end: (segments) => segments ?? [],
};

/**
 * Reads an X12 interchange: delimiters from ISA (element separator, ISA11 repetition separator in
 * 5010, ISA16 component separator, and the terminator after it), segments, groups and transactions.
 *
 * Tolerant of what real files do, with a warning each: a UTF-8 BOM, CR/LF/0x1D terminators,
 * whitespace and indentation between segments, an ISA one character short (the delimiters are
 * found by counting elements, not offsets), wrong SE/GE counts, control number mismatches, GS/ST
 * version or functional-id mismatches, segments outside a transaction. Never throws, on any input.
 *
 * @param text - the interchange text (anything: a non-string is an `x12.empty` error)
 * @returns `Right(X12Interchange)`, or `Left` with `x12.empty` (no text), `x12.missing-isa` (does
 *   not start with ISA), `x12.isa-truncated` (the header ends early), `x12.truncated` (an ST without
 *   SE, or no IEA: the file was cut)
 * @example
 * const r = parseX12('ISA*00*...~GS*HB*...~ST*271*0001*005010X279A1~...~IEA*1*000000001~');
 * if (r._tag === 'Right') console.log(r.right.delimiters.repetition); // '^'
 */
export const parseX12 = (text: unknown): Either<X12Error, X12Interchange> => {
  const warnings: X12Warning[] = [];
  const body = interchangeText(text, warnings);
  if (body._tag === 'Left') return body;
  const header = readIsa(body.right, warnings);
  if (header._tag === 'Left') return header;
  const { delimiters, isa, end } = header.right;
  const segments = splitSegments(body.right, end, delimiters);
  let i = 0;
  const next = (): ArraySegmentView | undefined => {
    const s = segments[i++];
    return s === undefined ? undefined : new ArraySegmentView(s, delimiters.element);
  };
  const read = readEnvelope(next, isa, collect, warnings);
  if (read._tag === 'Left') return read;
  const groups = read.right.groups.map((g): X12FunctionalGroup => {
    const transactions = g.transactions.map((t): X12Transaction => {
      const base = { type: t.type, controlNumber: t.controlNumber, segments: t.body };
      return t.implementation === '' ? base : { ...base, implementation: t.implementation };
    });
    const base = { functionalId: g.functionalId, controlNumber: g.controlNumber, transactions };
    return g.version === '' ? base : { ...base, version: g.version };
  });
  return ok({
    delimiters,
    version: (isa[12] ?? '').trim(),
    controlNumber: (isa[13] ?? '').trim(),
    usage: (isa[15] ?? '').trim(),
    groups,
    segmentCount: read.right.segmentCount,
    warnings,
  });
};

/**
 * Splits a repeating element (such as EB03) on the repetition separator; without one (4010) the
 * element is a single value. Empty repetitions are dropped and values trimmed.
 *
 * @param value - the raw element
 * @param d - the interchange delimiters
 * @returns the repetitions, in order
 * @example
 * x12Repetitions('1^33^35', { element: '*', repetition: '^', component: ':', segment: '~' }); // ['1', '33', '35']
 */
export const x12Repetitions = (value: string, d: X12Delimiters): readonly string[] => {
  const out: string[] = [];
  const sep = d.repetition;
  // One pass with indexOf (no intermediate arrays): EB03 lists are read for every EB.
  let from = 0;
  for (;;) {
    const at = sep === undefined ? -1 : value.indexOf(sep, from);
    const v = (at < 0 ? value.slice(from) : value.slice(from, at)).trim();
    if (v !== '') out.push(v);
    if (at < 0) return out;
    from = at + 1;
  }
};

/**
 * Splits a composite element (such as EB13) on the component separator, values trimmed.
 *
 * @param value - the raw element
 * @param d - the interchange delimiters
 * @returns the components, in order (empty ones kept, so positions hold)
 * @example
 * x12Components('HC:99213:25', { element: '*', component: ':', segment: '~' }); // ['HC', '99213', '25']
 */
export const x12Components = (value: string, d: X12Delimiters): readonly string[] =>
  value.split(d.component).map((v) => v.trim());
