/**
 * Insurance: eligibility, X12 270/271, patient cost share and coordination of benefits.
 *
 * @module insurance
 */
export * from './x12/coverageLevel.js';
