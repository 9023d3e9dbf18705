// FHIR R4: Coverage both ways against the HL7 R4 examples and the CMS BFD searchset, and
// CoverageEligibilityResponse from normalized 271s.
import { describe, expect, it } from 'vitest';
import type { Bundle, Coverage as FhirCoverage } from 'fhir/r4.js';
import {
  fromFhirCoverage,
  toFhirCoverage,
  toFhirCoverageEligibilityResponse,
} from '../../src/insurance/fhir.js';
import { read271 } from '../../src/insurance/x12/read271.js';
import { dataFile } from '../support/testData.js';

const example = (name: string): FhirCoverage =>
  JSON.parse(dataFile(`fhir/r4-examples/${name}.json`)) as FhirCoverage;
const ok = <T>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: T }): T => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('fromFhirCoverage on the HL7 R4 examples', () => {
  it('9876B1: group CB135, payer Organization/2, self, 2011-05-23 to 2012-05-23', () => {
    const c = ok(fromFhirCoverage(example('Coverage-9876B1')));
    expect(c).toMatchObject({
      id: '9876B1',
      payerId: '2',
      memberId: '12345',
      groupNumber: 'CB135',
      relationship: 'self',
      planType: 'other', // EHCPOL is not a plan type
      effective: { start: '2011-05-23', end: '2012-05-23' },
    });
  });
  it('7546D: subscriberId AB9876, member AB98761, group WESTAIR', () => {
    const c = ok(fromFhirCoverage(example('Coverage-7546D')));
    expect(c).toMatchObject({
      memberId: 'AB98761',
      subscriber: { memberId: 'AB9876' },
      groupNumber: 'WESTAIR',
    });
  });
  it('SP1234 and 7547E have no period.start: a validation error naming effective.start', () => {
    for (const name of ['Coverage-SP1234', 'Coverage-7547E']) {
      const r = fromFhirCoverage(example(name));
      expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual(['effective.start']);
    }
  });
  it('rejects what is not a Coverage', () => {
    expect(fromFhirCoverage(null)._tag).toBe('Left');
  });
});

describe('fromFhirCoverage on the CMS BFD Medicare searchset', () => {
  const bundle = JSON.parse(
    dataFile('fhir/cms-bfd/CMSgov__beneficiary-fhir-data__coverageSearchByPatientId.json'),
  ) as Bundle;
  const results = (bundle.entry ?? []).map((e) => fromFhirCoverage(e.resource));
  it('Part A and B map to Medicare plan types with the BFD dates; Part C has no period', () => {
    const a = ok(results[0]!);
    expect(a).toMatchObject({
      id: 'part-a-567834',
      planType: 'medicare-part-a',
      payerId: 'Centers for Medicare and Medicaid Services',
      memberId: '3456789',
      groupNumber: 'Medicare',
      effective: { start: '2020-03-17', end: '2020-06-17' },
    });
    expect(ok(results[1]!)).toMatchObject({
      planType: 'medicare-part-b',
      effective: { start: '2021-07-17', end: '2022-08-17' },
    });
    expect(results[2]!._tag).toBe('Left');
    expect(ok(results[3]!).planType).toBe('other'); // Part D is a drug plan, not a medical plan type
  });
});

describe('toFhirCoverage', () => {
  it('round-trips a coverage through FHIR', () => {
    const c = ok(fromFhirCoverage(example('Coverage-7546D')));
    const fhir = toFhirCoverage({ ...c, planType: 'PPO', order: 1 }, { beneficiary: 'Patient/5' });
    expect(fhir.type?.coding?.map((x) => x.code)).toEqual(['PPO', 'PPO']);
    expect(fhir.beneficiary.reference).toBe('Patient/5');
    expect(ok(fromFhirCoverage(fhir))).toEqual({ ...c, planType: 'PPO', order: 1 });
  });
});

describe('toFhirCoverageEligibilityResponse', () => {
  const context = {
    patient: 'Patient/pat-001',
    insurer: 'Organization/2',
    created: '2026-11-23T08:00:00-05:00',
    servicedDate: '2026-11-23',
  };
  const response = (file: string) => ok(read271(dataFile(`x12/271/${file}`))).responses[0]!;

  it('IG HMO 271: in force, office copays $10 in network and $30 out, per visit', () => {
    const cer = toFhirCoverageEligibilityResponse(
      response('LinuxForHealth__x12__subscriber-health-benefit-check.271'),
      context,
    );
    expect(cer.outcome).toBe('complete');
    expect(cer.insurance?.[0]?.inforce).toBe(true);
    const copays = cer.insurance?.[0]?.item?.filter(
      (i) => i.benefit?.[0]?.type.coding?.[0]?.code === 'copay',
    );
    // EB*B lists ten service types (EB03 1^33^35^47^86^88^98^AL^MH^UC): one item each, $10 in, $30 out
    const types = ['1', '33', '35', '47', '86', '88', '98', 'AL', 'MH', 'UC'];
    expect(
      copays?.map((i) => [
        i.category?.coding?.[0]?.code,
        i.network?.coding?.[0]?.code,
        i.benefit?.[0]?.allowedMoney?.value,
      ]),
    ).toEqual([...types.map((t) => [t, 'in', 10]), ...types.map((t) => [t, 'out', 30])]);
    expect(copays?.[0]?.category?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory',
      code: '1',
    });
  });

  it('a rejection (AAA 72 and 75) is outcome error with the reason codes', () => {
    const cer = toFhirCoverageEligibilityResponse(
      response('Inteligenz__X12Parser__ValidationForSubscriberName.txt'),
      context,
    );
    expect(cer.outcome).toBe('error');
    expect(cer.error?.map((e) => e.code.coding?.[0]?.code)).toEqual(['72', '75']);
    expect(cer.insurance).toBeUndefined();
  });

  it('has the shape of the HL7 example E2501 (same top-level fields and item codings)', () => {
    const official = JSON.parse(
      dataFile('fhir/r4-examples/CoverageEligibilityResponse-E2501.json'),
    ) as Record<string, unknown>;
    const ours = toFhirCoverageEligibilityResponse(
      response('LinuxForHealth__x12__subscriber-health-benefit-check.271'),
      context,
    ) as unknown as Record<string, unknown>;
    for (const key of [
      'resourceType',
      'status',
      'purpose',
      'patient',
      'created',
      'request',
      'outcome',
      'insurer',
      'insurance',
    ])
      expect(Object.keys(ours)).toContain(key);
    expect(Object.keys(official)).toEqual(
      expect.arrayContaining([
        'resourceType',
        'status',
        'purpose',
        'patient',
        'outcome',
        'insurer',
        'insurance',
      ]),
    );
  });
});
