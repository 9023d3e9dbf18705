/**
 * FHIR R4 mappers for Communication and CommunicationRequest (hl7.org/fhir/R4/communication.html,
 * communicationrequest.html). A reminder is a CommunicationRequest while queued and a Communication
 * once sent, with category `reminder` of the standard communication-category code system; a routed
 * call or message is a Communication received (the message, its queue and urgency) and a
 * CommunicationRequest for the callback it needs, by its deadline. Channels are v3
 * ParticipationMode codes, as Medplum's Twilio integration writes them (SMSWRIT for a text).
 */
import type {
  CodeableConcept,
  Communication as FhirCommunication,
  CommunicationRequest as FhirCommunicationRequest,
} from 'fhir/r4.js';
import * as z from 'zod/mini';
import { IsoInstantSchema, type IsoInstant } from '../core/calendar.js';
import type { DomainError, ValidationError } from '../core/errors.js';
import { AppointmentIdSchema, PatientIdSchema, type AppointmentId, type PatientId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import {
  FhirCodeableConceptSchema,
  FhirIdentifierSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';
import type { Channel, PlannedReminder } from './model.js';
import { QUEUES, type IncomingMessage, type Queue, type RoutedMessage, type Urgency } from './routing.js';

/** The standard code system of a communication's kind (alert, notification, reminder, instruction). */
export const COMMUNICATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/communication-category';
/** v3 ParticipationMode: the medium of a communication. */
export const PARTICIPATION_MODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode';
/** medoffice's code system of the queues a routed message goes to (`QUEUES`). */
export const MEDOFFICE_QUEUE_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/queue';
/** medoffice's code system of the routing rule that decided a route (`intent.billing`, `red-flag.stroke`). */
export const MEDOFFICE_ROUTING_RULE_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/routing-rule';
/** medoffice's identifier system of planned reminders (`reminder:<patient>:<date>`). */
export const MEDOFFICE_REMINDER_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/reminder';

/** A Communication or CommunicationRequest that cannot be read: the FHIR path and the rule. */
export interface CommunicationsFhirError extends DomainError<
  'fhir.wrong-resource' | 'fhir.missing-field' | 'fhir.invalid-field' | 'fhir.unsupported'
> {
  /** FHIR path of the element, such as `medium` or `payload.0.contentString`. */
  readonly field: string;
}

const fhirError = (
  code: CommunicationsFhirError['code'],
  field: string,
  rule: string,
): CommunicationsFhirError => ({ code, field, message: `${field}: ${rule}` });

/** A reminder as FHIR carries it: to whom, how, when, about which appointments, and the text. */
export interface FhirReminder {
  readonly kind: 'reminder';
  /** The reminder's id (its identifier in `MEDOFFICE_REMINDER_SYSTEM`, else the resource id). */
  readonly id: string;
  readonly patient: PatientId;
  readonly channel: Channel;
  /** When it is to be sent (CommunicationRequest.occurrenceDateTime) or was sent (Communication.sent). */
  readonly at: IsoInstant;
  readonly appointments: readonly AppointmentId[];
  readonly body: string;
}

/** Channels an incoming call or message arrives on. */
export type IncomingChannel = IncomingMessage['channel'];

/** A routed call or message as FHIR carries it. */
export interface FhirRoutedMessage {
  readonly kind: 'routed';
  readonly queue: Queue;
  readonly urgency: Urgency;
  /** The rule that decided the route. */
  readonly rule: string;
  /** When it was received (Communication.received) or the callback is due (CommunicationRequest.occurrenceDateTime). */
  readonly at: IsoInstant;
  /** The channel it came on (Communication.medium; absent on a callback request). */
  readonly channel?: IncomingChannel;
  /** The message text (Communication) or the escalation wording (CommunicationRequest), when present. */
  readonly text?: string;
  readonly patient?: PatientId;
}

/** A routed call or message with what the office knows of it, to write as FHIR. */
export interface ReceivedMessage {
  readonly message: IncomingMessage;
  readonly routed: RoutedMessage;
  readonly receivedAt: IsoInstant;
  /** The patient, once identified. */
  readonly patient?: PatientId;
}

// Channel <-> v3 ParticipationMode. SMSWRIT is the code Medplum's Twilio integration writes; the
// rest are in the v3 code system (PHONE, EMAILWRIT, ONLINEWRIT, FAXWRIT). The code system has no
// voicemail: a voicemail is PHONE with the text `voicemail`.
const REMINDER_MEDIUM: Readonly<Record<Channel, string>> = {
  sms: 'SMSWRIT',
  voice: 'PHONE',
  email: 'EMAILWRIT',
  portal: 'ONLINEWRIT',
};
const VOICEMAIL = 'voicemail';
const INCOMING_MEDIUM: Readonly<Record<IncomingChannel, string>> = {
  phone: 'PHONE',
  voicemail: 'PHONE',
  portal: 'ONLINEWRIT',
  sms: 'SMSWRIT',
  fax: 'FAXWRIT',
};
// medoffice urgency <-> FHIR request-priority (routine < urgent < asap < stat).
const PRIORITY: Readonly<Record<Urgency, 'routine' | 'urgent' | 'asap' | 'stat'>> = {
  routine: 'routine',
  'same-day': 'urgent',
  urgent: 'asap',
  emergency: 'stat',
};

const concept = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });
const REMINDER_CATEGORY = concept(COMMUNICATION_CATEGORY_SYSTEM, 'reminder');

const reminderCommon = (reminder: PlannedReminder) => ({
  identifier: [{ system: MEDOFFICE_REMINDER_SYSTEM, value: reminder.id }],
  category: [REMINDER_CATEGORY],
  medium: [concept(PARTICIPATION_MODE_SYSTEM, REMINDER_MEDIUM[reminder.channel])],
  subject: { reference: `Patient/${reminder.patient}` },
  about: reminder.appointments.map((a) => ({ reference: `Appointment/${a.id}` })),
  // A shared phone's combined message reaches every patient of its household.
  recipient: (reminder.household ?? [reminder.patient]).map((p) => ({ reference: `Patient/${p}` })),
  payload: [{ contentString: reminder.body }],
});

/**
 * Maps a queued reminder to a FHIR R4 CommunicationRequest: status `active`, category `reminder`,
 * the channel as a v3 ParticipationMode medium, the send instant as `occurrenceDateTime` (an ISO
 * instant with offset), the appointments in `about`, the text as the payload and the reminder id as
 * an identifier (a reminder id holds `:`, which a FHIR id may not).
 *
 * @param reminder - a planned reminder
 * @returns the FHIR resource
 * @example
 * import { toFhirReminderRequest, type PlannedReminder } from 'medoffice/communications';
 * declare const reminder: PlannedReminder;
 * toFhirReminderRequest(reminder).occurrenceDateTime; // reminder.sendAt
 */
export const toFhirReminderRequest = (reminder: PlannedReminder): FhirCommunicationRequest => ({
  resourceType: 'CommunicationRequest',
  status: 'active',
  ...reminderCommon(reminder),
  occurrenceDateTime: reminder.sendAt,
});

/**
 * Maps a sent reminder to a FHIR R4 Communication: status `completed`, `sent` at the send instant,
 * otherwise as {@link toFhirReminderRequest}.
 *
 * @param reminder - a reminder that was sent at its `sendAt`
 * @returns the FHIR resource
 * @example
 * import { toFhirReminderCommunication, type PlannedReminder } from 'medoffice/communications';
 * declare const reminder: PlannedReminder;
 * toFhirReminderCommunication(reminder).status; // 'completed'
 */
export const toFhirReminderCommunication = (reminder: PlannedReminder): FhirCommunication => ({
  resourceType: 'Communication',
  status: 'completed',
  ...reminderCommon(reminder),
  sent: reminder.sendAt,
});

const routedCommon = (r: ReceivedMessage) => ({
  category: [concept(MEDOFFICE_QUEUE_SYSTEM, r.routed.queue)],
  priority: PRIORITY[r.routed.urgency],
  reasonCode: [concept(MEDOFFICE_ROUTING_RULE_SYSTEM, r.routed.rule)],
  ...(r.patient === undefined ? {} : { subject: { reference: `Patient/${r.patient}` } }),
});

/**
 * Maps a routed call or message to a FHIR R4 Communication: status `completed`, `received` at its
 * receipt, the queue as a category in `MEDOFFICE_QUEUE_SYSTEM`, urgency as `priority` (routine →
 * routine, same-day → urgent, urgent → asap, emergency → stat), the deciding rule as `reasonCode`,
 * the channel as medium, the text as payload, and the patient as subject and sender when known.
 *
 * @param received - the message, its route, when it was received, and the patient if known
 * @returns the FHIR resource
 * @example
 * import { isoInstant } from 'medoffice/core';
 * import { parseRoutingRules, routeMessage, toFhirRoutedCommunication } from 'medoffice/communications';
 * const rules = parseRoutingRules({ zone: 'America/New_York' });
 * const at = isoInstant('2026-11-23T09:15:00-05:00');
 * const message = { text: 'Question about my statement', channel: 'portal' as const };
 * if (rules._tag === 'Right') {
 *   const routed = routeMessage(message, rules.right, at);
 *   if (routed._tag === 'Right') toFhirRoutedCommunication({ message, routed: routed.right, receivedAt: at }); // category billing
 * }
 */
export const toFhirRoutedCommunication = (received: ReceivedMessage): FhirCommunication => ({
  resourceType: 'Communication',
  status: 'completed',
  ...routedCommon(received),
  medium: [
    received.message.channel === 'voicemail'
      ? { ...concept(PARTICIPATION_MODE_SYSTEM, INCOMING_MEDIUM.voicemail), text: VOICEMAIL }
      : concept(PARTICIPATION_MODE_SYSTEM, INCOMING_MEDIUM[received.message.channel]),
  ],
  ...(received.patient === undefined ? {} : { sender: { reference: `Patient/${received.patient}` } }),
  received: received.receivedAt,
  payload: [{ contentString: received.message.text }],
});

/**
 * Maps a routed call or message to the FHIR R4 CommunicationRequest of its callback: status
 * `active`, the queue, priority and rule as in {@link toFhirRoutedCommunication}, the callback
 * deadline as `occurrenceDateTime`, and for an escalation its fixed wording as the payload.
 *
 * @param received - the message, its route, when it was received, and the patient if known
 * @returns the FHIR resource
 * @example
 * import { toFhirCallbackRequest, type ReceivedMessage } from 'medoffice/communications';
 * declare const received: ReceivedMessage;
 * toFhirCallbackRequest(received).occurrenceDateTime; // received.routed.callbackBy
 */
export const toFhirCallbackRequest = (received: ReceivedMessage): FhirCommunicationRequest => ({
  resourceType: 'CommunicationRequest',
  status: 'active',
  ...routedCommon(received),
  occurrenceDateTime: received.routed.callbackBy,
  ...(received.routed.escalation === undefined
    ? {}
    : { payload: [{ contentString: received.routed.escalation.text }] }),
});

/** The elements of a Communication or CommunicationRequest the readers use. */
const readSchema = /* @__NO_SIDE_EFFECTS__ */ <T extends string>(resourceType: T) =>
  z.object({
    resourceType: z.literal(resourceType),
    id: z.optional(z.string()),
    identifier: z.optional(z.array(FhirIdentifierSchema)),
    status: z.string(),
    category: z.optional(z.array(FhirCodeableConceptSchema)),
    priority: z.optional(z.string()),
    medium: z.optional(z.array(FhirCodeableConceptSchema)),
    subject: z.optional(FhirReferenceSchema),
    sender: z.optional(FhirReferenceSchema),
    about: z.optional(z.array(FhirReferenceSchema)),
    reasonCode: z.optional(z.array(FhirCodeableConceptSchema)),
    payload: z.optional(z.array(z.object({ contentString: z.optional(z.string()) }))),
    sent: z.optional(z.string()),
    received: z.optional(z.string()),
    occurrenceDateTime: z.optional(z.string()),
  });
const CommunicationReadSchema = /* @__PURE__ */ readSchema('Communication');
const CommunicationRequestReadSchema = /* @__PURE__ */ readSchema('CommunicationRequest');
type ReadResource = z.infer<typeof CommunicationReadSchema> | z.infer<typeof CommunicationRequestReadSchema>;
type ReadConcept = z.infer<typeof FhirCodeableConceptSchema>;

/** The first code of a system among concepts, with its path. */
const codeIn = (
  concepts: readonly ReadConcept[] | undefined,
  system: string,
  path: string,
): { readonly code: string; readonly path: string } | undefined => {
  for (const [i, c] of (concepts ?? []).entries())
    for (const [j, coding] of (c.coding ?? []).entries())
      if (coding.system === system && coding.code !== undefined)
        return { code: coding.code, path: `${path}.${i}.coding.${j}.code` };
  return undefined;
};

const idAfter = (reference: string | undefined, type: string): string | undefined =>
  reference?.startsWith(`${type}/`) === true ? reference.slice(type.length + 1) : undefined;

const keyOf = <K extends string>(table: Readonly<Record<K, string>>, code: string): K | undefined =>
  (Object.keys(table) as K[]).find((k) => table[k] === code);

type Read<A> = Either<CommunicationsFhirError | ValidationError, A>;

const instantAt = (value: string | undefined, field: string): Read<IsoInstant> => {
  if (value === undefined) return err(fhirError('fhir.missing-field', field, 'is required'));
  const parsed = IsoInstantSchema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(fhirError('fhir.invalid-field', field, 'must be a date-time with seconds and an offset'));
};

const patientAt = (reference: string | undefined, field: string): Read<PatientId | undefined> => {
  const id = idAfter(reference, 'Patient');
  if (id === undefined) return ok(undefined);
  const parsed = PatientIdSchema.safeParse(id);
  return parsed.success
    ? ok(parsed.data)
    : err(fhirError('fhir.invalid-field', field, 'must reference Patient/<id> with an id medoffice accepts'));
};

const readReminder = (r: ReadResource, at: string | undefined, atField: string): Read<FhirReminder> => {
  const medium = codeIn(r.medium, PARTICIPATION_MODE_SYSTEM, 'medium');
  if (medium === undefined)
    return err(fhirError('fhir.missing-field', 'medium', 'needs a v3 ParticipationMode coding'));
  const channel = keyOf(REMINDER_MEDIUM, medium.code);
  if (channel === undefined)
    return err(fhirError('fhir.unsupported', medium.path, 'must be SMSWRIT, PHONE, EMAILWRIT or ONLINEWRIT'));
  const patient = patientAt(r.subject?.reference, 'subject.reference');
  if (patient._tag === 'Left') return patient;
  if (patient.right === undefined)
    return err(fhirError('fhir.missing-field', 'subject', 'needs a Patient reference'));
  const when = instantAt(at, atField);
  if (when._tag === 'Left') return when;
  const appointments: AppointmentId[] = [];
  for (const [i, a] of (r.about ?? []).entries()) {
    const id = idAfter(a.reference, 'Appointment');
    if (id === undefined) continue;
    const parsed = AppointmentIdSchema.safeParse(id);
    if (!parsed.success)
      return err(fhirError('fhir.invalid-field', `about.${i}.reference`, 'must reference Appointment/<id>'));
    appointments.push(parsed.data);
  }
  const body = r.payload?.find((p) => p.contentString !== undefined)?.contentString;
  if (body === undefined) return err(fhirError('fhir.missing-field', 'payload', 'needs a contentString'));
  const identifier = r.identifier?.find((x) => x.system === MEDOFFICE_REMINDER_SYSTEM)?.value ?? r.id;
  if (identifier === undefined)
    return err(fhirError('fhir.missing-field', 'identifier', 'needs a reminder identifier or an id'));
  return ok({
    kind: 'reminder',
    id: identifier,
    patient: patient.right,
    channel,
    at: when.right,
    appointments,
    body,
  });
};

const readRouted = (
  r: ReadResource,
  queue: { readonly code: string; readonly path: string },
  at: string | undefined,
  atField: string,
  withMedium: boolean,
): Read<FhirRoutedMessage> => {
  const q = QUEUES.find((x) => x === queue.code);
  if (q === undefined) return err(fhirError('fhir.unsupported', queue.path, 'must be a medoffice queue'));
  if (r.priority === undefined) return err(fhirError('fhir.missing-field', 'priority', 'is required'));
  const urgency = keyOf(PRIORITY, r.priority);
  if (urgency === undefined)
    return err(fhirError('fhir.invalid-field', 'priority', 'must be routine, urgent, asap or stat'));
  const rule = codeIn(r.reasonCode, MEDOFFICE_ROUTING_RULE_SYSTEM, 'reasonCode');
  if (rule === undefined)
    return err(fhirError('fhir.missing-field', 'reasonCode', 'needs a medoffice routing-rule coding'));
  const when = instantAt(at, atField);
  if (when._tag === 'Left') return when;
  const patient = patientAt(r.subject?.reference, 'subject.reference');
  if (patient._tag === 'Left') return patient;
  let channel: IncomingChannel | undefined;
  if (withMedium) {
    const medium = codeIn(r.medium, PARTICIPATION_MODE_SYSTEM, 'medium');
    if (medium === undefined)
      return err(fhirError('fhir.missing-field', 'medium', 'needs a v3 ParticipationMode coding'));
    channel = keyOf(INCOMING_MEDIUM, medium.code);
    if (channel === undefined)
      return err(fhirError('fhir.unsupported', medium.path, 'must be PHONE, ONLINEWRIT, SMSWRIT or FAXWRIT'));
    if (channel === 'phone' && r.medium?.some((m) => m.text === VOICEMAIL) === true) channel = 'voicemail';
  }
  const text = r.payload?.find((p) => p.contentString !== undefined)?.contentString;
  return ok({
    kind: 'routed',
    queue: q,
    urgency,
    rule: rule.code,
    at: when.right,
    ...(channel === undefined ? {} : { channel }),
    ...(text === undefined ? {} : { text }),
    ...(patient.right === undefined ? {} : { patient: patient.right }),
  });
};

const wrongResource = (
  e: ValidationError,
  resourceType: string,
): CommunicationsFhirError | ValidationError =>
  e.issues.some((i) => i.path === 'resourceType')
    ? fhirError('fhir.wrong-resource', 'resourceType', `must be ${resourceType}`)
    : e;

const kindOf = (
  r: ReadResource,
):
  | { readonly kind: 'reminder' }
  | { readonly kind: 'routed'; readonly queue: { code: string; path: string } }
  | undefined => {
  const queue = codeIn(r.category, MEDOFFICE_QUEUE_SYSTEM, 'category');
  if (queue !== undefined) return { kind: 'routed', queue };
  return codeIn(r.category, COMMUNICATION_CATEGORY_SYSTEM, 'category')?.code === 'reminder'
    ? { kind: 'reminder' }
    : undefined;
};

/** A Communication or CommunicationRequest whose category is neither a reminder nor a queue of ours. */
const unsupportedCategory = (): CommunicationsFhirError =>
  fhirError('fhir.unsupported', 'category', 'must be communication-category reminder or a medoffice queue');

/**
 * Reads a FHIR R4 Communication as a sent reminder (category `reminder` of the communication-category
 * code system) or a routed message (a category in `MEDOFFICE_QUEUE_SYSTEM`). A reminder needs a
 * v3 ParticipationMode medium medoffice sends by, a Patient subject, `sent` and a text payload; a
 * routed message needs a priority, a routing-rule `reasonCode`, `received` and a medium.
 *
 * @param input - anything (a FHIR Communication, such as parsed JSON; anything else is refused)
 * @returns `Right` of a {@link FhirReminder} or {@link FhirRoutedMessage}, or `Left`
 *   `fhir.wrong-resource`, `fhir.missing-field`, `fhir.invalid-field` or `fhir.unsupported` naming
 *   the FHIR path (a category that is neither, an unknown medium or queue), or `validation.failed`
 *   with the path of an element of the wrong JSON shape
 * @example
 * import { fromFhirCommunication } from 'medoffice/communications';
 * fromFhirCommunication({ resourceType: 'Communication', status: 'completed' }); // Left: category
 */
export const fromFhirCommunication = (
  input: unknown,
): Either<CommunicationsFhirError | ValidationError, FhirReminder | FhirRoutedMessage> => {
  const read = readFhir('Communication', CommunicationReadSchema, input);
  if (read._tag === 'Left') return err(wrongResource(read.left, 'Communication'));
  const r = read.right;
  const kind = kindOf(r);
  if (kind === undefined) return err(unsupportedCategory());
  return kind.kind === 'reminder'
    ? readReminder(r, r.sent, 'sent')
    : readRouted(r, kind.queue, r.received, 'received', true);
};

/**
 * Reads a FHIR R4 CommunicationRequest as a queued reminder (category `reminder`) or the callback
 * of a routed message (a category in `MEDOFFICE_QUEUE_SYSTEM`); the instant is
 * `occurrenceDateTime`. Otherwise as {@link fromFhirCommunication} (a callback has no medium).
 *
 * @param input - anything (a FHIR CommunicationRequest, such as parsed JSON)
 * @returns `Right` of a {@link FhirReminder} or {@link FhirRoutedMessage}, or a `Left` naming the
 *   FHIR path as {@link fromFhirCommunication} does
 * @example
 * import { fromFhirCommunicationRequest } from 'medoffice/communications';
 * fromFhirCommunicationRequest({ resourceType: 'Communication' }); // Left fhir.wrong-resource
 */
export const fromFhirCommunicationRequest = (
  input: unknown,
): Either<CommunicationsFhirError | ValidationError, FhirReminder | FhirRoutedMessage> => {
  const read = readFhir('CommunicationRequest', CommunicationRequestReadSchema, input);
  if (read._tag === 'Left') return err(wrongResource(read.left, 'CommunicationRequest'));
  const r = read.right;
  const kind = kindOf(r);
  if (kind === undefined) return err(unsupportedCategory());
  return kind.kind === 'reminder'
    ? readReminder(r, r.occurrenceDateTime, 'occurrenceDateTime')
    : readRouted(r, kind.queue, r.occurrenceDateTime, 'occurrenceDateTime', false);
};
