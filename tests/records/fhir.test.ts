import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataPath } from '../support/testData.js';
import type { Patient as FhirPatient, Practitioner as FhirPractitioner } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import {
  fromFhirPatient,
  fromFhirPractitioner,
  normalizePatient,
  toFhirPatient,
  toFhirPractitioner,
  validateNpi,
} from '../../src/records/index.js';

const FHIR = dataPath('fhir');
const json = <T>(path: string): T => JSON.parse(readFileSync(resolve(FHIR, path), 'utf8')) as T;
const ndjson = <T>(path: string): T[] =>
  readFileSync(resolve(FHIR, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

describe('FHIR R4 Patient (HL7 examples, Synthea bulk NDJSON)', () => {
  it('deceased both ways: deceasedBoolean as is, deceasedDateTime as the date it names', () => {
    const example = fromFhirPatient(json<FhirPatient>('r4-examples/Patient-example.json'));
    expect(example._tag === 'Right' && example.right.deceased).toBe(false); // "deceasedBoolean": false
    const synthea = ndjson<FhirPatient>('bulk-ndjson-10-patients/Patient.000.ndjson');
    // The three deceased Synthea patients, dates read off their deceasedDateTime by eye.
    const dates = synthea
      .map((p) => fromFhirPatient(p))
      .flatMap((r) => (r._tag === 'Right' && typeof r.right.deceased === 'string' ? [r.right.deceased] : []));
    expect(dates.sort()).toEqual(['1971-10-01', '1989-05-09', '1994-11-11']);
    const alive = synthea.filter((p) => p.deceasedDateTime === undefined).map((p) => fromFhirPatient(p));
    expect(alive.every((r) => r._tag === 'Right' && r.right.deceased === undefined)).toBe(true);
    for (const deceased of [true, false, '1994-11-11' as IsoDate]) {
      const base = synthea[0]!;
      const read = fromFhirPatient({ ...base, deceasedDateTime: undefined });
      if (read._tag !== 'Right') throw new Error('unreadable');
      const fhir = toFhirPatient({ ...read.right, deceased });
      expect(typeof deceased === 'string' ? fhir.deceasedDateTime : fhir.deceasedBoolean).toBe(deceased);
      expect(fromFhirPatient(fhir)).toMatchObject({ _tag: 'Right', right: { deceased } });
    }
    // A year alone says the patient died, not when.
    const yearOnly = fromFhirPatient({ ...synthea[0]!, deceasedDateTime: '1994' });
    expect(yearOnly._tag === 'Right' && yearOnly.right.deceased).toBe(true);
  });

  it('reads Patient/example: official name, usual as preferred, maiden as previous', () => {
    const r = fromFhirPatient(json<FhirPatient>('r4-examples/Patient-example.json'));
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    expect(r.right.name).toEqual({ family: 'Chalmers', given: 'Peter', middle: ['James'], preferred: 'Jim' });
    expect(r.right.previousNames.map((n) => n.family)).toEqual(['Windsor']);
    expect(r.right.birthDate).toBe('1974-12-25');
    expect(r.right.identifiers).toEqual([
      { kind: 'MRN', system: 'urn:oid:1.2.36.146.595.217.0.1', value: '12345' },
    ]);
    expect(r.right.phones.map((p) => p.use)).toEqual(['work', 'mobile']); // the 'old' phone and the empty one are dropped
  });
  it('reads the twin with multipleBirthInteger and her mother as contact', () => {
    const r = fromFhirPatient(json<FhirPatient>('r4-examples/Patient-infant-twin-1.json'));
    expect(r._tag === 'Right' && [r.right.multipleBirth, r.right.emergencyContact?.name]).toEqual([
      1,
      'Leia Organa',
    ]);
  });
  it('rejects Patient/pat1 (no birthDate) with the field path', () => {
    const r = fromFhirPatient(json<FhirPatient>('r4-examples/Patient-pat1.json'));
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual(['birthDate']);
  });
  it('round-trips every Synthea patient: fromFhir(toFhir(p)) = p', () => {
    const resources = ndjson<FhirPatient>('bulk-ndjson-10-patients/Patient.000.ndjson');
    expect(resources.length).toBeGreaterThanOrEqual(10);
    for (const res of resources) {
      const p = fromFhirPatient(res);
      expect(p._tag).toBe('Right');
      if (p._tag !== 'Right') continue;
      expect(p.right.identifiers.some((i) => i.kind === 'SSN' && /^999-/.test(i.value))).toBe(true);
      expect(p.right.previousNames.length + 1).toBeGreaterThanOrEqual(1);
      const back = fromFhirPatient(toFhirPatient(p.right));
      expect(back).toEqual(p);
    }
  });
  it('Synthea SSNs (999-…) fail normalization, by design of both', () => {
    const [first] = ndjson<FhirPatient>('bulk-ndjson-10-patients/Patient.000.ndjson');
    const p = first && fromFhirPatient(first);
    if (!p || p._tag !== 'Right') throw new Error('fixture');
    const n = normalizePatient(p.right, '2026-11-23' as IsoDate);
    expect(n._tag === 'Left' && n.left.issues.some((i) => i.rule === 'ssn.area')).toBe(true);
  });
  it('writes the mapped fields', () => {
    const r = fromFhirPatient(json<FhirPatient>('r4-examples/Patient-f001.json'));
    if (r._tag !== 'Right') throw new Error('fixture');
    const out = toFhirPatient(r.right);
    expect(out.resourceType).toBe('Patient');
    expect(out.name?.[0]).toEqual({
      use: 'official',
      family: 'van de Heuvel',
      given: ['Pieter'],
      suffix: ['MSc'],
    });
    expect(out.multipleBirthBoolean).toBe(true);
    expect(out.contact?.[0]?.relationship?.[0]?.coding?.[0]?.code).toBe('C');
    expect(out.telecom).toEqual([
      { system: 'phone', use: 'mobile', value: '0648352638' },
      { system: 'email', value: 'p.heuvel@gmail.com' },
    ]);
  });
});

describe('FHIR R4 Practitioner', () => {
  it('reads the HL7 examples', () => {
    const f001 = fromFhirPractitioner(json<FhirPractitioner>('r4-examples/Practitioner-f001.json'));
    // telecom holds a phone, an email and a fax; the fax is not a phone.
    expect(
      f001._tag === 'Right' && [f001.right.name.family, f001.right.credentials, f001.right.phones.length],
    ).toEqual(['van den broek', ['MD'], 1]);
    const example = fromFhirPractitioner(json<FhirPractitioner>('r4-examples/Practitioner-example.json'));
    expect(example._tag === 'Right' && example.right.specialty).toBe('Bachelor of Science');
  });
  it("refuses Synthea practitioners' NPIs (999..., synthetic: the first digit must be 1 or 2) and round-trips them with a real one", () => {
    const list = ndjson<FhirPractitioner>('bulk-ndjson-10-patients/Practitioner.000.ndjson');
    expect(list.length).toBeGreaterThan(0);
    for (const res of list) {
      const refused = fromFhirPractitioner(res);
      expect(refused._tag === 'Left' && refused.left.issues.map((i) => i.path)).toEqual(['npi']);
      // The CMS worked example (reference §1.1) in place of the synthetic number.
      const withRealNpi = {
        ...res,
        identifier: (res.identifier ?? []).map((id) => ({ ...id, value: '1234567893' })),
      };
      const p = fromFhirPractitioner(withRealNpi);
      expect(p._tag).toBe('Right');
      if (p._tag !== 'Right') continue;
      expect(p.right.npi).toBe('1234567893');
      expect(fromFhirPractitioner(toFhirPractitioner(p.right))).toEqual(p);
    }
  });
  it('writes the NPI with the us-npi system', () => {
    const npi = validateNpi('1234567893');
    if (npi._tag !== 'Right') throw new Error('fixture');
    const out = toFhirPractitioner({
      id: 'prov-okafor' as never,
      active: true,
      name: { family: 'Okafor', given: 'Chidi' },
      credentials: ['MD'],
      npi: npi.right,
      phones: [],
      emails: [],
    });
    expect(out.identifier).toEqual([{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }]);
    expect(out.name?.[0]?.suffix).toEqual(['MD']);
  });
});
