/**
 * Reminder texts: the appointment's time as the patient reads it, and the message body per
 * channel. The texts carry what HHS FAQ 198 allows on a lock screen or an answering machine
 * (practice, date, time, place) and never the reason for the visit.
 */
import { isoWeekday, type IsoDate } from '../core/calendar.js';
import type { Channel, ReminderAppointment, ReminderTemplate } from './model.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * An appointment time as a patient reads it.
 *
 * @param date - the local date
 * @param minuteOfDay - minutes since local midnight
 * @returns such as `Tue Nov 24 at 9:00 AM`
 * @example
 * spokenTime(isoDate('2026-11-24'), 540); // 'Tue Nov 24 at 9:00 AM'
 */
export const spokenTime = (date: IsoDate, minuteOfDay: number): string => {
  const minute = Math.floor(minuteOfDay);
  const h24 = Math.floor(minute / 60);
  const mm = minute % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  const weekday = WEEKDAYS[isoWeekday(date) - 1] ?? '';
  return `${weekday} ${month} ${Number(date.slice(8, 10))} at ${h12}:${mm < 10 ? '0' : ''}${mm} ${h24 < 12 ? 'AM' : 'PM'}`;
};

/** Each channel's opt-out instruction (the FCC exemption asks for one in every message). */
const OPT_OUT: Readonly<Record<Channel, string>> = {
  sms: 'Reply STOP to opt out.',
  voice: 'To stop these calls, press 9.',
  email: 'To stop these reminders, reply STOP or change your preferences.',
  portal: 'To stop these reminders, change your preferences in the portal.',
};

// The fixed parts of a reminder's text (bodyOfWhens writes them, bodyLength counts them).
const COMPACT_OPEN = ': appt ';
const COMPACT_CLOSE = '. Y=confirm R=reschedule STOP=opt out';
const FULL_OPEN = ': reminder of ';
const FULL_ON = ' on ';
const FULL_CLOSE = '. ';
const LIST_COMMA = ', ';
const LIST_AND = ' and ';
const whoseOf = (count: number, household: boolean): string =>
  household ? 'household appointments' : count > 1 ? 'your appointments' : 'your appointment';
const replyOf = (channel: Channel): string =>
  channel === 'voice' ? 'Press 1 to confirm or 2 to reschedule.' : 'Reply Y to confirm or R to reschedule.';

const listed = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(LIST_COMMA)}${LIST_AND}${items[items.length - 1] ?? ''}`;

/** How much text a reminder may use: `full` sentences or the `compact` form kept for long lists. */
export type ReminderForm = 'full' | 'compact';

/**
 * The body of a reminder. The confirm and reschedule replies are `Y` and `R`, never `CANCEL`, which
 * carriers and the FCC treat as an opt-out.
 *
 * @param practice - the practice name
 * @param channel - the channel (its opt-out line)
 * @param template - `reminder.generic` never names the location
 * @param appointments - the appointments covered, in time order
 * @param form - full sentences or the compact form
 * @param household - the message goes to a shared phone for several patients: "household
 *   appointments", naming nobody
 * @returns the text
 * @example
 * reminderBody('Elm Street Clinic', 'sms', 'reminder.generic', [], 'compact');
 */
export const reminderBody = (
  practice: string,
  channel: Channel,
  template: ReminderTemplate,
  appointments: readonly ReminderAppointment[],
  form: ReminderForm,
  household = false,
): string => {
  // A date said once for several times on it: "Tue Nov 24 at 9:00 AM and 10:00 AM".
  const whens = appointments.map((a, i) => {
    const day = a.when.slice(0, a.when.indexOf(' at '));
    const previous = appointments[i - 1]?.when;
    const when = previous?.startsWith(`${day} at `) === true ? a.when.slice(day.length + 4) : a.when;
    return template === 'reminder.standard' && a.location !== undefined ? `${when} at ${a.location}` : when;
  });
  return bodyOfWhens(practice, channel, whens, form, household);
};

/**
 * The body of a reminder from its appointments' texts as `reminderBody` writes them (a date said
 * once for several times on it, the location after the time in the standard template): the
 * sentences around them. `planReminders` calls it with texts it keeps per appointment.
 *
 * @param practice - the practice name
 * @param channel - the channel (its reply and opt-out lines)
 * @param whens - one text per appointment, in time order
 * @param form - full sentences or the compact form
 * @param household - "household appointments", naming nobody
 * @returns the text
 * @example
 * bodyOfWhens('Elm Street Clinic', 'sms', ['Tue Nov 24 at 9:00 AM', '10:00 AM'], 'full', false);
 */
export const bodyOfWhens = (
  practice: string,
  channel: Channel,
  whens: readonly string[],
  form: ReminderForm,
  household: boolean,
): string => {
  // Joined rather than concatenated: one flat string, not a tree of pieces kept as long as the
  // text (a plan keeps a text per message).
  if (form === 'compact') return [practice, COMPACT_OPEN, listed(whens), COMPACT_CLOSE].join('');
  return [
    practice,
    FULL_OPEN,
    whoseOf(whens.length, household),
    FULL_ON,
    listed(whens),
    FULL_CLOSE,
    replyOf(channel),
    ' ',
    OPT_OUT[channel],
  ].join('');
};

/**
 * The length, in UTF-16 code units, of the text `bodyOfWhens` would write, without writing it: a
 * planner checks an SMS against its limit first and writes only the form that fits.
 *
 * @param practice - the practice name
 * @param channel - the channel
 * @param whens - one text per appointment, in time order
 * @param form - full sentences or the compact form
 * @param household - "household appointments"
 * @returns `bodyOfWhens(...).length`
 * @example
 * bodyLength('Elm Street Clinic', 'sms', ['Tue Nov 24 at 9:00 AM'], 'compact', false); // 82
 */
export const bodyLength = (
  practice: string,
  channel: Channel,
  whens: readonly string[],
  form: ReminderForm,
  household: boolean,
): number => {
  let list = 0;
  for (const w of whens) list += w.length;
  if (whens.length > 1) list += LIST_COMMA.length * (whens.length - 2) + LIST_AND.length;
  return form === 'compact'
    ? practice.length + COMPACT_OPEN.length + list + COMPACT_CLOSE.length
    : practice.length +
        FULL_OPEN.length +
        whoseOf(whens.length, household).length +
        FULL_ON.length +
        list +
        FULL_CLOSE.length +
        replyOf(channel).length +
        1 +
        OPT_OUT[channel].length;
};

/** GSM 03.38 characters that take two septets (the escape table): ^ { } \\ [ ~ ] |. */
const GSM_EXTENDED = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (const ch of '^{}\\[~]|') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Whether a text fits one SMS. Length of an SMS body against a limit: ASCII text counts in GSM-7 (extension characters twice);
 * any other character makes the whole message UCS-2, whose segment holds 70 characters (reference
 * edge case 20). Conservative: some non-ASCII letters are in GSM-7, but none is counted as such.
 *
 * @param body - the text
 * @param limit - characters allowed in GSM-7
 * @returns true when it fits
 * @example
 * fitsSms('See you Tuesday', 160); // true
 */
export const fitsSms = (body: string, limit: number): boolean => {
  let septets = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 10 && c !== 13)) return body.length <= Math.min(limit, 70);
    septets += 1 + (GSM_EXTENDED[c] as number);
  }
  return septets <= limit;
};
