// prepareCheckIn combines records readiness, eligibility, authorization and the amount to collect.
// The upstream functions are the real ones; expected values are worked out in comments.
import { describe, expect, it } from 'vitest';
import { isOk } from '../../src/core/result.js';
import type { IanaZone } from '../../src/core/time.js';
import { read271 } from '../../src/insurance/x12/read271.js';
import {
  parseAuthorization,
  type Authorization,
  type ReferralAppointment,
} from '../../src/referrals/index.js';
import { prepareCheckIn, transitionAppointment, type CheckInSources } from '../../src/scheduling/index.js';
import { accumulators, benefitSet, coverage, lines, usd } from '../insurance/fixtures.js';
import { wrap271 } from '../insurance/x12/build.js';
import { patient } from '../records/support/patients.js';
import { appointment, at, unwrap } from './fixtures.js';

const DENVER = 'America/Denver' as IanaZone;
// Tuesday 2026-11-24, 10:00-10:30 MST (17:00Z) with the orthopedist; check-in at 09:50 MST.
const visit = appointment({
  id: 'a-ortho',
  status: 'booked',
  type: 'ortho-30',
  patient: 'pat-001',
  provider: 'dr-lindqvist',
  start: '2026-11-24T10:00:00-07:00',
  end: '2026-11-24T10:30:00-07:00',
});
const AT = at('2026-11-24T16:50:00Z');

const readyChart = patient({
  verifiedOn: '2026-06-01',
  emergencyContact: { name: 'Luis Rivera', relationship: 'spouse', phone: '+16175550199' },
  consents: [
    { kind: 'privacy-notice', signedOn: '2026-01-10' },
    { kind: 'financial-responsibility', signedOn: '2026-01-10' },
  ],
});
const coverageUntil = (end: string) => coverage('1', { effective: { start: '2026-01-01', end } });
const response271 = (segments: string[]) => {
  const r = read271(wrap271(segments));
  if (!isOk(r)) throw new Error(r.left.message);
  return r.right.responses[0]!;
};
// Office visit (STC 98) in network: $30 copay, deductible waived; allowed $185 for 99204.
const costShare: CheckInSources['costShare'] = {
  lines: lines({ allowed: 185 }),
  benefits: benefitSet([
    { id: 'office', serviceTypes: ['98'], network: 'in', copay: usd(30), deductible: 'waived' },
  ]),
  accumulators: accumulators(),
  options: { order: 'claim' },
  policy: { kind: 'copay-only' },
};
const base: CheckInSources = {
  zone: DENVER,
  patient: readyChart,
  eligibility: { source: coverageUntil('2026-12-31'), serviceType: '98', providerNetwork: 'in' },
  authorizationRequired: false,
  costShare,
};

const auth = (approvedUnits: number): Authorization => {
  const a = parseAuthorization({
    id: 'auth-1',
    payer: 'payer-aetna',
    requestType: 'initial',
    requestedAt: '2026-09-01T09:00:00-06:00',
    requestedUnits: 4,
    decision: 'partly-approved',
    actionCode: 'A2',
    certificationNumber: 'AUTH-1',
    approvedUnits,
    period: { start: '2026-09-01', end: '2026-12-31', zone: 'America/Denver' },
    items: [
      { procedure: '99214', requestedUnits: 4, approvedUnits, decision: 'partly-approved', actionCode: 'A2' },
    ],
  });
  if (!isOk(a)) throw new Error(a.left.message);
  return a.right;
};
const earlier: ReferralAppointment[] = [
  { id: 'k-1', start: at('2026-10-06T10:00:00-06:00'), status: 'fulfilled' },
  { id: 'k-2', start: at('2026-10-20T10:00:00-06:00'), status: 'noshow' },
  { id: 'k-3', start: at('2026-11-03T10:00:00-07:00'), status: 'fulfilled' },
];

const codes = (v: ReturnType<typeof prepareCheckIn>) => v.items.map((i) => [i.code, i.severity]);

describe('prepareCheckIn', () => {
  it('is ready when every area is in order, and collects the $30 copay', () => {
    const v = prepareCheckIn(visit, base, AT);
    expect(v.ready).toBe(true);
    expect(v.collectNow).toBe(3000);
    expect(codes(v)).toEqual([
      ['checkin.record-ready', 'ok'],
      ['checkin.eligible', 'ok'],
      ['checkin.collect', 'ok'],
    ]);
    // The ready verdict clears the check-in transition.
    const done = unwrap(
      transitionAppointment(visit, { type: 'check-in', clearance: { kind: 'verdict', verdict: v } }, AT),
    );
    expect(done.appointment.status).toBe('checked-in');
  });

  it('blocks on a missing consent and a required prior authorization; the amount is unknown, not zero', () => {
    const chart = patient({ ...readyChart, consents: [{ kind: 'privacy-notice', signedOn: '2026-01-10' }] });
    const v = prepareCheckIn(
      visit,
      {
        zone: DENVER,
        patient: chart,
        // EB11 = Y on the office-visit line: prior authorization required.
        eligibility: {
          source: response271(['EB*1**98', 'EB*C**98***23*1500****Y']),
          serviceType: '98',
          providerNetwork: 'in',
        },
      },
      AT,
    );
    expect(v.ready).toBe(false);
    expect(v.collectNow).toBe('unknown');
    expect(codes(v)).toEqual([
      ['checkin.record', 'blocking'],
      ['checkin.authorization-missing', 'blocking'],
      ['checkin.collect-unknown', 'warning'],
      ['checkin.eligible', 'ok'],
    ]);
    expect(v.items[0]).toMatchObject({ area: 'record', source: 'readiness.consent-missing' });
    expect(v.eligibility?.priorAuthorization.required).toBe(true);
    // Not ready: check-in refused unless overridden with a reason.
    expect(
      transitionAppointment(visit, { type: 'check-in', clearance: { kind: 'verdict', verdict: v } }, AT)._tag,
    ).toBe('Left');
    const over = transitionAppointment(
      visit,
      { type: 'check-in', clearance: { kind: 'override', reason: 'auth faxed, payer confirmed by phone' } },
      AT,
    );
    expect(isOk(over) && over.right.appointment.status).toBe('checked-in');
  });

  it('counts this visit against the authorization: 2 granted, 2 kept already -> not covered (renewal)', () => {
    // Kept: k-1 and k-3 (the no-show k-2 does not count). With 2 granted, this visit has none left.
    const v = prepareCheckIn(
      visit,
      { ...base, authorization: { authorization: auth(2), appointments: earlier } },
      AT,
    );
    expect(v.ready).toBe(false);
    expect(v.items[0]).toMatchObject({
      code: 'checkin.authorization-not-covering',
      source: 'no-visits-left',
      nextStep: expect.stringContaining('renewal'),
    });
    // With 3 granted it is covered (2 of 3 used before it).
    const ok3 = prepareCheckIn(
      visit,
      { ...base, authorization: { authorization: auth(3), appointments: earlier } },
      AT,
    );
    expect(ok3.ready).toBe(true);
    expect(ok3.authorization).toMatchObject({ used: 2, granted: 3 });
    expect(ok3.items.find((i) => i.area === 'authorization')?.code).toBe('checkin.authorization-covers');
  });

  it('blocks inactive coverage, a missing eligibility answer, and visits not booked', () => {
    const lapsed = prepareCheckIn(
      visit,
      { ...base, eligibility: { ...base.eligibility!, source: coverageUntil('2026-10-31') } },
      AT,
    );
    expect(lapsed.items[0]).toMatchObject({
      code: 'checkin.not-eligible',
      source: 'eligibility.inactive-on-date',
    });
    const { eligibility: _e, ...noAnswer } = base;
    expect(prepareCheckIn(visit, noAnswer, AT).items[0]?.code).toBe('checkin.eligibility-unchecked');
    expect(prepareCheckIn(visit, { ...noAnswer, selfPay: true }, AT).ready).toBe(true);
    const cancelled = appointment({ ...visit, status: 'cancelled', cancelationReason: 'patient called' });
    expect(prepareCheckIn(cancelled, base, AT).items[0]).toMatchObject({
      code: 'checkin.status',
      source: 'cancelled',
    });
  });

  it('warns when the payer leaves authorization unknown, and when the estimate cannot be made', () => {
    const { authorizationRequired: _r, ...unsure } = base;
    // A stored Coverage says nothing about prior authorization: unknown, a warning, not a guessed "no".
    const v = prepareCheckIn(
      visit,
      { ...unsure, costShare: { ...costShare!, lines: lines({ allowed: 185, serviceType: 'BL' }) } },
      AT,
    );
    expect(v.eligibility?.priorAuthorization.required).toBe('unknown');
    expect(v.ready).toBe(true);
    expect(codes(v)).toEqual([
      ['checkin.authorization-unknown', 'warning'],
      ['checkin.collect-unknown', 'warning'],
      ['checkin.record-ready', 'ok'],
      ['checkin.eligible', 'ok'],
    ]);
    // No benefit for service type BL in this benefit set: the insurance error code is kept.
    expect(v.items[1]).toMatchObject({ source: 'insurance.no-benefit' });
    expect(v.collectNow).toBe('unknown');
  });

  it('reads the visit date in the clinic zone: a consent expiring that local day is still valid', () => {
    // 10:00 MST on Nov 24 is 17:00Z; a 23:30 MST visit would be Nov 25 in UTC but Nov 24 in Denver.
    const late = appointment({
      ...visit,
      start: '2026-11-24T23:30:00-07:00',
      end: '2026-11-24T23:55:00-07:00',
    });
    const chart = patient({
      ...readyChart,
      consents: [
        { kind: 'privacy-notice', signedOn: '2026-01-10', expiresOn: '2026-11-24' },
        { kind: 'financial-responsibility', signedOn: '2026-01-10' },
      ],
    });
    const v = prepareCheckIn(late, { ...base, patient: chart }, at('2026-11-25T06:20:00Z'));
    expect(v.items.filter((i) => i.area === 'record').map((i) => i.code)).toEqual(['checkin.record-ready']);
    expect(v.ready).toBe(true);
  });
});
