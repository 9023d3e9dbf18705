// Guards and effects of transitionReferral one at a time, on referrals built straight from the
// schema (parseReferral) in the state each rule needs: the messages that name the rule, the
// window boundaries, the appointment mapping behind expiry, refusals kept or cleared, cancel.
import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import { transitionReferral, type Referral, type ReferralError } from '../../src/referrals/index.js';
import { REQUEST, at, ev, referral, run } from './fixtures.js';

const T = '2026-11-03T09:00:00-05:00';
// Dates inclusive, read in Denver: [2026-11-10T00:00-07:00, 2027-02-09T00:00-07:00).
const PERIOD = { start: '2026-11-10', end: '2027-02-08', zone: 'America/Denver' };

const approved = (extra: Record<string, unknown> = {}) => ({
  id: 'auth-1',
  payer: 'payer-aetna',
  requestType: 'initial',
  requestedAt: '2026-11-03T09:05:00-05:00',
  requestedUnits: 2,
  decision: 'approved',
  actionCode: 'A1',
  decidedAt: '2026-11-10T08:00:00-07:00',
  approvedUnits: 2,
  period: PERIOD,
  items: [],
  ...extra,
});
const requested = (extra: Record<string, unknown> = {}) => ({
  id: 'auth-1',
  payer: 'payer-aetna',
  requestType: 'initial',
  requestedAt: '2026-11-03T09:05:00-05:00',
  requestedUnits: 2,
  decision: 'requested',
  items: [],
  ...extra,
});
const link = (appointment: string, start: string, status = 'booked') => ({ appointment, start, status });

const apply = (r: Referral, event: Record<string, unknown>, t = T) => transitionReferral(r, ev(event), at(t));
const accepted = (r: Referral, event: Record<string, unknown>, t = T): Referral => {
  const next = apply(r, event, t);
  if (!isOk(next)) throw new Error(`${String(event['type'])} refused: ${next.left.message}`);
  return next.right;
};
const refused = (r: Referral, event: Record<string, unknown>, t = T): ReferralError => {
  const next = apply(r, event, t);
  if (!isErr(next)) throw new Error(`${String(event['type'])} accepted`);
  return next.left;
};

describe('refusals name their rule', () => {
  it('submit: the diagnosis and every missing attachment kind', () => {
    expect(refused(referral({ diagnoses: [] }), { type: 'submit' }).message).toMatch(
      /at least one ICD-10-CM diagnosis/,
    );
    const e = refused(
      referral({
        attachments: [
          { kind: 'clinical-notes', required: true },
          { kind: 'x-ray-report', required: true },
        ],
      }),
      { type: 'submit' },
    );
    expect(e.message).toBe('submit needs the required attachments: clinical-notes, x-ray-report');
  });

  it('the first request must be initial, and the error lists what is allowed', () => {
    const submitted = referral({ status: 'submitted' });
    const e = refused(submitted, {
      type: 'request-authorization',
      request: { ...REQUEST, requestType: 'renewal' },
    });
    expect(e).toMatchObject({ code: 'referral.request-type', details: { allowed: ['initial'] } });
    expect(e.message).toBe('request type must be one of: initial');
    const expired = referral({ status: 'expired', authorizations: [approved()] });
    const again = refused(expired, { type: 'request-authorization', request: { ...REQUEST, id: 'auth-2' } });
    expect(again.message).toBe('request type must be one of: renewal, revision, extension');
  });

  it('a request reusing an authorization id is refused: an existing one is never edited', () => {
    const r = referral({ status: 'expired', authorizations: [approved()] });
    const e = refused(r, { type: 'request-authorization', request: { ...REQUEST, requestType: 'renewal' } });
    expect(e.code).toBe('referral.duplicate-authorization');
    expect(e.message).toMatch(/new authorization id/);
  });

  it('the office may not waive a required authorization; only HCR01 NA may', () => {
    const e = refused(referral({ status: 'submitted' }), {
      type: 'authorization-not-required',
      source: 'office',
    });
    expect(e.message).toMatch(/HCR01 NA/);
  });

  it('a terminal status says it accepts nothing', () => {
    const e = refused(referral({ status: 'closed' }), { type: 'submit' });
    expect(e).toMatchObject({ code: 'referral.invalid-event', allowed: [] });
    expect(e.message).toBe('event submit is not allowed in status closed; allowed: none (terminal)');
  });
});

describe('scheduling', () => {
  const authorized = (extra: Record<string, unknown> = {}) =>
    referral({ status: 'authorized', authorizations: [approved()], ...extra });

  it('a referral that needs no authorization books without one, and records the link', () => {
    const r = run(referral({ authorizationRequired: false }), [
      [T, { type: 'submit' }],
      [T, { type: 'authorization-not-required', source: 'office' }],
    ]);
    expect(r.authorizations).toEqual([]);
    const booked = accepted(r, {
      type: 'schedule',
      appointment: 'apt-1',
      start: '2026-12-01T08:00:00-07:00',
    });
    expect(booked.status).toBe('scheduled');
    expect(booked.appointments).toEqual([link('apt-1', '2026-12-01T08:00:00-07:00')]);
  });

  it('records the purpose only when one is given', () => {
    const r = authorized();
    const withPurpose = accepted(r, {
      type: 'schedule',
      appointment: 'apt-1',
      start: '2026-12-01T08:00:00-07:00',
      purpose: 'MRI right knee',
    });
    expect(withPurpose.appointments[0]).toEqual({
      ...link('apt-1', '2026-12-01T08:00:00-07:00'),
      purpose: 'MRI right knee',
    });
    const without = accepted(r, {
      type: 'schedule',
      appointment: 'apt-1',
      start: '2026-12-01T08:00:00-07:00',
    });
    expect(without.appointments[0]).not.toHaveProperty('purpose');
  });

  it('the window is [first day 00:00, day after the last 00:00) in its zone', () => {
    const r = authorized();
    const book = (start: string) => apply(r, { type: 'schedule', appointment: 'apt-1', start });
    expect(isOk(book('2026-11-10T00:00:00-07:00'))).toBe(true); // first instant of the window
    const early = book('2026-11-09T23:59:00-07:00');
    expect(isErr(early) && early.left.code).toBe('referral.outside-authorization-window');
    // Before the window there is nothing to extend: book on or after the first day.
    expect(isErr(early) && early.left).toMatchObject({ details: { position: 'before-start' } });
    expect(isErr(early) && early.left.message).toMatch(/before the authorization period starts/);
    expect(isErr(early) && early.left.message).not.toMatch(/extension/);
    const atEnd = book('2027-02-09T00:00:00-07:00'); // the day after the last: outside
    expect(isErr(atEnd) && atEnd.left).toMatchObject({
      code: 'referral.outside-authorization-window',
      details: { position: 'after-end' },
    });
    expect(isErr(atEnd) && atEnd.left.message).toMatch(
      /after the authorization period ends: request an extension \(UM02 = 4\)/,
    );
    expect(isOk(book('2027-02-08T23:59:00-07:00'))).toBe(true);
  });

  it('an approval without granted units does not authorize scheduling', () => {
    const r = authorized({ authorizations: [approved({ approvedUnits: undefined })] });
    const e = refused(r, { type: 'schedule', appointment: 'apt-1', start: '2026-12-01T08:00:00-07:00' });
    expect(e.code).toBe('referral.authorization-required');
    expect(e.message).toMatch(/A1, A2 or A6/);
  });

  it('names the renewal when the visits are used up, and refuses a second link to one appointment', () => {
    const r = authorized({
      status: 'scheduled',
      appointments: [
        link('apt-1', '2026-12-01T08:00:00-07:00'),
        link('apt-2', '2026-12-03T08:00:00-07:00', 'kept'),
      ],
    });
    const full = refused(r, { type: 'schedule', appointment: 'apt-3', start: '2026-12-08T08:00:00-07:00' });
    expect(full.message).toMatch(/UM02 = R/);
    const dup = refused(r, { type: 'schedule', appointment: 'apt-1', start: '2026-12-08T08:00:00-07:00' });
    expect(dup.message).toMatch(/already linked/);
  });
});

describe('visit outcomes', () => {
  const scheduled = () =>
    referral({
      status: 'scheduled',
      authorizations: [approved()],
      appointments: [link('apt-1', '2026-12-01T08:00:00-07:00'), link('apt-2', '2026-12-03T08:00:00-07:00')],
    });

  it('marks the named appointment, not the first booked one', () => {
    const r = accepted(scheduled(), { type: 'visit-kept', appointment: 'apt-2' });
    expect(r.appointments.map((a) => [a.appointment, a.status])).toEqual([
      ['apt-1', 'booked'],
      ['apt-2', 'kept'],
    ]);
    expect(r.status).toBe('scheduled'); // apt-1 is still booked
  });

  it('an unknown or already settled appointment is refused', () => {
    const e = refused(scheduled(), { type: 'no-show', appointment: 'apt-9' });
    expect(e.code).toBe('referral.unknown-appointment');
    expect(e.message).toMatch(/no booked appointment/);
    const kept = accepted(scheduled(), { type: 'visit-kept', appointment: 'apt-1' });
    expect(refused(kept, { type: 'visit-kept', appointment: 'apt-1' }).code).toBe(
      'referral.unknown-appointment',
    );
  });
});

describe('payer decisions', () => {
  const pending = (auth: Record<string, unknown> | undefined) =>
    referral({ status: 'pending-authorization', authorizations: auth === undefined ? [] : [auth] });
  const approval = {
    type: 'authorization-approved',
    decision: {
      decision: 'approved',
      actionCode: 'A1',
      certificationNumber: 'CERT-1',
      approvedUnits: 2,
      period: PERIOD,
    },
  };

  it('needs an open request: none, or one already decided, is refused', () => {
    for (const r of [pending(undefined), pending(approved())]) {
      const e = refused(r, approval);
      expect(e.code).toBe('referral.no-open-request');
      expect(e.message).toMatch(/waiting for a decision/);
    }
  });

  it('a pended request can still be decided, and an approval carries no refusal', () => {
    const r = accepted(pending(requested({ decision: 'pended', actionCode: 'A4' })), approval);
    expect(r.status).toBe('authorized');
    expect(r.authorizations[0]).toMatchObject({ decision: 'approved', approvedUnits: 2 });
    expect(r).not.toHaveProperty('refusal');
    const pended = accepted(pending(requested()), {
      type: 'authorization-pended',
      decision: { decision: 'pended', actionCode: 'A4' },
    });
    expect(pended).not.toHaveProperty('refusal');
  });

  it('the event and the decision must agree', () => {
    const e = refused(pending(requested()), {
      type: 'authorization-approved',
      decision: { decision: 'denied', actionCode: 'A3' },
    });
    expect(e.code).toBe('referral.decision-mismatch');
    expect(e.message).toBe(
      'event authorization-approved needs decision approved or partly-approved or modified',
    );
  });

  it('an approval needs the period and the granted units', () => {
    const e = refused(pending(requested()), {
      type: 'authorization-approved',
      decision: { decision: 'approved', actionCode: 'A1', certificationNumber: 'CERT-1', period: PERIOD },
    });
    expect(e.code).toBe('referral.decision-incomplete');
    expect(e.message).toMatch(/validity period and granted units/);
  });
});

describe('answering a refusal', () => {
  const payerDenied = () =>
    referral({
      status: 'denied',
      diagnoses: ['S83241'],
      authorizations: [requested({ decision: 'denied', actionCode: 'A3' })],
      refusal: { by: 'payer', authorization: 'auth-1', reason: { text: 'not specific' } },
    });

  it('an appeal answers a payer denial, with the diagnoses kept when none are sent', () => {
    for (const requestType of ['appeal-immediate', 'appeal-standard']) {
      const r = accepted(payerDenied(), {
        type: 'resubmit',
        request: { ...REQUEST, id: 'auth-2', requestType },
      });
      expect(r.status).toBe('resubmitted');
      expect(r.diagnoses).toEqual(['S83241']);
      // The refusal is answered at once, and the internal flag is not left on the referral.
      expect(r).not.toHaveProperty('refusal');
      expect(r).not.toHaveProperty('clearRefusal');
      expect(r.authorizations[1]).toMatchObject({ id: 'auth-2', requestType, replaces: 'auth-1' });
    }
    const renewal = refused(payerDenied(), {
      type: 'resubmit',
      request: { ...REQUEST, id: 'auth-2', requestType: 'renewal' },
    });
    expect(renewal.code).toBe('referral.request-type');
  });

  it('the messages say what a resubmission needs', () => {
    expect(refused(payerDenied(), { type: 'resubmit' }).message).toMatch(
      /new authorization request or an appeal/,
    );
    const revision = refused(payerDenied(), {
      type: 'resubmit',
      request: { ...REQUEST, id: 'auth-2', requestType: 'revision' },
    });
    expect(revision.message).toMatch(/cannot be revised/);
    const declined = referral({ status: 'denied', refusal: { by: 'specialist', reason: 'full' } });
    expect(refused(declined, { type: 'resubmit' }).message).toMatch(/different receiving provider/);
  });

  it('a denied referral whose refusal was never recorded is answered like a payer denial', () => {
    const r = accepted(referral({ status: 'denied' }), { type: 'resubmit', request: REQUEST });
    expect(r.status).toBe('resubmitted');
  });

  it('a specialist redirect clears the refusal at once', () => {
    const declined = referral({ status: 'denied', refusal: { by: 'specialist', reason: 'full' } });
    const r = accepted(declined, {
      type: 'resubmit',
      receiving: { provider: 'dr-other', specialty: 'orthopedics' },
    });
    expect(r).not.toHaveProperty('refusal');
    expect(r).not.toHaveProperty('clearRefusal');
  });

  it('cancelling a denied referral keeps the refusal on record', () => {
    const r = accepted(payerDenied(), { type: 'cancel', reason: 'patient chose another clinic' });
    expect(r.status).toBe('cancelled');
    expect(r.refusal).toEqual({ by: 'payer', authorization: 'auth-1', reason: { text: 'not specific' } });
  });

  it('send with no history goes to the receiving provider', () => {
    expect(accepted(referral({ status: 'resubmitted' }), { type: 'send' }).status).toBe('submitted');
  });
});

describe('requests after the first', () => {
  it('an expired referral takes a renewal or a revision, each replacing the current one', () => {
    const expired = referral({ status: 'expired', authorizations: [approved()] });
    for (const requestType of ['renewal', 'revision', 'extension']) {
      const r = accepted(expired, {
        type: 'request-authorization',
        request: { ...REQUEST, id: 'auth-2', requestType },
      });
      expect(r.authorizations[1]).toMatchObject({ requestType, replaces: 'auth-1' });
    }
  });

  it('an initial request on a redirected referral replaces nothing', () => {
    const r = referral({ status: 'submitted', authorizations: [requested()] });
    const next = accepted(r, { type: 'request-authorization', request: { ...REQUEST, id: 'auth-2' } });
    expect(next.authorizations[1]).not.toHaveProperty('replaces');
  });

  it('a payer waiver outside pending-authorization leaves earlier requests alone', () => {
    const r = referral({ status: 'submitted', authorizations: [requested()] });
    const next = accepted(r, { type: 'authorization-not-required', source: 'payer' });
    expect(next.status).toBe('authorized');
    expect(next.authorizations).toEqual(r.authorizations);
  });
});

describe('expiry and closing', () => {
  // An authorized referral with its visits as given: expiry derives its reason from them.
  const withVisits = (appointments: readonly Record<string, unknown>[], approvedUnits = 2) =>
    referral({
      status: 'authorized',
      authorizations: [approved({ approvedUnits })],
      appointments,
    });
  const expire = { type: 'expire' };
  const midWindow = '2026-12-20T09:00:00-07:00';

  it('expires as visits-exhausted once the kept visits use up the grant', () => {
    const both = withVisits([
      link('apt-1', '2026-12-01T08:00:00-07:00', 'kept'),
      link('apt-2', '2026-12-03T08:00:00-07:00', 'kept'),
    ]);
    const expired = accepted(both, expire, midWindow);
    expect(expired.status).toBe('expired');
    expect(expired.ending).toEqual({ reason: 'visits-exhausted' });
    const one = withVisits([link('apt-1', '2026-12-01T08:00:00-07:00', 'kept')]);
    const e = refused(one, expire, midWindow);
    expect(e.code).toBe('referral.authorization-still-valid');
    expect(e.message).toBe('the authorization period has not ended and visits are left');
  });

  it('a no-show uses no visit: one granted, missed, then kept, is used up', () => {
    const r = withVisits(
      [
        link('apt-1', '2026-12-01T08:00:00-07:00', 'no-show'),
        link('apt-2', '2026-12-03T08:00:00-07:00', 'kept'),
      ],
      1,
    );
    expect(accepted(r, expire, midWindow).ending).toEqual({ reason: 'visits-exhausted' });
  });

  it('a cancelled appointment uses no visit', () => {
    const r = withVisits([
      link('apt-1', '2026-12-01T08:00:00-07:00', 'kept'),
      link('apt-2', '2026-12-03T08:00:00-07:00', 'cancelled'),
    ]);
    expect(refused(r, expire, midWindow).code).toBe('referral.authorization-still-valid');
  });

  it('validity-ended needs the period over; the reason is the window even with visits used up', () => {
    expect(refused(withVisits([]), expire, midWindow).code).toBe('referral.authorization-still-valid');
    // Visits all unused: the window's end expires it.
    const ended = accepted(withVisits([]), expire, '2027-02-09T00:00:00-07:00');
    expect(ended.ending).toEqual({ reason: 'validity-ended' });
  });

  it('a completed referral (visits used up, awaiting the note) expires only when the window ends', () => {
    const done = referral({
      status: 'completed',
      authorizations: [approved({ approvedUnits: 1 })],
      appointments: [link('apt-1', '2026-12-01T08:00:00-07:00', 'kept')],
    });
    expect(refused(done, expire, midWindow).message).toBe('the authorization period has not ended');
    expect(accepted(done, expire, '2027-02-09T00:00:00-07:00').ending).toEqual({ reason: 'validity-ended' });
  });

  it('without an approved authorization there is nothing to expire', () => {
    const free = referral({ status: 'authorized', authorizationRequired: false });
    expect(refused(free, expire, midWindow).message).toMatch(/nothing to expire/);
  });

  it('an interim note does not stop expiry; the final one does', () => {
    const after = '2027-02-10T09:00:00-07:00';
    const interim = { document: 'doc-1', kind: 'interim', receivedAt: '2026-12-02T10:00:00-07:00' };
    const final = { document: 'doc-2', kind: 'final', receivedAt: '2026-12-04T10:00:00-07:00' };
    expect(
      accepted(
        referral({ status: 'completed', authorizations: [approved()], notes: [interim] }),
        expire,
        after,
      ).status,
    ).toBe('expired');
    const e = refused(
      referral({ status: 'completed', authorizations: [approved()], notes: [interim, final] }),
      expire,
      after,
    );
    expect(e.code).toBe('referral.loop-closed');
    expect(e.message).toMatch(/close the referral instead/);
  });

  it('closing finds the final note among interim ones', () => {
    const notes = [
      { document: 'doc-1', kind: 'interim', receivedAt: '2026-12-02T10:00:00-07:00' },
      { document: 'doc-2', kind: 'final', receivedAt: '2026-12-04T10:00:00-07:00' },
    ];
    expect(accepted(referral({ status: 'completed', notes }), { type: 'close' }).status).toBe('closed');
    const e = refused(referral({ status: 'completed', notes: notes.slice(0, 1) }), { type: 'close' });
    expect(e.message).toMatch(/final consult note \(360X PCC-57\)/);
  });
});

describe('cancel (360X PCC-58; X12 278 UM02 = 3, HCR01 C)', () => {
  const cancel = { type: 'cancel', reason: 'patient request' };
  const withAuth = (auth: Record<string, unknown>) =>
    referral({ status: 'pending-authorization', authorizations: [auth] });

  it('withdraws an open request, requested or pended, without an action code', () => {
    for (const decision of ['requested', 'pended']) {
      const r = accepted(withAuth(requested({ decision })), cancel);
      expect(r.status).toBe('cancelled');
      expect(r.authorizations[0]).toMatchObject({ decision: 'cancelled', decidedAt: T });
      expect(r.authorizations[0]).not.toHaveProperty('actionCode');
    }
  });

  it('the payer’s C confirms any request, open or decided', () => {
    for (const decision of ['requested', 'approved']) {
      const r = accepted(withAuth(approved({ decision })), { ...cancel, byPayer: true });
      expect(r.authorizations[0]).toMatchObject({ decision: 'cancelled', actionCode: 'C' });
    }
  });

  it('an office cancel leaves a decided authorization as it was', () => {
    const r = referral({ status: 'authorized', authorizations: [approved()] });
    for (const event of [cancel, { ...cancel, byPayer: false }]) {
      const next = accepted(r, event);
      expect(next.status).toBe('cancelled');
      expect(next.authorizations).toEqual(r.authorizations);
    }
  });

  it('a referral with no request is simply cancelled', () => {
    expect(accepted(referral(), { ...cancel, byPayer: true }).authorizations).toEqual([]);
  });
});
