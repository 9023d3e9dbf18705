// Properties of toICalendar for any text and any instant: physical lines fit 75 octets, end in
// CRLF, and unfolding + unescaping gives back the text; DTSTART read back is the instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IanaZone, IsoInstant } from '../../src/core/time.js';
import { toICalendar, type Appointment } from '../../src/scheduling/index.js';
import { appointment, unwrap } from './fixtures.js';
import { basicToMs, unescapeText, unfold, zonedToMs } from './icalReader.js';

// TEXT keeps printable characters and line breaks (normalized to \n); other controls are dropped.
const printable = fc
  .string({ unit: 'grapheme', maxLength: 300 })
  .map((s) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ''));
const DTSTAMP = '2026-01-01T00:00:00Z' as IsoInstant;

const visitAt = (ms: number): Appointment =>
  appointment({
    id: 'a-1',
    status: 'booked',
    type: 'v',
    patient: 'p',
    provider: 'd',
    start: new Date(ms).toISOString(),
    end: new Date(ms + 1_800_000).toISOString(),
  });

describe('toICalendar properties', () => {
  it('folds at 75 octets and round-trips TEXT and the start instant', () => {
    fc.assert(
      fc.property(
        printable,
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        (summary, s) => {
          const text = unwrap(
            toICalendar(visitAt(s * 1000), { dtstamp: DTSTAMP, summary, description: summary }),
          );
          for (const line of text.slice(0, -2).split('\r\n'))
            expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(text).not.toMatch(/[^\r]\n/);
          const lines = unfold(text);
          expect(unescapeText(lines.find((l) => l.name === 'SUMMARY')?.value ?? '')).toBe(summary);
          expect(basicToMs(lines.find((l) => l.name === 'DTSTART')?.value ?? '')).toBe(s * 1000);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a TZID start reads back to the instant with the VTIMEZONE observance in force', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Pacific/Auckland',
      'Asia/Kolkata',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.oneof(
          fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
          // the three hours from each 2026 fall-back change listed in the reference table
          fc
            .constantFrom(
              Date.UTC(2026, 10, 1, 5),
              Date.UTC(2026, 3, 4, 14),
              Date.UTC(2026, 9, 25, 0),
              Date.UTC(2026, 3, 4, 13),
            )
            .chain((t) => fc.integer({ min: t / 60_000, max: t / 60_000 + 180 })),
        ),
        (zone, minute) => {
          const lines = unfold(
            unwrap(toICalendar(visitAt(minute * 60_000), { dtstamp: DTSTAMP, zone: zone as IanaZone })),
          );
          const start = lines.filter((l) => l.name === 'DTSTART').at(-1);
          // UTC only for the second pass of a fall-back hour; otherwise TZID local time.
          const back = start?.params.startsWith('TZID=')
            ? zonedToMs(lines, start.value)
            : basicToMs(start?.value ?? '');
          expect(back).toBe(minute * 60_000);
        },
      ),
      { numRuns: 150 },
    );
  });
});
