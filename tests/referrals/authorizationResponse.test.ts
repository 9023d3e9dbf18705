// One case per X12 278 HCR01 code (reference/referrals.md §3.1 mapping column).
import { describe, expect, it } from 'vitest';
import { isErr, isOk } from '../../src/core/index.js';
import { applyAuthorizationResponse, type Referral } from '../../src/referrals/index.js';
import { at, pendingAuthorization, referral, response, run } from './fixtures.js';

const PERIOD = { start: '2026-11-10', end: '2027-02-08', zone: 'America/Denver' };
const RECEIVED = '2026-11-10T08:00:00-07:00';

const pending = pendingAuthorization;

const apply = (input: Record<string, unknown>, from: Referral = pending()): Referral => {
  const r = applyAuthorizationResponse(from, response({ ...input }), at(RECEIVED));
  if (!isOk(r)) throw new Error(r.left.message);
  return r.right;
};

const latest = (r: Referral) => r.authorizations[r.authorizations.length - 1];

describe('applyAuthorizationResponse: HCR01 codes', () => {
  it('A1 certified in total: authorized, every requested unit granted (1 MRI + 1 consult = 2)', () => {
    const r = apply({ actionCode: 'A1', certificationNumber: 'CERT-1', period: PERIOD });
    expect(r.status).toBe('authorized');
    expect(latest(r)).toMatchObject({
      decision: 'approved',
      actionCode: 'A1',
      certificationNumber: 'CERT-1',
      approvedUnits: 2,
      period: PERIOD,
      decidedAt: RECEIVED,
    });
    expect(latest(r)?.items.map((i) => [i.procedure, i.decision, i.approvedUnits])).toEqual([
      ['73721', 'approved', 1],
      ['99204', 'approved', 1],
    ]);
  });

  it('A2 partial: authorized, keeping requested vs granted', () => {
    const r = apply({
      actionCode: 'A2',
      certificationNumber: 'CERT-2',
      approvedUnits: 1,
      period: PERIOD,
      items: [
        { procedure: '73721', actionCode: 'A1', approvedUnits: 1 },
        { procedure: '99204', actionCode: 'A3', approvedUnits: 0 },
      ],
    });
    expect(r.status).toBe('authorized');
    expect(latest(r)).toMatchObject({ decision: 'partly-approved', requestedUnits: 2, approvedUnits: 1 });
    expect(latest(r)?.items.map((i) => [i.decision, i.actionCode, i.approvedUnits])).toEqual([
      ['approved', 'A1', 1],
      ['denied', 'A3', 0],
    ]);
  });

  it('A2 and A6 must say what they grant; A1 must give the period', () => {
    for (const input of [
      { actionCode: 'A2', period: PERIOD },
      { actionCode: 'A6', period: PERIOD },
      { actionCode: 'A1' },
    ]) {
      const r = applyAuthorizationResponse(pending(), response({ ...input }), at(RECEIVED));
      expect(isErr(r) && r.left.code).toBe('referral.decision-incomplete');
    }
  });

  it('A6 modified: authorized with the payer modified dates and units (PAS: asked 5, given 3)', () => {
    const r = apply({ actionCode: 'A6', certificationNumber: 'CERT-6', approvedUnits: 3, period: PERIOD });
    expect(r.status).toBe('authorized');
    expect(latest(r)).toMatchObject({ decision: 'modified', actionCode: 'A6', approvedUnits: 3 });
  });

  it('A3 not certified: denied, with the HCR03 code, CARC and text kept as the payer reason', () => {
    const r = apply({
      actionCode: 'A3',
      reasonCode: '0U',
      carc: '146',
      reasonText: 'Diagnosis not specific',
    });
    expect(r.status).toBe('denied');
    expect(latest(r)).toMatchObject({ decision: 'denied', actionCode: 'A3' });
    expect(r.refusal).toEqual({
      by: 'payer',
      authorization: 'auth-1',
      reason: { code: '0U', carc: '146', text: 'Diagnosis not specific' },
    });
  });

  it('A4 pended, then CT contact payer: stays pending with the administration reference; then A1', () => {
    const pended = apply({ actionCode: 'A4', administrationReference: 'PEND0001' });
    expect(pended.status).toBe('pending-authorization');
    expect(latest(pended)).toMatchObject({
      decision: 'pended',
      actionCode: 'A4',
      administrationReference: 'PEND0001',
    });
    const contact = apply({ actionCode: 'CT' }, pended);
    expect(contact.status).toBe('pending-authorization');
    expect(latest(contact)).toMatchObject({ decision: 'pended', actionCode: 'CT' });
    const approved = apply({ actionCode: 'A1', certificationNumber: 'CERT-1', period: PERIOD }, contact);
    expect(approved.status).toBe('authorized');
    expect(approved.history.map((h) => h.event.type).slice(-3)).toEqual([
      'authorization-pended',
      'authorization-pended',
      'authorization-approved',
    ]);
  });

  it('C cancelled: the referral is cancelled and the request marked C', () => {
    const r = apply({ actionCode: 'C' });
    expect(r.status).toBe('cancelled');
    expect(latest(r)).toMatchObject({ decision: 'cancelled', actionCode: 'C' });
  });

  it('NA no action required: authorized, the request marked not required; scheduling needs no window', () => {
    const r = apply({ actionCode: 'NA' });
    expect(r.status).toBe('authorized');
    expect(latest(r)).toMatchObject({ decision: 'not-required', actionCode: 'NA' });
    const booked = run(r, [
      [
        '2026-11-11T09:00:00-07:00',
        { type: 'schedule', appointment: 'apt-1', start: '2028-01-01T09:00:00-07:00' },
      ],
    ]);
    expect(booked.status).toBe('scheduled');
  });

  it('NA straight after submit (payer rules say none needed): authorized without a request', () => {
    const submitted = run(referral(), [['2026-11-03T09:00:00-05:00', { type: 'submit' }]]);
    const r = apply({ actionCode: 'NA' }, submitted);
    expect(r.status).toBe('authorized');
    expect(r.authorizations).toEqual([]);
  });

  it('refuses a response to an older request, and a decision when none is awaited', () => {
    const old = applyAuthorizationResponse(
      pending(),
      response({ authorization: 'auth-0', actionCode: 'A1', period: PERIOD }),
      at(RECEIVED),
    );
    expect(isErr(old) && old.left.code).toBe('referral.decision-mismatch');
    const authorized = apply({ actionCode: 'A1', certificationNumber: 'CERT-1', period: PERIOD });
    const again = applyAuthorizationResponse(authorized, response({ actionCode: 'A3' }), at(RECEIVED));
    expect(isErr(again) && again.left.code).toBe('referral.invalid-event');
    const draft = applyAuthorizationResponse(
      referral(),
      response({ actionCode: 'A1', period: PERIOD }),
      at(RECEIVED),
    );
    expect(isErr(draft) && draft.left.code).toBe('referral.invalid-event');
  });
});
