/**
 * Channel permission from a patient's consent log, evaluated at one instant.
 */
import { instantToMs } from '../core/calendar.js';
import { isFictionalPhone } from '../records/phone.js';
import type { Channel, PatientContact } from './model.js';

/**
 * Channels that need a `granted` event: automated calls and texts to a wireless number need prior
 * express consent (TCPA, 47 U.S.C. 227; the FCC treats texts as calls). E-mail and portal messages
 * are permitted until the patient opts out.
 */
const NEEDS_GRANT: ReadonlySet<Channel> = new Set(['sms', 'voice']);

/** Channels that reach the patient's phone number. */
const PHONE_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'voice']);

/**
 * Whether the patient allows a channel at an instant: the latest consent event at or before `atMs`
 * on that channel decides (events after it are not yet known to have happened). A phone number in
 * the block reserved for fiction (555-0100 to 555-0199, NANPA) is test data: texts and calls to it
 * are never permitted, whatever the consent log says, so test records are never dialled or texted.
 *
 * @param contact - the patient's preferences and consent log
 * @param channel - the channel asked about
 * @param atMs - the instant, epoch milliseconds
 * @returns true when the channel may be used
 * @example
 * channelPermitted({ patient: patientId('p1'), preferences: ['email'], consent: [] }, 'email', 0); // true
 */
export const channelPermitted = (contact: PatientContact, channel: Channel, atMs: number): boolean => {
  if (PHONE_CHANNELS.has(channel) && contact.phone !== undefined && isFictionalPhone(contact.phone))
    return false;
  const latest = latestConsent(contact, channel, atMs);
  return latest === undefined ? !NEEDS_GRANT.has(channel) : latest === 'granted';
};

/**
 * The kind of the latest consent event on a channel at or before an instant.
 *
 * @param contact - the patient's preferences and consent log
 * @param channel - the channel asked about
 * @param atMs - the instant, epoch milliseconds
 * @returns `granted`, `revoked`, or undefined when the log says nothing yet
 * @example
 * latestConsent({ patient: patientId('p1'), preferences: [], consent: [] }, 'sms', 0); // undefined
 */
export const latestConsent = (
  contact: PatientContact,
  channel: Channel,
  atMs: number,
): 'granted' | 'revoked' | undefined => {
  let latestMs = Number.NEGATIVE_INFINITY;
  let latest: 'granted' | 'revoked' | undefined;
  for (const e of contact.consent) {
    if (e.channel !== channel) continue;
    const ms = instantToMs(e.at);
    // Ties: a revocation recorded at the same instant as a grant wins (the safe reading).
    if (ms <= atMs && (ms > latestMs || (ms === latestMs && e.kind === 'revoked'))) {
      latestMs = ms;
      latest = e.kind;
    }
  }
  return latest;
};

/**
 * The first channel in the patient's preference order that is permitted at `atMs`.
 *
 * @param contact - the patient's preferences and consent log
 * @param atMs - the instant, epoch milliseconds
 * @returns the channel, or undefined when none is permitted
 * @example
 * preferredChannel({ patient: patientId('p1'), preferences: ['sms', 'email'], consent: [] }, 0); // 'email'
 */
export const preferredChannel = (contact: PatientContact, atMs: number): Channel | undefined =>
  contact.preferences.find((c) => channelPermitted(contact, c, atMs));

/**
 * The channel that reaches a patient apart from their phone number: the first of their
 * preferences that is not SMS or voice (e-mail, portal) and that the consent log permits at `atMs`.
 * Used when a shared phone's message of the day went to another patient on the number.
 *
 * @param contact - the patient's preferences and consent log
 * @param atMs - the instant, epoch milliseconds
 * @returns the channel, or undefined when the patient has no such preference permitted
 * @example
 * apartFromPhone({ patient: patientId('p1'), preferences: ['sms', 'portal'], consent: [] }, 0); // 'portal'
 */
export const apartFromPhone = (contact: PatientContact, atMs: number): Channel | undefined =>
  contact.preferences.find((c) => !PHONE_CHANNELS.has(c) && channelPermitted(contact, c, atMs));
