/**
 * Communications: appointment reminders planned at the right time through a permitted channel,
 * the queue kept true after changes, and replies read.
 *
 * @module communications
 */
export {
  ChannelSchema,
  ConsentEventSchema,
  PatientContactSchema,
  ReminderOffsetSchema,
  ReminderRulesSchema,
  parsePatientContact,
  parseReminderRules,
  type Channel,
  type ConsentEvent,
  type PatientContact,
  type PlannedReminder,
  type ReminderAppointment,
  type ReminderOffset,
  type ReminderRules,
  type ReminderTemplate,
} from './model.js';
export { inputError, type CommunicationsInputCode, type CommunicationsInputError } from './errors.js';
export { planReminders, type ReminderPlan, type SkippedReminder, type SkipReason } from './reminders.js';
export {
  reconcileReminders,
  type ReminderChange,
  type ReminderReconciliation,
  type WithdrawReason,
} from './reconcile.js';
export { interpretReply, type ReplyIntent, type ReplyMeaning } from './replies.js';
