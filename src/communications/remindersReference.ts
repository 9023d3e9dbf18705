/**
 * The plain form of `planReminders`: the same rules written for reading, with a string-keyed map
 * of day groups and one object per candidate send. Not part of the package's surface: a property
 * test checks that the fast path in `reminders.ts` gives the same plan on generated clinics
 * (DESIGN.md rule 13). Change a rule here first, then in the fast path.
 */
import { dayNumberToDate, instantToMs, type IsoInstant } from '../core/calendar.js';
import type { AppointmentId, AppointmentTypeId, PatientId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant, type IanaZone } from '../core/time.js';
import type { Appointment } from '../scheduling/model.js';
import { apartFromPhone, preferredChannel } from './consent.js';
import type { CommunicationsInputError } from './errors.js';
import type {
  Channel,
  PatientContact,
  PlannedReminder,
  ReminderAppointment,
  ReminderRules,
  ReminderTemplate,
} from './model.js';
import { fitsSms, reminderBody, spokenTime, type ReminderForm } from './reminderText.js';
import {
  DEFAULT_MAX_PER_WEEK,
  DEFAULT_SMS_LENGTH,
  REMINDED_STATUSES,
  SKIP_MESSAGES,
  WEEK,
  countSkipped,
  idealSend,
  invalidInstant,
  refusedInputs,
  locationName,
  offsetLabel,
  wallWindow,
  type PlanOptions,
  type ReminderPlan,
  type SkipReason,
  type SkippedReminder,
} from './reminders.js';
import { localDayMinute, moveIntoWindow } from './sendingWindow.js';

/** One candidate send: a patient's appointment, a rule, an instant. */
interface Candidate {
  readonly patient: PatientId;
  readonly channel: Channel;
  readonly appointment: ReminderAppointment;
  readonly startMs: number;
  readonly rule: string;
  readonly ms: number;
  readonly moved: 'earlier' | 'later' | undefined;
  readonly sensitive: boolean;
  /** The patient's e-mail or portal channel, for a day their shared phone's message goes to another. */
  readonly apart: Channel | undefined;
}

/**
 * The candidates of one recipient on one local day: they become one message. A recipient is a
 * patient, or a phone number shared by patients reached on it by SMS or voice in one zone.
 */
interface DayGroup {
  readonly recipient: string;
  readonly zone: IanaZone;
  readonly day: number;
  readonly candidates: Candidate[];
}

type Skip = (a: AppointmentId, reason: SkipReason, rule?: string) => void;

/**
 * Plans appointment reminders: the reference for `planReminders`, with the same contract.
 *
 * @param appointments - appointments (scheduling's model)
 * @param patients - contact preferences and consent of the appointments' patients
 * @param rules - offsets, window, policy and limits
 * @param now - the planning instant
 * @param options - `sent`: messages already sent, counted by the daily and weekly limits
 * @returns the plan, or `Left` `communications.invalid-instant` / `communications.invalid-rules`
 * @example
 * planRemindersReference([], [], rules, now); // Right({ messages: [], skipped: [], skippedCounts: { ... all 0 } })
 */
export const planRemindersReference = (
  appointments: readonly Appointment[],
  patients: readonly PatientContact[],
  rules: ReminderRules,
  now: IsoInstant,
  options: PlanOptions = {},
): Either<CommunicationsInputError, ReminderPlan> => {
  const nowMs = instantToMs(now);
  const window = wallWindow(rules);
  const refused = refusedInputs(nowMs, window);
  if (refused !== undefined) return err(refused);
  const policy = rules.quietHours ?? 'earlier';
  const contacts = new Map<PatientId, PatientContact>();
  for (const p of patients) contacts.set(p.patient, p);
  const channels = new Map<PatientId, Channel | undefined>();
  const channelOf = (contact: PatientContact): Channel | undefined => {
    if (!channels.has(contact.patient)) channels.set(contact.patient, preferredChannel(contact, nowMs));
    return channels.get(contact.patient);
  };
  // Messages already sent, per recipient: their instants and their days in the patient's zone.
  const sent = new Map<string, { readonly ms: number; readonly day: number }[]>();
  const history = options.sent ?? [];
  for (let i = 0; i < history.length; i++) {
    const s = history[i] as (typeof history)[number];
    const ms = instantToMs(s.sendAt);
    if (!Number.isFinite(ms)) return err(invalidInstant(`options.sent.${i}.sendAt`, 'sendAt'));
    const contact = contacts.get(s.patient);
    const zone = contact?.zone ?? rules.clinicZone;
    const key =
      contact === undefined ? patientKey(s.patient) : recipientOf(contact, channelOf(contact), zone);
    const list = sent.get(key) ?? [];
    list.push({ ms, day: localDayMinute(ms, zone).day });
    sent.set(key, list);
  }
  const sensitiveTypes = new Set<AppointmentTypeId>(rules.sensitiveTypes ?? []);
  const skipped: SkippedReminder[] = [];
  const skip: Skip = (appointment, reason, rule) => {
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
    if (!Number.isFinite(startMs)) return err(invalidInstant(`appointments.${i}.start`, 'start'));
    if (startMs <= nowMs) {
      skip(a.id, 'reminder.past');
      continue;
    }
    const contact = contacts.get(a.patient);
    if (contact === undefined) {
      skip(a.id, 'reminder.unknown-patient');
      continue;
    }
    const channel = channelOf(contact);
    if (channel === undefined) {
      skip(a.id, 'reminder.no-permitted-channel');
      continue;
    }
    const zone = contact.zone ?? rules.clinicZone;
    const sensitive = sensitiveTypes.has(a.type);
    const local = localDayMinute(startMs, zone);
    const location = sensitive ? undefined : locationName(rules, a.location);
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
      const recipient = recipientOf(contact, channel, zone);
      const key = `${recipient}\u0001${day}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { recipient, zone, day, candidates: [] };
        groups.set(key, group);
      }
      group.candidates.push({
        patient: a.patient,
        channel,
        appointment,
        startMs,
        rule,
        ms: placed.ms,
        moved: placed.moved,
        sensitive,
        apart: apartFromPhone(contact, nowMs),
      });
    }
  }

  const kept = limitPerDayAndWeek([...groups.values()], sent, rules.maxPerWeek ?? DEFAULT_MAX_PER_WEEK, skip);
  const messages = kept
    .flatMap((g) => dayMessages(g, rules, skip))
    // Send order; equal instants by patient id (one message per patient and day, so no tie is left).
    .sort((x, y) => x.ms - y.ms || (x.patient < y.patient ? -1 : x.patient > y.patient ? 1 : 0))
    .map(({ ms: _ms, ...m }) => m);
  return ok({ messages, skipped, skippedCounts: countSkipped(skipped) });
};

const patientKey = (patient: PatientId): string => `patient\u0000${patient}`;

/**
 * Whom a patient's messages go to, as the limits count them: the phone number (with the zone its
 * days are counted in) for SMS and voice when the contact has one, shared by every patient on it;
 * otherwise the patient.
 */
const recipientOf = (contact: PatientContact, channel: Channel | undefined, zone: IanaZone): string =>
  (channel === 'sms' || channel === 'voice') && contact.phone !== undefined
    ? `phone\u0000${contact.phone}\u0000${zone}`
    : patientKey(contact.patient);

const groupMs = (g: DayGroup): number => Math.min(...g.candidates.map((c) => c.ms));

/**
 * Per recipient and in time order: a day that already had a message sent is skipped (one a day);
 * a day's message is kept only while fewer than `max` messages, sent or kept, fall in the 7 days
 * up to it.
 */
const limitPerDayAndWeek = (
  groups: readonly DayGroup[],
  sent: ReadonlyMap<string, readonly { readonly ms: number; readonly day: number }[]>,
  max: number,
  skip: Skip,
): DayGroup[] => {
  const byRecipient = new Map<string, { readonly g: DayGroup; readonly ms: number }[]>();
  for (const g of groups) {
    const list = byRecipient.get(g.recipient) ?? [];
    list.push({ g, ms: groupMs(g) });
    byRecipient.set(g.recipient, list);
  }
  const kept: DayGroup[] = [];
  for (const [recipient, list] of byRecipient) {
    list.sort((x, y) => x.ms - y.ms);
    const history = sent.get(recipient) ?? [];
    const sentDays = new Set(history.map((s) => s.day));
    const counted = history.map((s) => s.ms);
    for (const { g, ms } of list) {
      if (sentDays.has(g.day)) {
        for (const c of g.candidates) skip(c.appointment.id, 'reminder.daily-limit', c.rule);
        continue;
      }
      const inWeek = counted.filter((t) => t > ms - WEEK && t <= ms).length;
      if (inWeek < max) {
        counted.push(ms);
        kept.push(g);
      } else for (const c of g.candidates) skip(c.appointment.id, 'reminder.weekly-limit', c.rule);
    }
  }
  return kept;
};

const byId = (x: PatientId, y: PatientId): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * One day's candidates as that day's messages. On a shared phone with several patients that day,
 * `separate` sends the phone message to the patient whose reminder comes first (earliest instant,
 * then patient id); each other patient's reminders of the day go in a message of their own by
 * their e-mail or portal preference when their consent permits one (`fallback: 'shared-phone'`),
 * and are skipped (`reminder.shared-phone`) when it permits none. `combined` keeps them all in one
 * message, addressed to the first patient by id, with the household listed.
 */
const dayMessages = (
  g: DayGroup,
  rules: ReminderRules,
  skip: Skip,
): (PlannedReminder & { readonly ms: number })[] => {
  const everyone = [...new Set(g.candidates.map((c) => c.patient))].sort(byId);
  if (everyone.length === 1 || rules.sharedPhone === 'combined') {
    const household = everyone.length > 1 ? everyone : undefined;
    const first = everyone[0] as PatientId;
    const channel = (g.candidates.find((c) => c.patient === first) as Candidate).channel;
    const message = toMessage(g, g.candidates, first, channel, rules, skip, household, false);
    return message === undefined ? [] : [message];
  }
  const first = [...g.candidates].sort((x, y) => x.ms - y.ms || byId(x.patient, y.patient))[0] as Candidate;
  const messages: (PlannedReminder & { readonly ms: number })[] = [];
  for (const patient of everyone) {
    const own = g.candidates.filter((c) => c.patient === patient);
    const apart = (own[0] as Candidate).apart;
    const channel = patient === first.patient ? first.channel : apart;
    if (channel === undefined) {
      for (const c of own) skip(c.appointment.id, 'reminder.shared-phone', c.rule);
      continue;
    }
    const message = toMessage(g, own, patient, channel, rules, skip, undefined, patient !== first.patient);
    if (message !== undefined) messages.push(message);
  }
  return messages;
};

/** One patient's (or a household's) candidates of a day as one message at their earliest instant. */
const toMessage = (
  g: DayGroup,
  own: readonly Candidate[],
  patient: PatientId,
  channel: Channel,
  rules: ReminderRules,
  skip: Skip,
  household: readonly PatientId[] | undefined,
  fallback: boolean,
): (PlannedReminder & { readonly ms: number }) | undefined => {
  const candidates = [...own].sort((x, y) => x.ms - y.ms);
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
  const text = (f: ReminderForm): string =>
    reminderBody(rules.practiceName, channel, template, appointments, f, household !== undefined);
  const form = forms.find((f) => channel !== 'sms' || fitsSms(text(f), limit));
  if (form === undefined) {
    for (const c of candidates) skip(c.appointment.id, 'reminder.too-long', c.rule);
    return undefined;
  }
  const base = {
    ms: earliest.ms,
    id: `reminder:${patient}:${dayNumberToDate(g.day)}`,
    patient,
    channel,
    sendAt: formatInstant(earliest.ms, g.zone),
    appointments,
    rules: [...new Set(candidates.map((c) => c.rule))],
    template,
    fields: { practice: rules.practiceName, form, appointments: appointments.map((a) => a.when).join('; ') },
    body: text(form),
  };
  const withHousehold = household === undefined ? base : { ...base, household };
  const withFallback = fallback ? { ...withHousehold, fallback: 'shared-phone' as const } : withHousehold;
  return earliest.moved === undefined ? withFallback : { ...withFallback, moved: earliest.moved };
};
