// Every Change Healthcare v3 / Stedi legacy JSON sample adapted into the normalized response,
// with expectations read from the files (insurance.md §10.3).
import { describe, expect, it } from 'vitest';
import { fromClearinghouseEligibility } from '../../src/insurance/clearinghouse.js';
import { checkEligibility } from '../../src/insurance/eligibility.js';
import { benefitsFromEligibility } from '../../src/insurance/eligibilityBenefits.js';
import type { BenefitFact, EligibilityResponse } from '../../src/insurance/eligibilityModel.js';
import { dataFile, dataFiles } from '../support/testData.js';

const adapt = (name: string): EligibilityResponse => {
  const r = fromClearinghouseEligibility(
    JSON.parse(dataFile(`x12/json/WeInfuse__change_health__${name}.example.response.json`)),
  );
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const pick = (
  r: EligibilityResponse,
  code: string,
  level: string,
  network: BenefitFact['network'],
  role?: BenefitFact['amountRole'],
) =>
  r.benefits
    .filter(
      (b) =>
        b.code === code &&
        b.coverageLevel === level &&
        b.network === network &&
        b.serviceTypes.includes('30'),
    )
    .filter((b) => role === undefined || b.amountRole === role)
    .map((b) => b.amount);

describe('fromClearinghouseEligibility over every JSON sample', () => {
  it('adapts all four samples', () => {
    const files = dataFiles('x12/json');
    expect(files).toHaveLength(4);
    for (const f of files)
      expect(fromClearinghouseEligibility(JSON.parse(dataFile(`x12/json/${f}`)))._tag).toBe('Right');
  });

  it('000041: inactive (EB01 6 on STC 30) after a W line', () => {
    const r = adapt('000041');
    expect(r.status).toBe('inactive');
    expect(r.benefits.map((b) => b.code)).toEqual(['W', '6']);
    expect(r.benefits[0]?.entities[0]?.role).toBe('PR');
    expect(r.member?.dates.find((d) => d.qualifier === '291')).toMatchObject({
      start: '2013-12-10',
      end: '2013-12-12',
    });
  });

  it('000045: IND deductible 500 / 0 remaining and OOP 5000 / 2856.74 remaining, in and out of network', () => {
    const r = adapt('000045');
    expect(r.status).toBe('active');
    for (const net of ['in', 'out'] as const) {
      expect(pick(r, 'C', 'IND', net, 'total')).toEqual([50000]);
      expect(pick(r, 'C', 'IND', net, 'remaining')).toEqual([0]);
      expect(pick(r, 'G', 'IND', net, 'remaining')).toEqual([285674]);
      expect(pick(r, 'G', 'IND', net, 'unspecified')).toEqual([500000]);
    }
    expect(r.benefits.find((b) => b.code === 'R')?.entities[0]).toMatchObject({
      role: 'SEP',
      name: 'MEDICARE',
    });
    expect(r.benefits.find((b) => b.code === 'R')?.dates[0]?.qualifier).toBe('290');
  });

  it('T7 000045: STC 98 in-network copays $10, $50, $30, $0 told apart only by MSG', () => {
    const copays = adapt('000045').benefits.filter(
      (b) => b.code === 'B' && b.serviceTypes.includes('98') && b.network === 'in',
    );
    expect(copays.map((b) => b.amount)).toEqual([1000, 5000, 3000, 0]);
    expect(copays[0]?.messages).toContain("Patient's Primary Care Physician");
    expect(copays.map((b) => b.provenance.raw)).toEqual([
      'benefitsInformation[35]',
      'benefitsInformation[36]',
      'benefitsInformation[37]',
      'benefitsInformation[38]',
    ]);
  });

  it('000047: FAM deductible 2000 / 855.75, IND 1000 / 0; OOP IND 5600 / 3900.01, FAM 11200 / 9355.76', () => {
    const r = adapt('000047');
    expect(pick(r, 'C', 'FAM', 'in')).toEqual([200000, 85575]);
    expect(pick(r, 'C', 'IND', 'in')).toEqual([100000, 0]);
    expect(pick(r, 'G', 'IND', 'in')).toEqual([560000, 390001]);
    expect(pick(r, 'G', 'FAM', 'out')).toEqual([1120000, 935576]);
    const oon = r.benefits.find(
      (b) => b.code === 'A' && b.network === 'out' && b.serviceTypes.includes('98'),
    );
    expect(oon).toMatchObject({ percent: 7500, percentRaw: '.75' });
    expect(oon?.messages).toContain('COINS DOES NOT APPLY TO OOP');
  });

  it('000050: OOP 5500 / 4195.37; copays $30 and $40 (SPECIALIST); coinsurance .3; EB*I out of network for 98/BZ', () => {
    const r = adapt('000050');
    const b = r.benefits;
    expect(b.filter((x) => x.code === 'G').map((x) => [x.amount, x.amountRole])).toEqual([
      [419537, 'remaining'],
      [550000, 'total'],
    ]);
    expect(b.filter((x) => x.code === 'B' && x.serviceTypes.includes('98')).map((x) => x.amount)).toEqual([
      3000, 4000,
    ]);
    expect(b.find((x) => x.code === 'A')?.percent).toBe(3000);
    expect(b.find((x) => x.code === 'I')).toMatchObject({ serviceTypes: ['98', 'BZ'], network: 'out' });
  });

  it('000045: chiropractic (33) limit of 30 visits a year, 30 remaining, sent as service delivery (HSD)', () => {
    const r = adapt('000045');
    const limits = r.benefits.filter(
      (b) => b.code === 'F' && b.serviceTypes.includes('33') && b.deliveries.length > 0,
    );
    expect(limits.map((b) => b.deliveries[0])).toEqual([
      ['VS', '30', '', '', '21', '1'],
      ['VS', '30', '', '', '29', ''],
    ]);
    const q = { serviceType: '33', dateOfService: '2026-11-23', providerNetwork: 'in' as const };
    expect(checkEligibility(r, q).reasons.map((x) => x.code)).not.toContain(
      'eligibility.visit-limit-exhausted',
    );
    expect(checkEligibility(r, { ...q, visits: 31 }).reasons.map((x) => x.code)).toContain(
      'eligibility.visit-limit-exhausted',
    );
    const b = benefitsFromEligibility(r, { serviceType: '33', network: 'in', dateOfService: '2026-11-23' });
    expect(b._tag === 'Right' && b.right.benefitSet.benefits[0]?.limit).toEqual({
      quantity: 30,
      unit: 'visits',
    });
    expect(b._tag === 'Right' && b.right.accumulators.limitsUsed).toEqual({ '33-in': 0 });
  });

  it('T18: a payer-share convention inverts EB08', () => {
    const r = fromClearinghouseEligibility(
      JSON.parse(dataFile('x12/json/WeInfuse__change_health__000050.example.response.json')),
      {
        percentConvention: 'payer-fraction',
      },
    );
    expect(r._tag === 'Right' && r.right.benefits.find((x) => x.code === 'A')?.percent).toBe(7000);
  });
});

describe('fromClearinghouseEligibility edge cases', () => {
  it('maps errors[] to rejections with follow-up codes from their names', () => {
    const r = fromClearinghouseEligibility({
      controlNumber: '1',
      errors: [
        {
          code: '75',
          description: 'Subscriber/Insured Not Found',
          followupAction: 'Please Correct and Resubmit',
          location: 'Loop 2100C',
        },
      ],
    });
    expect(r._tag === 'Right' && r.right.status).toBe('error');
    expect(r._tag === 'Right' && r.right.rejections[0]).toMatchObject({
      loop: '2100C',
      reason: '75',
      followUp: 'C',
      retry: 'correct-and-resubmit',
    });
  });
  it('reads a dependent as the patient and rejects a non-object', () => {
    const r = fromClearinghouseEligibility({
      subscriber: { memberId: 'S1', lastName: 'DOE' },
      dependents: [
        { firstName: 'KID', lastName: 'DOE', dateOfBirth: '20150102', relationToSubscriberCode: '19' },
      ],
      benefitsInformation: [{ code: '1', serviceTypeCodes: ['30'] }],
    });
    expect(r._tag === 'Right' && r.right.member).toMatchObject({
      level: 'dependent',
      birthDate: '2015-01-02',
      relationship: '19',
    });
    expect(r._tag === 'Right' && r.right.subscriber?.memberId).toBe('S1');
    expect(fromClearinghouseEligibility('nope')._tag).toBe('Left');
  });
});
