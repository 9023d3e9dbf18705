import type { ExportKinds } from '../internal/exportKind.js';
import { scalarKinds } from '../core/exports.kind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/insurance`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const INSURANCE_EXPORT_KINDS = {
  ...scalarKinds(
    'isoDate',
    'parseIsoDate',
    'wallTime',
    'parseWallTime',
    'cents',
    'parseCents',
    'basisPoints',
    'parseBasisPoints',
    'payerId',
    'planId',
    'coverageId',
  ),
  parsePayer: 'edge',
  parsePlan: 'edge',
  parseBenefitSet: 'edge',
  parseAccumulators: 'edge',
  parseCoverage: 'edge',
  parseClaimLines: 'edge',
  annualLimitsFor: 'core',
  patientShareFromPercent: 'edge',
  estimateCostShare: 'core',
  resolveAccumulatorAmounts: 'core',
  parsePayerOrderPatient: 'edge',
  determinePayerOrder: 'core',
  secondaryPayment: 'core',
  collectAtCheckIn: 'core',
  coverageLevelScope: 'text',
  parseEligibilityQuery: 'edge',
  checkEligibility: 'core',
  coveragePeriods: 'core',
  parseX12: 'edge',
  read271: 'edge',
  parseEligibilityRequest: 'edge',
  build270: 'core',
  fromClearinghouseEligibility: 'edge',
  benefitsFromEligibility: 'core',
  toFhirCoverage: 'core',
  fromFhirCoverage: 'edge',
  toFhirCoverageEligibilityResponse: 'core',
  remainingAmounts: 'core',
  medicareNonParticipating: 'core',
  esrdCoordinationPeriod: 'core',
  checkHdhpQualification: 'core',
} as const satisfies ExportKinds;
