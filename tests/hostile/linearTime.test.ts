// Every function that takes free text runs in linear time on adversarial input (DESIGN.md rule
// 11): a portal message or a pasted field must not block the event loop that reads it. Timings are
// never asserted absolutely, only growth, with a wide margin because the machine is shared and
// noisy:
// - each 10x step (100 -> 1k -> 10k -> 100k characters) may grow at most 100x, so that a cubic
//   regression fails at 1k instead of running for hours at 100k;
// - each 100x step (1k -> 100k) may grow at most 1000x: linear is 100x, quadratic 10,000x.
// Load only ever adds time, so each size keeps the fastest of several timed runs, and the runs of
// the two sizes alternate (a burst of load from other processes lands on both, not on one): at
// least 3 rounds, up to 9 while the ratio is over its limit. A call that takes under a
// millisecond at the larger size passes. The harness is itself checked: a function of known
// quadratic cost must fail it and one of linear cost pass.
import { afterAll, describe, expect, it } from 'vitest';
import { parseDollars, parseInstant, parseZone } from '../../src/core/index.js';
import { patientShareFromPercent, coverageLevelScope, parseX12, read271 } from '../../src/insurance/index.js';
import { read835 } from '../../src/billing/index.js';
import { x12Components, x12Repetitions } from '../../src/insurance/x12/parse.js';
import { cleanNameForMatching } from '../../src/records/matching/features.js';
import { doubleMetaphone } from '../../src/records/matching/doubleMetaphone.js';
import { withinOneEdit } from '../../src/records/matching/strings.js';
import type { IsoDate, IsoInstant } from '../../src/core/calendar.js';
import type { IanaZone } from '../../src/core/time.js';
import type { PatientId } from '../../src/core/ids.js';
import * as records from '../../src/records/index.js';
import { recurrenceDates } from '../../src/scheduling/index.js';
import * as communications from '../../src/communications/index.js';
import { dataFile } from '../support/testData.js';

const asOf = '2026-11-23' as IsoDate;
const parsedZone = 'America/New_York' as IanaZone;
const routedAt = '2026-11-23T09:00:00-05:00' as IsoInstant;
const MAX_GROWTH_10X = 100;
const MAX_GROWTH_100X = 1000;
const NOISE_FLOOR_MS = 1;
const SIZES = [100, 1_000, 10_000, 100_000] as const;

/** Adversarial text of about `n` characters: long runs that a backtracking pattern rescans. */
const ATTACKS: Readonly<Record<string, (n: number) => string>> = {
  spaces: (n) => `${' '.repeat(n)}!`,
  letters: (n) => `${'a'.repeat(n)}!`,
  digits: (n) => `${'1'.repeat(n)}!`,
  'label then spaces': (n) => `MRN${' '.repeat(n)}!`,
  'extension then spaces': (n) => `415 555 0132 x${' '.repeat(n)}1 !`,
  'at signs': (n) => 'a@'.repeat(n / 2),
  'dotted domain': (n) => `a@${'b.'.repeat(n / 2)}`,
  'commas and spaces': (n) => `${', '.repeat(n / 2)}Jr`,
  'age label': (n) => `aged${' '.repeat(n)}:`,
  'mixed word runs': (n) => 'Ab1-. '.repeat(n / 6),
};

const X12_271 = dataFile('x12/271/Inteligenz__X12Parser__Example1_DHHS.txt');
/** A 271 whose last element before the trailer is inflated with the attack text. */
const inflated271 = (attack: string): string =>
  X12_271.replace(/~\s*SE\*/, `${attack.replace(/[~*^:]/g, '')}~SE*`);

/** The free-text functions, each fed the attack text where outside text goes. */
const TEXT_FUNCTIONS: Readonly<Record<string, (s: string) => unknown>> = {
  parseDollars,
  parseInstant,
  parseZone,
  validateNpi: records.validateNpi,
  validateMbi: records.validateMbi,
  normalizePhone: records.normalizePhone,
  normalizeZip: (s) => records.normalizeZip(s, 'MA'),
  validateSsn: records.validateSsn,
  validateProcedureCode: records.validateProcedureCode,
  validateProcedureModifier: records.validateProcedureModifier,
  validateIcd10Cm: records.validateIcd10Cm,
  checkIcd10Specificity: records.checkIcd10Specificity,
  generationalSuffix: records.generationalSuffix,
  casePersonName: records.casePersonName,
  standardizeAddressText: records.standardizeAddressText,
  standardizeStreetLine: records.standardizeStreetLine,
  usStateCode: records.usStateCode,
  cleanNameForMatching,
  doubleMetaphone,
  areNicknames: (s) => records.areNicknames(s, 'Robert'),
  withinOneEdit: (s) => withinOneEdit(s, `${s}x`),
  'redact (text)': (s) => records.redact(s, { asOf }),
  'redactFhir (name, display and note)': (s) =>
    records.redactFhir(
      {
        resourceType: 'Observation',
        subject: { reference: 'Patient/1', display: s },
        performer: [{ reference: 'Practitioner/1', display: `${s} ${s}` }],
        note: [{ text: s }],
        valueString: `${s} ${s}`,
      },
      { asOf },
    ),
  'parsePatient (name, email)': (s) =>
    records.parsePatient({
      id: 'p',
      name: { family: s, given: s },
      birthDate: '1984-03-09',
      sex: 'female',
      emails: [s],
    }),
  'normalizePatient (name)': (s) =>
    records.normalizePatient(
      { id: 'p', name: { family: s, given: 'Ana' }, birthDate: '1984-03-09', sex: 'female' },
      asOf,
    ),
  patientShareFromPercent: (s) => patientShareFromPercent(s, 'patient-percent'),
  coverageLevelScope,
  parseX12: (s) => parseX12(inflated271(s)),
  read271: (s) => read271(inflated271(s)),
  x12Repetitions: (s) => x12Repetitions(s, { element: '*', component: ':', repetition: '^', segment: '~' }),
  x12Components: (s) => x12Components(s, { element: '*', component: ':', repetition: '^', segment: '~' }),
  recurrenceDates: (s) => recurrenceDates(s, asOf, asOf, asOf),
  interpretReply: communications.interpretReply,
  'routeMessage (text)': (s) =>
    communications.routeMessage({ text: s, channel: 'portal' }, { zone: parsedZone }, routedAt),
  checkDictation: communications.checkDictation,
  readability: communications.readability,
  'renderLetter (values)': (s) =>
    communications.renderLetter(
      communications.LETTER_TEMPLATES.recall,
      {
        patient: 'p' as PatientId,
        fields: { practiceName: s, practiceAddress: s, practicePhone: s, letterDate: s },
      },
      { kind: 'patient', name: s },
    ),
};

const MIN_ROUNDS = 3;
const MAX_ROUNDS = 9;

/** Milliseconds per call in one timed run, repeated until it lasts a couple of milliseconds. */
const msPerCall = (f: (s: string) => unknown, input: string): number => {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    f(input);
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < 2 && calls < 1000);
  return elapsed / calls;
};

/**
 * Growth from `small` to `large` characters: the fastest run of each size over alternating
 * rounds, 0 when the larger size is within the noise floor.
 */
const growth = (
  f: (s: string) => unknown,
  attack: (n: number) => string,
  small: number,
  large: number,
  limit: number,
): number => {
  const [a, b] = [attack(small), attack(large)];
  f(a); // warm-up: compile the patterns, fill caches
  f(b);
  let [tSmall, tLarge] = [Infinity, Infinity];
  const ratio = (): number => (tLarge < NOISE_FLOOR_MS ? 0 : tLarge / Math.max(tSmall, 1e-6));
  for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || ratio() >= limit); round++) {
    tSmall = Math.min(tSmall, msPerCall(f, a));
    tLarge = Math.min(tLarge, msPerCall(f, b));
  }
  return ratio();
};

/** A loop of `n` additions the optimizer cannot drop: a cost known in advance. */
const spin = (n: number): number => {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i) | 0;
  return x;
};

describe('the growth check can fail', () => {
  it('a function of quadratic cost fails the 100x step; one of linear cost passes both', () => {
    const quadratic = (s: string): number => spin((s.length * s.length) / 1_000);
    const linear = (s: string): number => spin(s.length * 100);
    const text = (n: number): string => 'a'.repeat(n);
    expect(growth(quadratic, text, 1_000, 100_000, MAX_GROWTH_100X)).toBeGreaterThan(MAX_GROWTH_100X);
    expect(growth(linear, text, 1_000, 100_000, MAX_GROWTH_100X)).toBeLessThan(MAX_GROWTH_100X);
    expect(growth(linear, text, 10_000, 100_000, MAX_GROWTH_10X)).toBeLessThan(MAX_GROWTH_10X);
  });
});

describe('free-text functions run in linear time on adversarial input', () => {
  let checked = 0;
  for (const [name, f] of Object.entries(TEXT_FUNCTIONS))
    it(name, () => {
      for (const [attackName, attack] of Object.entries(ATTACKS))
        for (const [i, large] of SIZES.entries()) {
          const on = `${name} on ${attackName}`;
          const small = SIZES[i - 1];
          if (small === undefined) continue;
          const step = growth(f, attack, small, large, MAX_GROWTH_10X);
          expect(step, `${on}: ${small} -> ${large} chars grew ${step.toFixed(1)}x`).toBeLessThan(
            MAX_GROWTH_10X,
          );
          const from = SIZES[i - 2];
          if (from === undefined) continue;
          const span = growth(f, attack, from, large, MAX_GROWTH_100X);
          expect(span, `${on}: ${from} -> ${large} chars grew ${span.toFixed(1)}x`).toBeLessThan(
            MAX_GROWTH_100X,
          );
        }
      checked++;
    });
  afterAll(() => {
    console.log(
      `linear-time check: ${checked} functions x ${Object.keys(ATTACKS).length} attack shapes, 100 to 100k characters`,
    );
  });
});

describe('X12 readers run in linear time on segments without elements', () => {
  // Segments whose id is longer than X12's three characters and that hold no element separator:
  // the offset cursor searches for the next separator past the segment end, and must not search
  // the rest of the text again for every such segment.
  const X12_835 = dataFile('x12/835/azoner__pyx12__835_mult_loops.txt');
  const bare = (text: string) => (n: number) =>
    text.replace(/~\s*SE\*/, `~${'ABCDE~'.repeat(Math.ceil(n / 6))}SE*`);
  for (const [name, f, text] of [
    ['read271', read271, X12_271],
    ['read835', read835, X12_835],
  ] as const)
    it(name, () => {
      const span = growth(f, bare(text), 10_000, 1_000_000, MAX_GROWTH_100X);
      expect(span, `${name}: 10k -> 1M characters grew ${span.toFixed(1)}x`).toBeLessThan(MAX_GROWTH_100X);
    });
});
