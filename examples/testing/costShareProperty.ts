// A property of cost share over generated plan designs: whatever the benefit set, the member's
// accumulators and the claim, the patient never owes more than the allowed amount (plus, out of
// network, the balance bill) and the out-of-pocket accumulator never passes the maximum.
// Run it: `npx tsx examples/testing/costShareProperty.ts`.
import fc from 'fast-check';
import { estimateCostShare } from '../../src/insurance/index.js';
import { costShareScenarioArbitrary } from '../../src/testing/index.js';

// #region property
export const costShareStaysWithinLimits = fc.property(costShareScenarioArbitrary, (s) => {
  const estimate = estimateCostShare(s.lines, s.benefits, s.accumulators, { order: s.order });
  if (estimate._tag === 'Left') return false; // the scenario's parts fit: every one is estimable
  const { lines, accumulators } = estimate.right;
  const withinAllowed = lines.every((l) => l.costShare + l.notCovered <= l.allowed);
  // Self-only, separate networks: the member's own OOP maximum of each tier is the cap.
  const capped =
    s.accumulators.family !== null ||
    s.benefits.networkAccumulation !== 'separate' ||
    (['in', 'out'] as const).every((tier) => {
      const max = s.benefits.tiers[tier].oopMax.individual;
      const was = s.accumulators.individual[tier].oop;
      return max === null || accumulators.individual[tier].oop <= Math.max(was, max);
    });
  return withinAllowed && capped;
});
// #endregion property

if (process.argv[1]?.endsWith('costShareProperty.ts')) {
  fc.assert(costShareStaysWithinLimits, { numRuns: 300 });
  console.log('cost share stays within the allowed amount and the OOP maximum on 300 generated claims');
}
