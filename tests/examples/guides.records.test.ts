// docs/guides/records.md: runs examples/guides/records.ts and checks what the guide says it prints.
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/records.js';
import type { IsoDate } from '../../src/core/index.js';
import { normalizePatient } from '../../src/records/index.js';
import { quietConsole, right } from './support.js';

const leftCode = (r: { _tag: 'Left'; left: { code: string } } | { _tag: 'Right' }) =>
  r._tag === 'Left' ? r.left.code : 'Right';

describe('records.md', () => {
  quietConsole();

  it('identifiers: the CMS NPI and MBI examples, E.164 phones, ZIP, SSN, CPT and ICD-10 rules', () => {
    const r = guide.identifiers();
    // CMS example NPI: Luhn over 80840 123456789 gives check digit 3.
    expect(right(r.npi)).toBe('1234567893');
    expect(leftCode(r.reserved)).toBe('npi.first-digit'); // CMS: NPIs start with 1 or 2
    expect(right(r.mbi)).toBe('1EG4TE5MK73'); // CMS MBI format example, dashes removed
    // 555-0132 is in the block reserved for fiction (NANPA 555-0100..0199): flagged.
    expect(right(r.phone)).toEqual({ e164: '+14155550132', extension: '123', fictional: true });
    expect(leftCode(r.n11)).toBe('phone.exchange'); // 411 is an N11 service code (NANP)
    expect(right(r.zip)).toBe('02139'); // Massachusetts ZIPs start with 0
    expect(leftCode(r.ssn)).toBe('ssn.area'); // area 900-999 is never issued (SSA)
    expect(right(r.cpt)).toEqual({ code: '0075T', kind: 'cpt-category-3' }); // 4 digits + T
    expect(leftCode(r.placeholder)).toBe('icd10.placeholder'); // W61.62 + X + D
    expect(leftCode(r.header)).toBe('icd10.header-code'); // E11 has subcodes
  });

  it('normalize: name cased with the suffix moved, USPS street line, state code, E.164 phone', () => {
    const { registration, typo } = guide.normalizing();
    const { patient, warnings } = right(registration);
    expect(patient.name).toEqual({ family: 'Chen', given: 'Bill', suffix: 'Jr' });
    expect(patient.addresses[0]).toMatchObject({
      line: ['77 W 85TH ST APT 4'], // West → W, Street → ST, Apartment → APT (USPS Pub 28)
      city: 'NEW YORK',
      state: 'NY',
      postalCode: '10024',
    });
    expect(patient.phones[0]?.value).toBe('+19175550177');
    expect(warnings).toEqual([expect.objectContaining({ path: 'name.family', rule: 'name.suffix-moved' })]);
    // "Normalizing the result again changes nothing."
    expect(right(normalizePatient(patient, '2026-11-23' as IsoDate))).toEqual({ patient, warnings: [] });
    expect(typo._tag === 'Left' && typo.left.issues).toEqual([
      expect.objectContaining({ path: 'birthDate', rule: 'date.future' }), // 2031 is after 2026-11-23
    ]);
  });

  it('match: the walk-in is pat-002, weight 37.6 from the default m/u table', () => {
    const { best, proposal } = guide.matching();
    expect(best?.patientId).toBe('pat-002');
    expect(best?.decision).toBe('match');
    // log2(λ/(1-λ)) with λ = 0.01, then log2(m/u) per field from DEFAULT_MATCH_PARAMETERS:
    const expected =
      Math.log2(0.01 / 0.99) + // prior -6.63
      Math.log2(0.8 / 0.0001) + // street exact +12.97
      Math.log2(0.85 / 0.001) + // postal code exact +9.73
      Math.log2(0.01 / 0.00002) + // birth date day-month swap +8.97
      Math.log2(0.86 / 0.004) + // family exact +7.75
      // city exact: 0, the agreeing 5-digit ZIP already names the city (PatientComparison.implied)
      Math.log2(0.02 / 0.001) + // given nickname (Bill / William) +4.32
      Math.log2(0.15 / 0.99989) + // phone different -2.74
      Math.log2(0.95 / 0.2) + // state exact +2.25
      Math.log2(0.97 / 0.5); // sex exact +0.96
    expect(best?.weight).toBeCloseTo(expected, 9);
    expect(best?.weight.toFixed(1)).toBe('37.6');
    expect(best?.evidence.find((e) => e.field === 'birthDate')?.level).toBe('day-month-swap');
    const p = right(proposal);
    expect([p.survivorId, p.retiredId]).toEqual(['pat-002', 'pat-101']); // the older chart survives
    expect([...p.conflicts].sort()).toEqual(['birthDate', 'name', 'phones']);
    expect(p.merged.birthDate).toBe('1957-11-02'); // only the old chart was verified
    expect(p.merged.phones.map((x) => x.value).sort()).toEqual(['+12125550107', '+19175550177']);
  });

  it('household: the sisters score far above 10 and are held at review; a disagreeing middle name too', () => {
    const { sisters, middle } = guide.household();
    expect(sisters.weight).toBeGreaterThan(10);
    expect([sisters.decision, sisters.guards]).toEqual(['review', ['household']]);
    expect([middle.decision, middle.guards]).toEqual(['review', ['identifier-conflict']]);
  });

  it("household: sisters under their mother's SSN stay at review; one woman under her middle name and her own SSN matches", () => {
    const { guarantorSsn, goesByMiddle } = guide.household();
    expect([guarantorSsn.decision, guarantorSsn.guards]).toEqual(['review', ['household']]);
    expect([goesByMiddle.decision, goesByMiddle.guards]).toEqual(['match', []]);
  });

  it('duplicates: one cluster, the Chen pair; the neighbour Wei Chan stays apart', () => {
    const report = guide.duplicates();
    expect(report.clusters).toEqual([['pat-002', 'pat-101']]);
    expect(report.pairs.map((p) => [p.a, p.b, p.decision])).toEqual([['pat-002', 'pat-101', 'match']]);
  });

  it('readiness: verified 2025-03-14 is over 365 days before 2026-11-23; no financial form', () => {
    const verdict = guide.readiness();
    expect(verdict?.ready).toBe(false);
    expect(verdict?.items.map((i) => [i.code, i.severity])).toEqual([
      ['readiness.demographics-stale', 'blocking'], // 2025-03-14 + 365 d = 2026-03-14 < 2026-11-23
      ['readiness.consent-missing', 'blocking'],
    ]);
    expect(verdict?.items[1]?.consent).toBe('financial-responsibility');
  });

  it('sharing: Safe Harbor keeps year, age, state, ZIP3; text identifiers replaced; SSN masked', () => {
    const { record, note, billing } = guide.sharing();
    // born 1957-11-02: 69 on 2026-11-23 (birthday passed); ZIP 10024 → 100 (not restricted)
    expect(record).toMatchObject({ birthYear: 1957, age: 69, sex: 'male', state: 'NY', zip3: '100' });
    expect(record).not.toHaveProperty('birthDate');
    expect(note).toBe('Seen [DATE 2026], call [REDACTED:PHONE], [REDACTED:MRN]');
    expect(billing.identifiers?.find((i) => i.kind === 'SSN')?.value).toBe('***-**-1057');
    expect(billing).not.toHaveProperty('emergencyContact');
  });

  it('FHIR export: Safe Harbor per element, references still resolve inside the Bundle', () => {
    const { shared } = guide.fhirExport();
    const { resource } = right(shared);
    const [patient, encounter, observation] = resource['entry'] as {
      fullUrl: string;
      resource: Record<string, unknown>;
    }[];
    // Born 1957-11-02: 69 on 2026-11-23, so the year stays; ZIP 10024 → 100 (not a restricted area).
    expect(patient?.resource).toEqual({
      resourceType: 'Patient',
      identifier: [
        { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] } },
      ],
      gender: 'male',
      birthDate: '1957',
      address: [{ state: 'NY', country: 'US', postalCode: '100' }],
    });
    // The encounter and the observation point at the patient's new fullUrl, not the old one.
    expect(patient?.fullUrl).not.toBe('urn:uuid:6d8a3b52-4c1e-4f0a-9a57-1f3c2b7e9d10');
    expect(encounter?.resource['subject']).toEqual({ reference: patient?.fullUrl });
    expect(observation?.resource['subject']).toEqual({ reference: patient?.fullUrl });
    expect(encounter?.resource['period']).toEqual({ start: '2026', end: '2026' });
    // "Chen" is the patient's family name; 917-555-0177 a phone by pattern; 12/01/2026 a date.
    expect(observation?.resource['note']).toEqual([
      { text: 'Mr. [REDACTED:KNOWN] will call back from [REDACTED:PHONE] by [DATE 2026].' },
    ]);
    expect(JSON.stringify(resource)).not.toMatch(/Chen|Okafor|RV-100002|10024|5550107|85TH|2026-11-23/);
    expect(JSON.stringify(resource)).toContain('"code":"E11.9"');
  });

  it('documents: a lab fax goes to the ordering provider; FHIR round trip keeps the demographics', () => {
    const { route, roundTrip, bill } = guide.documents();
    expect(right(route)).toEqual({
      ruleId: 'lab-to-ordering-provider',
      destination: { kind: 'provider', providerId: 'dr-okafor' },
    });
    const back = right(roundTrip);
    const { consents: _c, verifiedOn: _v, createdOn: _cr, ...demographics } = bill;
    expect(back).toEqual({ ...demographics, consents: [] }); // consents and desk dates are not in FHIR Patient
  });
});
