// reconcileReminders on queues built by hand: the cal.com #6905 pattern (a reschedule must withdraw
// queued reminders) and edge cases 10, 11 and 14 of the reference.
import { describe, expect, it } from 'vitest';
import { reconcileReminders } from '../../src/communications/reconcile.js';
import type { PlannedReminder } from '../../src/communications/model.js';
import type { AppointmentId, PatientId } from '../../src/core/ids.js';
import { instant } from './fixtures.js';

const ap = (id: string, when: string) => ({
  id: id as AppointmentId,
  start: instant('2026-11-24T09:00:00-05:00'),
  when,
});
const message = (id: string, patient: string, ids: readonly string[]): PlannedReminder => ({
  id,
  patient: patient as PatientId,
  channel: 'sms',
  sendAt: instant('2026-11-23T10:00:00-05:00'),
  appointments: ids.map((x, i) => ap(x, `Tue Nov 24 at ${9 + i}:00 AM`)),
  rules: ['calendar:1d@10:00'],
  template: 'reminder.standard',
  fields: { practice: 'Elm Street Clinic', form: 'full', appointments: '' },
  body: 'old',
});

describe('reconcileReminders', () => {
  const queue = [
    message('m1', 'p1', ['lab', 'visit']),
    message('m2', 'p2', ['x']),
    message('m3', 'p3', ['y']),
  ];

  it('edge 10: a cancelled appointment alone in its message withdraws it', () => {
    expect(
      reconcileReminders(queue, [{ kind: 'cancelled', appointment: 'x' as AppointmentId }]).cancel,
    ).toEqual([{ id: 'm2', reason: 'appointment-cancelled' }]);
  });

  it('a cancelled appointment beside another: the message is replaced by one about the other only', () => {
    const r = reconcileReminders(queue, [{ kind: 'cancelled', appointment: 'lab' as AppointmentId }]);
    expect(r.replace).toHaveLength(1);
    expect(r.replace[0]?.with.appointments.map((a) => a.id)).toEqual(['visit']);
    expect(r.replace[0]?.with.body).toBe(
      'Elm Street Clinic: reminder of your appointment on Tue Nov 24 at 10:00 AM. Reply Y to confirm or R to reschedule. Reply STOP to opt out.',
    );
    expect(r.keep.map((m) => m.id)).toEqual(['m2', 'm3']);
  });

  it('edge 11: a reschedule withdraws the old reminders and asks for a new plan', () => {
    const r = reconcileReminders(queue, [{ kind: 'rescheduled', appointment: 'y' as AppointmentId }]);
    expect(r.cancel).toEqual([{ id: 'm3', reason: 'appointment-rescheduled' }]);
    expect(r.replan.appointments).toEqual(['y']);
  });

  it('a cancellation beside a reschedule of the same appointment: cancelled, nothing to replan', () => {
    const r = reconcileReminders(queue, [
      { kind: 'rescheduled', appointment: 'y' as AppointmentId },
      { kind: 'cancelled', appointment: 'y' as AppointmentId },
    ]);
    expect(r.cancel).toEqual([{ id: 'm3', reason: 'appointment-cancelled' }]);
    expect(r.replan.appointments).toEqual([]);
  });

  it('edge 14: a STOP after queueing withdraws every message on that channel, and the patient is replanned', () => {
    const r = reconcileReminders(queue, [
      { kind: 'consent-revoked', patient: 'p1' as PatientId, channel: 'sms' },
    ]);
    expect(r.cancel).toEqual([{ id: 'm1', reason: 'consent-revoked' }]);
    expect(r.replan.patients).toEqual(['p1']);
    expect(
      reconcileReminders(queue, [{ kind: 'consent-revoked', patient: 'p1' as PatientId, channel: 'email' }])
        .cancel,
    ).toEqual([]);
  });

  it('the queue is not mutated', () => {
    const before = JSON.stringify(queue);
    reconcileReminders(queue, [{ kind: 'cancelled', appointment: 'lab' as AppointmentId }]);
    expect(JSON.stringify(queue)).toBe(before);
  });

  it("a household's combined message: a STOP from one of its patients withdraws it and replans the household", () => {
    const shared: PlannedReminder = {
      ...message('m4', 'p4', ['k1', 'k2']),
      household: ['p4' as PatientId, 'p5' as PatientId],
    };
    const r = reconcileReminders(
      [...queue, shared],
      [{ kind: 'consent-revoked', patient: 'p5' as PatientId, channel: 'sms' }],
    );
    expect(r.cancel).toEqual([{ id: 'm4', reason: 'consent-revoked' }]);
    expect(r.replan.patients).toEqual(['p5', 'p4']);
    expect(r.keep.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it("a household's combined message without a cancelled appointment keeps the household wording", () => {
    const shared: PlannedReminder = {
      ...message('m4', 'p4', ['k1', 'k2', 'k3']),
      household: ['p4' as PatientId, 'p5' as PatientId],
    };
    const r = reconcileReminders([shared], [{ kind: 'cancelled', appointment: 'k1' as AppointmentId }]);
    expect(r.replace[0]?.with.body).toBe(
      'Elm Street Clinic: reminder of household appointments on Tue Nov 24 at 10:00 AM and 11:00 AM. Reply Y to confirm or R to reschedule. Reply STOP to opt out.',
    );
    expect(r.replace[0]?.with.household).toEqual(['p4', 'p5']);
  });
});
