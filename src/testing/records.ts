/**
 * Arbitraries of records: valid NPIs, patients and practitioners as the records parsers accept them.
 */
import * as fc from 'fast-check';
import type { Npi } from '../records/npi.js';
import { validateNpi } from '../records/npi.js';
import { parsePatient, parsePractitioner, type Patient, type Practitioner } from '../records/model.js';
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

const CREDENTIALS = ['MD', 'DO', 'NP', 'PA-C', 'FACC', 'DPT'] as const;
const SPECIALTIES = ['family-medicine', 'cardiology', 'orthopedics', 'dermatology', 'physical-therapy'];

/**
 * A valid practitioner (after `parsePractitioner`): a name, up to three credentials, usually an
 * NPI with a correct check digit, a specialty, work phones and an email.
 *
 * @example
 * fc.assert(fc.property(practitionerArbitrary, (p) => p.npi === undefined || validateNpi(p.npi)._tag === 'Right'));
 */
export const practitionerArbitrary: fc.Arbitrary<Practitioner> = parsedBy(
  fc
    .record(
      {
        n: fc.integer({ min: 1, max: 99_999 }),
        active: fc.boolean(),
        given: fc.constantFrom(...GIVEN),
        family: fc.constantFrom(...FAMILY),
        credentials: fc.uniqueArray(fc.constantFrom(...CREDENTIALS), { maxLength: 3 }),
        npi: npiArbitrary,
        specialty: fc.constantFrom(...SPECIALTIES),
        phones: fc.array(
          rawPhone.map((p) => ({ ...p, use: 'work' })),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ['n', 'given', 'family', 'credentials'] },
    )
    .map(({ n, given, family, ...rest }) => ({
      id: `prov-${n}`,
      name: { given, family },
      emails: [
        `${given
          .normalize('NFD')
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase()}.${n}@clinic.example`,
      ],
      ...rest,
    })),
  parsePractitioner,
);
