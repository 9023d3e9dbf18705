// docs/guides/referrals.md: runs examples/guides/referrals.ts and checks what the guide says it
// prints. Expected values follow the referrals reference (§5 transitions, §7 validity example).
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/referrals.js';
import { quietConsole, right } from './support.js';

describe('referrals.md', () => {
  quietConsole();

  it('parse: a draft with its diagnosis stored without the dot', () => {
    const r = guide.parsing();
    expect(r).toMatchObject({ id: 'ref-1003', status: 'draft', diagnoses: ['S83241'], history: [] });
  });

  it('events: submit moves to submitted; close is refused with the allowed events listed', () => {
    const { referral, wrong } = guide.events();
    expect(referral.status).toBe('submitted');
    expect(referral.history).toHaveLength(1);
    expect(wrong._tag === 'Left' && wrong.left).toMatchObject({
      code: 'referral.invalid-event',
      message: expect.stringMatching(
        /^event close is not allowed in status submitted; allowed: request-authorization, /,
      ),
    });
  });

  it('payer answer: A3 denies; the refusal says the payer, with its text', () => {
    const r = guide.payerAnswer();
    expect(r.status).toBe('denied');
    expect(r.refusal).toEqual({
      by: 'payer',
      authorization: 'auth-1003-1',
      reason: { text: 'Diagnosis code not specific enough' },
    });
  });

  it('denial guidance: S83.241 needs a 7th character (A, D or S); a new initial request', () => {
    const g = guide.fixingDenial();
    expect(g.category).toBe('diagnosis-specificity');
    // ICD-10-CM chapter 19 (S codes) take a 7th character: A initial, D subsequent, S sequela.
    expect(g.diagnosisFindings[0]).toMatchObject({
      problem: 'icd10.seventh-character',
      candidates: ['S83241A', 'S83241D', 'S83241S'],
    });
    expect(g.nextRequest).toBe('initial');
  });

  it('resubmit + A2: authorized with 6 of 12 visits, the denied request kept as it was', () => {
    const r = guide.approved();
    expect(r.status).toBe('authorized');
    expect(r.diagnoses).toEqual(['S83241A']);
    expect(r.authorizations.map((a) => [a.id, a.decision, a.requestedUnits, a.approvedUnits])).toEqual([
      ['auth-1003-1', 'denied', 12, undefined], // 1 + 1 + 10 requested
      ['auth-1003-2', 'partly-approved', 12, 6],
    ]);
    expect(r.history.map((h) => h.to)).toEqual([
      'submitted',
      'pending-authorization',
      'denied',
      'resubmitted',
      'pending-authorization',
      'authorized',
    ]);
  });

  it('validity: 4 kept of 6 granted, 2 left, 8 days left, the March visit needs an extension', () => {
    const s = right(guide.validity());
    // Kept: 12-08, 01-05, 02-02, 02-16 = 4 (the 12-15 no-show does not count); 6 - 4 = 2.
    // 2027-02-20 to the last valid day 2027-02-28 = 8 days; 03-02 is after the window.
    expect(s).toMatchObject({ granted: 6, used: 4, remaining: 2, window: 'inside', daysLeft: 8 });
    expect(s.needs).toEqual(['extension']);
    expect(s.visits.map((v) => v.coverage)).toEqual([
      'covered',
      'not-kept',
      'covered',
      'covered',
      'covered',
      'outside-window',
    ]);
  });

  it('worklist: authorized and not scheduled, due 7 days after the answer, 3 days overdue', () => {
    const [item, ...rest] = guide.worklist();
    expect(rest).toEqual([]);
    // Answer 2026-11-26 09:00 + 7 days = 12-03 09:00; at 12-07 08:00 that is 3 d 23 h late.
    expect(item).toMatchObject({
      patient: 'pat-003',
      reason: 'authorized-not-scheduled',
      owner: 'referral-coordinator',
      dueAt: '2026-12-03T09:00:00-05:00',
      overdueMs: (3 * 24 + 23) * 3_600_000,
      overdueDays: 3,
    });
  });

  it('fhir: ServiceRequest active, Task accepted with businessStatus authorized, and back', () => {
    const { serviceRequest, task, back } = guide.fhir();
    expect(serviceRequest.status).toBe('active');
    expect(task.status).toBe('accepted');
    expect(task.businessStatus?.text).toBe('authorized');
    expect(right(back).status).toBe('authorized');
  });

  it('physical therapy x 12: authorized after each of the first 11 kept visits, completed at the 12th, then closed', () => {
    const { referral, statuses } = guide.physicalTherapy();
    // Reference §6.1: a multi-visit authorization stays active while visits remain and the
    // window is open; the last approved visit kept moves it to completed; the report closes it.
    expect(statuses).toEqual([...Array.from({ length: 11 }, () => 'authorized'), 'completed']);
    expect(referral.status).toBe('closed');
    // 12 kept; the week-3 no-show and the week-8 cancellation were not counted (§7 rule 1).
    const count = (s: string) => referral.appointments.filter((a) => a.status === s).length;
    expect([count('kept'), count('no-show'), count('cancelled')]).toEqual([12, 1, 1]);
    // submit, request, A1; 14 bookings and their 14 outcomes; interim, final note; close.
    expect(referral.history).toHaveLength(3 + 14 + 14 + 2 + 1);
  });
});
