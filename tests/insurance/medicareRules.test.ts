// Medicare non-participating pricing (95% fee schedule, 115% limiting charge, assigned vs
// unassigned) and the ESRD coordination period computed from treatment dates (42 CFR 406.13(e),
// 3-month waiting period, 30-month coordination). Every figure is computed by hand from those rules.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import type { Cents } from '../../src/core/money.js';
import { esrdCoordinationPeriod, type EsrdDates } from '../../src/insurance/esrdCoordination.js';
import {
  medicareNonParticipating,
  type NonParService,
} from '../../src/insurance/medicareNonParticipating.js';
import { determinePayerOrder, parsePayerOrderPatient } from '../../src/insurance/payerOrder.js';
import { coverage, unwrap, usd } from './fixtures.js';

const nonPar = (fee: number, charge: number, assigned: boolean, deductible = 0) =>
  unwrap(
    medicareNonParticipating({
      feeSchedule: usd(fee) as Cents,
      charge: usd(charge) as Cents,
      assigned,
      deductibleRemaining: usd(deductible) as Cents,
    }),
  );

describe('Medicare non-participating provider', () => {
  it('fee $100, charge $150, unassigned, deductible met: non-par $95, limiting $109.25, patient nets $33.25', () => {
    expect(nonPar(100, 150, false)).toEqual({
      nonParAmount: 9500,
      limitingCharge: 10925, // 115% of 95.00
      allowed: 9500,
      deductible: 0,
      coinsurance: 1900,
      medicarePays: 7600, // 80% of 95.00, paid to the patient
      medicarePaysTo: 'patient',
      collectibleCharge: 10925,
      notCollectible: 4075, // 150.00 - 109.25
      patientOwesProvider: 10925,
      patientNetCost: 3325, // 109.25 - 76.00
    });
  });
  it('the same claim assigned: the provider collects $95 ($76 Medicare + $19 coinsurance), writes off $55', () => {
    expect(nonPar(100, 150, true)).toMatchObject({
      medicarePays: 7600,
      medicarePaysTo: 'provider',
      collectibleCharge: 9500,
      notCollectible: 5500,
      patientOwesProvider: 1900,
      patientNetCost: 1900,
    });
  });
  it('an unassigned charge under the limiting charge is collectible in full: $105 - $76 = $29 net', () => {
    expect(nonPar(100, 105, false)).toMatchObject({
      collectibleCharge: 10500,
      notCollectible: 0,
      patientNetCost: 2900,
    });
  });
  it('Part B deductible first: $50 left of it on a $190 allowed → Medicare 80% of $140 = $112', () => {
    expect(nonPar(200, 250, true, 50)).toMatchObject({
      allowed: 19000,
      deductible: 5000,
      medicarePays: 11200,
      coinsurance: 2800,
      patientOwesProvider: 7800,
    });
    // The whole allowed amount under the 2026 deductible ($283): Medicare pays nothing.
    expect(nonPar(200, 250, false, 283)).toMatchObject({
      deductible: 19000,
      medicarePays: 0,
      patientNetCost: 21850,
    });
  });
  it('rounding to the cent, half-up: $33.33 → 31.6635 → $31.66; limiting 36.409 → $36.41; Medicare 25.328 → $25.33', () => {
    expect(nonPar(33.33, 50, false)).toMatchObject({
      nonParAmount: 3166,
      limitingCharge: 3641,
      medicarePays: 2533,
      coinsurance: 633,
    });
  });
  it('fractional or negative cents are a Left naming the field', () => {
    const bad: NonParService = {
      feeSchedule: 100.5 as Cents,
      charge: 0 as Cents,
      assigned: true,
      deductibleRemaining: 0 as Cents,
    };
    const r = medicareNonParticipating(bad);
    expect(r._tag === 'Left' && r.left.field).toBe('feeSchedule');
  });
});

const period = (d: Record<string, string>) => unwrap(esrdCoordinationPeriod(d as EsrdDates));

describe('ESRD coordination period from treatment dates', () => {
  it('dialysis from 2026-03-10: waiting March-May, Medicare from June 1, 30 months to 2028-11-30', () => {
    expect(period({ dialysisStart: '2026-03-10' })).toEqual({
      entitlementStart: '2026-06-01',
      basis: 'dialysis',
      waitingPeriod: { start: '2026-03-01', end: '2026-05-31' },
      coordinationStart: '2026-06-01',
      coordinationEnd: '2028-11-30',
      medicarePrimaryFrom: '2028-12-01',
    });
  });
  it('across a year end: dialysis 2025-11-03 → Medicare 2026-02-01, coordination to 2028-07-31', () => {
    expect(period({ dialysisStart: '2025-11-03' })).toMatchObject({
      entitlementStart: '2026-02-01',
      waitingPeriod: { start: '2025-11-01', end: '2026-01-31' },
      coordinationEnd: '2028-07-31',
      medicarePrimaryFrom: '2028-08-01',
    });
  });
  it('self-dialysis training begun before the third month: no waiting period, from March', () => {
    expect(period({ dialysisStart: '2026-03-10', selfDialysisTrainingStart: '2026-05-20' })).toMatchObject({
      entitlementStart: '2026-03-01',
      basis: 'self-dialysis-training',
      waitingPeriod: null,
      coordinationEnd: '2028-08-31',
    });
  });
  it('training begun in the fourth month does not shorten the wait', () => {
    expect(period({ dialysisStart: '2026-03-10', selfDialysisTrainingStart: '2026-06-02' }).basis).toBe(
      'dialysis',
    );
  });
  it('transplant within 2 months of the admission: from the admission month', () => {
    expect(period({ transplantAdmission: '2026-08-01', transplant: '2026-10-15' }).entitlementStart).toBe(
      '2026-08-01',
    );
  });
  it('transplant delayed more than 2 months after admission: two months before the transplant month', () => {
    expect(period({ transplantAdmission: '2026-08-20', transplant: '2026-12-10' }).entitlementStart).toBe(
      '2026-10-01',
    );
  });
  it('the earliest rule wins: dialysis from March (June) vs a transplant in April', () => {
    expect(period({ dialysisStart: '2026-03-10', transplant: '2026-04-14' })).toMatchObject({
      basis: 'transplant',
      entitlementStart: '2026-04-01',
      coordinationEnd: '2028-09-30',
    });
  });
  it('no date, or an admission after the transplant, is a Left', () => {
    expect(esrdCoordinationPeriod({})._tag).toBe('Left');
    expect(
      esrdCoordinationPeriod({
        transplantAdmission: '2026-05-01' as IsoDate,
        transplant: '2026-04-01' as IsoDate,
      })._tag,
    ).toBe('Left');
  });
});

describe('payer order from ESRD dates instead of a coordination start', () => {
  const medicare = coverage('medicare', { planType: 'medicare-part-b', subscriber: { employment: 'none' } });
  const group = coverage('group');
  const patient = unwrap(
    parsePayerOrderPatient({
      dateOfBirth: '1970-02-02',
      medicare: { basis: 'esrd', esrd: { dialysisStart: '2026-03-10' } },
    }),
  );
  const order = (date: string) => {
    const r = unwrap(determinePayerOrder([medicare, group], patient, { dateOfService: date as IsoDate }));
    return [r.order.map((c) => c.id), r.decisions[0]?.rule];
  };
  it('waiting period, coordination, last day of it, after it', () => {
    expect(order('2026-05-15')).toEqual([['group', 'medicare'], 'msp.esrd-waiting-period']);
    expect(order('2026-06-01')).toEqual([['group', 'medicare'], 'msp.esrd-coordination']);
    expect(order('2028-11-30')).toEqual([['group', 'medicare'], 'msp.esrd-coordination']);
    expect(order('2028-12-01')).toEqual([['medicare', 'group'], 'msp.esrd-after-coordination']);
  });
});
