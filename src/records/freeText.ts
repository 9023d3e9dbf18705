/**
 * The pattern pass of free-text redaction (HIPAA Safe Harbor, records reference §5.3), shared by
 * `redact` on notes and `redactFhir` on the free text of FHIR resources. Internal: not exported
 * from the records barrel.
 */

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

/**
 * Counts one replacement of `label` and returns its tag, `[REDACTED:<label>]`.
 *
 * @param counts - replacements so far by label, added to
 * @returns a function of the label giving the tag
 * @example
 * const counts: Record<string, number> = {};
 * tagger(counts)('PHONE'); // '[REDACTED:PHONE]', counts.PHONE === 1
 */
export const tagger =
  (counts: Record<string, number>) =>
  (label: string): string => {
    counts[label] = (counts[label] ?? 0) + 1;
    return `[REDACTED:${label}]`;
  };

/**
 * Replaces, in order: the caller's patterns, e-mail addresses, the built-in identifier patterns,
 * dates (kept as `[DATE <year>]` when a 4-digit year is written) and ages over 89 (`90+`), adding
 * each replacement to `counts` by label. Linear in the length of the text.
 *
 * @param input - free text
 * @param counts - replacements so far by label, added to
 * @param patterns - the caller's extra patterns, applied first
 * @returns the text with every match replaced
 * @example
 * redactPatterns('Call 617-555-0142', {}, []); // 'Call [REDACTED:PHONE]'
 */
export const redactPatterns = (
  input: string,
  counts: Record<string, number>,
  patterns: readonly { readonly label: string; readonly pattern: RegExp }[],
): string => {
  const tag = tagger(counts);
  let text = input;
  for (const { label, pattern } of patterns) text = text.replace(pattern, () => tag(label));
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
  return text.replace(/\b(age[d]?\s*(?::\s*)?)(9\d|1[0-4]\d)\b/gi, (_m, prefix: string) => {
    counts['AGE'] = (counts['AGE'] ?? 0) + 1;
    return `${prefix}90+`;
  });
};
