// read277: every public 277 and 277CA sample, expectations read off the files by hand
// (STC composites, TRN*2, REF*1K/EJ/D9, DTP*472, SVC) and the category groups of reference §8.2-8.3.
import { describe, expect, it } from 'vitest';
import { read277, statusCategoryGroup, type ClaimStatusFile } from '../../src/billing/index.js';
import { dataFile, dataFiles } from '../support/testData.js';

const read = (name: string): ClaimStatusFile => {
  const r = read277(dataFile(`x12/277/${name}`));
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('read277 on the public samples', () => {
  it('reads every sample', () => {
    for (const f of dataFiles('x12/277')) {
      const r = read277(dataFile(`x12/277/${f}`));
      expect(r._tag, f).toBe('Right');
    }
  });

  it('277CA accepted: A1:20 for the batch, A2:20 for the claim (wait for the 835)', () => {
    const f = read('imsweb__x12-parser__x12_277CA_accepted.txt');
    expect(f.notes).toEqual([]);
    const [t] = f.responses;
    expect(t?.kind).toBe('acknowledgement');
    expect(t?.payer).toEqual({ name: 'NYSDOH', id: '141797357' });
    const receiver = t?.batches.find((b) => b.level === '21');
    expect(receiver?.trace).toBe('000000674');
    expect(receiver?.reports[0]?.statuses).toEqual([{ category: 'A1', group: 'accepted', code: '20' }]);
    expect(receiver?.accepted).toEqual({ count: 1, amount: 12500 });
    expect(t?.claims).toHaveLength(1);
    const c = t?.claims[0];
    expect(c?.level).toBe('PT');
    expect(c?.trace).toBe('5781'); // CLM01 echoed in TRN*2
    expect(c?.payerClaimNumber).toBe('1107000000014420');
    expect(c?.acknowledgement).toBe('accepted');
    expect(c?.reports[0]).toMatchObject({
      statuses: [{ category: 'A2', code: '20' }],
      date: '2011-03-11',
      action: 'WQ',
      charge: 12500,
    });
    // DTP*472*D8*10010101 is year 1001: a real calendar date, kept as sent.
    expect(c?.serviceDates).toEqual({ start: '1001-01-01', end: '1001-01-01' });
  });

  it('277CA rejected: A7:562:85 (invalid billing provider NPI) read through the | component separator', () => {
    const c = read('imsweb__x12-parser__x12_277CA_rejected.txt').responses[0]?.claims[0];
    expect(c?.acknowledgement).toBe('rejected');
    expect(c?.reports[0]?.statuses).toEqual([
      { category: 'A7', group: 'rejected', code: '562', entity: '85' },
    ]);
    expect(c?.trace).toBe('3920394930203');
    expect(c?.reports[0]?.charge).toBe(19914);
  });

  it('277 claim status: pending P3, finalized F0 with payment, a denied dependent’s claim and line', () => {
    const f = read('LinuxForHealth__x12__claim-level-status.277');
    const [t] = f.responses;
    expect(t?.kind).toBe('status');
    // HL 22 MANN JOHN has its claim under HL 23: three claims, not four.
    expect(
      t?.claims.map((c) => [c.level, c.trace, c.acknowledgement, c.accountNumber, c.payerClaimNumber]),
    ).toEqual([
      ['22', 'ABCXYZ1', 'pending', 'SM123456', '05347006051'],
      ['22', 'ABCXYZ2', 'finalized', 'J0234567', '0529675341'],
      ['23', 'ABCXYC3', 'finalized', 'MA345678', '051681010827'],
    ]);
    const [pending, paid, denied] = t?.claims ?? [];
    expect(pending?.reports[0]).toMatchObject({
      statuses: [{ category: 'P3', code: '317' }],
      date: '2005-09-13',
      charge: 851388,
    });
    expect(pending?.serviceDates).toEqual({ start: '2005-08-31', end: '2005-09-06' });
    expect(paid?.reports[0]).toMatchObject({
      statuses: [{ category: 'F0', code: '3' }],
      charge: 759900,
      paid: 759900,
    });
    expect(denied?.reports[0]?.statuses).toEqual([
      { category: 'F2', group: 'finalized', code: '88', entity: 'QC' },
    ]);
    expect(denied?.lines).toEqual([
      {
        procedure: ['HC', '99203'],
        charge: 15000,
        paid: 0,
        units: 1,
        serviceDates: { start: '2005-05-01', end: '2005-05-01' },
        reports: [
          {
            statuses: [{ category: 'F2', group: 'finalized', code: '88', entity: 'QC' }],
            date: '2005-06-12',
            segmentIndex: expect.any(Number),
          },
        ],
        segmentIndex: expect.any(Number),
      },
    ]);
  });

  it('NCPDP reject codes keep their code list qualifier (STC01-4 RX)', () => {
    const c = read('LinuxForHealth__x12__claim-level-status-ncpdp.277').responses[0]?.claims[0];
    expect(c?.reports[0]?.statuses).toEqual([
      { category: 'F2', group: 'finalized', code: '80', codeList: 'RX' },
    ]);
    expect(c?.reports[0]).toMatchObject({ charge: 8500, paid: 0 });
  });

  it('statuses above claim level: E0 for the receiver, E0:24:85 for a provider', () => {
    const receiver = read('LinuxForHealth__x12__information-receiver-level-status.277').responses[0];
    expect(receiver?.claims).toEqual([]);
    expect(receiver?.batches.find((b) => b.level === '21')?.reports[0]?.statuses).toEqual([
      { category: 'E0', group: 'response-not-possible', code: '0' },
    ]);
    const provider = read('LinuxForHealth__x12__provider-level-status.277').responses[0];
    expect(provider?.claims).toHaveLength(1);
    expect(
      provider?.batches.filter((b) => b.level === '19').map((b) => b.reports.map((r) => r.statuses)),
    ).toEqual([[], [[{ category: 'E0', group: 'response-not-possible', code: '24', entity: '85' }]]]);
  });

  it('a multi-claim unsolicited 277 and a P5 hold with mismatched control numbers (a warning)', () => {
    const multi = read('imsweb__x12-parser__x12_277_x212.txt').responses[0];
    expect(multi?.claims.length).toBeGreaterThan(3);
    expect(
      multi?.claims
        .slice(0, 2)
        .map((c) => [c.trace, c.accountNumber, c.clearinghouseTrace, c.reports[0]?.text]),
    ).toEqual([
      ['0000001', '12345', '12345', 'PAYER ACKNOWLEDGED RECEIPT OF THE CLAIM'],
      ['0000002', '12346', '12346', 'PAYER ACKNOWLEDGED RECEIPT OF THE CLAIM'],
    ]);
    const hold = read('irobayna__stupidedi__X212-HR277-pass-1.era');
    expect(hold.responses[0]?.claims[0]?.reports[0]?.statuses[0]).toEqual({
      category: 'P5',
      group: 'pending',
      code: '3',
    });
    expect(hold.notes.map((n) => n.code)).toContain('x12.control-mismatch');
  });
});

describe('read277 on bad input', () => {
  it('never throws and says what it could not read, naming segment and element, never the value', () => {
    for (const input of [null, 42, '', 'ISA*', 'ISA*00*'.padEnd(120, '*') + '~IEA*1*1~']) {
      const r = read277(input);
      expect(r._tag).toBe('Left');
    }
    const text = dataFile('x12/277/LinuxForHealth__x12__claim-level-status.277').replace(
      'STC*F0:3*20050915**7599.00*7599.00',
      'STC*F0:3*2005X915**75Z9.00*7599.00',
    );
    const r = read277(text);
    if (r._tag === 'Left') throw new Error(r.left.message);
    const notes = r.right.notes.filter((n) => n.segment === 'STC');
    expect(notes.map((n) => [n.code, n.element])).toEqual([
      ['billing.bad-date', 2],
      ['billing.bad-amount', 4],
    ]);
    expect(JSON.stringify(notes)).not.toContain('75Z9');
  });
});

describe('statusCategoryGroup', () => {
  it('groups the category codes of reference §8.2 and marks others unknown', () => {
    expect(['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map(statusCategoryGroup)).toEqual([
      'forwarded',
      'accepted',
      'accepted',
      'rejected',
      'not-found',
      'split',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(['P0', 'P5', 'F0', 'F3F', 'F4', 'R0', 'R16', 'E4', 'D0'].map(statusCategoryGroup)).toEqual([
      'pending',
      'pending',
      'finalized',
      'finalized',
      'finalized',
      'information-requested',
      'information-requested',
      'response-not-possible',
      'response-not-possible',
    ]);
    expect(['P6', 'R17', 'F5', '__proto__', ''].map(statusCategoryGroup)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});
