// One real call per capability of the cost-share half of medoffice/insurance, against the built dist.
module.exports = (insurance, assert) => {
  assert.equal(insurance.coverageLevelScope('FAM'), 'family');
  const tier = { deductible: { individual: 100000, family: null }, oopMax: { individual: 500000, family: null } };
  const benefits = insurance.parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    tiers: { in: tier, out: tier },
    benefits: [{ id: 'medical', serviceTypes: ['30'], network: 'in', coinsurance: 2000, priorAuth: { required: false }, referral: { required: false } }],
  });
  const acc = insurance.parseAccumulators({
    planYearStart: '2026-01-01',
    individual: { in: { deductible: 70000, oop: 0 }, out: { deductible: 0, oop: 0 } },
    family: null,
  });
  const lines = insurance.parseClaimLines([{ id: '1', serviceDate: '2026-03-02', serviceType: '30', network: 'in', allowed: 50000 }]);
  // T10: 300 deductible + 20% x 200 = $340; plan $160.
  const estimate = insurance.estimateCostShare(lines.right, benefits.right, acc.right, { order: 'claim' });
  assert.equal(estimate.right.total.patientPays, 34000);
  assert.equal(insurance.collectAtCheckIn(estimate.right, { kind: 'deposit', percent: 5000 }).collectNow, 17000);
  assert.equal(insurance.patientShareFromPercent('.8', 'payer-fraction').right, 2000);
  const cov = (id, dob) =>
    insurance.parseCoverage({ id, payerId: 'p', planType: 'PPO', memberId: 'm', relationship: 'child', subscriber: { dateOfBirth: dob }, effective: { start: '2020-01-01', end: null } }).right;
  const order = insurance.determinePayerOrder([cov('dad', '1981-09-02'), cov('mom', '1984-03-14')], { dateOfBirth: '2016-05-01' }, { dateOfService: '2026-11-23' });
  assert.deepEqual(order.right.order.map((c) => c.id), ['mom', 'dad']);
  // 42 CFR 411.33 example: min(55, 100, 30) = $30.
  const partB = insurance.parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    acaIndividualOopCap: false,
    tiers: { in: { deductible: { individual: 28300, family: null }, oopMax: { individual: null, family: null } }, out: tier },
    benefits: [{ id: 'b', serviceTypes: ['30'], network: 'in', coinsurance: 2000, priorAuth: { required: false }, referral: { required: false } }],
  }).right;
  const met = insurance.parseAccumulators({ planYearStart: '2026-01-01', individual: { in: { deductible: 28300, oop: 0 }, out: { deductible: 0, oop: 0 } }, family: null }).right;
  const medicare = insurance.secondaryPayment(
    'medicare-secondary',
    { charge: 17500, allowed: 15000, paid: 12000, patientResponsibility: 3000, obligatedToAccept: false },
    { benefits: partB, accumulators: met, line: { ...lines.right[0], allowed: 12500 } },
  );
  assert.equal(medicare.right.secondaryPays, 3000);
  assert.equal(insurance.annualLimitsFor(2026).right.acaOopMax.self, 1060000);
};
