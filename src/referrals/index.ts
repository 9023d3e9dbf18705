/**
 * Referrals and prior authorization: the lifecycle, payer decisions and the worklist.
 *
 * @module referrals
 */

// The ids and scalars this module's functions take: types, literal constructors that throw on a
// bad constant, and the parsers of the scalars for outside data (the same bindings as medoffice/core).
export {
  actorId,
  appointmentId,
  authorizationId,
  documentId,
  isoDate,
  isoInstant,
  parseIsoDate,
  parseIsoInstant,
  parseZone,
  patientId,
  payerId,
  providerId,
  referralId,
  zone,
  type ActorId,
  type AppointmentId,
  type AuthorizationId,
  type DocumentId,
  type IanaZone,
  type IsoDate,
  type IsoInstant,
  type PatientId,
  type PayerId,
  type ProviderId,
  type ReferralId,
} from '../core/index.js';
export { isTerminalReferralStatus, REFERRAL_STATUSES, type ReferralStatus } from './statuses.js';
export {
  type AppointmentLink,
  AppointmentLinkSchema,
  AppointmentLinkStatusSchema,
  type Authorization,
  AUTHORIZATION_REQUEST_TYPES,
  type AuthorizationDecision,
  type AuthorizationDecisionRecord,
  AuthorizationDecisionRecordSchema,
  AuthorizationDecisionSchema,
  type AuthorizationItem,
  AuthorizationItemSchema,
  type AuthorizationPeriod,
  AuthorizationPeriodSchema,
  type AuthorizationRequest,
  AuthorizationRequestSchema,
  type AuthorizationRequestType,
  AuthorizationRequestTypeSchema,
  type AuthorizationResponse,
  AuthorizationResponseSchema,
  AuthorizationSchema,
  type ConsultNote,
  ConsultNoteSchema,
  type DenialReason,
  DenialReasonSchema,
  parseAuthorization,
  parseAuthorizationResponse,
  parseReferral,
  parseReferralEvent,
  type Referral,
  type ReferralAttachment,
  ReferralAttachmentSchema,
  type ReferralEnding,
  ReferralEndingSchema,
  type ReferralEvent,
  ReferralEventSchema,
  type ReferralEventType,
  type ReferralHistoryEntry,
  ReferralHistoryEntrySchema,
  type ReferralParty,
  ReferralPartySchema,
  type ReferralPriority,
  ReferralPrioritySchema,
  type ReferralRefusal,
  ReferralRefusalSchema,
  ReferralSchema,
  ReferralStatusSchema,
  X12_278_ACTION_CODES,
  type X12ActionCode,
  X12ActionCodeSchema,
} from './model.js';
export {
  type ReferralError,
  type ReferralInvalidEventError,
  type ReferralRuleCode,
  type ReferralRuleError,
} from './errors.js';
export {
  allowedReferralEvents,
  REFERRAL_TRANSITIONS,
  referralTargets,
  type ReferralTransition,
} from './transitionTable.js';
export { transitionReferral } from './transitions.js';
export {
  authorizationStatus,
  type AuthorizationStatus,
  type AuthorizationStatusOptions,
  type AuthorizationVisit,
  type AuthorizationWindowPosition,
  FHIR_APPOINTMENT_STATUSES,
  type FhirAppointmentStatus,
  isApprovedAuthorization,
  type ReferralAppointment,
  type VisitCoverage,
} from './validity.js';
export { referralVisits, type ReferralVisits } from './visits.js';
export { applyAuthorizationResponse } from './authorizationResponse.js';
export {
  DEFAULT_REFERRAL_WORKLIST_DAYS,
  REFERRAL_STATUS_REASONS,
  REFERRAL_WORK_STEPS,
  REFERRAL_WORKLIST_REASONS,
  type ReferralStatusReason,
  type ReferralWorkItem,
  type ReferralWorklistPolicy,
  type ReferralWorklistReason,
  type ReferralWorkOwner,
  type ReferralWorkStep,
  statusReason,
} from './worklistRules.js';
export { worklistItemOf } from './worklistItem.js';
export { referralWorklist } from './worklist.js';
export {
  type DenialCategory,
  denialGuidance,
  type DenialGuidance,
  type DenialStep,
  type DiagnosisFinding,
  type ReferralDenial,
} from './denialGuidance.js';
export {
  type FhirReferralParty,
  type FhirTaskAuthorization,
  fromFhirServiceRequest,
  fromFhirTask,
  REFERRAL_AUTHORIZATION_INPUT_SYSTEM,
  REFERRAL_FHIR_PROJECTION,
  REFERRAL_STATUS_SYSTEM,
  type ReferralFhirProjection,
  type ReferralOrder,
  type ReferralTaskState,
  toFhirServiceRequest,
  toFhirTask,
} from './fhir.js';
