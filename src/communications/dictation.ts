/**
 * Checking transcribed dictation against the Joint Commission "Do Not Use" list, ISMP's error-prone
 * abbreviations and dose designations, and look-alike/sound-alike drug names. The checker reports;
 * it never changes the text (the author decides). One pass over whitespace-separated chunks, no
 * regular expression: linear in the text length.
 */
import {
  DICTATION_RULES,
  DOSE_UNITS,
  EXACT_TOKENS,
  FOLDED_TOKENS,
  LASA_PAIRS,
  ROUTE_TOKENS,
  UNIT_TOKENS,
  type DictationRuleId,
  type DictationSource,
  type Severity,
} from './dictationLists.js';

/** One finding: the rule, where (UTF-16 offsets into the original text, half-open), and what to write instead. */
export interface DictationFinding {
  readonly rule: DictationRuleId;
  readonly source: DictationSource;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  /** The text at `[start, end)`, exactly as written. */
  readonly matchedText: string;
  readonly message: string;
  readonly suggestion: string;
}

/** Tall-man names each lower-case name is confused with. */
const LASA_PARTNERS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [a, b] of LASA_PAIRS) {
    m.set(a.toLowerCase(), [...(m.get(a.toLowerCase()) ?? []), b]);
    m.set(b.toLowerCase(), [...(m.get(b.toLowerCase()) ?? []), a]);
  }
  return m;
})();

const LEADING = new Set(['(', '[', '{', '"', "'", '\u201c', '\u2018', '*', '-']);
const TRAILING = new Set([',', ';', ':', ')', ']', '}', '"', "'", '\u201d', '\u2019', '!', '?', '.', '*']);

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A whitespace-separated chunk: its core (surrounding punctuation trimmed) and its raw end. */
interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly rawEnd: number;
  readonly word: string;
  /** Lower case, periods removed. */
  readonly folded: string;
}

const chunksOf = (text: string): Chunk[] => {
  const out: Chunk[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const rawStart = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    let s = rawStart;
    let e = i;
    while (s < e && LEADING.has(text[s] as string)) s++;
    // A period after a digit-free abbreviation's last letter is kept off ("q.d." → "q.d"); folding drops the rest.
    while (e > s && TRAILING.has(text[e - 1] as string)) e--;
    if (e > s) {
      const word = text.slice(s, e);
      let folded = word.toLowerCase();
      if (folded.includes('.') && !isDigit(folded.charCodeAt(folded.indexOf('.') + 1)))
        folded = folded.split('.').join('');
      out.push({ start: s, end: e, rawEnd: i, word, folded });
    }
  }
  return out;
};

/** The number at the start of a chunk: `.5`, `1.0`, `10,000`; its end and shape, or undefined. */
const leadingNumber = (
  w: string,
): { readonly end: number; readonly dot: number; readonly comma: boolean } | undefined => {
  let i = 0;
  let dot = -1;
  let comma = false;
  let digits = 0;
  for (; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 46 && dot < 0 && isDigit(w.charCodeAt(i + 1))) dot = i;
    else if (c === 44 && digits > 0 && isDigit(w.charCodeAt(i + 1))) comma = true;
    else break;
  }
  return digits === 0 ? undefined : { end: i, dot, comma };
};

const unitKey = (u: string): string => {
  const lower = u.toLowerCase();
  const trimmed = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const slash = trimmed.indexOf('/');
  return slash > 0 ? trimmed.slice(0, slash) : trimmed;
};
const isDoseUnit = (u: string): boolean => u !== '' && DOSE_UNITS.has(unitKey(u));

/** `q6pm`, `q10am` (ISMP: read as every 6 hours). */
const isQAtTime = (f: string): boolean => {
  if (f.length < 4 || f[0] !== 'q' || !(f.endsWith('pm') || f.endsWith('am'))) return false;
  for (let i = 1; i < f.length - 2; i++) if (!isDigit(f.charCodeAt(i))) return false;
  return true;
};
/** `x3d` (ISMP: for three days read as three doses). */
const isTimesDays = (f: string): boolean => {
  if (f.length < 3 || f[0] !== 'x' || f[f.length - 1] !== 'd') return false;
  for (let i = 1; i < f.length - 1; i++) if (!isDigit(f.charCodeAt(i))) return false;
  return true;
};

/**
 * Checks dictated or transcribed text and reports every finding with its offsets, rule and
 * suggestion; the text itself is never changed.
 *
 * Rules (source lists in `dictationLists.ts`):
 * - Joint Commission "Do Not Use" (errors): U and IU after a number ("10 U", "4U"), Q.D./QD,
 *   Q.O.D./QOD, a trailing zero ("5.0 mg") and a missing leading zero (".5 mg") before a dose unit
 *   only (so "2.0 cm" in an imaging report passes, as the list's exception allows), MS (case
 *   matters: "ms" is milliseconds), MSO4 and MgSO4;
 * - ISMP error-prone abbreviations and dose designations (warnings): µg, AD/AS/AU, OD/OS/OU (upper
 *   case only: "as needed" passes), BT, cc after a number ("cc: Dr. Osei" passes), D/C, IJ, HS and hs,
 *   OJ, per os, qhs, qn, q1d, q6PM, SC/SQ/sub q after a dose, SSI, TIW, UD, ng after a number, x3d,
 *   abbreviated drug names (APAP, AZT, CPZ, HCTZ, MTX, ...), dose and unit run together ("10mg"),
 *   name and dose run together ("Inderal40 mg"), a unit with a period ("mg." before more of the
 *   sentence), doses of 1,000 and above without commas;
 * - look-alike/sound-alike names (advisories), with a warning when both names of a pair appear.
 * QID, BID and TID are on neither list and pass. Overlapping findings are all reported ("1.0mg" is a
 * trailing zero and a run-together unit). Offsets are UTF-16 code units of the original string.
 *
 * @param text - the dictation
 * @returns the findings in text order (no Left case: any string can be checked; a non-string gives none)
 * @example
 * checkDictation('Morphine 5.0 mg QD'); // TJC-TRAILING-ZERO at 9-12, TJC-QD at 16-18
 */
export const checkDictation = (text: string): readonly DictationFinding[] => {
  if (typeof text !== 'string') return [];
  const chunks = chunksOf(text);
  // Findings come out in text order: each chunk's few findings are sorted as the chunk ends, and
  // the pair warnings, gathered last, are merged in (no sort of the whole list: linear).
  let found: DictationFinding[] = [];
  let chunkFrom = 0;
  const add = (rule: DictationRuleId, start: number, end: number, message?: string): void => {
    const r = DICTATION_RULES[rule];
    found.push({
      rule,
      source: r.source,
      severity: r.severity,
      start,
      end,
      matchedText: text.slice(start, end),
      message: message ?? r.problem,
      suggestion: r.suggestion,
    });
  };
  const lasaSeen = new Map<string, (readonly [number, number])[]>();

  for (let k = 0; k < chunks.length; k++) {
    if (found.length - chunkFrom > 1) sortFrom(found, chunkFrom);
    chunkFrom = found.length;
    const c = chunks[k] as Chunk;
    const prev = chunks[k - 1];
    const next = chunks[k + 1];
    const w = c.word;
    const f = c.folded;
    const exact = EXACT_TOKENS.get(w);
    if (exact !== undefined) add(exact, c.start, c.end);
    const folded = FOLDED_TOKENS.get(f);
    if (folded !== undefined) add(folded, c.start, c.end);
    if (isQAtTime(f)) add('ISMP-QPM', c.start, c.end);
    if (isTimesDays(f)) add('ISMP-X3D', c.start, c.end);
    if (next !== undefined && next.start === c.rawEnd + 1) {
      if (f === 'per' && next.folded === 'os') add('ISMP-PER-OS', c.start, next.end);
      if (f === 'sub' && next.folded === 'q') add('ISMP-SUBCUT', c.start, next.end);
    }
    const prevNumber = prev !== undefined && leadingNumber(prev.word)?.end === prev.word.length;
    if (prevNumber) {
      const unit = UNIT_TOKENS.get(w);
      if (unit !== undefined) add(unit, c.start, c.end);
    }
    if (ROUTE_TOKENS.has(f) && prev !== undefined && (prevNumber || isDoseUnit(prev.word)))
      add('ISMP-SUBCUT', c.start, c.end);

    const first = w.charCodeAt(0);
    if (isDigit(first) || (first === 46 && isDigit(w.charCodeAt(1)))) {
      numberFindings(c, next, chunks[k + 2], text, add);
    } else if (isLetter(first)) {
      nameDoseFinding(c, next, add);
      const partners = f.length >= 5 ? LASA_PARTNERS.get(f) : undefined;
      if (partners !== undefined) {
        add('LASA', c.start, c.end, `LASA: confusable with ${partners.join(', ')}`);
        const list = lasaSeen.get(f);
        if (list === undefined) lasaSeen.set(f, [[c.start, c.end]]);
        else list.push([c.start, c.end]);
      }
    }
  }
  if (found.length - chunkFrom > 1) sortFrom(found, chunkFrom);
  const main = found;
  found = [];
  addPairWarnings(lasaSeen, add);
  return found.length === 0 ? main : mergeInOrder(main, found.sort(byPlace));
};

const byPlace = (a: DictationFinding, b: DictationFinding): number =>
  a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/** Sorts the tail of a list from `from` in place (a chunk's handful of findings). */
const sortFrom = (list: DictationFinding[], from: number): void => {
  const tail = list.splice(from).sort(byPlace);
  for (const f of tail) list.push(f);
};

/** Merges two lists sorted by place. */
const mergeInOrder = (a: readonly DictationFinding[], b: readonly DictationFinding[]): DictationFinding[] => {
  const out: DictationFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byPlace(x, y) <= 0)) {
      out.push(x as DictationFinding);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
};

type Add = (rule: DictationRuleId, start: number, end: number, message?: string) => void;

/** Findings about a number and its unit (TJC zeros, ISMP run-together, periods, commas). */
const numberFindings = (
  c: Chunk,
  next: Chunk | undefined,
  afterNext: Chunk | undefined,
  text: string,
  add: Add,
): void => {
  const num = leadingNumber(c.word);
  if (num === undefined) return;
  const rest = c.word.slice(num.end);
  const together = rest !== '' && !isDigit(rest.charCodeAt(0));
  const unit = together ? rest : next !== undefined ? next.word : '';
  if (together) {
    const u = UNIT_TOKENS.get(rest);
    if (u !== undefined) add(u, c.start + num.end, c.end);
  }
  if (!isDoseUnit(unit)) return;
  const numStart = c.start;
  const numEnd = c.start + num.end;
  if (num.dot >= 0 && c.word.charCodeAt(num.end - 1) === 48) add('TJC-TRAILING-ZERO', numStart, numEnd);
  if (num.dot === 0) add('TJC-LEADING-ZERO', numStart, numEnd);
  if (num.dot < 0 && !num.comma && num.end >= 4 && c.word.charCodeAt(0) !== 48)
    add('ISMP-LARGE-DOSE-COMMAS', numStart, numEnd);
  if (together) add('ISMP-DOSE-UNIT-RUN-TOGETHER', c.start, c.end);
  // "5 mg. daily": a period after the unit that does not end the sentence.
  const unitChunk = together ? c : next;
  const after = together ? next : afterNext;
  if (
    unitChunk !== undefined &&
    text.charCodeAt(unitChunk.rawEnd - 1) === 46 &&
    unitChunk.rawEnd === unitChunk.end + 1 &&
    after !== undefined
  ) {
    const a = after.word.charCodeAt(0);
    if ((a >= 97 && a <= 122) || isDigit(a))
      add('ISMP-UNIT-PERIOD', unitChunk.start + (together ? num.end : 0), unitChunk.rawEnd);
  }
};

/** "Inderal40 mg", "Tegretol300mg": a name of three letters or more with a dose attached. */
const nameDoseFinding = (c: Chunk, next: Chunk | undefined, add: Add): void => {
  const w = c.word;
  let i = 0;
  while (i < w.length && isLetter(w.charCodeAt(i))) i++;
  if (i < 3 || i >= w.length || !isDigit(w.charCodeAt(i))) return;
  let j = i;
  while (j < w.length && isDigit(w.charCodeAt(j))) j++;
  const unit = j < w.length ? w.slice(j) : (next?.word ?? '');
  if (isDoseUnit(unit)) add('ISMP-NAME-DOSE-RUN-TOGETHER', c.start, c.end);
};

/** Both names of a pair in one text: a warning at every mention of either. */
const addPairWarnings = (
  seen: ReadonlyMap<string, readonly (readonly [number, number])[]>,
  add: Add,
): void => {
  for (const [a, b] of LASA_PAIRS) {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    const at = seen.get(la);
    const bt = seen.get(lb);
    if (at === undefined || bt === undefined) continue;
    for (const [positions, other] of [
      [at, b],
      [bt, a],
    ] as const)
      for (const [start, end] of positions)
        add('LASA-BOTH', start, end, `both names of a look-alike pair appear: also ${other}`);
  }
};
