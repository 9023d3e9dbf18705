/**
 * Scheduling: availability, slot finding, booking rules and the appointment lifecycle.
 *
 * @module scheduling
 */
export * from './recurrence.js';
