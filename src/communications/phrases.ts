/**
 * A phrase matcher for short messages: phrases are sequences of word slots, each slot a set of
 * accepted words; up to two other words may sit between slots of one clause ("pain in my chest",
 * "can't lift her arm"). Misspellings within one edit (a letter missing, added, changed or two
 * swapped: "pian", "shortnes", "breth") match words of multi-word phrases and long single words,
 * found with a symmetric-deletion index (no regular expressions, linear in the text).
 */
import type { Tokens } from './tokens.js';

/** A phrase: the rule it belongs to and its slots. */
export interface Phrase {
  readonly rule: string;
  readonly slots: readonly (readonly string[])[];
}

/** A phrase found in a text: its rule and the word positions it covers. */
export interface PhraseMatch {
  readonly rule: string;
  readonly first: number;
  readonly last: number;
}

const MAX_GAP = 2;
const MIN_FUZZY = 4;
/** Single-word phrases match misspellings only from this length: short words have too many neighbours. */
const MIN_FUZZY_SINGLE = 7;
const MEMO_LIMIT = 20_000;
const MEMO_KEY_LIMIT = 40;

/**
 * Parses phrase specifications: slots separated by spaces, alternatives by `/`
 * (`'chest pain/pressure'`).
 *
 * @param rule - the rule id of the phrases
 * @param specs - phrase specifications
 * @returns the phrases
 * @example
 * phrases('red-flag.cardiac', ['chest pain/pressure']); // [{ rule: 'red-flag.cardiac', slots: [['chest'], ['pain', 'pressure']] }]
 */
export const phrases = (rule: string, specs: readonly string[]): Phrase[] =>
  specs.map((s) => ({ rule, slots: s.split(' ').map((slot) => slot.split('/')) }));

const deletions = (w: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
};

/** A compiled phrase set: which dictionary words a text word stands for, and the phrases by first word. */
export interface PhraseMatcher {
  readonly find: (tokens: Tokens) => PhraseMatch[];
}

/**
 * Compiles phrases into a matcher.
 *
 * @param list - the phrases
 * @returns a matcher whose `find` lists every phrase occurrence, in text order
 * @example
 * compilePhrases(phrases('r', ['chest pain'])).find(tokenize('chest pian')); // [{ rule: 'r', first: 0, last: 1 }]
 */
export const compilePhrases = (list: readonly Phrase[]): PhraseMatcher => {
  const dictionary = new Set<string>();
  const fuzzyOk = new Set<string>();
  const byFirst = new Map<string, Phrase[]>();
  for (const p of list) {
    for (const slot of p.slots)
      for (const w of slot) {
        dictionary.add(w);
        if (w.length >= (p.slots.length > 1 ? MIN_FUZZY : MIN_FUZZY_SINGLE)) fuzzyOk.add(w);
      }
    for (const w of p.slots[0] ?? []) byFirst.set(w, [...(byFirst.get(w) ?? []), p]);
  }
  const byDeletion = new Map<string, string[]>();
  for (const w of fuzzyOk)
    for (const d of [w, ...deletions(w)]) byDeletion.set(d, [...(byDeletion.get(d) ?? []), w]);

  const memo = new Map<string, readonly string[]>();
  /** The dictionary words a text word stands for: itself, or its one-edit neighbours. */
  const meanings = (word: string): readonly string[] => {
    const known = memo.get(word);
    if (known !== undefined) return known;
    const out = new Set<string>();
    if (dictionary.has(word)) out.add(word);
    else if (word.length >= MIN_FUZZY && word.length <= MEMO_KEY_LIMIT) {
      for (const w of byDeletion.get(word) ?? []) out.add(w);
      for (const d of deletions(word)) {
        if (fuzzyOk.has(d)) out.add(d);
        for (const w of byDeletion.get(d) ?? []) out.add(w);
      }
    }
    const result = [...out];
    if (memo.size < MEMO_LIMIT && word.length <= MEMO_KEY_LIMIT) memo.set(word, result);
    return result;
  };

  const find = (tokens: Tokens): PhraseMatch[] => {
    const { words, clauses } = tokens;
    const seen = new Set<string>();
    const found: PhraseMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      for (const m of meanings(words[i] as string)) {
        for (const p of byFirst.get(m) ?? []) {
          let last = i;
          let ok = true;
          for (let s = 1; s < p.slots.length && ok; s++) {
            const slot = p.slots[s] as readonly string[];
            ok = false;
            for (
              let j = last + 1;
              j <= last + 1 + MAX_GAP && j < words.length && clauses[j] === clauses[i];
              j++
            ) {
              if (meanings(words[j] as string).some((x) => slot.includes(x))) {
                last = j;
                ok = true;
                break;
              }
            }
          }
          const key = `${p.rule} ${i} ${last}`;
          if (ok && !seen.has(key)) {
            seen.add(key);
            found.push({ rule: p.rule, first: i, last });
          }
        }
      }
    }
    return found;
  };
  return { find };
};
