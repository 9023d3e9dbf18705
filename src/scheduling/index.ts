/**
 * Scheduling: availability, slot finding, booking rules and the appointment lifecycle.
 *
 * @module scheduling
 */

// The ids and scalars this module's functions take: types, literal constructors that throw on a
// bad constant, and the parsers of the scalars for outside data (the same bindings as medoffice/core).
export {
  actorId,
  appointmentId,
  appointmentTypeId,
  basisPoints,
  cents,
  isoDate,
  isoInstant,
  locationId,
  parseBasisPoints,
  parseCents,
  parseIsoDate,
  parseIsoInstant,
  parseWallTime,
  parseZone,
  patientId,
  providerId,
  resourceId,
  templateId,
  wallTime,
  zone,
  type ActorId,
  type AppointmentId,
  type AppointmentTypeId,
  type BasisPoints,
  type Cents,
  type IanaZone,
  type IsoDate,
  type IsoInstant,
  type LocationId,
  type PatientId,
  type ProviderId,
  type ResourceId,
  type TemplateId,
  type WallTime,
} from '../core/index.js';

// Models, availability, slot finding, booking validation.
export { recurrenceDates, type RecurrenceError } from './recurrence.js';
export { expandAvailability, type AvailabilityRange, type OwnerAvailability } from './availability.js';
export {
  type Appointment,
  type AppointmentHistoryEntry,
  AppointmentHistoryEntrySchema,
  AppointmentSchema,
  type AppointmentStatus,
  AppointmentStatusSchema,
  type AppointmentType,
  AppointmentTypeSchema,
  type AvailabilityException,
  AvailabilityExceptionSchema,
  type AvailabilityTemplate,
  AvailabilityTemplateSchema,
  type Hold,
  HoldSchema,
  type Location,
  LocationSchema,
  parseAppointment,
  parseAppointmentType,
  parseAvailabilityException,
  parseAvailabilityTemplate,
  parseHold,
  parseProvider,
  parseSchedulingCalendar,
  parseSlotOptions,
  parseSlotQuery,
  parseWaitlistEntry,
  type PatientStatus,
  PatientStatusSchema,
  type Provider,
  ProviderSchema,
  type Resource,
  type ResourceCategory,
  ResourceCategorySchema,
  ResourceSchema,
  type ScheduleOwner,
  ScheduleOwnerSchema,
  type SchedulingCalendar,
  SchedulingCalendarSchema,
  type Slot,
  type SlotOptions,
  SlotOptionsSchema,
  type SlotQuery,
  SlotQuerySchema,
  type SlotRanking,
  SlotRankingSchema,
  type WaitlistEntry,
  WaitlistEntrySchema,
  type WallWindow,
  WallWindowSchema,
  type WeekdayCode,
  WeekdayCodeSchema,
  type WorkWeek,
  WorkWeekSchema,
} from './model.js';
export {
  type BookingConflict,
  type BookingConflictCode,
  type BookingRejected,
  type SchedulingError,
  type SchedulingInputError,
  type SchedulingReferenceError,
} from './errors.js';
export { findSlots, firstAvailable, groupSlotsByDay, type SlotDay } from './slots.js';
export { parseSchedulingCalendarJson } from './calendarJson.js';
export { BLOCKING_APPOINTMENT_STATUSES } from './calendarIndex.js';
export { validateBooking, type BookingVerdict } from './booking.js';
export { explainSlotExclusions, type SlotExclusion } from './explain.js';

// ----------------------------------------------------------------------------------------------
// (separator: keeps the two halves of this module from editing adjacent lines)
// ----------------------------------------------------------------------------------------------

// Appointment lifecycle, waitlist, follow-ups, sequences, series, check-in, utilization, FHIR, iCalendar.
export {
  APPOINTMENT_TRANSITIONS,
  allowedAppointmentEvents,
  transitionAppointment,
  type AppointmentEvent,
  type AppointmentEventBase,
  type AppointmentEventType,
  type AppointmentTransition,
  type CheckInClearance,
  type LifecycleError,
  type TransitionResult,
} from './transitions.js';
export {
  matchWaitlist,
  type WaitlistMatch,
  type WaitlistMatches,
  type WaitlistMismatchCode,
  type WaitlistMiss,
} from './waitlist.js';
export { findFollowUpSlots, type FollowUpInterval, type FollowUpSlot } from './followUp.js';
export { planSequence, type SequencePlan, type SequenceRequest, type SequenceStep } from './sequence.js';
export {
  planSeries,
  splitSeries,
  type SeriesOccurrence,
  type SeriesPattern,
  type SeriesPlan,
} from './series.js';
export { utilization, type ProviderDayUtilization, type UtilizationReport } from './utilization.js';
export {
  FHIR_TIMEZONE_EXTENSION,
  MEDOFFICE_APPOINTMENT_TYPE_SYSTEM,
  busyFromFhirSlots,
  fromFhirAppointment,
  fromFhirSchedule,
  fromFhirSlot,
  toFhirAppointment,
  toFhirSchedule,
  toFhirSlot,
  type FhirSlotInfo,
  type ScheduleDescription,
  type ScheduleInfo,
  type SchedulingFhirError,
} from './fhir.js';
export { toICalendar, type ICalendarError, type ICalendarOptions } from './icalendar.js';
export {
  prepareCheckIn,
  type CheckInArea,
  type CheckInItem,
  type CheckInItemCode,
  type CheckInSources,
  type CheckInVerdict,
} from './checkIn.js';
