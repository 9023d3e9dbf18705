// FHIR R4 Claim both ways (billing reference §11.1): the elements written are checked by hand, a
// claim made only of mapped fields comes back equal, and bad input is a Left naming the path.
import { describe, expect, it } from 'vitest';
import { fromFhirClaim, parseClaim, toFhirClaim, type Claim } from '../../src/billing/index.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const claim = (overrides: Record<string, unknown> = {}): Claim =>
  must(
    parseClaim({
      id: 'CLM-7001',
      frequency: '1',
      placeOfService: '11',
      totalCharge: 20550,
      payerResponsibility: 'P',
      payer: { id: '60054', name: 'ACME HEALTH' },
      subscriber: { lastName: 'RIVERA', firstName: 'ANA', memberId: 'W123456789' },
      billingProvider: { npi: '1467586115', entity: 'organization', lastName: 'MAIN STREET CLINIC' },
      renderingProvider: { npi: '1003000126', entity: 'person', lastName: 'OKAFOR', firstName: 'NGOZI' },
      referringProvider: { npi: '1234567893', entity: 'person', lastName: 'LINDQVIST', firstName: 'ANNA' },
      diagnosisCodeSet: 'icd10',
      diagnoses: ['J069', 'R509'],
      priorAuthorization: 'AUTH-55',
      lines: [
        {
          procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
          charge: 15050,
          unit: 'UN',
          quantity: 1,
          pointers: [1, 2],
          serviceDates: { start: '2026-11-20', end: '2026-11-20' },
        },
        {
          procedure: { qualifier: 'HC', code: '87880', modifiers: [] },
          charge: 5500,
          unit: 'UN',
          quantity: 2,
          placeOfService: '81',
          pointers: [2],
          serviceDates: { start: '2026-11-20', end: '2026-11-21' },
        },
      ],
      ...overrides,
    }),
  );

describe('toFhirClaim', () => {
  it('writes the R4 elements of reference §11.1', () => {
    const r = toFhirClaim(claim());
    expect(r).toMatchObject({
      resourceType: 'Claim',
      status: 'active',
      use: 'claim',
      type: { coding: [{ code: 'professional' }] },
      identifier: [{ value: 'CLM-7001' }],
      insurer: { identifier: { value: '60054' }, display: 'ACME HEALTH' },
      provider: {
        type: 'Organization',
        identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1467586115' },
      },
      patient: { identifier: { value: 'W123456789' }, display: 'RIVERA, ANA' },
      total: { value: 205.5, currency: 'USD' },
      insurance: [{ sequence: 1, focal: true, preAuthRef: ['AUTH-55'] }],
      created: '2026-11-20',
    });
    expect(r.diagnosis?.map((d) => [d.sequence, d.diagnosisCodeableConcept?.coding?.[0]?.code])).toEqual([
      [1, 'J069'],
      [2, 'R509'],
    ]);
    expect(
      r.careTeam?.map((t) => [t.sequence, t.role?.coding?.[0]?.code, t.provider.identifier?.value]),
    ).toEqual([
      [1, 'primary', '1003000126'],
      [2, 'other', '1234567893'],
    ]);
    const [a, b] = r.item ?? [];
    expect(a).toMatchObject({
      sequence: 1,
      diagnosisSequence: [1, 2],
      servicedDate: '2026-11-20',
      net: { value: 150.5 },
    });
    expect(a?.modifier?.map((m) => m.coding?.[0]?.code)).toEqual(['25']);
    expect(b).toMatchObject({
      servicedPeriod: { start: '2026-11-20', end: '2026-11-21' },
      quantity: { value: 2 },
    });
    expect(b?.locationCodeableConcept?.coding?.[0]?.code).toBe('81');
  });

  it('a void is cancelled and names the claim it voids; a replacement names it too', () => {
    const voided = toFhirClaim(claim({ frequency: '8', originalClaimNumber: 'PCN-1' }));
    expect(voided.status).toBe('cancelled');
    expect(voided.related?.[0]?.claim?.identifier?.value).toBe('PCN-1');
    expect(toFhirClaim(claim({ frequency: '7', originalClaimNumber: 'PCN-1' })).status).toBe('active');
  });
});

describe('fromFhirClaim', () => {
  it('reads back a claim made of mapped fields', () => {
    for (const c of [
      claim(),
      claim({ frequency: '7', originalClaimNumber: 'PCN-1', payerResponsibility: 'S' }),
    ])
      expect(must(fromFhirClaim(JSON.parse(JSON.stringify(toFhirClaim(c)))))).toEqual(c);
  });

  it('leaves out what R4 Claim has no element for (taxonomy, tax id, address, group)', () => {
    const full = claim({
      billingProvider: {
        npi: '1467586115',
        entity: 'organization',
        lastName: 'MAIN STREET CLINIC',
        taxonomy: '207Q00000X',
        taxId: { qualifier: 'EI', value: '123456789' },
      },
    });
    const back = must(fromFhirClaim(toFhirClaim(full)));
    expect(back.billingProvider).toEqual({
      npi: '1467586115',
      entity: 'organization',
      lastName: 'MAIN STREET CLINIC',
    });
  });

  it('never throws: a Left naming the FHIR path, or the claim field missing', () => {
    for (const input of [null, 42, 'Claim', [], { resourceType: 'Patient' }])
      expect(fromFhirClaim(input)._tag).toBe('Left');
    const patient = fromFhirClaim({ resourceType: 'Patient' });
    expect(patient._tag === 'Left' && patient.left.issues.map((i) => i.path)).toEqual(['resourceType']);
    const shape = fromFhirClaim({ resourceType: 'Claim', item: {} });
    expect(shape._tag === 'Left' && shape.left.issues.map((i) => i.path)).toEqual(['item']);
    const empty = fromFhirClaim({ resourceType: 'Claim' });
    expect(empty._tag === 'Left' && empty.left.model).toBe('Claim');
    const secret = fromFhirClaim({
      resourceType: 'Claim',
      patient: { display: 12345 },
      identifier: [{ value: 'SECRET-ID' }],
    });
    expect(JSON.stringify(secret)).not.toContain('SECRET-ID');
  });
});
