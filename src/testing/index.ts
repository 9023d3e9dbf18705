/**
 * Test support for teams that use medoffice as the reference model in their own tests: fast-check
 * arbitraries that build valid models (patients, practitioners, payers, plans, benefit sets with
 * accumulators and claim lines that fit them, coverages, referrals in any reachable state,
 * authorizations, providers, locations, resources, appointment types, availability templates and
 * exceptions, appointments, holds, waitlist entries), the deterministic health system of the benchmarks,
 * and the state machines' transition tables as data. Needs `fast-check` 4 (an optional peer
 * dependency, used only by this subpath); the root `medoffice` does not re-export it.
 *
 * @module testing
 */
export { parsedBy } from './parsed.js';
export {
  TEST_ZONES,
  basisPointsArbitrary,
  centsArbitrary,
  ianaZoneArbitrary,
  intervalListArbitrary,
  isoDateArbitrary,
  wallTimeArbitrary,
} from './core.js';
export { npiArbitrary, patientArbitrary, practitionerArbitrary } from './records.js';
export {
  accumulatorsArbitrary,
  benefitSetArbitrary,
  claimLinesArbitrary,
  costShareScenarioArbitrary,
  coverageArbitrary,
  payerArbitrary,
  planArbitrary,
  type CostShareScenario,
} from './insurance.js';
export {
  authorizationArbitrary,
  draftReferralArbitrary,
  reachableReferralArbitrary,
  referralEventArbitrary,
} from './referrals.js';
export {
  appointmentArbitrary,
  appointmentTypeArbitrary,
  availabilityExceptionArbitrary,
  availabilityTemplateArbitrary,
  holdArbitrary,
  locationArbitrary,
  providerArbitrary,
  resourceArbitrary,
  waitlistEntryArbitrary,
} from './scheduling.js';
export {
  HEALTH_SYSTEM_APPOINTMENT_TYPES,
  HEALTH_SYSTEM_ZONES,
  generateHealthSystem,
  type HealthSystemOptions,
} from './healthSystem.js';
// The transition tables as data, with their lookups, for model-based tests of other services.
export {
  FHIR_APPOINTMENT_STATUSES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  allowedReferralEvents,
  isTerminalReferralStatus,
  referralTargets,
  type ReferralTransition,
} from '../referrals/index.js';
export {
  APPOINTMENT_TRANSITIONS,
  allowedAppointmentEvents,
  type AppointmentTransition,
} from '../scheduling/index.js';
