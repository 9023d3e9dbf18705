/**
 * Referrals and prior authorization: the lifecycle, payer decisions and the worklist.
 *
 * @module referrals
 */
export * from './statuses.js';
