/**
 * FHIR R4 mappers: a referral as a ServiceRequest (the placer's view) and a Task (the filler's
 * progress), following the projection table of reference/referrals.md §6.3. The library status
 * travels in `Task.businessStatus` so a Task maps back to exactly the status it came from; the
 * payer's authorization travels in `Task.input`, apart from `Task.status`, which is the
 * specialist's side (§6.3 †).
 */
import type { Reference, ServiceRequest, Task } from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import { PatientIdSchema, ReferralIdSchema, type PatientId, type ReferralId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { formatIcd10Cm, validateIcd10Cm, type Icd10CmCode } from '../records/icd10.js';
import {
  FhirAnnotationSchema,
  FhirCodeableConceptSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';
import { validateNpi } from '../records/npi.js';
import { validateProcedureCode, type ProcedureCode } from '../records/procedureCode.js';
import { referralRuleError, type ReferralError } from './errors.js';
import type { Referral, ReferralParty, ReferralPriority } from './model.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './statuses.js';
import { isApprovedAuthorization } from './validity.js';

/** Code system of the library's referral statuses in `Task.businessStatus`. */
export const REFERRAL_STATUS_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/referral-status';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const SNOMED = 'http://snomed.info/sct';
const SPECIALTY_EXTENSION = 'https://medoffice.dev/fhir/StructureDefinition/referral-specialty';
/** Code system of the payer-authorization inputs of a Task (decision, number, visits). */
export const REFERRAL_AUTHORIZATION_INPUT_SYSTEM =
  'https://medoffice.dev/fhir/CodeSystem/referral-authorization';

/** One row of the projection table: the library status as ServiceRequest and Task statuses. */
export interface ReferralFhirProjection {
  /** ServiceRequest.status (placer's view). */
  readonly serviceRequest: NonNullable<ServiceRequest['status']>;
  /** Task.status (filler's view). */
  readonly task: NonNullable<Task['status']>;
}

/**
 * The projection table (reference/referrals.md §6.3). `expired` stays `active` on the
 * ServiceRequest because a renewal can revive it; its Task is `failed` with businessStatus
 * `expired`.
 *
 * @example
 * REFERRAL_FHIR_PROJECTION.scheduled; // { serviceRequest: 'active', task: 'accepted' }
 */
export const REFERRAL_FHIR_PROJECTION: Readonly<Record<ReferralStatus, ReferralFhirProjection>> = {
  draft: { serviceRequest: 'draft', task: 'draft' },
  submitted: { serviceRequest: 'active', task: 'requested' },
  'pending-authorization': { serviceRequest: 'active', task: 'requested' },
  authorized: { serviceRequest: 'active', task: 'accepted' },
  denied: { serviceRequest: 'active', task: 'rejected' },
  resubmitted: { serviceRequest: 'active', task: 'requested' },
  scheduled: { serviceRequest: 'active', task: 'accepted' },
  completed: { serviceRequest: 'active', task: 'in-progress' },
  closed: { serviceRequest: 'completed', task: 'completed' },
  expired: { serviceRequest: 'active', task: 'failed' },
  cancelled: { serviceRequest: 'revoked', task: 'cancelled' },
};

/** Library statuses a ServiceRequest status can stand for (the inverse of the projection). */
const statusesFor = <K extends keyof ReferralFhirProjection>(key: K, value: string): ReferralStatus[] =>
  REFERRAL_STATUSES.filter((s) => REFERRAL_FHIR_PROJECTION[s][key] === value);

/**
 * What a Task's status alone says (the specialist's side, reference §6.3 †): the library statuses
 * it is consistent with. Acceptance by the specialist says nothing of the payer, so `accepted`
 * stands for any status from submitted to scheduled; an in-progress Task is a service under way,
 * not a completed referral.
 */
const TASK_STATUS_READS: Readonly<Record<NonNullable<Task['status']>, readonly ReferralStatus[]>> = {
  draft: ['draft'],
  requested: ['submitted', 'pending-authorization', 'resubmitted'],
  received: ['submitted', 'pending-authorization', 'resubmitted'],
  accepted: ['submitted', 'pending-authorization', 'authorized', 'scheduled'],
  ready: ['submitted', 'pending-authorization', 'authorized', 'scheduled'],
  rejected: ['denied'],
  'in-progress': ['authorized', 'scheduled', 'completed'],
  'on-hold': ['pending-authorization', 'authorized', 'scheduled'],
  completed: ['completed', 'closed'],
  failed: ['expired'],
  cancelled: ['cancelled', 'expired'],
  'entered-in-error': [],
};

const party = (p: ReferralParty): Reference => ({
  reference: `Practitioner/${p.provider}`,
  ...(p.npi === undefined ? {} : { identifier: { system: NPI, value: p.npi } }),
  extension: [{ url: SPECIALTY_EXTENSION, valueString: p.specialty }],
});

/**
 * Maps a referral to a FHIR R4 ServiceRequest: status from the projection table, intent `order`,
 * category SNOMED 103696004 (patient referral to specialist, as in the HL7 myringotomy example),
 * diagnoses as ICD-10-CM `reasonCode` (dotted form), CPT/HCPCS procedures as `orderDetail`, the
 * providers as Practitioner references with NPI identifier and specialty extension, attachments as
 * `supportingInfo`, the free-text reason as a note.
 *
 * @param referral - the referral
 * @returns a ServiceRequest with `id` = referral id
 * @example
 * toFhirServiceRequest(referral).status; // 'active' for a scheduled referral
 */
export const toFhirServiceRequest = (referral: Referral): ServiceRequest => ({
  resourceType: 'ServiceRequest',
  id: referral.id,
  status: REFERRAL_FHIR_PROJECTION[referral.status].serviceRequest,
  intent: 'order',
  priority: referral.priority,
  category: [{ coding: [{ system: SNOMED, code: '103696004', display: 'Patient referral to specialist' }] }],
  subject: { reference: `Patient/${referral.patient}` },
  authoredOn: referral.createdAt,
  requester: party(referral.referring),
  performer: [party(referral.receiving)],
  performerType: { text: referral.receiving.specialty },
  reasonCode: referral.diagnoses.map((c) => ({ coding: [{ system: ICD10CM, code: formatIcd10Cm(c) }] })),
  orderDetail: referral.procedures.map((c) => ({ coding: [{ system: CPT, code: c }] })),
  supportingInfo: referral.attachments.flatMap((a) =>
    a.document === undefined ? [] : [{ reference: `DocumentReference/${a.document}`, display: a.kind }],
  ),
  note: [{ text: referral.reason }],
});

/** A referral order read from a ServiceRequest: the fields FHIR carries, and the statuses it may be in. */
export interface ReferralOrder {
  /** ServiceRequest.id as a referral id, when present. */
  readonly id?: ReferralId;
  /** The patient (`subject` must be a Patient reference). */
  readonly patient: PatientId;
  /** Requester and performer: provider id from the reference, NPI and specialty when present. */
  readonly referring?: FhirReferralParty;
  /** The receiving provider (first performer). */
  readonly receiving?: FhirReferralParty;
  /** Priority (`asap` is read as `stat`, the nearer of the two library levels). */
  readonly priority: ReferralPriority;
  /** Free-text reason: the first note, else reasonCode text. */
  readonly reason?: string;
  /** ICD-10-CM diagnoses from `reasonCode` and contained Conditions in `reasonReference`. */
  readonly diagnoses: readonly Icd10CmCode[];
  /** CPT/HCPCS codes from `orderDetail` and `code`. */
  readonly procedures: readonly ProcedureCode[];
  /** Library statuses consistent with `ServiceRequest.status` (projection table). */
  readonly possibleStatuses: readonly ReferralStatus[];
}

/** A provider as a FHIR reference gives it: everything but the id may be missing. */
export interface FhirReferralParty {
  /** Id from `Practitioner/<id>`, or the whole reference when it is not relative. */
  readonly provider: string;
  /** NPI from the reference identifier, when valid. */
  readonly npi?: string;
  /** Specialty from the extension (or performerType text for the receiving side). */
  readonly specialty?: string;
}

const unsupported = (message: string): ReferralError =>
  referralRuleError('referral.fhir-unsupported', message);

/** A FHIR shape error as the referral error: the paths and rules, never the values. */
const shapeError = (e: ValidationError): ReferralError =>
  referralRuleError('referral.fhir-unsupported', e.message, { fields: e.issues.map((i) => i.path) });

const ConditionCodeSchema = /* @__PURE__ */ z.object({
  resourceType: z.literal('Condition'),
  id: z.optional(z.string()),
  code: z.optional(FhirCodeableConceptSchema),
});

/**
 * The elements of a FHIR ServiceRequest that {@link fromFhirServiceRequest} reads (R4
 * cardinalities: status, intent and subject are 1..1). Of the contained resources only a
 * Condition's `code` is read.
 */
const FhirServiceRequestSchema = /* @__PURE__ */ z.object({
  resourceType: z.optional(z.literal('ServiceRequest')),
  id: z.optional(z.string()),
  status: z.string(),
  intent: z.string(),
  priority: z.optional(z.enum(['routine', 'urgent', 'asap', 'stat'])),
  subject: FhirReferenceSchema,
  code: z.optional(FhirCodeableConceptSchema),
  orderDetail: z.optional(z.array(FhirCodeableConceptSchema)),
  reasonCode: z.optional(z.array(FhirCodeableConceptSchema)),
  reasonReference: z.optional(z.array(FhirReferenceSchema)),
  contained: z.optional(
    z.array(
      z.union([
        ConditionCodeSchema,
        z.object({ resourceType: z.string().check(z.refine((t) => t !== 'Condition', 'is a Condition')) }),
      ]),
    ),
  ),
  requester: z.optional(FhirReferenceSchema),
  performer: z.optional(z.array(FhirReferenceSchema)),
  performerType: z.optional(FhirCodeableConceptSchema),
  note: z.optional(z.array(FhirAnnotationSchema)),
});

type ReadReference = z.infer<typeof FhirReferenceSchema>;
type ReadConcept = z.infer<typeof FhirCodeableConceptSchema>;

const readParty = (ref: ReadReference | undefined, specialty?: string): FhirReferralParty | undefined => {
  const raw = ref?.reference;
  if (raw === undefined) return undefined;
  const npi = ref?.identifier?.system === NPI ? ref.identifier.value : undefined;
  const spec = ref?.extension?.find((e) => e.url === SPECIALTY_EXTENSION)?.valueString ?? specialty;
  return {
    provider: raw.replace(/^(.*\/)?Practitioner\//, ''),
    ...(npi !== undefined && validateNpi(npi)._tag === 'Right' ? { npi } : {}),
    ...(spec === undefined ? {} : { specialty: spec }),
  };
};

const codesOf = (concepts: readonly ReadConcept[] | undefined, system: string): string[] =>
  (concepts ?? []).flatMap((c) =>
    (c.coding ?? []).filter((k) => k.system === system && k.code).map((k) => k.code as string),
  );

/**
 * Reads a FHIR R4 ServiceRequest as a referral order. Accepts intents `order`, `original-order`,
 * `proposal` and `plan`; `subject` must reference a Patient. ICD-10-CM codings in `reasonCode` must
 * be well-formed (contained Conditions named by `reasonReference` count too); CPT/HCPCS codings in `orderDetail` or `code` must be well-formed.
 *
 * @param input - anything (a FHIR ServiceRequest, such as parsed JSON)
 * @returns `Right(ReferralOrder)`; `Left` `referral.fhir-unsupported` naming the field
 *   (`status` entered-in-error or unknown, `intent`, `subject`, a malformed diagnosis or procedure),
 *   or, when an element it reads has the wrong shape (`subject` null, `reasonCode` an object), the
 *   FHIR paths in its message and in `details.fields`
 * @example
 * fromFhirServiceRequest(toFhirServiceRequest(referral)); // Right({ possibleStatuses: [...], ... })
 * fromFhirServiceRequest({ status: 'active', intent: 'order', subject: null }); // Left({ code: 'referral.fhir-unsupported', details: { fields: ['subject'] }, ... })
 */
export const fromFhirServiceRequest = (input: unknown): Either<ReferralError, ReferralOrder> => {
  const read = readFhir('ServiceRequest', FhirServiceRequestSchema, input);
  if (read._tag === 'Left') return err(shapeError(read.left));
  const resource = read.right;
  const possibleStatuses = statusesFor('serviceRequest', resource.status);
  if (possibleStatuses.length === 0)
    return err(unsupported('ServiceRequest.status must be draft, active, completed or revoked'));
  if (!['order', 'original-order', 'proposal', 'plan'].includes(resource.intent))
    return err(unsupported('ServiceRequest.intent must be order, original-order, proposal or plan'));
  const patient = /^(?:.*\/)?Patient\/([^/]+)$/.exec(resource.subject.reference ?? '')?.[1];
  const patientId = PatientIdSchema.safeParse(patient);
  if (!patientId.success) return err(unsupported('ServiceRequest.subject must reference a Patient'));
  // Diagnoses come as reasonCode, or as contained Conditions named by reasonReference (`#id`).
  const contained = (resource.reasonReference ?? []).flatMap((ref) =>
    (resource.contained ?? []).flatMap((c) =>
      'code' in c && `#${c.id}` === ref.reference && c.code ? [c.code] : [],
    ),
  );
  const diagnoses: Icd10CmCode[] = [];
  for (const c of codesOf([...(resource.reasonCode ?? []), ...contained], ICD10CM)) {
    const v = validateIcd10Cm(c);
    if (v._tag === 'Left')
      return err(unsupported('ServiceRequest.reasonCode holds a malformed ICD-10-CM code'));
    diagnoses.push(v.right);
  }
  const procedures: ProcedureCode[] = [];
  for (const c of [
    ...codesOf(resource.orderDetail, CPT),
    ...codesOf(resource.code ? [resource.code] : [], CPT),
  ]) {
    const v = validateProcedureCode(c);
    if (v._tag === 'Left') return err(unsupported('ServiceRequest procedure coding is not a CPT/HCPCS code'));
    if (!procedures.includes(v.right.code)) procedures.push(v.right.code);
  }
  const id = ReferralIdSchema.safeParse(resource.id);
  const referring = readParty(resource.requester);
  const receiving = readParty(
    resource.performer?.[0],
    resource.performerType?.text ?? resource.performerType?.coding?.[0]?.display,
  );
  const reason = resource.note?.[0]?.text ?? resource.reasonCode?.find((c) => c.text)?.text;
  return ok({
    ...(id.success ? { id: id.data } : {}),
    patient: patientId.data,
    ...(referring ? { referring } : {}),
    ...(receiving ? { receiving } : {}),
    priority: resource.priority === 'asap' ? 'stat' : (resource.priority ?? 'routine'),
    ...(reason === undefined ? {} : { reason }),
    diagnoses,
    procedures,
    possibleStatuses,
  });
};

const statusReason = (referral: Referral): string | undefined => {
  if (referral.status === 'denied' && referral.refusal)
    return referral.refusal.by === 'specialist'
      ? `declined by specialist: ${referral.refusal.reason}`
      : `denied by payer${referral.refusal.reason.code ? ` (HCR03 ${referral.refusal.reason.code})` : ''}${referral.refusal.reason.text ? `: ${referral.refusal.reason.text}` : ''}`;
  const ending = referral.ending;
  if (ending !== undefined && (referral.status === 'expired' || referral.status === 'cancelled'))
    return ending.reason === 'not-pursued' ? `not pursued after the denial: ${ending.text}` : ending.reason;
  const last = referral.history[referral.history.length - 1]?.event;
  return referral.status === 'cancelled' && last?.type === 'cancel' ? last.reason : undefined;
};

const input = (code: string, value: Omit<NonNullable<Task['input']>[number], 'type'>) => ({
  type: { coding: [{ system: REFERRAL_AUTHORIZATION_INPUT_SYSTEM, code }] },
  ...value,
});

/** The payer's authorization as Task inputs: decision, certification number, visits asked and granted. */
const authorizationInputs = (referral: Referral): NonNullable<Task['input']> => {
  const auth = referral.authorizations[referral.authorizations.length - 1];
  if (auth === undefined) return [];
  return [
    input('decision', { valueCode: auth.decision }),
    ...(auth.certificationNumber === undefined
      ? []
      : [input('certification-number', { valueString: auth.certificationNumber })]),
    input('requested-visits', { valueUnsignedInt: auth.requestedUnits }),
    ...(auth.approvedUnits === undefined
      ? []
      : [input('approved-visits', { valueUnsignedInt: auth.approvedUnits })]),
  ];
};

/**
 * Maps a referral to a FHIR R4 Task that tracks it: `Task.status` from the projection table, the
 * library status in `businessStatus` (system {@link REFERRAL_STATUS_SYSTEM}), the denial or
 * decline reason, cancel reason or why it ended (window ended, visits used up, not pursued) in
 * `statusReason`, the ServiceRequest as `focus`, the receiving provider as `owner`, the current
 * approved authorization as `restriction` (visits and period), the payer's side as `input` (system
 * {@link REFERRAL_AUTHORIZATION_INPUT_SYSTEM}: `decision`, so a partial approval reads
 * `partly-approved`, `certification-number`, `requested-visits`, `approved-visits`), and consult
 * notes as `output`.
 *
 * @param referral - the referral
 * @returns a Task with `id` = referral id
 * @example
 * toFhirTask(referral).businessStatus?.coding?.[0]?.code; // 'scheduled'
 */
export const toFhirTask = (referral: Referral): Task => {
  const auth = referral.authorizations[referral.authorizations.length - 1];
  const reason = statusReason(referral);
  const granted = auth && isApprovedAuthorization(auth.decision) ? auth : undefined;
  return {
    resourceType: 'Task',
    id: referral.id,
    status: REFERRAL_FHIR_PROJECTION[referral.status].task,
    businessStatus: {
      coding: [{ system: REFERRAL_STATUS_SYSTEM, code: referral.status }],
      text: referral.status,
    },
    ...(reason === undefined ? {} : { statusReason: { text: reason } }),
    intent: 'order',
    priority: referral.priority,
    focus: { reference: `ServiceRequest/${referral.id}` },
    for: { reference: `Patient/${referral.patient}` },
    authoredOn: referral.createdAt,
    lastModified: referral.history[referral.history.length - 1]?.at ?? referral.createdAt,
    requester: party(referral.referring),
    owner: party(referral.receiving),
    ...(granted?.period === undefined
      ? {}
      : {
          restriction: {
            ...(granted.approvedUnits === undefined ? {} : { repetitions: granted.approvedUnits }),
            period: { start: granted.period.start, end: granted.period.end },
          },
        }),
    ...(referral.authorizations.length === 0 ? {} : { input: authorizationInputs(referral) }),
    output: referral.notes.map((n) => ({
      type: { text: `${n.kind} consult note` },
      valueReference: { reference: `DocumentReference/${n.document}` },
    })),
  };
};

/** The payer's authorization as a Task carries it in `input` (only what is there). */
export interface FhirTaskAuthorization {
  /** The decision (`approved`, `partly-approved`, `pended`, ...). */
  readonly decision?: string;
  /** HCR02 certification number. */
  readonly certificationNumber?: string;
  /** Visits or units asked for. */
  readonly requestedVisits?: number;
  /** Visits or units granted. */
  readonly approvedVisits?: number;
}

/** What a Task says about a referral: the specialist's side and the payer's side kept apart. */
export interface ReferralTaskState {
  /** The referral, from `focus` (`ServiceRequest/<id>`), when present. */
  readonly referral?: ReferralId;
  /** The library status, when the Task carries it in our businessStatus; absent otherwise. */
  readonly status?: ReferralStatus;
  /** The library statuses consistent with the Task (one when the businessStatus names it). */
  readonly possibleStatuses: readonly ReferralStatus[];
  /** `Task.status`: the specialist's (filler's) progress, never read as a payer decision. */
  readonly specialist: NonNullable<Task['status']>;
  /** The payer's authorization, from the Task's inputs, when present. */
  readonly authorization?: FhirTaskAuthorization;
  /** Read from our businessStatus code, or inferred from Task.status alone. */
  readonly source: 'business-status' | 'task-status';
}

/** FHIR R4 TaskStatus codes (hl7.org/fhir/R4/valueset-task-status). */
const TASK_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'ready',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
] as const satisfies readonly NonNullable<Task['status']>[];

/** The elements of a FHIR Task that {@link fromFhirTask} reads (status is 1..1, input.type 1..1). */
const FhirTaskSchema = /* @__PURE__ */ z.object({
  resourceType: z.optional(z.literal('Task')),
  status: z.enum(TASK_STATUSES),
  businessStatus: z.optional(FhirCodeableConceptSchema),
  focus: z.optional(FhirReferenceSchema),
  input: z.optional(
    z.array(
      z.object({
        type: FhirCodeableConceptSchema,
        valueCode: z.optional(z.string()),
        valueString: z.optional(z.string()),
        valueUnsignedInt: z.optional(z.int().check(z.nonnegative())),
      }),
    ),
  ),
});

const readAuthorization = (resource: z.infer<typeof FhirTaskSchema>): FhirTaskAuthorization | undefined => {
  const value = (code: string) =>
    resource.input?.find((i) =>
      i.type.coding?.some((c) => c.system === REFERRAL_AUTHORIZATION_INPUT_SYSTEM && c.code === code),
    );
  const decision = value('decision')?.valueCode;
  const certificationNumber = value('certification-number')?.valueString;
  const requestedVisits = value('requested-visits')?.valueUnsignedInt;
  const approvedVisits = value('approved-visits')?.valueUnsignedInt;
  const found = {
    ...(decision === undefined ? {} : { decision }),
    ...(certificationNumber === undefined ? {} : { certificationNumber }),
    ...(requestedVisits === undefined ? {} : { requestedVisits }),
    ...(approvedVisits === undefined ? {} : { approvedVisits }),
  };
  return Object.keys(found).length === 0 ? undefined : found;
};

/**
 * Reads a FHIR R4 Task as a referral. With a businessStatus in {@link REFERRAL_STATUS_SYSTEM} the
 * status is that code, which must agree with `Task.status` per the projection table. Without one,
 * `Task.status` is the specialist's side only: it narrows the library statuses
 * (`possibleStatuses`) but never decides the payer's (a specialist's `accepted` is not an
 * authorization; an `in-progress` Task is a service under way, not a completed referral), and
 * `status` is absent. The payer's authorization is read from the Task's inputs when present.
 *
 * @param input - anything (a FHIR Task, such as parsed JSON)
 * @returns `Right(ReferralTaskState)`; `Left` `referral.fhir-unsupported` for a Task.status the
 *   referral mapping does not use (`entered-in-error`), an unknown businessStatus code, a
 *   businessStatus that contradicts Task.status, or, when an element it reads has the wrong shape
 *   (no `status`, `input` an object), the FHIR paths in its message and in `details.fields`
 * @example
 * fromFhirTask(toFhirTask(referral)); // Right({ status: referral.status, source: 'business-status', ... })
 * fromFhirTask({ status: 'entered-in-error' }); // Left({ code: 'referral.fhir-unsupported', message: 'Task.status entered-in-error is not used by the referral mapping ...' })
 */
export const fromFhirTask = (input: unknown): Either<ReferralError, ReferralTaskState> => {
  const read = readFhir('Task', FhirTaskSchema, input);
  if (read._tag === 'Left') return err(shapeError(read.left));
  const resource = read.right;
  const focus = /^(?:.*\/)?ServiceRequest\/([^/]+)$/.exec(resource.focus?.reference ?? '')?.[1];
  const id = ReferralIdSchema.safeParse(focus);
  const authorization = readAuthorization(resource);
  const common = {
    ...(id.success ? { referral: id.data } : {}),
    specialist: resource.status,
    ...(authorization === undefined ? {} : { authorization }),
  };
  const code = resource.businessStatus?.coding?.find((c) => c.system === REFERRAL_STATUS_SYSTEM)?.code;
  if (code !== undefined) {
    const status = REFERRAL_STATUSES.find((s) => s === code);
    if (status === undefined) return err(unsupported('Task.businessStatus holds an unknown referral status'));
    if (REFERRAL_FHIR_PROJECTION[status].task !== resource.status)
      return err(unsupported('Task.businessStatus contradicts Task.status (projection table)'));
    return ok({ ...common, status, possibleStatuses: [status], source: 'business-status' });
  }
  const possibleStatuses = TASK_STATUS_READS[resource.status];
  return possibleStatuses.length === 0
    ? err(
        unsupported(
          `Task.status ${resource.status} is not used by the referral mapping: no referral status corresponds to it`,
        ),
      )
    : ok({ ...common, possibleStatuses, source: 'task-status' });
};
