/**
 * Name casing, suffix handling and the cleaning of names as typed, shared by parsing,
 * normalization and matching.
 */

/** Generational suffixes in their standard written form. */
const SUFFIXES: ReadonlyMap<string, string> = new Map(Object.entries({
  JR: 'Jr', JUNIOR: 'Jr', SR: 'Sr', SENIOR: 'Sr', II: 'II', III: 'III', IV: 'IV', V: 'V', '2ND': 'II', '3RD': 'III',
})); // prettier-ignore

/**
 * The standard form of a generational suffix (`jr.` → `Jr`, `iii` → `III`), or undefined.
 *
 * @param s - a suffix as typed
 * @returns `Jr`, `Sr`, `II`, `III`, `IV`, `V`, or undefined when not generational (MD, PhD)
 * @example
 * generationalSuffix('jr.'); // 'Jr'
 */
export const generationalSuffix = (s: string): string | undefined =>
  SUFFIXES.get(s.replace(/[.,\s]/g, '').toUpperCase());

const capitalizeWord = (w: string): string => {
  const lower = w.toLowerCase();
  const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
  return /^mc./.test(lower) ? `Mc${lower.charAt(2).toUpperCase()}${lower.slice(3)}` : cap;
};

/**
 * Trims, collapses spaces and, when the name is typed all upper or all lower case, title-cases
 * each part (split at spaces, hyphens and apostrophes; `Mc` prefixes keep their capital:
 * `MCDONALD` → `McDonald`). A name already in mixed case (`DeShawn`, `van Buren`) is kept as
 * typed, so casing twice changes nothing.
 *
 * @param name - a given, middle or family name
 * @returns the cased name
 * @example
 * casePersonName("  O'BRIEN "); // "O'Brien"
 * casePersonName('MARY-ANNE'); // 'Mary-Anne'
 */
export const casePersonName = (name: string): string => {
  const s = name.trim().replace(/\s+/g, ' ');
  if (s !== s.toUpperCase() && s !== s.toLowerCase()) return s;
  return s.replace(/[^\s\-']+/g, capitalizeWord);
};

// C0 and C1 control characters, and the bidirectional embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) that make a name display differently from what it is.
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const HAS_LETTER = /\p{L}/u;

/**
 * Cleans a name as typed or received: tabs and line breaks become spaces, other control
 * characters and bidirectional overrides and isolates are removed, Unicode NFC (so that `José` typed with a combining accent and precomposed is
 * one name), spaces collapsed and trimmed. Returns undefined when nothing readable is left: a
 * name made only of zero-width characters, combining marks, controls or punctuation has no letter.
 *
 * @param name - a given, middle or family name
 * @returns the cleaned name, or undefined when it has no letter
 * @example
 * cleanPersonName('Jose\u0301'); // 'José' (NFC)
 * cleanPersonName('\u202eYRAM'); // 'YRAM': the override is gone, the letters stay as stored
 * cleanPersonName('\u200b\u0301'); // undefined
 */
export const cleanPersonName = (name: string): string | undefined => {
  // Whitespace controls (tab, line breaks, NEL) separate words: they become spaces, not nothing.
  const s = name
    .replace(/[\t-\r\u0085]/g, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  return HAS_LETTER.test(s) ? s : undefined;
};
