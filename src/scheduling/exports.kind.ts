import type { ExportKinds } from '../internal/exportKind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/scheduling`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const SCHEDULING_EXPORT_KINDS = {
  recurrenceDates: 'edge',
  expandAvailability: 'core',
  findSlots: 'core',
  firstAvailable: 'core',
  groupSlotsByDay: 'core',
  validateBooking: 'core',
  explainSlotExclusions: 'core',
  allowedAppointmentEvents: 'core',
  transitionAppointment: 'core',
  matchWaitlist: 'core',
  findFollowUpSlots: 'core',
  planSequence: 'core',
  planSeries: 'core',
  splitSeries: 'core',
  utilization: 'core',
  busyFromFhirSlots: 'core',
  fromFhirAppointment: 'edge',
  fromFhirSchedule: 'edge',
  fromFhirSlot: 'edge',
  toFhirAppointment: 'core',
  toFhirSchedule: 'core',
  toFhirSlot: 'core',
  toICalendar: 'core',
  prepareCheckIn: 'core',
  parseProvider: 'edge',
  parseAppointmentType: 'edge',
  parseAvailabilityTemplate: 'edge',
  parseAvailabilityException: 'edge',
  parseAppointment: 'edge',
  parseHold: 'edge',
  parseWaitlistEntry: 'edge',
  parseSchedulingCalendar: 'edge',
  parseSlotQuery: 'edge',
  parseSlotOptions: 'edge',
  unknownReference: 'core',
  invalidInput: 'core',
} as const satisfies ExportKinds;
