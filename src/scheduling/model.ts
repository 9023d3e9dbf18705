/**
 * Scheduling models: zod schemas and their inferred types. Instants are ISO 8601 strings with an
 * offset, dates `YYYY-MM-DD`, wall times `HH:mm` read in an IANA zone (DESIGN.md rule 4).
 * Optional fields carry documented defaults that the functions apply, so values are easy to build
 * by hand as well as to parse.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import {
  ActorIdSchema,
  AppointmentIdSchema,
  AppointmentTypeIdSchema,
  LocationIdSchema,
  PatientIdSchema,
  ProviderIdSchema,
  ResourceIdSchema,
  TemplateIdSchema,
  type AppointmentTypeId,
  type LocationId,
  type ProviderId,
  type ResourceId,
} from '../core/ids.js';
import { ok, type Either } from '../core/result.js';
import { IanaZoneSchema } from '../core/time.js';
import {
  instantToMs,
  IsoDateSchema,
  IsoInstantSchema,
  WallTimeSchema,
  type IsoInstant,
} from '../core/calendar.js';
import { FHIR_APPOINTMENT_STATUSES } from '../referrals/validity.js';
import { rrulePartProblems } from './rruleParts.js';
import { readAppointmentList } from './appointmentReader.js';

/** Whether two optional instants are in order (end strictly after start), or one is absent. */
const inOrder = (start: IsoInstant | undefined, end: IsoInstant | undefined): boolean =>
  start === undefined || end === undefined || instantToMs(start) < instantToMs(end);
const END_AFTER_START = { message: 'must be after start', path: ['end'] };

const label = /* @__NO_SIDE_EFFECTS__ */ () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const minutes = /* @__NO_SIDE_EFFECTS__ */ () => z.int().check(z.gte(0), z.lte(525_600));
const positiveMinutes = /* @__NO_SIDE_EFFECTS__ */ () => z.int().check(z.gte(1), z.lte(525_600));

/**
 * The ISO weekdays (1 = Monday ... 7 = Sunday) that count as business days, for business-day
 * booking horizons: `[1, 2, 3, 4, 5]` is Monday to Friday, `[7, 1, 2, 3, 4]` Sunday to Thursday.
 */
export const WorkWeekSchema = /* @__PURE__ */ z
  .array(z.int().check(z.gte(1), z.lte(7)))
  .check(z.minLength(1), z.maxLength(7));
/** The ISO weekdays that count as business days. */
export type WorkWeek = z.infer<typeof WorkWeekSchema>;

/** A clinician who sees patients, working in one IANA zone at one or more locations. */
export const ProviderSchema = /* @__PURE__ */ z.object({
  id: ProviderIdSchema,
  name: z.optional(label()),
  /** The zone the provider's day, week and per-day limits are counted in. */
  zone: IanaZoneSchema,
  locations: z.array(LocationIdSchema),
  /** Specialty codes such as `cardiology`, matched against `AppointmentType.eligibleSpecialties`. */
  specialties: z.array(label()),
  /** Business days of this provider; default: its location's, else Monday to Friday. */
  workWeek: z.optional(WorkWeekSchema),
});
/** A clinician who sees patients, working in one IANA zone at one or more locations. */
export interface Provider extends z.infer<typeof ProviderSchema> {}

/** A site (clinic building, telehealth hub) with its own zone. */
export const LocationSchema = /* @__PURE__ */ z.object({
  id: LocationIdSchema,
  name: z.optional(label()),
  zone: IanaZoneSchema,
  /** Business days at this location (for providers that name none); default Monday to Friday. */
  workWeek: z.optional(WorkWeekSchema),
});
/** A site (clinic building, telehealth hub) with its own zone. */
export interface Location extends z.infer<typeof LocationSchema> {}

/** Whether a resource is a room or a piece of equipment. */
export const ResourceCategorySchema = /* @__PURE__ */ z.enum(['room', 'equipment']);
/** Whether a resource is a room or a piece of equipment. */
export type ResourceCategory = z.infer<typeof ResourceCategorySchema>;

/**
 * A room or a device that an appointment may need. `kind` (such as `exam-room`, `echo-machine`)
 * is what appointment types require; `capacity` is how many appointments it can host at once
 * (default 1).
 */
export const ResourceSchema = /* @__PURE__ */ z.object({
  id: ResourceIdSchema,
  name: z.optional(label()),
  kind: label(),
  category: z.optional(ResourceCategorySchema),
  location: LocationIdSchema,
  capacity: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});
/** A room or a device that an appointment may need. */
export interface Resource extends z.infer<typeof ResourceSchema> {}

/** Which patients an appointment type is for. */
export const PatientStatusSchema = /* @__PURE__ */ z.enum(['new', 'established', 'any']);
/** Which patients an appointment type is for. */
export type PatientStatus = z.infer<typeof PatientStatusSchema>;

/**
 * A kind of visit and its booking rules. Defaults: no buffers; step = duration + buffers (so that
 * every offered slot of a day can be booked back to back); the grid anchored at local midnight
 * (the grid is the wall times `anchor + k * step` of the window's date in the provider's zone, so it
 * is one grid for all windows of a day, the same whoever looks at it, and keeps its local times
 * across DST); no notice; no horizon; no limits; weeks start on Monday (ISO).
 */
export const AppointmentTypeSchema = /* @__PURE__ */ z.object({
  id: AppointmentTypeIdSchema,
  /** Practice code, such as `NP40`; free text. */
  code: label(),
  name: z.optional(label()),
  durationMinutes: positiveMinutes(),
  bufferBeforeMinutes: z.optional(minutes()),
  bufferAfterMinutes: z.optional(minutes()),
  /** Distance between offered starts; default `duration + bufferBefore + bufferAfter`. */
  stepMinutes: z.optional(positiveMinutes()),
  /**
   * Wall time (provider zone) the grid is anchored at each day; default `00:00`, local midnight
   * (a 45-minute step then offers 08:15, 09:00, ...; `'08:00'` gives 08:00, 08:45, ...).
   */
  alignmentAnchor: z.optional(WallTimeSchema),
  /** One resource of each listed kind is needed (a kind listed twice needs two). */
  requiredResourceKinds: z.optional(z.array(label())),
  /** Providers allowed to see this type; absent means any provider (subject to specialties). */
  eligibleProviders: z.optional(z.array(ProviderIdSchema)),
  /** Specialties allowed; a provider qualifies with any one of them. */
  eligibleSpecialties: z.optional(z.array(label())),
  patientStatus: z.optional(PatientStatusSchema),
  telehealth: z.optional(z.boolean()),
  minimumNoticeMinutes: z.optional(minutes()),
  /** How far ahead it may be booked, in days from `now` (counted as `bookingHorizonUnit` says). */
  bookingHorizonDays: z.optional(z.int().check(z.gte(1), z.lte(3660))),
  /**
   * What the horizon counts after today (provider's zone): every calendar day (default), business
   * days (the provider's or its location's `workWeek`, default Monday to Friday, less the holidays
   * that close the provider everywhere) or bookable days
   * (dates on which the provider has availability that admits the type).
   */
  bookingHorizonUnit: z.optional(z.enum(['calendar-days', 'business-days', 'bookable-days'])),
  /** Most appointments of this type per provider per day (provider's zone). */
  maxPerDay: z.optional(z.int().check(z.gte(1))),
  /** Most appointments of this type per provider per week (provider's zone, `weekStart`). */
  maxPerWeek: z.optional(z.int().check(z.gte(1))),
  /** ISO weekday a week starts on for `maxPerWeek`: 1 = Monday (default) ... 7 = Sunday. */
  weekStart: z.optional(z.int().check(z.gte(1), z.lte(7))),
});
/** A kind of visit and its booking rules. */
export interface AppointmentType extends z.infer<typeof AppointmentTypeSchema> {}

/** Who a template or exception belongs to: a provider or a resource (room, device). */
export const ScheduleOwnerSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('provider'), id: ProviderIdSchema }),
  z.object({ kind: z.literal('resource'), id: ResourceIdSchema }),
]);
/** Who a template or exception belongs to: a provider or a resource (room, device). */
export type ScheduleOwner = z.infer<typeof ScheduleOwnerSchema>;

/**
 * A wall-clock window. `end` at or before `start` means the window runs overnight into the next
 * day (21:00-03:00); `24:00` is the end of the day.
 */
export const WallWindowSchema = /* @__PURE__ */ z.object({
  start: WallTimeSchema,
  end: WallTimeSchema,
});
/** A wall-clock window, overnight when `end <= start`. */
export interface WallWindow extends z.infer<typeof WallWindowSchema> {}

/** A weekday as RFC 5545 writes it: `MO` ... `SU`. */
export const WeekdayCodeSchema = /* @__PURE__ */ z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
/** A weekday as RFC 5545 writes it: `MO` ... `SU`. */
export type WeekdayCode = z.infer<typeof WeekdayCodeSchema>;

/**
 * Recurring availability: wall-clock windows on the dates a rule produces, in `zone`. The rule is
 * either an RRULE with its first date `dtstart`, or simply `days` (weekdays, every week) with no
 * start date needed (from `dtstart` on when given). The RRULE is checked part by part when parsed:
 * each broken part is an issue naming it (`BYDAY=XX`, `FREQ=SOMETIMES`, `INTERVAL=0`, BYxxx out of
 * range, UNTIL beside COUNT), with a rule code such as `rrule.invalid-weekday`.
 * `until` is an instant (RFC 5545: UTC when DTSTART is zoned) or a last local date; `count`
 * counts occurrence dates from `dtstart`; `exdates`/`rdates` are local dates in `zone`.
 * `capacity` > 1 marks an overbook block (that many concurrent appointments allowed).
 */
export const AvailabilityTemplateSchema = /* @__PURE__ */ z
  .object({
    id: TemplateIdSchema,
    owner: ScheduleOwnerSchema,
    zone: IanaZoneSchema,
    location: z.optional(LocationIdSchema),
    windows: z.array(WallWindowSchema).check(z.minLength(1)),
    /** RRULE value (RFC 5545), such as `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`. No DTSTART inside. */
    rrule: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(500),
        z.superRefine((text, ctx) => {
          for (const p of rrulePartProblems(text))
            ctx.addIssue({ code: 'custom', message: `rrule ${p.message}`, params: { rule: p.rule } });
        }),
      ),
    ),
    /** Weekdays the windows recur on every week: the plain weekly template, without an RRULE. */
    days: z.optional(z.array(WeekdayCodeSchema).check(z.minLength(1), z.maxLength(7))),
    /** First date; required with `rrule` (its INTERVAL and COUNT count from it), optional with `days`. */
    dtstart: z.optional(IsoDateSchema),
    until: z.optional(z.union([IsoInstantSchema, IsoDateSchema])),
    count: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
    exdates: z.optional(z.array(IsoDateSchema)),
    rdates: z.optional(z.array(IsoDateSchema)),
    /** Appointment types bookable in these windows; absent means all. */
    appointmentTypes: z.optional(z.array(AppointmentTypeIdSchema)),
    capacity: z.optional(z.int().check(z.gte(1), z.lte(100))),
  })
  .check(
    z.refine((t) => (t.rrule === undefined) !== (t.days === undefined), {
      message: 'exactly one of rrule and days is required',
      path: ['rrule'],
    }),
    z.refine((t) => t.dtstart !== undefined || (t.rrule === undefined && t.count === undefined), {
      message: 'is required with rrule or count (they count from it)',
      path: ['dtstart'],
    }),
  );
/** Recurring availability of a provider or resource. */
export interface AvailabilityTemplate extends z.infer<typeof AvailabilityTemplateSchema> {}

/**
 * A change to recurring availability.
 * - `time-off`: the owner is away between two instants.
 * - `holiday`: a local date closed for everyone (optionally one location, or one owner), counted
 *   in each template's own zone; the whole local day is removed, including the part of an
 *   overnight window that spills into it.
 * - `extra-hours`: windows added on one local date.
 * - `override`: the owner's availability on one local date is replaced by `windows` (empty = day
 *   off); like a holiday it covers the whole local day, spill-over from the day before included.
 */
export const AvailabilityExceptionSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('time-off'),
      owner: ScheduleOwnerSchema,
      start: IsoInstantSchema,
      end: IsoInstantSchema,
      reason: z.optional(label()),
    })
    .check(z.refine((x) => inOrder(x.start, x.end), END_AFTER_START)),
  z.object({
    kind: z.literal('holiday'),
    date: IsoDateSchema,
    name: z.optional(label()),
    location: z.optional(LocationIdSchema),
    owner: z.optional(ScheduleOwnerSchema),
  }),
  z.object({
    kind: z.literal('extra-hours'),
    owner: ScheduleOwnerSchema,
    date: IsoDateSchema,
    zone: IanaZoneSchema,
    windows: z.array(WallWindowSchema).check(z.minLength(1)),
    location: z.optional(LocationIdSchema),
    appointmentTypes: z.optional(z.array(AppointmentTypeIdSchema)),
  }),
  z.object({
    kind: z.literal('override'),
    owner: ScheduleOwnerSchema,
    date: IsoDateSchema,
    zone: IanaZoneSchema,
    windows: z.array(WallWindowSchema),
    location: z.optional(LocationIdSchema),
    appointmentTypes: z.optional(z.array(AppointmentTypeIdSchema)),
  }),
]);
/** A change to recurring availability: time off, holiday, extra hours or a one-day override. */
export type AvailabilityException = z.infer<typeof AvailabilityExceptionSchema>;

/** FHIR R4 AppointmentStatus. */
export const AppointmentStatusSchema = /* @__PURE__ */ z.enum(FHIR_APPOINTMENT_STATUSES);
/** FHIR R4 AppointmentStatus. */
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

/** One status change of an appointment, newest last. */
export const AppointmentHistoryEntrySchema = /* @__PURE__ */ z.object({
  from: z.optional(AppointmentStatusSchema),
  to: AppointmentStatusSchema,
  at: IsoInstantSchema,
  /** The event that caused it, such as `book`, `cancel`, `check-in`. */
  event: z.optional(label()),
  reason: z.optional(z.string().check(z.maxLength(500))),
  actor: z.optional(ActorIdSchema),
});
/** One status change of an appointment. */
export interface AppointmentHistoryEntry extends z.infer<typeof AppointmentHistoryEntrySchema> {}

/**
 * An appointment. `start`/`end` may be absent only for `proposed`, `cancelled` and `waitlist`
 * (FHIR invariant app-3). `overbook.reason` records why it was booked beyond capacity.
 */
export const AppointmentSchema = /* @__PURE__ */ z
  .object({
    id: AppointmentIdSchema,
    status: AppointmentStatusSchema,
    type: AppointmentTypeIdSchema,
    patient: PatientIdSchema,
    provider: ProviderIdSchema,
    resources: z.optional(z.array(ResourceIdSchema)),
    location: z.optional(LocationIdSchema),
    start: z.optional(IsoInstantSchema),
    end: z.optional(IsoInstantSchema),
    seriesId: z.optional(label()),
    rescheduledFrom: z.optional(AppointmentIdSchema),
    rescheduledTo: z.optional(AppointmentIdSchema),
    cancelationReason: z.optional(z.string().check(z.maxLength(500))),
    overbook: z.optional(z.object({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) })),
    /**
     * This visit's own buffers (a procedure that needs turnover), overriding its type's
     * `bufferBeforeMinutes` / `bufferAfterMinutes` for everything booked around it.
     */
    bufferBeforeMinutes: z.optional(minutes()),
    bufferAfterMinutes: z.optional(minutes()),
    telehealth: z.optional(z.boolean()),
    created: z.optional(IsoInstantSchema),
    comment: z.optional(z.string().check(z.maxLength(2000))),
    history: z.optional(z.array(AppointmentHistoryEntrySchema)),
  })
  .check(
    z.refine((a) => (a.start === undefined) === (a.end === undefined), {
      message: 'start and end must both be present or both absent (FHIR app-2)',
      path: ['end'],
    }),
    z.refine((a) => a.start !== undefined || ['proposed', 'cancelled', 'waitlist'].includes(a.status), {
      message: 'only proposed, cancelled and waitlist appointments may lack start/end (FHIR app-3)',
      path: ['start'],
    }),
    z.refine((a) => inOrder(a.start, a.end), END_AFTER_START),
  );
/** An appointment with FHIR status, instants, participants, series link and history. */
export interface Appointment extends z.infer<typeof AppointmentSchema> {}

/** A tentative reservation (FHIR Slot `busy-tentative`); it blocks until `expiresAt` (exclusive). */
export const HoldSchema = /* @__PURE__ */ z
  .object({
    id: label(),
    provider: ProviderIdSchema,
    resources: z.optional(z.array(ResourceIdSchema)),
    type: z.optional(AppointmentTypeIdSchema),
    patient: z.optional(PatientIdSchema),
    start: IsoInstantSchema,
    end: IsoInstantSchema,
    expiresAt: IsoInstantSchema,
  })
  .check(z.refine((h) => inOrder(h.start, h.end), END_AFTER_START));
/** A tentative reservation that blocks until it expires. */
export interface Hold extends z.infer<typeof HoldSchema> {}

/** A request to be seen sooner or when something opens up. */
export const WaitlistEntrySchema = /* @__PURE__ */ z
  .object({
    id: label(),
    patient: PatientIdSchema,
    type: AppointmentTypeIdSchema,
    /** Acceptable providers; absent means any eligible provider. */
    providers: z.optional(z.array(ProviderIdSchema)),
    preferredProvider: z.optional(ProviderIdSchema),
    location: z.optional(LocationIdSchema),
    /** Earliest and latest acceptable instants. */
    earliest: z.optional(IsoInstantSchema),
    latest: z.optional(IsoInstantSchema),
    /** ISO weekdays acceptable (1 = Monday); absent means any. */
    days: z.optional(z.array(z.int().check(z.gte(1), z.lte(7)))),
    /** Acceptable wall-clock windows in `zone`; absent means any time. */
    times: z.optional(z.array(WallWindowSchema)),
    zone: z.optional(IanaZoneSchema),
    /** Higher is more urgent; default 0. */
    priority: z.optional(z.int().check(z.gte(0), z.lte(100))),
    addedAt: IsoInstantSchema,
    /** The booked appointment the patient would like to move earlier, if any. */
    currentAppointment: z.optional(AppointmentIdSchema),
  })
  .check(
    z.refine((w) => inOrder(w.earliest, w.latest), {
      message: 'must be after earliest',
      path: ['latest'],
    }),
  );
/** A request to be seen sooner or when something opens up. */
export interface WaitlistEntry extends z.infer<typeof WaitlistEntrySchema> {}

/**
 * Everything slot finding looks at: who works when, what exists, and what is already taken.
 * Templates and exceptions must name owners, locations and appointment types the calendar holds:
 * availability of a provider that does not exist would be silently ignored, so each such name is
 * an issue (`scheduling.unknown-owner`, `scheduling.unknown-location`, `scheduling.unknown-type`).
 */
export const SchedulingCalendarSchema = /* @__PURE__ */ z
  .object({
    providers: z.array(ProviderSchema),
    locations: z.array(LocationSchema),
    resources: z.array(ResourceSchema),
    appointmentTypes: z.array(AppointmentTypeSchema),
    templates: z.array(AvailabilityTemplateSchema),
    exceptions: z.array(AvailabilityExceptionSchema),
    appointments: z.array(AppointmentSchema),
    holds: z.array(HoldSchema),
  })
  .check(
    z.superRefine((c, ctx) => {
      const known = {
        provider: new Set<string>(c.providers.map((p) => p.id)),
        resource: new Set<string>(c.resources.map((r) => r.id)),
        location: new Set<string>(c.locations.map((l) => l.id)),
        type: new Set<string>(c.appointmentTypes.map((t) => t.id)),
      };
      const unknown = (path: readonly (string | number)[], rule: string, message: string): void => {
        ctx.addIssue({ code: 'custom', path: [...path], message, params: { rule } });
      };
      const check = (
        list: 'templates' | 'exceptions',
        i: number,
        x: AvailabilityTemplate | AvailabilityException,
      ) => {
        if (x.owner && !known[x.owner.kind].has(x.owner.id))
          unknown(
            [list, i, 'owner', 'id'],
            'scheduling.unknown-owner',
            `names no ${x.owner.kind} of the calendar`,
          );
        if ('location' in x && x.location !== undefined && !known.location.has(x.location))
          unknown([list, i, 'location'], 'scheduling.unknown-location', 'names no location of the calendar');
        const types = 'appointmentTypes' in x ? (x.appointmentTypes ?? []) : [];
        types.forEach((t, j) => {
          if (!known.type.has(t))
            unknown(
              [list, i, 'appointmentTypes', j],
              'scheduling.unknown-type',
              'names no appointment type of the calendar',
            );
        });
      };
      c.templates.forEach((t, i) => check('templates', i, t));
      c.exceptions.forEach((x, i) => check('exceptions', i, x));
    }),
  );
/**
 * Everything slot finding looks at. Treat a calendar value as immutable: the functions memoize
 * derived indexes per calendar object, so build a new object (spread) when something changes.
 */
export interface SchedulingCalendar extends z.infer<typeof SchedulingCalendarSchema> {}

/** The question "when can ... be seen": a type, a range and optional restrictions. */
export const SlotQuerySchema = /* @__PURE__ */ z.object({
  type: AppointmentTypeIdSchema,
  /** Start of the search range (inclusive). */
  from: IsoInstantSchema,
  /** End of the search range (exclusive): slots end at or before it. */
  to: IsoInstantSchema,
  /** Only these providers (further narrowed by the type's eligibility). */
  providers: z.optional(z.array(ProviderIdSchema)),
  preferredProvider: z.optional(ProviderIdSchema),
  patient: z.optional(PatientIdSchema),
  patientStatus: z.optional(z.enum(['new', 'established'])),
  location: z.optional(LocationIdSchema),
  /** Specific resources that must be used (each also counts toward a required kind). */
  resources: z.optional(z.array(ResourceIdSchema)),
});
/** The question "when can ... be seen". */
export interface SlotQuery extends z.infer<typeof SlotQuerySchema> {}

/** How slots are ordered: earliest first, the preferred provider first, or least-loaded first. */
export const SlotRankingSchema = /* @__PURE__ */ z.enum(['earliest', 'preferred-provider', 'spread-load']);
/** How slots are ordered. */
export type SlotRanking = z.infer<typeof SlotRankingSchema>;

/** Options of `findSlots`: the clock, paging, ranking and rescheduling. */
export const SlotOptionsSchema = /* @__PURE__ */ z.object({
  /** The current instant; notice and horizon count from it. */
  now: IsoInstantSchema,
  /** Most slots to return (default: all). */
  limit: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  /** Continue after this cursor (the `cursor` of the last slot of the previous page). */
  cursor: z.optional(z.string().check(z.maxLength(500))),
  ranking: z.optional(SlotRankingSchema),
  /** The appointment being rescheduled: it does not block its own new time. */
  excludeAppointment: z.optional(AppointmentIdSchema),
  /** Offer places in overbook blocks (template capacity > 1) once regular places are taken. */
  allowOverbook: z.optional(z.boolean()),
});
/** Options of `findSlots`. */
export interface SlotOptions extends z.infer<typeof SlotOptionsSchema> {}

/** A bookable time: provider, resources, start and end (without buffers) in the provider's zone. */
export interface Slot {
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly provider: ProviderId;
  readonly resources: readonly ResourceId[];
  readonly type: AppointmentTypeId;
  readonly location?: LocationId;
  /** True when the slot is offered in an overbook block beyond its regular capacity. */
  readonly overbooked: boolean;
  /**
   * Paging position, on the last slot of a page limited by `SlotOptions.limit`: pass it as
   * `SlotOptions.cursor` to continue after this slot.
   */
  readonly cursor?: string;
}

/**
 * Parses a provider.
 *
 * @param input - unknown data
 * @returns `Right(provider)` or `Left` `validation.failed`
 * @example
 * parseProvider({ id: 'dr-patel', zone: 'America/New_York', locations: [], specialties: [] });
 */
export const parseProvider = (input: unknown): Either<ValidationError, Provider> =>
  parseWith('Provider', ProviderSchema, input);

/**
 * Parses an appointment type.
 *
 * @param input - unknown data
 * @returns `Right(type)` or `Left` `validation.failed`
 * @example
 * parseAppointmentType({ id: 'np40', code: 'NP40', durationMinutes: 40 });
 */
export const parseAppointmentType = (input: unknown): Either<ValidationError, AppointmentType> =>
  parseWith('AppointmentType', AppointmentTypeSchema, input);

/**
 * Parses an availability template.
 *
 * @param input - unknown data
 * @returns `Right(template)` or `Left` `validation.failed`
 * @example
 * parseAvailabilityTemplate({ id: 't1', owner: { kind: 'provider', id: 'dr-patel' }, zone: 'America/New_York', windows: [{ start: '09:00', end: '17:00' }], rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2026-01-05' });
 */
export const parseAvailabilityTemplate = (input: unknown): Either<ValidationError, AvailabilityTemplate> =>
  parseWith('AvailabilityTemplate', AvailabilityTemplateSchema, input);

/**
 * Parses an availability exception.
 *
 * @param input - unknown data
 * @returns `Right(exception)` or `Left` `validation.failed`
 * @example
 * parseAvailabilityException({ kind: 'holiday', date: '2026-11-26' });
 */
export const parseAvailabilityException = (input: unknown): Either<ValidationError, AvailabilityException> =>
  parseWith('AvailabilityException', AvailabilityExceptionSchema, input);

/**
 * Parses an appointment (FHIR invariants app-2 and app-3 included).
 *
 * @param input - unknown data
 * @returns `Right(appointment)` or `Left` `validation.failed`
 * @example
 * parseAppointment({ id: 'a1', status: 'booked', type: 'np40', patient: 'p1', provider: 'dr-patel', start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:40:00-05:00' });
 */
export const parseAppointment = (input: unknown): Either<ValidationError, Appointment> =>
  parseWith('Appointment', AppointmentSchema, input);

/**
 * Parses a hold.
 *
 * @param input - unknown data
 * @returns `Right(hold)` or `Left` `validation.failed`
 * @example
 * parseHold({ id: 'h1', provider: 'dr-patel', start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:40:00-05:00', expiresAt: '2026-11-23T15:10:00Z' });
 */
export const parseHold = (input: unknown): Either<ValidationError, Hold> =>
  parseWith('Hold', HoldSchema, input);

/**
 * Parses a waitlist entry.
 *
 * @param input - unknown data
 * @returns `Right(entry)` or `Left` `validation.failed`
 * @example
 * parseWaitlistEntry({ id: 'w1', patient: 'p1', type: 'np40', addedAt: '2026-11-20T10:00:00Z' });
 */
export const parseWaitlistEntry = (input: unknown): Either<ValidationError, WaitlistEntry> =>
  parseWith('WaitlistEntry', WaitlistEntrySchema, input);

/**
 * The plain reading of a calendar: every part through `SchedulingCalendarSchema`, the reference
 * that `parseSchedulingCalendar` agrees with (tests/scheduling/fastPaths.prop.test.ts).
 */
const parseSchedulingCalendarBySchema = (input: unknown): Either<ValidationError, SchedulingCalendar> =>
  parseWith('SchedulingCalendar', SchedulingCalendarSchema, input);

/** How a calendar's appointment list is read: each appointment checked, the list returned, or undefined when one is invalid. */
export type AppointmentListReader = (
  list: unknown[],
  fallback: (input: unknown) => Appointment | undefined,
) => Appointment[] | undefined;

/**
 * A calendar read with `readList` for its appointments (each by a plain-shape reader or else the
 * schema) and the schema for every other part. When the list reader finds an invalid appointment,
 * or the input is not an object with an appointment array, the whole calendar is read again by the
 * schema alone, so the issue list is the schema's.
 *
 * @param input - unknown data
 * @param readList - reads the `appointments` array
 * @returns `Right(calendar)` or `Left` `validation.failed` listing every issue with its path
 * @example
 * parseCalendarReading({ providers: [], locations: [], resources: [], appointmentTypes: [], templates: [], exceptions: [], appointments: [], holds: [] }, readAppointmentList);
 */
export const parseCalendarReading = (
  input: unknown,
  readList: AppointmentListReader,
): Either<ValidationError, SchedulingCalendar> => {
  let appointments: Appointment[] | undefined;
  let rest: unknown;
  try {
    // A primitive has no appointments either; null and undefined are not read.
    const list = (input as { readonly appointments?: unknown } | null | undefined)?.appointments;
    // Grouped and timed while the list is warm in the cache: a search on the calendar starts from these.
    appointments = Array.isArray(list)
      ? readList(list, (a) => AppointmentSchema.safeParse(a).data)
      : undefined;
    // The other parts are few (providers, templates, ...): the schema reads them, appointments aside.
    rest = { ...(input as object), appointments: [] };
  } catch {
    // A getter or proxy that throws: the schema reports it.
    appointments = undefined;
  }
  if (appointments === undefined) return parseSchedulingCalendarBySchema(input);
  const parsed = parseSchedulingCalendarBySchema(rest);
  return parsed._tag === 'Left' ? parsed : ok({ ...parsed.right, appointments });
};

/**
 * Parses a whole scheduling calendar.
 *
 * Same rules and same answer as the schema (`SchedulingCalendarSchema`), faster on large
 * calendars: appointments of the common plain shape (ids, status, type, patient, provider,
 * resources, location, start and end as `...Z` or `...±hh:mm`, own buffers, telehealth) are checked
 * by a hand-written reader at over a million a second; any other appointment, and every other part
 * of the calendar, goes through the schema. An invalid calendar is read again by the schema alone,
 * so the issue list is the schema's. For JSON text, `parseSchedulingCalendarJson` is faster still:
 * it keeps the objects `JSON.parse` built instead of copying them.
 *
 * @param input - unknown data
 * @returns `Right(calendar)` or `Left` `validation.failed` listing every issue with its path
 * @example
 * parseSchedulingCalendar({ providers: [], locations: [], resources: [], appointmentTypes: [], templates: [], exceptions: [], appointments: [], holds: [] });
 */
export const parseSchedulingCalendar = (input: unknown): Either<ValidationError, SchedulingCalendar> =>
  parseCalendarReading(input, readAppointmentList);

/**
 * Parses a slot query.
 *
 * @param input - unknown data
 * @returns `Right(query)` or `Left` `validation.failed`
 * @example
 * parseSlotQuery({ type: 'np40', from: '2026-11-24T00:00:00-05:00', to: '2026-12-01T00:00:00-05:00' });
 */
export const parseSlotQuery = (input: unknown): Either<ValidationError, SlotQuery> =>
  parseWith('SlotQuery', SlotQuerySchema, input);

/**
 * Parses slot options (the clock, paging, ranking, rescheduling, overbooking).
 *
 * @param input - unknown data
 * @returns `Right(options)` or `Left` `validation.failed`
 * @example
 * parseSlotOptions({ now: '2026-11-23T08:45:00-05:00', limit: 5 });
 */
export const parseSlotOptions = (input: unknown): Either<ValidationError, SlotOptions> =>
  parseWith('SlotOptions', SlotOptionsSchema, input);
