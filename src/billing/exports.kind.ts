import type { ExportKinds } from '../internal/exportKind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/billing`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const BILLING_EXPORT_KINDS = {
  parseEncounter: 'edge',
  parseClaim: 'edge',
  parseRemittance: 'edge',
  parseAdjustment: 'edge',
  parsePatientAccount: 'edge',
  parseStatement: 'edge',
  parsePaymentPlanTerms: 'edge',
  parsePaymentPlan: 'edge',
  read835: 'edge',
  read837P: 'edge',
  checkBalance: 'core',
  denialNextStep: 'core',
  postRemittance: 'core',
  accountBalance: 'core',
  recordEntry: 'core',
  applyPayment: 'core',
  statement: 'core',
  agingBucket: 'core',
  planPayments: 'core',
  checkClaim: 'core',
  build837P: 'core',
  buildClaim: 'core',
  secondaryClaim: 'core',
  reconcileEstimate: 'core',
  read277: 'edge',
  statusCategoryGroup: 'text',
  toFhirClaim: 'core',
  fromFhirClaim: 'edge',
  toFhirClaimResponses: 'core',
  toFhirExplanationsOfBenefit: 'core',
  fromFhirClaimResponse: 'edge',
  fromFhirExplanationOfBenefit: 'edge',
} as const satisfies ExportKinds;
