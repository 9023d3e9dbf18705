// The authorization-validity worked example of reference/referrals.md §7: A2, AUTH-77812, valid
// 2024-01-02..2024-03-31, 6 of 12 visits granted; appointments 01-15 kept, 02-01 no-show, 02-20,
// 03-05, 03-19 kept, 04-02 requested.
import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import {
  applyAuthorizationResponse,
  authorizationStatus,
  parseAuthorization,
  transitionReferral,
  type Authorization,
  type ReferralAppointment,
} from '../../src/referrals/index.js';
import { REQUEST, at, ev, referral, response, run } from './fixtures.js';

const auth = (overrides: Record<string, unknown> = {}): Authorization => {
  const parsed = parseAuthorization({
    id: 'auth-77812',
    payer: 'payer-aetna',
    requestType: 'initial',
    requestedAt: '2023-12-28T09:00:00-05:00',
    requestedUnits: 12,
    decision: 'partly-approved',
    actionCode: 'A2',
    certificationNumber: 'AUTH-77812',
    approvedUnits: 6,
    period: { start: '2024-01-02', end: '2024-03-31', zone: 'America/New_York' },
    items: [
      {
        procedure: '97110',
        requestedUnits: 12,
        approvedUnits: 6,
        decision: 'partly-approved',
        actionCode: 'A2',
      },
    ],
    ...overrides,
  });
  if (!isOk(parsed)) throw new Error(parsed.left.message);
  return parsed.right;
};

const appt = (id: string, start: string, status: ReferralAppointment['status']): ReferralAppointment => ({
  id,
  start: at(start),
  status,
});

// Listed out of order on purpose: the function sorts by start.
const APPOINTMENTS = [
  appt('a6', '2024-04-02T10:00:00-04:00', 'booked'),
  appt('a1', '2024-01-15T10:00:00-05:00', 'fulfilled'),
  appt('a2', '2024-02-01T10:00:00-05:00', 'noshow'),
  appt('a3', '2024-02-20T10:00:00-05:00', 'fulfilled'),
  appt('a4', '2024-03-05T10:00:00-05:00', 'fulfilled'),
  appt('a5', '2024-03-19T10:00:00-04:00', 'fulfilled'),
];

describe('authorizationStatus: reference §7', () => {
  it('counts kept visits only, and flags 04-02 as outside the window (extension needed)', () => {
    const s = authorizationStatus(auth(), APPOINTMENTS, at('2024-03-20T12:00:00-04:00'));
    if (!isOk(s)) throw new Error(s.left.message);
    // The §7 table row by row: counted?, used after, covered?
    expect(s.right.visits.map((v) => [v.appointment, v.counted, v.usedAfter, v.coverage])).toEqual([
      ['a1', true, 1, 'covered'],
      ['a2', false, 1, 'not-kept'],
      ['a3', true, 2, 'covered'],
      ['a4', true, 3, 'covered'],
      ['a5', true, 4, 'covered'],
      ['a6', false, 4, 'outside-window'],
    ]);
    // 4 kept of 6 granted → 2 remaining; 03-31 minus 03-20 = 11 days left (≤ 14: expiring soon).
    expect(s.right).toMatchObject({
      granted: 6,
      used: 4,
      remaining: 2,
      window: 'inside',
      daysLeft: 11,
      expiringSoon: true,
      lowOnVisits: true,
      needs: ['extension'],
    });
  });

  it('reads the window in its zone: 03-31 23:30 in New York is inside, 04-01 00:00 is after the end', () => {
    const inside = authorizationStatus(auth(), [], at('2024-04-01T03:30:00Z'));
    expect(isOk(inside) && [inside.right.window, inside.right.daysLeft]).toEqual(['inside', 0]);
    const after = authorizationStatus(auth(), [], at('2024-04-01T00:00:00-04:00'));
    expect(isOk(after) && [after.right.window, after.right.daysLeft]).toEqual(['after-end', -1]);
    const before = authorizationStatus(auth(), [], at('2024-01-01T12:00:00-05:00'));
    expect(isOk(before) && before.right.window).toBe('before-start');
  });

  it('planned visits reserve the remaining visits in order; the one beyond needs a renewal', () => {
    const s = authorizationStatus(
      auth({ approvedUnits: 5 }),
      [
        ...APPOINTMENTS.slice(1),
        appt('b1', '2024-03-25T10:00:00-04:00', 'booked'),
        appt('b2', '2024-03-27T10:00:00-04:00', 'booked'),
      ],
      at('2024-03-20T12:00:00-04:00'),
    );
    if (!isOk(s)) throw new Error(s.left.message);
    // 4 kept of 5: b1 takes the last visit, b2 has none left.
    expect(s.right.visits.slice(-2).map((v) => v.coverage)).toEqual(['covered', 'no-visits-left']);
    expect(s.right.needs).toEqual(['renewal']);
    expect(s.right.remaining).toBe(1);
  });

  it('a cancelled or entered-in-error appointment does not count', () => {
    const s = authorizationStatus(
      auth(),
      [
        appt('c1', '2024-01-20T10:00:00-05:00', 'cancelled'),
        appt('c2', '2024-01-21T10:00:00-05:00', 'entered-in-error'),
      ],
      at('2024-02-01T12:00:00-05:00'),
    );
    expect(isOk(s) && [s.right.used, s.right.remaining, s.right.expiringSoon]).toEqual([0, 6, false]);
  });

  it('refuses an authorization that grants nothing', () => {
    for (const decision of ['requested', 'pended', 'denied', 'not-required', 'cancelled']) {
      const s = authorizationStatus(auth({ decision }), APPOINTMENTS, at('2024-03-20T12:00:00-04:00'));
      expect(isErr(s) && s.left.code).toBe('referral.authorization-not-active');
    }
  });

  it('at 03-31 with visits left and no note the referral expires; with the final note it is closed instead', () => {
    const pending = run(referral({ procedures: ['97110'] }), [
      ['2023-12-28T09:00:00-05:00', { type: 'submit' }],
      [
        '2023-12-28T09:05:00-05:00',
        {
          type: 'request-authorization',
          request: { ...REQUEST, id: 'auth-77812', items: [{ procedure: '97110', requestedUnits: 12 }] },
        },
      ],
    ]);
    const granted = applyAuthorizationResponse(
      pending,
      response({
        actionCode: 'A2',
        certificationNumber: 'AUTH-77812',
        approvedUnits: 6,
        period: { start: '2024-01-02', end: '2024-03-31', zone: 'America/New_York' },
      }),
      at('2024-01-02T10:00:00-05:00'),
    );
    if (!isOk(granted)) throw new Error(granted.left.message);
    const seen = run(granted.right, [
      [
        '2024-01-03T09:00:00-05:00',
        { type: 'schedule', appointment: 'a1', start: '2024-01-15T10:00:00-05:00' },
      ],
      ['2024-01-15T11:00:00-05:00', { type: 'visit-kept', appointment: 'a1' }],
    ]);
    const expired = transitionReferral(seen, ev({ type: 'expire' }), at('2024-04-01T00:00:00-04:00'));
    expect(isOk(expired) && expired.right.status).toBe('expired');
    const noted = run(seen, [
      ['2024-03-30T09:00:00-04:00', { type: 'consult-note-received', document: 'doc-1', kind: 'final' }],
    ]);
    const refused = transitionReferral(noted, ev({ type: 'expire' }), at('2024-04-01T00:00:00-04:00'));
    expect(isErr(refused) && refused.left.code).toBe('referral.loop-closed');
    const closed = transitionReferral(noted, ev({ type: 'close' }), at('2024-04-01T00:00:00-04:00'));
    expect(isOk(closed) && closed.right.status).toBe('closed');
  });
});
