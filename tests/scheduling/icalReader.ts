// A minimal RFC 5545 reader for the tests: unfolding (§3.1), TEXT unescaping (§3.3.11), and
// local DATE-TIME values read back to instants with the VTIMEZONE observances (§3.6.5).

export interface ContentLine {
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

/** Unfolds (CRLF + space/tab) and splits content lines into name, parameters and value. */
export const unfold = (text: string): ContentLine[] =>
  text
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n')
    .map((l) => {
      const colon = l.indexOf(':');
      const [name, ...params] = l.slice(0, colon).split(';');
      return { name: name as string, params: params.join(';'), value: l.slice(colon + 1) };
    });

export const unescapeText = (v: string): string =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** `YYYYMMDDTHHMMSS` as if it were UTC, in epoch ms. */
export const basicToMs = (s: string): number =>
  Date.UTC(
    +s.slice(0, 4),
    +s.slice(4, 6) - 1,
    +s.slice(6, 8),
    +s.slice(9, 11),
    +s.slice(11, 13),
    +s.slice(13, 15),
  );

const offsetMinutes = (s: string): number => (s[0] === '-' ? -1 : 1) * (+s.slice(1, 3) * 60 + +s.slice(3, 5));

/**
 * A TZID-local DATE-TIME back to epoch ms: of the observances, those whose offset really applies
 * at the resulting instant; the earliest such instant (RFC 5545 §3.3.5: an ambiguous time is the
 * first occurrence).
 */
export const zonedToMs = (lines: readonly ContentLine[], local: string): number => {
  const obs: { at: number; to: number }[] = [];
  lines.forEach((l, i) => {
    const from = lines[i + 1];
    const to = lines[i + 2];
    if (l.name === 'DTSTART' && l.params === '' && from?.name === 'TZOFFSETFROM' && to)
      obs.push({ at: basicToMs(l.value) - offsetMinutes(from.value) * 60_000, to: offsetMinutes(to.value) });
  });
  const inForce = (ms: number) => obs.filter((o) => o.at <= ms).at(-1) ?? obs[0];
  const guess = basicToMs(local);
  const valid = obs
    .map((o) => guess - o.to * 60_000)
    .filter((ms) => guess - (inForce(ms)?.to ?? 0) * 60_000 === ms);
  return Math.min(...valid);
};
