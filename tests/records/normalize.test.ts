import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import {
  casePersonName,
  normalizePatient,
  standardizeStreetLine,
  usStateCode,
  type Patient,
} from '../../src/records/index.js';

const asOf = '2026-11-23' as IsoDate;
const raw = {
  id: 'pat-001',
  name: { family: '  RIVERA   JR ', given: 'ana maria', middle: ['LUZ'] },
  birthDate: '1984-03-09',
  sex: 'female',
  addresses: [
    {
      line: ['123 North Main Street, Apartment 4B'],
      city: 'cambridge',
      state: 'Massachusetts',
      postalCode: '2139',
    },
  ],
  phones: [{ use: 'mobile', value: '(617) 555-0142 ext. 12' }],
  emails: ['Ana.Rivera@Example.ORG'],
  identifiers: [
    { kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value: '386-42-1057' },
    { kind: 'MBI', system: 'http://hl7.org/fhir/sid/us-mbi', value: '1eg4-te5-mk73' },
  ],
  emergencyContact: { name: 'jose rivera', relationship: 'spouse', phone: '617.555.0143' },
};

const normalized = (
  input: unknown,
): { patient: Patient; warnings: readonly { rule: string; path: string }[] } => {
  const r = normalizePatient(input, asOf);
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left.issues));
  return r.right;
};

describe('normalizePatient', () => {
  it('standardizes names, address, phones, emails and identifiers', () => {
    const { patient, warnings } = normalized(raw);
    expect(patient.name).toEqual({ family: 'Rivera', given: 'Ana Maria', middle: ['Luz'], suffix: 'Jr' });
    expect(patient.addresses[0]).toEqual({
      use: 'home',
      line: ['123 N MAIN ST APT 4B'],
      city: 'CAMBRIDGE',
      state: 'MA',
      postalCode: '02139',
      country: 'US',
    });
    expect(patient.phones).toEqual([{ use: 'mobile', value: '+16175550142', extension: '12' }]);
    expect(patient.emails).toEqual(['ana.rivera@example.org']);
    expect(patient.identifiers.map((i) => i.value)).toEqual(['386421057', '1EG4TE5MK73']);
    expect(patient.emergencyContact?.phone).toBe('+16175550143');
    expect(patient.emergencyContact?.name).toBe('Jose Rivera');
    expect(warnings.map((w) => w.rule).sort()).toEqual(['name.suffix-moved', 'zip.padded']);
  });

  it('is idempotent on its own output', () => {
    const once = normalized(raw).patient;
    const twice = normalized(once);
    expect(twice.patient).toEqual(once);
    expect(twice.warnings).toEqual([]);
  });

  it('reports every bad field with its path, never the value', () => {
    const r = normalizePatient(
      {
        ...raw,
        birthDate: '2026-12-01',
        addresses: [{ line: ['1 Elm St'], city: 'Austin', state: 'TX', postalCode: '7701' }],
        phones: [{ value: '911-555-0123' }],
        identifiers: [{ kind: 'SSN', system: 'ssa', value: '912-34-5678' }],
        consents: [{ kind: 'treatment', signedOn: '2026-01-10', expiresOn: '2025-01-10' }],
      },
      asOf,
    );
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.issues.map((i) => [i.path, i.rule])).toEqual([
      ['identifiers.0.value', 'ssn.area'],
      ['birthDate', 'date.future'],
      ['consents.0.expiresOn', 'consent.expiry-before-signature'],
      ['addresses.0.postalCode', 'zip.leading-zero'],
      ['phones.0.value', 'phone.area-code'],
    ]);
    expect(r.left.message).not.toMatch(/912|911|7701|2026-12-01/);
  });

  it('rejects malformed input with schema paths', () => {
    const r = normalizePatient({ id: 'x', name: { given: 'A' }, birthDate: '1990-02-30', sex: 'f' }, asOf);
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual([
      'name.family',
      'birthDate',
      'sex',
    ]);
  });

  it('accepts a birth date equal to asOf and warns on ages over 120', () => {
    expect(normalizePatient({ ...raw, birthDate: '2026-11-23' }, asOf)._tag).toBe('Right');
    expect(normalized({ ...raw, birthDate: '1900-01-01' }).warnings.map((w) => w.rule)).toContain(
      'date.implausible-age',
    );
  });
});

describe('USPS standardization (Pub 28)', () => {
  it.each([
    ['123 North Main Street', '123 N MAIN ST'],
    ['45 Elm Avenue Northwest', '45 ELM AVE NW'],
    ['9 Oak Rd., Suite 200', '9 OAK RD STE 200'],
    ['P.O. Box 77', 'PO BOX 77'],
    ['Post Office Box 77', 'PO BOX 77'],
    ['12 Court Street', '12 COURT ST'], // only the suffix position is abbreviated
    ['500 Boylston St #12', '500 BOYLSTON ST # 12'],
    ['500 Boylston Street #12', '500 BOYLSTON ST # 12'],
  ])('%s → %s', (input, out) => {
    expect(standardizeStreetLine(input)).toBe(out);
    expect(standardizeStreetLine(out)).toBe(out);
  });
  it('maps state names and codes', () => {
    expect(usStateCode('new york')).toBe('NY');
    expect(usStateCode('ny')).toBe('NY');
    expect(usStateCode('Ontario')).toBeUndefined();
  });
  it.each([
    ['MCDONALD', 'McDonald'],
    ["O'BRIEN", "O'Brien"],
    ['mary-anne', 'Mary-Anne'],
    ['DeShawn', 'DeShawn'],
    ['  van   Buren ', 'van Buren'],
  ])('casePersonName %s → %s', (input, out) => expect(casePersonName(input)).toBe(out));
});
