// What a read271 result promises as a value, now that each transaction's benefits and warnings are
// walked when first read: own enumerable keys in the documented order, plain JSON, structured
// clones and spreads that carry the benefits, the same list on every read, nothing shared between
// calls that one caller could change for another, and dates read digit by digit as the calendar says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read271 } from '../../../src/insurance/x12/read271.js';
import { x12Date } from '../../../src/insurance/x12/values.js';
import { wrap271 } from './build.js';

const text = wrap271([
  'TRN*2*93175-012547*9877281234',
  'DMG*D8*19800402*F',
  'DTP*346*D8*20260101',
  'EB*1**30**GOLD 123 PLAN',
  'EB*B**98*HM**27*25*****Y',
  'MSG*PER VISIT',
  'EB*XX**98',
]);

const first = () => {
  const r = read271(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  const response = r.right.responses[0];
  if (response === undefined) throw new Error('no response');
  return response;
};

describe('read271 result as a value', () => {
  it('has the documented keys, in order, as own enumerable properties', () => {
    expect(Object.keys(first())).toEqual([
      'source',
      'version',
      'controlNumber',
      'transactionIndex',
      'payer',
      'provider',
      'member',
      'status',
      'rejections',
      'benefits',
      'warnings',
    ]);
  });

  it('serialises to JSON with its benefits and warnings', () => {
    const json = JSON.parse(JSON.stringify(first())) as {
      benefits: { code: string }[];
      warnings: { code: string }[];
    };
    // Three EBs were sent: 1 (active), B (copay) and XX (not a 5010 code, one warning).
    expect(json.benefits.map((b) => b.code)).toEqual(['1', 'B', 'XX']);
    expect(json.warnings.map((w) => w.code)).toEqual(['x12.non-standard-code']);
  });

  it('survives structuredClone and spreads with its benefits', () => {
    const r = first();
    expect(structuredClone(r).benefits).toHaveLength(3);
    expect({ ...r }.benefits).toHaveLength(3);
    expect(structuredClone(r)).toEqual(r);
  });

  it('gives the same list on every read, and cannot be reassigned', () => {
    const r = first();
    expect(r.benefits).toBe(r.benefits);
    expect(r.warnings).toBe(r.warnings);
    expect(() => {
      Object.assign(r, { benefits: [] });
    }).toThrow(TypeError);
    expect(r.benefits).toHaveLength(3);
  });

  it('shares nothing between two reads of the same text', () => {
    const a = first();
    const b = first();
    expect(a.benefits).not.toBe(b.benefits);
    expect(a.member).not.toBe(b.member);
    expect(a).toEqual(b);
  });

  it('reads the copay, status and dates as the segments say', () => {
    const r = first();
    expect(r.status).toBe('active');
    expect(r.member?.birthDate).toBe('1980-04-02');
    expect(r.member?.traceNumbers).toEqual([{ type: '2', number: '93175-012547', originator: '9877281234' }]);
    expect(r.benefits[1]).toMatchObject({
      kind: 'copay',
      amount: 2500,
      network: 'in',
      messages: ['PER VISIT'],
    });
  });
});

describe('x12Date', () => {
  // The plain rule, written with a regular expression and Date.UTC (the reader counts digits and
  // month lengths itself): CCYYMMDD that names a real day of the Gregorian calendar.
  const plain = (v: string): string | undefined => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v.trim());
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(2000, mo - 1, d));
    t.setUTCFullYear(y);
    return mo >= 1 && mo <= 12 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
      ? `${m[1]}-${m[2]}-${m[3]}`
      : undefined;
  };

  it('knows leap years and month lengths', () => {
    expect(x12Date('20240229')).toBe('2024-02-29');
    expect(x12Date('20000229')).toBe('2000-02-29');
    expect(x12Date('19000229')).toBeUndefined();
    expect(x12Date('20260431')).toBeUndefined();
    expect(x12Date('19781345')).toBeUndefined();
    expect(x12Date(' 20261231 ')).toBe('2026-12-31');
    expect(x12Date('2026123')).toBeUndefined();
    expect(x12Date('2026-1-1')).toBeUndefined();
  });

  it('agrees with the plain rule on digit strings and on anything else', () => {
    const digits = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 10 }), fc.stringMatching(/^\s?\d{8}\s?$/)), (v) => {
        expect(x12Date(v)).toBe(plain(v));
      }),
      { numRuns: 3000 },
    );
  });
});
