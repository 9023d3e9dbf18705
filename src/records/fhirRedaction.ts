/**
 * HIPAA Safe Harbor de-identification of any FHIR R4 resource or Bundle, 45 CFR §164.514(b)(2)
 * (records reference §5.1): a walk over the JSON that knows the FHIR datatypes by element name
 * (HumanName, Identifier, ContactPoint, Address, Attachment, Reference, Narrative, Annotation,
 * date / dateTime / instant, Age), so it works on every resource type without a schema per type.
 */
import type { IsoDate } from '../core/calendar.js';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { redactPatterns, tagger } from './freeText.js';
import { SAFE_HARBOR_RESTRICTED_ZIP3 } from './redact.js';

/** How to de-identify a FHIR resource. */
export interface FhirRedactionPolicy {
  /** Date ages are computed on (rule C: a birth date of someone over 89 is masked, year included). */
  readonly asOf: IsoDate;
  /**
   * New id for a resource, given `Type/id` (a resource's own id or the target of a relative or
   * absolute reference) or `urn:uuid:<uuid>` (a Bundle entry's fullUrl and references to it; return
   * a UUID for these). Use a keyed hash with a secret the caller keeps (§164.514(c)) to link exports;
   * the same input must give the same id. Omitted: ids are numbered in the order met, as UUIDs
   * (`00000000-0000-4000-8000-000000000001`, ...), so references inside one call still resolve.
   */
  readonly pseudonym?: (reference: string) => string;
  /** Extra patterns for the free text left in the resource, such as the clinic's MRN format. */
  readonly patterns?: readonly { readonly label: string; readonly pattern: RegExp }[];
  /**
   * 3-digit ZIP areas written as `000`. Safe Harbor asks for the areas of 20,000 people or fewer in
   * "the current publicly available data from the Bureau of the Census"; the default is the list HHS
   * published from the 2000 census ({@link SAFE_HARBOR_RESTRICTED_ZIP3}). Pass a list derived from
   * a later census to follow it instead.
   */
  readonly restrictedZip3?: ReadonlySet<string>;
}

/** What was removed or reduced, by kind (see {@link redactFhir}). */
export type FhirRedactionKind =
  | 'name'
  | 'identifier'
  | 'telecom'
  | 'address'
  | 'date'
  | 'age'
  | 'narrative'
  | 'attachment'
  | 'display'
  | 'reference'
  | 'extension'
  | 'link'
  | 'device'
  | 'unreadable';

/** A resource after {@link redactFhir}: FHIR JSON with the identifying elements removed. */
export interface RedactedFhirResource {
  /** The resource type, unchanged. */
  readonly resourceType: string;
  /** The elements kept, reduced as described on {@link redactFhir}. */
  readonly [element: string]: unknown;
}

/** The result of {@link redactFhir}. */
export interface FhirRedaction {
  /** The de-identified resource (a new object; the input is not touched). */
  readonly resource: RedactedFhirResource;
  /** How many elements of each kind were removed or reduced. */
  readonly removed: Readonly<Partial<Record<FhirRedactionKind, number>>>;
  /** Replacements made in the free text kept (`KNOWN` for values found elsewhere in the input). */
  readonly replacedInText: Readonly<Record<string, number>>;
}

/** Why {@link redactFhir} refused its input. */
export type FhirRedactionError = DomainError<'fhir-redaction.not-a-resource' | 'fhir-redaction.too-deep'>;

// FHIR resources nest a few levels (a Questionnaire's items a few dozen); deeper input is refused
// rather than walked, so that neither walk can exhaust the stack.
const MAX_DEPTH = 64;
// Known values longer than this many words are matched by their parts only (names, lines, cities).
const MAX_KNOWN_WORDS = 12;

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const URN_UUID = /^urn:uuid:[A-Za-z0-9-]{1,64}$/;
const HTTP_BASE = /^https?:\/\/[^\s?#]+$/;
// FHIR date / dateTime / instant with at least a month: the year is group 1.
const DATE_SHAPED =
  /^(\d{4})-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;
const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** Elements removed whole, with the kind they are counted under. */
const REMOVED: ReadonlyMap<string, FhirRedactionKind> = new Map<string, FhirRedactionKind>([
  ['name', 'name'], // HumanName, and the names of organizations, locations, employers (plan groups)
  ['alias', 'name'],
  ['authorString', 'name'],
  ['valueHumanName', 'name'],
  ['telecom', 'telecom'],
  ['valueContactPoint', 'telecom'],
  ['subscriberId', 'identifier'],
  ['photo', 'attachment'],
  ['attachment', 'attachment'],
  ['valueAttachment', 'attachment'],
  ['presentedForm', 'attachment'],
  ['div', 'narrative'],
  ['position', 'address'], // Location.position: latitude and longitude
  ['udiCarrier', 'device'],
  ['serialNumber', 'device'],
  ['distinctIdentifier', 'device'],
  ['ifNoneExist', 'reference'],
  ['ifMatch', 'reference'],
  ['ifNoneMatch', 'reference'],
]);

/** Elements of type instant, which cannot be written as a year: removed (dates keep their year). */
const INSTANTS: ReadonlySet<string> = new Set([
  'lastUpdated', 'timestamp', 'issued', 'recorded', 'valueInstant', 'lastModified', 'ifModifiedSince', 'when',
]); // prettier-ignore

/** Extensions removed whole by the end of their URL: they carry names or geocodes. */
const IDENTIFYING_EXTENSION = /(?:mothersMaidenName|humanname-[a-z-]+|geolocation)$/;

/** String elements kept verbatim: codes, URIs and structure, never free text. */
const VERBATIM: ReadonlySet<string> = new Set([
  'resourceType', 'url', 'system', 'code', 'version', 'unit', 'comparator', 'profile', 'valueCode',
  'valueCanonical', 'implicitRules', 'language', 'status', 'use', 'gender', 'type', 'mode', 'intent',
  'priority', 'method', 'relation', 'contentType', 'instantiatesCanonical', 'instantiatesUri',
  'versionId', 'etag', 'kind',
]); // prettier-ignore

/** Reference targets whose display is a person's name, read word by word as well as whole. */
const PERSON_REFERENCE = /(?:^|\/)(?:Patient|Practitioner|PractitionerRole|RelatedPerson|Person)[/?]/;
const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'rev', 'sir', 'jr', 'sr', 'md', 'phd', 'rn', 'np', 'do', 'dds']); // prettier-ignore

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const has = (o: Json, key: string): boolean => Object.hasOwn(o, key);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Values the input itself marks as identifying (names, identifier values, phones, street lines,
 * cities, display names), found again in free text word by word: a value is its sequence of
 * lower-cased words, and the text is read once, longest known sequence first at each word, so the
 * pass is linear in the text (a pattern per value would be linear in text times values).
 */
class KnownValues {
  private readonly values = new Set<string>();
  private readonly prefixes = new Set<string>();

  add(value: unknown): void {
    if (typeof value !== 'string') return;
    const words = [...value.normalize('NFC').matchAll(WORD)].map((m) => m[0].toLowerCase());
    if (words.length === 0 || words.length > MAX_KNOWN_WORDS) return;
    if (words.length === 1 && (words[0] ?? '').length < 2) return;
    this.values.add(words.join(' '));
    for (let n = 1; n < words.length; n++) this.prefixes.add(words.slice(0, n).join(' '));
  }

  addWords(value: unknown): void {
    if (typeof value !== 'string') return;
    for (const m of value.normalize('NFC').matchAll(WORD)) {
      const w = m[0].toLowerCase();
      if (w.length >= 3 && !TITLES.has(w)) this.add(w);
    }
  }

  get size(): number {
    return this.values.size;
  }

  replace(input: string, tag: (label: string) => string): string {
    const text = input.normalize('NFC');
    const words = [...text.matchAll(WORD)];
    let out = '';
    let copied = 0;
    for (let i = 0; i < words.length;) {
      let key = '';
      let last = -1;
      for (let n = 0; n < MAX_KNOWN_WORDS && i + n < words.length; n++) {
        const w = (words[i + n]?.[0] ?? '').toLowerCase();
        key = n === 0 ? w : `${key} ${w}`;
        if (this.values.has(key)) last = i + n;
        if (!this.prefixes.has(key)) break;
      }
      const first = words[i];
      const end = words[last];
      if (first === undefined || end === undefined) {
        i++;
        continue;
      }
      out += text.slice(copied, first.index) + tag('KNOWN');
      copied = end.index + end[0].length;
      i = last + 1;
    }
    return out + text.slice(copied);
  }
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** First pass: every value the input marks as identifying, wherever it sits. */
const harvest = (value: unknown, known: KnownValues, depth: number): void => {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value) harvest(v, known, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const v = value[key];
    switch (key) {
      case 'name':
      case 'valueHumanName':
        for (const n of asArray(v)) {
          if (!isObject(n)) {
            known.add(n);
            continue;
          }
          known.add(n['family']);
          known.add(n['text']);
          for (const g of asArray(n['given'])) known.add(g);
        }
        break;
      case 'alias':
      case 'authorString':
      case 'subscriberId':
        for (const a of asArray(v)) known.add(a);
        break;
      case 'identifier':
      case 'valueIdentifier':
      case 'telecom':
      case 'valueContactPoint':
        for (const i of asArray(v)) if (isObject(i)) known.add(i['value']);
        break;
      case 'address':
      case 'valueAddress':
        for (const a of asArray(v)) {
          if (!isObject(a)) continue;
          for (const line of asArray(a['line'])) known.add(line);
          for (const part of ['city', 'district', 'text', 'postalCode']) known.add(a[part]);
        }
        break;
      case 'display':
        if (has(value, 'code') || has(value, 'system')) break;
        known.add(v);
        if (typeof value['reference'] === 'string' && PERSON_REFERENCE.test(value['reference']))
          known.addWords(v);
        break;
      case 'valueString':
        if (typeof value['url'] === 'string' && IDENTIFYING_EXTENSION.test(value['url'])) known.add(v);
        break;
      default:
    }
    harvest(v, known, depth + 1);
  }
};

interface Walk {
  readonly asOf: string;
  readonly pseudonym: (reference: string) => string;
  readonly patterns: readonly { readonly label: string; readonly pattern: RegExp }[];
  readonly restrictedZip3: ReadonlySet<string>;
  readonly known: KnownValues;
  readonly removed: Partial<Record<FhirRedactionKind, number>>;
  readonly replacedInText: Record<string, number>;
  tooDeep: boolean;
}

const count = (w: Walk, kind: FhirRedactionKind): undefined => {
  w.removed[kind] = (w.removed[kind] ?? 0) + 1;
  return undefined;
};

/** `Type/id`, `<base>/Type/id` and `urn:uuid:` references with new ids; undefined for the rest. */
const mapReference = (reference: string, w: Walk): string | undefined => {
  if (reference.startsWith('#')) {
    const local = reference.slice(1);
    return local === '' ? '#' : FHIR_ID.test(local) ? `#${w.pseudonym(reference)}` : undefined;
  }
  if (URN_UUID.test(reference)) return `urn:uuid:${w.pseudonym(reference)}`;
  const parts = reference.split('/');
  if (parts.length >= 4 && parts[parts.length - 2] === '_history') parts.length -= 2;
  const type = parts[parts.length - 2] ?? '';
  const id = parts[parts.length - 1] ?? '';
  const base = parts.slice(0, -2).join('/');
  if (!RESOURCE_TYPE.test(type) || !FHIR_ID.test(id) || (base !== '' && !HTTP_BASE.test(base)))
    return undefined;
  return `${base === '' ? '' : `${base}/`}${type}/${w.pseudonym(`${type}/${id}`)}`;
};

/** A Bundle entry's request URL: a mapped `Type/id`, or the resource type alone (no search query). */
const mapRequestUrl = (url: string, w: Walk): string | undefined => {
  const type = url.split(/[/?]/, 1)[0] ?? '';
  if (RESOURCE_TYPE.test(type) && (url === type || url.startsWith(`${type}?`))) return type;
  return mapReference(url, w);
};

/** Age in whole years on `asOf`, a partial birth date counted from its earliest day (the oldest). */
const maxAgeOn = (birthDate: string, asOf: string): number => {
  const [by = 0, bm = 1, bd = 1] = birthDate.slice(0, 10).split('-').map(Number);
  const [y = 0, m = 1, d = 1] = asOf.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

const YEAR_UNITS = /^(?:a|y|yr|yrs|year|years)$/i;

/** An Age (Quantity) over 89 years becomes `>= 90` years. */
const groupAge = (age: Json, w: Walk): Json => {
  const value = age['value'];
  const unit = typeof age['code'] === 'string' ? age['code'] : age['unit'];
  if (
    typeof value !== 'number' ||
    value <= 89 ||
    (unit !== undefined && !(typeof unit === 'string' && YEAR_UNITS.test(unit)))
  )
    return age;
  count(w, 'age');
  return { ...age, value: 90, comparator: '>=' };
};

const freeText = (text: string, w: Walk): string => {
  const tag = tagger(w.replacedInText);
  const known = w.known.size > 0 ? w.known.replace(text, tag) : text;
  return redactPatterns(known, w.replacedInText, w.patterns);
};

const redactString = (key: string, value: string, w: Walk): string | undefined => {
  if (VERBATIM.has(key)) return value;
  const date = DATE_SHAPED.exec(value);
  if (date) {
    count(w, 'date');
    return INSTANTS.has(key) ? undefined : date[1];
  }
  return freeText(value, w);
};

/** An Identifier keeps its use and type (the kind of number, not the number). */
const redactIdentifier = (identifier: unknown, w: Walk, depth: number): unknown => {
  count(w, 'identifier');
  if (!isObject(identifier)) return undefined;
  const out: Json = {};
  if (typeof identifier['use'] === 'string') out['use'] = identifier['use'];
  const type = walk(identifier['type'], 'type', w, depth + 1);
  if (type !== undefined) out['type'] = type;
  return Object.keys(out).length > 0 ? out : undefined;
};

const US = new Set(['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA', '840']);
const US_ZIP = /^(\d{3})\d{2}(?:-?\d{4})?$/;

/** An Address keeps use, type, state, country and the Safe Harbor ZIP3, and its period's years. */
const redactAddress = (address: unknown, w: Walk, depth: number): unknown => {
  count(w, 'address');
  if (!isObject(address)) return undefined;
  const out: Json = {};
  for (const key of ['use', 'type', 'state', 'country'])
    if (typeof address[key] === 'string') out[key] = address[key];
  const country = typeof address['country'] === 'string' ? address['country'].trim().toUpperCase() : 'US';
  const zip = typeof address['postalCode'] === 'string' ? US_ZIP.exec(address['postalCode'].trim()) : null;
  const zip3 = zip?.[1];
  if (zip3 !== undefined && US.has(country)) out['postalCode'] = w.restrictedZip3.has(zip3) ? '000' : zip3;
  const period = walk(address['period'], 'period', w, depth + 1);
  if (period !== undefined) out['period'] = period;
  return Object.keys(out).length > 0 ? out : undefined;
};

// A Signature also has `data`: it keeps its type, year and signer (without display), not its data.
const isAttachment = (o: Json): boolean =>
  !has(o, 'who') &&
  (has(o, 'data') || (has(o, 'contentType') && (has(o, 'url') || has(o, 'size') || has(o, 'hash'))));

const isNarrative = (v: unknown): boolean => isObject(v) && (has(v, 'div') || has(v, 'status'));

const walkObject = (input: Json, w: Walk, depth: number, contained = false): Json | undefined => {
  if (depth > MAX_DEPTH) {
    w.tooDeep = true;
    return undefined;
  }
  if (isAttachment(input) && !has(input, 'resourceType') && !has(input, 'dimensions'))
    return count(w, 'attachment');
  if (has(input, 'relation') && typeof input['url'] === 'string') return count(w, 'link'); // Bundle.link
  const resourceType = typeof input['resourceType'] === 'string' ? input['resourceType'] : undefined;
  const isCoding = has(input, 'code') || has(input, 'system');
  const isRequest = has(input, 'method') && has(input, 'url');
  const birthDate = input['birthDate'];
  const masked =
    typeof birthDate === 'string' && /^\d{4}/.test(birthDate) && maxAgeOn(birthDate, w.asOf) > 89;
  const out: Json = {};
  for (const key of Object.keys(input)) {
    if (key === '__proto__') continue;
    const value = input[key];
    const element = key.startsWith('_') ? key.slice(1) : key;
    const removed = REMOVED.get(element);
    let kept: unknown;
    if (removed !== undefined) kept = count(w, removed);
    else if (element === 'data' && !has(input, 'dimensions'))
      kept = count(w, 'attachment'); // Binary, not SampledData
    else if (element === 'text' && isNarrative(value)) kept = count(w, 'narrative');
    else if (element === 'display' && !isCoding) kept = count(w, 'display');
    else if (element === 'identifier' || element === 'valueIdentifier')
      kept = Array.isArray(value)
        ? nonEmpty(value.map((i) => redactIdentifier(i, w, depth)))
        : redactIdentifier(value, w, depth);
    else if (element === 'address' || element === 'valueAddress')
      kept = Array.isArray(value)
        ? nonEmpty(value.map((a) => redactAddress(a, w, depth)))
        : redactAddress(value, w, depth);
    else if (element === 'birthDate' && masked) kept = key === 'birthDate' ? count(w, 'age') : undefined;
    else if (key === 'id' && resourceType !== undefined)
      // A contained resource's id is local (references to it are `#id`).
      kept =
        typeof value === 'string' && FHIR_ID.test(value)
          ? w.pseudonym(contained ? `#${value}` : `${resourceType}/${value}`)
          : undefined;
    else if (key === 'contained' && resourceType !== undefined)
      kept = nonEmpty(
        asArray(value).map((c) => (isObject(c) ? walkObject(c, w, depth + 1, true) : undefined)),
      );
    else if (key === 'id') kept = typeof value === 'string' && FHIR_ID.test(value) ? value : undefined;
    else if ((key === 'reference' || key === 'fullUrl' || key === 'location') && typeof value === 'string') {
      kept = mapReference(value, w);
      // A search (`Practitioner?identifier=...|9999974493`) goes; the type of its target stays.
      const type = /^([A-Z][A-Za-z]{1,63})[?/]/.exec(value)?.[1];
      if (kept === undefined && key === 'reference' && type !== undefined && !has(input, 'type'))
        out['type'] = type;
      if (kept === undefined) count(w, 'reference');
    } else if (key === 'url' && isRequest && typeof value === 'string')
      kept = mapRequestUrl(value, w) ?? count(w, 'reference');
    else if ((element === 'extension' || element === 'modifierExtension') && Array.isArray(value))
      kept = nonEmpty(
        value.map((e) =>
          isObject(e) && typeof e['url'] === 'string' && IDENTIFYING_EXTENSION.test(e['url'])
            ? count(w, 'extension')
            : walk(e, key, w, depth + 1),
        ),
      );
    else if (/Age$|^age$/.test(element) && isObject(value)) {
      const age = walk(value, key, w, depth + 1);
      kept = isObject(age) ? groupAge(age, w) : age;
    } else kept = walk(value, key, w, depth + 1);
    if (kept !== undefined) out[key] = kept;
  }
  if (masked) out['_birthDate'] = { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'masked' }] };
  return Object.keys(out).length > 0 ? out : undefined;
};

const nonEmpty = (values: readonly unknown[]): unknown[] | undefined => {
  const kept = values.filter((v) => v !== undefined);
  return kept.length > 0 ? kept : undefined;
};

/** One element value: a string, number, boolean, array or object; anything else is dropped. */
function walk(value: unknown, key: string, w: Walk, depth: number): unknown {
  if (typeof value === 'string') return redactString(key.startsWith('_') ? key.slice(1) : key, value, w);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : count(w, 'unreadable');
  if (Array.isArray(value)) {
    if (depth > MAX_DEPTH) {
      w.tooDeep = true;
      return undefined;
    }
    return nonEmpty(value.map((v) => walk(v, key, w, depth + 1)));
  }
  if (isObject(value)) return walkObject(value, w, depth);
  return value === null || value === undefined ? undefined : count(w, 'unreadable');
}

const uuidFromNumber = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * De-identifies any FHIR R4 resource or Bundle after HIPAA Safe Harbor, 45 CFR §164.514(b)(2),
 * keeping the coded clinical content.
 *
 * Removed: names (HumanName, and the names of organizations, locations and plan groups), telecom,
 * identifier values (an Identifier keeps its `use` and `type`: the kind of number, not the number),
 * photos and other attachments (signature data too), narrative (`text.div`), device UDIs and serial
 * numbers, Location positions, the display names of references, Bundle links and search queries,
 * and extensions that carry names or geocodes (mother's maiden name, `humanname-*`, geolocation).
 * Addresses keep use, type, state and country; a US ZIP (country US or not given) keeps its first three digits,
 * `000` for the 17 areas of 20,000 people or fewer (HHS OCR, "Guidance Regarding Methods for
 * De-identification of PHI", 2012, "When can ZIP codes be included in de-identified information?",
 * from the 2000 census as published at 67 FR 53182, 53233-53234: {@link SAFE_HARBOR_RESTRICTED_ZIP3},
 * or the caller's `policy.restrictedZip3` from a later census);
 * other postal codes go. Every date and dateTime, in any element or extension and in Periods, keeps
 * its year (`1974-12-25` becomes `1974`); instants (`meta.lastUpdated`, `issued`, `timestamp`,
 * `recorded`, a signature's `when`) cannot be written as a year and are removed. A birth date that makes the person older
 * than 89 on `policy.asOf` (a partial one counted at its oldest) is removed, year included, and
 * marked with the data-absent-reason extension `masked`; Age quantities over 89 years become
 * `>= 90`. Resource ids and the references to them (relative, absolute, `urn:uuid:`, contained `#`)
 * get new ids from `policy.pseudonym`; a reference that is a search (`Patient?identifier=...`) is
 * removed, its target's type kept in `type`. Free text that stays (CodeableConcept and Annotation `text`, descriptions, comments,
 * string values) goes through the free-text pass of {@link redact} (patterns for SSNs, phones,
 * dates, ...) after every name, identifier, phone, street line, city and display name found
 * anywhere in the input has been replaced where it recurs. Codes, systems, Quantities, statuses and
 * other coded content are kept as they are. Linear in the size of the input; the input is never
 * modified. The output is not validated against the resource's profile: a required element that
 * is identifying (a Bundle entry's `request.url` with a search) may be missing.
 *
 * @param input - a FHIR R4 resource or Bundle as parsed JSON (any value is accepted)
 * @param policy - as-of date for ages, optional pseudonym function, extra text patterns and
 *   restricted ZIP3 list
 * @returns the redacted resource with counts of what was removed; Left
 *   `fhir-redaction.not-a-resource` when the input is not an object with a resource type, Left
 *   `fhir-redaction.too-deep` when it nests deeper than 64 levels
 * @example
 * import { isoDate, redactFhir } from 'medoffice/records';
 *
 * const patient = {
 *   resourceType: 'Patient',
 *   id: 'example',
 *   name: [{ family: 'Chalmers', given: ['Peter'] }],
 *   birthDate: '1974-12-25',
 *   address: [{ line: ['534 Erewhon St'], city: 'Boston', state: 'MA', postalCode: '02116' }],
 * };
 * const r = redactFhir(patient, { asOf: isoDate('2026-11-23') });
 * // Right: { resourceType: 'Patient', id: '00000000-0000-4000-8000-000000000001',
 * //   birthDate: '1974', address: [{ state: 'MA', postalCode: '021' }] }
 */
export const redactFhir = (
  input: unknown,
  policy: FhirRedactionPolicy,
): Either<FhirRedactionError, FhirRedaction> => {
  if (
    !isObject(input) ||
    typeof input['resourceType'] !== 'string' ||
    !RESOURCE_TYPE.test(input['resourceType'])
  )
    return err({
      code: 'fhir-redaction.not-a-resource',
      message: 'input is not a FHIR resource: an object with a resourceType is required',
    });
  const known = new KnownValues();
  harvest(input, known, 0);
  const ids = new Map<string, string>();
  const given = policy.pseudonym;
  const w: Walk = {
    asOf: policy.asOf,
    pseudonym: (reference) => {
      let id = ids.get(reference);
      if (id === undefined) {
        id = given ? given(reference) : uuidFromNumber(ids.size + 1);
        ids.set(reference, id);
      }
      return id;
    },
    patterns: policy.patterns ?? [],
    restrictedZip3: policy.restrictedZip3 ?? SAFE_HARBOR_RESTRICTED_ZIP3,
    known,
    removed: {},
    replacedInText: {},
    tooDeep: false,
  };
  const resource = walkObject(input, w, 0);
  if (w.tooDeep || resource === undefined)
    return err({
      code: 'fhir-redaction.too-deep',
      message: `input nests deeper than ${MAX_DEPTH} levels, which no FHIR resource does`,
    });
  return ok({
    resource: { resourceType: input['resourceType'], ...resource },
    removed: w.removed,
    replacedInText: w.replacedInText,
  });
};
