/**
 * Communications models: zod schemas and their inferred types for reminders (patients' channels
 * and consent, reminder rules). Instants are ISO 8601 with an offset, wall times `HH:mm` read in an
 * IANA zone (DESIGN.md rule 4). Optional fields carry documented defaults that the functions apply.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { AppointmentTypeIdSchema, LocationIdSchema, PatientIdSchema } from '../core/ids.js';
import type { AppointmentId, LocationId, PatientId } from '../core/ids.js';
import { IsoInstantSchema, WallTimeSchema, type IsoInstant } from '../core/calendar.js';
import { IanaZoneSchema } from '../core/time.js';
import { PhoneE164Schema } from '../records/phone.js';
import type { Either } from '../core/result.js';

const label = /* @__NO_SIDE_EFFECTS__ */ () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

const isPlainRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Names per location id, read into an object with no prototype. Not `z.record`: it builds its
 * result by assignment, and an assignment to `__proto__` sets the prototype instead of adding the
 * key, so a location with that id would silently lose its name (DESIGN.md rule 11). The entries go
 * through `z.map`, which checks every key and value with its path (`locationNames.loc-1`).
 */
const LocationNamesSchema = /* @__PURE__ */ z.pipe(
  z.pipe(
    z.custom<Readonly<Record<string, unknown>>>(isPlainRecord, {
      message: 'expected an object of names by location id',
    }),
    z.transform((names) => new Map(Object.entries(names))),
  ),
  z.pipe(
    z.map(LocationIdSchema, label()),
    z.transform((names) => {
      const out = Object.create(null) as Record<LocationId, string>;
      for (const [id, name] of names) out[id] = name;
      return out;
    }),
  ),
);

/** How a message reaches the patient. Postal mail is for letters (`renderLetter`), not reminders. */
export const ChannelSchema = /* @__PURE__ */ z.enum(['sms', 'voice', 'email', 'portal']);
/** How a message reaches the patient: SMS, automated voice call, e-mail or portal notification. */
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * One consent event on one channel: granted or revoked, when, and the evidence (a reply id, a
 * signed form). The latest event at or before the planning instant decides (47 CFR 64.1200, FCC
 * 24-24: a STOP is honoured on the channel it came from).
 */
export const ConsentEventSchema = /* @__PURE__ */ z.object({
  channel: ChannelSchema,
  kind: z.enum(['granted', 'revoked']),
  at: IsoInstantSchema,
  evidence: z.optional(z.string().check(z.maxLength(200))),
});
/** One consent event on one channel. */
export interface ConsentEvent extends z.infer<typeof ConsentEventSchema> {}

/**
 * What reminders need to know about a patient: the zone they live in (absent: the clinic's), the
 * channels they want in order of preference (only channels the practice can reach them on), the
 * consent log, and the wireless number texts and calls go to (E.164; several patients of one family
 * may share it, which `readReply` handles). SMS and voice need a `granted` event (TCPA prior express
 * consent); e-mail and portal are allowed unless their latest event is `revoked`.
 */
export const PatientContactSchema = /* @__PURE__ */ z.object({
  patient: PatientIdSchema,
  zone: z.optional(IanaZoneSchema),
  phone: z.optional(PhoneE164Schema),
  preferences: z.array(ChannelSchema).check(z.maxLength(4)),
  consent: z.array(ConsentEventSchema).check(z.maxLength(1000)),
});
/** A patient's zone, channel preferences and consent log. */
export interface PatientContact extends z.infer<typeof PatientContactSchema> {}

/**
 * When a reminder goes out, relative to the appointment:
 * - `elapsed`: an exact duration before the start (`minutesBefore: 120` is 2 hours, also across a
 *   DST change: RFC 5545 exact duration);
 * - `calendar`: `daysBefore` calendar days before the appointment's date in the patient's zone, at
 *   the wall time `at` there (RFC 5545 nominal duration). A wall time in a spring-forward gap is the
 *   first instant after it, an ambiguous one the earlier instant (DESIGN.md rule 4).
 */
export const ReminderOffsetSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('elapsed'), minutesBefore: z.int().check(z.gte(0), z.lte(525_600)) }),
  z.object({
    kind: z.literal('calendar'),
    daysBefore: z.int().check(z.gte(0), z.lte(366)),
    at: WallTimeSchema,
  }),
]);
/** When a reminder goes out, relative to the appointment. */
export type ReminderOffset = z.infer<typeof ReminderOffsetSchema>;

/**
 * Reminder rules. Defaults: sending window 08:00-21:00 in the patient's zone, both ends allowed
 * (47 CFR 64.1200(c)(1): "before 8 a.m. or after 9 p.m."); quiet-hours policy `earlier`; at most 3
 * messages per patient in any rolling 7 days and 160 characters per SMS (the FCC 2015 health-care
 * exemption's limits); no sensitive types; no location names.
 */
export const ReminderRulesSchema = /* @__PURE__ */ z.object({
  /** Zone used for a patient whose zone is unknown (the reference's edge case 6). */
  clinicZone: IanaZoneSchema,
  practiceName: label(),
  offsets: z.array(ReminderOffsetSchema).check(z.minLength(1), z.maxLength(10)),
  /** Allowed sending window in the patient's zone; `start` before `end`, both inclusive. */
  window: z.optional(z.object({ start: WallTimeSchema, end: WallTimeSchema })),
  /**
   * A send time in quiet hours moves `earlier`, to the end of the last allowed window before it (the
   * patient never gets less notice than the rule asks), or `later`, to the next window start (dropped
   * when that is not before the appointment).
   */
  quietHours: z.optional(z.enum(['earlier', 'later'])),
  maxPerWeek: z.optional(z.int().check(z.gte(1), z.lte(21))),
  maxSmsLength: z.optional(z.int().check(z.gte(70), z.lte(1600))),
  /** Appointment types whose reminders use the generic template (no location, nothing of the visit). */
  sensitiveTypes: z.optional(z.array(AppointmentTypeIdSchema)),
  /** Location names the standard template may show. */
  locationNames: z.optional(LocationNamesSchema),
  /**
   * Patients reached by SMS or voice on one phone number (a family phone): one message per number
   * per day either way; `separate` (default) speaks of one patient per message (the others of the
   * day are reached by their e-mail or portal preference, when their consent permits one),
   * `combined` lists the whole household's appointments of the day in one message.
   */
  sharedPhone: z.optional(z.enum(['separate', 'combined'])),
});
/** Reminder rules: offsets, window, quiet-hours policy, limits and templates. */
export interface ReminderRules extends z.infer<typeof ReminderRulesSchema> {}

/** Which template a reminder uses: `standard` may name the location, `generic` never does. */
export type ReminderTemplate = 'reminder.standard' | 'reminder.generic';

/** One appointment a reminder covers, with its start as the patient reads it. */
export interface ReminderAppointment {
  readonly id: AppointmentId;
  readonly start: IsoInstant;
  /** The start on the patient's wall clock, such as `Tue Nov 24 at 9:00 AM`. */
  readonly when: string;
  /** Location name, only in the standard template. */
  readonly location?: string;
}

/** A message to send: to whom, how, when, about which appointments, from which rules, and its text. */
export interface PlannedReminder {
  /** Stable id: the patient and the send date in their zone (one message per patient per day). */
  readonly id: string;
  readonly patient: PatientId;
  readonly channel: Channel;
  readonly sendAt: IsoInstant;
  readonly appointments: readonly ReminderAppointment[];
  /** The offsets that asked for it, such as `elapsed:120` or `calendar:2d@10:00`. */
  readonly rules: readonly string[];
  /** Set when quiet hours moved the send time. */
  readonly moved?: 'earlier' | 'later';
  readonly template: ReminderTemplate;
  /** The merge fields of the template. */
  readonly fields: Readonly<Record<string, string>>;
  /** The rendered text. */
  readonly body: string;
  /**
   * Set on a `combined` message to a shared phone number that covers several patients: each of
   * them, in id order (`patient` is the first). The text names none of them.
   */
  readonly household?: readonly PatientId[];
  /**
   * Set when the message goes by a fallback channel: under `rules.sharedPhone` `separate`, that
   * day's message to the patient's phone number went to another patient on the number, so this one
   * goes by the patient's first e-mail or portal preference their consent permits.
   */
  readonly fallback?: 'shared-phone';
}

/**
 * Parses a patient's contact preferences.
 *
 * @param input - unknown data
 * @returns `Right(contact)` or `Left` `validation.failed`
 * @example
 * parsePatientContact({ patient: 'p1', zone: 'America/Denver', preferences: ['sms'], consent: [] });
 */
export const parsePatientContact = (input: unknown): Either<ValidationError, PatientContact> =>
  parseWith('PatientContact', PatientContactSchema, input);

/**
 * Parses reminder rules.
 *
 * @param input - unknown data
 * @returns `Right(rules)` or `Left` `validation.failed`
 * @example
 * parseReminderRules({ clinicZone: 'America/New_York', practiceName: 'Elm Street Clinic', offsets: [{ kind: 'elapsed', minutesBefore: 120 }] });
 */
export const parseReminderRules = (input: unknown): Either<ValidationError, ReminderRules> =>
  parseWith('ReminderRules', ReminderRulesSchema, input);
