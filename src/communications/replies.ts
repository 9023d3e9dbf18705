/**
 * Reading a patient's reply to a reminder. Keywords follow the carriers' default sets (Twilio,
 * AWS End User Messaging, Telnyx) and FCC 24-24, which makes "stop", "quit", "end", "revoke",
 * "opt out", "cancel" and "unsubscribe" a revocation whatever else the reply says around them.
 */

/** What a reply asks for. `stop` revokes consent on the channel; `start` grants it again. */
export type ReplyIntent = 'confirm' | 'cancel' | 'stop' | 'start' | 'help' | 'unknown';

/** A reply's meaning, the keyword that decided it, and whether staff should follow up. */
export interface ReplyMeaning {
  readonly intent: ReplyIntent;
  /** The normalised keyword or phrase that matched (absent for `unknown`). */
  readonly keyword?: string;
  /**
   * Staff should read it: free text (never answered with "invalid response"), a decline or
   * reschedule request, or a CANCEL that opts out but may have meant the appointment.
   */
  readonly staffFollowUp: boolean;
}

/** Opt-out words, single or first in the reply (FCC 24-24 per-se list and carrier defaults). */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'end',
  'quit',
  'revoke',
  'optout',
  'cancel',
  'remove',
  'arret',
  'arrêt',
]);
/**
 * Opt-out words and phrases anywhere in the reply: a reasonable person reads them as "stop texting
 * me" (FCC 24-24). `end`, `quit` and `cancel` count only first, being common words in sentences.
 */
const STOP_PHRASES: readonly string[] = [
  'stop',
  'unsubscribe',
  'revoke',
  'optout',
  'stopall',
  'opt out',
  'stop all',
  'stop texting',
  'stop messaging',
  'stop sending',
  'stop calling',
  'stop contacting',
  'do not text',
  'dont text',
  'no more texts',
  'no more messages',
  'no more calls',
  'leave me alone',
  'no mas',
  'no más',
];
const START_WORDS: ReadonlySet<string> = new Set(['start', 'unstop', 'subscribe']);
const HELP_WORDS: ReadonlySet<string> = new Set(['help', 'info']);
const CONFIRM_WORDS: ReadonlySet<string> = new Set([
  'c',
  'y',
  'yes',
  'yeah',
  'yep',
  'yup',
  'ya',
  'si',
  'sí',
  'ok',
  'okay',
  'k',
  'confirm',
  'confirmed',
  'confirming',
  '1',
]);
const CONFIRM_PHRASES: readonly string[] = [
  'ill be there',
  'i will be there',
  'see you then',
  'will be there',
];
const DECLINE_WORDS: ReadonlySet<string> = new Set(['n', 'no', 'nope', 'r', 'reschedule', 'resched', '2']);
const DECLINE_PHRASES: readonly string[] = [
  'cant make it',
  'cannot make it',
  'can not make it',
  'cant come',
  'cannot come',
  'wont make it',
  'need to reschedule',
];

/** Lower case, apostrophes dropped, every run of other non-letters one space (linear, no regex). */
const normalise = (text: string): string => {
  let out = '';
  let space = true;
  for (const ch of text.toLowerCase()) {
    if (ch === "'" || ch === '\u2019') continue;
    // Letters of any script (é, í) count; emoji and punctuation do not.
    const letter =
      (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch > '\u007f' && ch !== ch.toUpperCase());
    if (letter) {
      out += ch;
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trimEnd();
};

const phraseIn = (text: string, phrases: readonly string[]): string | undefined =>
  phrases.find((p) => ` ${text} `.includes(` ${p} `));

/** Replies longer than this are free text for staff, whatever keywords they hold. */
const MAX_REPLY_CHARS = 2000;

/**
 * Interprets a reply to a reminder. Case-insensitive; surrounding spaces, punctuation and emoji are
 * ignored ("Stop.", "YES!", "y 👍"). The first word decides single-keyword replies; an opt-out word
 * first or an opt-out phrase anywhere ("Stop. Thank you", "please stop texting me") is `stop`.
 * `CANCEL` is an opt-out (carriers and the FCC treat it so) with `staffFollowUp`, because the
 * patient may have meant the appointment. `N`, `NO` and `R` decline (staff reschedule); `YES`
 * confirms (note: at Twilio it also re-subscribes an opted-out number). Anything else is `unknown`
 * with `staffFollowUp`, never an "invalid response".
 *
 * @param text - the reply as received
 * @returns the intent, the keyword that decided it, and whether staff should follow up
 * @example
 * interpretReply('Stop. Thank you'); // { intent: 'stop', keyword: 'stop', staffFollowUp: false }
 * interpretReply('y'); // { intent: 'confirm', keyword: 'y', staffFollowUp: false }
 */
export const interpretReply = (text: string): ReplyMeaning => {
  if (typeof text !== 'string' || text.length > MAX_REPLY_CHARS)
    return { intent: 'unknown', staffFollowUp: true };
  const t = normalise(text);
  const first = t.split(' ', 1)[0] ?? '';
  if (STOP_WORDS.has(first)) return { intent: 'stop', keyword: first, staffFollowUp: first === 'cancel' };
  const stopPhrase = phraseIn(t, STOP_PHRASES);
  if (stopPhrase !== undefined) return { intent: 'stop', keyword: stopPhrase, staffFollowUp: false };
  const single = t === first;
  if (single && START_WORDS.has(first)) return { intent: 'start', keyword: first, staffFollowUp: false };
  if (single && HELP_WORDS.has(first)) return { intent: 'help', keyword: first, staffFollowUp: false };
  const decline = phraseIn(t, DECLINE_PHRASES);
  if (decline !== undefined) return { intent: 'cancel', keyword: decline, staffFollowUp: true };
  if (DECLINE_WORDS.has(first)) return { intent: 'cancel', keyword: first, staffFollowUp: true };
  if (CONFIRM_WORDS.has(first)) return { intent: 'confirm', keyword: first, staffFollowUp: !single };
  const confirm = phraseIn(t, CONFIRM_PHRASES);
  if (confirm !== undefined) return { intent: 'confirm', keyword: confirm, staffFollowUp: false };
  return { intent: 'unknown', staffFollowUp: true };
};
