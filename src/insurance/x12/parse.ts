/**
 * A tolerant X12 tokenizer: delimiters from the ISA header, segments, and the envelope
 * (ISA/GS/ST ... SE/GE/IEA). Syntax only; the 271 meaning is read in read271.ts.
 */
import { err, ok, type Either } from '../../core/result.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import { lookup } from './lookup.js';

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

const ALNUM = /^[A-Za-z0-9]$/;
const IDS: Readonly<Record<string, string>> = { HB: '271', HS: '270' };

/** Reads the delimiters by counting 16 element separators, so a short ISA still reads. */
const readIsa = (
  text: string,
  warnings: X12Warning[],
): Either<X12Error, { delimiters: X12Delimiters; isa: string[]; end: number }> => {
  const element = text[3];
  if (element === undefined)
    return err(x12Error('x12.isa-truncated', 'ISA ends before its element separator'));
  if (ALNUM.test(element) || element === ' ')
    return err(x12Error('x12.missing-isa', 'ISA is not followed by an element separator'));
  let pos = 3;
  const isa: string[] = ['ISA'];
  for (let n = 1; n <= 16; n++) {
    const next = n < 16 ? text.indexOf(element, pos + 1) : pos + 2;
    if (n < 16 && next < 0) return err(x12Error('x12.isa-truncated', `ISA ends before element ISA${n + 1}`));
    if (n === 16 && next > text.length) return err(x12Error('x12.isa-truncated', 'ISA ends before ISA16'));
    isa.push(text.slice(pos + 1, next));
    pos = next;
  }
  const component = isa[16] ?? '';
  const segment = text[pos];
  if (component.length !== 1 || segment === undefined)
    return err(x12Error('x12.isa-truncated', 'ISA ends before its segment terminator'));
  if (pos + 1 !== 106)
    warnings.push(x12Warning('x12.isa-length', `ISA is ${pos + 1} characters, not 106`, 0));
  const rep = isa[11] ?? '';
  const version = (isa[12] ?? '').trim();
  const hasRepetition = version >= '00501' && rep.length === 1 && !ALNUM.test(rep) && rep !== element;
  if (hasRepetition && rep === component)
    warnings.push(
      x12Warning(
        'x12.repetition-equals-component',
        'ISA11 and ISA16 are the same character: repeating elements and composites are told apart by position',
        0,
      ),
    );
  const delimiters: X12Delimiters = hasRepetition
    ? { element, repetition: rep, component, segment }
    : { element, component, segment };
  return ok({ delimiters, isa, end: pos + 1 });
};

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xfeff;

/** Splits the text after ISA into trimmed, non-empty segments, scanning once (no intermediate array). */
const splitSegments = (text: string, from: number, d: X12Delimiters): X12Segment[] => {
  const out: X12Segment[] = [];
  const trim = d.element.trim() !== '';
  let pos = from;
  while (pos < text.length) {
    let end = text.indexOf(d.segment, pos);
    if (end < 0) end = text.length;
    let a = pos;
    let b = end;
    if (trim) {
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    }
    if (b > a) {
      const elements = text.slice(a, b).split(d.element);
      out.push({ id: (elements[0] ?? '').trim(), elements, index: out.length + 1 });
    }
    pos = end + 1;
  }
  return out;
};

const el = (s: X12Segment | undefined, n: number): string => (s?.elements[n] ?? '').trim();

interface OpenGroup {
  gs: X12Segment | undefined;
  transactions: X12Transaction[];
}

/** Closes a transaction at its SE, checking the count and control number. */
const closeTransaction = (segs: X12Segment[], warnings: X12Warning[]): X12Transaction => {
  const st = segs[0];
  const se = segs[segs.length - 1];
  const count = Number(el(se, 1));
  if (count !== segs.length)
    warnings.push(
      x12Warning(
        'x12.se-count',
        `SE01 does not count the ${segs.length} segments of the transaction (ST to SE)`,
        se?.index,
      ),
    );
  if (el(se, 2) !== el(st, 2))
    warnings.push(x12Warning('x12.control-mismatch', 'SE02 does not match ST02', se?.index));
  const impl = el(st, 3);
  const base = { type: el(st, 1), controlNumber: el(st, 2), segments: segs };
  return impl ? { ...base, implementation: impl } : base;
};

/** Checks the group trailer and the version and functional id against the transactions. */
const closeGroup = (g: OpenGroup, ge: X12Segment | undefined, warnings: X12Warning[]): X12FunctionalGroup => {
  const functionalId = el(g.gs, 1);
  const version = el(g.gs, 8);
  if (ge && Number(el(ge, 1)) !== g.transactions.length)
    warnings.push(x12Warning('x12.se-count', 'GE01 does not count the transactions of the group', ge.index));
  if (ge && el(ge, 2) !== el(g.gs, 6))
    warnings.push(x12Warning('x12.control-mismatch', 'GE02 does not match GS06', ge.index));
  for (const t of g.transactions) {
    if (t.implementation && version && t.implementation !== version)
      warnings.push(x12Warning('x12.version-mismatch', 'ST03 differs from GS08', t.segments[0]?.index));
  }
  if (g.gs && g.transactions.some((t) => lookup(IDS, functionalId) !== t.type))
    warnings.push(
      x12Warning('x12.functional-id', 'GS01 does not match the transaction type in ST01', g.gs.index),
    );
  const base = { functionalId, controlNumber: el(g.gs, 6), transactions: g.transactions };
  return version ? { ...base, version } : base;
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
  if (typeof text !== 'string' || text.trim() === '')
    return err(x12Error('x12.empty', 'the text holds no segments'));
  const warnings: X12Warning[] = [];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    warnings.push(x12Warning('x12.bom', 'a UTF-8 byte order mark precedes ISA'));
    body = body.slice(1);
  }
  body = body.replace(/^\s+/, '');
  if (!body.startsWith('ISA'))
    return err(x12Error('x12.missing-isa', 'the text does not start with an ISA segment'));
  const header = readIsa(body, warnings);
  if (header._tag === 'Left') return header;
  const { delimiters, isa, end } = header.right;
  const segments = splitSegments(body, end, delimiters);

  const groups: X12FunctionalGroup[] = [];
  let group: OpenGroup | undefined;
  let tx: X12Segment[] | undefined;
  let iea: X12Segment | undefined;
  for (const s of segments) {
    if (tx) {
      tx.push(s);
      if (s.id === 'SE') {
        (group ??= { gs: undefined, transactions: [] }).transactions.push(closeTransaction(tx, warnings));
        tx = undefined;
      } else if (s.id === 'ST' || s.id === 'GE' || s.id === 'IEA')
        return err(x12Error('x12.truncated', `ST at segment ${tx[0]?.index ?? 0} has no SE`, s.index));
      continue;
    }
    if (s.id === 'ST') {
      if (!group) warnings.push(x12Warning('x12.missing-trailer', 'ST outside a GS/GE group', s.index));
      tx = [s];
    } else if (s.id === 'GS') {
      if (group) {
        warnings.push(
          x12Warning('x12.missing-trailer', 'GS before the previous group closed with GE', s.index),
        );
        groups.push(closeGroup(group, undefined, warnings));
      }
      group = { gs: s, transactions: [] };
    } else if (s.id === 'GE') {
      if (group) groups.push(closeGroup(group, s, warnings));
      else warnings.push(x12Warning('x12.segment-outside-transaction', 'GE without GS', s.index));
      group = undefined;
    } else if (s.id === 'IEA') {
      iea = s;
      break;
    } else
      warnings.push(
        x12Warning('x12.segment-outside-transaction', 'a segment outside ST/SE (and not GS/GE/IEA)', s.index),
      );
  }
  if (tx) return err(x12Error('x12.truncated', `ST at segment ${tx[0]?.index ?? 0} has no SE`, tx[0]?.index));
  if (group) {
    warnings.push(x12Warning('x12.missing-trailer', 'the last group has no GE', group.gs?.index));
    groups.push(closeGroup(group, undefined, warnings));
  }
  if (!iea) return err(x12Error('x12.truncated', 'the interchange has no IEA trailer'));
  if (Number(el(iea, 1)) !== groups.length)
    warnings.push(x12Warning('x12.se-count', 'IEA01 does not count the functional groups', iea.index));
  if (el(iea, 2) !== (isa[13] ?? '').trim())
    warnings.push(x12Warning('x12.control-mismatch', 'IEA02 does not match ISA13', iea.index));
  return ok({
    delimiters,
    version: (isa[12] ?? '').trim(),
    controlNumber: (isa[13] ?? '').trim(),
    usage: (isa[15] ?? '').trim(),
    groups,
    segmentCount: iea.index + 1,
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
export const x12Repetitions = (value: string, d: X12Delimiters): readonly string[] =>
  (d.repetition ? value.split(d.repetition) : [value]).map((v) => v.trim()).filter((v) => v !== '');

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
