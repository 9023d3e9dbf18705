// Literal constructors (DESIGN.md rule 12): each returns its input for a valid constant and throws
// a RangeError naming the rule for an invalid one, exactly where its `parseX` twin returns a Left.
// The oracles are independent of the library: the platform's Date for calendar dates, Intl for
// zones, Number.isSafeInteger for cents.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  actorId,
  appointmentTypeId,
  basisPoints,
  cents,
  isoDate,
  isoInstant,
  parseBasisPoints,
  parseCents,
  parseIsoDate,
  parseIsoInstant,
  parseWallTime,
  parseZone,
  patientId,
  wallTime,
  zone,
} from '../../src/core/index.js';

/** A date written YYYY-MM-DD exists when the platform's UTC calendar writes it back unchanged. */
const dateExists = (text: string): boolean => {
  const d = new Date(`${text}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
  );
};

const throwsRange = (f: () => unknown, code: string): void => {
  expect(f).toThrow(RangeError);
  expect(f).toThrow(new RegExp(`^${code.replace('.', '\\.')}: `));
};

describe('isoDate', () => {
  it('takes dates that exist, refuses others with time.invalid-date', () => {
    expect(isoDate('2026-11-23')).toBe('2026-11-23');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '2026-11-23T00:00', '26-11-23', ''])
      throwsRange(() => isoDate(bad), 'time.invalid-date');
  });

  test.prop([
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 0, max: 14 }),
    fc.integer({ min: 0, max: 32 }),
  ])('agrees with the platform calendar', (y, m, d) => {
    const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    expect(parseIsoDate(text)._tag === 'Right').toBe(dateExists(text));
    if (dateExists(text)) expect(isoDate(text)).toBe(text);
    else throwsRange(() => isoDate(text), 'time.invalid-date');
  });
});

describe('wallTime', () => {
  it('takes 00:00 to 23:59 and 24:00', () => {
    for (let minute = 0; minute < 1440; minute += 7) {
      const text = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      expect(wallTime(text)).toBe(text);
    }
    expect(wallTime('24:00')).toBe('24:00');
    for (const bad of ['24:01', '9:30', '09:60', '25:00', '0930', ''])
      throwsRange(() => wallTime(bad), 'time.invalid-wall-time');
  });
});

describe('isoInstant', () => {
  it('takes instants with an offset, keeps the text as written', () => {
    expect(isoInstant('2026-11-23T09:00:00-05:00')).toBe('2026-11-23T09:00:00-05:00');
    expect(isoInstant('2026-11-23T14:00Z')).toBe('2026-11-23T14:00Z');
    for (const bad of ['2026-11-23T09:00:00', '2026-02-30T09:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23'])
      throwsRange(() => isoInstant(bad), 'time.invalid-instant');
  });

  test.prop([fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })])(
    'takes what the platform writes',
    (d) => {
      expect(isoInstant(d.toISOString())).toBe(d.toISOString());
    },
  );
});

describe('zone', () => {
  it('takes the zones the runtime knows, refuses others with time.invalid-zone', () => {
    for (const name of Intl.supportedValuesOf('timeZone').slice(0, 40)) expect(zone(name)).toBe(name);
    for (const bad of ['Mars/Olympus', 'America/NewYork', ''])
      throwsRange(() => zone(bad), 'time.invalid-zone');
  });
});

describe('cents and basisPoints', () => {
  test.prop([fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 53), fc.constant(-(2 ** 53)))])(
    'cents takes whole safe numbers only',
    (n) => {
      if (Number.isSafeInteger(n)) expect(cents(n)).toBe(n);
      else expect(() => cents(n)).toThrow(RangeError);
    },
  );

  it('names the rule broken', () => {
    throwsRange(() => cents(12.5), 'money.not-integer');
    throwsRange(() => cents(2 ** 53), 'money.unsafe');
    throwsRange(() => basisPoints(10_001), 'money.rate-range');
    throwsRange(() => basisPoints(-1), 'money.rate-range');
    throwsRange(() => basisPoints(12.5), 'money.rate-range');
    expect(basisPoints(0)).toBe(0);
    expect(basisPoints(10_000)).toBe(10_000);
  });
});

describe('ids', () => {
  it('trim, and throw on an empty or over-long id without writing the value', () => {
    expect(patientId('  pat-001 ')).toBe('pat-001');
    expect(appointmentTypeId('new-patient-40')).toBe('new-patient-40');
    throwsRange(() => actorId('   '), 'validation.failed');
    const secret = `SSN-123-45-6789${'x'.repeat(200)}`;
    expect(() => patientId(secret)).toThrow(RangeError);
    expect(() => patientId(secret)).not.toThrow(/123-45/);
  });
});

describe('the parse twins never throw', () => {
  test.prop([fc.anything()])('on anything', (input) => {
    for (const parse of [
      parseIsoDate,
      parseIsoInstant,
      parseWallTime,
      parseZone,
      parseCents,
      parseBasisPoints,
    ])
      expect(['Left', 'Right']).toContain(parse(input)._tag);
  });
});
