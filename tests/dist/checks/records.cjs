module.exports = (records, assert) => {
  assert.equal(records.validateNpi('1234567893')._tag, 'Right');
  assert.equal(records.validateNpi('1234567890').left.code, 'npi.check-digit');
};
