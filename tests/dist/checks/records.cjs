// One real call per capability of medoffice/records, against the built output.
module.exports = (records, assert) => {
  assert.equal(records.validateNpi('1234567893')._tag, 'Right');
  assert.equal(records.validateNpi('1234567890').left.code, 'npi.check-digit');
  assert.equal(records.validateMbi('1EG4-TE5-MK73').right, '1EG4TE5MK73');
  assert.equal(records.normalizePhone('(415) 555-0132 x12').right.e164, '+14155550132');
  assert.equal(records.normalizeZip('2139', 'MA').right, '02139');
  assert.equal(records.validateSsn('666-12-3456').left.code, 'ssn.area');
  assert.equal(records.validateProcedureCode('G0154').right.kind, 'hcpcs-level-2');
  assert.equal(records.checkIcd10Specificity('S52.521').left.code, 'icd10.seventh-character');
  const raw = {
    id: 'pat-1',
    name: { family: 'SMITH', given: 'william' },
    birthDate: '1980-03-04',
    sex: 'male',
    addresses: [{ line: ['12 Elm Street'], city: 'Boston', state: 'MA', postalCode: '02118' }],
    phones: [{ value: '617-555-0100' }],
  };
  const patient = records.normalizePatient(raw, '2026-11-23').right.patient;
  assert.equal(patient.name.given, 'William');
  assert.equal(records.checkInReadiness(patient, {}, '2026-11-23').ready, false);
  const bill = { ...patient, id: 'pat-2', name: { family: 'Smith', given: 'Bill' }, birthDate: '1980-04-03' };
  assert.equal(records.comparePatients(patient, bill).levels.given, 'nickname');
  assert.equal(records.scoreMatch(records.comparePatients(patient, bill)).decision, 'match');
  assert.deepEqual(records.findDuplicates([patient, bill]).clusters, [['pat-1', 'pat-2']]);
  assert.equal(records.matchPatient(bill, records.buildPatientIndex([patient]))[0].patientId, 'pat-1');
  assert.equal(records.proposeMerge(patient, bill)._tag, 'Right');
  assert.equal(records.redact(patient, { asOf: '2026-11-23' }).zip3, '021');
  assert.equal(records.redact('call 617-555-0100', { asOf: '2026-11-23' }).text, 'call [REDACTED:PHONE]');
  assert.equal(records.minimumNecessary(patient, 'clinician').addresses, undefined);
  const doc = records.parseDocument({
    id: 'd1',
    type: 'insurance-card',
    receivedAt: '2026-11-23T08:00:00-05:00',
    source: { channel: 'scan' },
    pages: 1,
    patientId: 'pat-1',
  }).right;
  assert.equal(records.routeDocument(doc, records.DEFAULT_DOCUMENT_ROUTING_RULES).right.ruleId, 'cards-to-registration');
  assert.deepEqual(records.fromFhirPatient(records.toFhirPatient(patient)).right, patient);
};
