/**
 * Patient normalization at registration: names trimmed and cased, US addresses standardized
 * (USPS), phones in E.164, identifiers checked, dates checked against `asOf`.
 */
import { parseWith, type ValidationError, type ValidationIssue } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import type { IsoDate } from '../core/calendar.js';
import { dateToDayNumber, IsoDateSchema } from '../core/calendar.js';
import { standardizeStreetLine, usStateCode, standardizeAddressText } from './address.js';
import { validateMbi } from './mbi.js';
import {
  parsePatient,
  type Address,
  type ContactPhone,
  type Patient,
  type PersonName,
  type RelatedPerson,
} from './model.js';
import { casePersonName, generationalSuffix } from './names.js';
import { normalizePhone } from './phone.js';
import { validateSsn } from './ssn.js';
import { normalizeZip } from './zip.js';

/** A normalized patient with the warnings raised on the way (field path, rule, message). */
export interface PatientNormalization {
  /** The standardized patient. */
  readonly patient: Patient;
  /** Things changed or worth a second look; never patient values in the messages. */
  readonly warnings: readonly ValidationIssue[];
}

interface Sink {
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

const issue = (path: string, rule: string, message: string): ValidationIssue => ({
  path,
  rule,
  message: `${path}: ${message}`,
});

const isSpace = (c: string): boolean => /\s/.test(c);
const isSeparator = (c: string): boolean => c === ',' || isSpace(c);

/**
 * The split `/^(.*\S)[\s,]+(\S+)$/` makes (the longest head ending in a non-space, a run of
 * spaces and commas, a last word), found in one pass from the right: the pattern itself
 * backtracks quadratically on long runs. The name comes from `casePersonName`, so it holds no
 * line break (which `.` would not cross).
 */
const splitLastWord = (s: string): readonly [head: string, word: string] | undefined => {
  let wordStart = s.length;
  while (wordStart > 0 && !isSpace(s.charAt(wordStart - 1))) wordStart--;
  let separatorsEnd = s.length;
  for (let p = s.length - 1; p >= 1; p--) {
    if (!isSeparator(s.charAt(p))) {
      separatorsEnd = p;
      continue;
    }
    const wordAt = Math.min(separatorsEnd, s.length - 1);
    if (!isSpace(s.charAt(p - 1)) && wordAt > p && wordAt >= wordStart)
      return [s.slice(0, p), s.slice(wordAt)];
  }
  return undefined;
};

const normalizeName = (name: PersonName, path: string, sink: Sink): PersonName => {
  let family = casePersonName(name.family);
  let suffix =
    name.suffix === undefined ? undefined : (generationalSuffix(name.suffix) ?? name.suffix.trim());
  // "Smith Jr" typed in the family field: move the generational suffix where matching looks for it.
  const trailing = splitLastWord(family);
  const moved = trailing ? generationalSuffix(trailing[1]) : undefined;
  if (trailing && moved !== undefined && (suffix === undefined || suffix === '')) {
    family = trailing[0];
    suffix = moved;
    sink.warnings.push(
      issue(`${path}.family`, 'name.suffix-moved', 'generational suffix moved to the suffix field'),
    );
  }
  const out: PersonName = { family, given: casePersonName(name.given) };
  const middle = name.middle?.map(casePersonName);
  return {
    ...out,
    ...(middle !== undefined && middle.length > 0 ? { middle } : {}),
    ...(suffix !== undefined && suffix !== '' ? { suffix } : {}),
    ...(name.preferred !== undefined && name.preferred.trim() !== ''
      ? { preferred: casePersonName(name.preferred) }
      : {}),
    ...(name.until !== undefined ? { until: name.until } : {}),
  };
};

const normalizeAddress = (a: Address, path: string, sink: Sink): Address => {
  if (a.country !== 'US' && a.country !== 'USA')
    return { ...a, line: a.line.map((l) => l.trim().replace(/\s+/g, ' ')) };
  const state = usStateCode(a.state ?? '');
  if (state === undefined)
    sink.errors.push(
      issue(`${path}.state`, 'address.state', 'must be a US state, territory or military code'),
    );
  const typed = a.postalCode;
  const zip = typed === undefined ? undefined : normalizeZip(typed, state);
  if (zip?._tag === 'Left') sink.errors.push(issue(`${path}.postalCode`, zip.left.code, zip.left.message));
  else if (zip !== undefined && zip.right.slice(0, 5) !== typed?.trim().slice(0, 5))
    sink.warnings.push(issue(`${path}.postalCode`, 'zip.padded', 'leading zero restored from the state'));
  return {
    ...a,
    country: 'US',
    line: a.line.map(standardizeStreetLine),
    city: standardizeAddressText(a.city),
    ...(state !== undefined || a.state !== undefined ? { state: state ?? a.state?.trim() } : {}),
    ...(typed === undefined ? {} : { postalCode: zip?._tag === 'Right' ? zip.right : typed.trim() }),
  };
};

const normalizePhoneField = (p: ContactPhone, path: string, sink: Sink): ContactPhone => {
  const r = normalizePhone(p.extension === undefined ? p.value : `${p.value} x${p.extension}`);
  if (r._tag === 'Left') {
    sink.errors.push(issue(`${path}.value`, r.left.code, r.left.message));
    return p;
  }
  return {
    use: p.use,
    value: r.right.e164,
    ...(r.right.extension !== undefined ? { extension: r.right.extension } : {}),
  };
};

const normalizeRelated = (r: RelatedPerson, path: string, sink: Sink): RelatedPerson => {
  const name = r.name.trim().replace(/\s+/g, ' ');
  if (r.phone === undefined) return { ...r, name: casePersonName(name) };
  const phone = normalizePhone(r.phone);
  if (phone._tag === 'Left') sink.errors.push(issue(`${path}.phone`, phone.left.code, phone.left.message));
  return { ...r, name: casePersonName(name), phone: phone._tag === 'Right' ? phone.right.e164 : r.phone };
};

const notAfter = (date: IsoDate | undefined, asOf: IsoDate, path: string, sink: Sink): void => {
  if (date !== undefined && dateToDayNumber(date) > dateToDayNumber(asOf))
    sink.errors.push(issue(path, 'date.future', 'must not be after the as-of date'));
};

/**
 * Parses and standardizes a patient at registration.
 *
 * Names: trimmed, spaces collapsed, all-caps or all-lower names title-cased (mixed case kept),
 * generational suffixes written `Jr`/`Sr`/`II`.. and moved out of the family name. US addresses:
 * USPS Pub 28 abbreviations, upper case, state codes, ZIP or ZIP+4 (a 4-digit ZIP is repaired only
 * for single-zero states). Phones (patient, emergency contact, guarantor): E.164. Emails: lower
 * case. SSN and MBI identifiers: validated and stored without dashes. Dates: the birth date,
 * signatures and the verification date must not be after `asOf` (a calendar date, no time zone
 * involved); a consent may not expire before it was signed. Normalizing a normalized patient
 * returns it unchanged.
 *
 * @param input - the patient as received (anything)
 * @param asOf - today's date at the clinic, `YYYY-MM-DD` (checked: a malformed date is a
 *   `Left(ValidationError)` of model `asOf`)
 * @returns `Right({ patient, warnings })`; `Left(ValidationError)` listing every issue with its
 *   field path: schema issues, `address.state`, `zip.*`, `phone.*`, `ssn.*`, `mbi.*`,
 *   `date.future`, `consent.expiry-before-signature`
 * @example
 * normalizePatient({ id: 'pat-001', name: { family: 'RIVERA', given: 'ana' }, birthDate: '1984-03-09',
 *   sex: 'female', phones: [{ use: 'mobile', value: '(617) 555-0142' }] }, '2026-11-23');
 * // Right({ patient: { name: { family: 'Rivera', given: 'Ana' }, phones: [{ value: '+16175550142' }] ... } })
 */
export const normalizePatient = (
  input: unknown,
  asOf: string,
): Either<ValidationError, PatientNormalization> => {
  const today = parseWith('asOf', IsoDateSchema, asOf);
  if (today._tag === 'Left') return today;
  const parsed = parsePatient(input);
  if (parsed._tag === 'Left') return parsed;
  const p = parsed.right;
  const sink: Sink = { errors: [], warnings: [] };
  const identifiers = p.identifiers.map((id, i) => {
    const path = `identifiers.${i}.value`;
    const checked =
      id.kind === 'SSN' ? validateSsn(id.value) : id.kind === 'MBI' ? validateMbi(id.value) : undefined;
    if (checked === undefined) return { ...id, value: id.value.trim() };
    if (checked._tag === 'Left') {
      sink.errors.push(issue(path, checked.left.code, checked.left.message));
      return id;
    }
    return { ...id, value: checked.right as string };
  });
  notAfter(p.birthDate, today.right, 'birthDate', sink);
  notAfter(p.verifiedOn, today.right, 'verifiedOn', sink);
  if (dateToDayNumber(today.right) - dateToDayNumber(p.birthDate) > 120 * 365.25)
    sink.warnings.push(issue('birthDate', 'date.implausible-age', 'implies an age over 120 years'));
  p.consents.forEach((c, i) => {
    notAfter(c.signedOn, today.right, `consents.${i}.signedOn`, sink);
    if (c.expiresOn !== undefined && c.expiresOn < c.signedOn)
      sink.errors.push(
        issue(`consents.${i}.expiresOn`, 'consent.expiry-before-signature', 'is before the signature date'),
      );
  });
  const patient: Patient = {
    ...p,
    name: normalizeName(p.name, 'name', sink),
    previousNames: p.previousNames.map((n, i) => normalizeName(n, `previousNames.${i}`, sink)),
    addresses: p.addresses.map((a, i) => normalizeAddress(a, `addresses.${i}`, sink)),
    phones: p.phones.map((ph, i) => normalizePhoneField(ph, `phones.${i}`, sink)),
    emails: p.emails.map((e) => e.toLowerCase()),
    identifiers,
    ...(p.emergencyContact
      ? { emergencyContact: normalizeRelated(p.emergencyContact, 'emergencyContact', sink) }
      : {}),
    ...(p.guarantor ? { guarantor: normalizeRelated(p.guarantor, 'guarantor', sink) } : {}),
  };
  if (sink.errors.length > 0)
    return err({
      code: 'validation.failed',
      model: 'Patient',
      message: `Patient is invalid: ${sink.errors.map((e) => e.message).join('; ')}`,
      issues: sink.errors,
    });
  return ok({ patient, warnings: sink.warnings });
};
