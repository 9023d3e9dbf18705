/**
 * Arbitraries of patient records: valid NPIs and patients as the records parser accepts them.
 */
import * as fc from 'fast-check';
import type { Npi } from '../records/npi.js';
import { validateNpi } from '../records/npi.js';
import { parsePatient, type Patient } from '../records/model.js';
import { isoDateArbitrary } from './core.js';
import { parsedBy } from './parsed.js';
import type { IsoDate } from '../core/calendar.js';

/**
 * A valid NPI: nine random digits, then the one check digit (of ten) that `validateNpi` accepts.
 *
 * @example
 * fc.sample(npiArbitrary, 1); // ['1234567893']
 */
export const npiArbitrary: fc.Arbitrary<Npi> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => {
    const prefix = `${(digits[0] ?? 0) % 2 === 0 ? 1 : 2}${digits.slice(1).join('')}`;
    for (let check = 0; check <= 9; check++) {
      const npi = validateNpi(`${prefix}${check}`);
      if (npi._tag === 'Right') return npi.right;
    }
    throw new Error('no NPI check digit found'); // unreachable: exactly one digit fits
  });

const GIVEN = ['Maria', 'James', 'Anika', 'Chidi', 'Robert', 'Bill', 'Sofia', 'Wei', 'Aaliyah', 'José'];
const FAMILY = ['Lopez', 'Smith', 'Patel', 'Okafor', "O'Brien", 'Nguyen', 'Lindqvist', 'García', 'Kim'];
const CITIES: readonly (readonly [string, string, string])[] = [
  ['Springfield', 'IL', '62701'],
  ['Denver', 'CO', '80202'],
  ['Boston', 'MA', '02108'],
  ['Austin', 'TX', '73301'],
];

const rawAddress = fc
  .tuple(
    fc.integer({ min: 1, max: 9999 }),
    fc.constantFrom('Elm St', 'Main Street', 'Oak Ave'),
    fc.constantFrom(...CITIES),
  )
  .map(([n, street, [city, state, postalCode]]) => ({ line: [`${n} ${street}`], city, state, postalCode }));

const rawPhone = fc.integer({ min: 100, max: 199 }).map((n) => ({ use: 'mobile', value: `(415) 555-0${n}` }));

/**
 * A valid patient (after `parsePatient`): names from several cultures (accents, apostrophes),
 * birth date, administrative sex, up to two addresses and phones, an MRN.
 *
 * @example
 * fc.assert(fc.property(patientArbitrary, (p) => p.birthDate <= '2026-11-23'));
 */
export const patientArbitrary: fc.Arbitrary<Patient> = parsedBy(
  fc.record({
    id: fc.integer({ min: 1, max: 999_999 }).map((n) => `pat-${n}`),
    name: fc.record(
      {
        given: fc.constantFrom(...GIVEN),
        family: fc.constantFrom(...FAMILY),
        suffix: fc.constantFrom('Jr', 'Sr', 'III'),
      },
      { requiredKeys: ['given', 'family'] },
    ),
    birthDate: isoDateArbitrary('1920-01-01' as IsoDate, '2026-11-01' as IsoDate),
    sex: fc.constantFrom('male', 'female', 'other', 'unknown'),
    addresses: fc.array(rawAddress, { maxLength: 2 }),
    phones: fc.array(rawPhone, { maxLength: 2 }),
    identifiers: fc
      .integer({ min: 1, max: 9_999_999 })
      .map((n) => [{ kind: 'MRN', system: 'urn:clinic:mrn', value: `MRN${n}` }]),
  }),
  parsePatient,
);
