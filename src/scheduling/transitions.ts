/**
 * The appointment lifecycle: an explicit transition table over FHIR R4 AppointmentStatus. FHIR
 * publishes the status definitions but no state machine; the table follows the flow its
 * definitions imply (proposed -> pending -> booked -> arrived / checked-in -> fulfilled; waitlist ->
 * booked; cancel before the visit; no-show after the start; entered-in-error from anywhere).
 */
import type { ActorId, AppointmentId } from '../core/ids.js';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { copyData } from '../internal/copyData.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { CheckInVerdict } from './checkIn.js';
import type { Appointment, AppointmentHistoryEntry, AppointmentStatus } from './model.js';

/** Names of the lifecycle events. */
export type AppointmentEventType =
  | 'hold'
  | 'book'
  | 'waitlist'
  | 'arrive'
  | 'check-in'
  | 'fulfil'
  | 'cancel'
  | 'no-show'
  | 'reschedule'
  | 'enter-in-error';

/** One row of the transition table: the statuses an event applies to, and where it leads. */
export interface AppointmentTransition {
  readonly from: readonly AppointmentStatus[];
  readonly to: AppointmentStatus;
  /** Whether the event must carry a reason (kept in the history and, for cancels, `cancelationReason`). */
  readonly reasonRequired: boolean;
}

const BEFORE_VISIT = ['proposed', 'pending', 'booked', 'waitlist'] as const;
/** The statuses FHIR app-3 lets go without start and end. */
const MAY_LACK_TIMES: readonly AppointmentStatus[] = ['proposed', 'cancelled', 'waitlist'];

/**
 * The transition table (data, so apps can show which buttons to offer). `reschedule` leaves the
 * old appointment `cancelled` (reason required) and creates a new `booked` one linked both ways.
 * `entered-in-error` is terminal; `fulfilled`, `cancelled` and `noshow` accept only
 * `enter-in-error`.
 *
 * @example
 * APPOINTMENT_TRANSITIONS['check-in'].from; // ['booked', 'arrived']
 */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentEventType, AppointmentTransition>> = {
  hold: { from: ['proposed'], to: 'pending', reasonRequired: false },
  book: { from: ['proposed', 'pending', 'waitlist'], to: 'booked', reasonRequired: false },
  waitlist: { from: ['proposed'], to: 'waitlist', reasonRequired: false },
  arrive: { from: ['booked'], to: 'arrived', reasonRequired: false },
  'check-in': { from: ['booked', 'arrived'], to: 'checked-in', reasonRequired: false },
  fulfil: { from: ['arrived', 'checked-in'], to: 'fulfilled', reasonRequired: false },
  cancel: { from: BEFORE_VISIT, to: 'cancelled', reasonRequired: true },
  'no-show': { from: ['booked'], to: 'noshow', reasonRequired: false },
  reschedule: { from: BEFORE_VISIT, to: 'cancelled', reasonRequired: true },
  'enter-in-error': {
    from: [
      'proposed',
      'pending',
      'booked',
      'arrived',
      'checked-in',
      'fulfilled',
      'cancelled',
      'noshow',
      'waitlist',
    ],
    to: 'entered-in-error',
    reasonRequired: true,
  },
};

/**
 * The events that apply to a status, in table order.
 *
 * @param status - the current FHIR status
 * @returns the event names
 * @example
 * allowedAppointmentEvents('booked'); // ['arrive', 'check-in', 'cancel', 'no-show', 'reschedule', 'enter-in-error']
 */
export const allowedAppointmentEvents = (status: AppointmentStatus): readonly AppointmentEventType[] =>
  (Object.keys(APPOINTMENT_TRANSITIONS) as AppointmentEventType[]).filter((e) =>
    APPOINTMENT_TRANSITIONS[e].from.includes(status),
  );

/**
 * What allows a check-in: a check-in verdict that is ready, or an explicit override with a reason
 * (the verdict's blocking items are then accepted knowingly and the reason is kept in the history).
 */
export type CheckInClearance =
  | { readonly kind: 'verdict'; readonly verdict: Pick<CheckInVerdict, 'ready' | 'appointment'> }
  | { readonly kind: 'override'; readonly reason: string; readonly actor?: ActorId };

/** What every lifecycle event may carry: a reason (kept in the history) and who did it. */
export interface AppointmentEventBase {
  readonly reason?: string;
  readonly actor?: ActorId;
}

/**
 * A lifecycle event. Times are ISO instants; `hold` and `book` need times when the appointment has
 * none.
 */
export type AppointmentEvent =
  | (AppointmentEventBase & { readonly type: 'arrive' | 'fulfil' | 'no-show' | 'waitlist' })
  | (AppointmentEventBase & {
      readonly type: 'hold' | 'book';
      readonly start?: IsoInstant;
      readonly end?: IsoInstant;
    })
  | (AppointmentEventBase & { readonly type: 'cancel' | 'enter-in-error'; readonly reason: string })
  | (AppointmentEventBase & { readonly type: 'check-in'; readonly clearance: CheckInClearance })
  | (AppointmentEventBase & {
      readonly type: 'reschedule';
      readonly reason: string;
      readonly newId: AppointmentId;
      readonly start: IsoInstant;
      readonly end: IsoInstant;
    });

/** Why a transition was refused. `allowed` lists the events the current status accepts. */
export interface LifecycleError extends DomainError<
  | 'lifecycle.invalid-transition'
  | 'lifecycle.reason-required'
  | 'lifecycle.times-required'
  | 'lifecycle.invalid-times'
  | 'lifecycle.too-early'
  | 'lifecycle.out-of-order'
  | 'lifecycle.check-in-not-ready'
> {
  readonly status: AppointmentStatus;
  readonly event: AppointmentEventType;
  readonly allowed: readonly AppointmentEventType[];
}

/** The outcome of a transition: the changed appointment and, for `reschedule`, the new one. */
export interface TransitionResult {
  readonly appointment: Appointment;
  readonly created?: Appointment;
}

const MESSAGES: Record<LifecycleError['code'], string> = {
  'lifecycle.invalid-transition': 'event: not allowed from the current status (see allowed)',
  'lifecycle.reason-required': 'reason: this event must carry a non-empty reason',
  'lifecycle.times-required':
    'start/end: only proposed, waitlisted and cancelled appointments may lack times (FHIR app-3); hold or book with times, or cancel',
  'lifecycle.invalid-times': 'end: must be after start',
  'lifecycle.too-early': 'at: a no-show can be recorded only at or after the appointment start',
  'lifecycle.out-of-order': 'at: must not be before the last history entry',
  'lifecycle.check-in-not-ready': 'clearance: check-in needs a ready verdict or an override with a reason',
};

/**
 * Applies a lifecycle event to an appointment at an instant.
 *
 * The event must be in `APPOINTMENT_TRANSITIONS` for the current status; the result appends a
 * history entry `{ from, to, at, event, reason, actor }`. `cancel`, `reschedule` and
 * `enter-in-error` need a reason; a cancel's reason becomes `cancelationReason` (FHIR app-4 allows
 * it on `cancelled` and `noshow`). `no-show` is accepted only at or after the start. `check-in`
 * needs a ready verdict from `prepareCheckIn` for this appointment, or an override with a reason. `reschedule` cancels
 * this appointment and creates a new `booked` one with the given id and times; the two link each
 * other (`rescheduledTo` / `rescheduledFrom`) and share the series id. An appointment without
 * times (a proposal) takes them from `hold` or `book`; any other event that would leave it without
 * times in a status that needs them (FHIR app-3) is refused. Instants are compared as instants,
 * whatever their offsets. The input is not changed.
 *
 * @param appointment - the appointment
 * @param event - what happened
 * @param at - when it happened (history is kept in order: not before the last entry)
 * @returns `Right({ appointment, created? })`, or `Left` `lifecycle.invalid-transition` (with the
 *   allowed events), `lifecycle.reason-required`, `lifecycle.times-required`,
 *   `lifecycle.invalid-times`, `lifecycle.too-early`, `lifecycle.out-of-order`,
 *   `lifecycle.check-in-not-ready`
 * @example
 * transitionAppointment(appointment, { type: 'cancel', reason: 'patient called' }, isoInstant('2026-11-23T15:00:00Z'));
 * // Right({ appointment: { ...appointment, status: 'cancelled', cancelationReason: 'patient called', history: [...] } })
 */
export const transitionAppointment = (
  appointment: Appointment,
  event: AppointmentEvent,
  at: IsoInstant,
): Either<LifecycleError, TransitionResult> => {
  const status = appointment.status;
  const fail = (code: LifecycleError['code']): Either<LifecycleError, never> =>
    err({
      code,
      message: MESSAGES[code],
      status,
      event: event.type,
      allowed: allowedAppointmentEvents(status),
    });
  const row = APPOINTMENT_TRANSITIONS[event.type];
  if (!row.from.includes(status)) return fail('lifecycle.invalid-transition');
  const reason = event.reason?.trim();
  if (row.reasonRequired && !reason) return fail('lifecycle.reason-required');
  const atMs = instantToMs(at);
  const last = appointment.history?.at(-1);
  if (last && atMs < instantToMs(last.at)) return fail('lifecycle.out-of-order');
  const entry: AppointmentHistoryEntry = {
    from: status,
    to: row.to,
    at,
    event: event.type,
    ...(reason ? { reason } : {}),
    ...(event.actor === undefined ? {} : { actor: event.actor }),
  };
  // Copies: the result shares nothing mutable with the appointment passed in.
  const next = (extra: Partial<Appointment>): Appointment =>
    copyData({
      ...appointment,
      ...extra,
      status: row.to,
      history: [...(appointment.history ?? []), entry],
    });
  if (
    appointment.start === undefined &&
    event.type !== 'book' &&
    event.type !== 'hold' &&
    !MAY_LACK_TIMES.includes(row.to)
  )
    return fail('lifecycle.times-required');
  switch (event.type) {
    case 'hold':
    case 'book': {
      const start = event.start ?? appointment.start;
      const end = event.end ?? appointment.end;
      if (start === undefined || end === undefined) return fail('lifecycle.times-required');
      if (!(instantToMs(start) < instantToMs(end))) return fail('lifecycle.invalid-times');
      return ok({ appointment: next({ start, end }) });
    }
    case 'no-show':
      if (appointment.start === undefined || atMs < instantToMs(appointment.start))
        return fail('lifecycle.too-early');
      return ok({ appointment: next({}) });
    case 'check-in': {
      const c = event.clearance;
      const cleared =
        c.kind === 'verdict'
          ? c.verdict.ready && c.verdict.appointment === appointment.id
          : !!c.reason.trim();
      if (!cleared) return fail('lifecycle.check-in-not-ready');
      if (c.kind === 'verdict') return ok({ appointment: next({}) });
      const overridden: AppointmentHistoryEntry = {
        ...entry,
        reason: `override: ${c.reason.trim()}`,
        ...(c.actor === undefined ? {} : { actor: c.actor }),
      };
      return ok({
        appointment: { ...next({}), history: copyData([...(appointment.history ?? []), overridden]) },
      });
    }
    case 'cancel':
      return ok({ appointment: next({ cancelationReason: event.reason.trim() }) });
    case 'reschedule': {
      if (!(instantToMs(event.start) < instantToMs(event.end))) return fail('lifecycle.invalid-times');
      const { history: _h, cancelationReason: _c, rescheduledTo: _t, overbook: _o, ...rest } = appointment;
      const created: Appointment = copyData({
        ...rest,
        id: event.newId,
        status: 'booked',
        start: event.start,
        end: event.end,
        created: at,
        rescheduledFrom: appointment.id,
        history: [{ to: 'booked', at, event: 'reschedule', reason: event.reason.trim() }],
      });
      return ok({
        appointment: next({ cancelationReason: event.reason.trim(), rescheduledTo: event.newId }),
        created,
      });
    }
    default:
      return ok({ appointment: next({}) });
  }
};
