/**
 * The shared kernel: results, coded errors, branded ids, money in cents, time zones with the DST
 * policy, and the interval algebra behind slot finding.
 *
 * @module core
 */
export * from './result.js';
export * from './errors.js';
export * from './ids.js';
export * from './money.js';
export * from './calendar.js';
export * from './time.js';
export * from './interval.js';
