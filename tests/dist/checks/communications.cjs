// One real call per capability of medoffice/communications, against the built output.
module.exports = (communications, assert) => {
  const rules = {
    clinicZone: 'America/New_York',
    practiceName: 'Elm Street Clinic',
    offsets: [{ kind: 'elapsed', minutesBefore: 120 }],
  };
  const patients = [
    { patient: 'p1', zone: 'America/Denver', preferences: ['sms'], consent: [{ channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' }] },
  ];
  const appointment = {
    id: 'a1', status: 'booked', type: 't', patient: 'p1', provider: 'dr',
    start: '2026-11-24T12:00:00-05:00', end: '2026-11-24T12:30:00-05:00',
  };
  // 2 hours before noon EST is 10:00 EST = 08:00 MST in Denver: inside the window.
  const plan = communications.planReminders([appointment], patients, rules, '2026-11-23T08:00:00-05:00');
  assert.equal(plan._tag, 'Right');
  assert.equal(plan.right.messages[0].sendAt, '2026-11-24T08:00:00-07:00');
  assert.equal(communications.interpretReply('Stop. Thank you').intent, 'stop');
  const rec = communications.reconcileReminders(plan.right.messages, [{ kind: 'cancelled', appointment: 'a1' }]);
  const routed = communications.routeMessage(
    { text: 'No nausea, but chest pian since lunch. Also my bill', channel: 'portal' },
    { zone: 'America/New_York' },
    '2026-11-23T09:00:00-05:00',
  );
  assert.equal(routed.right.escalation.code, 'call-911');
  assert.deepEqual(routed.right.intents.map((i) => i.queue), ['billing']);
  assert.deepEqual(rec.cancel, [{ id: plan.right.messages[0].id, reason: 'appointment-cancelled' }]);
  const findings = communications.checkDictation('Morphine 5.0 mg QD');
  assert.deepEqual(findings.map((f) => [f.rule, f.start, f.end]), [
    ['LASA', 0, 8],
    ['TJC-TRAILING-ZERO', 9, 12],
    ['TJC-QD', 16, 18],
  ]);
  const letter = communications.renderLetter(
    communications.LETTER_TEMPLATES.recall,
    { patient: 'p1', fields: { practiceName: 'Elm Street Clinic', practiceAddress: '1 Elm St', practicePhone: '555-0100', letterDate: 'November 23, 2026' } },
    { kind: 'patient', name: 'Ana <Lima>' },
  );
  assert.ok(letter.right.html.includes('Dear Ana &lt;Lima&gt;,'));
  assert.deepEqual(communications.readability('The cat sat on the mat.').words, 6);
};
