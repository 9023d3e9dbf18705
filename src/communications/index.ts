/**
 * Communications: appointment reminders planned at the right time through a permitted channel,
 * the queue kept true after changes, replies read, and calls and messages routed (red flags
 * escalated whatever else they ask), and dictation checked against the Do Not Use, ISMP and
 * look-alike/sound-alike lists.
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
export {
  planReminders,
  type PlanOptions,
  type ReminderPlan,
  type SentMessage,
  type SkippedReminder,
  type SkipReason,
} from './reminders.js';
export {
  reconcileReminders,
  type ReminderChange,
  type ReminderReconciliation,
  type WithdrawReason,
} from './reconcile.js';
export { interpretReply, type ReplyIntent, type ReplyMeaning } from './replies.js';
export {
  PLATFORM_OPT_IN,
  readReply,
  type InboundReply,
  type MessagingPlatform,
  type ReadReplyOptions,
  type ReplyOutcome,
  type ReplyStaffReason,
  type ReplyStaffTask,
} from './inbound.js';
export {
  AFTER_HOURS_REPLY,
  CallbackStandardSchema,
  DEFAULT_CALLBACKS,
  ESCALATION_TEXT,
  IncomingMessageSchema,
  QUEUES,
  QUEUE_ROLES,
  RoutingRulesSchema,
  parseIncomingMessage,
  parseRoutingRules,
  routeMessage,
  type CallbackStandard,
  type IncomingMessage,
  type IntentMatch,
  type Queue,
  type RedFlagMatch,
  type RoutedMessage,
  type RoutingRules,
  type Urgency,
} from './routing.js';
export { BusinessCalendarSchema, type BusinessCalendar } from './businessTime.js';
export { RED_FLAG_RULES, type EscalationCode, type RedFlagReading, type RedFlagRule } from './redFlags.js';
export { checkDictation, type DictationFinding } from './dictation.js';
export {
  DICTATION_RULES,
  LASA_PAIRS,
  type DictationRule,
  type DictationRuleId,
  type DictationSource,
  type Severity,
} from './dictationLists.js';
export {
  renderLetter,
  type LetterData,
  type LetterError,
  type LetterRecipient,
  type RenderedLetter,
} from './letters.js';
export {
  LETTER_FIELDS,
  LETTER_TEMPLATES,
  RECIPIENT_ALLOWLIST,
  type BuiltInLetter,
  type FieldCategory,
  type LetterTemplate,
  type RecipientKind,
} from './letterTemplates.js';
export { readability, type Readability } from './readability.js';
export {
  FollowUpSchema,
  RecallPatientSchema,
  RecallRulesSchema,
  RecallVisitSchema,
  recallList,
  type FollowUp,
  type RecallItem,
  type RecallKind,
  type RecallPatient,
  type RecallRules,
  type RecallVisit,
} from './recall.js';
export {
  COMMUNICATION_CATEGORY_SYSTEM,
  MEDOFFICE_QUEUE_SYSTEM,
  MEDOFFICE_REMINDER_SYSTEM,
  MEDOFFICE_ROUTING_RULE_SYSTEM,
  PARTICIPATION_MODE_SYSTEM,
  fromFhirCommunication,
  fromFhirCommunicationRequest,
  toFhirCallbackRequest,
  toFhirReminderCommunication,
  toFhirReminderRequest,
  toFhirRoutedCommunication,
  type CommunicationsFhirError,
  type FhirReminder,
  type FhirRoutedMessage,
  type IncomingChannel,
  type ReceivedMessage,
} from './fhir.js';
