/**
 * Words of a free-text message with their offsets, for the phrase matcher. One pass over the
 * characters, no regular expression: linear in the text length whatever the input.
 */

/** The words of a text: normalised form, UTF-16 offsets into the original, and clause numbers. */
export interface Tokens {
  /** Lower-case words, apostrophes dropped (`can't` → `cant`). */
  readonly words: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /**
   * Clause of each word: a new clause starts after `.`, `;`, `!`, `?`, a line break, or before
   * `but`, `however`, `although`, `though`, `except`, where a negation's scope ends (NegEx).
   */
  readonly clauses: readonly number[];
}

const CLAUSE_WORDS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'except', 'yet']);

const isBreak = (c: number): boolean => c === 46 || c === 59 || c === 33 || c === 63 || c === 10 || c === 13;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isWordChar = (ch: string, c: number): boolean =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  (c > 127 && ch.toLowerCase() !== ch.toUpperCase());

/**
 * Splits a text into words with their offsets and clauses.
 *
 * @param text - any text
 * @returns the words, their half-open UTF-16 offsets, and their clause numbers
 * @example
 * tokenize("No nausea, but chest pain").clauses; // [0, 0, 1, 1, 1]
 */
export const tokenize = (text: string): Tokens => {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const clauses: number[] = [];
  let clause = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (!isWordChar(ch, c)) {
      // A full stop between digits ("2.5") is not a sentence end.
      if (
        isBreak(c) &&
        !(c === 46 && i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)
      ) {
        if (words.length > 0 && clauses[clauses.length - 1] === clause) clause++;
      }
      i++;
      continue;
    }
    const start = i;
    let word = '';
    while (i < n) {
      const d = text.charCodeAt(i);
      const dh = text[i] as string;
      if (isWordChar(dh, d))
        word += d >= 65 && d <= 90 ? String.fromCharCode(d + 32) : d > 127 ? dh.toLowerCase() : dh;
      else if (!(isApostrophe(d) && i + 1 < n && isWordChar(text[i + 1] as string, text.charCodeAt(i + 1))))
        break;
      i++;
    }
    if (CLAUSE_WORDS.has(word) && words.length > 0 && clauses[clauses.length - 1] === clause) clause++;
    words.push(word);
    starts.push(start);
    ends.push(i);
    clauses.push(clause);
  }
  return { words, starts, ends, clauses };
};
