// One real call per area of medoffice/core, against the built output.
module.exports = (core, assert) => {
  assert.equal(core.isOk(core.parseCents(2500)), true);
  assert.equal(core.cents(2500), 2500);
  assert.throws(() => core.isoDate('2026-02-30'), RangeError);
  assert.equal(core.formatCents(core.applyRate(12345, 2000)), '$24.69');
  assert.equal(core.wallTimeToMs('2026-03-08', '02:30', 'America/New_York'), Date.UTC(2026, 2, 8, 7));
  assert.deepEqual(core.subtractIntervals([{ start: 0, end: 60 }], [{ start: 20, end: 30 }]), [
    { start: 0, end: 20 },
    { start: 30, end: 60 },
  ]);
  assert.equal(core.parseWith('Zone', core.IanaZoneSchema, 'Mars/Olympus')._tag, 'Left');
};
