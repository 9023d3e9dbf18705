/**
 * Routing calls and portal messages to the queue that answers them, with an urgency and a
 * callback deadline in business time. Administrative only: the output names queues, roles, rules
 * and fixed escalation instructions, never clinical advice.
 */
import * as z from 'zod/mini';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant, IanaZoneSchema } from '../core/time.js';
import {
  addBusinessMinutes,
  businessClock,
  closeOfBusinessDay,
  isOpen,
  sameDayDeadline,
  type BusinessCalendar,
} from './businessTime.js';
import { inputError, type CommunicationsInputError } from './errors.js';
import { compilePhrases, phrases, type Phrase, type PhraseMatcher } from './phrases.js';
import {
  RED_FLAG_PHRASES,
  RED_FLAG_RULES,
  readRedFlag,
  type EscalationCode,
  type RedFlagReading,
  type RedFlagRule,
} from './redFlags.js';
import { parseWith, type ValidationError } from '../core/errors.js';
import { tokenize } from './tokens.js';

/** The queues messages go to. `front-desk` takes what no other queue claims. */
export const QUEUES = [
  'scheduling',
  'refills',
  'billing',
  'referrals-authorizations',
  'results',
  'records',
  'clinical',
  'front-desk',
] as const;
/** A queue messages go to. */
export type Queue = (typeof QUEUES)[number];

/** The role that works each queue (reference §3.2). */
export const QUEUE_ROLES = {
  scheduling: 'front-desk',
  refills: 'medical-assistant',
  billing: 'billing-office',
  'referrals-authorizations': 'referral-coordinator',
  results: 'nurse',
  records: 'health-information-management',
  clinical: 'triage-nurse',
  'front-desk': 'front-desk',
} as const satisfies Readonly<Record<Queue, string>>;

/** How soon a message is answered. */
export type Urgency = 'emergency' | 'urgent' | 'same-day' | 'routine';

/** A callback standard: same business day (before the cutoff), n business days, or business minutes. */
export const CallbackStandardSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same-day') }),
  z.object({ kind: z.literal('business-days'), days: z.int().check(z.gte(1), z.lte(30)) }),
  z.object({ kind: z.literal('business-minutes'), minutes: z.int().check(z.gte(1), z.lte(10_000)) }),
]);
/** A callback standard. */
export type CallbackStandard = z.infer<typeof CallbackStandardSchema>;

/** An incoming call (as noted by staff or transcribed), voicemail, portal message or text. */
export const IncomingMessageSchema = /* @__PURE__ */ z.object({
  text: z.string().check(z.maxLength(100_000)),
  channel: z.enum(['phone', 'voicemail', 'portal', 'sms', 'fax']),
  /** Who is calling: a patient or family member, another provider's office, a pharmacy, a payer. */
  from: z.optional(z.enum(['patient', 'family', 'provider', 'pharmacy', 'payer', 'other'])),
});
/** An incoming call or message. */
export interface IncomingMessage extends z.infer<typeof IncomingMessageSchema> {}

/**
 * Routing rules: the practice's zone (its business calendar defaults to Monday-Friday 08:00-17:00
 * there), callback standards per queue (defaults in {@link DEFAULT_CALLBACKS}), and extra red-flag
 * phrases. Extra phrases add to the built-in AHA/ASA/988 list; they never remove from it.
 */
export const RoutingRulesSchema = /* @__PURE__ */ z.object({
  zone: IanaZoneSchema,
  callbacks: z.optional(z.partialRecord(z.enum(QUEUES), CallbackStandardSchema)),
  /** Extra red-flag phrases (slots by spaces, alternatives by `/`), escalated to a nurse now. */
  extraRedFlags: z.optional(
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(200)),
  ),
});
/** Routing rules. */
export interface RoutingRules extends z.infer<typeof RoutingRulesSchema> {}

/**
 * Parses routing rules.
 *
 * @param input - unknown data
 * @returns `Right(rules)` or `Left` `validation.failed`
 * @example
 * parseRoutingRules({ zone: 'America/New_York', callbacks: { billing: { kind: 'business-days', days: 1 } } });
 */
export const parseRoutingRules = (input: unknown): Either<ValidationError, RoutingRules> =>
  parseWith('RoutingRules', RoutingRulesSchema, input);

/**
 * Parses an incoming message.
 *
 * @param input - unknown data
 * @returns `Right(message)` or `Left` `validation.failed`
 * @example
 * parseIncomingMessage({ text: 'Need a refill', channel: 'portal', from: 'patient' });
 */
export const parseIncomingMessage = (input: unknown): Either<ValidationError, IncomingMessage> =>
  parseWith('IncomingMessage', IncomingMessageSchema, input);

/**
 * Default callback standards (common practice, reference §3.2 and §3.4; no national norm):
 * scheduling the same business day; refills, billing, referrals, results and records within two
 * business days; clinical questions without red flags the same day.
 */
export const DEFAULT_CALLBACKS: Readonly<Record<Queue, CallbackStandard>> = {
  scheduling: { kind: 'same-day' },
  refills: { kind: 'business-days', days: 2 },
  billing: { kind: 'business-days', days: 2 },
  'referrals-authorizations': { kind: 'business-days', days: 2 },
  results: { kind: 'business-days', days: 2 },
  records: { kind: 'business-days', days: 2 },
  clinical: { kind: 'same-day' },
  'front-desk': { kind: 'same-day' },
};
/** Nurse callback for an urgent clinical message or another provider's call (reference §3.4: 30-60 minutes). */
const URGENT_MINUTES = 60;
const PROVIDER_MINUTES = 30;

/** Fixed escalation wording (practice-approved scripts; instructions, not advice). */
export const ESCALATION_TEXT: Readonly<Record<EscalationCode, string>> = {
  'call-911': 'If this is a medical emergency, hang up and call 911 now. A nurse is being notified.',
  'call-988':
    'If you are thinking about suicide or might hurt yourself, call or text 988 (Suicide & Crisis Lifeline) now. If you are in immediate danger, call 911. A nurse is being notified.',
  'nurse-now': 'A nurse is being notified now. If this is a medical emergency, call 911.',
};
/** The portal's after-hours auto-reply (reference §3.4). */
export const AFTER_HOURS_REPLY =
  'This inbox is not monitored after hours. If this is a medical emergency, call 911. For a mental health crisis, call or text 988.';

/** A red-flag mention: the rule, how it reads in its clause, and where it is (UTF-16 offsets). */
export interface RedFlagMatch {
  readonly rule: RedFlagRule | 'red-flag.practice';
  readonly reading: RedFlagReading;
  readonly start: number;
  readonly end: number;
}

/** An administrative intent found in the message, with the rule and where. */
export interface IntentMatch {
  readonly queue: Queue;
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

/** Where a message goes, how urgent it is, by when it is answered, and why. */
export interface RoutedMessage {
  readonly queue: Queue;
  readonly role: (typeof QUEUE_ROLES)[Queue];
  readonly urgency: Urgency;
  /** When the callback is due; for an escalation, the receipt itself (now). */
  readonly callbackBy: IsoInstant;
  /** The rule that decided the route, such as `red-flag.heart-attack` or `intent.billing`. */
  readonly rule: string;
  /** The escalation to give at once, with its fixed wording. */
  readonly escalation?: { readonly code: EscalationCode; readonly text: string };
  /** Every red-flag mention, current or not (each logged with its span). */
  readonly redFlags: readonly RedFlagMatch[];
  /** Every administrative intent, so that a billing question beside a red flag is not lost. */
  readonly intents: readonly IntentMatch[];
  readonly afterHours: boolean;
  /** The auto-reply a portal message gets after hours. */
  readonly autoReply?: string;
}

/** Intent phrases per queue (common front-office vocabulary). */
const INTENT_PHRASES: readonly Phrase[] = [
  ...phrases('intent.scheduling', [
    'appointment/appointments/appt/appts/schedule/reschedule/resched/rebook/booking/cancellation/availability',
    'cancel/move/change my/the appointment/appt/visit',
    'book/make/need appointment/appt/visit',
  ]),
  ...phrases('intent.refills', [
    'refill/refills/prescription/prescriptions/rx/pharmacy/renewal/meds',
    'ran out',
    'renew medication/medications',
  ]),
  ...phrases('intent.billing', [
    'bill/billing/billed/statement/balance/invoice/payment/copay/deductible/refund/charge/charges/charged/insurance',
    'payment plan',
    'pay my',
  ]),
  ...phrases('intent.referrals-authorizations', [
    'referral/referrals/authorization/preauthorization/preauth/precertification',
    'prior auth/authorization',
    'refer me',
  ]),
  ...phrases('intent.results', [
    'result/results/labs/bloodwork/xray/mri/ultrasound',
    'lab/blood/test work/results/report',
    'ct scan',
  ]),
  ...phrases('intent.records', [
    'records/fmla/disability/paperwork',
    'medical/health record/records',
    'school/work/camp/sports form/forms/note/letter',
    'fill form/forms',
  ]),
  ...phrases('intent.clinical', [
    'pain/fever/cough/coughing/rash/sick/hurts/vomiting/nausea/dizzy/dizziness/headache/swelling/swollen/infection/bleeding/diarrhea/sore/symptoms/symptom/injury/injured/fell/burn/itching/worse/side',
  ]),
];
/** Words that make a clinical message urgent (a nurse within the hour, in business time). */
const URGENT_WORDS: ReadonlySet<string> = new Set([
  'severe',
  'urgent',
  'worse',
  'worsening',
  'emergency',
  'unbearable',
  'asap',
  'high',
]);

const QUEUE_OF_RULE = new Map<string, Queue>(QUEUES.map((q) => [`intent.${q}`, q]));
/** Order in which intents claim the route when several are present: the most clinical first. */
const PRIORITY: readonly Queue[] = [
  'clinical',
  'results',
  'refills',
  'referrals-authorizations',
  'records',
  'scheduling',
  'billing',
  'front-desk',
];

const defaultMatchers = {
  redFlags: compilePhrases(RED_FLAG_PHRASES),
  intents: compilePhrases(INTENT_PHRASES),
};
/** Matchers with a practice's extra red flags, per list of phrases (bounded). */
const extraMatchers = new Map<string, PhraseMatcher>();
const EXTRA_MEMO_LIMIT = 32;
const redFlagMatcher = (extra: readonly string[] | undefined): PhraseMatcher => {
  if (extra === undefined || extra.length === 0) return defaultMatchers.redFlags;
  const key = extra.join('\n');
  let m = extraMatchers.get(key);
  if (m === undefined) {
    m = compilePhrases([
      ...RED_FLAG_PHRASES,
      ...phrases(
        'red-flag.practice',
        extra.map((s) => s.toLowerCase()),
      ),
    ]);
    if (extraMatchers.size < EXTRA_MEMO_LIMIT) extraMatchers.set(key, m);
  }
  return m;
};

/**
 * Routes an incoming call or message.
 *
 * A current red flag (chest pain, stroke signs, severe breathing difficulty, suicidal thoughts and
 * the other scripted emergencies; list and sources in `redFlags.ts`) wins whatever else the message
 * asks: queue `clinical`, role `triage-nurse`, urgency `emergency`, the fixed 911 or 988
 * instruction, due at once, day or night. A red flag in a hypothetical ("what if I get chest
 * pain") escalates to a nurse now. Negated ("no chest pain"; the scope ends at "but", a semicolon
 * or a sentence end) and historical ("history of stroke", "in 2019") mentions do not escalate but
 * are listed. Misspellings within one letter ("chest pian", "shortnes of breath") and missing
 * apostrophes ("cant breathe") match. Otherwise the most clinical administrative intent found
 * decides (clinical, results, refills, referrals, records, scheduling, billing), and every other
 * intent is kept in `intents`. A message from another provider goes to the clinical line within 30
 * business minutes; a message with no intent goes to the front desk. Deadlines count business time
 * in the calendar (default: Monday-Friday 08:00-17:00 in `rules.zone`; weekend holidays observed on
 * the nearest weekday); a portal message after hours gets the after-hours auto-reply. Matching is
 * linear in the text (no regular expression).
 *
 * @param message - the call or message
 * @param rules - zone, callback standards, extra red flags
 * @param at - when it came in
 * @param calendar - the practice's business calendar (optional)
 * @returns `Right(route)`; `Left` `communications.invalid-instant` (field `at`) or
 *   `communications.no-business-day` (field `calendar`, no open day within ten years)
 * @example
 * const rules = parseRoutingRules({ zone: 'America/New_York' });
 * const at = parseWith('at', IsoInstantSchema, '2026-11-23T09:15:00-05:00');
 * if (isOk(rules) && isOk(at)) routeMessage({ text: 'No chest pain, calling about my statement', channel: 'phone' }, rules.right, at.right);
 * // Right({ queue: 'billing', urgency: 'routine', rule: 'intent.billing', ... })
 */
export const routeMessage = (
  message: IncomingMessage,
  rules: RoutingRules,
  at: IsoInstant,
  calendar?: BusinessCalendar,
): Either<CommunicationsInputError, RoutedMessage> => {
  const atMs = instantToMs(at);
  if (!Number.isFinite(atMs))
    return err(
      inputError('communications.invalid-instant', 'at', 'at must be an ISO 8601 instant with an offset'),
    );
  const clock = businessClock(calendar ?? { zone: rules.zone });
  const text = typeof message.text === 'string' ? message.text : '';
  const tokens = tokenize(text);
  const redFlags: RedFlagMatch[] = redFlagMatcher(rules.extraRedFlags)
    .find(tokens)
    .map((m) => ({
      rule: m.rule as RedFlagMatch['rule'],
      reading: readRedFlag(tokens, m),
      start: tokens.starts[m.first] ?? 0,
      end: tokens.ends[m.last] ?? 0,
    }));
  // A denied or past symptom ("no fever") is not a clinical question.
  const intents: IntentMatch[] = defaultMatchers.intents
    .find(tokens)
    .filter((m) => m.rule !== 'intent.clinical' || readRedFlag(tokens, m) === 'current')
    .map((m) => ({
      queue: QUEUE_OF_RULE.get(m.rule) ?? 'front-desk',
      rule: m.rule,
      start: tokens.starts[m.first] ?? 0,
      end: tokens.ends[m.last] ?? 0,
    }));
  const afterHours = !isOpen(clock, atMs);
  const common = {
    redFlags,
    intents,
    afterHours,
    ...(afterHours && message.channel === 'portal' ? { autoReply: AFTER_HOURS_REPLY } : {}),
  };

  const current = redFlags.filter((f) => f.reading === 'current' || f.reading === 'hypothetical');
  if (current.length > 0) {
    const code = escalationOf(current);
    const first = current.find((f) => f.reading === 'current') ?? (current[0] as RedFlagMatch);
    return ok({
      queue: 'clinical',
      role: QUEUE_ROLES.clinical,
      urgency: 'emergency',
      callbackBy: formatInstant(atMs, rules.zone),
      rule: first.rule,
      escalation: { code, text: ESCALATION_TEXT[code] },
      ...common,
    });
  }

  const fromProvider = message.from === 'provider';
  const queue: Queue = fromProvider
    ? 'clinical'
    : (PRIORITY.find((q) => intents.some((i) => i.queue === q)) ?? 'front-desk');
  const urgent = fromProvider || (queue === 'clinical' && tokens.words.some((w) => URGENT_WORDS.has(w)));
  const standard: CallbackStandard = fromProvider
    ? { kind: 'business-minutes', minutes: PROVIDER_MINUTES }
    : urgent
      ? { kind: 'business-minutes', minutes: URGENT_MINUTES }
      : (rules.callbacks?.[queue] ?? DEFAULT_CALLBACKS[queue]);
  const due =
    standard.kind === 'same-day'
      ? sameDayDeadline(clock, atMs)
      : standard.kind === 'business-days'
        ? closeOfBusinessDay(clock, atMs, standard.days)
        : addBusinessMinutes(clock, atMs, standard.minutes);
  if (due === undefined)
    return err(
      inputError(
        'communications.no-business-day',
        'calendar',
        'calendar has no open business day within ten years',
      ),
    );
  return ok({
    queue,
    role: QUEUE_ROLES[queue],
    urgency: urgent ? 'urgent' : standard.kind === 'same-day' ? 'same-day' : 'routine',
    callbackBy: formatInstant(due, clock.zone),
    rule: fromProvider ? 'from.provider' : queue === 'front-desk' ? 'default.front-desk' : `intent.${queue}`,
    ...common,
  });
};

/** 911 for any current emergency flag (its wording covers the rest); 988 for suicidal thoughts; a nurse for hypotheticals and practice flags. */
const escalationOf = (flags: readonly RedFlagMatch[]): EscalationCode => {
  const codes = flags.map((f) =>
    f.reading === 'current' && f.rule !== 'red-flag.practice' ? RED_FLAG_RULES[f.rule] : undefined,
  );
  if (codes.includes('call-911')) return 'call-911';
  if (codes.includes('call-988') || flags.some((f) => f.rule === 'red-flag.suicide')) return 'call-988';
  return 'nurse-now';
};
