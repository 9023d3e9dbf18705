/**
 * Readability of a letter: Flesch-Kincaid grade level and Flesch Reading Ease (Kincaid et al.,
 * 1975), with a vowel-group syllable count. NIH asks for patient materials below the 8th grade;
 * the score is an advisory on a template, not a gate on each letter.
 */

/** Counts and scores of a text. */
export interface Readability {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  /** Flesch-Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. */
  readonly grade: number;
  /** Flesch Reading Ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. */
  readonly readingEase: number;
}

const isVowel = (c: string): boolean =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/**
 * Syllables of one lower-case word: groups of vowels, less a silent final `e` (not in `-le`), `-es`
 * or `-ed`, at least one.
 *
 * @param word - letters in lower case
 * @returns the syllable estimate
 * @example
 * syllables('appointment'); // 3
 */
export const syllables = (word: string): number => {
  let count = 0;
  let inVowel = false;
  for (const ch of word) {
    const v = isVowel(ch);
    if (v && !inVowel) count++;
    inVowel = v;
  }
  const n = word.length;
  const beforeEnding = word[n - 3] ?? '';
  // Silent endings: "care", "makes" (not "horses", "boxes"), "named" (not "wanted").
  if (n > 2 && word.endsWith('e') && !word.endsWith('le') && !isVowel(word[n - 2] ?? '')) count--;
  else if (n > 3 && word.endsWith('es') && !isVowel(beforeEnding) && !'sxzcgh'.includes(beforeEnding))
    count--;
  else if (
    n > 3 &&
    word.endsWith('ed') &&
    !isVowel(beforeEnding) &&
    beforeEnding !== 't' &&
    beforeEnding !== 'd'
  )
    count--;
  return Math.max(1, count);
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Flesch-Kincaid grade and Flesch Reading Ease of a text. Words are runs of letters (digits count
 * as a word of one syllable); sentences end at `.`, `!`, `?` or a blank line (a text without an
 * end counts as one sentence). Linear in the text.
 *
 * @param text - any text
 * @returns counts, grade and reading ease rounded to one decimal (no Left case; an empty text is
 *   grade 0, ease 0)
 * @example
 * readability('The cat sat on the mat.'); // { words: 6, sentences: 1, syllables: 6, grade: -1.4, readingEase: 116.1 }
 */
export const readability = (text: string): Readability => {
  const t = typeof text === 'string' ? text : '';
  let words = 0;
  let sentences = 0;
  let syllableCount = 0;
  let word = '';
  let pendingSentence = false;
  let newlines = 0;
  const endWord = (): void => {
    if (word === '') return;
    words++;
    syllableCount += syllables(word);
    word = '';
    pendingSentence = true;
  };
  for (const ch of t.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || ch === "'" || ch === '\u2019') {
      if (ch >= 'a') word += ch;
      newlines = 0;
    } else if (ch >= '0' && ch <= '9') {
      if (word === '') word = '0';
      newlines = 0;
    } else {
      endWord();
      if (ch === '\n') newlines++;
      if ((ch === '.' || ch === '!' || ch === '?' || newlines >= 2) && pendingSentence) {
        sentences++;
        pendingSentence = false;
      }
    }
  }
  endWord();
  if (pendingSentence) sentences++;
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0, readingEase: 0 };
  const wps = words / sentences;
  const spw = syllableCount / words;
  return {
    words,
    sentences,
    syllables: syllableCount,
    grade: round1(0.39 * wps + 11.8 * spw - 15.59),
    readingEase: round1(206.835 - 1.015 * wps - 84.6 * spw),
  };
};
