/**
 * Red-flag statements a front-office script escalates at once, with their sources, and the context
 * rules that keep a keyword from escalating when it should not (negation, history), tuned to
 * over-escalate: a false negative is the dangerous direction.
 *
 * Sources: American Heart Association "Warning Signs of a Heart Attack" (heart.org); American Stroke
 * Association F.A.S.T. (and BE FAST for vision); AHA/EMS guidance on severe shortness of breath;
 * 988 Suicide & Crisis Lifeline (988lifeline.org); other items commonly scripted by practices
 * (unconsciousness, seizure, severe bleeding, anaphylaxis, worst headache).
 */
import { phrases, type Phrase, type PhraseMatch } from './phrases.js';
import type { Tokens } from './tokens.js';

/** What the caller is told: a fixed, practice-approved instruction, never advice. */
export type EscalationCode = 'call-911' | 'call-988' | 'nurse-now';

/** The red-flag rules and the instruction each gives. */
export const RED_FLAG_RULES = {
  'red-flag.heart-attack': 'call-911',
  'red-flag.stroke': 'call-911',
  'red-flag.breathing': 'call-911',
  'red-flag.suicide': 'call-988',
  'red-flag.threat-to-others': 'call-911',
  'red-flag.other-emergency': 'call-911',
} as const satisfies Readonly<Record<string, EscalationCode>>;

/** A red-flag rule id. */
export type RedFlagRule = keyof typeof RED_FLAG_RULES;

/** The default red-flag phrases (slots by spaces, alternatives by `/`). */
export const RED_FLAG_PHRASES: readonly Phrase[] = [
  ...phrases('red-flag.heart-attack', [
    'chest pain/pains/hurts/hurting/hurt/pressure/tight/tightness/discomfort/squeezing/heavy/heaviness/ache/aching/burning',
    'pain/pains/pressure/tightness/discomfort/squeezing/heaviness/ache chest',
    'heart attack',
    'left arm pain/numb/numbness/tingling',
    'cold sweat/sweats',
  ]),
  ...phrases('red-flag.stroke', [
    'face/facial droop/drooping/droopy/drooped/numb/numbness',
    'drooping/droopy face/mouth/smile',
    'slurred/slurring speech/words/talking',
    'cant/cannot speak/talk',
    'can not speak/talk',
    'arm/leg weakness/weak/numb',
    'weak/numb arm/leg',
    'cant/cannot lift/raise/move arm/arms/leg',
    'can not lift/raise/move arm/arms/leg',
    'stroke/strokes',
    'vision loss',
    'lost/losing vision/sight',
    'sudden blindness',
  ]),
  ...phrases('red-flag.breathing', [
    'cant/cannot breathe/breath/breathing',
    'can not breathe/breath/breathing',
    'shortness of breath',
    'short of breath',
    'trouble/difficulty/hard/struggling/struggle breathing/breathe/breath',
    'not/stopped/isnt breathing',
    'blue/gray/grey lips/face',
    'lips blue/gray/grey',
    'choking',
  ]),
  ...phrases('red-flag.suicide', [
    'suicidal/suicide/sucidal/suicidel/suiside/sucide',
    'kill/killing myself',
    'end/ending my/own life',
    'take my/own life',
    'want/wanna die',
    'hurt/hurting/harm/harming myself',
    'self harm/harming',
    'better off dead',
    'no reason to live',
  ]),
  ...phrases('red-flag.threat-to-others', ['kill/hurt/shoot someone/somebody/everyone', 'going to kill']),
  ...phrases('red-flag.other-emergency', [
    'unconscious/unresponsive/fainted/seizure/seizures/seizing/convulsing/anaphylaxis/anaphylactic/overdose/overdosed',
    'passed out',
    'wont/not stop bleeding',
    'bleeding wont/not stop',
    'bleeding heavily/badly/lot',
    'heavy/severe/lots bleeding',
    'throat/tongue swelling/swollen/closing',
    'worst headache',
    'coughing/vomiting/throwing blood',
    'pregnant bleeding',
  ]),
];

/** Negation cues (NegEx): a red flag after one of these, in the same clause and within reach, is denied. */
const NEGATIONS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'denies',
  'denied',
  'deny',
  'without',
  'never',
  'negative',
  'nor',
]);
/** Words after `not` that make it no negation ("not sure"). */
const PSEUDO_NEGATION: ReadonlySet<string> = new Set(['sure', 'only', 'certain']);
/** Words a negation reaches over: a list such as "no chest pain or shortness of breath". */
const NEGATION_REACH = 6;
/** Words read around a mention for history and hypothetical cues (bounded: linear in the text). */
const CONTEXT_REACH = 12;
/** Cues that a mention is history, not a current symptom ("history of stroke", "in 2019"). */
const HISTORY: ReadonlySet<string> = new Set(['history', 'hx']);
/** Cues of a hypothetical ("what should I do if I get chest pain"): a nurse, not 911. */
const HYPOTHETICAL: ReadonlySet<string> = new Set(['if', 'whether']);

/** How a red-flag mention reads in its clause. */
export type RedFlagReading = 'current' | 'negated' | 'historical' | 'hypothetical';

const isYear = (w: string): boolean => {
  if (w.length !== 4) return false;
  for (let i = 0; i < 4; i++) if (w.charCodeAt(i) < 48 || w.charCodeAt(i) > 57) return false;
  return w >= '1900' && w <= '2099';
};

/**
 * How a red-flag match reads in its clause: denied by a negation cue before it (within reach, not
 * part of the phrase itself, as in "can not breathe"), history ("history of", a year), a
 * hypothetical ("if"), or current. Experiencer does not matter: "my wife can't lift her arm" is
 * current.
 *
 * @param tokens - the message's words
 * @param match - a red-flag match
 * @returns its reading
 * @example
 * import { tokenize } from './tokens.js';
 * readRedFlag(tokenize('no chest pain'), { rule: 'red-flag.heart-attack', first: 1, last: 2 }); // 'negated'
 */
export const readRedFlag = (tokens: Tokens, match: PhraseMatch): RedFlagReading => {
  const { words, clauses } = tokens;
  const clause = clauses[match.first];
  let reading: RedFlagReading = 'current';
  for (let j = match.first - 1; j >= 0 && j >= match.first - CONTEXT_REACH && clauses[j] === clause; j--) {
    const w = words[j] as string;
    if (NEGATIONS.has(w) && match.first - j <= NEGATION_REACH && !PSEUDO_NEGATION.has(words[j + 1] ?? ''))
      return 'negated';
    if (HISTORY.has(w)) reading = 'historical';
    else if (HYPOTHETICAL.has(w) && reading === 'current') reading = 'hypothetical';
  }
  for (let j = match.first; j < words.length && clauses[j] === clause; j++)
    if (isYear(words[j] as string)) return 'historical';
  return reading;
};
