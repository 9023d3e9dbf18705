module.exports = (insurance, assert) => {
  assert.equal(insurance.coverageLevelScope('FAM'), 'family');
};
