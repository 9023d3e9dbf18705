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
export { type Npi, type NpiError, NpiSchema, validateNpi } from './npi.js';
export { type Mbi, type MbiError, MbiSchema, validateMbi } from './mbi.js';
export {
  isFictionalPhone,
  type NormalizedPhone,
  normalizePhone,
  type PhoneE164,
  PhoneE164Schema,
  type PhoneError,
} from './phone.js';
export { normalizeZip, type ZipCode, ZipCodeSchema, type ZipError } from './zip.js';
export { type Ssn, type SsnError, SsnSchema, validateSsn } from './ssn.js';
export {
  type CheckedProcedureCode,
  type ProcedureCode,
  type ProcedureCodeError,
  type ProcedureCodeKind,
  ProcedureCodeSchema,
  validateProcedureCode,
  validateProcedureModifier,
} from './procedureCode.js';
export {
  checkIcd10Specificity,
  formatIcd10Cm,
  type Icd10CmCode,
  Icd10CmCodeSchema,
  type Icd10Error,
  type Icd10SpecificityOptions,
  takesSeventhCharacter,
  validateIcd10Cm,
} from './icd10.js';
export {
  type Address,
  AddressSchema,
  type CommunicationPreferences,
  CommunicationPreferencesSchema,
  type Consent,
  type ConsentKind,
  ConsentKindSchema,
  ConsentSchema,
  CONTACT_RELATIONSHIPS,
  type ContactPhone,
  ContactPhoneSchema,
  DOCUMENT_TYPE_LOINC,
  DocumentSchema,
  type DocumentType,
  DocumentTypeSchema,
  type MedicalDocument,
  parseDocument,
  parsePatient,
  parsePractitioner,
  type Patient,
  type PatientIdentifier,
  type PatientIdentifierKind,
  PatientIdentifierKindSchema,
  PatientIdentifierSchema,
  PatientSchema,
  type PersonName,
  PersonNameSchema,
  type Practitioner,
  PractitionerSchema,
  type RelatedPerson,
  RelatedPersonSchema,
} from './model.js';
export { casePersonName, cleanPersonName, generationalSuffix } from './names.js';
export { addressMatchKey, standardizeAddressText, standardizeStreetLine, usStateCode } from './address.js';
export { normalizePatient, type PatientNormalization } from './normalize.js';
export {
  type CheckInContext,
  checkInReadiness,
  type CheckInReadiness,
  patientAgeOn,
  type ReadinessItem,
} from './readiness.js';

export { areNicknames } from './matching/nicknames.js';
export {
  type MatchablePatient,
  matchFeatures,
  type MatchFeatures,
  type PhoneticCache,
} from './matching/features.js';
export {
  compareFeatures,
  comparePatients,
  type ComparisonField,
  DATE_LEVELS,
  type DateLevel,
  FUZZY_LEVELS,
  type FuzzyLevel,
  type MatchGuard,
  MIDDLE_NAME_LEVELS,
  type MiddleNameLevel,
  NAME_LEVELS,
  type NameLevel,
  type PatientComparison,
  type PatientComparisonLevels,
} from './matching/compare.js';
export {
  DEFAULT_MATCH_PARAMETERS,
  estimateMatchParameters,
  type EstimationOptions,
  type FieldEvidence,
  type LevelProbabilities,
  type MatchGrade,
  type MatchParameters,
  type MatchScore,
  type MatchThresholds,
  matchWeight,
  matchWeights,
  scoreMatch,
} from './matching/fellegiSunter.js';
export {
  type BlockGroups,
  blockingKeys,
  type BlockingRule,
  buildBlocks,
  DEFAULT_BLOCKING_RULES,
} from './matching/blocking.js';
export {
  clusterMatches,
  combineDuplicatePairs,
  duplicatePair,
  type DuplicatePair,
  type DuplicateReport,
  findDuplicates,
  type FindDuplicatesOptions,
  forEachCandidatePair,
  mergeClusters,
  sampleRandomPairs,
} from './matching/duplicates.js';
export {
  buildPatientIndex,
  matchPatient,
  type MatchPatientOptions,
  type PatientIndex,
  type PatientIndexOptions,
  type PatientMatch,
} from './matching/matchPatient.js';
export {
  type BlockScoringOptions,
  partitionBlocks,
  partitionOfKey,
  scoreBlock,
} from './matching/partition.js';
export {
  type MergeError,
  type MergeFieldChoice,
  type MergeOptions,
  type MergeProposal,
  proposeMerge,
} from './merge.js';
export {
  redact,
  type RedactedPatient,
  type RedactedText,
  type RedactionPolicy,
  SAFE_HARBOR_RESTRICTED_ZIP3,
} from './redact.js';
export {
  type FhirRedaction,
  type FhirRedactionError,
  type FhirRedactionKind,
  type FhirRedactionPolicy,
  type RedactedFhirResource,
  redactFhir,
} from './fhirRedaction.js';
export { minimumNecessary, type PatientView, type RecordsRole } from './minimumNecessary.js';
export {
  DEFAULT_DOCUMENT_ROUTING_RULES,
  type DocumentRoute,
  type DocumentRoutingRule,
  routeDocument,
  type RoutingError,
  type RoutingTarget,
} from './routing.js';
export { fromFhirPatient, fromFhirPractitioner, toFhirPatient, toFhirPractitioner } from './fhir.js';
