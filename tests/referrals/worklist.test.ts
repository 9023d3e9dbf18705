// A realistic mixed queue on Monday 2026-11-23 08:00 in New York (EST, -05:00 throughout, so
// every due time below is plain arithmetic). Expected order and overdue days computed by hand.
import { describe, expect, it } from 'vitest';
import type { IanaZone } from '../../src/core/index.js';
import {
  DEFAULT_REFERRAL_WORKLIST_DAYS,
  referralWorklist,
  type Referral,
  type ReferralWorkItem,
} from '../../src/referrals/index.js';
import { REQUEST, at, referral, run } from './fixtures.js';

const NY = 'America/New_York' as IanaZone;
const POLICY = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: NY };
const NOW = at('2026-11-23T08:00:00-05:00');
const LONG = { start: '2026-11-01', end: '2027-02-20', zone: NY };
const SHORT = { start: '2026-11-01', end: '2026-12-01', zone: NY };

type Step = readonly [string, Record<string, unknown>];
const make = (id: string, priority: string, created: string, steps: readonly Step[]): Referral =>
  run(referral({ id, priority, createdAt: created }), steps);
// A single consult: one visit requested and granted, so the kept visit completes the referral.
const CONSULT = { ...REQUEST, items: [{ procedure: '99204', requestedUnits: 1 }] };
const requested = (t: string): Step[] => [
  [t, { type: 'submit' }],
  [t, { type: 'request-authorization', request: CONSULT }],
];
const approved = (t: string, period: object): Step => [
  t,
  {
    type: 'authorization-approved',
    decision: { decision: 'approved', certificationNumber: 'CERT-1', approvedUnits: 1, period },
  },
];
const booked = (t: string, start: string): Step => [t, { type: 'schedule', appointment: 'apt-1', start }];
const kept = (t: string): Step => [t, { type: 'visit-kept', appointment: 'apt-1' }];

const QUEUE: readonly Referral[] = [
  // A: routine draft since 11-16 10:00; due +2 d = 11-18 10:00; overdue 4 d 22 h.
  make('ref-a', 'routine', '2026-11-16T10:00:00-05:00', []),
  // B: stat draft since 11-22 09:00; stat cap 1 d → due 11-23 09:00; not yet due.
  make('ref-b', 'stat', '2026-11-22T09:00:00-05:00', []),
  // C: pended 11-17 14:00; due +3 d = 11-20 14:00; overdue 2 d 18 h.
  make('ref-c', 'routine', '2026-11-16T09:00:00-05:00', [
    ...requested('2026-11-16T09:00:00-05:00'),
    ['2026-11-17T14:00:00-05:00', { type: 'authorization-pended', decision: { decision: 'pended' } }],
  ]),
  // D: urgent, denied 11-19 11:00; due +2 d = 11-21 11:00; overdue 1 d 21 h.
  make('ref-d', 'urgent', '2026-11-18T09:00:00-05:00', [
    ...requested('2026-11-18T09:00:00-05:00'),
    ['2026-11-19T11:00:00-05:00', { type: 'authorization-denied', decision: { decision: 'denied' } }],
  ]),
  // E: authorized 11-20 10:00, long window; due +7 d = 11-27 10:00.
  make('ref-e', 'routine', '2026-11-19T09:00:00-05:00', [
    ...requested('2026-11-19T09:00:00-05:00'),
    approved('2026-11-20T10:00:00-05:00', LONG),
  ]),
  // F: authorized 11-05 10:00, window ends 12-01; unscheduled due 11-12 10:00 is earlier than the
  // expiry (12-01 00:00), so it stays "not scheduled"; overdue 10 d 22 h.
  make('ref-f', 'routine', '2026-11-04T09:00:00-05:00', [
    ...requested('2026-11-04T09:00:00-05:00'),
    approved('2026-11-05T10:00:00-05:00', SHORT),
  ]),
  // G: booked for 11-30 09:00 (visit due 12-01 09:00) under a window ending 12-01: 8 days away
  // (≤ 14), so the expiry item (12-01 00:00) comes first; not yet due.
  make('ref-g', 'routine', '2026-11-09T09:00:00-05:00', [
    ...requested('2026-11-09T09:00:00-05:00'),
    approved('2026-11-10T10:00:00-05:00', SHORT),
    booked('2026-11-10T10:05:00-05:00', '2026-11-30T09:00:00-05:00'),
  ]),
  // H: seen 11-05 15:00, no consult note; due +14 d = 11-19 15:00; overdue 3 d 17 h.
  make('ref-h', 'routine', '2026-10-28T09:00:00-05:00', [
    ...requested('2026-10-28T09:00:00-05:00'),
    approved('2026-10-29T10:00:00-05:00', LONG),
    booked('2026-10-29T10:05:00-05:00', '2026-11-05T14:00:00-05:00'),
    kept('2026-11-05T15:00:00-05:00'),
  ]),
  // I: stat, seen 11-21 10:00; note due next day 11-22 10:00; overdue 22 h.
  make('ref-i', 'stat', '2026-11-19T09:00:00-05:00', [
    ...requested('2026-11-19T09:00:00-05:00'),
    approved('2026-11-19T12:00:00-05:00', LONG),
    booked('2026-11-19T12:05:00-05:00', '2026-11-21T09:00:00-05:00'),
    kept('2026-11-21T10:00:00-05:00'),
  ]),
  // K: visit 11-20 09:00 with no outcome recorded; due 11-21 09:00; overdue 1 d 23 h.
  make('ref-k', 'routine', '2026-11-09T09:00:00-05:00', [
    ...requested('2026-11-09T09:00:00-05:00'),
    approved('2026-11-10T10:00:00-05:00', LONG),
    booked('2026-11-10T10:05:00-05:00', '2026-11-20T09:00:00-05:00'),
  ]),
  // Closed and cancelled referrals are not work.
  make('ref-closed', 'routine', '2026-10-01T09:00:00-05:00', [
    ...requested('2026-10-01T09:00:00-05:00'),
    approved('2026-10-02T10:00:00-05:00', LONG),
    booked('2026-10-02T10:05:00-05:00', '2026-11-03T09:00:00-05:00'),
    kept('2026-11-03T10:00:00-05:00'),
    ['2026-11-04T10:00:00-05:00', { type: 'consult-note-received', document: 'doc-9', kind: 'final' }],
    ['2026-11-04T10:05:00-05:00', { type: 'close' }],
  ]),
  make('ref-cancelled', 'routine', '2026-11-01T09:00:00-05:00', [
    ['2026-11-02T09:00:00-05:00', { type: 'cancel', reason: 'patient moved' }],
  ]),
];

const H = 3_600_000;
const D = 24 * H;

describe('referralWorklist', () => {
  const list = referralWorklist(QUEUE, NOW, POLICY);

  it('orders overdue work first (stat, urgent, routine; most overdue first), then by due time', () => {
    expect(list.map((i) => i.referral)).toEqual([
      'ref-i', // stat, 22 h
      'ref-d', // urgent, 1 d 21 h
      'ref-f', // routine, 10 d 22 h
      'ref-a', // 4 d 22 h
      'ref-h', // 3 d 17 h
      'ref-c', // 2 d 18 h
      'ref-k', // 1 d 23 h
      'ref-b', // due 11-23 09:00
      'ref-e', // due 11-27 10:00
      'ref-g', // due 12-01 00:00
    ]);
  });

  it('says why, what, who and how overdue', () => {
    const by = new Map<string, ReferralWorkItem>(list.map((i) => [i.referral, i]));
    expect(by.get('ref-i')).toMatchObject({
      reason: 'open-loop',
      owner: 'receiving-provider',
      overdueMs: 22 * H,
      overdueDays: 0,
    });
    expect(by.get('ref-d')).toMatchObject({
      reason: 'denied-awaiting-amendment',
      owner: 'referring-provider',
      overdueMs: D + 21 * H,
      overdueDays: 1,
    });
    expect(by.get('ref-f')).toMatchObject({
      reason: 'authorized-not-scheduled',
      owner: 'referral-coordinator',
      overdueMs: 10 * D + 22 * H,
      overdueDays: 10,
    });
    expect(by.get('ref-a')).toMatchObject({
      reason: 'unsubmitted',
      dueAt: '2026-11-18T10:00:00-05:00',
      overdueDays: 4,
    });
    expect(by.get('ref-h')).toMatchObject({ reason: 'open-loop', overdueMs: 3 * D + 17 * H });
    expect(by.get('ref-c')).toMatchObject({
      reason: 'awaiting-payer',
      owner: 'payer',
      overdueMs: 2 * D + 18 * H,
    });
    expect(by.get('ref-k')).toMatchObject({
      reason: 'awaiting-visit',
      dueAt: '2026-11-21T09:00:00-05:00',
      overdueMs: D + 23 * H,
    });
    expect(by.get('ref-b')).toMatchObject({
      reason: 'unsubmitted',
      dueAt: '2026-11-23T09:00:00-05:00',
      overdueMs: 0,
    });
    expect(by.get('ref-g')).toMatchObject({
      reason: 'authorization-expiring',
      dueAt: '2026-12-01T00:00:00-05:00',
      overdueMs: 0,
    });
    expect(by.get('ref-g')?.action).toContain('extension');
  });

  it('treats a specialist decline and a finished loop as their own work', () => {
    const declined = make('ref-x', 'routine', '2026-11-20T09:00:00-05:00', [
      ['2026-11-20T09:00:00-05:00', { type: 'submit' }],
      ['2026-11-20T12:00:00-05:00', { type: 'specialist-declined', reason: 'outside scope' }],
    ]);
    const noted = run(QUEUE[7] as Referral, [
      ['2026-11-22T10:00:00-05:00', { type: 'consult-note-received', document: 'doc-2', kind: 'final' }],
    ]);
    const items = referralWorklist([declined, noted], NOW, POLICY);
    expect(items.map((i) => [i.referral, i.reason])).toEqual([
      ['ref-x', 'declined-by-specialist'], // 11-20 12:00 + 2 d = 11-22 12:00: overdue
      ['ref-h', 'ready-to-close'], // 11-22 10:00 + 1 d = 11-23 10:00: not yet due
    ]);
  });

  it('an appointment booked after the window makes the expiry due now', () => {
    // The schedule guard refuses such a booking, but stored data or a window shortened by the
    // payer can hold one: the link is added by hand here.
    const g = QUEUE[6] as Referral;
    const late = {
      ...g,
      appointments: [
        ...g.appointments,
        { ...g.appointments[0]!, appointment: 'apt-2' as never, start: at('2026-12-15T09:00:00-05:00') },
      ],
    };
    const [item] = referralWorklist([late], NOW, POLICY);
    expect(item).toMatchObject({ reason: 'authorization-expiring', dueAt: '2026-11-23T08:00:00-05:00' });
  });

  it('keeps fractional step days to the millisecond', () => {
    // 1e-7 days is 8.64 ms: due 9 ms after the draft was created (rounded half up).
    const policy = { ...POLICY, days: { ...POLICY.days, unsubmitted: 1e-7 } };
    const [item] = referralWorklist([QUEUE[0] as Referral], NOW, policy);
    expect(item?.dueAt).toBe('2026-11-16T10:00:00.009-05:00');
    expect(item?.overdueMs).toBe(Date.parse('2026-11-23T13:00:00Z') - Date.parse('2026-11-16T15:00:00.009Z'));
  });

  it('asks to rebook a cancelled or missed visit, due two days after it was called off', () => {
    const cancelled = run(QUEUE[9] as Referral, [
      // K's visit of 11-20 09:00 was called off on 11-19 16:00: 11-19 16:00 + 2 d = 11-21 16:00.
      ['2026-11-19T16:00:00-05:00', { type: 'appointment-cancelled', appointment: 'apt-1' }],
    ]);
    const [item] = referralWorklist([cancelled], NOW, POLICY);
    expect(item).toMatchObject({
      status: 'authorized',
      reason: 'rebook-visit',
      owner: 'referral-coordinator',
      dueAt: '2026-11-21T16:00:00-05:00',
      overdueMs: D + 16 * H,
    });
    expect(item?.action).toMatch(/rebook/);
  });

  it('a denial not pursued leaves the list', () => {
    const dropped = run(QUEUE[3] as Referral, [
      ['2026-11-20T09:00:00-05:00', { type: 'not-pursued', reason: 'patient declined the MRI' }],
    ]);
    expect(referralWorklist([dropped], NOW, POLICY)).toEqual([]);
  });

  it('an expired referral whose report came in afterwards is ready to close', () => {
    // H was seen 11-05 inside a window that ends 12-01 (SHORT): expired 12-02, report 12-03.
    const h = make('ref-h2', 'routine', '2026-10-28T09:00:00-05:00', [
      ...requested('2026-10-28T09:00:00-05:00'),
      approved('2026-10-29T10:00:00-05:00', SHORT),
      booked('2026-10-29T10:05:00-05:00', '2026-11-05T14:00:00-05:00'),
      kept('2026-11-05T15:00:00-05:00'),
      ['2026-12-02T09:00:00-05:00', { type: 'expire' }],
      ['2026-12-03T09:00:00-05:00', { type: 'consult-note-received', document: 'doc-3', kind: 'final' }],
    ]);
    const [item] = referralWorklist([h], at('2026-12-03T12:00:00-05:00'), POLICY);
    expect(item).toMatchObject({
      status: 'expired',
      reason: 'ready-to-close',
      dueAt: '2026-12-04T09:00:00-05:00',
    });
  });

  it('shows a partial approval (A2: fewer visits than requested)', () => {
    const partial = make('ref-p', 'routine', '2026-11-19T09:00:00-05:00', [
      ['2026-11-19T09:00:00-05:00', { type: 'submit' }],
      [
        '2026-11-19T09:00:00-05:00',
        {
          type: 'request-authorization',
          request: { ...REQUEST, items: [{ procedure: '97110', requestedUnits: 12 }] },
        },
      ],
      [
        '2026-11-20T10:00:00-05:00',
        {
          type: 'authorization-approved',
          decision: { decision: 'partly-approved', certificationNumber: 'C', approvedUnits: 6, period: LONG },
        },
      ],
    ]);
    const items = referralWorklist([partial, QUEUE[4] as Referral], NOW, POLICY);
    expect(items.map((i) => [i.referral, i.partialApproval])).toEqual([
      ['ref-e', false],
      ['ref-p', true],
    ]);
  });
});
