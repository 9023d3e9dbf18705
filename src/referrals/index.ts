/**
 * Referrals and prior authorization: the lifecycle, payer decisions and the worklist.
 *
 * @module referrals
 */
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
