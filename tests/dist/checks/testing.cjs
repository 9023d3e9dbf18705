// medoffice/testing against the built dist: arbitraries produce parsed models, the generator is
// deterministic, the tables are the modules' own.
module.exports = (testing, assert) => {
  const fc = require('fast-check');
  const [patient] = fc.sample(testing.patientArbitrary, { numRuns: 1, seed: 42 });
  assert.equal(typeof patient.birthDate, 'string');
  const referrals = fc.sample(testing.reachableReferralArbitrary(), { numRuns: 30, seed: 7 });
  assert.ok(referrals.some((r) => r.status !== 'draft'), 'walks leave draft');
  const small = { providers: 4, resources: 2, appointments: 20, days: 7 };
  const a = testing.generateHealthSystem(small);
  assert.equal(a.providers.length, 4);
  assert.deepEqual(testing.generateHealthSystem(small), a); // same options, same calendar
  assert.deepEqual(testing.referralTargets('draft', 'submit'), ['submitted']);
  assert.deepEqual(testing.APPOINTMENT_TRANSITIONS['check-in'].from, ['booked', 'arrived']);
};
