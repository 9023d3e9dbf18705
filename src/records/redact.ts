/**
 * De-identification after HIPAA Safe Harbor, 45 CFR §164.514(b)(2) (records reference §5): a
 * per-field projection of structured records, and a conservative pattern pass for free text.
 */
import type { IsoDate } from '../core/calendar.js';
import type { Patient } from './model.js';
import { redactPatterns, tagger } from './freeText.js';
import { patientAgeOn } from './readiness.js';

/**
 * 3-digit ZIP areas with 20,000 people or fewer in the 2000 census, as listed by HHS OCR
 * ("Guidance Regarding Methods for De-identification of PHI", 2012; 67 FR 53182, 53233-53234):
 * Safe Harbor replaces them with `000`. The rule asks for "the current publicly available data from
 * the Bureau of the Census"; a caller with a list derived from a later census passes it as
 * `restrictedZip3` to {@link redact} and {@link redactFhir}.
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
  /**
   * 3-digit ZIP areas written as `000`; default {@link SAFE_HARBOR_RESTRICTED_ZIP3} (the list HHS
   * published from the 2000 census). Pass a list derived from a later census to follow it instead.
   */
  readonly restrictedZip3?: ReadonlySet<string>;
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
      ? { zip3: (policy.restrictedZip3 ?? SAFE_HARBOR_RESTRICTED_ZIP3).has(zip) ? '000' : zip }
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
  const tag = tagger(counts);
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
  return { text: redactPatterns(text, counts, policy.patterns ?? []), counts };
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
 * redact(patient, { asOf: isoDate('2026-11-23') }); // { birthYear: 1984, age: 42, zip3: '021', ... }
 * redact('Call 617-555-0142 re: MRN 88231', { asOf: isoDate('2026-11-23') }).text;
 * // 'Call [REDACTED:PHONE] re: [REDACTED:MRN]'
 */
export function redact(input: Patient, policy: RedactionPolicy): RedactedPatient;
export function redact(input: string, policy: RedactionPolicy): RedactedText;
export function redact(input: Patient | string, policy: RedactionPolicy): RedactedPatient | RedactedText {
  return typeof input === 'string' ? redactText(input, policy) : redactRecord(input, policy);
}
