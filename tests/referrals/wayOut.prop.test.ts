// No dead ends, no resurrections: on referrals in any reachable state, a non-terminal status
// always has an event that the machine accepts and that moves it to another status, and a
// terminal one (closed, cancelled) accepts nothing at all. Checked on the table and on real
// referrals, whose guards may refuse what the table allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, instantToMs, isOk, type IanaZone, type IsoInstant } from '../../src/core/index.js';
import {
  REFERRAL_STATUSES,
  allowedReferralEvents,
  isTerminalReferralStatus,
  parseReferralEvent,
  referralTargets,
  transitionReferral,
  type Referral,
  type ReferralEvent,
} from '../../src/referrals/index.js';
import { reachableReferralArbitrary } from '../../src/testing/index.js';

const ZONE = 'America/New_York' as IanaZone;
const DAY = 86_400_000;

/** Events a coordinator could send next, whatever the status (most will be refused). */
const moves = (r: Referral, nowMs: number): ReferralEvent[] => {
  const auth = r.authorizations.at(-1);
  const request = (requestType: string) => ({
    id: `auth-next-${r.authorizations.length}`,
    payer: 'payer-aetna',
    requestType,
    items: [{ procedure: '97110', requestedUnits: 2 }],
  });
  const booked = r.appointments.filter((a) => a.status === 'booked').map((a) => a.appointment);
  const inside = auth?.period === undefined ? formatInstant(nowMs, ZONE) : `${auth.period.start}T12:00:00Z`;
  const raw: Record<string, unknown>[] = [
    { type: 'submit' },
    { type: 'request-authorization', request: request('initial') },
    { type: 'request-authorization', request: request('renewal') },
    { type: 'authorization-not-required', source: 'payer' },
    {
      type: 'authorization-approved',
      decision: {
        decision: 'approved',
        certificationNumber: 'CERT-X',
        approvedUnits: 2,
        period: { start: '2026-01-01', end: '2028-12-31', zone: ZONE },
      },
    },
    { type: 'authorization-denied', decision: { decision: 'denied' } },
    { type: 'resubmit', request: request('initial') },
    { type: 'resubmit', receiving: { provider: 'dr-elsewhere', specialty: 'orthopedics' } },
    { type: 'send' },
    { type: 'schedule', appointment: 'apt-next', start: inside },
    ...booked.flatMap((appointment) => [
      { type: 'visit-kept', appointment },
      { type: 'no-show', appointment },
      { type: 'appointment-cancelled', appointment },
    ]),
    { type: 'consult-note-received', document: 'doc-next', kind: 'final' },
    { type: 'close' },
    { type: 'expire' },
    { type: 'not-pursued', reason: 'not pursued' },
    { type: 'cancel', reason: 'patient request' },
  ];
  return raw.flatMap((e) => {
    const parsed = parseReferralEvent({ actor: 'u-test', ...e });
    return isOk(parsed) ? [parsed.right] : [];
  });
};

describe('ways out', () => {
  it('in the table: every non-terminal status has an event to another status; terminal ones none', () => {
    for (const status of REFERRAL_STATUSES) {
      const onward = allowedReferralEvents(status).some((e) =>
        (referralTargets(status, e) ?? []).some((to) => to !== status),
      );
      expect([status, onward]).toEqual([status, !isTerminalReferralStatus(status)]);
    }
  });

  it('on reachable referrals: a non-terminal one can move on (now or once its window ends); a terminal one accepts nothing', () => {
    fc.assert(
      fc.property(reachableReferralArbitrary(24), (start) => {
        const last = start.history.at(-1)?.at ?? start.createdAt;
        const nowMs = instantToMs(last) + DAY;
        const later = nowMs + 3 * 365 * DAY; // after any window the walks create
        const attempts = (r: Referral) =>
          [nowMs, later].flatMap((ms) =>
            moves(r, ms).map((e) => transitionReferral(r, e, formatInstant(ms, ZONE) as IsoInstant)),
          );
        if (isTerminalReferralStatus(start.status)) {
          expect(attempts(start).filter(isOk)).toEqual([]);
          return;
        }
        // Settling booked appointments one by one (each keeps the status while others are booked)
        // must lead somewhere else: at most one step per booked appointment, then one more.
        let r = start;
        for (let step = 0; step <= start.appointments.length; step++) {
          const accepted = attempts(r).flatMap((t) => (isOk(t) ? [t.right] : []));
          if (accepted.some((next) => next.status !== start.status)) return;
          const settled = accepted.find(
            (next) =>
              next.appointments.filter((a) => a.status === 'booked').length <
              r.appointments.filter((a) => a.status === 'booked').length,
          );
          if (settled === undefined) break;
          r = settled;
        }
        expect.fail(`no way out of ${start.status}`);
      }),
      { numRuns: 300 },
    );
  });
});
