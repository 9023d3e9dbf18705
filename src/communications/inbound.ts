/**
 * A reply received on a patient's number, turned into what the office records and does: consent
 * events with the reply as evidence, the patient a confirmation or decline belongs to, and what
 * staff must decide. Two traps of real systems are handled (reference §1.3, §6, §7 cases 17 and
 * 18):
 * - a "YES" from a number that opted out re-subscribes it at platforms that treat YES as an opt-in
 *   keyword (Twilio), so the local consent record must follow, or be flagged out of sync;
 * - a family phone shared by several patients: a reply is attributed to a patient only when the
 *   number resolves to exactly one, otherwise staff decide (carlos-emr/carlos #3842); a STOP is
 *   honoured at once for every patient on the number, an opt-in never spreads by itself.
 */
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { PatientId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import type { PhoneE164 } from '../records/phone.js';
import { latestConsent } from './consent.js';
import { inputError, type CommunicationsInputError } from './errors.js';
import type { ConsentEvent, PatientContact } from './model.js';
import { interpretReply, type ReplyMeaning } from './replies.js';

/** A reply received from a number: the text, when, on which channel, and the platform's message id. */
export interface InboundReply {
  /** The number the reply came from, E.164. */
  readonly from: PhoneE164;
  readonly text: string;
  readonly at: IsoInstant;
  /** `sms` by default; `voice` for a key press or spoken reply to an automated call. */
  readonly channel?: 'sms' | 'voice';
  /** The platform's id of the inbound message, recorded as the evidence of a consent change. */
  readonly evidence?: string;
}

/** Messaging platforms whose default keyword handling the reference documents. */
export type MessagingPlatform = 'twilio' | 'aws' | 'telnyx';

/**
 * Replies each platform treats as an opt-in by default, re-subscribing an opted-out number before
 * the application sees them (reference §1.3: Twilio START, YES, UNSTOP as documented by Braze; AWS
 * End User Messaging START or UNSTOP; Telnyx START, UNSTOP).
 */
export const PLATFORM_OPT_IN: Readonly<Record<MessagingPlatform, readonly string[]>> = {
  twilio: ['start', 'yes', 'unstop'],
  aws: ['start', 'unstop'],
  telnyx: ['start', 'unstop'],
};

/** Why staff must look at a reply. */
export type ReplyStaffReason =
  | 'reply.unknown-number'
  | 'reply.shared-number'
  | 'reply.consent-out-of-sync'
  | 'reply.cancel-keyword'
  | 'reply.decline'
  | 'reply.free-text';

/** Something staff must decide or do, with a sentence naming the rule (never the reply's text). */
export interface ReplyStaffTask {
  readonly reason: ReplyStaffReason;
  readonly message: string;
}

/** What a reply means for the office. */
export interface ReplyOutcome {
  readonly meaning: ReplyMeaning;
  /** Every patient whose contact record carries the number. */
  readonly patients: readonly PatientId[];
  /**
   * The one patient the reply is about, when the number resolves to exactly one: a confirmation or
   * decline applies to their appointment. Absent for a shared or unknown number.
   */
  readonly attributedTo?: PatientId;
  /** Consent events to append to each patient's log (evidence: the reply). */
  readonly consent: readonly { readonly patient: PatientId; readonly event: ConsentEvent }[];
  readonly staff: readonly ReplyStaffTask[];
}

/** Options of `readReply`. */
export interface ReadReplyOptions {
  /**
   * The platform the practice texts through. Its opt-in keywords (`PLATFORM_OPT_IN`) re-subscribe
   * an opted-out number, so such a reply from one patient's number records a `granted` event to
   * keep the log in step: naming the platform is the practice's policy decision. Absent: no grant
   * is recorded for a YES, and staff are told the platform may have re-subscribed the number.
   */
  readonly platform?: MessagingPlatform;
}

const STAFF_MESSAGES: Readonly<Record<ReplyStaffReason, string>> = {
  'reply.unknown-number': 'no patient contact carries the sending number: match it to a patient by hand',
  'reply.shared-number':
    'several patients share the sending number: staff decide which patient the reply concerns and which patients a STOP or START covers (every patient on the number is held from texts meanwhile)',
  'reply.consent-out-of-sync':
    'an opt-in keyword came from an opted-out number: the messaging platform may have re-subscribed it while the consent log still says revoked',
  'reply.cancel-keyword':
    'CANCEL opts the number out (carriers and FCC 24-24) but may have meant the appointment: follow up about it',
  'reply.decline': 'the patient cannot come or wants to reschedule',
  'reply.free-text': 'the reply is not a keyword: a person reads it (never an "invalid response")',
};

/** Longest evidence a consent event keeps (ConsentEventSchema). */
const MAX_EVIDENCE = 200;

/** Every keyword some documented platform treats as an opt-in. */
const ANY_PLATFORM_OPT_IN: ReadonlySet<string> = new Set(Object.values(PLATFORM_OPT_IN).flat());

/**
 * Reads a reply received on a patient's number: what it means (`interpretReply`), whom it is
 * about, which consent events to record, and what staff must decide.
 *
 * - The number is matched against `contacts[].phone`. A confirmation or decline is attributed only
 *   when exactly one patient has the number; a shared family phone or an unknown number goes to
 *   staff (carlos-emr/carlos #3842: resolve the sender to exactly one patient, otherwise queue).
 * - A STOP (or CANCEL, or any opt-out wording) records a `revoked` event on the reply's channel for
 *   every patient on the number: revocations are honoured at once (FCC 24-24; the health-care
 *   exemption says immediately) and the platform blocks the whole number anyway. On a shared
 *   number staff then decide whom it was meant to cover.
 * - A START or UNSTOP records a `granted` event only for a number of one patient; on a shared
 *   number nobody is opted in by the reply alone.
 * - A YES from an opted-out patient (reference edge case 17): with `options.platform` naming a
 *   platform that treats YES as an opt-in (Twilio), the number is subscribed again there, so a
 *   `granted` event is recorded to keep the log in step; without a platform, no grant and a
 *   `reply.consent-out-of-sync` task. The YES still confirms the appointment.
 *
 * Events carry the reply's instant and its `evidence` id. Messages name rules, never the reply's
 * text or the number.
 *
 * @param reply - the number, text, instant, channel and evidence id of the reply
 * @param contacts - patients' contact records (those with a `phone` can be matched)
 * @param options - `platform`: the messaging platform, whose opt-in keywords the log follows
 * @returns `Right(outcome)`, or `Left` `communications.invalid-instant` (field `reply.at`)
 * @example
 * import { isoInstant } from 'medoffice/core';
 * import { normalizePhone } from 'medoffice/records';
 * import { parsePatientContact, readReply } from 'medoffice/communications';
 *
 * const phone = normalizePhone('(617) 555-0134');
 * const contact = parsePatientContact({ patient: 'p1', phone: '+16175550134', preferences: ['sms'], consent: [] });
 * if (phone._tag === 'Right' && contact._tag === 'Right') {
 *   const reply = { from: phone.right.e164, text: 'YES', at: isoInstant('2026-11-20T18:05:00-05:00') };
 *   readReply(reply, [contact.right], { platform: 'twilio' }); // Right: a confirmation attributed to p1
 * }
 */
export const readReply = (
  reply: InboundReply,
  contacts: readonly PatientContact[],
  options: ReadReplyOptions = {},
): Either<CommunicationsInputError, ReplyOutcome> => {
  const atMs = instantToMs(reply.at);
  if (!Number.isFinite(atMs))
    return err(
      inputError(
        'communications.invalid-instant',
        'reply.at',
        'at must be an ISO 8601 instant with an offset',
      ),
    );
  const channel = reply.channel ?? 'sms';
  const meaning = interpretReply(reply.text);
  const onNumber: PatientContact[] = [];
  for (const c of contacts)
    if (c.phone === reply.from && !onNumber.some((o) => o.patient === c.patient)) onNumber.push(c);
  const patients = onNumber.map((c) => c.patient);
  const single = onNumber.length === 1 ? onNumber[0] : undefined;
  const evidence =
    `inbound ${channel} reply${reply.evidence === undefined ? '' : ` ${reply.evidence}`}`.slice(
      0,
      MAX_EVIDENCE,
    );
  const event = (kind: ConsentEvent['kind']): ConsentEvent => ({ channel, kind, at: reply.at, evidence });
  const consent: { patient: PatientId; event: ConsentEvent }[] = [];
  const staff: ReplyStaffTask[] = [];
  const task = (reason: ReplyStaffReason): void => {
    if (!staff.some((t) => t.reason === reason)) staff.push({ reason, message: STAFF_MESSAGES[reason] });
  };

  if (onNumber.length === 0) task('reply.unknown-number');
  else if (single === undefined && meaning.intent !== 'help') task('reply.shared-number');

  switch (meaning.intent) {
    case 'stop':
      for (const c of onNumber) consent.push({ patient: c.patient, event: event('revoked') });
      if (meaning.keyword === 'cancel') task('reply.cancel-keyword');
      break;
    case 'start':
      if (single !== undefined) consent.push({ patient: single.patient, event: event('granted') });
      break;
    case 'confirm': {
      const keyword = meaning.keyword ?? '';
      if (!ANY_PLATFORM_OPT_IN.has(keyword)) break;
      const optedOut = onNumber.filter((c) => latestConsent(c, channel, atMs) === 'revoked');
      if (optedOut.length === 0) break;
      const platformOptsIn =
        options.platform !== undefined && PLATFORM_OPT_IN[options.platform].includes(keyword);
      if (platformOptsIn && single !== undefined)
        consent.push({ patient: single.patient, event: event('granted') });
      else if (options.platform === undefined || platformOptsIn) task('reply.consent-out-of-sync');
      break;
    }
    case 'cancel':
      task('reply.decline');
      break;
    case 'unknown':
      task('reply.free-text');
      break;
    case 'help':
      break;
  }
  const outcome = { meaning, patients, consent, staff };
  const attributable =
    meaning.intent === 'confirm' || meaning.intent === 'cancel' || meaning.intent === 'stop';
  return ok(single !== undefined && attributable ? { ...outcome, attributedTo: single.patient } : outcome);
};
