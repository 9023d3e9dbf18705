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
import { periodBounds } from './instants.js';
import { authorizationStatus, isApprovedAuthorization, type ReferralAppointment } from './validity.js';

// A guard's verdict: fields to replace, the target when the row has two, and whether the refusal
// that put the referral in `denied` is answered.
type Change = Partial<Omit<Referral, 'history' | 'status' | 'refusal'>> & {
  readonly status?: ReferralStatus;
  readonly refusal?: Referral['refusal'];
  readonly clearRefusal?: true;
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

const toAppointments = (links: readonly AppointmentLink[]): ReferralAppointment[] =>
  links.map((l) => ({
    id: l.appointment,
    start: l.start,
    status: l.status === 'kept' ? 'fulfilled' : l.status === 'no-show' ? 'noshow' : 'booked',
  }));

const authorizationNotNeeded = (r: Referral): boolean =>
  r.authorizationRequired === false || currentAuthorization(r)?.decision === 'not-required';

/**
 * Scheduling needs a valid authorization covering the new appointment, unless none is needed:
 * its date inside the window, and fewer booked or kept visits in the window than granted.
 */
const scheduleGuard = (r: Referral, link: AppointmentLink): Step => {
  if (r.appointments.some((a) => a.appointment === link.appointment))
    return fail('referral.duplicate-appointment', 'appointment is already linked to this referral');
  const appointments = [...r.appointments, link];
  if (authorizationNotNeeded(r)) return ok({ appointments });
  const auth = currentAuthorization(r);
  if (!auth || !isApprovedAuthorization(auth.decision) || !auth.period || auth.approvedUnits === undefined)
    return fail(
      'referral.authorization-required',
      'scheduling needs an approved authorization (A1, A2 or A6)',
    );
  const { startMs, endMs } = periodBounds(auth.period);
  const inside = (a: AppointmentLink): boolean => {
    const ms = instantToMs(a.start);
    return ms >= startMs && ms < endMs;
  };
  if (!inside(link))
    return fail(
      'referral.outside-authorization-window',
      'appointment date is outside the authorization period: request an extension (UM02 = 4) first',
    );
  let used = 0;
  for (const a of r.appointments) if (a.status !== 'no-show' && inside(a)) used++;
  return used >= auth.approvedUnits
    ? fail(
        'referral.visits-exhausted',
        'the authorization has no visits left for this appointment: request a renewal (UM02 = R) first',
      )
    : ok({ appointments });
};

/** Marks a booked appointment kept or missed; the referral stays scheduled while others remain. */
const visitOutcome = (
  r: Referral,
  appointment: string,
  outcome: 'kept' | 'no-show',
  otherwise: ReferralStatus,
): Step => {
  const i = r.appointments.findIndex((a) => a.appointment === appointment && a.status === 'booked');
  if (i < 0)
    return fail(
      'referral.unknown-appointment',
      'no booked appointment with this id is linked to the referral',
    );
  const appointments = r.appointments.map((a, k) => (k === i ? { ...a, status: outcome } : a));
  const stillBooked = appointments.some((a) => a.status === 'booked');
  return ok({ appointments, status: stillBooked ? 'scheduled' : otherwise });
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
  if (event.type === 'authorization-approved' && (d.period === undefined || d.approvedUnits === undefined))
    return fail('referral.decision-incomplete', 'an approval needs the validity period and granted units');
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
    return ok({ ...amended, receiving: event.receiving, clearRefusal: true });
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
    : ok({ ...amended, authorizations: [...r.authorizations, next.right], clearRefusal: true });
};

const expire = (r: Referral, event: Extract<ReferralEvent, { type: 'expire' }>, at: IsoInstant): Step => {
  if (r.notes.some((n) => n.kind === 'final'))
    return fail('referral.loop-closed', 'the final consult note has arrived: close the referral instead');
  const auth = currentAuthorization(r);
  const status = auth ? authorizationStatus(auth, toAppointments(r.appointments), at) : undefined;
  const ended =
    status?._tag === 'Right' &&
    (event.reason === 'validity-ended' ? status.right.window === 'after-end' : status.right.remaining === 0);
  return ended
    ? NO_CHANGE
    : fail(
        'referral.authorization-still-valid',
        event.reason === 'validity-ended'
          ? 'the authorization period has not ended'
          : 'the authorization still has visits left',
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
      const next = newAuthorization(
        r,
        event.request,
        at,
        allowed,
        r.status === 'expired' ? currentAuthorization(r) : undefined,
      );
      return next._tag === 'Left' ? next : ok({ authorizations: [...r.authorizations, next.right] });
    }
    case 'authorization-not-required': {
      if (event.source === 'office' && r.authorizationRequired !== false)
        return fail(
          'referral.authorization-required',
          'only the payer (HCR01 NA) can waive authorization unless the referral is marked as not requiring one',
        );
      const auth = currentAuthorization(r);
      return r.status === 'pending-authorization' && auth
        ? ok({
            authorizations: replaceCurrent(r, {
              ...auth,
              decision: 'not-required',
              actionCode: 'NA',
              decidedAt: at,
            }),
          })
        : NO_CHANGE;
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
      return visitOutcome(r, event.appointment, 'no-show', 'authorized');
    case 'visit-kept':
      return visitOutcome(r, event.appointment, 'kept', 'completed');
    case 'consult-note-received':
      return ok({ notes: [...r.notes, { document: event.document, kind: event.kind, receivedAt: at }] });
    case 'close':
      return r.notes.some((n) => n.kind === 'final')
        ? NO_CHANGE
        : fail('referral.consult-note-required', 'closing needs the final consult note (360X PCC-57)');
    case 'expire':
      return expire(r, event, at);
    case 'cancel': {
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
 * and the required attachments; scheduling needs an approved authorization covering the
 * appointment date and a visit left, unless none is required; a denial is answered only by a new
 * request or an appeal; closing needs the final consult note; expiry needs the period ended or the
 * visits used up). The result is a new referral with the event appended to its history; the input
 * is never changed, and a refused event changes nothing.
 *
 * Dates of the authorization window are read in the window's zone; `at` is the event's instant.
 *
 * @param referral - the referral
 * @param event - what happened, with the actor
 * @param at - when it happened (ISO instant with offset)
 * @returns `Right(Referral)`; `Left` `referral.invalid-event` (with the allowed events) or the
 *   guard's code: `referral.missing-diagnosis`, `referral.missing-attachment`,
 *   `referral.request-type`, `referral.duplicate-authorization`, `referral.authorization-required`,
 *   `referral.no-open-request`, `referral.decision-mismatch`, `referral.decision-incomplete`,
 *   `referral.denial-not-editable`, `referral.resubmission-incomplete`,
 *   `referral.outside-authorization-window`, `referral.visits-exhausted`,
 *   `referral.duplicate-appointment`, `referral.unknown-appointment`,
 *   `referral.consult-note-required`, `referral.authorization-still-valid`, `referral.loop-closed`
 * @example
 * const r = transitionReferral(draft, { type: 'submit', actor: 'u-maria' as ActorId }, '2026-11-23T09:00:00-05:00' as IsoInstant);
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
  if (c.clearRefusal === true) {
    const { clearRefusal: _c, status: _s, ...patch } = c;
    return ok({ ...withoutRefusal(referral), ...patch, status: to, history });
  }
  // The common case: a plain clone (which keeps the key order) with two fields set.
  // Stryker disable next-line ConditionalExpression: a fast path; spreading the empty UNCHANGED below gives the same object
  if (c === UNCHANGED) return ok({ ...referral, status: to, history });
  // `c.status`, when present, is overwritten by `to`.
  return ok({ ...referral, ...c, status: to, history });
};

const withoutRefusal = (r: Referral): Referral => {
  const { refusal: _answered, ...rest } = r;
  return rest;
};
