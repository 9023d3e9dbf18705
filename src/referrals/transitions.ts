/**
 * Moving a referral: the table decides which events a status accepts, the guards decide whether
 * this referral's data allows it, and every accepted event is appended to the history.
 */
import { err, ok, type Either } from '../core/result.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { referralRuleError, type ReferralError } from './errors.js';
import type {
  AppointmentLink,
  Authorization,
  AuthorizationDecision,
  AuthorizationRequest,
  AuthorizationRequestType,
  Referral,
  ReferralEvent,
} from './model.js';
import type { ReferralStatus } from './statuses.js';
import { allowedReferralEvents, referralTargets } from './transitionTable.js';
import { windowPosition } from './validity.js';
import { approvedAuthorization, authorizationNotNeeded, referralVisits } from './visits.js';

/** Fields an event may remove: the refusal it answers, the ending a renewal revives. */
type Cleared = 'refusal' | 'ending';

// A guard's verdict: fields to replace, the target when the row has several, and fields to remove.
type Change = Partial<Omit<Referral, 'history' | 'status'>> & {
  readonly status?: ReferralStatus;
  readonly clear?: readonly Cleared[];
};
type Step = Either<ReferralError, Change>;

// The verdict of guards that pass without changing a field (one shared, frozen object).
const UNCHANGED: Change = Object.freeze({});
const NO_CHANGE: Step = ok(UNCHANGED);

const fail = (...args: Parameters<typeof referralRuleError>): Step => err(referralRuleError(...args));

const currentAuthorization = (r: Referral): Authorization | undefined =>
  r.authorizations[r.authorizations.length - 1];

const replaceCurrent = (r: Referral, next: Authorization): readonly Authorization[] => [
  ...r.authorizations.slice(0, -1),
  next,
];

const newAuthorization = (
  r: Referral,
  request: AuthorizationRequest,
  at: IsoInstant,
  allowed: readonly AuthorizationRequestType[],
  replaces?: Authorization,
): Either<ReferralError, Authorization> => {
  if (!allowed.includes(request.requestType))
    return err(
      referralRuleError('referral.request-type', `request type must be one of: ${allowed.join(', ')}`, {
        allowed,
      }),
    );
  if (r.authorizations.some((a) => a.id === request.id))
    return err(
      referralRuleError(
        'referral.duplicate-authorization',
        'a new request needs a new authorization id; an existing one is never edited',
      ),
    );
  return ok({
    id: request.id,
    payer: request.payer,
    requestType: request.requestType,
    requestedAt: at,
    ...(replaces === undefined ? {} : { replaces: replaces.id }),
    requestedUnits: request.items.reduce((n, i) => n + i.requestedUnits, 0),
    decision: 'requested',
    items: request.items.map((i) => ({ ...i, decision: 'requested' as const })),
  });
};

const hasFinalNote = (r: Referral): boolean => r.notes.some((n) => n.kind === 'final');

/**
 * Scheduling needs a valid authorization covering the new appointment, unless none is needed:
 * its date inside the window, and fewer used or booked visits in the window than granted. Before
 * the window the office books later; after it, it asks for an extension first.
 */
const scheduleGuard = (r: Referral, link: AppointmentLink): Step => {
  if (r.appointments.some((a) => a.appointment === link.appointment))
    return fail('referral.duplicate-appointment', 'appointment is already linked to this referral');
  const appointments = [...r.appointments, link];
  if (authorizationNotNeeded(r)) return ok({ appointments });
  const auth = approvedAuthorization(r);
  if (auth?.period === undefined)
    return fail(
      'referral.authorization-required',
      'scheduling needs an approved authorization (A1, A2 or A6)',
    );
  const position = windowPosition(auth.period, instantToMs(link.start));
  if (position === 'before-start')
    return fail(
      'referral.outside-authorization-window',
      'appointment date is before the authorization period starts: book it on or after the first valid day',
      { position },
    );
  if (position === 'after-end')
    return fail(
      'referral.outside-authorization-window',
      'appointment date is after the authorization period ends: request an extension (UM02 = 4) first',
      { position },
    );
  const visits = referralVisits(r);
  return visits.used + visits.booked >= (visits.approved ?? 0)
    ? fail(
        'referral.visits-exhausted',
        'the authorization has no visits left for this appointment: request a renewal (UM02 = R) first',
      )
    : ok({ appointments });
};

/**
 * Where a referral goes when its last booked appointment is settled: a cancelled or missed visit
 * is rebooked; a kept visit ends a single consult (nothing limits the visits) and ends a
 * multi-visit authorization once its visits are used up or its window has ended, else the next
 * visit is booked. A no-show the payer counts can use the last visit, too.
 */
const afterLastBooked = (r: Referral, outcome: AppointmentLink['status'], at: IsoInstant): ReferralStatus => {
  if (outcome === 'cancelled') return 'authorized';
  const visits = referralVisits(r);
  if (visits.kept === 0) return 'authorized';
  const auth = approvedAuthorization(r);
  if (auth?.period === undefined || visits.remaining === undefined)
    return outcome === 'kept' ? 'completed' : 'authorized';
  const windowOpen = windowPosition(auth.period, instantToMs(at)) !== 'after-end';
  return visits.remaining > 0 && windowOpen ? 'authorized' : 'completed';
};

/** Marks a booked appointment kept, missed or cancelled; the referral stays scheduled while others remain. */
const visitOutcome = (
  r: Referral,
  appointment: string,
  outcome: 'kept' | 'no-show' | 'cancelled',
  at: IsoInstant,
): Step => {
  const i = r.appointments.findIndex((a) => a.appointment === appointment && a.status === 'booked');
  if (i < 0)
    return fail(
      'referral.unknown-appointment',
      'no booked appointment with this id is linked to the referral',
    );
  const appointments = r.appointments.map((a, k) => (k === i ? { ...a, status: outcome } : a));
  const stillBooked = appointments.some((a) => a.status === 'booked');
  return ok({
    appointments,
    status: stillBooked ? 'scheduled' : afterLastBooked({ ...r, appointments }, outcome, at),
  });
};

const EXPECTED_DECISIONS: Readonly<
  Record<
    'authorization-approved' | 'authorization-pended' | 'authorization-denied',
    readonly AuthorizationDecision[]
  >
> = {
  'authorization-approved': ['approved', 'partly-approved', 'modified'],
  'authorization-pended': ['pended'],
  'authorization-denied': ['denied'],
};

const decide = (r: Referral, event: Extract<ReferralEvent, { decision: unknown }>, at: IsoInstant): Step => {
  const auth = currentAuthorization(r);
  if (auth === undefined || (auth.decision !== 'requested' && auth.decision !== 'pended'))
    return fail('referral.no-open-request', 'no authorization request is waiting for a decision');
  const d = event.decision;
  const expected = EXPECTED_DECISIONS[event.type];
  if (!expected.includes(d.decision))
    return fail('referral.decision-mismatch', `event ${event.type} needs decision ${expected.join(' or ')}`);
  if (event.type === 'authorization-approved') {
    if (d.period === undefined || d.approvedUnits === undefined)
      return fail('referral.decision-incomplete', 'an approval needs the validity period and granted units');
    if (d.approvedUnits <= 0)
      return fail('referral.no-units-approved', 'an approval needs at least one approved visit or unit');
    // ISO dates compare as text.
    if (d.period.end < d.period.start)
      return fail('referral.invalid-period', 'the authorization period ends before it starts');
    if (d.certificationNumber === undefined)
      return fail(
        'referral.certification-number-required',
        'an approval (A1, A2, A6) needs the certification number (HCR02)',
      );
  }
  const decided: Authorization = { ...auth, ...d, items: d.items ?? auth.items, decidedAt: at };
  const authorizations = replaceCurrent(r, decided);
  return ok(
    event.type === 'authorization-denied'
      ? { authorizations, refusal: { by: 'payer', authorization: auth.id, reason: d.denialReason ?? {} } }
      : { authorizations },
  );
};

const resubmit = (r: Referral, event: Extract<ReferralEvent, { type: 'resubmit' }>, at: IsoInstant): Step => {
  const amended = event.diagnoses === undefined ? {} : { diagnoses: event.diagnoses };
  if (r.refusal?.by === 'specialist') {
    if (event.receiving === undefined || event.receiving.provider === r.receiving.provider)
      return fail(
        'referral.resubmission-incomplete',
        'after a specialist decline, resubmit to a different receiving provider',
      );
    return ok({ ...amended, receiving: event.receiving, clear: ['refusal'] });
  }
  if (event.request === undefined)
    return fail(
      'referral.resubmission-incomplete',
      'after a payer denial, resubmit with a new authorization request or an appeal',
    );
  if (event.request.requestType === 'revision')
    return fail(
      'referral.denial-not-editable',
      'a denial cannot be revised (Da Vinci PAS): send a new request or an appeal',
    );
  const next = newAuthorization(
    r,
    event.request,
    at,
    ['initial', 'appeal-immediate', 'appeal-standard'],
    currentAuthorization(r),
  );
  return next._tag === 'Left'
    ? next
    : ok({ ...amended, authorizations: [...r.authorizations, next.right], clear: ['refusal'] });
};

/**
 * Expiry needs the window ended at `at` (`validity-ended`) or, before the service is done, the
 * approved visits used up (`visits-exhausted`); the reason is derived, never chosen.
 */
const expire = (r: Referral, at: IsoInstant): Step => {
  if (hasFinalNote(r))
    return fail('referral.loop-closed', 'the final consult note has arrived: close the referral instead');
  const auth = approvedAuthorization(r);
  if (auth?.period === undefined)
    return fail(
      'referral.authorization-still-valid',
      'no approved authorization limits this referral: there is nothing to expire',
    );
  if (windowPosition(auth.period, instantToMs(at)) === 'after-end')
    return ok({ ending: { reason: 'validity-ended' } });
  if (r.status !== 'completed' && referralVisits(r).remaining === 0)
    return ok({ ending: { reason: 'visits-exhausted' } });
  return fail(
    'referral.authorization-still-valid',
    r.status === 'completed'
      ? 'the authorization period has not ended'
      : 'the authorization period has not ended and visits are left',
  );
};

/** Guards and effect of one event, after the table accepted it. */
const step = (r: Referral, event: ReferralEvent, at: IsoInstant): Step => {
  switch (event.type) {
    case 'submit': {
      if (r.diagnoses.length === 0)
        return fail('referral.missing-diagnosis', 'submit needs at least one ICD-10-CM diagnosis');
      const missing = r.attachments.filter((a) => a.required && a.document === undefined).map((a) => a.kind);
      return missing.length > 0
        ? fail(
            'referral.missing-attachment',
            `submit needs the required attachments: ${missing.join(', ')}`,
            {
              kinds: missing,
            },
          )
        : NO_CHANGE;
    }
    case 'request-authorization': {
      const allowed: readonly AuthorizationRequestType[] =
        r.status === 'expired' ? ['renewal', 'revision', 'extension'] : ['initial'];
      const renewing = r.status === 'expired';
      const next = newAuthorization(
        r,
        event.request,
        at,
        allowed,
        renewing ? currentAuthorization(r) : undefined,
      );
      if (next._tag === 'Left') return next;
      const authorizations = [...r.authorizations, next.right];
      return ok(renewing ? { authorizations, clear: ['ending'] } : { authorizations });
    }
    case 'authorization-not-required': {
      if (event.source === 'office' && r.authorizationRequired !== false)
        return fail(
          'referral.authorization-required',
          'only the payer (HCR01 NA) can waive authorization unless the referral is marked as not requiring one',
        );
      // The answer holds for the whole referral: later scheduling needs no authorization.
      const auth = currentAuthorization(r);
      return r.status === 'pending-authorization' && auth
        ? ok({
            authorizationRequired: false,
            authorizations: replaceCurrent(r, {
              ...auth,
              decision: 'not-required',
              actionCode: 'NA',
              decidedAt: at,
            }),
          })
        : ok({ authorizationRequired: false });
    }
    case 'authorization-approved':
    case 'authorization-pended':
    case 'authorization-denied':
      return decide(r, event, at);
    case 'specialist-declined':
      return ok({ refusal: { by: 'specialist', reason: event.reason } });
    case 'resubmit':
      return resubmit(r, event, at);
    case 'send': {
      // `resubmitted` is entered only by `resubmit`: a new request goes to the payer, a redirect
      // to the new provider.
      const last = r.history[r.history.length - 1]?.event;
      return ok({
        status: last?.type === 'resubmit' && last.request ? 'pending-authorization' : 'submitted',
      });
    }
    case 'schedule': {
      const link: AppointmentLink = {
        appointment: event.appointment,
        start: event.start,
        status: 'booked',
        ...(event.purpose === undefined ? {} : { purpose: event.purpose }),
      };
      return scheduleGuard(r, link);
    }
    case 'no-show':
      return visitOutcome(r, event.appointment, 'no-show', at);
    case 'appointment-cancelled':
      return visitOutcome(r, event.appointment, 'cancelled', at);
    case 'visit-kept':
      return visitOutcome(r, event.appointment, 'kept', at);
    case 'consult-note-received':
      // Between visits, and after expiry, a note needs a visit kept inside the window.
      if ((r.status === 'authorized' || r.status === 'expired') && referralVisits(r).kept === 0)
        return fail(
          'referral.no-visit-kept',
          'a consult note needs a visit kept inside the authorization window',
        );
      return ok({ notes: [...r.notes, { document: event.document, kind: event.kind, receivedAt: at }] });
    case 'close':
      return hasFinalNote(r)
        ? NO_CHANGE
        : fail('referral.consult-note-required', 'closing needs the final consult note (360X PCC-57)');
    case 'expire':
      return expire(r, at);
    case 'not-pursued':
      return ok({ ending: { reason: 'not-pursued', text: event.reason } });
    case 'cancel': {
      if (hasFinalNote(r))
        return fail(
          'referral.loop-closed',
          'the loop is closed (final consult note received): nothing to cancel',
        );
      // Cancelling withdraws an open request (UM02 = 3); the payer's C confirms any request.
      const auth = currentAuthorization(r);
      const open = auth?.decision === 'requested' || auth?.decision === 'pended';
      if (auth === undefined || (!open && event.byPayer !== true)) return NO_CHANGE;
      const cancelled: Authorization = { ...auth, decision: 'cancelled', decidedAt: at };
      return ok({
        authorizations: replaceCurrent(
          r,
          event.byPayer === true ? { ...cancelled, actionCode: 'C' } : cancelled,
        ),
      });
    }
  }
};

/**
 * Applies one event to a referral: the transition table ({@link REFERRAL_TRANSITIONS}) must allow
 * the event in the referral's status, then the event's guards must pass (submit needs a diagnosis
 * and the required attachments; an approval needs a certification number, at least one approved
 * unit and a period that does not end before it starts; scheduling needs an approved
 * authorization covering the appointment date and a visit left, unless none is required or the
 * payer answered NA; a denial is answered only by a new request or an appeal, or left with a
 * reason (`not-pursued`); closing needs the final consult note, after which nothing can cancel
 * the referral; expiry needs the period ended or the visits used up, and records which). The
 * result is a new referral with the event appended to its history; the input is never changed,
 * and a refused event changes nothing.
 *
 * Multi-visit authorizations: a kept visit leaves the referral `authorized` (the next visit can be
 * booked) while approved visits are left and the window is open at `at`, and moves it to
 * `completed` (awaiting the consult note) when they are used up or the window has ended. A no-show
 * uses a visit only when the authorization says the payer counts them (`noShowsUseVisits`); a
 * cancelled appointment (`appointment-cancelled`) never does and sends the referral back to
 * `authorized` to rebook. Without an approved authorization (none required) the first kept visit
 * completes the referral, as for a single consult.
 *
 * Dates of the authorization window are read in the window's zone; `at` is the event's instant
 * (the one time convention of the module: payer answers too).
 *
 * @param referral - the referral
 * @param event - what happened, with the actor
 * @param at - when it happened (ISO instant with offset)
 * @returns `Right(Referral)`; `Left` `referral.invalid-event` (with the allowed events) or the
 *   guard's code: `referral.missing-diagnosis`, `referral.missing-attachment`,
 *   `referral.request-type`, `referral.duplicate-authorization`, `referral.authorization-required`,
 *   `referral.no-open-request`, `referral.decision-mismatch`, `referral.decision-incomplete`,
 *   `referral.no-units-approved`, `referral.invalid-period`,
 *   `referral.certification-number-required`, `referral.denial-not-editable`,
 *   `referral.resubmission-incomplete`, `referral.outside-authorization-window` (with
 *   `details.position` `before-start` or `after-end`), `referral.visits-exhausted`,
 *   `referral.duplicate-appointment`, `referral.unknown-appointment`,
 *   `referral.consult-note-required`, `referral.no-visit-kept`,
 *   `referral.authorization-still-valid`, `referral.loop-closed`
 * @example
 * const r = transitionReferral(draft, { type: 'submit', actor: actorId('u-maria') }, isoInstant('2026-11-23T09:00:00-05:00'));
 * if (isOk(r)) r.right.status; // 'submitted'
 */
export const transitionReferral = (
  referral: Referral,
  event: ReferralEvent,
  at: IsoInstant,
): Either<ReferralError, Referral> => {
  const targets = referralTargets(referral.status, event.type);
  if (targets === undefined) {
    const allowed = allowedReferralEvents(referral.status);
    return err({
      code: 'referral.invalid-event',
      message: `event ${event.type} is not allowed in status ${referral.status}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (terminal)'}`,
      status: referral.status,
      event: event.type,
      allowed,
    });
  }
  const change = step(referral, event, at);
  if (change._tag === 'Left') return change;
  const c = change.right;
  const to = c.status ?? (targets[0] as ReferralStatus);
  const history = [...referral.history, { at, from: referral.status, to, event }];
  // The common case: a plain clone (which keeps the key order) with two fields set.
  // Stryker disable next-line ConditionalExpression: a fast path; spreading the empty UNCHANGED below gives the same object
  if (c === UNCHANGED) return ok({ ...referral, status: to, history });
  const { status: _s, clear, ...patch } = c;
  return ok({
    ...(clear === undefined ? referral : without(referral, clear)),
    ...patch,
    status: to,
    history,
  });
};

const without = (r: Referral, fields: readonly Cleared[]): Referral => {
  const copy = { ...r };
  for (const f of fields) delete copy[f];
  return copy;
};
