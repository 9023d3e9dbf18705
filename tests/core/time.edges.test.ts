import { describe, expect, it } from 'vitest';
import { formatInstant, parseZone, type IanaZone } from '../../src/core/time.js';

const UTC = 'UTC' as IanaZone;
const KOLKATA = 'Asia/Kolkata' as IanaZone; // +05:30 all year since 1945

describe('formatInstant offsets', () => {
  it('writes a zero offset as +00:00, never -00:00 (ISO 8601 keeps -00:00 for an unknown offset)', () => {
    expect(formatInstant(Date.UTC(2026, 0, 15, 12), 'Europe/London' as IanaZone)).toBe(
      '2026-01-15T12:00:00+00:00',
    );
    expect(formatInstant(Date.UTC(2026, 6, 1), UTC)).toBe('2026-07-01T00:00:00+00:00');
  });

  it('writes negative half-hour offsets with both fields', () => {
    // St. John's in January is NST, UTC-03:30: 12:00Z is 08:30 local.
    expect(formatInstant(Date.UTC(2026, 0, 15, 12), 'America/St_Johns' as IanaZone)).toBe(
      '2026-01-15T08:30:00-03:30',
    );
  });
});

describe('formatInstant outside the years 0-9999 (ECMAScript expanded years: sign and six digits)', () => {
  // 9999-12-31T23:59:59.999Z is the largest four-digit instant, 253402300799999 ms, so
  // 10000-01-01T00:00Z is 253402300800000.
  const Y10000 = 253_402_300_800_000;
  // 0000-01-01 is 719528 days before 1970-01-01 (62167219200000 ms); year -1 is a common year
  // (proleptic Gregorian), 365 days earlier: 62167219200000 + 365 * 86400000 = 62198755200000.
  const YEAR_MINUS_1 = -62_198_755_200_000;

  it('keeps four digits up to the last millisecond of 9999', () => {
    expect(formatInstant(Y10000 - 1, UTC)).toBe('9999-12-31T23:59:59.999+00:00');
  });

  it('writes year 10000 with a + sign, with and without milliseconds', () => {
    expect(formatInstant(Y10000, UTC)).toBe('+010000-01-01T00:00:00+00:00');
    expect(formatInstant(Y10000 + 123, UTC)).toBe('+010000-01-01T00:00:00.123+00:00');
  });

  it('decides by the local year: 20:00Z on 9999-12-31 is already 10000 in Kolkata', () => {
    // 20:00Z + 05:30 = 01:30 the next day.
    expect(formatInstant(Y10000 - 4 * 3_600_000, KOLKATA)).toBe('+010000-01-01T01:30:00+05:30');
  });

  it('keeps four digits from the first instant of year 0', () => {
    // 0000-01-01 is 719528 days before 1970-01-01: -62167219200000 ms.
    expect(formatInstant(-62_167_219_200_000, UTC)).toBe('0000-01-01T00:00:00+00:00');
    expect(formatInstant(-62_167_219_200_000 - 1, UTC)).toBe('-000001-12-31T23:59:59.999+00:00');
  });

  it('writes fractional milliseconds as the Date does, truncated (ECMAScript TimeClip)', () => {
    expect(formatInstant(1.5, UTC)).toBe('1970-01-01T00:00:00.001+00:00');
  });

  it('writes year -1 with a - sign', () => {
    expect(formatInstant(YEAR_MINUS_1, UTC)).toBe('-000001-01-01T00:00:00+00:00');
    expect(formatInstant(YEAR_MINUS_1 + 1, UTC)).toBe('-000001-01-01T00:00:00.001+00:00');
  });
});

describe('parseZone', () => {
  it('names the rule in its message', () => {
    const r = parseZone('Mars/Olympus');
    expect(r._tag).toBe('Left');
    if (r._tag === 'Left') expect(r.left.message).toMatch(/IANA time zone/);
  });
});
