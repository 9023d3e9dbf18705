/**
 * Patient records: identifier validation, normalization, matching, redaction and documents.
 *
 * @module records
 */

// The ids and scalars this module's functions take: types, literal constructors that throw on a
// bad constant, and the parsers of the scalars for outside data (the same bindings as medoffice/core).
export {
  documentId,
  isoDate,
  isoInstant,
  parseIsoDate,
  parseIsoInstant,
  patientId,
  providerId,
  referralId,
  type DocumentId,
  type IsoDate,
  type IsoInstant,
  type PatientId,
  type ProviderId,
  type ReferralId,
} from '../core/index.js';
export * from './npi.js';
export * from './mbi.js';
export * from './phone.js';
export * from './zip.js';
export * from './ssn.js';
export * from './procedureCode.js';
export * from './icd10.js';
export * from './model.js';
export * from './names.js';
export * from './address.js';
export * from './normalize.js';
export * from './readiness.js';
export * from './matching/strings.js';
export * from './matching/doubleMetaphone.js';
export * from './matching/nicknames.js';
export * from './matching/features.js';
export * from './matching/compare.js';
export * from './matching/fellegiSunter.js';
export * from './matching/blocking.js';
export * from './matching/duplicates.js';
export * from './matching/matchPatient.js';
export * from './matching/partition.js';
export * from './merge.js';
export * from './redact.js';
export * from './minimumNecessary.js';
export * from './routing.js';
export * from './fhir.js';
