/**
 * Arbitraries of referrals and authorizations: drafts, referrals in any reachable state, built by walking the
 * real state machine ({@link transitionReferral}) with events that fit the referral at each step,
 * so the history of each generated referral is a path the library itself accepted.
 */
import * as fc from 'fast-check';
import type { IanaZone } from '../core/time.js';
import type { IsoDate, IsoInstant } from '../core/calendar.js';
import { formatInstant, wallMinutesToMs } from '../core/time.js';
import { addDays, instantToMs } from '../core/calendar.js';
import {
  parseAuthorization,
  parseReferral,
  parseReferralEvent,
  type Authorization,
  type Referral,
  type ReferralEvent,
} from '../referrals/model.js';
import { REFERRAL_STATUSES, isTerminalReferralStatus } from '../referrals/statuses.js';
import { allowedReferralEvents } from '../referrals/transitionTable.js';
import { transitionReferral } from '../referrals/transitions.js';
import { ianaZoneArbitrary, isoDateArbitrary } from './core.js';
import { npiArbitrary } from './records.js';
import { parsedBy } from './parsed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A valid referral in `draft`: a referring and a receiving provider with NPIs, one to three
 * ICD-10-CM diagnoses, CPT procedures, a priority, whether authorization is required (`true`,
 * `false` or `'unknown'`) and possibly a required attachment already attached.
 *
 * @example
 * fc.assert(fc.property(draftReferralArbitrary, (r) => r.status === 'draft' && r.history.length === 0));
 */
export const draftReferralArbitrary: fc.Arbitrary<Referral> = parsedBy(
  fc.record({
    id: fc.integer({ min: 1, max: 999_999 }).map((n) => `ref-${n}`),
    patient: fc.integer({ min: 1, max: 999_999 }).map((n) => `pat-${n}`),
    referring: npiArbitrary.map((npi) => ({ provider: 'dr-okafor', npi, specialty: 'family-medicine' })),
    receiving: fc
      .tuple(npiArbitrary, fc.constantFrom('orthopedics', 'cardiology', 'dermatology', 'radiology'))
      .map(([npi, specialty]) => ({ provider: `dr-${specialty}`, npi, specialty })),
    reason: fc.constantFrom(
      'Right knee pain after a twisting injury',
      'Exertional chest pain',
      'Changing mole',
    ),
    diagnoses: fc.uniqueArray(fc.constantFrom('S83241A', 'M25561', 'R079', 'I209', 'D485', 'E119'), {
      minLength: 1,
      maxLength: 3,
    }),
    procedures: fc.uniqueArray(fc.constantFrom('73721', '99204', '93306', '11102'), {
      minLength: 1,
      maxLength: 2,
    }),
    priority: fc.constantFrom('routine', 'urgent', 'stat'),
    payer: fc.constantFrom('payer-aetna', 'payer-bcbs', 'payer-medicare'),
    authorizationRequired: fc.constantFrom(true, false, 'unknown'),
    attachments: fc.constantFrom([], [{ kind: 'clinical-notes', required: true, document: 'doc-101' }]),
    createdAt: isoDateArbitrary('2026-01-05' as IsoDate, '2026-12-01' as IsoDate).map(
      (d) => `${d}T09:00:00-05:00`,
    ),
    status: fc.constant('draft'),
    authorizations: fc.constant([]),
    appointments: fc.constant([]),
    notes: fc.constant([]),
    history: fc.constant([]),
  }),
  parseReferral,
);

/** Where a walk stands: the referral, the clock and a counter for fresh ids. */
interface Walk {
  readonly referral: Referral;
  readonly atMs: number;
  readonly zone: IanaZone;
  readonly serial: number;
}

const dateOf = (ms: number, zone: IanaZone): string => formatInstant(ms, zone).slice(0, 10);

/**
 * Events that fit the referral now (the table allows them; their data agrees with the referral,
 * such as a booked appointment to mark kept). Guards may still refuse some; the walk skips those.
 */
const candidates = (w: Walk): readonly Record<string, unknown>[] => {
  const r = w.referral;
  const id = (prefix: string): string => `${prefix}-${w.serial}`;
  const request = (requestType: string) => ({
    id: id('auth'),
    payer: r.payer ?? 'payer-aetna',
    requestType,
    items: r.procedures.map((procedure) => ({ procedure, requestedUnits: 2 })),
  });
  const period = { start: dateOf(w.atMs, w.zone), end: dateOf(w.atMs + 60 * DAY, w.zone), zone: w.zone };
  const booked = r.appointments.filter((a) => a.status === 'booked').map((a) => a.appointment);
  const byType: Record<string, readonly Record<string, unknown>[]> = {
    submit: [{ type: 'submit' }],
    'request-authorization': (r.authorizations.length === 0
      ? ['initial']
      : ['renewal', 'extension', 'revision']
    ).map((t) => ({
      type: 'request-authorization',
      request: request(t),
    })),
    'authorization-not-required': [{ type: 'authorization-not-required', source: 'payer' }],
    'authorization-approved': [
      {
        type: 'authorization-approved',
        decision: { decision: 'approved', certificationNumber: id('CERT'), approvedUnits: 2, period },
      },
    ],
    'authorization-pended': [
      { type: 'authorization-pended', decision: { decision: 'pended', administrationReference: id('PEND') } },
    ],
    'authorization-denied': [
      {
        type: 'authorization-denied',
        decision: { decision: 'denied', denialReason: { text: 'not medically necessary' } },
      },
    ],
    'specialist-declined': [{ type: 'specialist-declined', reason: 'not accepting new patients' }],
    resubmit: [
      { type: 'resubmit', request: request('initial') },
      { type: 'resubmit', receiving: { provider: id('dr'), specialty: r.receiving.specialty } },
    ],
    send: [{ type: 'send' }],
    schedule: [{ type: 'schedule', appointment: id('apt'), start: formatInstant(w.atMs + 3 * DAY, w.zone) }],
    'no-show': booked.map((appointment) => ({ type: 'no-show', appointment })),
    'appointment-cancelled': booked.map((appointment) => ({ type: 'appointment-cancelled', appointment })),
    'visit-kept': booked.map((appointment) => ({ type: 'visit-kept', appointment })),
    'consult-note-received': ['interim', 'final'].map((kind) => ({
      type: 'consult-note-received',
      document: id('doc'),
      kind,
    })),
    close: [{ type: 'close' }],
    expire: [{ type: 'expire' }],
    'not-pursued': [{ type: 'not-pursued', reason: 'patient chose another treatment' }],
    cancel: [{ type: 'cancel', reason: 'patient request' }],
  };
  return allowedReferralEvents(r.status).flatMap((e) => byType[e] ?? []);
};

/** Detours: events that turn away from the usual path (all still happen, just less often). */
const DETOURS = new Set([
  'specialist-declined',
  'authorization-not-required',
  'authorization-denied',
  'authorization-pended',
  'appointment-cancelled',
  'not-pursued',
]);

/**
 * One step of a walk: pick a fitting event by `choice` (0-999), apply it `hours` later; refused →
 * no change. Cancelling (allowed in every live status) is picked below 10 and detours below 250,
 * so that walks get deep enough to close the loop or expire.
 */
const step = (w: Walk, choice: number, hours: number): Walk => {
  const all = candidates(w);
  const type = (e: Record<string, unknown>): string => String(e['type']);
  const onward = all.filter((e) => type(e) !== 'cancel');
  const usual = onward.filter((e) => !DETOURS.has(type(e)));
  const options =
    choice < 10 || onward.length === 0
      ? all.filter((e) => type(e) === 'cancel')
      : choice < 250 || usual.length === 0
        ? onward
        : usual;
  const raw = options[choice % Math.max(1, options.length)];
  if (raw === undefined) return w;
  const atMs = w.atMs + hours * HOUR;
  const event = parseReferralEvent({ actor: 'u-front-desk', ...raw });
  if (event._tag === 'Left') throw new Error(`referral walk built an invalid event: ${event.left.message}`);
  const next = transitionReferral(w.referral, event.right, formatInstant(atMs, w.zone));
  return next._tag === 'Right'
    ? { referral: next.right, atMs, zone: w.zone, serial: w.serial + 1 }
    : { ...w, serial: w.serial + 1 };
};

/**
 * A referral in any reachable state: a draft walked through up to `maxSteps` events that fit it
 * (submit, authorization requests and payer answers, denials and resubmissions, appointments kept
 * or missed, consult notes, closing, expiry, cancellation), each accepted by
 * {@link transitionReferral}. Its `history` is the path; its status is where the path ended.
 *
 * @param maxSteps - longest walk (default 20; closing the loop takes 7 accepted events)
 * @returns an arbitrary of referrals with their histories
 * @example
 * fc.assert(fc.property(reachableReferralArbitrary(), (r) => r.history.length <= 20));
 */
export const reachableReferralArbitrary = (maxSteps = 20): fc.Arbitrary<Referral> =>
  fc.oneof({ weight: 1, arbitrary: draftReferralArbitrary }, { weight: 19, arbitrary: walks(maxSteps) });

const walks = (maxSteps: number): fc.Arbitrary<Referral> =>
  fc
    .tuple(
      draftReferralArbitrary,
      ianaZoneArbitrary,
      fc.array(
        fc.noBias(
          fc.tuple(
            fc.integer({ min: 0, max: 999 }),
            // Mostly hours apart; sometimes two months, so authorizations run out and expire.
            fc.oneof(
              { weight: 9, arbitrary: fc.integer({ min: 1, max: 96 }) },
              { weight: 1, arbitrary: fc.constant(61 * 24) },
            ),
          ),
        ),
        {
          minLength: Math.min(6, maxSteps),
          maxLength: maxSteps,
        },
      ),
    )
    .map(([draft, zone, steps]) =>
      steps.reduce((w, [choice, hours]) => step(w, choice, hours), {
        referral: draft,
        atMs: instantToMs(draft.createdAt as IsoInstant),
        zone,
        serial: 1,
      } as Walk),
    )
    .map((w) => w.referral);

/**
 * A valid referral event of any type, for driving someone else's referral service with the same
 * inputs as ours (the event may well be refused in a given state: that is part of the test).
 *
 * @example
 * fc.sample(referralEventArbitrary, 1); // [{ type: 'submit', actor: 'u-front-desk' }]
 */
export const referralEventArbitrary: fc.Arbitrary<ReferralEvent> = fc
  .tuple(
    draftReferralArbitrary,
    fc.constantFrom(...REFERRAL_STATUSES.filter((s) => !isTerminalReferralStatus(s))),
    fc.nat(),
  )
  .map(([draft, status, choice]) => {
    const options = candidates({
      referral: { ...draft, status },
      atMs: Date.UTC(2026, 10, 2, 14),
      zone: 'America/New_York' as IanaZone,
      serial: 1,
    });
    const raw = options[choice % Math.max(1, options.length)] ?? {
      type: 'cancel',
      reason: 'patient request',
    };
    const event = parseReferralEvent({ actor: 'u-front-desk', ...raw });
    if (event._tag === 'Left')
      throw new Error(`referral event arbitrary built an invalid event: ${event.left.message}`);
    return event.right;
  });

/** X12 278 HCR01 action code of each decision (a request not yet answered has none). */
const ACTION_CODES = {
  requested: undefined,
  approved: 'A1',
  'partly-approved': 'A2',
  modified: 'A6',
  denied: 'A3',
  pended: 'A4',
  'not-required': 'NA',
  cancelled: 'C',
} as const;
type Decision = keyof typeof ACTION_CODES;
const APPROVED: ReadonlySet<Decision> = new Set(['approved', 'partly-approved', 'modified']);

/** A line's decision from the units granted: all (A1), none (A3) or some (A2). */
const byUnits = (granted: number, requested: number): Decision =>
  granted === requested ? 'approved' : granted === 0 ? 'denied' : 'partly-approved';

/**
 * A valid authorization record (after `parseAuthorization`) with any decision, consistent with
 * it: approvals (A1 all units, A2 some lines cut, A6 modified) carry a certification number,
 * granted units (the sum of the lines') and a validity period starting the day of the decision;
 * denials a reason (CARC 50, medical necessity, and text); pended ones an administration
 * reference; requests that are not initial name the one they replace. The decision comes 1 to 72
 * hours after the request, which is made at 10:00 local time.
 *
 * @example
 * fc.assert(fc.property(authorizationArbitrary, (a) => !isApprovedAuthorization(a.decision) || a.period !== undefined));
 */
export const authorizationArbitrary: fc.Arbitrary<Authorization> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 2, max: 999_999 }),
      payer: fc.constantFrom('payer-aetna', 'payer-bcbs', 'payer-medicare'),
      requestType: fc.constantFrom(
        'initial',
        'initial',
        'renewal',
        'revision',
        'extension',
        'appeal-standard',
      ),
      drawn: fc.constantFrom(...(Object.keys(ACTION_CODES) as Decision[])),
      zone: ianaZoneArbitrary,
      requestedOn: isoDateArbitrary('2026-01-05' as IsoDate, '2027-06-30' as IsoDate),
      waitHours: fc.integer({ min: 1, max: 72 }),
      validDays: fc.integer({ min: 30, max: 180 }),
      items: fc.uniqueArray(
        fc.record({
          procedure: fc.constantFrom('73721', '99204', '93306', '97110', '97140'),
          requestedUnits: fc.integer({ min: 1, max: 12 }),
          share: fc.integer({ min: 0, max: 100 }),
        }),
        { minLength: 1, maxLength: 3, selector: (i) => i.procedure },
      ),
    })
    .map((r) => {
      const requestedMs = wallMinutesToMs(r.requestedOn, 10 * 60, r.zone);
      const decidedMs = requestedMs + r.waitHours * HOUR;
      const requestedUnits = r.items.reduce((sum, i) => sum + i.requestedUnits, 0);
      // Units granted per line: A1 all, A6 at least one, A2 the drawn share (which may be all or none).
      const granted = r.items.map(({ requestedUnits: asked, share }) =>
        r.drawn === 'approved'
          ? asked
          : Math.max(r.drawn === 'modified' ? 1 : 0, Math.floor((asked * share) / 100)),
      );
      const total = granted.reduce((sum, g) => sum + g, 0);
      const decision = r.drawn === 'partly-approved' ? byUnits(total, requestedUnits) : r.drawn;
      const approved = APPROVED.has(decision);
      const decidedOn = dateOf(decidedMs, r.zone) as IsoDate;
      const items = r.items.map(({ procedure, requestedUnits: asked }, i) => {
        const line = decision === 'partly-approved' ? byUnits(granted[i] ?? 0, asked) : decision;
        const code = ACTION_CODES[line];
        return {
          procedure,
          requestedUnits: asked,
          ...(approved ? { approvedUnits: granted[i] } : {}),
          decision: line,
          ...(code === undefined ? {} : { actionCode: code }),
        };
      });
      const code = ACTION_CODES[decision];
      return {
        id: `auth-${r.n}`,
        payer: r.payer,
        requestType: r.requestType,
        requestedAt: formatInstant(requestedMs, r.zone),
        ...(r.requestType === 'initial' ? {} : { replaces: `auth-${r.n - 1}` }),
        requestedUnits,
        decision,
        ...(code === undefined ? {} : { actionCode: code, decidedAt: formatInstant(decidedMs, r.zone) }),
        ...(approved
          ? {
              certificationNumber: `CERT${r.n}`,
              approvedUnits: total,
              period: { start: decidedOn, end: addDays(decidedOn, r.validDays - 1), zone: r.zone },
            }
          : {}),
        ...(decision === 'pended' ? { administrationReference: `PEND${r.n}` } : {}),
        ...(decision === 'denied' ? { denialReason: { carc: '50', text: 'not medically necessary' } } : {}),
        items,
      };
    }),
  parseAuthorization,
);
