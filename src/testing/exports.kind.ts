import type { ExportKinds } from '../internal/exportKind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/testing`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const TESTING_EXPORT_KINDS = {
  parsedBy: 'core',
  centsArbitrary: 'core',
  intervalListArbitrary: 'core',
  isoDateArbitrary: 'core',
  wallTimeArbitrary: 'core',
  accumulatorsArbitrary: 'core',
  claimLinesArbitrary: 'core',
  reachableReferralArbitrary: 'core',
  appointmentArbitrary: 'core',
  generateHealthSystem: 'core',
  allowedReferralEvents: 'core',
  isTerminalReferralStatus: 'core',
  referralTargets: 'core',
  allowedAppointmentEvents: 'core',
} as const satisfies ExportKinds;
