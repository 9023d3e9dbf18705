/**
 * Planning appointment reminders: which messages to send, to whom, through which channel and when,
 * and why anything was not planned. Pure: "now" is a parameter and every zone is explicit.
 *
 * This is the fast form: candidate sends live in typed arrays indexed by number (no string key
 * per candidate, no object per candidate), grouped per patient by a counting sort and per day by a
 * short insertion sort; objects are made only for the messages returned. The plain form of the
 * same rules is `remindersReference.ts`, and a property test checks that the two agree.
 */
import { dayNumberToDate, instantToMs, wallTimeMinutes, type IsoInstant } from '../core/calendar.js';
import type { AppointmentId, AppointmentTypeId, LocationId, PatientId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant, wallMinutesToMs, zoneOffset, type IanaZone } from '../core/time.js';
import type { Appointment } from '../scheduling/model.js';
import { apartFromPhone, preferredChannel } from './consent.js';
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
import {
  bodyLength,
  bodyOfWhens,
  fitsSms,
  reminderBody,
  spokenTime,
  type ReminderForm,
} from './reminderText.js';
import { localDayMinute, type MinuteWindow } from './sendingWindow.js';

const MINUTE = 60_000;
/** The rolling week of the weekly limit. */
export const WEEK = 7 * 86_400_000;
/** 08:00-21:00: 47 CFR 64.1200(c)(1), "before 8 a.m. or after 9 p.m." at the called party's location. */
const DEFAULT_WINDOW: MinuteWindow = { start: 8 * 60, end: 21 * 60 };
/** The FCC 2015 health-care exemption: at most three messages a week, 160 characters per text. */
export const DEFAULT_MAX_PER_WEEK = 3;
/** One SMS segment in GSM-7 (the FCC exemption's "160 characters or less"). */
export const DEFAULT_SMS_LENGTH = 160;
/** FHIR statuses of an appointment that will take place: booked, or pending the participants' reply. */
export const REMINDED_STATUSES: ReadonlySet<string> = new Set(['booked', 'pending']);

/** Why a reminder was not planned. */
export type SkipReason =
  | 'reminder.not-active'
  | 'reminder.past'
  | 'reminder.unknown-patient'
  | 'reminder.no-permitted-channel'
  | 'reminder.send-time-passed'
  | 'reminder.quiet-hours'
  | 'reminder.daily-limit'
  | 'reminder.weekly-limit'
  | 'reminder.shared-phone'
  | 'reminder.too-long';

/** A reminder not planned: which appointment (and rule, when one applies) and why. */
export interface SkippedReminder {
  readonly appointment: AppointmentId;
  readonly rule?: string;
  readonly reason: SkipReason;
  /** A sentence naming the rule; never a patient value. */
  readonly message: string;
}

/**
 * A message already sent to a patient (or queued by an earlier plan), as the limits count it: its
 * patient and instant. A `PlannedReminder` is one.
 */
export interface SentMessage {
  readonly patient: PatientId;
  readonly sendAt: IsoInstant;
}

/** Options of `planReminders`. */
export interface PlanOptions {
  /**
   * Messages already sent (any channel: the FCC exemption counts calls and texts together). They
   * count toward `maxPerWeek` in the rolling 7 days, and a patient's local day that already had
   * one gets no other (one message a day).
   */
  readonly sent?: readonly SentMessage[];
}

/**
 * What `planReminders` decided: the messages to send, in send order, and what was not planned:
 * how many reminders per reason, and the list of them. `planReminders` builds the list when it is
 * first read (a large plan skips tens of thousands of reminders that most callers only count).
 */
export interface ReminderPlan {
  readonly messages: readonly PlannedReminder[];
  /** Every reminder not planned, with its reason, in no promised order. */
  readonly skipped: readonly SkippedReminder[];
  /** How many reminders were not planned, per reason (every reason present, zero included). */
  readonly skippedCounts: Readonly<Record<SkipReason, number>>;
}

/** Every skip reason, in a fixed order (a reason's index is its code in the fast path's skip log). */
export const SKIP_REASONS = [
  'reminder.not-active',
  'reminder.past',
  'reminder.unknown-patient',
  'reminder.no-permitted-channel',
  'reminder.send-time-passed',
  'reminder.quiet-hours',
  'reminder.daily-limit',
  'reminder.weekly-limit',
  'reminder.shared-phone',
  'reminder.too-long',
] as const satisfies readonly SkipReason[];

/**
 * How many skipped reminders carry each reason.
 *
 * @param skipped - the skipped reminders
 * @returns a count per reason, zero included
 * @example
 * countSkipped([]); // { 'reminder.not-active': 0, ... }
 */
export const countSkipped = (skipped: readonly SkippedReminder[]): Record<SkipReason, number> => {
  const counts = zeroCounts();
  for (const s of skipped) counts[s.reason]++;
  return counts;
};

const zeroCounts = (): Record<SkipReason, number> => ({
  'reminder.not-active': 0,
  'reminder.past': 0,
  'reminder.unknown-patient': 0,
  'reminder.no-permitted-channel': 0,
  'reminder.send-time-passed': 0,
  'reminder.quiet-hours': 0,
  'reminder.daily-limit': 0,
  'reminder.weekly-limit': 0,
  'reminder.shared-phone': 0,
  'reminder.too-long': 0,
});

/** No rule: the skip concerns the appointment as a whole. */
const NO_RULE = -1;

/**
 * The reminders not planned, kept as numbers while planning (appointment index, rule index or
 * `NO_RULE`, reason code): one entry costs 6 bytes in growing typed arrays, not an object.
 */
class SkipLog {
  appointment = new Int32Array(256);
  rule = new Int8Array(256);
  reason = new Uint8Array(256);
  count = 0;

  add(appointment: number, rule: number, reason: number): void {
    if (this.count === this.appointment.length) {
      const size = this.count * 2;
      const grown = new Int32Array(size);
      grown.set(this.appointment);
      this.appointment = grown;
      const rules = new Int8Array(size);
      rules.set(this.rule);
      this.rule = rules;
      const reasons = new Uint8Array(size);
      reasons.set(this.reason);
      this.reason = reasons;
    }
    this.appointment[this.count] = appointment;
    this.rule[this.count] = rule;
    this.reason[this.count] = reason;
    this.count++;
  }
}

/**
 * The plan, its skipped list built from the log when first read (then kept, frozen); the counts
 * per reason built at once.
 */
const planOf = (
  messages: readonly PlannedReminder[],
  log: SkipLog,
  appointments: readonly Appointment[],
  labels: readonly string[],
): ReminderPlan => {
  const counts = zeroCounts();
  // The ids are read now: the list built later must not see a caller's later change to the
  // appointments array, nor keep the array alive (DESIGN.md rule 8).
  const ids = new Array<AppointmentId>(log.count);
  for (let k = 0; k < log.count; k++) {
    counts[SKIP_REASONS[log.reason[k] as number] as SkipReason]++;
    ids[k] = (appointments[log.appointment[k] as number] as Appointment).id;
  }
  let list: readonly SkippedReminder[] | undefined;
  const build = (): readonly SkippedReminder[] => {
    const out = new Array<SkippedReminder>(log.count);
    for (let k = 0; k < log.count; k++) {
      const appointment = ids[k] as AppointmentId;
      const reason = SKIP_REASONS[log.reason[k] as number] as SkipReason;
      const r = log.rule[k] as number;
      out[k] =
        r === NO_RULE
          ? { appointment, reason, message: SKIP_MESSAGES[reason] }
          : { appointment, rule: labels[r] as string, reason, message: SKIP_MESSAGES[reason] };
    }
    return Object.freeze(out);
  };
  return {
    messages,
    get skipped(): readonly SkippedReminder[] {
      list ??= build();
      return list;
    },
    skippedCounts: Object.freeze(counts),
  };
};

/** The sentence of each skip reason (names the rule, never a patient value). */
export const SKIP_MESSAGES: Readonly<Record<SkipReason, string>> = {
  'reminder.not-active': 'the appointment is not booked or pending, or was moved (rescheduledTo is set)',
  'reminder.past': 'the appointment starts at or before now',
  'reminder.unknown-patient': 'no PatientContact for the appointment patient',
  'reminder.no-permitted-channel': 'no preferred channel is permitted by the consent log',
  'reminder.send-time-passed': 'the send time is before now (a reminder is never sent late)',
  'reminder.quiet-hours': 'no time inside the sending window is left before the appointment',
  'reminder.daily-limit': 'a message was already sent to the patient that day (options.sent; one a day)',
  'reminder.weekly-limit':
    'the patient already has the most messages allowed in 7 days, sent or planned (rules.maxPerWeek)',
  'reminder.shared-phone':
    "another patient's reminder goes to the same phone number that day (one message per number per day) and no e-mail or portal preference is permitted to reach the patient apart (rules.sharedPhone 'combined' lists the household's appointments together)",
  'reminder.too-long': 'the text exceeds rules.maxSmsLength even in its compact form',
};

/**
 * The Left of an input instant that is not ISO 8601 with an offset.
 *
 * @param field - the field's path, such as `appointments.3.start`
 * @param name - the field's name in the message
 * @returns `communications.invalid-instant`
 * @example
 * invalidInstant('now', 'now'); // { code: 'communications.invalid-instant', field: 'now', ... }
 */
export const invalidInstant = (field: string, name: string): CommunicationsInputError =>
  inputError('communications.invalid-instant', field, `${name} must be an ISO 8601 instant with an offset`);

/**
 * What both planners refuse before planning: a `now` that is no instant, a window that does not
 * open before it closes.
 *
 * @param nowMs - `now` in epoch milliseconds (NaN when it did not read)
 * @param window - the sending window
 * @returns the Left's error, or undefined when both are fine
 * @example
 * refusedInputs(Date.UTC(2026, 0, 1), { start: 480, end: 1260 }); // undefined
 */
export const refusedInputs = (nowMs: number, window: MinuteWindow): CommunicationsInputError | undefined =>
  !Number.isFinite(nowMs)
    ? invalidInstant('now', 'now')
    : window.start < window.end
      ? undefined
      : inputError(
          'communications.invalid-rules',
          'rules.window',
          'rules.window.start must be before rules.window.end',
        );

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

/**
 * The sending window in minutes since local midnight.
 *
 * @param rules - the reminder rules
 * @returns the configured window, or 08:00-21:00
 * @example
 * wallWindow(rules); // { start: 480, end: 1260 } by default
 */
export const wallWindow = (rules: ReminderRules): MinuteWindow =>
  rules.window === undefined
    ? DEFAULT_WINDOW
    : { start: wallTimeMinutes(rules.window.start), end: wallTimeMinutes(rules.window.end) };

/**
 * The name the standard template shows for a location: own keys of `rules.locationNames` only, so
 * a location id such as `constructor` does not find Object.prototype's members.
 *
 * @param rules - the reminder rules
 * @param location - the appointment's location id, if any
 * @returns the configured name, or undefined
 * @example
 * locationName(rules, appointment.location); // 'Main Street Clinic' or undefined
 */
export const locationName = (rules: ReminderRules, location: LocationId | undefined): string | undefined => {
  const names = rules.locationNames;
  return location === undefined || names === undefined || !Object.hasOwn(names, location)
    ? undefined
    : names[location];
};

// wallMinutesToMs applies the DST policy (gap: first instant after it; overlap: the earlier).
const localInstant = (day: number, minute: number, zone: IanaZone): number =>
  wallMinutesToMs(dayNumberToDate(day), minute, zone);

/**
 * The ideal send instant of an offset, before quiet hours.
 *
 * @param offset - elapsed (exact time) or calendar (days in the patient's zone, at a wall time)
 * @param startMs - the appointment start, epoch milliseconds
 * @param zone - the patient's zone
 * @returns epoch milliseconds
 * @example
 * idealSend({ kind: 'elapsed', minutesBefore: 120 }, startMs, zone); // startMs - 2 h
 */
export const idealSend = (offset: ReminderOffset, startMs: number, zone: IanaZone): number => {
  if (offset.kind === 'elapsed') return startMs - offset.minutesBefore * MINUTE;
  const { day } = localDayMinute(startMs, zone);
  return localInstant(day - offset.daysBefore, wallTimeMinutes(offset.at), zone);
};

const CHANNELS: readonly Channel[] = ['sms', 'voice', 'email', 'portal'];
const SMS = 0;
const VOICE = 1;
const CHANNEL_UNKNOWN = -2;
const CHANNEL_NONE = -1;

/**
 * A patient's channel by index, as `choose` finds it at `nowMs`, computed on first use and kept as
 * an index into CHANNELS (or CHANNEL_NONE).
 */
const channelMemo = (
  patients: readonly PatientContact[],
  nowMs: number,
  choose: (patient: PatientContact, nowMs: number) => Channel | undefined,
): ((p: number) => number) => {
  const memo = new Int8Array(patients.length).fill(CHANNEL_UNKNOWN);
  return (p) => {
    if (memo[p] === CHANNEL_UNKNOWN) {
      const c = choose(patients[p] as PatientContact, nowMs);
      memo[p] = c === undefined ? CHANNEL_NONE : CHANNELS.indexOf(c);
    }
    return memo[p] as number;
  };
};

const MOVED: readonly (undefined | 'earlier' | 'later')[] = [undefined, 'earlier', 'later'];

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
 * are merged into one message at the earliest of their instants, listing every appointment, and a
 * day that already had a message (`options.sent`) gets none. Then at most `maxPerWeek` (default 3)
 * messages in any rolling 7 days are kept, earliest first, counting the messages already sent, and
 * an SMS must fit `maxSmsLength` (default 160; 70 when the text needs UCS-2), falling back to a
 * compact text. Sensitive appointment types use the generic template.
 *
 * A phone number shared by several patients (a family phone: patients reached on it by SMS or
 * voice, with the same `phone` and zone) is one recipient for the limits, as the FCC exemption
 * counts messages to a number: one message per number per local day and `maxPerWeek` per number,
 * counting what was sent to any of them. What the message says follows `rules.sharedPhone`:
 * `separate` (default) never shows one patient's appointments to another (45 CFR 164.502(b),
 * 164.510(b)(3): what a family member may hear is the practice's judgment, not the library's), so
 * when several of them have reminders on one day, the patient whose reminder comes first (earliest
 * instant, then patient id) gets that day's message on the phone, and each other patient's
 * reminders of the day go in a message of their own, at their own earliest instant, by the first
 * of their preferences that is e-mail or portal and that their consent permits at `now`
 * (`fallback: 'shared-phone'`); a patient with none is skipped as `reminder.shared-phone`. Such a
 * message is not counted again by the number's limits (it does not reach the phone). `combined`, for a practice
 * that opts in (a parent's phone for their children), sends one message that day listing every
 * appointment of the household ("household appointments", no names; generic when any is
 * sensitive), addressed to the first patient by id, with every patient in `household`. The result
 * never depends on the host's time zone. Messages come in send order (ties by patient id); `skipped` lists every reminder
 * not planned, in no promised order.
 *
 * @param appointments - appointments (scheduling's model)
 * @param patients - contact preferences and consent of the appointments' patients
 * @param rules - offsets, window, policy and limits
 * @param now - the planning instant
 * @param options - `sent`: messages already sent, counted by the daily and weekly limits
 * @returns `Right(plan)` with the messages in send order and every reminder not planned with its
 *   reason, or `Left` `communications.invalid-instant` (field `now`, `options.sent.N.sendAt` or
 *   `appointments.N.start`) or `communications.invalid-rules` (field `rules.window`)
 * @example
 * const rules = parseReminderRules({ clinicZone: 'America/New_York', practiceName: 'Elm Street Clinic', offsets: [{ kind: 'elapsed', minutesBefore: 120 }] });
 * const now = parseWith('now', IsoInstantSchema, '2026-11-23T08:00:00-05:00');
 * if (isOk(rules) && isOk(now)) planReminders([], [], rules.right, now.right, { sent: [] }); // Right({ messages: [], skipped: [], skippedCounts: { ... all 0 } })
 */
export const planReminders = (
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
  const offsets = rules.offsets;
  const ruleCount = offsets.length;
  const labels = offsets.map(offsetLabel);
  // Offsets as numbers: elapsed minutes, or calendar days and the wall minute to send at.
  const calendarDays = offsets.map((o) => (o.kind === 'calendar' ? o.daysBefore : ELAPSED));
  const elapsedMinutes = offsets.map((o) => (o.kind === 'elapsed' ? o.minutesBefore : 0));
  const calendarMinute = offsets.map((o) => (o.kind === 'calendar' ? wallTimeMinutes(o.at) : 0));
  const clocks = new Map<IanaZone, ZoneClock>();
  const tableBase = Math.floor(nowMs / DAY) - TABLE_BACK;
  const clockOf = (zone: IanaZone): ZoneClock => {
    let clock = clocks.get(zone);
    if (clock === undefined) {
      clock = {
        zone,
        base: tableBase,
        utc: new Float64Array(TABLE_DAYS).fill(Number.NaN),
        local: new Float64Array(TABLE_DAYS).fill(Number.NaN),
        sendAtDays: new Array<(IsoInstant | undefined)[] | undefined>(TABLE_DAYS),
        sendAt: new Map(),
      };
      clocks.set(zone, clock);
    }
    return clock;
  };

  // Patients by number: the last record of a patient wins, as a Map would keep it.
  const contactOf = new Map<PatientId, number>();
  for (let p = 0; p < patients.length; p++) contactOf.set((patients[p] as PatientContact).patient, p);
  const zoneOf = (p: number): IanaZone => (patients[p] as PatientContact).zone ?? rules.clinicZone;

  // Channels, found when a patient is first met: the preferred one, and the e-mail or portal
  // channel for a day a shared phone's message goes to another patient.
  const channelOfPatient = channelMemo(patients, nowMs, preferredChannel);
  const apartOfPatient = channelMemo(patients, nowMs, apartFromPhone);
  // Recipients, as the daily and weekly limits count them: a patient, or one phone number in one
  // zone shared by the patients reached on it by SMS or voice (a family phone).
  const recipientOf = new Int32Array(patients.length).fill(-1);
  /** Per recipient: its first patient; a recipient with several (a family phone) also lists them all. */
  const firstMemberOf: number[] = [];
  const membersOf = new Map<number, number[]>();
  const households = new Map<string, number>();
  const recipientOfPatient = (p: number): number => {
    let r = recipientOf[p] as number;
    if (r < 0) {
      const channel = channelOfPatient(p);
      const phone = (patients[p] as PatientContact).phone;
      if ((channel === SMS || channel === VOICE) && phone !== undefined) {
        const key = `${phone}\u0000${zoneOf(p)}`;
        r = households.get(key) ?? firstMemberOf.length;
        households.set(key, r);
      } else r = firstMemberOf.length;
      if (r === firstMemberOf.length) firstMemberOf.push(p);
      else {
        let all = membersOf.get(r);
        if (all === undefined) {
          all = [firstMemberOf[r] as number];
          membersOf.set(r, all);
        }
        all.push(p);
      }
      recipientOf[p] = r;
    }
    return r;
  };

  // Messages already sent, per recipient: instants and local days.
  const sentMs: number[][] = [];
  const sentDays: number[][] = [];
  const history = options.sent ?? [];
  for (let i = 0; i < history.length; i++) {
    const s = history[i] as SentMessage;
    const ms = instantToMs(s.sendAt);
    if (!Number.isFinite(ms)) return err(invalidInstant(`options.sent.${i}.sendAt`, 'sendAt'));
    const p = contactOf.get(s.patient);
    if (p === undefined) continue;
    const r = recipientOfPatient(p);
    (sentMs[r] ??= []).push(ms);
    (sentDays[r] ??= []).push(localDayMinute(ms, zoneOf(p)).day);
  }

  const clockOfPatient: (ZoneClock | undefined)[] = new Array<ZoneClock | undefined>(patients.length);
  const sensitiveTypes = new Set<AppointmentTypeId>(rules.sensitiveTypes ?? []);
  const log = new SkipLog();
  const skip = (i: number, reason: SkipReason, rule = NO_RULE): void => {
    log.add(i, rule, SKIP_REASONS.indexOf(reason));
  };

  // Candidate sends, one slot per appointment and rule, in appointment then rule order.
  const n = appointments.length;
  const startOf = new Float64Array(n);
  const patientOfAppt = new Int32Array(n);
  const sensitiveAppt = new Uint8Array(n);
  const capacity = n * ruleCount;
  const cAppt = new Int32Array(capacity);
  const cRule = new Uint8Array(capacity);
  const cMs = new Float64Array(capacity);
  const cDay = new Int32Array(capacity);
  const cMoved = new Uint8Array(capacity);
  const perRecipient = new Int32Array(patients.length);
  let count = 0;

  for (let i = 0; i < n; i++) {
    const a = appointments[i] as Appointment;
    if (!REMINDED_STATUSES.has(a.status) || a.rescheduledTo !== undefined || a.start === undefined) {
      skip(i, 'reminder.not-active');
      continue;
    }
    const startMs = instantToMs(a.start);
    if (!Number.isFinite(startMs)) return err(invalidInstant(`appointments.${i}.start`, 'start'));
    if (startMs <= nowMs) {
      skip(i, 'reminder.past');
      continue;
    }
    const p = contactOf.get(a.patient);
    if (p === undefined) {
      skip(i, 'reminder.unknown-patient');
      continue;
    }
    if (channelOfPatient(p) === CHANNEL_NONE) {
      skip(i, 'reminder.no-permitted-channel');
      continue;
    }
    startOf[i] = startMs;
    patientOfAppt[i] = p;
    const recipient = recipientOfPatient(p);
    sensitiveAppt[i] = sensitiveTypes.has(a.type) ? 1 : 0;
    let clock = clockOfPatient[p];
    if (clock === undefined) {
      clock = clockOf(zoneOf(p));
      clockOfPatient[p] = clock;
    }
    const startDay = Math.floor((startMs + offsetAt(clock, startMs) * MINUTE) / DAY);
    for (let r = 0; r < ruleCount; r++) {
      const ideal =
        calendarDays[r] === ELAPSED
          ? startMs - (elapsedMinutes[r] as number) * MINUTE
          : wallToMs(clock, startDay - (calendarDays[r] as number), calendarMinute[r] as number);
      // Into the window on the patient's wall clock, read at the instant itself.
      let placed = ideal;
      let moved = 0;
      const idealLocal = ideal + offsetAt(clock, ideal) * MINUTE;
      const idealDay = Math.floor(idealLocal / DAY);
      const idealMinute = (idealLocal - idealDay * DAY) / MINUTE;
      if (idealMinute < window.start || idealMinute > window.end) {
        const beforeOpening = idealMinute < window.start;
        placed =
          policy === 'earlier'
            ? wallToMs(clock, beforeOpening ? idealDay - 1 : idealDay, window.end)
            : wallToMs(clock, beforeOpening ? idealDay : idealDay + 1, window.start);
        moved = policy === 'earlier' ? 1 : 2;
      }
      const local = placed + offsetAt(clock, placed) * MINUTE;
      const day = Math.floor(local / DAY);
      const minute = (local - day * DAY) / MINUTE;
      if (minute < window.start || minute > window.end || placed >= startMs) {
        skip(i, 'reminder.quiet-hours', r);
        continue;
      }
      if (placed < nowMs) {
        skip(i, 'reminder.send-time-passed', r);
        continue;
      }
      cAppt[count] = i;
      cRule[count] = r;
      cMs[count] = placed;
      cDay[count] = day;
      cMoved[count] = moved;
      perRecipient[recipient] = (perRecipient[recipient] as number) + 1;
      count++;
    }
  }

  // Patients in id order (a rank each: messages at the same instant are listed by patient), and
  // recipients in the order of their first patient.
  const met: number[] = [];
  for (let p = 0; p < patients.length; p++) if ((recipientOf[p] as number) >= 0) met.push(p);
  met.sort((x, y) =>
    compareText((patients[x] as PatientContact).patient, (patients[y] as PatientContact).patient),
  );
  const rankOf = new Int32Array(patients.length);
  for (let k = 0; k < met.length; k++) rankOf[met[k] as number] = k;
  const ranked: number[] = [];
  const listed = new Uint8Array(firstMemberOf.length);
  for (const p of met) {
    const r = recipientOf[p] as number;
    if (listed[r] === 0 && (perRecipient[r] as number) > 0) {
      listed[r] = 1;
      ranked.push(r);
    }
  }
  // Counting sort of the candidates by recipient, keeping candidate order within a recipient.
  const segmentStart = new Int32Array(firstMemberOf.length);
  let offset = 0;
  for (const r of ranked) {
    segmentStart[r] = offset;
    offset += perRecipient[r] as number;
  }
  const order = new Int32Array(count);
  const fill = segmentStart.slice();
  for (let c = 0; c < count; c++) {
    const r = recipientOf[patientOfAppt[cAppt[c] as number] as number] as number;
    order[fill[r] as number] = c;
    fill[r] = (fill[r] as number) + 1;
  }

  const maxPerWeek = rules.maxPerWeek ?? DEFAULT_MAX_PER_WEEK;
  const limit = rules.maxSmsLength ?? DEFAULT_SMS_LENGTH;
  // The body is the practice name, location names, times written by spokenTime and fixed ASCII
  // text. When the names are plain GSM-7 (one septet a character), a text fits when its length
  // does, with no scan of each body.
  const plainNames =
    isPlainGsm(rules.practiceName) && Object.values(rules.locationNames ?? {}).every((n) => isPlainGsm(n));
  const fits = (body: string): boolean => (plainNames ? body.length <= limit : fitsSms(body, limit));
  // A one-rule message lists the rule's own frozen array (most messages come from one rule).
  const singleRule = labels.map((l) => Object.freeze([l]));
  const sameLabel = labels.map((l) => labels.indexOf(l));
  // The result is most of the cost (its objects survive every young-generation collection of the
  // call), so what many messages say alike is made once and shared, frozen: the text of a local
  // time, the body and fields of a one-appointment message (one per local time, location, channel,
  // template and form, not one per message), an appointment's one-item list, each zone's send
  // instants and each day's date. The memos live for one call and hold at most one entry per
  // appointment or candidate.
  const apptOf: (ReminderAppointment | undefined)[] = new Array<ReminderAppointment | undefined>(n);
  const coveredOf: (readonly ReminderAppointment[] | undefined)[] = new Array<
    readonly ReminderAppointment[] | undefined
  >(n);
  /**
   * Per appointment: the number of its text, one per local time (day, minute, and whether it says
   * "your time") and location name shown. Texts are numbered densely from 0, so the parts made once
   * per text (bodies, fields) sit in plain arrays indexed by it, with no map lookup per message.
   */
  const textOf = new Int32Array(n);
  const textWhen: string[] = [];
  /** Per text: its date (`Tue Nov 24`) and its time (`9:00 AM`, with ` your time` when it says so). */
  const textDay: string[] = [];
  const textTime: string[] = [];
  const textByKey = new Map<number, number>();
  const textByLocation = new Map<string, Map<number, number>>();
  const reminderAppointment = (i: number, zone: IanaZone): ReminderAppointment => {
    let made = apptOf[i];
    if (made === undefined) {
      const a = appointments[i] as Appointment;
      const startMs = startOf[i] as number;
      const clock = clockOfPatient[patientOfAppt[i] as number] as ZoneClock;
      const localMs = startMs + offsetAt(clock, startMs) * MINUTE;
      const day = Math.floor(localMs / DAY);
      const minute = Math.floor((localMs - day * DAY) / MINUTE);
      const yourTime = zone === rules.clinicZone ? 0 : 1;
      const location = sensitiveAppt[i] === 1 ? undefined : locationName(rules, a.location);
      // Days from the tables' base keep the key a small integer (a small-integer map key, no
      // boxed number); a day outside the tables keeps its exact key.
      const fromBase = day - tableBase;
      const key =
        fromBase >= 0 && fromBase < TABLE_DAYS
          ? ((fromBase * MINUTES_PER_DAY + minute) * 2 + yourTime) | 0
          : (fromBase * MINUTES_PER_DAY + minute) * 2 + yourTime;
      let texts = textByKey;
      if (location !== undefined) {
        let own = textByLocation.get(location);
        if (own === undefined) {
          own = new Map();
          textByLocation.set(location, own);
        }
        texts = own;
      }
      let text = texts.get(key);
      if (text === undefined) {
        text = textWhen.length;
        texts.set(key, text);
        const when = `${spokenTime(dayNumberToDate(day), minute)}${yourTime === 0 ? '' : ' your time'}`;
        const dayPart = when.slice(0, when.indexOf(' at '));
        textWhen.push(when);
        singleBodies.push(new Array<string | undefined>(BODY_VARIANTS));
        fullFields.push(undefined);
        compactFields.push(undefined);
        textDay.push(dayPart);
        textTime.push(when.slice(dayPart.length + ' at '.length));
      }
      textOf[i] = text;
      const when = textWhen[text] as string;
      const start = a.start as IsoInstant;
      made = Object.freeze(
        location === undefined ? { id: a.id, start, when } : { id: a.id, start, when, location },
      );
      apptOf[i] = made;
    }
    return made;
  };
  const singleCovered = (i: number, zone: IanaZone): readonly ReminderAppointment[] => {
    let covered = coveredOf[i];
    if (covered === undefined) {
      covered = Object.freeze([reminderAppointment(i, zone)]);
      coveredOf[i] = covered;
    }
    return covered;
  };
  /**
   * One-appointment bodies: per text, a short list by channel, template and form (4 x 2 x 2),
   * made with the text. One list per text rather than one long list with most places empty, which
   * the engine would keep as a hash table.
   */
  const singleBodies: (string | undefined)[][] = [];
  const BODY_VARIANTS = CHANNELS.length * 4;
  /** One-appointment fields by text, full and compact. */
  const fullFields: (Readonly<Record<string, string>> | undefined)[] = [];
  const compactFields: (Readonly<Record<string, string>> | undefined)[] = [];
  const fieldsOf = (i: number, form: ReminderForm, when: string): Readonly<Record<string, string>> => {
    const byText = form === 'full' ? fullFields : compactFields;
    const t = textOf[i] as number;
    let fields = byText[t];
    if (fields === undefined) {
      fields = Object.freeze({ practice: rules.practiceName, form, appointments: when });
      byText[t] = fields;
    }
    return fields;
  };
  const tableStartMs = tableBase * DAY;
  const sendAtOf = (ms: number, p: number): IsoInstant => {
    const clock = clockOfPatient[p] as ZoneClock;
    // A send on a whole minute of a day in the tables: that day's list, by minute.
    const fromBase = (ms - tableStartMs) / MINUTE;
    const d = Math.floor(fromBase / MINUTES_PER_DAY);
    if (Number.isInteger(fromBase) && d >= 0 && d < TABLE_DAYS) {
      let minutes = clock.sendAtDays[d];
      if (minutes === undefined) {
        minutes = new Array<IsoInstant | undefined>(MINUTES_PER_DAY);
        clock.sendAtDays[d] = minutes;
      }
      const m = fromBase - d * MINUTES_PER_DAY;
      let text = minutes[m];
      if (text === undefined) {
        text = formatInstant(ms, clock.zone);
        minutes[m] = text;
      }
      return text;
    }
    let text = clock.sendAt.get(ms);
    if (text === undefined) {
      text = formatInstant(ms, clock.zone);
      clock.sendAt.set(ms, text);
    }
    return text;
  };
  const dateText = new Map<number, string>();
  const idPrefix: (string | undefined)[] = new Array<string | undefined>(patients.length);
  /** `reminder:<patient>:<date>` from the patient's prefix and the day's date, both made once. */
  const messageId = (p: number, day: number): string => {
    let prefix = idPrefix[p];
    if (prefix === undefined) {
      prefix = `reminder:${(patients[p] as PatientContact).patient}:`;
      idPrefix[p] = prefix;
    }
    let date = dateText.get(day);
    if (date === undefined) {
      date = dayNumberToDate(day);
      dateText.set(day, date);
    }
    return prefix + date;
  };

  /** Appointment order in a message: by start, then id. */
  const startsBefore = (x: number, y: number): boolean => {
    const dx = startOf[x] as number;
    const dy = startOf[y] as number;
    return (
      dx < dy || (dx === dy && (appointments[x] as Appointment).id < (appointments[y] as Appointment).id)
    );
  };
  // The rule lists of several-rule days, by the sequence of their rules (one frozen list each).
  const ruleLists = new Map<number, readonly string[]>();
  const rulesOf = (key: number): readonly string[] => {
    let list = ruleLists.get(key);
    if (list === undefined) {
      const made: string[] = [];
      for (let k = key; k > 0; k = Math.floor(k / RULES_KEY_BASE))
        made.unshift(labels[(k % RULES_KEY_BASE) - 1] as string);
      list = Object.freeze(made);
      ruleLists.set(key, list);
    }
    return list;
  };

  // At most one message per candidate: arrays sized up front (no growing copies).
  const messages = new Array<PlannedReminder>(count);
  let messageCount = 0;
  const messageMs = new Float64Array(count);
  const messageRank = new Int32Array(count);
  const groupFrom: number[] = [];
  const groupTo: number[] = [];
  const keptMs: number[] = [];
  const combined = rules.sharedPhone === 'combined';
  for (const r of ranked) {
    const from = segmentStart[r] as number;
    const to = from + (perRecipient[r] as number);
    const shared = membersOf.has(r);
    sortByDayThenTime(order, from, to, cDay, cMs);
    // Day groups (runs of one local day), then in time order of their first send.
    groupFrom.length = 0;
    groupTo.length = 0;
    for (let g = from; g < to;) {
      const day = cDay[order[g] as number] as number;
      let end = g + 1;
      while (end < to && cDay[order[end] as number] === day) end++;
      groupFrom.push(g);
      groupTo.push(end);
      g = end;
    }
    sortGroupsByTime(groupFrom, groupTo, order, cMs);
    const zone = zoneOf(firstMemberOf[r] as number);
    const history = sentMs[r] ?? [];
    const historyDays = sentDays[r] ?? [];
    keptMs.length = 0;
    let firstInWeek = 0;
    for (let g = 0; g < groupFrom.length; g++) {
      const gFrom = groupFrom[g] as number;
      let gTo = groupTo[g] as number;
      const first = order[gFrom] as number;
      const ms = cMs[first] as number;
      const day = cDay[first] as number;
      if (historyDays.includes(day)) {
        skipGroup(order, gFrom, gTo, 'reminder.daily-limit');
        continue;
      }
      while (firstInWeek < keptMs.length && (keptMs[firstInWeek] as number) <= ms - WEEK) firstInWeek++;
      let inWeek = keptMs.length - firstInWeek;
      for (const t of history) if (t > ms - WEEK && t <= ms) inWeek++;
      if (inWeek >= maxPerWeek) {
        skipGroup(order, gFrom, gTo, 'reminder.weekly-limit');
        continue;
      }
      keptMs.push(ms);
      let p = patientOfAppt[cAppt[first] as number] as number;
      let household: readonly PatientId[] | undefined;
      if (shared) {
        // A shared phone: the day's patients, the first of them by id, and (separate) the one
        // whose reminder comes first.
        const dayGroup = dayPatients(gFrom, gTo);
        if (dayGroup.length > 1) {
          if (combined) {
            p = dayGroup[0] as number;
            household = dayGroup.map((q) => (patients[q] as PatientContact).patient);
          } else {
            p = firstToSend(gFrom, gTo);
            const end = keepPatient(gFrom, gTo, p);
            // The others, one patient at a time in id order: their own message by e-mail or
            // portal when their consent permits one, otherwise skipped.
            let from = end;
            for (const q of dayGroup) {
              if (q === p) continue;
              const own = keepPatient(from, gTo, q);
              const apart = apartOfPatient(q);
              if (apart === CHANNEL_NONE) skipGroup(order, from, own, 'reminder.shared-phone');
              else
                emit(
                  toMessage(from, own, order[from] as number, q, zone, apart, day, undefined, true),
                  from,
                  q,
                );
              from = own;
            }
            gTo = end;
          }
        }
      }
      emit(
        toMessage(gFrom, gTo, order[gFrom] as number, p, zone, channelOfPatient(p), day, household),
        gFrom,
        p,
      );
    }
  }

  /** Adds a message (if any) with its send instant (its run's first candidate) and its patient's rank. */
  function emit(message: PlannedReminder | undefined, from: number, p: number): void {
    if (message === undefined) return;
    messageMs[messageCount] = cMs[order[from] as number] as number;
    messageRank[messageCount] = rankOf[p] as number;
    messages[messageCount] = message;
    messageCount++;
  }

  /** The patients of a day group, in id order. */
  function dayPatients(gFrom: number, gTo: number): number[] {
    const found: number[] = [];
    for (let c = gFrom; c < gTo; c++) {
      const q = patientOfAppt[cAppt[order[c] as number] as number] as number;
      if (!found.includes(q)) found.push(q);
    }
    return found.sort((x, y) => (rankOf[x] as number) - (rankOf[y] as number));
  }

  /** The patient whose reminder comes first in a day group: earliest instant, then id. */
  function firstToSend(gFrom: number, gTo: number): number {
    let best = order[gFrom] as number;
    for (let c = gFrom + 1; c < gTo; c++) {
      const cand = order[c] as number;
      const t = cMs[cand] as number;
      const bestT = cMs[best] as number;
      if (
        t < bestT ||
        (t === bestT &&
          (rankOf[patientOfAppt[cAppt[cand] as number] as number] as number) <
            (rankOf[patientOfAppt[cAppt[best] as number] as number] as number))
      )
        best = cand;
    }
    return patientOfAppt[cAppt[best] as number] as number;
  }

  /**
   * Moves one patient's candidates of a day group's range to its front (both parts keep their time
   * order); returns the end of the patient's run.
   */
  function keepPatient(gFrom: number, gTo: number, p: number): number {
    const others: number[] = [];
    let end = gFrom;
    for (let c = gFrom; c < gTo; c++) {
      const cand = order[c] as number;
      if (patientOfAppt[cAppt[cand] as number] === p) {
        order[end] = cand;
        end++;
      } else others.push(cand);
    }
    for (let k = 0; k < others.length; k++) order[end + k] = others[k] as number;
    return end;
  }

  function skipGroup(o: Int32Array, gFrom: number, gTo: number, reason: SkipReason): void {
    for (let c = gFrom; c < gTo; c++) {
      const cand = o[c] as number;
      skip(cAppt[cand] as number, reason, cRule[cand] as number);
    }
  }

  /**
   * One day's candidates (sorted by time) as one message at the earliest, by the channel numbered
   * `ch`; `fallback` marks a shared phone's other patient reached apart from the phone.
   */
  function toMessage(
    gFrom: number,
    gTo: number,
    first: number,
    p: number,
    zone: IanaZone,
    ch: number,
    day: number,
    household: readonly PatientId[] | undefined,
    fallback = false,
  ): PlannedReminder | undefined {
    const message = buildMessage(gFrom, gTo, first, p, zone, ch, day, household);
    // A fallback is rare: a spread only then.
    return fallback && message !== undefined ? { ...message, fallback: 'shared-phone' } : message;
  }

  function buildMessage(
    gFrom: number,
    gTo: number,
    first: number,
    p: number,
    zone: IanaZone,
    ch: number,
    day: number,
    household: readonly PatientId[] | undefined,
  ): PlannedReminder | undefined {
    const channel = CHANNELS[ch] as Channel;
    if (gTo - gFrom === 1) return toSingleMessage(gFrom, gTo, first, p, zone, ch, day);
    // Appointments by start then id, each once; rules in send order, each once (a day holds a
    // few candidates: linear scans and an insertion sort, no callbacks).
    const appts: number[] = [];
    let rulesKey = 0;
    let ruleSeen = 0;
    let sensitive = false;
    for (let c = gFrom; c < gTo; c++) {
      const cand = order[c] as number;
      const i = cAppt[cand] as number;
      // Two offsets with one label are one rule in the list.
      const r = sameLabel[cRule[cand] as number] as number;
      if ((ruleSeen & (1 << r)) === 0) {
        ruleSeen |= 1 << r;
        rulesKey = rulesKey * RULES_KEY_BASE + r + 1;
      }
      if (sensitiveAppt[i] === 1) sensitive = true;
      if (!appts.includes(i)) {
        let j = appts.length;
        appts.push(i);
        while (j > 0 && startsBefore(i, appts[j - 1] as number)) {
          appts[j] = appts[j - 1] as number;
          j--;
        }
        appts[j] = i;
      }
    }
    const ruleLabels = rulesOf(rulesKey);
    // Each id once, the earliest start kept: two bookings under one id (a data error upstream)
    // give one line, the same one the reference keeps.
    const kept: number[] = [];
    for (const i of appts) {
      const id = (appointments[i] as Appointment).id;
      let listed = false;
      for (const k of kept) if ((appointments[k] as Appointment).id === id) listed = true;
      if (!listed) kept.push(i);
    }
    if (kept.length === 1 && household === undefined)
      return toSingleMessage(gFrom, gTo, first, p, zone, ch, day, kept[0] as number, ruleLabels, sensitive);
    const template: ReminderTemplate = sensitive ? 'reminder.generic' : 'reminder.standard';
    // Each appointment's text as the body says it (reminderBody's rule, from the parts kept per
    // text): the date once for several times on it, then the location in the standard template.
    const covered = new Array<ReminderAppointment>(kept.length);
    const whens = new Array<string>(kept.length);
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k] as number;
      const a = reminderAppointment(i, zone);
      covered[k] = a;
      const t = textOf[i] as number;
      const sameDay = k > 0 && textDay[t] === textDay[textOf[kept[k - 1] as number] as number];
      const when = sameDay ? (textTime[t] as string) : a.when;
      whens[k] =
        template === 'reminder.standard' && a.location !== undefined ? `${when} at ${a.location}` : when;
    }
    let form: ReminderForm = 'full';
    const forHousehold = household !== undefined;
    let body: string;
    if (channel === 'sms' && plainNames) {
      // Plain GSM-7: a text fits when its length does, so only the form that fits is written.
      const practice = rules.practiceName;
      if (bodyLength(practice, channel, whens, form, forHousehold) > limit) {
        form = 'compact';
        if (bodyLength(practice, channel, whens, form, forHousehold) > limit) {
          skipGroup(order, gFrom, gTo, 'reminder.too-long');
          return undefined;
        }
      }
      body = bodyOfWhens(practice, channel, whens, form, forHousehold);
    } else {
      body = bodyOfWhens(rules.practiceName, channel, whens, form, forHousehold);
      if (channel === 'sms' && !fits(body)) {
        form = 'compact';
        body = bodyOfWhens(rules.practiceName, channel, whens, form, forHousehold);
        if (!fits(body)) {
          skipGroup(order, gFrom, gTo, 'reminder.too-long');
          return undefined;
        }
      }
    }
    const patient = (patients[p] as PatientContact).patient;
    const ms = cMs[first] as number;
    const moved = MOVED[cMoved[first] as number];
    const id = messageId(p, day);
    const sendAt = sendAtOf(ms, p);
    const fields = {
      practice: rules.practiceName,
      form,
      appointments:
        covered.length === 1
          ? (covered[0] as ReminderAppointment).when
          : covered.map((a) => a.when).join('; '),
    };
    const message = plannedReminder(
      id,
      patient,
      channel,
      sendAt,
      covered,
      ruleLabels,
      template,
      fields,
      body,
      moved,
    );
    // A household is rare: a spread only then.
    return household === undefined ? message : { ...message, household };
  }

  /** A day with one candidate: one appointment, one rule (the common case: every part shared). */
  function toSingleMessage(
    gFrom: number,
    gTo: number,
    cand: number,
    p: number,
    zone: IanaZone,
    ch: number,
    day: number,
    i = cAppt[cand] as number,
    ruleLabels = singleRule[cRule[cand] as number] as readonly string[],
    // Any sensitive candidate makes the message generic (a second booking under the same id too).
    sensitive = sensitiveAppt[i] === 1,
  ): PlannedReminder | undefined {
    const channel = CHANNELS[ch] as Channel;
    const covered = singleCovered(i, zone);
    const template: ReminderTemplate = sensitive ? 'reminder.generic' : 'reminder.standard';
    const appointment = covered[0] as ReminderAppointment;
    // Channel, template and form: 4 x 2 x 2 variants of one text.
    const bodies = singleBodies[textOf[i] as number] as (string | undefined)[];
    const variant = ch * 4 + (sensitive ? 2 : 0);
    let form: ReminderForm = 'full';
    let body = bodies[variant];
    if (body === undefined) {
      body = reminderBody(rules.practiceName, channel, template, covered, form);
      bodies[variant] = body;
    }
    if (channel === 'sms' && !fits(body)) {
      form = 'compact';
      body = bodies[variant + 1];
      if (body === undefined) {
        body = reminderBody(rules.practiceName, channel, template, covered, form);
        bodies[variant + 1] = body;
      }
      if (!fits(body)) {
        skipGroup(order, gFrom, gTo, 'reminder.too-long');
        return undefined;
      }
    }
    const patient = (patients[p] as PatientContact).patient;
    const id = messageId(p, day);
    const sendAt = sendAtOf(cMs[cand] as number, p);
    const fields = fieldsOf(i, form, appointment.when);
    const moved = MOVED[cMoved[cand] as number];
    return plannedReminder(id, patient, channel, sendAt, covered, ruleLabels, template, fields, body, moved);
  }

  return ok(planOf(inSendOrder(messages, messageCount, messageMs, messageRank), log, appointments, labels));
};

/** A message as one object literal (two literals rather than a spread for `moved`: one object each). */
const plannedReminder = (
  id: string,
  patient: PatientId,
  channel: Channel,
  sendAt: IsoInstant,
  appointments: readonly ReminderAppointment[],
  rules: readonly string[],
  template: ReminderTemplate,
  fields: Readonly<Record<string, string>>,
  body: string,
  moved: 'earlier' | 'later' | undefined,
): PlannedReminder =>
  moved === undefined
    ? { id, patient, channel, sendAt, appointments, rules, template, fields, body }
    : { id, patient, channel, sendAt, appointments, rules, template, fields, body, moved };

/**
 * Messages by send instant, equal instants by patient id (`rank`). Send instants are almost always
 * on whole minutes within a few weeks: then a counting sort by minute orders them in one pass over
 * the messages and one over the minutes (stable: creation order within a minute). Otherwise, when
 * (instant - earliest) x count + index fits in a double's 53 integer bits, each message is one
 * number and the engine's numeric sort orders them with no callback; otherwise a comparator does. Messages are made in
 * the order of their recipients' first patients, which is already patient order at each instant
 * unless a shared phone's message went to a later patient: a pass over each run of one instant
 * puts those in place (an insertion sort, linear when nothing is out of order).
 */
const inSendOrder = (
  messages: readonly PlannedReminder[],
  count: number,
  ms: Float64Array,
  rank: Int32Array,
): PlannedReminder[] => {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const t = ms[k] as number;
    if (t < earliest) earliest = t;
    if (t > latest) latest = t;
  }
  const minutes = (latest - earliest) / MINUTE + 1;
  let wholeMinutes = count > 0 && minutes <= Math.max(MINUTE_BUCKETS_PER_MESSAGE * count, MINUTES_PER_DAY);
  for (let k = 0; wholeMinutes && k < count; k++)
    wholeMinutes = ((ms[k] as number) - earliest) % MINUTE === 0;
  const packable = count > 0 && (latest - earliest + 1) * count < Number.MAX_SAFE_INTEGER;
  let byTime: number[];
  if (wholeMinutes) {
    const starts = new Int32Array(minutes + 1);
    for (let k = 0; k < count; k++) {
      const next = ((ms[k] as number) - earliest) / MINUTE + 1;
      starts[next] = (starts[next] as number) + 1;
    }
    for (let m = 1; m <= minutes; m++) starts[m] = (starts[m] as number) + (starts[m - 1] as number);
    byTime = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      const m = ((ms[k] as number) - earliest) / MINUTE;
      byTime[starts[m] as number] = k;
      starts[m] = (starts[m] as number) + 1;
    }
  } else if (packable) {
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++) keys[k] = ((ms[k] as number) - earliest) * count + k;
    keys.sort();
    byTime = new Array<number>(count);
    for (let k = 0; k < count; k++) byTime[k] = (keys[k] as number) % count;
  } else
    byTime = Array.from({ length: count }, (_, k) => k).sort(
      (x, y) => (ms[x] as number) - (ms[y] as number) || x - y,
    );
  for (let i = 1; i < count; i++) {
    const k = byTime[i] as number;
    let j = i - 1;
    while (j >= 0) {
      const o = byTime[j] as number;
      if (ms[o] !== ms[k] || (rank[o] as number) < (rank[k] as number)) break;
      byTime[j + 1] = o;
      j--;
    }
    byTime[j + 1] = k;
  }
  const out = new Array<PlannedReminder>(count);
  for (let k = 0; k < count; k++) out[k] = messages[byTime[k] as number] as PlannedReminder;
  return out;
};

const DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** The counting sort of send instants takes up to this many minute buckets per message (or a day's). */
const MINUTE_BUCKETS_PER_MESSAGE = 4;
/** Rule lists are keyed by their rule numbers + 1 in base 11 (at most 10 rules: an exact double). */
const RULES_KEY_BASE = 11;
/** Marks an elapsed offset in the table of calendar days. */
const ELAPSED = -1;

/**
 * The zone tables of one plan cover this many days from a little over a year before `now` (an
 * offset reaches at most 366 days back), about three years; instants outside ask `zoneOffset`.
 */
const TABLE_DAYS = 1536;
const TABLE_BACK = 370;

/**
 * One zone's offsets for one plan, in two tables of days from `base`: `utc` holds the offset of
 * each UTC day whose two midnights agree (the test `zoneOffset` itself makes), `local` the offset of
 * each local day it holds from midnight to midnight. `NaN` is not yet asked; `Infinity` marks a
 * day with a transition, where `zoneOffset` and the DST policy of `wallMinutesToMs` decide (gap:
 * first instant after it; overlap: the earlier). A table read is a few times cheaper than the
 * shared zone memo, which several zones in turn keep missing.
 */
interface ZoneClock {
  readonly zone: IanaZone;
  readonly base: number;
  readonly utc: Float64Array;
  readonly local: Float64Array;
  /**
   * Send instants written in the zone (one text per instant and zone): per day of the tables, by
   * minute of the day for sends on whole minutes; by instant otherwise.
   */
  readonly sendAtDays: ((IsoInstant | undefined)[] | undefined)[];
  readonly sendAt: Map<number, IsoInstant>;
}

/** `zoneOffset(ms, clock.zone)`, from the table when the day is in it. */
const offsetAt = (clock: ZoneClock, ms: number): number => {
  const utcDay = Math.floor(ms / DAY);
  const d = utcDay - clock.base;
  if (d >= 0 && d < TABLE_DAYS) {
    let offset = clock.utc[d] as number;
    if (Number.isNaN(offset)) {
      const before = zoneOffset(utcDay * DAY, clock.zone);
      offset = before === zoneOffset((utcDay + 1) * DAY, clock.zone) ? before : Number.POSITIVE_INFINITY;
      clock.utc[d] = offset;
    }
    if (offset !== Number.POSITIVE_INFINITY) return offset;
  }
  return zoneOffset(ms, clock.zone);
};

/**
 * The instant of a wall-clock minute on a local day: `wallMinutesToMs`, with the day's offset
 * from the table when it holds all day. Equal to it on every day (a property test compares the
 * plan with the reference, which calls it).
 */
const wallToMs = (clock: ZoneClock, day: number, minute: number): number => {
  const d = day - clock.base;
  if (d >= 0 && d < TABLE_DAYS) {
    let offset = clock.local[d] as number;
    if (Number.isNaN(offset)) {
      const guess = zoneOffset(day * DAY, clock.zone);
      const midnight = day * DAY - guess * MINUTE;
      const holds =
        zoneOffset(midnight, clock.zone) === guess && zoneOffset(midnight + DAY - 1, clock.zone) === guess;
      offset = holds ? guess : Number.POSITIVE_INFINITY;
      clock.local[d] = offset;
    }
    if (offset !== Number.POSITIVE_INFINITY) return day * DAY + (minute - offset) * MINUTE;
  }
  return wallMinutesToMs(dayNumberToDate(day), minute, clock.zone);
};

/** Whether every character is in GSM-7's basic table as ASCII (printable, not an escape-table character). */
const isPlainGsm = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || !fitsSms(text[i] ?? '', 1)) return false;
  }
  return true;
};

/** Code-unit order, as `<` compares strings. */
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Insertion sort of `order[from, to)` by local day, then instant; stable (runs are a few items). */
const sortByDayThenTime = (
  order: Int32Array,
  from: number,
  to: number,
  day: Int32Array,
  ms: Float64Array,
): void => {
  for (let i = from + 1; i < to; i++) {
    const c = order[i] as number;
    const d = day[c] as number;
    const t = ms[c] as number;
    let j = i - 1;
    while (j >= from) {
      const o = order[j] as number;
      const od = day[o] as number;
      if (od < d || (od === d && (ms[o] as number) <= t)) break;
      order[j + 1] = o;
      j--;
    }
    order[j + 1] = c;
  }
};

/** Insertion sort of day groups by the instant of their first send (days are almost always in time order already). */
const sortGroupsByTime = (from: number[], to: number[], order: Int32Array, ms: Float64Array): void => {
  for (let i = 1; i < from.length; i++) {
    const f = from[i] as number;
    const e = to[i] as number;
    const t = ms[order[f] as number] as number;
    let j = i - 1;
    while (j >= 0 && (ms[order[from[j] as number] as number] as number) > t) {
      from[j + 1] = from[j] as number;
      to[j + 1] = to[j] as number;
      j--;
    }
    from[j + 1] = f;
    to[j + 1] = e;
  }
};
