// checkDictation against the lists of the reference (§5.1-5.3) and its edge cases 31 and 32; each
// expected offset is counted by hand from the literal text.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkDictation } from '../../src/communications/dictation.js';

const rules = (text: string): string[] => checkDictation(text).map((f) => `${f.rule} ${f.start}-${f.end}`);

describe('The Joint Commission "Do Not Use" list (errors)', () => {
  it.each([
    ['insulin 10 U', ['TJC-U 11-12']],
    ['insulin 4U now', ['ISMP-DOSE-UNIT-RUN-TOGETHER 8-10', 'TJC-U 9-10']], // both: overlapping findings are all reported
    ['vitamin D 1000 IU', ['ISMP-LARGE-DOSE-COMMAS 10-14', 'TJC-IU 15-17']], // ISMP: commas from 1,000
    ['Q.D.', ['TJC-QD 0-3']],
    ['aspirin qd', ['TJC-QD 8-10']],
    ['lasix QOD', ['TJC-QOD 6-9']],
    ['q.o.d', ['TJC-QOD 0-5']],
    ['give MS 4 mg', ['TJC-MS 5-7']],
    ['MSO4 2 mg and MgSO4 1 g', ['TJC-MSO4-MGSO4 0-4', 'TJC-MSO4-MGSO4 14-19']],
  ])('%j', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('edge 31: "5.0 mg" and ".5 mg" are flagged; "2.0 cm", "0.5 mg", "QID" and "cc: Dr. Osei" are not', () => {
    expect(rules('cc: Dr. Osei. Lesion 2.0 cm. Give 0.5 mg QID.')).toEqual([]);
    expect(rules('Give 5.0 mg, then .5 mg')).toEqual(['TJC-TRAILING-ZERO 5-8', 'TJC-LEADING-ZERO 18-20']);
    expect(rules('ms since onset: 200 ms')).toEqual([]); // "ms" is milliseconds, MS is case-sensitive
  });

  it('every finding names its source, severity and the preferred form', () => {
    expect(checkDictation('aspirin qd')).toEqual([
      {
        rule: 'TJC-QD',
        source: 'TJC',
        severity: 'error',
        start: 8,
        end: 10,
        matchedText: 'qd',
        message: 'Q.D. (daily) and Q.O.D. are mistaken for each other',
        suggestion: "write 'daily'",
      },
    ]);
  });
});

describe('ISMP error-prone abbreviations and dose designations (warnings)', () => {
  it.each([
    ['5 µg', ['ISMP-MICROGRAM 2-4']],
    ['drops AU', ['ISMP-EAR 6-8']],
    ['drops OS', ['ISMP-EYE 6-8']],
    ['take as needed', []],
    ['zolpidem BT', ['ISMP-BT 9-11']],
    ['5 cc', ['ISMP-CC 2-4']],
    ['D/C metformin', ['ISMP-DC 0-3', 'LASA 4-13']],
    ['saline HS', ['ISMP-HS-UPPER 7-9']],
    ['trazodone 50 mg hs', ['LASA 0-9', 'ISMP-HS-LOWER 16-18']],
    ['tablet per os', ['ISMP-PER-OS 7-13']],
    ['qhs and qn and q1d', ['ISMP-QHS 0-3', 'ISMP-QN 8-10', 'ISMP-Q1D 15-18']],
    ['daily q6PM', ['ISMP-QPM 6-10']],
    ['heparin 5000 units SC', ['ISMP-LARGE-DOSE-COMMAS 8-12', 'ISMP-SUBCUT 19-21']],
    ['Columbia, SC 29201', []], // SC as a state code
    ['insulin sub q', ['ISMP-SUBCUT 8-13']],
    ['SSI with meals', ['ISMP-SSI 0-3']],
    ['TIW dosing', ['ISMP-TIW 0-3']],
    ['UD', ['ISMP-UD 0-2']],
    ['5 ng', ['ISMP-NG 2-4']],
    ['antibiotic x3d', ['ISMP-X3D 11-14']],
    ['HCTZ 25 mg', ['ISMP-DRUG-ABBREVIATION 0-4']],
    ['10mg', ['ISMP-DOSE-UNIT-RUN-TOGETHER 0-4']],
    ['Tegretol300mg', ['ISMP-NAME-DOSE-RUN-TOGETHER 0-13']],
    ['Inderal40 mg', ['ISMP-NAME-DOSE-RUN-TOGETHER 0-9']],
    ['5 mg. daily', ['ISMP-UNIT-PERIOD 2-5']],
    ['took 5 mg. Then slept', []], // the period ends the sentence
    ['100000 units', ['ISMP-LARGE-DOSE-COMMAS 0-6']],
    ['100,000 units', []],
    ['QID BID TID', []], // on neither list
  ])('%j', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('overlapping findings are all reported: "1.0mg" is a trailing zero and a run-together unit', () => {
    expect(rules('1.0mg')).toEqual(['TJC-TRAILING-ZERO 0-3', 'ISMP-DOSE-UNIT-RUN-TOGETHER 0-5']);
  });
});

describe('look-alike/sound-alike names', () => {
  it('a listed name is an advisory naming the other, in any case; never auto-corrected', () => {
    const [f] = checkDictation('Started HYDROXYZINE 25 mg');
    expect(f).toMatchObject({
      rule: 'LASA',
      severity: 'advisory',
      start: 8,
      end: 19,
      message: 'LASA: confusable with hydrALAZINE',
    });
  });
  it('both names of a pair in one note: a warning at each mention', () => {
    expect(rules('celexa 20 mg; stop cerebyx')).toEqual([
      'LASA 0-6',
      'LASA-BOTH 0-6',
      'LASA 19-26',
      'LASA-BOTH 19-26',
    ]);
  });
  it('whole words only: "prednisones" is not "prednisone"', () => {
    expect(rules('prednisones')).toEqual([]);
  });
});

describe('offsets and the text', () => {
  it('edge 32: offsets are UTF-16 code units after µ, é, curly quotes and an emoji', () => {
    const text = 'Café “note” 😀 give 5.0 mg';
    const findings = checkDictation(text);
    // C0 a1 f2 é3 _4 “5 note6-9 ”10 _11 😀12-13 _14 give15-18 _19: the emoji takes two code units
    expect(findings.map((f) => [f.start, f.end])).toEqual([[20, 23]]);
    expect(text.slice(20, 23)).toBe('5.0');
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 })])(
    'matchedText is always the original slice; never throws',
    (text) => {
      const copy = `${text}`;
      for (const f of checkDictation(text)) expect(text.slice(f.start, f.end)).toBe(f.matchedText);
      expect(text).toBe(copy);
    },
  );

  it('a non-string gives no findings', () => {
    expect(checkDictation(42 as never)).toEqual([]);
  });
});

// A second, deliberately simple implementation of five rules over space-separated tokens, as the
// reference states them, checked against the real checker on random notes.
const VOCAB = [
  '5.0',
  '.5',
  '0.5',
  '2.0',
  '10',
  'mg',
  'mL',
  'cm',
  'mm',
  'units',
  'qd',
  'QD',
  'Q.D.',
  'U',
  'u',
  'cc',
  'cc:',
  'daily',
  'hydroxyzine',
  'hydralazine',
  'tablet',
  'and',
];
const DOSE = new Set(['mg', 'ml', 'units', 'tablet', 'u', 'cc']);
const oracle = (tokens: readonly string[]): string[] => {
  const out: string[] = [];
  let at = 0;
  // Trailing punctuation is not part of a token ("2.0 cc:" is a dose in cc).
  const bare = (x: string): string => (x.endsWith(':') ? x.slice(0, -1) : x);
  tokens.forEach((raw, i) => {
    const t = bare(raw);
    const next = bare(tokens[i + 1] ?? '').toLowerCase();
    const prevNumber = i > 0 && /^[0-9.]+$/.test(tokens[i - 1] ?? '');
    if (/^[0-9]*\.[0-9]*0$/.test(t) && DOSE.has(next)) out.push(`TJC-TRAILING-ZERO ${at}`);
    if (t.startsWith('.') && DOSE.has(next)) out.push(`TJC-LEADING-ZERO ${at}`);
    if (['qd', 'q.d.'].includes(t.toLowerCase())) out.push(`TJC-QD ${at}`);
    if ((t === 'U' || t === 'u') && prevNumber) out.push(`TJC-U ${at}`);
    if (t === 'cc' && prevNumber) out.push(`ISMP-CC ${at}`);
    at += raw.length + 1;
  });
  return out.sort();
};
test.prop([fc.array(fc.constantFrom(...VOCAB), { maxLength: 30 })], { numRuns: 500 })(
  'agrees with a simple second implementation on five rules',
  (tokens) => {
    const kept = new Set(['TJC-TRAILING-ZERO', 'TJC-LEADING-ZERO', 'TJC-QD', 'TJC-U', 'ISMP-CC']);
    const real = checkDictation(tokens.join(' '))
      .filter((f) => kept.has(f.rule))
      .map((f) => `${f.rule} ${f.start}`)
      .sort();
    expect(real).toEqual(oracle(tokens));
  },
);

it('linear: 8× the text costs well under 64× the time, adversarial input included', () => {
  const cost = (text: string): number => {
    // CPU time of this process: the wall clock on a shared machine measures the neighbours.
    const c0 = process.cpuUsage();
    checkDictation(text);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  for (const unit of ['celexa cerebyx 1.0mg qd ', 'a'.repeat(50) + '.', '(((((((((( ']) {
    // about 200 kB against 1.6 MB, so that a garbage collection does not decide the ratio
    const times = Math.ceil(200_000 / unit.length);
    cost(unit.repeat(times));
    const small = Math.min(cost(unit.repeat(times)), cost(unit.repeat(times)), cost(unit.repeat(times)));
    const large = Math.min(cost(unit.repeat(8 * times)), cost(unit.repeat(8 * times)));
    expect(large / Math.max(small, 1)).toBeLessThan(24);
  }
});
