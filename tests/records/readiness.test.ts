import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import { checkInReadiness, parsePatient, patientAgeOn, type Patient } from '../../src/records/index.js';

const asOf = '2026-11-23' as IsoDate;
const base = (over: Record<string, unknown> = {}): Patient => {
  const r = parsePatient({
    id: 'pat-002',
    name: { family: 'Nguyen', given: 'Linh' },
    birthDate: '1979-06-30',
    sex: 'female',
    addresses: [{ line: ['12 ELM ST'], city: 'BOSTON', state: 'MA', postalCode: '02118' }],
    phones: [{ value: '+16175550100' }],
    emergencyContact: { name: 'Bao Nguyen', relationship: 'spouse', phone: '+16175550101' },
    consents: [
      { kind: 'privacy-notice', signedOn: '2025-01-05' },
      { kind: 'financial-responsibility', signedOn: '2026-01-05', expiresOn: '2026-12-31' },
    ],
    verifiedOn: '2026-06-01',
    ...over,
  });
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const codes = (p: Patient, ctx = {}): string[] => checkInReadiness(p, ctx, asOf).items.map((i) => i.code);

describe('checkInReadiness', () => {
  it('is ready when everything is on file', () => {
    expect(checkInReadiness(base(), {}, asOf)).toEqual({ ready: true, items: [] });
  });
  it('flags stale demographics by the clinic window (2026-06-01 → 2026-11-23 is 175 days)', () => {
    expect(codes(base(), { verifyEveryDays: 174 })).toEqual(['readiness.demographics-stale']);
    expect(codes(base(), { verifyEveryDays: 175 })).toEqual([]);
    expect(codes(base({ verifiedOn: undefined }))).toEqual(['readiness.demographics-unverified']);
  });
  it('flags an expired consent; one expiring today is still valid', () => {
    const expired = base({
      consents: [{ kind: 'privacy-notice', signedOn: '2024-01-01', expiresOn: '2026-11-22' }],
    });
    const r = checkInReadiness(expired, {}, asOf);
    expect(r.ready).toBe(false);
    expect(r.items.map((i) => [i.code, i.consent])).toEqual([
      ['readiness.consent-expired', 'privacy-notice'],
      ['readiness.consent-missing', 'financial-responsibility'],
    ]);
    const today = base({
      consents: [
        { kind: 'privacy-notice', signedOn: '2024-01-01', expiresOn: '2026-11-23' },
        { kind: 'financial-responsibility', signedOn: '2024-01-01' },
      ],
    });
    expect(codes(today)).toEqual([]);
  });
  it('needs a guarantor for a minor (17 the day before the 18th birthday)', () => {
    expect(patientAgeOn('2008-11-24' as IsoDate, asOf)).toBe(17);
    expect(patientAgeOn('2008-11-23' as IsoDate, asOf)).toBe(18);
    expect(codes(base({ birthDate: '2008-11-24' }))).toEqual(['readiness.guarantor-missing']);
    expect(codes(base({ birthDate: '2008-11-23' }))).toEqual([]);
  });
  it('orders blocking before warnings; emergency contact is a warning by default', () => {
    const r = checkInReadiness(base({ emergencyContact: undefined, phones: [] }), {}, asOf);
    expect(r.items.map((i) => [i.code, i.severity])).toEqual([
      ['readiness.phone-missing', 'blocking'],
      ['readiness.emergency-contact-missing', 'warning'],
    ]);
    const strict = checkInReadiness(
      base({ emergencyContact: undefined }),
      { emergencyContactBlocking: true },
      asOf,
    );
    expect(strict.ready).toBe(false);
  });
});
