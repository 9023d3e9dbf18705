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
export * from './statuses.js';
export * from './model.js';
export * from './errors.js';
export * from './transitionTable.js';
export * from './transitions.js';
export * from './validity.js';
export { referralVisits, type ReferralVisits } from './visits.js';
export * from './authorizationResponse.js';
export * from './worklistRules.js';
export { worklistItemOf } from './worklistItem.js';
export * from './worklist.js';
export * from './denialGuidance.js';
export * from './fhir.js';
