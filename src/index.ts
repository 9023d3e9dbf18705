/**
 * medoffice: the administrative work of a medical office as pure, typed functions.
 *
 * @module medoffice
 */
export * from './core/index.js';
export * from './records/index.js';
export * from './insurance/index.js';
export * from './referrals/index.js';
export * from './billing/index.js';
export * from './scheduling/index.js';
export * from './communications/index.js';
