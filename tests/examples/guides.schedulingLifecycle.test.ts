// docs/guides/scheduling-lifecycle.md: runs examples/guides/schedulingLifecycle.ts and checks what
// the guide says it prints (FHIR appointment statuses, RFC 5545 for the calendar file).
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/schedulingLifecycle.js';
import { quietConsole, right } from './support.js';

describe('scheduling-lifecycle.md', () => {
  quietConsole();

  it('transitions: arrive is recorded in the history; fulfil from booked is refused', () => {
    const { result, refused } = guide.transitions();
    expect(right(result).appointment).toMatchObject({
      status: 'arrived',
      history: [{ from: 'booked', to: 'arrived', at: '2026-11-24T14:55:00Z', event: 'arrive' }],
    });
    expect(refused._tag === 'Left' && refused.left).toMatchObject({
      code: 'lifecycle.invalid-transition',
      status: 'booked',
      allowed: ['arrive', 'check-in', 'cancel', 'no-show', 'reschedule', 'enter-in-error'],
    });
  });

  it('reschedule: the old one cancelled with the reason, the new one booked, linked both ways', () => {
    const { appointment, created } = right(guide.rescheduling());
    expect(appointment).toMatchObject({
      status: 'cancelled',
      cancelationReason: 'provider out sick',
      rescheduledTo: 'appt-2',
    });
    expect(created).toMatchObject({
      id: 'appt-2',
      status: 'booked',
      rescheduledFrom: 'appt-1',
      start: '2026-12-01T10:00:00-05:00',
    });
  });

  it('waitlist: the one entry fits the freed Tuesday 10:00', () => {
    const r = right(guide.waitlist());
    expect(r.misses).toEqual([]);
    expect(r.matches.map((m) => [m.entry.id, m.start, m.rank])).toEqual([
      ['wl-1', '2026-11-24T10:00:00-05:00', 1],
    ]);
  });

  it('series: four Tuesdays at 09:00 with Dr. Okafor; 09:00 stays 09:00 across the fall-back', () => {
    const { weekly, acrossFallBack } = guide.series();
    const w = right(weekly);
    expect(w.provider).toBe('dr-okafor');
    expect(w.bookable).toBe(4);
    expect(w.occurrences.map((o) => [o.date, o.status])).toEqual([
      ['2026-11-24', 'ok'],
      ['2026-12-01', 'ok'],
      ['2026-12-08', 'ok'],
      ['2026-12-15', 'ok'],
    ]);
    // EDT (UTC-4) until 2026-11-01, EST (UTC-5) after.
    expect(right(acrossFallBack).occurrences.map((o) => o.start)).toEqual([
      '2026-10-27T09:00:00-04:00',
      '2026-11-03T09:00:00-05:00',
    ]);
  });

  it('check-in: ready (record and eligibility ok, payment unknown), then checked in', () => {
    const { verdict, checkedIn } = guide.checkIn();
    expect(verdict.ready).toBe(true);
    expect(verdict.collectNow).toBe('unknown'); // no cost-share inputs were given
    expect(verdict.items.map((i) => [i.area, i.severity])).toEqual(
      expect.arrayContaining([
        ['record', 'ok'],
        ['eligibility', 'ok'],
        ['payment', 'warning'],
      ]),
    );
    expect(right(checkedIn).appointment.status).toBe('checked-in');
  });

  it('utilization: 20 booked of 180 available minutes = 1111 basis points', () => {
    // 09:00-12:00 = 180 min; 20 / 180 = 0.11111 → 1111 bps (rounded)
    expect(right(guide.usage()).days).toEqual([
      {
        provider: 'dr-okafor',
        date: '2026-11-24',
        availableMinutes: 180,
        bookedMinutes: 20,
        outsideMinutes: 0,
        fillRate: 1111,
      },
    ]);
  });

  it('iCalendar: CRLF lines, DTSTAMP from the parameter, TZID times with a VTIMEZONE, escaped text', () => {
    const ics = right(guide.calendarFile());
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).not.toMatch(/[^\r]\n/); // RFC 5545 §3.1: CRLF only
    expect(lines).toContain('DTSTAMP:20261123T140000Z');
    expect(lines).toContain('DTSTART;TZID=America/New_York:20261124T100000');
    expect(lines).toContain('DTEND;TZID=America/New_York:20261124T102000');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('SUMMARY:Follow-up visit\\, Riverside Main Street'); // §3.3.11: comma escaped
    expect(lines).toContain('TRIGGER:-PT120M');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true); // §3.1 folding
  });
});
