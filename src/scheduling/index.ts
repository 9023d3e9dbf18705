/**
 * Scheduling: availability, slot finding, booking rules and the appointment lifecycle.
 *
 * @module scheduling
 */

// Models, availability, slot finding, booking validation.
export * from './recurrence.js';
export * from './model.js';
export * from './errors.js';

// ----------------------------------------------------------------------------------------------
// (separator: keeps the two halves of this module from editing adjacent lines)
// ----------------------------------------------------------------------------------------------

// Appointment lifecycle, waitlist, follow-ups, sequences, series, check-in, utilization, FHIR, iCalendar.
