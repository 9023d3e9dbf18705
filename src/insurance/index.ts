/**
 * Insurance: eligibility, X12 270/271, patient cost share and coordination of benefits.
 *
 * @module insurance
 */

// The ids and scalars this module's functions take: types, literal constructors that throw on a
// bad constant, and the parsers of the scalars for outside data (the same bindings as medoffice/core).
export {
  basisPoints,
  cents,
  coverageId,
  isoDate,
  parseBasisPoints,
  parseCents,
  parseIsoDate,
  parseWallTime,
  payerId,
  planId,
  wallTime,
  type BasisPoints,
  type Cents,
  type CoverageId,
  type IsoDate,
  type PayerId,
  type PlanId,
  type WallTime,
} from '../core/index.js';

// Plans, benefits, accumulators, cost share, coordination of benefits.
export * from './model.js';
export * from './errors.js';
export * from './annualLimits.js';
export * from './percent.js';
export * from './costShare.js';
export * from './accumulatorAmounts.js';
export * from './payerOrder.js';
export * from './secondaryPayment.js';
export * from './medicareNonParticipating.js';
export * from './esrdCoordination.js';
export * from './hdhpQualification.js';
export * from './checkInCollection.js';
export * from './x12/coverageLevel.js';

// ----------------------------------------------------------------------------------------------
// (separator: keeps the two halves of this module from editing adjacent lines)
// ----------------------------------------------------------------------------------------------

// X12 270/271, clearinghouse JSON, eligibility, FHIR.
export * from './eligibilityModel.js';
export * from './eligibility.js';
export * from './eligibilityDates.js';
export * from './x12/codes.js';
export * from './x12/errors.js';
export * from './x12/parse.js';
export * from './x12/read271.js';
export * from './x12/build270.js';
export * from './clearinghouse.js';
export * from './eligibilityBenefits.js';
export * from './fhir.js';
