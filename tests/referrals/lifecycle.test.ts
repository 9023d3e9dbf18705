// The lifecycle as a referral coordinator works it (reference §6.1 and §7), with sequences written
// from the reference, not from the code: a 12-visit physical therapy authorization, a partial
// approval, one appointment cancelled, HCR01 NA, refused payer answers, and the ways out of every
// status.
import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import {
  applyAuthorizationResponse,
  referralVisits,
  transitionReferral,
  type Referral,
} from '../../src/referrals/index.js';
import { at, ev, referral, response, run } from './fixtures.js';

// Physical therapy: 97110 (therapeutic exercise) x 12, window 2026-12-01..2027-02-28 in New York.
const PERIOD = { start: '2026-12-01', end: '2027-02-28', zone: 'America/New_York' };
const PT_REQUEST = {
  id: 'auth-pt',
  payer: 'payer-aetna',
  requestType: 'initial',
  items: [{ procedure: '97110', requestedUnits: 12 }],
};
const pending = (): Referral =>
  run(referral({ procedures: ['97110'] }), [
    ['2026-11-24T09:00:00-05:00', { type: 'submit' }],
    ['2026-11-24T09:05:00-05:00', { type: 'request-authorization', request: PT_REQUEST }],
  ]);
const answered = (from: Referral, input: Record<string, unknown>, t = '2026-11-26T09:00:00-05:00') => {
  const r = applyAuthorizationResponse(from, response(input), at(t));
  if (!isOk(r)) throw new Error(r.left.message);
  return r.right;
};
const authorized = (extra: Record<string, unknown> = {}): Referral =>
  answered(pending(), { actionCode: 'A1', certificationNumber: 'AUTH-PT-1', period: PERIOD, ...extra });

// Visit n (1-based) on a weekday morning: Tuesdays from 2026-12-01, one a week.
const visitStart = (n: number): string => {
  const day = new Date(Date.UTC(2026, 11, 1 + 7 * (n - 1), 15)); // 10:00 EST
  return day.toISOString().replace('.000Z', 'Z');
};
const book = (r: Referral, n: number) =>
  run(r, [
    [
      `2026-11-27T10:0${n % 10}:00-05:00`,
      { type: 'schedule', appointment: `apt-${n}`, start: visitStart(n) },
    ],
  ]);
const keep = (r: Referral, n: number) =>
  run(r, [[visitStart(n), { type: 'visit-kept', appointment: `apt-${n}` }]]);

describe('a multi-visit authorization (physical therapy x 12)', () => {
  it('a kept visit leaves the referral authorized while visits are left; the next one books', () => {
    const first = keep(book(authorized(), 1), 1);
    expect(first.status).toBe('authorized');
    expect(referralVisits(first)).toMatchObject({ approved: 12, used: 1, remaining: 11, partial: false });
    const second = book(first, 2);
    expect(second.status).toBe('scheduled');
  });

  it('the twelfth kept visit uses the authorization up: completed, awaiting the report', () => {
    let r = authorized();
    for (let n = 1; n <= 12; n++) {
      r = keep(book(r, n), n);
      expect(r.status).toBe(n < 12 ? 'authorized' : 'completed');
    }
    expect(referralVisits(r)).toMatchObject({ used: 12, remaining: 0 });
    const thirteenth = transitionReferral(
      r,
      ev({ type: 'schedule', appointment: 'apt-13', start: visitStart(13) }),
      at('2027-02-24T10:00:00-05:00'),
    );
    expect(isErr(thirteenth) && thirteenth.left.code).toBe('referral.invalid-event');
  });

  it('a no-show is recorded and uses no visit, unless the payer counts no-shows', () => {
    const missed = run(book(authorized(), 1), [[visitStart(1), { type: 'no-show', appointment: 'apt-1' }]]);
    expect(missed.status).toBe('authorized');
    expect(missed.appointments[0]?.status).toBe('no-show');
    expect(referralVisits(missed)).toMatchObject({ used: 0, remaining: 12 });
    const counting = authorized({ noShowsUseVisits: true });
    const counted = run(book(counting, 1), [[visitStart(1), { type: 'no-show', appointment: 'apt-1' }]]);
    expect(referralVisits(counted)).toMatchObject({ used: 1, remaining: 11, noShowsUseVisits: true });
  });

  it('the window ending with visits left expires the referral, with the reason derived', () => {
    const r = keep(book(authorized(), 1), 1);
    const expired = run(r, [['2027-03-01T00:00:00-05:00', { type: 'expire' }]]);
    expect(expired).toMatchObject({ status: 'expired', ending: { reason: 'validity-ended' } });
  });

  it('a kept visit reported after the window ended completes the referral (no visit can follow)', () => {
    const r = run(book(authorized(), 1), [
      ['2027-03-02T09:00:00-05:00', { type: 'visit-kept', appointment: 'apt-1' }],
    ]);
    expect(r.status).toBe('completed');
  });

  it('a partial approval (A2: 6 of 12) stays visible as such', () => {
    const r = answered(pending(), {
      actionCode: 'A2',
      certificationNumber: 'AUTH-PT-2',
      approvedUnits: 6,
      period: PERIOD,
    });
    expect(r.authorizations.at(-1)?.decision).toBe('partly-approved');
    expect(referralVisits(r)).toMatchObject({
      requested: 12,
      approved: 6,
      partial: true,
      certificationNumber: 'AUTH-PT-2',
    });
  });
});

describe('a single consult keeps its one-visit behaviour', () => {
  it('one visit granted: the kept visit completes the referral', () => {
    const one = answered(pending(), {
      actionCode: 'A2',
      certificationNumber: 'AUTH-1',
      approvedUnits: 1,
      period: PERIOD,
    });
    expect(keep(book(one, 1), 1).status).toBe('completed');
  });

  it('no authorization needed: the kept visit completes the referral', () => {
    const free = run(referral({ authorizationRequired: false }), [
      ['2026-11-24T09:00:00-05:00', { type: 'submit' }],
      ['2026-11-24T09:01:00-05:00', { type: 'authorization-not-required', source: 'office' }],
    ]);
    expect(keep(book(free, 1), 1).status).toBe('completed');
  });
});

describe('one linked appointment cancelled', () => {
  it('goes back to authorized, the visit not counted, the link kept as cancelled', () => {
    const r = run(book(keep(book(authorized(), 1), 1), 2), [
      ['2026-12-07T16:00:00-05:00', { type: 'appointment-cancelled', appointment: 'apt-2' }],
    ]);
    expect(r.status).toBe('authorized');
    expect(r.appointments.map((a) => a.status)).toEqual(['kept', 'cancelled']);
    expect(referralVisits(r)).toMatchObject({ used: 1, booked: 0, remaining: 11 });
    expect(book(r, 3).status).toBe('scheduled'); // rebooked
  });

  it('with another appointment still booked the referral stays scheduled', () => {
    const r = run(book(book(authorized(), 1), 2), [
      ['2026-11-28T09:00:00-05:00', { type: 'appointment-cancelled', appointment: 'apt-1' }],
    ]);
    expect(r.status).toBe('scheduled');
  });
});

describe('HCR01 NA (no authorization required) allows scheduling wherever it arrives', () => {
  const submitted = () => run(referral(), [['2026-11-24T09:00:00-05:00', { type: 'submit' }]]);
  const na = { actionCode: 'NA' };
  it('on a submitted referral', () => {
    const r = answered(submitted(), na);
    expect(r).toMatchObject({ status: 'authorized', authorizationRequired: false });
    expect(book(r, 1).status).toBe('scheduled');
  });
  it('on a pending request', () => {
    const r = answered(pending(), na);
    expect(r.authorizations.at(-1)).toMatchObject({ decision: 'not-required', actionCode: 'NA' });
    expect(book(r, 1).status).toBe('scheduled');
  });
  it('on a pended request', () => {
    const pended = answered(pending(), { actionCode: 'A4', administrationReference: 'PEND0001' });
    expect(book(answered(pended, na), 1).status).toBe('scheduled');
  });
});

describe('payer answers the machine refuses', () => {
  const refusedCode = (input: Record<string, unknown>) => {
    const r = applyAuthorizationResponse(pending(), response(input), at('2026-11-26T09:00:00-05:00'));
    return isErr(r) ? r.left.code : 'accepted';
  };
  it('a period that ends before it starts', () => {
    expect(
      refusedCode({
        actionCode: 'A1',
        certificationNumber: 'AUTH-1',
        period: { ...PERIOD, start: '2027-03-01' },
      }),
    ).toBe('referral.invalid-period');
  });
  it('zero approved units', () => {
    expect(
      refusedCode({ actionCode: 'A2', certificationNumber: 'AUTH-1', approvedUnits: 0, period: PERIOD }),
    ).toBe('referral.no-units-approved');
  });
  it('a certification without its number (HCR02)', () => {
    expect(refusedCode({ actionCode: 'A1', period: PERIOD })).toBe('referral.certification-number-required');
  });
});

describe('no dead ends, no resurrections', () => {
  it('a denial the office does not pursue leaves with the reason recorded', () => {
    const denied = answered(pending(), { actionCode: 'A3', reasonText: 'not medically necessary' });
    const r = run(denied, [
      ['2026-11-27T09:00:00-05:00', { type: 'not-pursued', reason: 'patient chose home exercise' }],
    ]);
    expect(r).toMatchObject({
      status: 'cancelled',
      ending: { reason: 'not-pursued', text: 'patient chose home exercise' },
      refusal: { by: 'payer' },
    });
  });

  it('the report after the window ended is received when the visit was kept inside it, then closes', () => {
    const expired = run(keep(book(authorized(), 1), 1), [['2027-03-01T09:00:00-05:00', { type: 'expire' }]]);
    const closed = run(expired, [
      ['2027-03-03T09:00:00-05:00', { type: 'consult-note-received', document: 'doc-pt', kind: 'final' }],
      ['2027-03-03T09:05:00-05:00', { type: 'close' }],
    ]);
    expect(closed.status).toBe('closed');
  });

  it('without a kept visit, a report after expiry is refused', () => {
    const expired = run(authorized(), [['2027-03-01T09:00:00-05:00', { type: 'expire' }]]);
    const r = transitionReferral(
      expired,
      ev({ type: 'consult-note-received', document: 'doc-x', kind: 'final' }),
      at('2027-03-03T09:00:00-05:00'),
    );
    expect(isErr(r) && r.left.code).toBe('referral.no-visit-kept');
  });

  it('once the final note is in, the loop cannot be cancelled, only closed', () => {
    const one = answered(pending(), {
      actionCode: 'A2',
      certificationNumber: 'A',
      approvedUnits: 1,
      period: PERIOD,
    });
    const noted = run(keep(book(one, 1), 1), [
      ['2026-12-03T09:00:00-05:00', { type: 'consult-note-received', document: 'doc-1', kind: 'final' }],
    ]);
    const r = transitionReferral(
      noted,
      ev({ type: 'cancel', reason: 'tidy up' }),
      at('2026-12-04T09:00:00-05:00'),
    );
    expect(isErr(r) && r.left.code).toBe('referral.loop-closed');
    const closed = run(noted, [['2026-12-04T09:00:00-05:00', { type: 'close' }]]);
    const again = transitionReferral(
      closed,
      ev({ type: 'cancel', reason: 'tidy up' }),
      at('2026-12-05T09:00:00-05:00'),
    );
    expect(isErr(again) && again.left.code).toBe('referral.invalid-event');
  });
});

describe('one time convention', () => {
  it('a payer answer is recorded at the `at` it is applied with, like every event', () => {
    const r = answered(
      pending(),
      { actionCode: 'A1', certificationNumber: 'AUTH-1', period: PERIOD },
      '2026-11-26T09:30:00-05:00',
    );
    expect(r.history.at(-1)?.at).toBe('2026-11-26T09:30:00-05:00');
    expect(r.authorizations.at(-1)?.decidedAt).toBe('2026-11-26T09:30:00-05:00');
  });
});
