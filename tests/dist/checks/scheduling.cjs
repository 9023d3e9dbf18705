// rrule is reached through internal/rrule.ts: these calls fail in ESM or CJS if the shim breaks.
module.exports = (scheduling, assert) => {
  const dates = scheduling.recurrenceDates('FREQ=WEEKLY;BYDAY=MO', '2026-11-02', '2026-11-01', '2026-11-30');
  assert.equal(dates._tag, 'Right');
  assert.equal(dates.right.length, 5);

  // A monthly nth-Monday rule with a 2020 DTSTART: re-based, then expanded by rrule through dist.
  const calendar = scheduling.parseSchedulingCalendar({
    providers: [{ id: 'dr-a', zone: 'America/New_York', locations: ['loc'], specialties: [] }],
    locations: [{ id: 'loc', zone: 'America/New_York' }],
    resources: [{ id: 'echo-1', kind: 'echo-machine', location: 'loc' }],
    appointmentTypes: [
      { id: 'np40', code: '99204', durationMinutes: 40, bufferAfterMinutes: 5, requiredResourceKinds: ['echo-machine'] },
    ],
    templates: [
      {
        id: 't',
        owner: { kind: 'provider', id: 'dr-a' },
        zone: 'America/New_York',
        windows: [{ start: '09:00', end: '12:00' }],
        rrule: 'FREQ=MONTHLY;BYDAY=1MO,3MO',
        dtstart: '2020-01-06',
      },
    ],
    exceptions: [],
    appointments: [
      {
        id: 'a1',
        status: 'booked',
        type: 'np40',
        patient: 'p1',
        provider: 'dr-a',
        resources: ['echo-1'],
        start: '2026-11-02T09:00:00-05:00',
        end: '2026-11-02T09:40:00-05:00',
      },
    ],
    holds: [],
  });
  assert.equal(calendar._tag, 'Right');
  const open = scheduling.expandAvailability(calendar.right.templates, [], {
    from: '2026-11-01T00:00:00-04:00',
    to: '2026-12-01T00:00:00-05:00',
  });
  assert.equal(open._tag, 'Right');
  assert.equal(open.right[0].intervals.length, 2); // Nov 2 and Nov 16 (1st and 3rd Monday)
  const slots = scheduling.findSlots(
    { type: 'np40', from: '2026-11-01T00:00:00-04:00', to: '2026-12-01T00:00:00-05:00' },
    calendar.right,
    { now: '2026-10-01T00:00:00Z', limit: 2 },
  );
  assert.equal(slots._tag, 'Right');
  // 09:00 is booked (and its 5-minute buffer): the 45-minute grid gives 09:45 next.
  assert.deepEqual(
    slots.right.map((s) => s.start),
    ['2026-11-02T09:45:00-05:00', '2026-11-02T10:30:00-05:00'],
  );
  const clash = scheduling.validateBooking(
    { id: 'a2', status: 'booked', type: 'np40', patient: 'p2', provider: 'dr-a', resources: ['echo-1'], start: '2026-11-02T09:20:00-05:00', end: '2026-11-02T10:00:00-05:00' },
    calendar.right,
    '2026-10-01T00:00:00Z',
  );
  assert.equal(clash._tag, 'Left');
  assert.deepEqual(
    clash.left.conflicts.map((c) => c.code),
    ['booking.overlaps-booking', 'booking.resource-busy'],
  );
};
