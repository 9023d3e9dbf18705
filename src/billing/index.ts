/**
 * Billing: claims out (837P), remittances in (835), patient accounts, statements and payment plans.
 *
 * @module billing
 */
export * from './model.js';
export * from './errors.js';
export * from './x12/read835.js';
export * from './balance.js';
export * from './denials.js';
export * from './posting.js';
export * from './ledger.js';
export * from './statement.js';
export * from './paymentPlan.js';
export * from './checkClaim.js';
export * from './x12/read837P.js';
export * from './x12/build837P.js';
