/**
 * Planning appointment reminders: which messages to send, to whom, through which channel and when,
 * and why anything was not planned. Pure: "now" is a parameter and every zone is explicit.
 */
import { dayNumberToDate, instantToMs, wallTimeMinutes, type IsoInstant } from '../core/calendar.js';
import type { AppointmentId, AppointmentTypeId, PatientId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant, wallMinutesToMs, type IanaZone } from '../core/time.js';
import type { Appointment } from '../scheduling/model.js';
import { preferredChannel } from './consent.js';
import { inputError, type CommunicationsInputError } from './errors.js';
import type {
  Channel,
  PatientContact,
  PlannedReminder,
  ReminderAppointment,
  ReminderOffset,
  ReminderRules,
  ReminderTemplate,
} from './model.js';
import { fitsSms, reminderBody, spokenTime, type ReminderForm } from './reminderText.js';
import { localDayMinute, moveIntoWindow, type MinuteWindow } from './sendingWindow.js';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
/** 08:00-21:00: 47 CFR 64.1200(c)(1), "before 8 a.m. or after 9 p.m." at the called party's location. */
const DEFAULT_WINDOW: MinuteWindow = { start: 8 * 60, end: 21 * 60 };
/** The FCC 2015 health-care exemption: at most three messages a week, 160 characters per text. */
const DEFAULT_MAX_PER_WEEK = 3;
const DEFAULT_SMS_LENGTH = 160;
/** FHIR statuses of an appointment that will take place: booked, or pending the participants' reply. */
const REMINDED_STATUSES: ReadonlySet<string> = new Set(['booked', 'pending']);

/** Why a reminder was not planned. */
export type SkipReason =
  | 'reminder.not-active'
  | 'reminder.past'
  | 'reminder.unknown-patient'
  | 'reminder.no-permitted-channel'
  | 'reminder.send-time-passed'
  | 'reminder.quiet-hours'
  | 'reminder.weekly-limit'
  | 'reminder.too-long';

/** A reminder not planned: which appointment (and rule, when one applies) and why. */
export interface SkippedReminder {
  readonly appointment: AppointmentId;
  readonly rule?: string;
  readonly reason: SkipReason;
  /** A sentence naming the rule; never a patient value. */
  readonly message: string;
}

/** What `planReminders` decided: the messages to send, in send order, and what was not planned. */
export interface ReminderPlan {
  readonly messages: readonly PlannedReminder[];
  readonly skipped: readonly SkippedReminder[];
}

const SKIP_MESSAGES: Readonly<Record<SkipReason, string>> = {
  'reminder.not-active': 'the appointment is not booked or pending, or was moved (rescheduledTo is set)',
  'reminder.past': 'the appointment starts at or before now',
  'reminder.unknown-patient': 'no PatientContact for the appointment patient',
  'reminder.no-permitted-channel': 'no preferred channel is permitted by the consent log',
  'reminder.send-time-passed': 'the send time is before now (a reminder is never sent late)',
  'reminder.quiet-hours': 'no time inside the sending window is left before the appointment',
  'reminder.weekly-limit': 'the patient already has the most messages allowed in 7 days (rules.maxPerWeek)',
  'reminder.too-long': 'the text exceeds rules.maxSmsLength even in its compact form',
};

/**
 * The label of an offset, as a message's `rules` lists it.
 *
 * @param o - the offset
 * @returns such as `elapsed:120` or `calendar:2d@10:00`
 * @example
 * offsetLabel({ kind: 'elapsed', minutesBefore: 120 }); // 'elapsed:120'
 */
export const offsetLabel = (o: ReminderOffset): string =>
  o.kind === 'elapsed' ? `elapsed:${o.minutesBefore}` : `calendar:${o.daysBefore}d@${o.at}`;

/** One candidate send: an appointment, a rule, an instant. */
interface Candidate {
  readonly appointment: ReminderAppointment;
  readonly startMs: number;
  readonly rule: string;
  readonly ms: number;
  readonly moved: 'earlier' | 'later' | undefined;
  readonly sensitive: boolean;
}

/** The candidates of one patient on one local day: they become one message. */
interface DayGroup {
  readonly patient: PatientId;
  readonly channel: Channel;
  readonly zone: IanaZone;
  readonly day: number;
  readonly candidates: Candidate[];
}

const wallWindow = (rules: ReminderRules): MinuteWindow =>
  rules.window === undefined
    ? DEFAULT_WINDOW
    : { start: wallTimeMinutes(rules.window.start), end: wallTimeMinutes(rules.window.end) };

/** The ideal send instant of an offset, before quiet hours. */
const idealSend = (offset: ReminderOffset, startMs: number, zone: IanaZone): number => {
  if (offset.kind === 'elapsed') return startMs - offset.minutesBefore * MINUTE;
  const { day } = localDayMinute(startMs, zone);
  return localInstant(day - offset.daysBefore, wallTimeMinutes(offset.at), zone);
};

// wallMinutesToMs applies the DST policy (gap: first instant after it; overlap: the earlier).
const localInstant = (day: number, minute: number, zone: IanaZone): number =>
  wallMinutesToMs(dayNumberToDate(day), minute, zone);

/**
 * Plans appointment reminders.
 *
 * For each appointment that is `booked` or `pending`, not moved (`rescheduledTo` absent) and starts
 * after `now`, each offset of the rules gives a send instant:
 * - `elapsed` offsets count exact time (2 hours before 09:00 EDT on the Monday after spring-forward
 *   is 07:00 EDT);
 * - `calendar` offsets count calendar days in the patient's zone (the appointment's date as the
 *   patient reads it, so an evening appointment in New York is "tomorrow" for a patient in London)
 *   and resolve their wall time with the DST policy: a time in a spring-forward gap is the first
 *   instant after it, an ambiguous time the earlier instant.
 *
 * The send instant must fall in the window (default 08:00-21:00, both ends allowed) on the
 * patient's wall clock at that instant (the patient's zone; the clinic's when unknown). Otherwise it
 * moves `earlier` (default: to the end of the last window before it) or `later` (to the next window
 * start; dropped when that is not before the appointment). A send instant before `now` is dropped,
 * never sent late. The channel is the first of the patient's preferences their consent log permits
 * at `now`. A patient gets at most one message per local day: reminders that fall on the same day
 * are merged into one message at the earliest of their instants, listing every appointment. Then at
 * most `maxPerWeek` (default 3) messages in any rolling 7 days are kept, earliest first, and an SMS
 * must fit `maxSmsLength` (default 160; 70 when the text needs UCS-2), falling back to a compact
 * text. Sensitive appointment types use the generic template. The result never depends on the
 * host's time zone.
 *
 * @param appointments - appointments (scheduling's model)
 * @param patients - contact preferences and consent of the appointments' patients
 * @param rules - offsets, window, policy and limits
 * @param now - the planning instant
 * @returns `Right(plan)` with the messages in send order and every reminder not planned with its
 *   reason, or `Left` `communications.invalid-instant` (field `now`, or `appointments.N.start`)
 * @example
 * const rules = parseReminderRules({ clinicZone: 'America/New_York', practiceName: 'Elm Street Clinic', offsets: [{ kind: 'elapsed', minutesBefore: 120 }] });
 * const now = parseWith('now', IsoInstantSchema, '2026-11-23T08:00:00-05:00');
 * if (isOk(rules) && isOk(now)) planReminders([], [], rules.right, now.right); // Right({ messages: [], skipped: [] })
 */
export const planReminders = (
  appointments: readonly Appointment[],
  patients: readonly PatientContact[],
  rules: ReminderRules,
  now: IsoInstant,
): Either<CommunicationsInputError, ReminderPlan> => {
  const nowMs = instantToMs(now);
  if (!Number.isFinite(nowMs))
    return err(
      inputError('communications.invalid-instant', 'now', 'now must be an ISO 8601 instant with an offset'),
    );
  const window = wallWindow(rules);
  if (!(window.start < window.end))
    return err(
      inputError(
        'communications.invalid-rules',
        'rules.window',
        'rules.window.start must be before rules.window.end',
      ),
    );
  const policy = rules.quietHours ?? 'earlier';
  const contacts = new Map<PatientId, PatientContact>();
  for (const p of patients) contacts.set(p.patient, p);
  const channels = new Map<PatientId, Channel | undefined>();
  const sensitiveTypes = new Set<AppointmentTypeId>(rules.sensitiveTypes ?? []);
  const skipped: SkippedReminder[] = [];
  const skip = (appointment: AppointmentId, reason: SkipReason, rule?: string): void => {
    skipped.push(
      rule === undefined
        ? { appointment, reason, message: SKIP_MESSAGES[reason] }
        : { appointment, rule, reason, message: SKIP_MESSAGES[reason] },
    );
  };
  const groups = new Map<string, DayGroup>();

  for (let i = 0; i < appointments.length; i++) {
    const a = appointments[i] as Appointment;
    if (!REMINDED_STATUSES.has(a.status) || a.rescheduledTo !== undefined || a.start === undefined) {
      skip(a.id, 'reminder.not-active');
      continue;
    }
    const startMs = instantToMs(a.start);
    if (!Number.isFinite(startMs))
      return err(
        inputError(
          'communications.invalid-instant',
          `appointments.${i}.start`,
          'start must be an ISO 8601 instant with an offset',
        ),
      );
    if (startMs <= nowMs) {
      skip(a.id, 'reminder.past');
      continue;
    }
    const contact = contacts.get(a.patient);
    if (contact === undefined) {
      skip(a.id, 'reminder.unknown-patient');
      continue;
    }
    if (!channels.has(a.patient)) channels.set(a.patient, preferredChannel(contact, nowMs));
    const channel = channels.get(a.patient);
    if (channel === undefined) {
      skip(a.id, 'reminder.no-permitted-channel');
      continue;
    }
    const zone = contact.zone ?? rules.clinicZone;
    const sensitive = sensitiveTypes.has(a.type);
    const local = localDayMinute(startMs, zone);
    const names = rules.locationNames;
    // Own keys only: a location id such as `constructor` must not find Object.prototype's.
    const location =
      a.location === undefined || sensitive || names === undefined || !Object.hasOwn(names, a.location)
        ? undefined
        : names[a.location];
    const when = `${spokenTime(dayNumberToDate(local.day), local.minute)}${zone === rules.clinicZone ? '' : ' your time'}`;
    const appointment: ReminderAppointment =
      location === undefined
        ? { id: a.id, start: a.start, when }
        : { id: a.id, start: a.start, when, location };
    for (const offset of rules.offsets) {
      const rule = offsetLabel(offset);
      const placed = moveIntoWindow(idealSend(offset, startMs, zone), zone, window, policy);
      if (placed === undefined || placed.ms >= startMs) {
        skip(a.id, 'reminder.quiet-hours', rule);
        continue;
      }
      if (placed.ms < nowMs) {
        skip(a.id, 'reminder.send-time-passed', rule);
        continue;
      }
      const day = localDayMinute(placed.ms, zone).day;
      const key = `${a.patient}\u0000${day}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { patient: a.patient, channel, zone, day, candidates: [] };
        groups.set(key, group);
      }
      group.candidates.push({ appointment, startMs, rule, ms: placed.ms, moved: placed.moved, sensitive });
    }
  }

  const messages = limitPerWeek([...groups.values()], rules.maxPerWeek ?? DEFAULT_MAX_PER_WEEK, skip)
    .map((g) => toMessage(g, rules, skip))
    .filter((m): m is PlannedReminder & { readonly ms: number } => m !== undefined)
    .sort((x, y) => x.ms - y.ms || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map(({ ms: _ms, ...m }) => m);
  return ok({ messages, skipped });
};

const groupMs = (g: DayGroup): number => Math.min(...g.candidates.map((c) => c.ms));

/** Keeps, per patient and in time order, a day's message only while fewer than `max` fall in the 7 days before it. */
const limitPerWeek = (
  groups: readonly DayGroup[],
  max: number,
  skip: (a: AppointmentId, reason: SkipReason, rule?: string) => void,
): DayGroup[] => {
  const byPatient = new Map<PatientId, { readonly g: DayGroup; readonly ms: number }[]>();
  for (const g of groups) {
    const list = byPatient.get(g.patient) ?? [];
    list.push({ g, ms: groupMs(g) });
    byPatient.set(g.patient, list);
  }
  const kept: DayGroup[] = [];
  for (const list of byPatient.values()) {
    list.sort((x, y) => x.ms - y.ms);
    const keptMs: number[] = [];
    let first = 0;
    for (const { g, ms } of list) {
      while (first < keptMs.length && (keptMs[first] as number) <= ms - WEEK) first++;
      if (keptMs.length - first < max) {
        keptMs.push(ms);
        kept.push(g);
      } else for (const c of g.candidates) skip(c.appointment.id, 'reminder.weekly-limit', c.rule);
    }
  }
  return kept;
};

/** One day's candidates as one message at their earliest instant. */
const toMessage = (
  g: DayGroup,
  rules: ReminderRules,
  skip: (a: AppointmentId, reason: SkipReason, rule?: string) => void,
): (PlannedReminder & { readonly ms: number }) | undefined => {
  const candidates = [...g.candidates].sort((x, y) => x.ms - y.ms);
  const earliest = candidates[0] as Candidate;
  const seen = new Set<AppointmentId>();
  const appointments: ReminderAppointment[] = [];
  for (const c of [...candidates].sort(
    (x, y) => x.startMs - y.startMs || (x.appointment.id < y.appointment.id ? -1 : 1),
  ))
    if (!seen.has(c.appointment.id)) {
      seen.add(c.appointment.id);
      appointments.push(c.appointment);
    }
  const template: ReminderTemplate = candidates.some((c) => c.sensitive)
    ? 'reminder.generic'
    : 'reminder.standard';
  const limit = rules.maxSmsLength ?? DEFAULT_SMS_LENGTH;
  const forms: readonly ReminderForm[] = ['full', 'compact'];
  const form = forms.find(
    (f) =>
      g.channel !== 'sms' ||
      fitsSms(reminderBody(rules.practiceName, g.channel, template, appointments, f), limit),
  );
  if (form === undefined) {
    for (const c of candidates) skip(c.appointment.id, 'reminder.too-long', c.rule);
    return undefined;
  }
  const body = reminderBody(rules.practiceName, g.channel, template, appointments, form);
  const base = {
    ms: earliest.ms,
    id: `reminder:${g.patient}:${dayNumberToDate(g.day)}`,
    patient: g.patient,
    channel: g.channel,
    sendAt: formatInstant(earliest.ms, g.zone),
    appointments,
    rules: [...new Set(candidates.map((c) => c.rule))],
    template,
    fields: { practice: rules.practiceName, form, appointments: appointments.map((a) => a.when).join('; ') },
    body,
  };
  return earliest.moved === undefined ? base : { ...base, moved: earliest.moved };
};
