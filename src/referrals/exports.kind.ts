import type { ExportKinds } from '../internal/exportKind.js';
import { scalarKinds } from '../core/exports.kind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/referrals`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const REFERRALS_EXPORT_KINDS = {
  ...scalarKinds(
    'isoInstant',
    'parseIsoInstant',
    'isoDate',
    'parseIsoDate',
    'zone',
    'parseZone',
    'referralId',
    'patientId',
    'authorizationId',
    'actorId',
    'appointmentId',
    'payerId',
    'documentId',
    'providerId',
  ),
  isTerminalReferralStatus: 'core',
  parseAuthorizationResponse: 'edge',
  parseReferral: 'edge',
  parseReferralEvent: 'edge',
  parseAuthorization: 'edge',
  referralTargets: 'core',
  allowedReferralEvents: 'core',
  transitionReferral: 'core',
  isApprovedAuthorization: 'core',
  authorizationStatus: 'core',
  applyAuthorizationResponse: 'core',
  referralWorklist: 'core',
  denialGuidance: 'core',
  toFhirServiceRequest: 'core',
  fromFhirServiceRequest: 'edge',
  toFhirTask: 'core',
  fromFhirTask: 'edge',
  referralVisits: 'core',
  worklistItemOf: 'core',
  statusReason: 'core',
} as const satisfies ExportKinds;
