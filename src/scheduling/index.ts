/**
 * Scheduling: availability, slot finding, booking rules and the appointment lifecycle.
 *
 * @module scheduling
 */

// Models, availability, slot finding, booking validation.
export { recurrenceDates, type RecurrenceError } from './recurrence.js';
export { expandAvailability, type AvailabilityRange, type OwnerAvailability } from './availability.js';
export * from './model.js';
export * from './errors.js';
export { findSlots, firstAvailable, groupSlotsByDay, type SlotDay } from './slots.js';
export { BLOCKING_APPOINTMENT_STATUSES } from './calendarIndex.js';
export { validateBooking, type BookingVerdict } from './booking.js';
export { explainSlotExclusions, type SlotExclusion } from './explain.js';

// ----------------------------------------------------------------------------------------------
// (separator: keeps the two halves of this module from editing adjacent lines)
// ----------------------------------------------------------------------------------------------

// Appointment lifecycle, waitlist, follow-ups, sequences, series, check-in, utilization, FHIR, iCalendar.
