/**
 * Referral and prior-authorization models: the referral with its append-only history and
 * appointment links, the authorization record of each request to the payer (X12 278 / Da Vinci
 * PAS), and the events that move a referral.
 */
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import { parseWith } from '../core/errors.js';
import {
  ActorIdSchema,
  AppointmentIdSchema,
  AuthorizationIdSchema,
  DocumentIdSchema,
  PatientIdSchema,
  PayerIdSchema,
  ProviderIdSchema,
  ReferralIdSchema,
} from '../core/ids.js';
import type { Either } from '../core/result.js';
import { IanaZoneSchema } from '../core/time.js';
import { IsoDateSchema, IsoInstantSchema } from '../core/calendar.js';
import { Icd10CmCodeSchema } from '../records/icd10.js';
import { NpiSchema } from '../records/npi.js';
import { ProcedureCodeSchema } from '../records/procedureCode.js';
import { REFERRAL_STATUSES } from './statuses.js';

/** A referral status (see {@link REFERRAL_STATUSES}). */
export const ReferralStatusSchema = /* @__PURE__ */ z.enum(REFERRAL_STATUSES);

/** How soon the patient must be seen: FHIR request-priority minus `asap`. */
export const ReferralPrioritySchema = /* @__PURE__ */ z.enum(['routine', 'urgent', 'stat']);
/** How soon the patient must be seen. */
export type ReferralPriority = z.infer<typeof ReferralPrioritySchema>;

/** A provider on either end of a referral: clinic id, NPI (when known) and specialty. */
export const ReferralPartySchema = /* @__PURE__ */ z.object({
  provider: ProviderIdSchema,
  npi: z.optional(NpiSchema),
  specialty: z.string().check(z.minLength(1)),
});
/** A provider on either end of a referral. */
export interface ReferralParty extends z.infer<typeof ReferralPartySchema> {}

/** A document the payer or specialist needs with the referral; `document` once attached. */
export const ReferralAttachmentSchema = /* @__PURE__ */ z.object({
  kind: z.string().check(z.minLength(1)),
  required: z.boolean(),
  document: z.optional(DocumentIdSchema),
});
/** A document the payer or specialist needs with the referral. */
export interface ReferralAttachment extends z.infer<typeof ReferralAttachmentSchema> {}

/**
 * X12 278 UM02 certification types, as request kinds (secondary source: signaledi.com HCR/UM02
 * pages; reference/referrals.md §3.2). Cancel (UM02 = 3) is the `cancel` event, not a request.
 */
export const AUTHORIZATION_REQUEST_TYPES = {
  initial: 'I',
  renewal: 'R',
  revision: 'S',
  'appeal-immediate': '1',
  'appeal-standard': '2',
  extension: '4',
} as const;
/** A kind of authorization request. */
export const AuthorizationRequestTypeSchema = /* @__PURE__ */ z.enum([
  'initial',
  'renewal',
  'revision',
  'appeal-immediate',
  'appeal-standard',
  'extension',
]);
/** A kind of authorization request. */
export type AuthorizationRequestType = z.infer<typeof AuthorizationRequestTypeSchema>;

/**
 * X12 278 HCR01 action codes (X12 005010X217, code source 306; secondary source signaledi.com,
 * agreeing with the Da Vinci PAS examples): A1 certified in total, A2 certified partial, A3 not
 * certified, A4 pended, A6 modified, C cancelled, CT contact payer, NA no action required.
 */
export const X12_278_ACTION_CODES = {
  A1: 'approved',
  A2: 'partly-approved',
  A3: 'denied',
  A4: 'pended',
  A6: 'modified',
  C: 'cancelled',
  CT: 'pended',
  NA: 'not-required',
} as const;
/** An X12 278 HCR01 action code. */
export const X12ActionCodeSchema = /* @__PURE__ */ z.enum(['A1', 'A2', 'A3', 'A4', 'A6', 'C', 'CT', 'NA']);
/** An X12 278 HCR01 action code. */
export type X12ActionCode = z.infer<typeof X12ActionCodeSchema>;

/** Where an authorization request stands: `requested` until the payer answers. */
export const AuthorizationDecisionSchema = /* @__PURE__ */ z.enum([
  'requested',
  'approved',
  'partly-approved',
  'modified',
  'denied',
  'pended',
  'not-required',
  'cancelled',
]);
/** Where an authorization request stands. */
export type AuthorizationDecision = z.infer<typeof AuthorizationDecisionSchema>;

/**
 * The validity window of an authorization: calendar dates, both inclusive (X12 DTP certification
 * effective / expiration dates), read in `zone` (where the service is given).
 */
export const AuthorizationPeriodSchema = /* @__PURE__ */ z.object({
  start: IsoDateSchema,
  end: IsoDateSchema,
  zone: IanaZoneSchema,
});
/** The validity window of an authorization, dates inclusive, in a zone. */
export interface AuthorizationPeriod extends z.infer<typeof AuthorizationPeriodSchema> {}

/** One requested service line of an authorization (PAS `Claim.item` / X12 2000F loop). */
export const AuthorizationItemSchema = /* @__PURE__ */ z.object({
  procedure: ProcedureCodeSchema,
  requestedUnits: z.int().check(z.positive()),
  approvedUnits: z.optional(z.int().check(z.nonnegative())),
  decision: AuthorizationDecisionSchema,
  actionCode: z.optional(X12ActionCodeSchema),
});
/** One requested service line of an authorization. */
export interface AuthorizationItem extends z.infer<typeof AuthorizationItemSchema> {}

/** The payer's reason for an adverse decision: HCR03 (X12 list 886) and/or CARC code, and text. */
export const DenialReasonSchema = /* @__PURE__ */ z.object({
  code: z.optional(z.string().check(z.minLength(1))),
  carc: z.optional(z.string().check(z.minLength(1))),
  text: z.optional(z.string().check(z.minLength(1))),
});
/** The payer's reason for an adverse decision. */
export interface DenialReason extends z.infer<typeof DenialReasonSchema> {}

/**
 * One authorization request and the payer's answer. Each request (initial, resubmission, appeal,
 * renewal, extension) is its own record; a new one names the one it `replaces`, so a denial is
 * never edited (Da Vinci PAS: "a denial cannot be updated").
 */
export const AuthorizationSchema = /* @__PURE__ */ z.object({
  id: AuthorizationIdSchema,
  payer: PayerIdSchema,
  requestType: AuthorizationRequestTypeSchema,
  requestedAt: IsoInstantSchema,
  replaces: z.optional(AuthorizationIdSchema),
  /** Visits or units requested in total. */
  requestedUnits: z.int().check(z.positive()),
  decision: AuthorizationDecisionSchema,
  actionCode: z.optional(X12ActionCodeSchema),
  decidedAt: z.optional(IsoInstantSchema),
  /** HCR02 certification number, on approval. */
  certificationNumber: z.optional(z.string().check(z.minLength(1))),
  /** REF*NT administration reference, used to follow a pended request. */
  administrationReference: z.optional(z.string().check(z.minLength(1))),
  /** Visits or units granted in total (A1: all requested; A2/A6: fewer or different). */
  approvedUnits: z.optional(z.int().check(z.nonnegative())),
  period: z.optional(AuthorizationPeriodSchema),
  items: z.readonly(z.array(AuthorizationItemSchema)),
  denialReason: z.optional(DenialReasonSchema),
  /**
   * The payer's rule for missed visits: `true` when a no-show uses one of the approved visits.
   * Absent or `false`: no-shows are recorded and use nothing (reference §7 rule 1).
   */
  noShowsUseVisits: z.optional(z.boolean()),
});
/** One authorization request and the payer's answer. */
export interface Authorization extends z.infer<typeof AuthorizationSchema> {}

/**
 * What happened to a linked appointment, as far as the referral knows: `cancelled` is one
 * appointment called off (the referral itself goes on; the visit is not counted).
 */
export const AppointmentLinkStatusSchema = /* @__PURE__ */ z.enum(['booked', 'kept', 'no-show', 'cancelled']);

/** An appointment booked under the referral (360X PCC-60), with its start time. */
export const AppointmentLinkSchema = /* @__PURE__ */ z.object({
  appointment: AppointmentIdSchema,
  start: IsoInstantSchema,
  purpose: z.optional(z.string().check(z.minLength(1))),
  status: AppointmentLinkStatusSchema,
});
/** An appointment booked under the referral. */
export interface AppointmentLink extends z.infer<typeof AppointmentLinkSchema> {}

/** A consult note from the receiving provider: interim (PCC-59) or final outcome (PCC-57). */
export const ConsultNoteSchema = /* @__PURE__ */ z.object({
  document: DocumentIdSchema,
  kind: z.enum(['interim', 'final']),
  receivedAt: IsoInstantSchema,
});
/** A consult note from the receiving provider. */
export interface ConsultNote extends z.infer<typeof ConsultNoteSchema> {}

/**
 * Why a referral is in `denied`: a payer's adverse decision (A3) and a specialist's decline (360X
 * PCC-56) are different facts with different fixes, so they are never merged.
 */
export const ReferralRefusalSchema = /* @__PURE__ */ z.discriminatedUnion('by', [
  z.object({ by: z.literal('payer'), authorization: AuthorizationIdSchema, reason: DenialReasonSchema }),
  z.object({ by: z.literal('specialist'), reason: z.string().check(z.minLength(1)) }),
]);
/** Why a referral is in `denied`: payer denial or specialist decline. */
export type ReferralRefusal = z.infer<typeof ReferralRefusalSchema>;

/**
 * Why a referral ended without its loop closing, derived from its data when it ended: the
 * authorization window ended, the approved visits were used up, or the office chose not to pursue
 * a denial (with its words). Cleared when a renewal or extension revives an expired referral.
 */
export const ReferralEndingSchema = /* @__PURE__ */ z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('validity-ended') }),
  z.object({ reason: z.literal('visits-exhausted') }),
  z.object({ reason: z.literal('not-pursued'), text: z.string().check(z.minLength(1)) }),
]);
/** Why a referral ended without its loop closing. */
export type ReferralEnding = z.infer<typeof ReferralEndingSchema>;

const actor = { actor: ActorIdSchema };

/** A new authorization request as an event carries it (the record is built from it). */
export const AuthorizationRequestSchema = /* @__PURE__ */ z.object({
  id: AuthorizationIdSchema,
  payer: PayerIdSchema,
  requestType: AuthorizationRequestTypeSchema,
  items: z.readonly(
    z
      .array(z.object({ procedure: ProcedureCodeSchema, requestedUnits: z.int().check(z.positive()) }))
      .check(z.minLength(1)),
  ),
});
/** A new authorization request as an event carries it. */
export interface AuthorizationRequest extends z.infer<typeof AuthorizationRequestSchema> {}

/** A payer decision as the referral records it (built by `applyAuthorizationResponse`). */
export const AuthorizationDecisionRecordSchema = /* @__PURE__ */ z.extend(
  z.pick(AuthorizationSchema, {
    decision: true,
    actionCode: true,
    certificationNumber: true,
    administrationReference: true,
    approvedUnits: true,
    period: true,
    denialReason: true,
    noShowsUseVisits: true,
  }),
  { items: z.optional(z.readonly(z.array(AuthorizationItemSchema))) },
);
/** A payer decision as the referral records it. */
export type AuthorizationDecisionRecord = z.infer<typeof AuthorizationDecisionRecordSchema>;

/**
 * Everything that can happen to a referral. Each carries the actor (staff member or system);
 * the time of every event, a payer's answer included, is the `at` argument of the function that
 * applies it (`transitionReferral`, `applyAuthorizationResponse`).
 */
export const ReferralEventSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit'), ...actor }),
  z.object({ type: z.literal('request-authorization'), ...actor, request: AuthorizationRequestSchema }),
  z.object({ type: z.literal('authorization-not-required'), ...actor, source: z.enum(['payer', 'office']) }),
  z.object({
    type: z.literal('authorization-approved'),
    ...actor,
    decision: AuthorizationDecisionRecordSchema,
  }),
  z.object({
    type: z.literal('authorization-pended'),
    ...actor,
    decision: AuthorizationDecisionRecordSchema,
  }),
  z.object({
    type: z.literal('authorization-denied'),
    ...actor,
    decision: AuthorizationDecisionRecordSchema,
  }),
  z.object({ type: z.literal('specialist-declined'), ...actor, reason: z.string().check(z.minLength(1)) }),
  z.object({
    type: z.literal('resubmit'),
    ...actor,
    request: z.optional(AuthorizationRequestSchema),
    diagnoses: z.optional(z.readonly(z.array(Icd10CmCodeSchema).check(z.minLength(1)))),
    receiving: z.optional(ReferralPartySchema),
  }),
  z.object({ type: z.literal('send'), ...actor }),
  z.object({
    type: z.literal('schedule'),
    ...actor,
    appointment: AppointmentIdSchema,
    start: IsoInstantSchema,
    purpose: z.optional(z.string().check(z.minLength(1))),
  }),
  z.object({ type: z.literal('no-show'), ...actor, appointment: AppointmentIdSchema }),
  z.object({ type: z.literal('appointment-cancelled'), ...actor, appointment: AppointmentIdSchema }),
  z.object({ type: z.literal('visit-kept'), ...actor, appointment: AppointmentIdSchema }),
  z.object({
    type: z.literal('consult-note-received'),
    ...actor,
    document: DocumentIdSchema,
    kind: z.enum(['interim', 'final']),
  }),
  z.object({ type: z.literal('close'), ...actor }),
  /** The reason (window ended or visits used up) is derived from the referral, never chosen. */
  z.object({ type: z.literal('expire'), ...actor }),
  /** After a denial, the office decides not to pursue the referral (the reason is kept). */
  z.object({ type: z.literal('not-pursued'), ...actor, reason: z.string().check(z.minLength(1)) }),
  z.object({
    type: z.literal('cancel'),
    ...actor,
    reason: z.string().check(z.minLength(1)),
    /** Set when the payer confirmed the cancellation (HCR01 C): the request is marked with C. */
    byPayer: z.optional(z.boolean()),
  }),
]);
/** Everything that can happen to a referral. */
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;
/** The name of a referral event (`submit`, `schedule`, ...). */
export type ReferralEventType = ReferralEvent['type'];

/** One accepted event in a referral's append-only history. */
export const ReferralHistoryEntrySchema = /* @__PURE__ */ z.object({
  at: IsoInstantSchema,
  from: ReferralStatusSchema,
  to: ReferralStatusSchema,
  event: ReferralEventSchema,
});
/** One accepted event in a referral's append-only history. */
export interface ReferralHistoryEntry extends z.infer<typeof ReferralHistoryEntrySchema> {}

/**
 * A referral from a referring provider to a receiving provider (specialist, imaging), with its
 * diagnoses (ICD-10-CM, stored form), procedures (CPT/HCPCS), authorizations, appointment links,
 * consult notes and history. `authorizationRequired` is `'unknown'` until the payer's rules say.
 */
export const ReferralSchema = /* @__PURE__ */ z.object({
  id: ReferralIdSchema,
  patient: PatientIdSchema,
  referring: ReferralPartySchema,
  receiving: ReferralPartySchema,
  reason: z.string().check(z.minLength(1)),
  diagnoses: z.readonly(z.array(Icd10CmCodeSchema)),
  procedures: z.readonly(z.array(ProcedureCodeSchema)),
  priority: ReferralPrioritySchema,
  payer: z.optional(PayerIdSchema),
  authorizationRequired: z.union([z.literal(true), z.literal(false), z.literal('unknown')]),
  attachments: z.readonly(z.array(ReferralAttachmentSchema)),
  createdAt: IsoInstantSchema,
  status: ReferralStatusSchema,
  authorizations: z.readonly(z.array(AuthorizationSchema)),
  appointments: z.readonly(z.array(AppointmentLinkSchema)),
  notes: z.readonly(z.array(ConsultNoteSchema)),
  refusal: z.optional(ReferralRefusalSchema),
  ending: z.optional(ReferralEndingSchema),
  history: z.readonly(z.array(ReferralHistoryEntrySchema)),
});
/** A referral with its whole lifecycle. */
export interface Referral extends z.infer<typeof ReferralSchema> {}

/**
 * A payer's answer to an authorization request, as read from an X12 278 response (HCR, DTP, HSD
 * segments) or a Da Vinci PAS ClaimResponse (reviewAction extension, preAuthRef, preAuthPeriod).
 * Its time is the `at` argument of `applyAuthorizationResponse`, as for every other event.
 */
export const AuthorizationResponseSchema = /* @__PURE__ */ z.object({
  /** The request answered; defaults to the referral's latest. */
  authorization: z.optional(AuthorizationIdSchema),
  actionCode: X12ActionCodeSchema,
  actor: ActorIdSchema,
  certificationNumber: z.optional(z.string().check(z.minLength(1))),
  administrationReference: z.optional(z.string().check(z.minLength(1))),
  /** HCR03 review decision reason code (X12 external list 886). */
  reasonCode: z.optional(z.string().check(z.minLength(1))),
  /** Claim adjustment reason code, when the payer gives one. */
  carc: z.optional(z.string().check(z.minLength(1))),
  /** MSG / processNote text. */
  reasonText: z.optional(z.string().check(z.minLength(1))),
  approvedUnits: z.optional(z.int().check(z.nonnegative())),
  period: z.optional(AuthorizationPeriodSchema),
  /** The payer counts a no-show as a used visit. */
  noShowsUseVisits: z.optional(z.boolean()),
  items: z.optional(
    z.readonly(
      z.array(
        z.object({
          procedure: ProcedureCodeSchema,
          actionCode: X12ActionCodeSchema,
          approvedUnits: z.optional(z.int().check(z.nonnegative())),
        }),
      ),
    ),
  ),
});
/** A payer's answer to an authorization request. */
export interface AuthorizationResponse extends z.infer<typeof AuthorizationResponseSchema> {}

/**
 * Parses a payer's authorization response.
 *
 * @param input - anything
 * @returns `Right(AuthorizationResponse)`; `Left` `validation.failed`
 * @example
 * parseAuthorizationResponse({ actionCode: 'A1', certificationNumber: 'AUTH-1', actor: 'payer-gw' });
 */
export const parseAuthorizationResponse = (input: unknown): Either<ValidationError, AuthorizationResponse> =>
  parseWith('AuthorizationResponse', AuthorizationResponseSchema, input);

/**
 * Parses a referral from outside data (JSON, storage).
 *
 * @param input - anything
 * @returns `Right(Referral)`; `Left` `validation.failed` with every issue and its field path
 * @example
 * parseReferral(JSON.parse(stored)); // Right(referral) or Left({ code: 'validation.failed', ... })
 */
export const parseReferral = (input: unknown): Either<ValidationError, Referral> =>
  parseWith('Referral', ReferralSchema, input);

/**
 * Parses a referral event from outside data (a queue message, a form post).
 *
 * @param input - anything
 * @returns `Right(ReferralEvent)`; `Left` `validation.failed`
 * @example
 * parseReferralEvent({ type: 'submit', actor: 'u-frontdesk' }); // Right({ type: 'submit', ... })
 */
export const parseReferralEvent = (input: unknown): Either<ValidationError, ReferralEvent> =>
  parseWith('ReferralEvent', ReferralEventSchema, input);

/**
 * Parses an authorization record.
 *
 * @param input - anything
 * @returns `Right(Authorization)`; `Left` `validation.failed`
 * @example
 * parseAuthorization(JSON.parse(stored)); // Right(authorization)
 */
export const parseAuthorization = (input: unknown): Either<ValidationError, Authorization> =>
  parseWith('Authorization', AuthorizationSchema, input);
