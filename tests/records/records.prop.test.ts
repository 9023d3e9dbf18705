// Invariants of records: comparison symmetry, self-match, normalization idempotence, and
// redaction leaving none of the identifier values behind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import {
  comparePatients,
  normalizePatient,
  parsePatient,
  redact,
  scoreMatch,
  type Patient,
} from '../../src/records/index.js';

const asOf = '2026-11-23' as IsoDate;
const RUNS = { numRuns: 150 };

const word = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
const casing = (s: string) =>
  fc.constantFrom(s, s.toUpperCase(), s.toLowerCase(), `  ${s} `, s.replace(/^(.)/, '$1 ').trimEnd());
const date = fc
  .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const npaNxx = fc.tuple(
  fc.integer({ min: 2, max: 9 }),
  fc.integer({ min: 0, max: 8 }),
  fc.integer({ min: 2, max: 9 }),
);
const phone = fc
  .tuple(
    npaNxx,
    fc.integer({ min: 2, max: 9 }),
    fc.integer({ min: 20, max: 99 }),
    fc.integer({ min: 1000, max: 9999 }),
  )
  .filter(([[, b, c]]) => !(b === 1 && c === 1))
  .map(([[a, b, c], d, e, f]) => `${a}${b}${c}${d}${e}${f}`);
const phoneFormats = (digits: string) =>
  fc.constantFrom(
    digits,
    `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
    `+1 ${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`,
  );
const ssn = fc
  .tuple(fc.integer({ min: 1, max: 665 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .filter(([a, g, s]) => `${a}${g}${s}` !== '123456789')
  .map(
    ([a, g, s]) =>
      `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`,
  );
const suffixWord = fc.constantFrom('Street', 'St.', 'Avenue', 'Road', 'Lane', 'Court');

const rawPatient = fc
  .record({
    given: word.chain(casing),
    family: word.chain(casing),
    birthDate: date,
    sex: fc.constantFrom('male', 'female', 'other', 'unknown'),
    number: fc.integer({ min: 1, max: 9999 }),
    street: word,
    suffix: suffixWord,
    city: word.chain(casing),
    zip: fc.integer({ min: 10001, max: 99950 }).map(String),
    phone: phone.chain(phoneFormats),
    email: fc.tuple(word, word).map(([a, b]) => `${a}.${b}@Example.org`),
    ssn,
    mrn: fc.integer({ min: 10000, max: 999999 }).map((n) => `MR${n}`),
  })
  .map((r) => ({
    id: 'pat-prop',
    name: { given: r.given, family: r.family },
    birthDate: r.birthDate,
    sex: r.sex,
    addresses: [
      { line: [`${r.number} ${r.street} ${r.suffix}`], city: r.city, state: 'NY', postalCode: r.zip },
    ],
    phones: [{ value: r.phone }],
    emails: [r.email],
    identifiers: [
      { kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value: r.ssn },
      { kind: 'MRN', system: 'urn:clinic', value: r.mrn },
    ],
  }));

const parsed = (input: unknown): Patient => {
  const r = parsePatient(input);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('records properties', () => {
  it('comparePatients is symmetric', () => {
    fc.assert(
      fc.property(rawPatient, rawPatient, (x, y) => {
        const a = parsed(x);
        const b = parsed({ ...y, id: 'other' });
        const ab = comparePatients(a, b);
        const ba = comparePatients(b, a);
        expect(ba.levels).toEqual(ab.levels);
        expect(ba.guards).toEqual(ab.guards);
        expect(scoreMatch(ba).weight).toBeCloseTo(scoreMatch(ab).weight, 9);
      }),
      RUNS,
    );
  });

  it('a record always matches itself', () => {
    fc.assert(
      fc.property(rawPatient, (x) => {
        const p = parsed(x);
        const s = scoreMatch(comparePatients(p, p));
        expect(s.decision).toBe('match');
        expect(s.guards).toEqual([]);
      }),
      RUNS,
    );
  });

  it('normalizing twice changes nothing', () => {
    let normalized = 0;
    fc.assert(
      fc.property(rawPatient, (x) => {
        const once = normalizePatient(x, asOf);
        if (once._tag === 'Left') return; // invalid input is covered by normalize.test.ts
        normalized++;
        const twice = normalizePatient(once.right.patient, asOf);
        expect(twice._tag === 'Right' && twice.right.patient).toEqual(once.right.patient);
      }),
      RUNS,
    );
    // The generator builds valid NANP phones, SSNs and ZIPs, so nearly every case normalizes.
    expect(normalized).toBeGreaterThan(RUNS.numRuns * 0.9);
  });

  it('structured redaction keeps none of the identifier values', () => {
    fc.assert(
      fc.property(rawPatient, (x) => {
        const p = parsed(x);
        const out = JSON.stringify(redact(p, { asOf }));
        const address = p.addresses[0];
        const values = [
          p.name.given.trim(),
          p.name.family.trim(),
          p.birthDate,
          p.birthDate.slice(5),
          ...(address ? [address.line[0] ?? '', address.city.trim(), address.postalCode ?? ''] : []),
          p.phones[0]?.value ?? '',
          (p.phones[0]?.value ?? '').replace(/\D/g, '').slice(-10),
          ...p.emails,
          ...p.identifiers.map((i) => i.value),
          ...p.identifiers.map((i) => i.value.replace(/\D/g, '')),
        ];
        for (const v of values) expect(out).not.toContain(v);
      }),
      RUNS,
    );
  });

  it('text redaction with the record leaves none of its values in a note', () => {
    fc.assert(
      fc.property(rawPatient, (x) => {
        const p = parsed(x);
        const [y, m, d] = p.birthDate.split('-');
        const note =
          `${p.name.given} ${p.name.family}, born ${m}/${d}/${y}, lives at ${p.addresses[0]?.line[0]}, ` +
          `${p.addresses[0]?.city}, NY ${p.addresses[0]?.postalCode}. Phone ${p.phones[0]?.value}; ` +
          `email ${p.emails[0]}; SSN ${p.identifiers[0]?.value}; MRN ${p.identifiers[1]?.value}.`;
        const { text } = redact(note, { asOf, patient: p });
        for (const v of [
          p.name.given.trim(),
          p.name.family.trim(),
          `${m}/${d}/${y}`,
          p.addresses[0]?.line[0] ?? '',
          (p.addresses[0]?.city ?? '').trim(),
          p.addresses[0]?.postalCode ?? '',
          p.phones[0]?.value ?? '',
          p.emails[0] ?? '',
          p.identifiers[0]?.value ?? '',
          p.identifiers[1]?.value ?? '',
        ])
          expect(text.toLowerCase()).not.toContain(v.toLowerCase());
      }),
      RUNS,
    );
  });
});
