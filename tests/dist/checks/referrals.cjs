module.exports = (referrals, assert) => {
  assert.equal(referrals.isTerminalReferralStatus('closed'), true);
};
