/**
 * Keeping the reminder queue true after bookings change: a cancelled or rescheduled appointment
 * must not keep its queued reminders (cal.com #6905), and a revoked channel sends nothing more.
 */
import type { AppointmentId, PatientId } from '../core/ids.js';
import type { Channel, PlannedReminder } from './model.js';
import { reminderBody } from './reminderText.js';

/** Something that happened after messages were queued. */
export type ReminderChange =
  | { readonly kind: 'cancelled'; readonly appointment: AppointmentId }
  | { readonly kind: 'rescheduled'; readonly appointment: AppointmentId }
  | { readonly kind: 'consent-revoked'; readonly patient: PatientId; readonly channel: Channel };

/** Why a queued message is withdrawn. */
export type WithdrawReason = 'appointment-cancelled' | 'appointment-rescheduled' | 'consent-revoked';

/** What to do with the queue: keep, withdraw, or replace by a message about fewer appointments. */
export interface ReminderReconciliation {
  readonly keep: readonly PlannedReminder[];
  readonly cancel: readonly { readonly id: string; readonly reason: WithdrawReason }[];
  /** Messages that covered a withdrawn appointment beside others: the same send, without it. */
  readonly replace: readonly {
    readonly id: string;
    readonly reason: WithdrawReason;
    readonly with: PlannedReminder;
  }[];
  /** Appointments to plan again (rescheduled ones) and patients whose channel was revoked. */
  readonly replan: {
    readonly appointments: readonly AppointmentId[];
    readonly patients: readonly PatientId[];
  };
}

/**
 * Says which queued messages to cancel or replace after bookings change. A message about a
 * cancelled or rescheduled appointment is cancelled when that was its only appointment, otherwise
 * replaced by the same message (same instant, channel and template) without it. A revoked channel
 * cancels every message of that patient on it, and a shared phone's `combined` message that lists
 * the patient in its `household` (its other patients are listed for planning again too).
 * Rescheduled appointments and revoked patients are listed for planning again with
 * `planReminders` (a new time, or the next permitted channel).
 *
 * @param planned - the queued messages
 * @param changes - cancellations, reschedules and revocations since they were planned
 * @returns the messages to keep, to cancel and to replace, and what to plan again (no Left case)
 * @example
 * reconcileReminders([], []); // { keep: [], cancel: [], replace: [], replan: { appointments: [], patients: [] } }
 */
export const reconcileReminders = (
  planned: readonly PlannedReminder[],
  changes: readonly ReminderChange[],
): ReminderReconciliation => {
  const gone = new Map<AppointmentId, WithdrawReason>();
  const revoked = new Set<string>();
  const replanAppointments: AppointmentId[] = [];
  const replanPatients: PatientId[] = [];
  for (const c of changes) {
    if (c.kind === 'consent-revoked') {
      revoked.add(`${c.channel}\u0000${c.patient}`);
      if (!replanPatients.includes(c.patient)) replanPatients.push(c.patient);
    } else if (c.kind === 'rescheduled') {
      // A cancellation reported beside a reschedule is the stronger fact: nothing to plan again.
      if (gone.get(c.appointment) !== 'appointment-cancelled') {
        gone.set(c.appointment, 'appointment-rescheduled');
        if (!replanAppointments.includes(c.appointment)) replanAppointments.push(c.appointment);
      }
    } else {
      gone.set(c.appointment, 'appointment-cancelled');
      const i = replanAppointments.indexOf(c.appointment);
      if (i >= 0) replanAppointments.splice(i, 1);
    }
  }
  const keep: PlannedReminder[] = [];
  const cancel: { id: string; reason: WithdrawReason }[] = [];
  const replace: { id: string; reason: WithdrawReason; with: PlannedReminder }[] = [];
  for (const m of planned) {
    const addressed = m.household ?? [m.patient];
    if (addressed.some((p) => revoked.has(`${m.channel}\u0000${p}`))) {
      // A household's message cannot lose one patient's appointments (it does not say whose each
      // is): it is withdrawn and the whole household planned again.
      cancel.push({ id: m.id, reason: 'consent-revoked' });
      for (const p of addressed) if (!replanPatients.includes(p)) replanPatients.push(p);
      continue;
    }
    const reasons = m.appointments.map((a) => gone.get(a.id)).filter((r) => r !== undefined);
    const reason = reasons.includes('appointment-cancelled') ? 'appointment-cancelled' : reasons[0];
    if (reason === undefined) {
      keep.push(m);
      continue;
    }
    const left = m.appointments.filter((a) => !gone.has(a.id));
    if (left.length === 0) {
      cancel.push({ id: m.id, reason });
      continue;
    }
    const form = m.fields['form'] === 'compact' ? 'compact' : 'full';
    const practice = m.fields['practice'] ?? '';
    replace.push({
      id: m.id,
      reason,
      with: {
        ...m,
        appointments: left,
        fields: { ...m.fields, appointments: left.map((a) => a.when).join('; ') },
        body: reminderBody(practice, m.channel, m.template, left, form, m.household !== undefined),
      },
    });
  }
  return { keep, cancel, replace, replan: { appointments: replanAppointments, patients: replanPatients } };
};
