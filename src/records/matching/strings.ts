/**
 * String similarity for record linkage: Jaro-Winkler (Winkler 1990) and the optimal string
 * alignment form of Damerau-Levenshtein distance. Written for this library from the published
 * definitions.
 */

/**
 * Jaro similarity: matching characters within a window of max(|a|,|b|)/2 - 1, and half the
 * transpositions among them.
 *
 * @param a - first string
 * @param b - second string
 * @returns 0 (nothing in common) to 1 (equal); 1 for two empty strings
 * @example
 * jaro('MARTHA', 'MARHTA'); // 0.9444 (m = 6, t = 1: (6/6 + 6/6 + 5/6) / 3)
 */
export const jaro = (a: string, b: string): number => {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Scratch buffers reused across calls (names are short); nothing escapes a call.
  if (lb > usedB.length) usedB = new Uint8Array(lb * 2);
  if (la > matchedA.length) matchedA = new Int32Array(la * 2);
  usedB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (usedB[j] === 0 && ca === b.charCodeAt(j)) {
        usedB[j] = 1;
        matchedA[m++] = i;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let k = 0;
  let half = 0;
  for (let j = 0; j < lb; j++) {
    if (usedB[j] === 0) continue;
    if (a.charCodeAt(matchedA[k] as number) !== b.charCodeAt(j)) half++;
    k++;
  }
  return (m / la + m / lb + (m - half / 2) / m) / 3;
};

let usedB = new Uint8Array(64);
let matchedA = new Int32Array(64);

/**
 * Jaro-Winkler similarity: Jaro plus a bonus for a common prefix of up to 4 characters, scaled by
 * 0.1 (Winkler's standard constants).
 *
 * @param a - first string
 * @param b - second string
 * @returns 0 to 1
 * @example
 * jaroWinkler('MARTHA', 'MARHTA'); // 0.9611 (0.9444 + 3 * 0.1 * (1 - 0.9444))
 * jaroWinkler('DWAYNE', 'DUANE'); // 0.84
 */
export const jaroWinkler = (a: string, b: string): number => {
  const j = jaro(a, b);
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
};

/**
 * Damerau-Levenshtein distance, optimal string alignment variant: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1.
 *
 * @param a - first string
 * @param b - second string
 * @returns the edit distance
 * @example
 * damerauLevenshtein('19840309', '19840390'); // 1 (adjacent transposition)
 * damerauLevenshtein('CA', 'ABC'); // 3 in this variant (2 in the unrestricted one)
 */
export const damerauLevenshtein = (a: string, b: string): number => {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb] as number;
};

/**
 * Whether two strings are at most one edit apart (Damerau-Levenshtein ≤ 1), without building the
 * distance table: equal lengths allow one substitution or one adjacent transposition; lengths
 * one apart allow one insertion.
 *
 * @param a - first string
 * @param b - second string
 * @returns true when the distance is 0 or 1
 * @example
 * withinOneEdit('19840309', '19840390'); // true
 * withinOneEdit('02139', '2139'); // true
 * withinOneEdit('02139', '02193x'); // false
 */
export const withinOneEdit = (a: string, b: string): boolean => {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === la) return true;
    // One substitution at i, or a transposition of i and i + 1; the rest must agree.
    const restEqual = (from: number): boolean => {
      for (let k = from; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
      return true;
    };
    if (restEqual(i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      restEqual(i + 2)
    );
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [s, t] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === t.charCodeAt(i)) i++;
  for (let k = i; k < s.length; k++) if (s.charCodeAt(k) !== t.charCodeAt(k + 1)) return false;
  return true;
};
