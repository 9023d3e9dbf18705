// One real call per capability of medoffice/referrals, against the built output.
module.exports = (referrals, assert) => {
  assert.equal(referrals.isTerminalReferralStatus('closed'), true);
  const draft = referrals.parseReferral({
    id: 'ref-1',
    patient: 'pat-001',
    referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
    receiving: { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' },
    reason: 'knee pain',
    diagnoses: ['S83241A'],
    procedures: ['73721'],
    priority: 'routine',
    authorizationRequired: true,
    attachments: [],
    createdAt: '2026-11-23T08:00:00-05:00',
    status: 'draft',
    authorizations: [],
    appointments: [],
    notes: [],
    history: [],
  });
  assert.equal(draft._tag, 'Right');
  const refused = referrals.transitionReferral(draft.right, { type: 'close', actor: 'u' }, '2026-11-23T08:05:00-05:00');
  assert.deepEqual(refused.left.allowed, ['submit', 'cancel']);
  const submitted = referrals.transitionReferral(draft.right, { type: 'submit', actor: 'u' }, '2026-11-23T08:05:00-05:00').right;
  const pending = referrals.transitionReferral(
    submitted,
    { type: 'request-authorization', actor: 'u', request: { id: 'a1', payer: 'p', requestType: 'initial', items: [{ procedure: '73721', requestedUnits: 1 }] } },
    '2026-11-23T08:06:00-05:00',
  ).right;
  const period = { start: '2026-11-23', end: '2027-02-20', zone: 'America/New_York' };
  const authorized = referrals.applyAuthorizationResponse(
    pending,
    { actionCode: 'A1', certificationNumber: 'CERT-1', period, actor: 'payer' },
    '2026-11-24T09:00:00-05:00',
  ).right;
  assert.equal(authorized.status, 'authorized');
  const status = referrals.authorizationStatus(
    authorized.authorizations[0],
    [{ id: 'x', start: '2026-12-01T09:00:00-05:00', status: 'fulfilled' }],
    '2026-12-02T09:00:00-05:00',
  );
  assert.equal(status.right.remaining, 0);
  const list = referrals.referralWorklist([authorized], '2026-12-05T09:00:00-05:00', {
    ...referrals.DEFAULT_REFERRAL_WORKLIST_DAYS,
    zone: 'America/New_York',
  });
  assert.equal(list[0].reason, 'authorized-not-scheduled');
  assert.equal(referrals.denialGuidance({ reason: { text: 'not specific' }, diagnoses: ['S83.241'] }).diagnosisFindings[0].problem, 'icd10.seventh-character');
  assert.equal(referrals.fromFhirTask(referrals.toFhirTask(authorized)).right.status, 'authorized');
  assert.equal(referrals.toFhirServiceRequest(authorized).status, 'active');
};
