import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import {
  REFERRAL_TRANSITIONS,
  allowedReferralEvents,
  applyAuthorizationResponse,
  isTerminalReferralStatus,
  transitionReferral,
  type Referral,
} from '../../src/referrals/index.js';
import { REQUEST, at, ev, pendingAuthorization, referral, response, run } from './fixtures.js';

const PERIOD = { start: '2026-11-10', end: '2027-02-08', zone: 'America/Denver' };

/** Draft → submitted → pending → A1 approved (2 visits, 2026-11-10..2027-02-08 in Denver). */
const authorized = (overrides: Record<string, unknown> = {}): Referral => {
  const pending = pendingAuthorization(referral(overrides));
  const r = applyAuthorizationResponse(
    pending,
    response({
      actionCode: 'A1',
      certificationNumber: 'CERT-1',
      period: PERIOD,
    }),
    at('2026-11-10T08:00:00-07:00'),
  );
  if (!isOk(r)) throw new Error(r.left.message);
  return r.right;
};

describe('transitionReferral: table', () => {
  it('refuses an event the status does not accept, listing the allowed ones', () => {
    const r = transitionReferral(referral(), ev({ type: 'close' }), at('2026-11-03T09:00:00-05:00'));
    expect(isErr(r) && r.left).toMatchObject({
      code: 'referral.invalid-event',
      status: 'draft',
      event: 'close',
      allowed: ['submit', 'cancel'],
    });
    if (isErr(r)) expect(r.left.message).toContain('allowed: submit, cancel');
  });

  it('closed and cancelled accept nothing; expired a new request, the late report and closing, or cancel', () => {
    expect(allowedReferralEvents('closed')).toEqual([]);
    expect(allowedReferralEvents('cancelled')).toEqual([]);
    expect(allowedReferralEvents('expired')).toEqual([
      'request-authorization',
      'consult-note-received',
      'close',
      'cancel',
    ]);
    expect(isTerminalReferralStatus('expired')).toBe(false);
  });

  it('every non-terminal status can be cancelled (360X PCC-58)', () => {
    const cancellable = REFERRAL_TRANSITIONS.filter((t) => t.event === 'cancel').map((t) => t.from);
    expect(cancellable.sort()).toEqual(
      [
        'authorized',
        'completed',
        'denied',
        'draft',
        'expired',
        'pending-authorization',
        'resubmitted',
        'scheduled',
        'submitted',
      ].sort(),
    );
  });
});

describe('transitionReferral: guards', () => {
  const t = at('2026-11-03T09:00:00-05:00');

  it('submit needs a diagnosis', () => {
    const r = transitionReferral(referral({ diagnoses: [] }), ev({ type: 'submit' }), t);
    expect(isErr(r) && r.left.code).toBe('referral.missing-diagnosis');
  });

  it('submit needs every required attachment, and names the missing kinds', () => {
    const r = transitionReferral(
      referral({
        attachments: [
          { kind: 'clinical-notes', required: true },
          { kind: 'x-ray-report', required: true, document: 'doc-9' },
          { kind: 'photo', required: false },
        ],
      }),
      ev({ type: 'submit' }),
      t,
    );
    expect(isErr(r) && r.left).toMatchObject({
      code: 'referral.missing-attachment',
      details: { kinds: ['clinical-notes'] },
    });
  });

  it('the first request must be an initial one (UM02 = I)', () => {
    const submitted = run(referral(), [['2026-11-03T09:00:00-05:00', { type: 'submit' }]]);
    const r = transitionReferral(
      submitted,
      ev({ type: 'request-authorization', request: { ...REQUEST, requestType: 'extension' } }),
      t,
    );
    expect(isErr(r) && r.left.code).toBe('referral.request-type');
  });

  it('the office cannot waive authorization when the payer requires it; the payer (NA) can', () => {
    const submitted = run(referral(), [['2026-11-03T09:00:00-05:00', { type: 'submit' }]]);
    const office = transitionReferral(
      submitted,
      ev({ type: 'authorization-not-required', source: 'office' }),
      t,
    );
    expect(isErr(office) && office.left.code).toBe('referral.authorization-required');
    const notRequired = run(referral({ authorizationRequired: false }), [
      ['2026-11-03T09:00:00-05:00', { type: 'submit' }],
      ['2026-11-03T09:01:00-05:00', { type: 'authorization-not-required', source: 'office' }],
    ]);
    expect(notRequired.status).toBe('authorized');
  });

  it('scheduling needs an approved authorization covering the date, with a visit left', () => {
    const a = authorized();
    // The window ends 2027-02-08 in Denver; 2027-02-09 08:00 MST is outside it.
    const late = transitionReferral(
      a,
      ev({ type: 'schedule', appointment: 'apt-9', start: '2027-02-09T08:00:00-07:00' }),
      t,
    );
    expect(isErr(late) && late.left.code).toBe('referral.outside-authorization-window');
    // 23:30 on the last day in Denver is 06:30Z the next day: still inside (dates read in the zone).
    const lastEvening = transitionReferral(
      a,
      ev({ type: 'schedule', appointment: 'apt-9', start: '2027-02-09T06:30:00Z' }),
      t,
    );
    expect(isOk(lastEvening)).toBe(true);
    // Two visits granted (A1 = all requested: 1 MRI + 1 consult): a third booking is refused.
    const two = run(a, [
      [
        '2026-11-11T09:00:00-07:00',
        { type: 'schedule', appointment: 'apt-1', start: '2026-12-01T08:00:00-07:00' },
      ],
      [
        '2026-11-11T09:01:00-07:00',
        { type: 'schedule', appointment: 'apt-2', start: '2026-12-03T10:00:00-07:00' },
      ],
    ]);
    const third = transitionReferral(
      two,
      ev({ type: 'schedule', appointment: 'apt-3', start: '2026-12-10T10:00:00-07:00' }),
      t,
    );
    expect(isErr(third) && third.left.code).toBe('referral.visits-exhausted');
    const dup = transitionReferral(
      two,
      ev({ type: 'schedule', appointment: 'apt-1', start: '2026-12-10T10:00:00-07:00' }),
      t,
    );
    expect(isErr(dup) && dup.left.code).toBe('referral.duplicate-appointment');
  });

  it('a no-show frees the visit and returns to authorized for re-booking', () => {
    const r = run(authorized(), [
      [
        '2026-11-11T09:00:00-07:00',
        { type: 'schedule', appointment: 'apt-1', start: '2026-12-01T08:00:00-07:00' },
      ],
      ['2026-12-01T09:00:00-07:00', { type: 'no-show', appointment: 'apt-1' }],
    ]);
    expect(r.status).toBe('authorized');
    const rebooked = run(r, [
      [
        '2026-12-01T09:10:00-07:00',
        { type: 'schedule', appointment: 'apt-2', start: '2026-12-08T08:00:00-07:00' },
      ],
      [
        '2026-12-01T09:11:00-07:00',
        { type: 'schedule', appointment: 'apt-3', start: '2026-12-10T08:00:00-07:00' },
      ],
    ]);
    expect(rebooked.appointments.map((a) => a.status)).toEqual(['no-show', 'booked', 'booked']);
  });

  it('closing needs the final consult note; an interim note keeps the loop open', () => {
    const seen = run(authorized(), [
      [
        '2026-11-11T09:00:00-07:00',
        { type: 'schedule', appointment: 'apt-1', start: '2026-12-01T08:00:00-07:00' },
      ],
      ['2026-12-01T10:00:00-07:00', { type: 'visit-kept', appointment: 'apt-1' }],
      ['2026-12-02T10:00:00-07:00', { type: 'consult-note-received', document: 'doc-7', kind: 'interim' }],
    ]);
    expect(seen.status).toBe('authorized'); // 1 of the 2 approved visits used, window open
    const close = transitionReferral(seen, ev({ type: 'close' }), at('2026-12-02T11:00:00-07:00'));
    expect(isErr(close) && close.left.code).toBe('referral.consult-note-required');
  });

  it('expiry needs the window ended (read in its zone), and is refused once the final note is in', () => {
    const a = authorized();
    const early = transitionReferral(a, ev({ type: 'expire' }), at('2027-02-08T23:59:00-07:00'));
    expect(isErr(early) && early.left.code).toBe('referral.authorization-still-valid');
    const ended = transitionReferral(a, ev({ type: 'expire' }), at('2027-02-09T00:00:00-07:00'));
    expect(isOk(ended) && ended.right).toMatchObject({
      status: 'expired',
      ending: { reason: 'validity-ended' },
    });
    const visits = transitionReferral(a, ev({ type: 'expire' }), at('2026-12-20T00:00:00-07:00'));
    expect(isErr(visits) && visits.left.code).toBe('referral.authorization-still-valid');
    if (!isOk(ended)) return;
    const renewed = transitionReferral(
      ended.right,
      ev({ type: 'request-authorization', request: { ...REQUEST, id: 'auth-2', requestType: 'extension' } }),
      at('2027-02-10T09:00:00-07:00'),
    );
    expect(isOk(renewed) && renewed.right.status).toBe('pending-authorization');
    expect(isOk(renewed) && renewed.right.authorizations[1]?.replaces).toBe('auth-1');
    expect(isOk(renewed) && 'ending' in renewed.right).toBe(false); // revived: no longer ended
  });
});

describe('transitionReferral: denial and decline are answered differently', () => {
  const denied = (): Referral => {
    const pending = pendingAuthorization(referral({ diagnoses: ['S83241'] }));
    const r = applyAuthorizationResponse(
      pending,
      response({
        actionCode: 'A3',
        reasonText: 'Diagnosis not specific enough',
      }),
      at('2026-11-05T10:00:00-05:00'),
    );
    if (!isOk(r)) throw new Error(r.left.message);
    return r.right;
  };

  it('a payer denial is answered by a new request (never a revision), which replaces the denied one', () => {
    const d = denied();
    expect(d.refusal).toEqual({
      by: 'payer',
      authorization: 'auth-1',
      reason: { text: 'Diagnosis not specific enough' },
    });
    const t = at('2026-11-06T09:00:00-05:00');
    const revise = transitionReferral(
      d,
      ev({ type: 'resubmit', request: { ...REQUEST, id: 'auth-2', requestType: 'revision' } }),
      t,
    );
    expect(isErr(revise) && revise.left.code).toBe('referral.denial-not-editable');
    const reuse = transitionReferral(d, ev({ type: 'resubmit', request: REQUEST }), t);
    expect(isErr(reuse) && reuse.left.code).toBe('referral.duplicate-authorization');
    const bare = transitionReferral(d, ev({ type: 'resubmit' }), t);
    expect(isErr(bare) && bare.left.code).toBe('referral.resubmission-incomplete');
    const amended = run(d, [
      [
        '2026-11-06T09:00:00-05:00',
        { type: 'resubmit', diagnoses: ['S83241A'], request: { ...REQUEST, id: 'auth-2' } },
      ],
      ['2026-11-06T09:01:00-05:00', { type: 'send' }],
    ]);
    expect(amended.status).toBe('pending-authorization');
    expect(amended.diagnoses).toEqual(['S83241A']);
    expect(amended.refusal).toBeUndefined();
    expect(amended.authorizations.map((a) => [a.id, a.decision, a.replaces])).toEqual([
      ['auth-1', 'denied', undefined],
      ['auth-2', 'requested', 'auth-1'],
    ]);
  });

  it('a specialist decline is answered by a different provider and goes back to submitted', () => {
    const submitted = run(referral(), [['2026-11-03T09:00:00-05:00', { type: 'submit' }]]);
    const declined = run(submitted, [
      ['2026-11-04T09:00:00-05:00', { type: 'specialist-declined', reason: 'not accepting new patients' }],
    ]);
    expect(declined.status).toBe('denied');
    expect(declined.refusal).toEqual({ by: 'specialist', reason: 'not accepting new patients' });
    const same = transitionReferral(
      declined,
      ev({ type: 'resubmit', receiving: DRAFT_RECEIVING }),
      at('2026-11-04T10:00:00-05:00'),
    );
    expect(isErr(same) && same.left.code).toBe('referral.resubmission-incomplete');
    const redirected = run(declined, [
      [
        '2026-11-04T10:00:00-05:00',
        { type: 'resubmit', receiving: { provider: 'dr-other', specialty: 'orthopedics' } },
      ],
      ['2026-11-04T10:01:00-05:00', { type: 'send' }],
    ]);
    expect(redirected.status).toBe('submitted');
    expect(redirected.receiving.provider).toBe('dr-other');
  });
});

const DRAFT_RECEIVING = { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' };

describe('transitionReferral: the MRI + orthopedic journey (issue 5 demo)', () => {
  it('is denied for specificity, amended, resubmitted, authorized, scheduled MRI first, closed on the note', () => {
    const start = referral({ diagnoses: ['S83241'] });
    const snapshot = JSON.stringify(start);
    const pending = pendingAuthorization(start);
    const denied = applyAuthorizationResponse(
      pending,
      response({
        actionCode: 'A3',
        reasonText: 'diagnosis not specific enough',
      }),
      at('2026-11-05T10:00:00-05:00'),
    );
    if (!isOk(denied)) throw new Error('denied');
    const resent = run(denied.right, [
      [
        '2026-11-06T09:00:00-05:00',
        { type: 'resubmit', diagnoses: ['S83241A'], request: { ...REQUEST, id: 'auth-2' } },
      ],
      ['2026-11-06T09:01:00-05:00', { type: 'send' }],
    ]);
    const approved = applyAuthorizationResponse(
      resent,
      response({
        authorization: 'auth-2',
        actionCode: 'A1',
        certificationNumber: 'CERT-2',
        period: PERIOD,
      }),
      at('2026-11-10T08:00:00-07:00'),
    );
    if (!isOk(approved)) throw new Error(approved.left.message);
    const closed = run(approved.right, [
      [
        '2026-11-10T09:00:00-07:00',
        {
          type: 'schedule',
          appointment: 'apt-mri',
          start: '2026-12-01T08:00:00-07:00',
          purpose: 'MRI right knee',
        },
      ],
      [
        '2026-11-10T09:02:00-07:00',
        {
          type: 'schedule',
          appointment: 'apt-consult',
          start: '2026-12-03T10:00:00-07:00',
          purpose: 'orthopedic consult',
        },
      ],
      ['2026-12-01T09:00:00-07:00', { type: 'visit-kept', appointment: 'apt-mri' }],
      ['2026-12-03T11:00:00-07:00', { type: 'visit-kept', appointment: 'apt-consult' }],
      [
        '2026-12-04T15:00:00-07:00',
        { type: 'consult-note-received', document: 'doc-consult', kind: 'final' },
      ],
      ['2026-12-04T15:05:00-07:00', { type: 'close' }],
    ]);
    expect(closed.history.map((h) => h.to)).toEqual([
      'submitted',
      'pending-authorization',
      'denied',
      'resubmitted',
      'pending-authorization',
      'authorized',
      'scheduled',
      'scheduled',
      'scheduled', // MRI kept, consult still booked
      'completed',
      'completed',
      'closed',
    ]);
    expect(closed.history.every((h, i) => i === 0 || h.from === closed.history[i - 1]?.to)).toBe(true);
    expect(JSON.stringify(start)).toBe(snapshot); // input never mutated
    const after = transitionReferral(
      closed,
      ev({ type: 'cancel', reason: 'x' }),
      at('2026-12-05T09:00:00-07:00'),
    );
    expect(isErr(after) && after.left).toMatchObject({ code: 'referral.invalid-event', allowed: [] });
  });
});
