import { describe, expect, it } from 'vitest';
import type { BasisPoints, Cents } from '../../src/core/money.js';
import { collectAtCheckIn } from '../../src/insurance/checkInCollection.js';
import { estimateCostShare } from '../../src/insurance/costShare.js';
import { accumulators, benefitSet, lines, officeVisit, unwrap, usd } from './fixtures.js';

const set = benefitSet([
  officeVisit({ deductible: 'waived' }),
  { id: 'medical', serviceTypes: ['30'], network: 'in', coinsurance: 2000 },
]);
// T27 visit: preventive $0 + problem visit $30 copay; plus a $500 lab line with $300 deductible
// left: 300 + 20% x 200 = 340. Estimated responsibility 30 + 340 = $370.
const estimate = unwrap(
  estimateCostShare(
    lines({ allowed: 210, preventive: true }, { allowed: 110 }, { serviceType: '5', allowed: 500 }),
    set,
    accumulators({ inDed: 700 }),
    { order: 'claim' },
  ),
);

describe('collectAtCheckIn', () => {
  it('copay only: $30, the rest ($340) billed later', () => {
    expect(collectAtCheckIn(estimate, { kind: 'copay-only' })).toMatchObject({
      collectNow: usd(30),
      estimatedResponsibility: usd(370),
      billLater: usd(340),
    });
  });
  it('estimated responsibility: $370, or the office maximum $200', () => {
    expect(collectAtCheckIn(estimate, { kind: 'estimated-responsibility' }).collectNow).toBe(usd(370));
    expect(
      collectAtCheckIn(estimate, { kind: 'estimated-responsibility', maximum: usd(200) as Cents }),
    ).toMatchObject({
      collectNow: usd(200),
      billLater: usd(170),
    });
  });
  it('deposit: 50% of $370 = $185; a fixed $500 deposit never exceeds the $370 estimate', () => {
    expect(collectAtCheckIn(estimate, { kind: 'deposit', percent: 5000 as BasisPoints }).collectNow).toBe(
      usd(185),
    );
    expect(collectAtCheckIn(estimate, { kind: 'deposit', amount: usd(500) as Cents }).collectNow).toBe(
      usd(370),
    );
  });
  it('no copay: says so', () => {
    const lab = unwrap(
      estimateCostShare(lines({ serviceType: '5', allowed: 100 }), set, accumulators(), { order: 'claim' }),
    );
    expect(collectAtCheckIn(lab, { kind: 'copay-only' })).toMatchObject({
      collectNow: 0,
      reason: expect.stringContaining('no copay'),
    });
  });
});
