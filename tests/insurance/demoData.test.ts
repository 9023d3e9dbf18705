// The demo's 271 files (examples/data/eligibility) read cleanly and give the outcomes the demo
// narrates; amounts computed by hand from each file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/core/money.js';
import type { IsoDate } from '../../src/core/time.js';
import { checkEligibility } from '../../src/insurance/eligibility.js';
import { benefitsFromEligibility } from '../../src/insurance/eligibilityBenefits.js';
import { estimateCostShare } from '../../src/insurance/costShare.js';
import { read271 } from '../../src/insurance/x12/read271.js';

const DIR = resolve(import.meta.dirname, '../../examples/data/eligibility');
const response = (p: string) => {
  const r = read271(readFileSync(resolve(DIR, `${p}.x12`), 'utf8'));
  if (r._tag === 'Left') throw new Error(r.left.message);
  expect(r.right.warnings).toEqual([]);
  return r.right.responses[0]!;
};
const today = '2026-11-23';

describe('demo 271 files', () => {
  it.each([
    ['pat-001', '98', 'in', 'eligible'],
    ['pat-002', '98', 'in', 'eligible'],
    ['pat-003', '98', 'out', 'not-eligible'],
    ['pat-004', '98', 'in', 'needs-action'],
    ['pat-005', '73', 'in', 'eligible'],
    ['pat-006', '98', 'in', 'not-eligible'],
    ['pat-007', 'BZ', 'in', 'eligible'],
    ['pat-008', 'PT', 'in', 'not-eligible'],
  ] as const)('%s STC %s %s-network is %s', (p, stc, net, outcome) => {
    expect(
      checkEligibility(response(p), { serviceType: stc, dateOfService: today, providerNetwork: net }).outcome,
    ).toBe(outcome);
  });

  it.each([
    // $25 office copay, deductible waived by MSG; allowed $98.
    ['pat-001', '98', 9800, 2500],
    // deductible $3,000 with $1,840.25 left: the whole $185 goes to the deductible.
    ['pat-002', '98', 18500, 18500],
    // Part B deductible met, 20% of $420 = $84.
    ['pat-005', '73', 42000, 8400],
  ] as const)('%s patient share: allowed %i cents -> %i cents', (p, stc, allowed, patient) => {
    const b = benefitsFromEligibility(response(p), { serviceType: stc, network: 'in', dateOfService: today });
    if (b._tag === 'Left') throw new Error(b.left.message);
    const line = {
      id: '1',
      serviceDate: today as IsoDate,
      serviceType: stc,
      network: 'in' as const,
      allowed: allowed as Cents,
    };
    const e = estimateCostShare([line], b.right.benefitSet, b.right.accumulators, { order: 'claim' });
    expect(e._tag === 'Right' && e.right.total.patientPays).toBe(patient);
  });
});
