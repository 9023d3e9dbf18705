// Numbers in the NANP block reserved for fiction (555-0100 to 555-0199, any area code) are test
// data: planReminders never texts or calls them, whatever the consent log says, and falls back to
// the next permitted channel in the patient's preference order.
import { describe, expect, it } from 'vitest';
import { planReminders, type ReminderPlan } from '../../src/communications/reminders.js';
import { planRemindersReference } from '../../src/communications/remindersReference.js';
import type { PatientContact } from '../../src/communications/model.js';
import { appt, contact, instant, rules } from './fixtures.js';

const NOW = instant('2026-01-02T00:00:00Z');
const APPT = appt('a1', '2026-01-05T10:00:00-05:00');
const plan = (patient: PatientContact): ReminderPlan => {
  const result = planReminders([APPT], [patient], rules(), NOW, { sent: [] });
  if (result._tag === 'Left') throw new Error(result.left.code);
  return result.right;
};

describe('fictional phone numbers are never texted or called', () => {
  it('an ordinary number with SMS consent gets the text', () => {
    const p = plan(contact('p1', { phone: '+16175552671' })); // exchange 555, line 2671: outside the block
    expect(p.messages.map((m) => m.channel)).toEqual(['sms']);
  });

  it.each(['+16175550100', '+12125550142', '+13125550199'])(
    'SMS consent on fictional %s: the e-mail preference is used instead',
    (phone) => {
      const p = plan(contact('p1', { phone }));
      expect(p.messages.map((m) => m.channel)).toEqual(['email']);
    },
  );

  it('voice or SMS only, on a fictional number: nothing is sent and the reminder is listed as skipped', () => {
    const p = plan(
      contact('p1', {
        phone: '+16175550150',
        preferences: ['voice', 'sms'],
        consent: [
          { channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' },
          { channel: 'voice', kind: 'granted', at: '2026-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(p.messages).toEqual([]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['reminder.no-permitted-channel']);
  });

  it('the plain reference implementation agrees', () => {
    const patient = contact('p1', { phone: '+16175550100' });
    const fast = planReminders([APPT], [patient], rules(), NOW, { sent: [] });
    const reference = planRemindersReference([APPT], [patient], rules(), NOW, { sent: [] });
    expect(fast).toEqual(reference);
  });
});
