/**
 * FHIR R4 mappers for Schedule, Slot and Appointment (hl7.org/fhir/R4). Participants map by
 * reference type: `Patient/` is the patient, `Practitioner/` (or `PractitionerRole/`) the provider,
 * `Location/` the site, `Device/` the rooms and devices of medoffice resources.
 */
import type {
  Appointment as FhirAppointment,
  AppointmentParticipant,
  Extension,
  Schedule as FhirSchedule,
  Slot as FhirSlot,
} from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { DomainError, ValidationError } from '../core/errors.js';
import type { LocationId, ProviderId, ResourceId } from '../core/ids.js';
import { normalizeIntervals, type Interval } from '../core/interval.js';
import { err, ok, type Either } from '../core/result.js';
import { parseZone, type IanaZone } from '../core/time.js';
import { instantToMs, IsoInstantSchema, type IsoInstant } from '../core/calendar.js';
import {
  parseAppointment,
  type Appointment,
  type AppointmentStatus,
  type ScheduleOwner,
  type Slot,
} from './model.js';
import {
  FhirCodeableConceptSchema,
  FhirExtensionSchema,
  FhirPeriodSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';

/** Code system of medoffice appointment type ids in `Appointment.appointmentType`. */
export const MEDOFFICE_APPOINTMENT_TYPE_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/appointment-type';
/** Standard extension carrying a schedule's IANA zone (FHIR R4 core extensions). */
export const FHIR_TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
const EXT = 'https://medoffice.dev/fhir/StructureDefinition/';
const SERIES = `${EXT}series-id`;
const FROM = `${EXT}rescheduled-from`;
const TO = `${EXT}rescheduled-to`;

/** A FHIR resource that cannot be mapped: the field and the rule. */
export interface SchedulingFhirError extends DomainError<
  'fhir.wrong-resource' | 'fhir.missing-field' | 'fhir.invariant'
> {
  readonly field: string;
}

const fhirError = (code: SchedulingFhirError['code'], field: string, rule: string): SchedulingFhirError => ({
  code,
  field,
  message: `${field}: ${rule}`,
});

type ReadReference = z.infer<typeof FhirReferenceSchema>;
type ReadExtension = z.infer<typeof FhirExtensionSchema>;

const ref = (r: ReadReference | undefined, type: string): string | undefined =>
  r?.reference?.startsWith(`${type}/`) ? r.reference.slice(type.length + 1) : undefined;

const ext = (list: readonly ReadExtension[] | undefined, url: string): string | undefined =>
  list?.find((e) => e.url === url)?.valueString;

/** The elements of a FHIR Appointment that {@link fromFhirAppointment} reads. */
const FhirAppointmentSchema = /* @__PURE__ */ z.object({
  resourceType: z.literal('Appointment'),
  id: z.optional(z.string()),
  extension: z.optional(z.array(FhirExtensionSchema)),
  status: z.string(),
  cancelationReason: z.optional(FhirCodeableConceptSchema),
  appointmentType: z.optional(FhirCodeableConceptSchema),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  created: z.optional(z.string()),
  comment: z.optional(z.string()),
  participant: z.optional(z.array(z.object({ actor: z.optional(FhirReferenceSchema) }))),
});

/** The elements of a FHIR Schedule that {@link fromFhirSchedule} reads. */
const FhirScheduleSchema = /* @__PURE__ */ z.object({
  resourceType: z.literal('Schedule'),
  id: z.optional(z.string()),
  extension: z.optional(z.array(FhirExtensionSchema)),
  active: z.optional(z.boolean()),
  actor: z.optional(z.array(FhirReferenceSchema)),
  planningHorizon: z.optional(FhirPeriodSchema),
});

/** FHIR R4 SlotStatus codes (hl7.org/fhir/R4/valueset-slotstatus). */
const SLOT_STATUSES = [
  'busy',
  'free',
  'busy-unavailable',
  'busy-tentative',
  'entered-in-error',
] as const satisfies readonly FhirSlot['status'][];

/** The elements of a FHIR Slot that {@link fromFhirSlot} reads (status is 1..1). */
const FhirSlotSchema = /* @__PURE__ */ z.object({
  resourceType: z.literal('Slot'),
  id: z.optional(z.string()),
  schedule: z.optional(FhirReferenceSchema),
  status: z.enum(SLOT_STATUSES),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  overbooked: z.optional(z.boolean()),
});

/** The wrong-resource error when the type is not the one expected, else the shape error. */
const shapeError = (e: ValidationError, resourceType: string): SchedulingFhirError | ValidationError =>
  e.issues.some((i) => i.path === 'resourceType')
    ? fhirError('fhir.wrong-resource', 'resourceType', `must be ${resourceType}`)
    : e;

const participantStatus = (s: AppointmentStatus): AppointmentParticipant['status'] =>
  s === 'proposed' || s === 'waitlist' ? 'needs-action' : s === 'pending' ? 'tentative' : 'accepted';

/**
 * Maps an appointment to a FHIR R4 Appointment.
 *
 * Times are written as given (ISO instants with offset are valid FHIR `instant`s); the type id is
 * a coding in `MEDOFFICE_APPOINTMENT_TYPE_SYSTEM`; series and reschedule links travel in medoffice
 * extensions; participant status follows the appointment (`needs-action` for proposed/waitlist,
 * `tentative` for pending, else `accepted`).
 *
 * @param appointment - the appointment
 * @returns the FHIR resource
 * @example
 * toFhirAppointment(appointment).participant[0]?.actor?.reference; // 'Patient/p-1'
 */
export const toFhirAppointment = (appointment: Appointment): FhirAppointment => {
  const status = participantStatus(appointment.status) ?? 'accepted';
  const actor = (reference: string): AppointmentParticipant => ({
    actor: { reference },
    required: 'required',
    status,
  });
  const extension: Extension[] = [
    ...(appointment.seriesId ? [{ url: SERIES, valueString: appointment.seriesId }] : []),
    ...(appointment.rescheduledFrom ? [{ url: FROM, valueString: appointment.rescheduledFrom }] : []),
    ...(appointment.rescheduledTo ? [{ url: TO, valueString: appointment.rescheduledTo }] : []),
  ];
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    ...(extension.length > 0 ? { extension } : {}),
    status: appointment.status,
    ...(appointment.cancelationReason ? { cancelationReason: { text: appointment.cancelationReason } } : {}),
    appointmentType: { coding: [{ system: MEDOFFICE_APPOINTMENT_TYPE_SYSTEM, code: appointment.type }] },
    ...(appointment.start ? { start: appointment.start } : {}),
    ...(appointment.end ? { end: appointment.end } : {}),
    ...(appointment.created ? { created: appointment.created } : {}),
    ...(appointment.comment ? { comment: appointment.comment } : {}),
    participant: [
      actor(`Patient/${appointment.patient}`),
      actor(`Practitioner/${appointment.provider}`),
      ...(appointment.location ? [actor(`Location/${appointment.location}`)] : []),
      ...(appointment.resources ?? []).map((r) => actor(`Device/${r}`)),
    ],
  };
};

/**
 * Reads a FHIR R4 Appointment.
 *
 * The patient is the first `Patient/` participant, the provider the first `Practitioner/` or
 * `PractitionerRole/` one (others are dropped), the type the code in
 * `MEDOFFICE_APPOINTMENT_TYPE_SYSTEM` or else the first coding of `appointmentType`. Invariants:
 * app-2/app-3 via the model; app-4 as intended (`cancelationReason` only on `cancelled` or
 * `noshow`; the published FHIRPath tests the non-existent code `'no-show'`). A `created` that is a
 * date without time is dropped (the model keeps instants).
 *
 * @param input - anything (a FHIR Appointment, such as parsed JSON; anything else is refused)
 * @returns `Right(appointment)`, `Left` `fhir.wrong-resource`, `fhir.missing-field` (id, patient,
 *   practitioner, appointmentType), `fhir.invariant` (app-4), or `validation.failed` (app-2, app-3,
 *   bad instants or status; model `FHIR Appointment` with the FHIR path when an element it reads
 *   has the wrong shape, such as `participant` an object)
 * @example
 * fromFhirAppointment(resource); // Right({ id: 'example', status: 'booked', patient: 'example', provider: 'example', ... })
 */
export const fromFhirAppointment = (
  input: unknown,
): Either<SchedulingFhirError | ValidationError, Appointment> => {
  const read = readFhir('Appointment', FhirAppointmentSchema, input);
  if (read._tag === 'Left') return err(shapeError(read.left, 'Appointment'));
  const resource = read.right;
  const actors = (resource.participant ?? []).map((p) => p.actor);
  const first = (...types: string[]): string | undefined => {
    for (const a of actors) for (const t of types) if (ref(a, t)) return ref(a, t);
    return undefined;
  };
  const patient = first('Patient');
  const provider = first('Practitioner', 'PractitionerRole');
  const codings = resource.appointmentType?.coding ?? [];
  const type = (codings.find((c) => c.system === MEDOFFICE_APPOINTMENT_TYPE_SYSTEM) ?? codings[0])?.code;
  if (!resource.id) return err(fhirError('fhir.missing-field', 'id', 'is required'));
  if (!patient) return err(fhirError('fhir.missing-field', 'participant', 'needs a Patient actor'));
  if (!provider)
    return err(
      fhirError('fhir.missing-field', 'participant', 'needs a Practitioner or PractitionerRole actor'),
    );
  if (!type) return err(fhirError('fhir.missing-field', 'appointmentType', 'needs a coding with a code'));
  const reason = resource.cancelationReason?.text ?? resource.cancelationReason?.coding?.[0]?.code;
  if (reason && resource.status !== 'cancelled' && resource.status !== 'noshow')
    return err(fhirError('fhir.invariant', 'cancelationReason', 'only on cancelled or noshow (app-4)'));
  const location = first('Location');
  const resources = actors.map((a) => ref(a, 'Device')).filter((r): r is string => r !== undefined);
  const created =
    resource.created && IsoInstantSchema.safeParse(resource.created).success ? resource.created : undefined;
  const links = {
    seriesId: ext(resource.extension, SERIES),
    rescheduledFrom: ext(resource.extension, FROM),
    rescheduledTo: ext(resource.extension, TO),
  };
  return parseAppointment({
    id: resource.id,
    status: resource.status,
    type,
    patient,
    provider,
    ...(resources.length > 0 ? { resources } : {}),
    ...(location ? { location } : {}),
    ...(resource.start ? { start: resource.start } : {}),
    ...(resource.end ? { end: resource.end } : {}),
    ...(reason ? { cancelationReason: reason } : {}),
    ...(created ? { created } : {}),
    ...(resource.comment ? { comment: resource.comment } : {}),
    ...Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined)),
  });
};

/** What a FHIR Schedule says in medoffice terms. */
export interface ScheduleInfo {
  readonly id: string | undefined;
  readonly active: boolean;
  /** Providers (Practitioner actors) and resources (Device actors) the schedule belongs to. */
  readonly owners: readonly ScheduleOwner[];
  readonly locations: readonly LocationId[];
  /** From the standard timezone extension, when present. */
  readonly zone?: IanaZone;
  readonly horizon?: { readonly start: IsoInstant; readonly end: IsoInstant };
}

/** A provider's or resource's schedule to publish as a FHIR Schedule. */
export interface ScheduleDescription {
  readonly id: string;
  readonly owner: ScheduleOwner;
  readonly zone: IanaZone;
  readonly location?: LocationId;
  readonly horizon?: { readonly start: IsoInstant; readonly end: IsoInstant };
}

/**
 * Maps a provider's or resource's schedule to a FHIR R4 Schedule, with its zone in the standard
 * timezone extension (`http://hl7.org/fhir/StructureDefinition/timezone`).
 *
 * @param schedule - id, owner, zone, optional location and planning horizon
 * @returns the FHIR resource
 * @example
 * toFhirSchedule({ id: 'sched-patel', owner: { kind: 'provider', id: providerId('dr-patel') }, zone: zone('America/New_York') });
 */
export const toFhirSchedule = (schedule: ScheduleDescription): FhirSchedule => ({
  resourceType: 'Schedule',
  id: schedule.id,
  extension: [{ url: FHIR_TIMEZONE_EXTENSION, valueCode: schedule.zone }],
  active: true,
  actor: [
    { reference: `${schedule.owner.kind === 'provider' ? 'Practitioner' : 'Device'}/${schedule.owner.id}` },
    ...(schedule.location ? [{ reference: `Location/${schedule.location}` }] : []),
  ],
  ...(schedule.horizon
    ? { planningHorizon: { start: schedule.horizon.start, end: schedule.horizon.end } }
    : {}),
});

/**
 * Reads a FHIR R4 Schedule: its owners (Practitioner, PractitionerRole and Device actors),
 * locations, zone (timezone extension) and planning horizon. A schedule of a Location only (a
 * clinic-wide schedule) has no owners.
 *
 * The horizon is kept when both ends are instants with an offset (a date-only end is left out).
 *
 * @param input - anything (a FHIR Schedule, such as parsed JSON)
 * @returns `Right(info)`, or `Left` `fhir.wrong-resource` / `fhir.missing-field` (no actor) /
 *   `fhir.invariant` (the timezone extension names no IANA zone) / `validation.failed` (model
 *   `FHIR Schedule` with the FHIR path when an element it reads has the wrong shape, such as
 *   `actor` an object)
 * @example
 * fromFhirSchedule(resource); // Right({ id: 'example', active: true, owners: [], locations: ['1'], horizon: {...} })
 */
export const fromFhirSchedule = (
  input: unknown,
): Either<SchedulingFhirError | ValidationError, ScheduleInfo> => {
  const read = readFhir('Schedule', FhirScheduleSchema, input);
  if (read._tag === 'Left') return err(shapeError(read.left, 'Schedule'));
  const resource = read.right;
  if (!resource.actor || resource.actor.length === 0)
    return err(fhirError('fhir.missing-field', 'actor', 'at least one actor is required (1..*)'));
  const owners: ScheduleOwner[] = [];
  const locations: LocationId[] = [];
  for (const a of resource.actor) {
    const provider = ref(a, 'Practitioner') ?? ref(a, 'PractitionerRole');
    const device = ref(a, 'Device');
    const location = ref(a, 'Location');
    if (provider) owners.push({ kind: 'provider', id: provider as ProviderId });
    if (device) owners.push({ kind: 'resource', id: device as ResourceId });
    if (location) locations.push(location as LocationId);
  }
  const zoneCode = resource.extension?.find((e) => e.url === FHIR_TIMEZONE_EXTENSION)?.valueCode;
  const zone = zoneCode === undefined ? undefined : parseZone(zoneCode);
  if (zone?._tag === 'Left')
    return err(fhirError('fhir.invariant', 'extension(timezone)', 'must name an IANA time zone'));
  const start = IsoInstantSchema.safeParse(resource.planningHorizon?.start);
  const end = IsoInstantSchema.safeParse(resource.planningHorizon?.end);
  return ok({
    id: resource.id,
    active: resource.active ?? true,
    owners,
    locations,
    ...(zone ? { zone: zone.right } : {}),
    ...(start.success && end.success ? { horizon: { start: start.data, end: end.data } } : {}),
  });
};

/**
 * Maps an offered slot to a FHIR R4 Slot (`free`, or `busy-tentative` for a held one).
 *
 * @param slot - a slot from `findSlots`
 * @param schedule - the FHIR Schedule id it belongs to
 * @param status - `free` (default) or `busy-tentative`
 * @returns the FHIR resource; `overbooked` is set when the slot lies beyond regular capacity
 * @example
 * toFhirSlot(slot, 'sched-patel'); // { resourceType: 'Slot', status: 'free', schedule: { reference: 'Schedule/sched-patel' }, ... }
 */
export const toFhirSlot = (
  slot: Slot,
  schedule: string,
  status: 'free' | 'busy-tentative' = 'free',
): FhirSlot => ({
  resourceType: 'Slot',
  schedule: { reference: `Schedule/${schedule}` },
  status,
  start: slot.start,
  end: slot.end,
  appointmentType: { coding: [{ system: MEDOFFICE_APPOINTMENT_TYPE_SYSTEM, code: slot.type }] },
  ...(slot.overbooked ? { overbooked: true } : {}),
});

/** A FHIR Slot read for slot finding. */
export interface FhirSlotInfo {
  readonly id: string | undefined;
  readonly schedule: string | undefined;
  readonly status: FhirSlot['status'];
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly overbooked: boolean;
  /** `busy`, `busy-unavailable` and `busy-tentative` (holds) block; `free` does not. */
  readonly blocks: boolean;
  /** `entered-in-error` slots are to be ignored entirely. */
  readonly ignored: boolean;
}

/**
 * Reads a FHIR R4 Slot. Per SlotStatus: `busy-tentative` (a hold) blocks like `busy`;
 * `entered-in-error` is ignored; `overbooked` is kept.
 *
 * @param input - anything (a FHIR Slot, such as parsed JSON)
 * @returns `Right(info)`, or `Left` `fhir.wrong-resource`, `fhir.missing-field` (start, end) /
 *   `fhir.invariant` (end not after start) / `validation.failed` (model `FHIR Slot` with the FHIR
 *   path when an element it reads has the wrong shape, such as a `status` that is no SlotStatus)
 * @example
 * fromFhirSlot(resource); // Right({ status: 'busy-tentative', blocks: true, ignored: false, ... })
 */
export const fromFhirSlot = (input: unknown): Either<SchedulingFhirError | ValidationError, FhirSlotInfo> => {
  const read = readFhir('Slot', FhirSlotSchema, input);
  if (read._tag === 'Left') return err(shapeError(read.left, 'Slot'));
  const resource = read.right;
  const start = IsoInstantSchema.safeParse(resource.start);
  const end = IsoInstantSchema.safeParse(resource.end);
  if (!start.success) return err(fhirError('fhir.missing-field', 'start', 'must be an instant'));
  if (!end.success) return err(fhirError('fhir.missing-field', 'end', 'must be an instant'));
  if (!(instantToMs(start.data) < instantToMs(end.data)))
    return err(fhirError('fhir.invariant', 'end', 'must be after start'));
  return ok({
    id: resource.id,
    schedule: ref(resource.schedule, 'Schedule'),
    status: resource.status,
    start: start.data,
    end: end.data,
    overbooked: resource.overbooked === true,
    blocks: resource.status.startsWith('busy'),
    ignored: resource.status === 'entered-in-error',
  });
};

/**
 * The busy time FHIR Slots describe, as normalized intervals (epoch ms): `busy`,
 * `busy-unavailable` and `busy-tentative` count; `free` and `entered-in-error` do not. Slots that
 * cannot be read are skipped (read them with `fromFhirSlot` to see why).
 *
 * @param slots - FHIR Slots
 * @returns normalized half-open intervals
 * @example
 * busyFromFhirSlots(fhirSlots); // the Slot resources a FHIR server returned // [{ start, end }, ...]
 */
export const busyFromFhirSlots = (slots: readonly FhirSlot[]): readonly Interval[] =>
  normalizeIntervals(
    slots.flatMap((s) => {
      const info = fromFhirSlot(s);
      return info._tag === 'Right' && info.right.blocks
        ? [{ start: instantToMs(info.right.start), end: instantToMs(info.right.end) }]
        : [];
    }),
  );
