/**
 * Patient records: identifier validation, normalization, matching, redaction and documents.
 *
 * @module records
 */
export * from './npi.js';
export * from './mbi.js';
export * from './phone.js';
export * from './zip.js';
export * from './ssn.js';
export * from './procedureCode.js';
export * from './icd10.js';
export * from './model.js';
export * from './names.js';
export * from './address.js';
export * from './normalize.js';
export * from './readiness.js';
