// docs/guides/billing.md: runs examples/guides/billing.ts and checks what the guide says it gives.
// The 835 amounts are hand-balanced in the example (ACME: 200 − 45 − 21 − 50 = 84 and
// 280 − 80 − 88 = 112, BPR 196; Medicare: 150 − 59.17 − 18.17 = 72.66).
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/billing.js';
import { quietConsole } from './support.js';

describe('billing.md', () => {
  quietConsole();

  it('claims: payer order, subscriber and patient loops, filing indicators', () => {
    const { doe, rivera, park } = guide.claims();
    expect([doe.payer.id, doe.payerResponsibility, doe.filingIndicator, doe.patient]).toEqual([
      '60054',
      'P',
      '12',
      undefined,
    ]);
    expect(rivera.payer.id).toBe('60054'); // her own plan first (NAIC non-dependent)
    expect(rivera.otherPayers?.map((p) => [p.id, p.responsibility, p.relationship])).toEqual([
      ['77777', 'S', '01'],
    ]);
    expect([park.payer.id, park.filingIndicator, park.otherPayers?.[0]?.id]).toEqual([
      'MCR01',
      'MB',
      'MG001',
    ]);
    expect([doe.totalCharge, rivera.totalCharge, park.totalCharge]).toEqual([20000, 28000, 15000]);
  });

  it('scrub: E27 on the strep test pointer, clean once the fever is coded', () => {
    const { failed, passed } = guide.scrubbing();
    expect(failed.map((e) => [e.edit, e.field])).toEqual([['E27', 'lines.1.pointers']]);
    expect(passed).toEqual([]);
  });

  it('send: one interchange with three claims', () => {
    const { text } = guide.sending();
    expect(text.match(/~CLM\*/g)).toHaveLength(3);
  });

  it('post: both 835s balance; a denial to appeal; shares to the patient, the next payer, crossed over', () => {
    const { balanced, denials, shares, posted } = guide.posting();
    expect(balanced).toEqual([true, true]);
    expect(denials.map((d) => [d.claimId, d.reasons, d.amount, d.nextStep])).toEqual([
      ['DEMO-A', ['197'], 5000, 'appeal'],
    ]);
    expect(shares).toEqual([
      ['DEMO-A', 'patient'],
      ['DEMO-B', 'next-payer'],
      ['DEMO-C', 'crossed-over'],
    ]);
    expect(posted.map((p) => p.totals.netPayment)).toEqual([19600, 7266]);
  });

  it('secondary: to BETA CARE with ACME paid $112.00; Park refused as crossed over', () => {
    const { next, refused } = guide.secondary();
    expect(next.payer).toEqual({ id: '77777', name: 'BETA CARE' });
    expect(next.priorPayers?.[0]?.paid).toBe(11200);
    expect(next.patient?.relationship).toBe('01');
    expect(refused._tag === 'Left' && refused.left.code).toBe('billing.crossed-over');
  });

  it('fhir: the claim back from R4, each 835 claim as a response and an EOB, a response posted again', () => {
    const { claimBack, responses, eobs, strep, reposted } = guide.fhir();
    expect(claimBack.id).toBe('DEMO-A');
    expect(responses.map((r) => r.request?.identifier?.value)).toEqual(['DEMO-A', 'DEMO-B']);
    expect(eobs).toHaveLength(2);
    expect(strep).toEqual(['submitted', 'benefit', 'denied']);
    expect(reposted).toBe(11200); // CLP*DEMO-B*1*280*112: 280 − 80 − 88
  });

  it('statements: only the balance past 30 days goes out', () => {
    expect(guide.statements()).toEqual(['acct-004: $35.00 (49 days)']);
  });
});
