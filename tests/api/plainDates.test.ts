// Dates are taken the same way everywhere (DESIGN.md rule 12): the functions that check their input
// take a calendar date as a plain `YYYY-MM-DD` string, as checkEligibility does, and answer a
// malformed one with a Left naming the field, never an exception or a silent wrong answer.
import { describe, expect, it } from 'vitest';
import { normalizePatient } from '../../src/records/index.js';
import { checkEligibility, determinePayerOrder, parseCoverage, type Coverage } from '../../src/insurance/index.js';

const plan = (id: string, relationship: 'self' | 'spouse'): Coverage => {
  const r = parseCoverage({
    id,
    payerId: `payer-${id}`,
    planType: 'PPO',
    relationship,
    memberId: `M-${id}`,
    effective: { start: '2026-01-01', end: null },
    subscriber: { employment: 'active', employerSize: 300 },
  });
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('plain calendar dates', () => {
  const patient = { id: 'pat-001', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1984-03-09', sex: 'female' };

  it('normalizePatient takes asOf as a plain date and refuses a malformed one by name', () => {
    expect(normalizePatient(patient, '2026-11-23')._tag).toBe('Right');
    const bad = normalizePatient(patient, '2026-02-30');
    expect(bad).toMatchObject({ _tag: 'Left', left: { code: 'validation.failed', model: 'asOf' } });
  });

  it('determinePayerOrder takes plain dates and refuses malformed ones by field', () => {
    const covs = [plan('spouse-plan', 'spouse'), plan('own', 'self')];
    const order = determinePayerOrder(covs, { dateOfBirth: '1980-06-15' }, { dateOfService: '2026-11-23' });
    expect(order._tag === 'Right' && order.right.order.map((c) => c.id)).toEqual(['own', 'spouse-plan']);
    expect(determinePayerOrder(covs, { dateOfBirth: '1980-06-15' }, { dateOfService: '11/23/2026' })).toMatchObject({
      left: { code: 'validation.failed', issues: [{ path: 'dateOfService' }] },
    });
    expect(determinePayerOrder(covs, { dateOfBirth: '1980-13-15' }, { dateOfService: '2026-11-23' })).toMatchObject({
      left: { code: 'validation.failed', issues: [{ path: 'dateOfBirth' }] },
    });
  });

  it('checkEligibility takes the same plain date', () => {
    const check = checkEligibility(plan('own', 'self'), {
      serviceType: '98',
      dateOfService: '2026-11-23',
      providerNetwork: 'in',
    });
    expect(check.coverageStatus).toBeDefined();
  });
});
