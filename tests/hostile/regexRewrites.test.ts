// The linear rewrites of the super-linear patterns must find what the old patterns found. The old
// patterns are the oracle here, run on short generated inputs where their backtracking is cheap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import { formatCents, type Cents } from '../../src/core/money.js';
import {
  blockingKeys,
  casePersonName,
  generationalSuffix,
  matchFeatures,
  normalizePatient,
  parsePatient,
  redact,
} from '../../src/records/index.js';
import { recurrenceDates } from '../../src/scheduling/index.js';

const asOf = '2026-11-23' as IsoDate;
const runs = { numRuns: 400, seed: 16 };
const text = (tokens: readonly string[], maxLength = 14): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...tokens), { maxLength }).map((parts) => parts.join(''));

/** The free-text patterns as they were before the rewrite (src/records/redact.ts, TEXT_PATTERNS). */
const OLD_TEXT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['EMAIL', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
  ['URL', /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi],
  ['IP', /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g],
  ['SSN', /\b\d{3}-\d{2}-\d{4}\b|\b(?<=SSN:?\s*)\d{9}\b/gi],
  [
    'MBI',
    /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g,
  ],
  ['PHONE', /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}\b/g],
  ['MRN', /\b(?:MRN|medical record(?: number)?|chart)\s*(?:#|no\.?|number)?\s*:?\s*[A-Z0-9-]{4,}\b/gi],
  [
    'ACCOUNT',
    /\b(?:acct|account|member(?: id)?|policy|claim)\s*(?:#|no\.?|number|id)?\s*:?\s*[A-Z0-9-]{5,}\b/gi,
  ],
  [
    'LICENSE',
    /\b(?:DL|driver'?s? licen[cs]e|licen[cs]e|plate|VIN|serial)\s*(?:#|no\.?|number)?\s*:?\s*[A-Z0-9-]{5,}\b/gi,
  ],
  // Not a rewrite: the ZIP rule itself changed (any two capitals before five digits took
  // `CPT 99214` and `SSN 02139` for a state and ZIP); this is the current rule, a whole-word USPS
  // state code, so the comparison stays about the rewritten patterns.
  [
    'ZIP',
    /\b(?<=\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|VI|GU|AS|MP|AA|AE|AP)\s{1,2})\d{5}(?:-\d{4})?\b/g,
  ],
];

/** The old pattern pass, then the current redact for what follows it (dates, ages: unchanged). */
const oldRedact = (input: string): { text: string; counts: Record<string, number> } => {
  const counts: Record<string, number> = {};
  let out = input;
  for (const [label, pattern] of OLD_TEXT_PATTERNS)
    out = out.replace(pattern, () => {
      counts[label] = (counts[label] ?? 0) + 1;
      return `[REDACTED:${label}]`;
    });
  const rest = redact(out, { asOf });
  for (const [label, n] of Object.entries(rest.counts)) counts[label] = (counts[label] ?? 0) + n;
  return { text: rest.text, counts };
};

describe('redact: linear patterns find what the backtracking ones found', () => {
  it('e-mail addresses (the local part rescanned from every letter before)', () => {
    const emailish = text(['a', 'b', 'co', '.', '-', '_', '%', '+', '@', ' ', 'x.org', 'c@d.io', 'e.f'], 16);
    fc.assert(
      fc.property(emailish, (s) => {
        expect(redact(s, { asOf })).toEqual(oldRedact(s));
      }),
      runs,
    );
  });
  it('labelled numbers, SSNs after a label, and every other built-in pattern', () => {
    const labelled = text([
      'MRN', 'mrn', 'medical record', ' number', 'number', 'no.', 'no', '#', ':', ' ', '   ', '\t', 'chart',
      'acct', 'account', 'member id', 'policy', 'claim', 'DL', "driver's license", 'VIN', 'SSN', 'ssn:',
      'A1234', '12345', '123456789', '123-45-6789', 'MA ', '02139', 'x', '-', 'a@b.co', 'www.x.org',
      '617-555-0142', '1EG4-TE5-MK73', 'aged', ' 95', ' years', '2026-11-23',
    ]); // prettier-ignore
    fc.assert(
      fc.property(labelled, (s) => {
        expect(redact(s, { asOf })).toEqual(oldRedact(s));
      }),
      runs,
    );
  });
  it('ages over 89 after a label, however the colon and spaces fall', () => {
    // Hand-written: `age`/`aged`, spaces, an optional colon, spaces, then 90-149.
    expect(redact('age 95', { asOf }).text).toBe('age 90+');
    expect(redact('aged:101', { asOf }).text).toBe('aged:90+');
    expect(redact('Age  :  92 today', { asOf }).text).toBe('Age  :  90+ today');
    expect(redact('age :: 95', { asOf }).text).toBe('age :: 95');
    expect(redact('age 89', { asOf }).text).toBe('age 89');
  });
});

describe('normalizePatient: a generational suffix typed in the family name', () => {
  // The old split of the cased family name, followed by the same suffix table.
  const oldSplit = (family: string): { family: string; suffix?: string } => {
    const cased = casePersonName(family);
    const m = /^(.*\S)[\s,]+(\S+)$/.exec(cased);
    const moved = m ? generationalSuffix(m[2] ?? '') : undefined;
    return m && moved !== undefined ? { family: m[1] ?? '', suffix: moved } : { family: cased };
  };
  it('moves the same suffix as the backtracking pattern did', () => {
    const family = text([
      'Smith',
      'de la',
      'Cruz',
      'Jr',
      'jr.',
      'III',
      'Sr',
      '2nd',
      ' ',
      '  ',
      ',',
      ', ',
      '\t',
      '-',
    ]);
    fc.assert(
      fc.property(family, (f) => {
        const r = normalizePatient(
          { id: 'pat-1', name: { family: f, given: 'Ana' }, birthDate: '1984-03-09', sex: 'female' },
          asOf,
        );
        fc.pre(r._tag === 'Right');
        if (r._tag !== 'Right') return;
        const { family: got, suffix } = r.right.patient.name;
        expect(suffix === undefined ? { family: got } : { family: got, suffix }).toEqual(oldSplit(f));
      }),
      runs,
    );
  });
});

describe('formatCents: thousands separators without a look-ahead', () => {
  it('agrees with Intl grouping for whole dollar amounts', () => {
    const grouping = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (n) => {
        expect(formatCents(n as Cents)).toBe(grouping.format(n / 100));
      }),
      runs,
    );
  });
});

describe('blockingKeys: house number and street start', () => {
  it('reads the leading digits and the next three letters as the old split did', () => {
    const street = text(['12', '3', ' ', 'MAIN', 'ST', 'N', 'APT', '4B', '#', '-', '/']);
    fc.assert(
      fc.property(street, (line) => {
        const p = parsePatient({
          id: 'pat-1',
          name: { family: 'Rivera', given: 'Ana' },
          birthDate: '1984-03-09',
          sex: 'female',
          addresses: [{ line: [line.trim() === '' ? 'X' : line], city: 'Boston' }],
        });
        if (p._tag !== 'Right') return;
        const f = matchFeatures(p.right);
        const m = /^(\d+)\s*(.*)$/.exec(f.street);
        const parts = [m?.[1] ?? '', (m?.[2] ?? '').replace(/ /g, '').slice(0, 3)];
        const expected = parts.includes('') ? [] : [`SN|${parts.join('|')}`];
        expect(blockingKeys(f, ['street-number-name'])).toEqual(expected);
      }),
      runs,
    );
  });
});

describe('recurrenceDates: a rule with spaces is refused before rrule reads it', () => {
  it('returns invalid-rule for spaces inside the value, and still reads the same rule without them', () => {
    const d = '2026-11-02' as IsoDate;
    const to = '2026-11-30' as IsoDate;
    expect(recurrenceDates('FREQ=WEEKLY; BYDAY=MO', d, d, to)).toMatchObject({
      _tag: 'Left',
      left: { code: 'recurrence.invalid-rule' },
    });
    expect(recurrenceDates(`FREQ=WEEKLY;${' '.repeat(50_000)}BYDAY=MO`, d, d, to)._tag).toBe('Left');
    // Mondays of November 2026 from the 2nd, counted by hand.
    expect(recurrenceDates(' FREQ=WEEKLY;BYDAY=MO ', d, d, to)).toEqual({
      _tag: 'Right',
      right: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'],
    });
  });
});
