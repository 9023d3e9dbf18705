// medoffice/testing against the built dist: arbitraries produce parsed models, the generator is
// deterministic, the tables are the modules' own, a generated claim estimates.
module.exports = (testing, assert) => {
  const fc = require('fast-check');
  const [patient] = fc.sample(testing.patientArbitrary, { numRuns: 1, seed: 42 });
  assert.equal(typeof patient.birthDate, 'string');
  const referrals = fc.sample(testing.reachableReferralArbitrary(), { numRuns: 30, seed: 7 });
  assert.ok(referrals.some((r) => r.status !== 'draft'), 'walks leave draft');
  // A generated claim estimates with the insurance module (the scenario's parts fit together).
  const { estimateCostShare } = require('medoffice/insurance');
  for (const s of fc.sample(testing.costShareScenarioArbitrary, { numRuns: 5, seed: 3 })) {
    const r = estimateCostShare(s.lines, s.benefits, s.accumulators, { order: s.order });
    assert.equal(r._tag, 'Right');
    assert.equal(r.right.lines.length, s.lines.length);
  }
  const appointments = fc.sample(testing.appointmentArbitrary(), { numRuns: 20, seed: 9 });
  for (const a of appointments)
    if (a.start !== undefined) assert.ok(Date.parse(a.start) < Date.parse(a.end), 'start before end');
  const [auth] = fc.sample(testing.authorizationArbitrary, { numRuns: 1, seed: 1 });
  assert.equal(typeof auth.requestedUnits, 'number');
  for (const arb of ['practitionerArbitrary', 'planArbitrary', 'providerArbitrary', 'locationArbitrary', 'resourceArbitrary', 'availabilityExceptionArbitrary', 'holdArbitrary', 'waitlistEntryArbitrary'])
    assert.equal(fc.sample(testing[arb], { numRuns: 3, seed: 5 }).length, 3, arb);
  const small = { providers: 4, resources: 2, appointments: 20, days: 7 };
  const a = testing.generateHealthSystem(small);
  assert.equal(a.providers.length, 4);
  assert.deepEqual(testing.generateHealthSystem(small), a); // same options, same calendar
  assert.deepEqual(testing.referralTargets('draft', 'submit'), ['submitted']);
  assert.deepEqual(testing.APPOINTMENT_TRANSITIONS['check-in'].from, ['booked', 'arrived']);
};
