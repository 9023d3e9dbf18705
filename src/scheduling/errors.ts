/**
 * Scheduling errors: coded plain objects. Messages name fields and rules, never patient data.
 */
import type { DomainError } from '../core/errors.js';
import type { AppointmentId, ProviderId, ResourceId } from '../core/ids.js';
import type { IsoInstant } from '../core/calendar.js';

/** Codes of a single reason a time cannot be booked, shared by `validateBooking` and slot explanations. */
export type BookingConflictCode =
  | 'booking.outside-availability'
  | 'booking.type-not-allowed'
  | 'booking.provider-not-eligible'
  | 'booking.overlaps-booking'
  | 'booking.overlaps-hold'
  | 'booking.resource-busy'
  | 'booking.resource-missing'
  | 'booking.patient-double-booked'
  | 'booking.notice'
  | 'booking.horizon'
  | 'booking.day-limit'
  | 'booking.week-limit'
  | 'booking.overbook-not-allowed'
  | 'booking.invalid-times';

/**
 * One reason a time cannot be booked: the rule, and what it collides with (ids only).
 */
export interface BookingConflict extends DomainError<BookingConflictCode> {
  /** The other appointment involved (overlap, patient double booking, limit). */
  readonly appointment?: AppointmentId;
  /** The hold involved. */
  readonly hold?: string;
  /** The resource involved. */
  readonly resource?: ResourceId;
  /** The provider involved. */
  readonly provider?: ProviderId;
  /** The earliest instant that rule allows (notice) or the latest (horizon). */
  readonly limit?: IsoInstant;
}

/** `validateBooking` found conflicts; all of them are listed. */
export interface BookingRejected extends DomainError<'booking.rejected'> {
  readonly conflicts: readonly BookingConflict[];
}

/** A reference in a query or booking that the calendar does not hold. */
export type SchedulingReferenceError = DomainError<
  | 'scheduling.unknown-type'
  | 'scheduling.unknown-provider'
  | 'scheduling.unknown-resource'
  | 'scheduling.no-eligible-provider'
> & { readonly ref: string };

/** An input the functions cannot work with (empty range, unreadable rule or cursor). */
export type SchedulingInputError = DomainError<
  | 'scheduling.invalid-range'
  | 'scheduling.invalid-rule'
  | 'scheduling.invalid-cursor'
  | 'scheduling.patient-status'
> & { readonly field: string };

/**
 * Every error the scheduling module returns. Switch on `code`.
 */
export type SchedulingError = SchedulingReferenceError | SchedulingInputError | BookingRejected;

/**
 * Builds a reference error.
 *
 * @param code - which reference is unknown
 * @param ref - the id that was not found (ids are not patient data)
 * @returns the coded error
 * @example
 * unknownReference('scheduling.unknown-type', 'np40');
 */
export const unknownReference = (
  code: SchedulingReferenceError['code'],
  ref: string,
): SchedulingReferenceError => ({
  code,
  ref,
  message: {
    'scheduling.unknown-type': 'query.type: the calendar has no appointment type with this id',
    'scheduling.unknown-provider': 'provider: the calendar has no provider with this id',
    'scheduling.unknown-resource': 'resources: the calendar has no resource with this id',
    'scheduling.no-eligible-provider':
      'providers: no provider is eligible for this appointment type (eligibleProviders, eligibleSpecialties, query.providers, query.location)',
  }[code],
});

/**
 * Builds an input error.
 *
 * @param code - which input rule failed
 * @param field - the field, such as `query.to`
 * @param rule - the rule broken, in words
 * @returns the coded error
 * @example
 * invalidInput('scheduling.invalid-range', 'query.to', 'must be after query.from');
 */
export const invalidInput = (
  code: SchedulingInputError['code'],
  field: string,
  rule: string,
): SchedulingInputError => ({ code, field, message: `${field}: ${rule}` });
