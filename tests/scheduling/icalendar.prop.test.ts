// Properties of toICalendar for any text and any instant: physical lines fit 75 octets, end in
// CRLF, and unfolding + unescaping gives back the text; DTSTART read back is the instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IanaZone, IsoInstant } from '../../src/core/time.js';
import { toICalendar } from '../../src/scheduling/index.js';
import { appointment, unwrap } from './fixtures.js';

const unfold = (text: string): string[] =>
  text
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
const unescape = (v: string): string =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
// TEXT keeps printable characters and line breaks (normalized to \n); other controls are dropped.
const printable = fc
  .string({ unit: 'grapheme', maxLength: 300 })
  .map((s) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ''));

describe('toICalendar properties', () => {
  it('folds at 75 octets and round-trips TEXT and the start instant', () => {
    fc.assert(
      fc.property(
        printable,
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (summary, ms) => {
          const start = new Date(Math.floor(ms / 1000) * 1000);
          const a = appointment({
            id: 'a-1',
            status: 'booked',
            type: 'v',
            patient: 'p',
            provider: 'd',
            start: start.toISOString(),
            end: new Date(start.getTime() + 1_800_000).toISOString(),
          });
          const text = unwrap(
            toICalendar(a, { dtstamp: '2026-01-01T00:00:00Z' as IsoInstant, summary, description: summary }),
          );
          for (const line of text.slice(0, -2).split('\r\n'))
            expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(text).not.toMatch(/[^\r]\n/);
          const lines = unfold(text);
          const value = (name: string) =>
            lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1) ?? '';
          expect(unescape(value('SUMMARY'))).toBe(summary);
          const dt = value('DTSTART');
          const back = Date.UTC(
            +dt.slice(0, 4),
            +dt.slice(4, 6) - 1,
            +dt.slice(6, 8),
            +dt.slice(9, 11),
            +dt.slice(11, 13),
            +dt.slice(13, 15),
          );
          expect(back).toBe(start.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a TZID start lies after exactly one VTIMEZONE observance giving its offset back', () => {
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
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        (zone, minute) => {
          const start = new Date(minute * 60_000);
          const a = appointment({
            id: 'a-1',
            status: 'booked',
            type: 'v',
            patient: 'p',
            provider: 'd',
            start: start.toISOString(),
            end: new Date(start.getTime() + 1_800_000).toISOString(),
          });
          const lines = unfold(
            unwrap(toICalendar(a, { dtstamp: '2026-01-01T00:00:00Z' as IsoInstant, zone: zone as IanaZone })),
          );
          const local = lines.find((l) => l.startsWith('DTSTART;TZID='))?.split(':')[1] ?? '';
          const parse = (s: string) =>
            Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13));
          const off = (s: string) => (s[0] === '-' ? -1 : 1) * (+s.slice(1, 3) * 60 + +s.slice(3, 5));
          const obs: { at: number; to: number }[] = [];
          lines.forEach((l, i) => {
            if (l.startsWith('DTSTART:') && lines[i + 1]?.startsWith('TZOFFSETFROM:'))
              obs.push({
                at: parse(l.slice(8)) - off(lines[i + 1]!.slice(13)) * 60_000,
                to: off(lines[i + 2]!.slice(11)),
              });
          });
          // The observance in force at the instant: the last one that began at or before it.
          const inForce = obs.filter((o) => o.at <= start.getTime()).at(-1) ?? obs[0]!;
          expect(parse(local) - inForce.to * 60_000).toBe(start.getTime());
        },
      ),
      { numRuns: 150 },
    );
  });
});
