/**
 * Patient records: identifier validation, normalization, matching, redaction and documents.
 *
 * @module records
 */
export * from './npi.js';
