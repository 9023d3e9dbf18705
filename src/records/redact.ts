/**
 * De-identification after HIPAA Safe Harbor, 45 CFR §164.514(b)(2) (records reference §5): a
 * per-field projection of structured records, and a conservative pattern pass for free text.
 */
import type { IsoDate } from '../core/calendar.js';
import type { Patient } from './model.js';
import { patientAgeOn } from './readiness.js';

/**
 * 3-digit ZIP areas with 20,000 people or fewer (2000 census, as listed by HHS): Safe Harbor
 * replaces them with `000`. HHS asks to re-derive the list from current census data (unverified).
 */
export const SAFE_HARBOR_RESTRICTED_ZIP3: ReadonlySet<string> = new Set([
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893',
]); // prettier-ignore

/** How to de-identify. */
export interface RedactionPolicy {
  /** Date ages are computed on (rule C: ages over 89). */
  readonly asOf: IsoDate;
  /**
   * Re-identification code for the record (§164.514(c)): e.g. an HMAC of the id with a secret the
   * caller holds. It must not be derived from PHI without a secret. Omitted: no code.
   */
  readonly pseudonym?: (patientId: string) => string;
  /** Extra patterns for free text, such as the clinic's MRN format, each with its label. */
  readonly patterns?: readonly { readonly label: string; readonly pattern: RegExp }[];
  /**
   * For free text: a record whose identifying values (names, street, city, phones, emails,
   * identifiers, relatives' names) are removed wherever they appear, beyond the patterns.
   */
  readonly patient?: Patient;
}

/** A Safe Harbor projection of a patient: only what the rule allows to keep. */
export interface RedactedPatient {
  /** The caller's re-identification code, when a `pseudonym` function was given. */
  readonly pseudonym?: string;
  /** Year of birth, or undefined when the patient is 90 or older. */
  readonly birthYear?: number;
  /** Age in years on `asOf`, or `'90+'`. */
  readonly age: number | '90+';
  /** Administrative sex. */
  readonly sex: Patient['sex'];
  /** State of the first address (a state is not a smaller subdivision). */
  readonly state?: string;
  /** First 3 ZIP digits, `000` for restricted areas. */
  readonly zip3?: string;
  /** Preferred language. */
  readonly language?: string;
  /** Consent kinds with the year signed (and expiring). */
  readonly consents: readonly {
    readonly kind: string;
    readonly signedYear: number;
    readonly expiresYear?: number;
  }[];
  /** Identifier kinds present (values dropped). */
  readonly identifierKinds: readonly string[];
}

/** Free text after the pattern pass. */
export interface RedactedText {
  /** The text with identifiers replaced by `[REDACTED:<LABEL>]` (dates keep their year). */
  readonly text: string;
  /** How many replacements of each label. */
  readonly counts: Readonly<Record<string, number>>;
}

const year = (d: string): number => Number(d.slice(0, 4));

const redactRecord = (p: Patient, policy: RedactionPolicy): RedactedPatient => {
  const age = patientAgeOn(p.birthDate, policy.asOf);
  const over89 = age > 89;
  const address = p.addresses[0];
  const zip = address?.postalCode?.replace(/\D/g, '').slice(0, 3);
  const us = address?.country === 'US' || address?.country === 'USA';
  const language = p.communication?.language;
  return {
    ...(policy.pseudonym ? { pseudonym: policy.pseudonym(p.id) } : {}),
    ...(over89 ? {} : { birthYear: year(p.birthDate) }),
    age: over89 ? '90+' : Math.max(0, age),
    sex: p.sex,
    ...(address?.state !== undefined && us ? { state: address.state } : {}),
    ...(zip !== undefined && zip.length === 3 && us
      ? { zip3: SAFE_HARBOR_RESTRICTED_ZIP3.has(zip) ? '000' : zip }
      : {}),
    ...(language !== undefined ? { language } : {}),
    consents: p.consents.map((c) => ({
      kind: c.kind,
      signedYear: year(c.signedOn),
      ...(c.expiresOn !== undefined ? { expiresYear: year(c.expiresOn) } : {}),
    })),
    identifierKinds: [...new Set(p.identifiers.map((i) => i.kind))],
  };
};

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]+\.[A-Za-z]{2,}/y;

/**
 * Replaces what `/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g` matches, found outwards from
 * each `@`: as one unanchored pattern, every character of a long word would start a new attempt
 * that rescans the word (quadratic). The local part starts where its run of allowed characters
 * does, but not before the end of the previous replacement, as the global pattern's search would.
 */
const replaceEmails = (text: string, replacement: () => string): string => {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (start === at || !EMAIL_DOMAIN.test(text)) continue;
    out += text.slice(copied, start) + replacement();
    copied = EMAIL_DOMAIN.lastIndex;
    at = copied - 1;
  }
  return out + text.slice(copied);
};

// Street suffixes (USPS Publication 28, the common ones) and unit designators.
const STREET_SUFFIX =
  'street|st|avenue|ave|road|rd|drive|dr|lane|ln|court|ct|boulevard|blvd|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq';
const UNIT = 'apt|apartment|unit|suite|ste|#';
// USPS two-letter codes of the states, DC, territories and military "states" (USPS Publication 28,
// Appendix B), the same set as standardizeAddressText reads.
const US_STATE_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|VI|GU|AS|MP|AA|AE|AP';

/**
 * Built-in free-text patterns after e-mail addresses, in the order applied (longer, more specific
 * first). A capture group 1, when present, is text to keep before the replacement. Each is linear
 * (eslint-plugin-regexp holds src to it): every space run belongs to one part, and the repeated
 * words of a street name are bounded.
 */
const TEXT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['URL', /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi],
  ['IP', /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g],
  ['IP', /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi],
  // A label (SSN, SS#, social security no. / number / #) and its 9 digits, however separated; the
  // label is kept (group 1). Then 3-2-4 digit groups separated by dashes or spaces, unlabelled.
  [
    'SSN',
    /\b((?:SSN|SS#|social security(?: (?:no\.?|number|num\.?|#))?)\s*(?:#\s*)?(?::\s*)?)\d{3}[\s-]?\d{2}[\s-]?\d{4}\b/gi,
  ],
  ['SSN', /\b\d{3}(?:-\d{2}-| \d{2} )\d{4}\b/g],
  [
    'MBI',
    /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/gi,
  ],
  ['PHONE', /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}\b/g],
  // Labels read as `label [#|no.|number] [:] value`, each space run owned by the part before it:
  // three adjacent optional \s* would backtrack cubically on a long space run.
  [
    'MRN',
    /\b(?:MRN|medical record(?: number)?|chart)\s*(?:(?:#|no\.?|number)\s*)?(?::\s*)?[A-Z0-9-]{4,}\b/gi,
  ],
  [
    'ACCOUNT',
    /\b(?:acct|account|member(?: id)?|policy|claim|subscriber(?: id)?|group(?: number)?|invoice)\s*(?:(?:#|no\.?|number|id)\s*)?(?::\s*)?[A-Z0-9-]{5,}\b/gi,
  ],
  [
    'DEVICE',
    /\b(?:device(?: (?:id|serial))?|serial(?: number)?|UDI|IMEI|S\/N|MAC(?: address)?)\s*(?:(?:#|no\.?|number)\s*)?(?::\s*)?[A-Z0-9()][A-Z0-9:()-]{4,}/gi,
  ],
  [
    'LICENSE',
    /\b(?:DL|driver'?s? licen[cs]e|licen[cs]e|plate|VIN|certificate)\s*(?:(?:#|no\.?|number)\s*)?(?::\s*)?[A-Z0-9-]{5,}\b/gi,
  ],
  [
    'ADDRESS',
    new RegExp(
      `\\b\\d{1,6}(?: [NSEW]\\.?)?(?: [A-Z][A-Z'-]*){1,4} (?:${STREET_SUFFIX})\\b\\.?(?:,? (?:${UNIT}) ?[A-Z0-9-]{1,6}\\b)?`,
      'gi',
    ),
  ],
  ['ADDRESS', /\b(?:P\.? ?O\.?|post office) ?box ?#?\s*\d{1,7}\b/gi],
  // A ZIP after a whole-word state code (`Cambridge, MA 02139`): any two capitals before it
  // took the end of a procedure-code label for a state (`CPT 99214`, `HCPCS 99214`).
  ['ZIP', new RegExp(`\\b(?<=\\b(?:${US_STATE_CODES})\\s{1,2})\\d{5}(?:-\\d{4})?\\b`, 'g')],
];

const DATE_PATTERNS: readonly RegExp[] = [
  /\b(\d{4})-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  // 1961/07/04, 1961.07.04
  /\b(\d{4})[/.](?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])\b/g,
  // 07/04/1961, 04.07.1961, 7-4-1961
  /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4})\b/g,
  // 19610704: a plausible year, month and day run together
  /\b((?:18|19|20)\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/g,
  new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\.?,? (\\d{4})\\b`, 'gi'),
  // 4 Jul 61, July 4 '61: a 2-digit year, so nothing is kept
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\.?,? '?\\d{2}\\b()`, 'gi'),
  new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? '?\\d{2}\\b()`, 'gi'),
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b()/g,
];

// With the u flag only syntax characters may be escaped (a `\-` is an error), so `-` stays bare.
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const knownValues = (p: Patient): string[] => {
  const names = [p.name, ...p.previousNames].flatMap((n) => [
    n.family,
    n.given,
    ...(n.middle ?? []),
    n.preferred ?? '',
  ]);
  const related = [p.emergencyContact?.name ?? '', p.guarantor?.name ?? ''].flatMap((n) => [
    n,
    ...n.split(' '),
  ]);
  const address = p.addresses.flatMap((a) => [...a.line, a.city]);
  const ids = p.identifiers.map((i) => i.value);
  return [...names, ...related, ...address, ...ids, ...p.emails].filter((v) => v.trim().length >= 2);
};

const redactText = (input: string, policy: RedactionPolicy): RedactedText => {
  const counts: Record<string, number> = {};
  const tag = (label: string): string => {
    counts[label] = (counts[label] ?? 0) + 1;
    return `[REDACTED:${label}]`;
  };
  // NFC on both sides, so a name typed with combining accents is found as the stored one (and the
  // other way round); the u flag compares letters beyond ASCII without case.
  let text = input.normalize('NFC');
  if (policy.patient) {
    const values = [...new Set(knownValues(policy.patient).map((v) => v.normalize('NFC')))].sort(
      (x, y) => y.length - x.length,
    );
    for (const v of values)
      text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, 'giu'), () =>
        tag('KNOWN'),
      );
  }
  for (const { label, pattern } of policy.patterns ?? []) text = text.replace(pattern, () => tag(label));
  text = replaceEmails(text, () => tag('EMAIL'));
  for (const [label, pattern] of TEXT_PATTERNS)
    text = text.replace(pattern, (_m, kept: unknown) => (typeof kept === 'string' ? kept : '') + tag(label));
  for (const pattern of DATE_PATTERNS)
    text = text.replace(pattern, (_m, y: string | undefined) => {
      counts['DATE'] = (counts['DATE'] ?? 0) + 1;
      return y !== undefined && y !== '' ? `[DATE ${y}]` : '[REDACTED:DATE]';
    });
  // Rule C: ages over 89 are grouped as 90+.
  text = text.replace(/\b(9\d|1[0-4]\d)(?=[\s-]*(?:years?|yrs?|y\/?o)\b)/gi, () => {
    counts['AGE'] = (counts['AGE'] ?? 0) + 1;
    return '90+';
  });
  text = text.replace(/\b(age[d]?\s*(?::\s*)?)(9\d|1[0-4]\d)\b/gi, (_m, prefix: string) => {
    counts['AGE'] = (counts['AGE'] ?? 0) + 1;
    return `${prefix}90+`;
  });
  return { text, counts };
};

/**
 * De-identifies a patient record or a free-text note after HIPAA Safe Harbor.
 *
 * A record becomes a {@link RedactedPatient}: names, street, city, phones, emails, all identifier
 * values, relatives and contacts are dropped; dates keep their year only; the age on
 * `policy.asOf` is kept, grouped as `'90+'` over 89 (and the birth year then dropped); the ZIP
 * keeps 3 digits, `000` for the restricted areas; the state stays. Text gets a conservative
 * pattern pass: the policy's known record values, the policy's patterns, emails, URLs, IPv4,
 * SSNs, MBIs, NANP phones, labelled MRN / account / licence numbers, ZIPs after a state code,
 * dates (kept as `[DATE <year>]`) and ages over 89 (`90+`). Names in text are only found when
 * `policy.patient` is given (no NER): review text output before sharing.
 *
 * @param input - a patient, or free text
 * @param policy - as-of date, pseudonym function, extra patterns, known record
 * @returns the redacted projection, or `{ text, counts }`; never fails
 * @example
 * redact(patient, { asOf: '2026-11-23' as IsoDate }); // { birthYear: 1984, age: 42, zip3: '021', ... }
 * redact('Call 617-555-0142 re: MRN 88231', { asOf: '2026-11-23' as IsoDate }).text;
 * // 'Call [REDACTED:PHONE] re: [REDACTED:MRN]'
 */
export function redact(input: Patient, policy: RedactionPolicy): RedactedPatient;
export function redact(input: string, policy: RedactionPolicy): RedactedText;
export function redact(input: Patient | string, policy: RedactionPolicy): RedactedPatient | RedactedText {
  return typeof input === 'string' ? redactText(input, policy) : redactRecord(input, policy);
}
