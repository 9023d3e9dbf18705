// toICalendar checked by parsing its output back with a minimal RFC 5545 reader written here
// (unfolding §3.1, TEXT unescaping §3.3.11, VTIMEZONE offsets §3.6.5).
import { describe, expect, it } from 'vitest';
import type { IanaZone } from '../../src/core/time.js';
import { toICalendar, type Appointment } from '../../src/scheduling/index.js';
import { appointment, at, leftOf, unwrap } from './fixtures.js';
import { unescapeText, unfold, zonedToMs, type ContentLine } from './icalReader.js';

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Checks the physical line rules, then unfolds. */
const read = (text: string): ContentLine[] => {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/[^\r]\n/.test(text)).toBe(false); // no bare LF
  for (const line of text.slice(0, -2).split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  return unfold(text);
};

const prop = (lines: ReturnType<typeof read>, name: string) => lines.filter((l) => l.name === name);

const visit: Appointment = appointment({
  id: 'a-42',
  status: 'booked',
  type: 'np40',
  patient: 'pt-1',
  provider: 'dr-patel',
  start: '2026-11-24T09:00:00-05:00',
  end: '2026-11-24T09:40:00-05:00',
  history: [{ to: 'booked', at: '2026-11-20T15:00:00Z' }],
});

describe('toICalendar', () => {
  it('writes a UTC VEVENT with CRLF, DTSTAMP from the parameter and mapped status', () => {
    const lines = read(unwrap(toICalendar(visit, { dtstamp: at('2026-11-23T14:00:00Z') })));
    expect(lines.map((l) => l.name)).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'BEGIN',
      'UID',
      'DTSTAMP',
      'SEQUENCE',
      'DTSTART',
      'DTEND',
      'STATUS',
      'SUMMARY',
      'END',
      'END',
    ]);
    // 09:00 at -05:00 is 14:00Z; 09:40 is 14:40Z.
    expect(prop(lines, 'DTSTART')[0]?.value).toBe('20261124T140000Z');
    expect(prop(lines, 'DTEND')[0]?.value).toBe('20261124T144000Z');
    expect(prop(lines, 'DTSTAMP')[0]?.value).toBe('20261123T140000Z');
    expect(prop(lines, 'UID')[0]?.value).toBe('a-42@medoffice');
    expect(prop(lines, 'STATUS')[0]?.value).toBe('CONFIRMED');
    expect(prop(lines, 'SEQUENCE')[0]?.value).toBe('1');
  });

  it('escapes TEXT and folds long lines at 75 octets without splitting UTF-8 characters', () => {
    const description =
      'Bring your card; arrive 15 min early, please.\nParking: level 2 \\ gate B. ' +
      'Café entrance — 診察室 4 — 🩺 '.repeat(6);
    const text = unwrap(
      toICalendar(visit, {
        dtstamp: at('2026-11-23T14:00:00Z'),
        summary: 'Visit, Dr. Patel; echo',
        description,
        location: 'Main clinic, room 4',
      }),
    );
    const lines = read(text);
    expect(prop(lines, 'SUMMARY')[0]?.value).toBe('Visit\\, Dr. Patel\\; echo');
    expect(unescapeText(prop(lines, 'DESCRIPTION')[0]?.value as string)).toBe(description);
    expect(unescapeText(prop(lines, 'LOCATION')[0]?.value as string)).toBe('Main clinic, room 4');
    expect(text).toContain('\r\n '); // the description was folded
    expect(text).not.toContain('\uFFFD');
  });

  it('writes TZID times with a VTIMEZONE listing the real New York transitions of 2026', () => {
    const zone = 'America/New_York' as IanaZone;
    const lines = read(unwrap(toICalendar(visit, { dtstamp: at('2026-11-23T14:00:00Z'), zone })));
    expect(prop(lines, 'DTSTART').map((l) => [l.params, l.value])).toEqual([
      // 2026-03-08 07:00Z: 02:00 EST -> EDT; 2026-11-01 06:00Z: 02:00 EDT -> EST (reference table).
      ['', '20260308T020000'],
      ['', '20261101T020000'],
      ['TZID=America/New_York', '20261124T090000'],
    ]);
    expect(prop(lines, 'TZOFFSETFROM').map((l) => l.value)).toEqual(['-0500', '-0400']);
    expect(prop(lines, 'TZOFFSETTO').map((l) => l.value)).toEqual(['-0400', '-0500']);
    expect(prop(lines, 'TZID')[0]?.value).toBe('America/New_York');
    expect(zonedToMs(lines, '20261124T090000')).toBe(Date.UTC(2026, 10, 24, 14));
  });

  it('writes the second pass of a fall-back hour in UTC (RFC 5545 reads a local time as the first pass)', () => {
    const zone = 'America/New_York' as IanaZone;
    const first = appointment({
      ...visit,
      start: '2026-11-01T01:30:00-04:00',
      end: '2026-11-01T01:50:00-04:00',
    });
    const second = appointment({
      ...visit,
      start: '2026-11-01T01:30:00-05:00',
      end: '2026-11-01T01:50:00-05:00',
    });
    const a = read(unwrap(toICalendar(first, { dtstamp: at('2026-10-01T00:00:00Z'), zone })));
    const b = read(unwrap(toICalendar(second, { dtstamp: at('2026-10-01T00:00:00Z'), zone })));
    // 01:30 EDT = 05:30Z, written as local; 01:30 EST = 06:30Z, written in UTC.
    expect(prop(a, 'DTSTART').at(-1)).toEqual({
      name: 'DTSTART',
      params: 'TZID=America/New_York',
      value: '20261101T013000',
    });
    expect(zonedToMs(a, '20261101T013000')).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(prop(b, 'DTSTART').at(-1)).toEqual({ name: 'DTSTART', params: '', value: '20261101T063000Z' });
  });

  it('handles the 30-minute DST of Lord Howe and a zone without DST', () => {
    const lh = appointment({
      ...visit,
      start: '2026-10-05T10:00:00+11:00',
      end: '2026-10-05T10:30:00+11:00',
    });
    const lines = read(
      unwrap(
        toICalendar(lh, { dtstamp: at('2026-09-01T00:00:00Z'), zone: 'Australia/Lord_Howe' as IanaZone }),
      ),
    );
    // 2025-10-04 15:30Z (+10:30 -> +11:00), 2026-04-04 15:00Z (+11:00 -> +10:30), 2026-10-03 15:30Z; each at 02:00 local.
    expect(prop(lines, 'DTSTART').map((l) => l.value)).toEqual([
      '20251005T020000',
      '20260405T020000',
      '20261004T020000',
      '20261005T100000',
    ]);
    expect(prop(lines, 'TZOFFSETTO').map((l) => l.value)).toEqual(['+1100', '+1030', '+1100']);
    expect(lines.filter((l) => l.name === 'BEGIN').map((l) => l.value)).toEqual([
      'VCALENDAR',
      'VTIMEZONE',
      'DAYLIGHT',
      'STANDARD',
      'DAYLIGHT',
      'VEVENT',
    ]);
    expect(zonedToMs(lines, '20261005T100000')).toBe(Date.UTC(2026, 9, 4, 23));
    const kolkata = read(
      unwrap(toICalendar(visit, { dtstamp: at('2026-11-23T14:00:00Z'), zone: 'Asia/Kolkata' as IanaZone })),
    );
    // 14:00Z + 5:30 = 19:30 local.
    expect(prop(kolkata, 'DTSTART').map((l) => l.value)).toEqual(['19700101T000000', '20261124T193000']);
    expect(prop(kolkata, 'TZOFFSETTO')[0]?.value).toBe('+0530');
  });

  it('adds a reminder alarm, marks cancelled visits and needs times', () => {
    const cancelled = appointment({ ...visit, status: 'cancelled', cancelationReason: 'patient called' });
    const lines = read(
      unwrap(toICalendar(cancelled, { dtstamp: at('2026-11-23T14:00:00Z'), reminderMinutes: 1440 })),
    );
    expect(prop(lines, 'STATUS')[0]?.value).toBe('CANCELLED');
    expect(prop(lines, 'TRIGGER')[0]?.value).toBe('-PT1440M');
    const { start: _s, end: _e, ...noTimes } = visit;
    const waiting = appointment({ ...noTimes, status: 'waitlist' });
    expect(leftOf(toICalendar(waiting, { dtstamp: at('2026-11-23T14:00:00Z') })).code).toBe(
      'ical.times-required',
    );
  });
});
