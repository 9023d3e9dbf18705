// The appointment lifecycle half of medoffice/scheduling, against the built output.
module.exports = (s, assert) => {
  const booked = {
    id: 'a-1',
    status: 'booked',
    type: 'visit-30',
    patient: 'pt-1',
    provider: 'dr-a',
    start: '2026-11-24T09:00:00-05:00',
    end: '2026-11-24T09:30:00-05:00',
  };
  const cancelled = s.transitionAppointment(booked, { type: 'cancel', reason: 'patient called' }, '2026-11-23T14:00:00Z');
  assert.equal(cancelled.right.appointment.status, 'cancelled');
  const refused = s.transitionAppointment(cancelled.right.appointment, { type: 'arrive' }, '2026-11-23T14:05:00Z');
  assert.deepEqual(refused.left.allowed, ['enter-in-error']);
  const ics = s.toICalendar(booked, { dtstamp: '2026-11-23T14:00:00Z', zone: 'America/New_York' });
  assert.match(ics.right, /\r\nDTSTART;TZID=America\/New_York:20261124T090000\r\n/);
  const back = s.fromFhirAppointment(s.toFhirAppointment(booked));
  assert.deepEqual(back.right, booked);
  assert.equal(s.busyFromFhirSlots([{ resourceType: 'Slot', schedule: { reference: 'Schedule/x' }, status: 'busy-tentative', start: '2026-11-24T14:00:00Z', end: '2026-11-24T14:30:00Z' }]).length, 1);
  const calendar = {
    providers: [{ id: 'dr-a', zone: 'America/New_York', locations: [], specialties: [] }],
    locations: [],
    resources: [],
    appointmentTypes: [{ id: 'visit-30', code: 'V30', durationMinutes: 30 }],
    templates: [{ id: 't', owner: { kind: 'provider', id: 'dr-a' }, zone: 'America/New_York', windows: [{ start: '09:00', end: '12:00' }], rrule: 'FREQ=WEEKLY;BYDAY=TU', dtstart: '2026-11-03' }],
    exceptions: [],
    appointments: [booked],
    holds: [],
  };
  const u = s.utilization(calendar, { from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' });
  assert.equal(u.right.fillRate, 1667); // 30 of 180 minutes
  const w = s.matchWaitlist(
    { start: '2026-11-24T10:00:00-05:00', end: '2026-11-24T10:30:00-05:00', provider: 'dr-a', resources: [], type: 'visit-30', overbooked: false },
    [{ id: 'w-1', patient: 'pt-2', type: 'visit-30', addedAt: '2026-11-20T10:00:00Z' }],
    calendar,
    '2026-11-23T14:00:00Z',
  );
  assert.equal(w.right.matches.length, 1);
  const series = s.planSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2', dtstart: '2026-11-24', time: '10:00', zone: 'America/New_York' }, { type: 'visit-30' }, calendar, { now: '2026-11-23T14:00:00Z' });
  assert.equal(series.right.bookable, 2);
  assert.equal(typeof s.prepareCheckIn, 'function');
};
