/**
 * Tokenizers of an X12 interchange after its ISA header, both yielding {@link SegmentView}s to the
 * envelope reader: the reference one splits every segment into an array of element strings
 * (parseX12 returns those arrays); the fast one (read271) keeps element offsets in a reused cursor
 * and slices only the elements that are read. A property test holds them to the same result.
 */
import { err, ok, type Either } from '../../core/result.js';
import { x12Error, x12Warning, type X12Error, type X12Warning } from './errors.js';
import type { X12Delimiters, X12Segment } from './parse.js';

/**
 * One segment as the readers see it: id, position, trimmed elements by number, raw text. A view
 * may be a cursor reused for the next segment: read what you need before asking for the next one.
 */
export interface SegmentView {
  /** Segment id, such as `EB`. */
  readonly id: string;
  /** Position in the interchange, 0-based (ISA is 0). */
  readonly index: number;
  /** Number of elements, the id included (so the last element is `length - 1`). */
  readonly length: number;
  /** Element `n` trimmed, `''` when absent. */
  el(n: number): string;
  /** Whether element `n` trimmed is `value` (`el(n) === value`, without making the string). */
  elIs(n: number, value: string): boolean;
  /** Element `n` as sent, `''` when absent. */
  rawEl(n: number): string;
  /** The segment text (elements joined by the element separator, surrounding whitespace trimmed). */
  raw(): string;
}

/**
 * Whether a one-character string is an ASCII letter or digit (a delimiter may not be one). A
 * comparison of character codes rather than a regular expression: readIsa runs once per
 * interchange, and a pattern costs a compile in every fresh process.
 */
const isAlnum = (c: string): boolean => {
  const code = c.length === 1 ? c.charCodeAt(0) : -1;
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
};

/**
 * The text from ISA on (a leading BOM and whitespace removed, each with a warning), or an error
 * when it does not start with ISA.
 *
 * @param text - anything
 * @param warnings - where a BOM warning is added
 * @returns the text from ISA, or `x12.empty` / `x12.missing-isa`
 * @example
 * interchangeText('\uFEFFISA*00*...', []); // Right('ISA*00*...'), with an x12.bom warning
 */
export const interchangeText = (text: unknown, warnings: X12Warning[]): Either<X12Error, string> => {
  if (typeof text !== 'string' || text.trim() === '')
    return err(x12Error('x12.empty', 'the text holds no segments'));
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    warnings.push(x12Warning('x12.bom', 'a UTF-8 byte order mark precedes ISA'));
    body = body.slice(1);
  }
  // trimStart removes what /^\s+/ matches (white space and line terminators), without a pattern.
  body = body.trimStart();
  if (!body.startsWith('ISA'))
    return err(x12Error('x12.missing-isa', 'the text does not start with an ISA segment'));
  return ok(body);
};

/** The ISA header: delimiters, the 17 elements (id first) and where the next segment starts. */
export interface IsaHeader {
  readonly delimiters: X12Delimiters;
  readonly isa: readonly string[];
  readonly end: number;
}

/**
 * Reads the delimiters by counting 16 element separators, so a short ISA still reads.
 *
 * @param text - the text from ISA on
 * @param warnings - where ISA length and ISA11 = ISA16 warnings are added
 * @returns the delimiters, the ISA elements and where the next segment starts, or an
 *   `x12.isa-truncated` / `x12.missing-isa` error
 * @example
 * readIsa(text, []); // Right({ delimiters: { element: '*', repetition: '^', component: ':', segment: '~' }, ... })
 */
export const readIsa = (text: string, warnings: X12Warning[]): Either<X12Error, IsaHeader> => {
  const element = text[3];
  if (element === undefined)
    return err(x12Error('x12.isa-truncated', 'ISA ends before its element separator'));
  if (isAlnum(element) || element === ' ')
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
  const hasRepetition = version >= '00501' && rep.length === 1 && !isAlnum(rep) && rep !== element;
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

/**
 * Splits the text after ISA into trimmed, non-empty segments, scanning once (the reference tokenizer).
 *
 * @param text - the text from ISA on
 * @param from - where the segment after ISA starts
 * @param d - the delimiters
 * @returns the segments, numbered from 1 (ISA is 0)
 * @example
 * splitSegments(text, header.end, header.delimiters)[0]?.id; // 'GS'
 */
export const splitSegments = (text: string, from: number, d: X12Delimiters): X12Segment[] => {
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

/** A split segment seen through the {@link SegmentView} interface. */
export class ArraySegmentView implements SegmentView {
  readonly id: string;
  readonly index: number;
  readonly length: number;
  constructor(
    readonly segment: X12Segment,
    private readonly element: string,
  ) {
    this.id = segment.id;
    this.index = segment.index;
    this.length = segment.elements.length;
  }
  el(n: number): string {
    return (this.segment.elements[n] ?? '').trim();
  }
  elIs(n: number, value: string): boolean {
    return this.el(n) === value;
  }
  rawEl(n: number): string {
    return this.segment.elements[n] ?? '';
  }
  raw(): string {
    return this.segment.elements.join(this.element);
  }
}

/** Bits per character of a segment id key: ids are ASCII, so 7. */
const ID_CHAR_BITS = 128;
/** The longest segment id X12 defines. */
const ID_MAX_LENGTH = 3;

/**
 * A number for an ASCII text of up to 3 characters (a segment id or a short code; different texts,
 * different numbers), or -1 for a longer or non-ASCII text.
 *
 * @param text - the text holding the value
 * @param a - where the value starts
 * @param b - where it ends (exclusive)
 * @returns the key, or -1
 * @example
 * shortKey('EB*1', 0, 2) === shortKey('EB', 0, 2); // true
 */
export const shortKey = (text: string, a: number, b: number): number => {
  if (b - a > ID_MAX_LENGTH) return -1;
  let key = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= ID_CHAR_BITS) return -1;
    key = key * ID_CHAR_BITS + c;
  }
  return key;
};

/**
 * The segment ids of the envelope, the 270/271 and the 835 (which billing reads with this cursor),
 * by key: the cursor hands out these strings instead of slicing a new two- or three-letter string
 * for every segment of a large file. Any other id is sliced as before.
 */
const SEGMENT_IDS: ReadonlyMap<number, string> = /* @__PURE__ */ new Map(
  // String literals (not a split string): V8 interns literals, so comparing ids is cheap.
  // prettier-ignore
  [
    'ISA', 'GS', 'ST', 'BHT', 'HL', 'TRN', 'NM1', 'N3', 'N4', 'PER', 'PRV', 'DMG', 'INS', 'HI', 'DTP',
    'MPI', 'EB', 'HSD', 'REF', 'AAA', 'MSG', 'III', 'LS', 'LE', 'SE', 'GE', 'IEA',
    'BPR', 'CLP', 'CAS', 'SVC', 'DTM', 'AMT', 'N1', 'MOA', 'MIA', 'LQ', 'PLB', 'LX', 'TS3', 'QTY',
  ].map((id): [number, string] => [shortKey(id, 0, id.length), id]),
);

/** Whether a character needs String#trim (whitespace and the line terminators, any non-ASCII). */
const mayTrim = (c: number): boolean => c <= 32 || c >= 0x80;

/**
 * The fast tokenizer: one cursor moved from segment to segment. For the current segment it holds
 * the offset where each element starts (the element separator found once per character), so an
 * element costs one slice when it is read and nothing when it is not. Segment numbering, the
 * whitespace trimmed around segments and the elements it returns are those of
 * {@link splitSegments}.
 */
export class SegmentCursor implements SegmentView {
  id = '';
  index = 0;
  private start = 0;
  private end = 0;
  private pos: number;
  /**
   * bounds[n]: offset of element n; bounds[length]: one past the segment end. Found as far as
   * elements are read: `found` entries are known, and `complete` once the end is among them.
   */
  private readonly bounds: number[] = [0, 0];
  private found = 0;
  private complete = false;
  private readonly trim: boolean;
  /** The element separator's character code. */
  private readonly sepCode: number;
  /**
   * Where the last search for an element separator stopped (the text's length when there is none
   * after it): no separator lies between that search's start and this offset.
   */
  private nextSeparator = -1;

  /**
   * @param text - the text from ISA on
   * @param from - where to start reading (the start of a segment)
   * @param d - the delimiters
   * @param index - the index of the segment before `from` (so a cursor can restart mid-text)
   * @param codes - short codes by {@link shortKey}: an element equal to one is that string, not a
   *   new slice (the codes of a large interchange then cost no memory each)
   */
  constructor(
    private readonly text: string,
    from: number,
    private readonly d: X12Delimiters,
    index = 0,
    private readonly codes?: ReadonlyMap<number, string>,
  ) {
    this.pos = from;
    this.index = index;
    this.trim = d.element.trim() !== '';
    this.sepCode = d.element.charCodeAt(0);
  }

  /** Where the current segment starts in the text (after the whitespace trimmed before it). */
  get offset(): number {
    return this.start;
  }

  /** Moves to the next non-empty segment; undefined at the end of the text. */
  next(): this | undefined {
    const text = this.text;
    const length = text.length;
    while (this.pos < length) {
      let end = text.indexOf(this.d.segment, this.pos);
      if (end < 0) end = length;
      let a = this.pos;
      let b = end;
      this.pos = end + 1;
      if (this.trim) {
        while (a < b && isSpace(text.charCodeAt(a))) a++;
        while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      }
      if (b > a) {
        this.bounds[0] = a;
        this.start = a;
        this.end = b;
        this.index++;
        this.id = this.readId(a, b);
        return this;
      }
    }
    return undefined;
  }

  /**
   * The id of the segment at [a, b), with bounds[1] set: the characters up to the first element
   * separator read one by one and keyed as they go (an id is at most three characters, so this
   * is shorter than a search and a second pass for the key), the table's string when known.
   * Anything else (a longer id, a non-ASCII one) falls back to the general scan.
   */
  private readId(a: number, b: number): string {
    const text = this.text;
    const sep = this.sepCode;
    let key = 0;
    for (let i = a; i <= a + ID_MAX_LENGTH; i++) {
      if (i === b || text.charCodeAt(i) === sep) {
        this.bounds[1] = i + 1;
        this.found = 2;
        this.complete = i === b;
        return SEGMENT_IDS.get(key) ?? this.el(0);
      }
      const c = text.charCodeAt(i);
      if (c >= ID_CHAR_BITS) break;
      key = key * ID_CHAR_BITS + c;
    }
    this.found = 1;
    this.complete = false;
    this.scan(1);
    return this.el(0);
  }

  /**
   * Finds element bounds up to `bounds[n]` (or the segment end, if sooner). Only the elements a
   * reader asks for are searched: a structure walk reads two of an EB's thirteen.
   */
  private scan(n: number): void {
    const bounds = this.bounds;
    const separator = this.d.element;
    const text = this.text;
    const end = this.end;
    while (!this.complete && this.found <= n) {
      // indexOf, not a loop over characters: in a warm process the loop is about as fast (most
      // elements are a few characters long), but on a first call it runs in the interpreter and
      // is hot enough to be compiled by the optimizing compiler while the first file is read,
      // which costs more than the whole file (bench/billing.cold.ts). The search does not stop at
      // the segment end: where it ran past it is kept (`nextSeparator`), and segments before that
      // are known to hold no separator, so the text is searched once over (linear time even for
      // segments without elements).
      const from = bounds[this.found - 1] as number;
      let i = this.nextSeparator;
      if (i < from) {
        i = text.indexOf(separator, from);
        if (i < 0) i = text.length;
        this.nextSeparator = i;
      }
      if (i < end) bounds[this.found++] = i + 1;
      else {
        bounds[this.found++] = end + 1;
        this.complete = true;
      }
    }
  }

  /** Number of elements, the id included. */
  get length(): number {
    this.scan(Number.MAX_SAFE_INTEGER);
    return this.found - 1;
  }

  el(n: number): string {
    this.scan(n + 1);
    if (n + 1 >= this.found) return '';
    const a = this.bounds[n] as number;
    const b = (this.bounds[n + 1] as number) - 1;
    if (a === b) return '';
    // One character: V8 hands out its own single-character strings, no lookup needed.
    if (b - a > 1 && b - a <= ID_MAX_LENGTH && this.codes !== undefined) {
      const code = this.codes.get(shortKey(this.text, a, b));
      if (code !== undefined) return code;
    }
    const value = this.text.slice(a, b);
    return mayTrim(this.text.charCodeAt(a)) || mayTrim(this.text.charCodeAt(b - 1)) ? value.trim() : value;
  }

  elIs(n: number, value: string): boolean {
    this.scan(n + 1);
    if (n + 1 >= this.found) return value === '';
    const a = this.bounds[n] as number;
    const b = (this.bounds[n + 1] as number) - 1;
    const text = this.text;
    // An element with whitespace (or anything non-ASCII) at either end is compared trimmed.
    if (a < b && (mayTrim(text.charCodeAt(a)) || mayTrim(text.charCodeAt(b - 1))))
      return this.el(n) === value;
    return b - a === value.length && text.startsWith(value, a);
  }

  rawEl(n: number): string {
    this.scan(n + 1);
    return n + 1 >= this.found ? '' : this.text.slice(this.bounds[n], (this.bounds[n + 1] as number) - 1);
  }

  raw(): string {
    return this.text.slice(this.start, this.end);
  }
}
