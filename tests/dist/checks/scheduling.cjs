// rrule is reached through internal/rrule.ts: this call fails in ESM if the shim breaks.
module.exports = (scheduling, assert) => {
  const dates = scheduling.recurrenceDates('FREQ=WEEKLY;BYDAY=MO', '2026-11-02', '2026-11-01', '2026-11-30');
  assert.equal(dates._tag, 'Right');
  assert.equal(dates.right.length, 5);
};
