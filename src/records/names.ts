/**
 * Name casing and suffix handling shared by normalization and matching.
 */

/** Generational suffixes in their standard written form. */
const SUFFIXES: Readonly<Record<string, string>> = {
  JR: 'Jr', JUNIOR: 'Jr', SR: 'Sr', SENIOR: 'Sr', II: 'II', III: 'III', IV: 'IV', V: 'V', '2ND': 'II', '3RD': 'III',
}; // prettier-ignore

/**
 * The standard form of a generational suffix (`jr.` → `Jr`, `iii` → `III`), or undefined.
 *
 * @param s - a suffix as typed
 * @returns `Jr`, `Sr`, `II`, `III`, `IV`, `V`, or undefined when not generational (MD, PhD)
 * @example
 * generationalSuffix('jr.'); // 'Jr'
 */
export const generationalSuffix = (s: string): string | undefined =>
  SUFFIXES[s.replace(/[.,\s]/g, '').toUpperCase()];

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
