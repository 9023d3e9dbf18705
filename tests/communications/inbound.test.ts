// readReply against the reference (§1.3 "YES" is an opt-in keyword at Twilio; §6 carlos #3842:
// resolve the sender number to exactly one patient, otherwise queue for staff, record STOP as a
// consent change with the inbound message as evidence, never auto-opt-in without a policy
// decision; §7 edge cases 16, 17 and 18). Expected values are read from those sentences.
import { describe, expect, it } from 'vitest';
import { readReply, type InboundReply, type ReplyOutcome } from '../../src/communications/inbound.js';
import { planReminders } from '../../src/communications/reminders.js';
import type { PatientContact } from '../../src/communications/model.js';
import { PhoneE164Schema } from '../../src/records/phone.js';
import type { IsoInstant } from '../../src/core/calendar.js';
import { appt, contact, instant, rules } from './fixtures.js';

// Exchange 555 outside the block reserved for fiction (555-0100..0199, NANPA): planReminders never
// texts a number in that block, and these tests are about texting.
const FAMILY = '+16175552634';
const MOBILE = '+16175552688';
const AT = '2026-11-20T18:05:00-05:00';
const reply = (text: string, from = MOBILE, extra: Partial<InboundReply> = {}): InboundReply => ({
  from: PhoneE164Schema.parse(from),
  text,
  at: instant(AT),
  evidence: 'SM123',
  ...extra,
});
const read = (
  r: InboundReply,
  contacts: readonly PatientContact[],
  platform?: 'twilio' | 'aws' | 'telnyx',
) => {
  const out = readReply(r, contacts, platform === undefined ? {} : { platform });
  if (out._tag === 'Left') throw new Error(out.left.code);
  return out.right;
};
const reasons = (o: ReplyOutcome): string[] => o.staff.map((t) => t.reason);

const OPTED_OUT = [
  { channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' },
  { channel: 'sms', kind: 'revoked', at: '2026-11-01T12:00:00Z', evidence: 'STOP' },
];
const alone = contact('p1', { phone: MOBILE });
const optedOut = contact('p1', { phone: MOBILE, consent: OPTED_OUT });

describe('edge 17: YES from an opted-out number', () => {
  it('on Twilio (YES re-subscribes there) the consent log follows: a grant with the reply as evidence, and the YES confirms', () => {
    const o = read(reply('YES'), [optedOut], 'twilio');
    expect(o.meaning.intent).toBe('confirm');
    expect(o.attributedTo).toBe('p1');
    expect(o.consent).toEqual([
      {
        patient: 'p1',
        event: { channel: 'sms', kind: 'granted', at: AT, evidence: 'inbound sms reply SM123' },
      },
    ]);
    expect(o.staff).toEqual([]);
  });

  it('with the grant appended, reminders go by SMS again (the latest event wins)', () => {
    const o = read(reply('YES'), [optedOut], 'twilio');
    const updated = contact('p1', {
      phone: MOBILE,
      consent: [...OPTED_OUT, ...o.consent.map((c) => c.event)],
    });
    const plan = planReminders(
      [appt('a1', '2026-11-24T12:00:00-05:00')],
      [updated],
      rules(),
      instant('2026-11-21T08:00:00-05:00'),
    );
    expect(plan._tag === 'Right' && plan.right.messages.map((m) => m.channel)).toEqual(['sms']);
  });

  it('no platform named: no grant is guessed, staff are told the log may be out of sync; the confirmation stands', () => {
    const o = read(reply('yes'), [optedOut]);
    expect(o.consent).toEqual([]);
    expect(o.attributedTo).toBe('p1');
    expect(reasons(o)).toEqual(['reply.consent-out-of-sync']);
  });

  it('on AWS or Telnyx (YES is not an opt-in keyword) the number stays opted out and the log is in step', () => {
    for (const platform of ['aws', 'telnyx'] as const) {
      const o = read(reply('YES'), [optedOut], platform);
      expect(o.consent).toEqual([]);
      expect(o.staff).toEqual([]);
      expect(o.meaning.intent).toBe('confirm');
    }
  });

  it('a YES from a number that never opted out changes no consent', () => {
    expect(read(reply('YES'), [alone], 'twilio').consent).toEqual([]);
    expect(read(reply('YES'), [alone]).staff).toEqual([]);
  });

  it('"Y" is a confirmation but no platform keyword: nothing to re-sync', () => {
    const o = read(reply('Y'), [optedOut]);
    expect(o.consent).toEqual([]);
    expect(o.staff).toEqual([]);
  });
});

describe('edge 18: a shared family phone', () => {
  const parent = contact('p1', { phone: FAMILY, preferences: ['sms', 'email'] });
  const child1 = contact('p2', { phone: FAMILY, preferences: ['sms', 'email'] });
  const child2 = contact('p3', { phone: FAMILY, preferences: ['sms', 'email'] });
  const other = contact('p4', { phone: MOBILE });
  const family = [parent, child1, child2, other];

  it('one STOP: revoked at once for every patient on the number, and staff decide whom it was meant to cover', () => {
    const o = read(reply('STOP', FAMILY), family);
    expect(o.patients).toEqual(['p1', 'p2', 'p3']);
    expect(o.consent.map((c) => [c.patient, c.event.kind, c.event.channel])).toEqual([
      ['p1', 'revoked', 'sms'],
      ['p2', 'revoked', 'sms'],
      ['p3', 'revoked', 'sms'],
    ]);
    expect(o.attributedTo).toBeUndefined();
    expect(reasons(o)).toEqual(['reply.shared-number']);
  });

  it("after that STOP a child's reminder goes by e-mail, not SMS; the other family's number is untouched", () => {
    const o = read(reply('STOP', FAMILY), family);
    const withEvents = [parent, child1, child2].map((c) =>
      contact(c.patient, {
        phone: FAMILY,
        consent: [...c.consent, ...o.consent.filter((e) => e.patient === c.patient).map((e) => e.event)],
      }),
    );
    const plan = planReminders(
      [
        appt('a2', '2026-11-24T12:00:00-05:00', { patient: 'p2' }),
        appt('a4', '2026-11-24T13:00:00-05:00', { patient: 'p4' }),
      ],
      [...withEvents, other],
      rules(),
      instant('2026-11-21T08:00:00-05:00'),
    );
    expect(plan._tag === 'Right' && plan.right.messages.map((m) => [m.patient, m.channel])).toEqual([
      ['p2', 'email'],
      ['p4', 'sms'],
    ]);
  });

  it('a "Y" from the shared number confirms nobody by itself: staff decide which appointment it was', () => {
    const o = read(reply('Y', FAMILY), family);
    expect(o.meaning.intent).toBe('confirm');
    expect(o.attributedTo).toBeUndefined();
    expect(reasons(o)).toEqual(['reply.shared-number']);
  });

  it('a START from the shared number opts nobody in without a staff decision', () => {
    const o = read(reply('START', FAMILY), family);
    expect(o.consent).toEqual([]);
    expect(reasons(o)).toEqual(['reply.shared-number']);
  });

  it('a YES from the opted-out shared number on Twilio: no grant spread to the family, flagged out of sync', () => {
    const out = [parent, child1].map((c) => contact(c.patient, { phone: FAMILY, consent: OPTED_OUT }));
    const o = read(reply('YES', FAMILY), out, 'twilio');
    expect(o.consent).toEqual([]);
    expect(reasons(o)).toEqual(['reply.shared-number', 'reply.consent-out-of-sync']);
  });

  it('the same patient listed twice on the number is still one patient', () => {
    const o = read(reply('Y'), [alone, alone]);
    expect(o.patients).toEqual(['p1']);
    expect(o.attributedTo).toBe('p1');
  });
});

describe('other replies', () => {
  it('edge 16: CANCEL revokes SMS and asks staff to follow up about the appointment', () => {
    const o = read(reply('CANCEL'), [alone]);
    expect(o.consent.map((c) => c.event.kind)).toEqual(['revoked']);
    expect(o.attributedTo).toBe('p1');
    expect(reasons(o)).toEqual(['reply.cancel-keyword']);
  });

  it('edge 15: START from one patient records a grant with the evidence', () => {
    const o = read(reply('START'), [optedOut]);
    expect(o.consent).toEqual([
      {
        patient: 'p1',
        event: { channel: 'sms', kind: 'granted', at: AT, evidence: 'inbound sms reply SM123' },
      },
    ]);
  });

  it('a number nobody has goes to staff, and nothing is recorded', () => {
    const o = read(reply('STOP', '+12125550101'), [alone]);
    expect(o.patients).toEqual([]);
    expect(o.consent).toEqual([]);
    expect(reasons(o)).toEqual(['reply.unknown-number']);
  });

  it('a decline and free text go to staff; staff messages never carry the reply or the number', () => {
    expect(reasons(read(reply('R'), [alone]))).toEqual(['reply.decline']);
    const o = read(reply('Is parking free at 555 Main St?'), [alone]);
    expect(reasons(o)).toEqual(['reply.free-text']);
    for (const t of o.staff) {
      expect(t.message).not.toContain('parking');
      expect(t.message).not.toContain('5552688');
    }
  });

  it('a voice key-press opt-out revokes the voice channel only', () => {
    const o = read(reply('stop', MOBILE, { channel: 'voice' }), [alone]);
    expect(o.consent.map((c) => c.event.channel)).toEqual(['voice']);
  });

  it('an unreadable instant is a coded error naming the field', () => {
    const out = readReply(reply('Y', MOBILE, { at: 'soon' as IsoInstant }), [alone]);
    expect(out).toMatchObject({
      _tag: 'Left',
      left: { code: 'communications.invalid-instant', field: 'reply.at' },
    });
  });
});
