/**
 * FHIR R4 mappers for Patient and Practitioner, both ways. `fromFhirX` validates through the
 * records schemas and returns `Either`; `toFhirX` never fails.
 */
import type {
  Address as FhirAddress,
  ContactPoint,
  HumanName,
  Identifier,
  Patient as FhirPatient,
  PatientContact,
  Practitioner as FhirPractitioner,
} from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';
import {
  parsePatient,
  parsePractitioner,
  type Address,
  type Patient,
  type PatientIdentifierKind,
  type PersonName,
  type Practitioner,
  type RelatedPerson,
  CONTACT_RELATIONSHIPS,
} from './model.js';
import {
  FhirAddressSchema,
  FhirCodeableConceptSchema,
  FhirContactPointSchema,
  FhirHumanNameSchema,
  FhirIdentifierSchema,
  FhirReferenceSchema,
  readFhir,
} from './fhirDatatypes.js';

// HL7 v2 table 0203 identifier type codes, and well-known systems (hl7.org/fhir/sid).
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const V2_0131 = 'http://terminology.hl7.org/CodeSystem/v2-0131';
const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
const TYPE_CODE: Readonly<Record<PatientIdentifierKind, string | undefined>> = {
  MRN: 'MR',
  SSN: 'SS',
  MBI: 'MC',
  MEDICAID: 'MA',
  DL: 'DL',
  PPN: 'PPN',
  OTHER: undefined,
};
// A Map: the system is outside text, and `__proto__` or `constructor` must find nothing.
const KIND_OF_SYSTEM: ReadonlyMap<string, PatientIdentifierKind> = new Map([
  ['http://hl7.org/fhir/sid/us-ssn', 'SSN'],
  ['http://hl7.org/fhir/sid/us-mbi', 'MBI'],
]);

const toHumanName = (n: PersonName, use: HumanName['use']): HumanName => ({
  use,
  family: n.family,
  given: [n.given, ...(n.middle ?? [])],
  ...(n.suffix !== undefined ? { suffix: [n.suffix] } : {}),
  ...(n.until !== undefined ? { period: { end: n.until } } : {}),
});

const toFhirAddress = (a: Address): FhirAddress => ({
  use: a.use === 'mailing' ? 'home' : a.use,
  ...(a.use === 'mailing' ? { type: 'postal' as const } : {}),
  line: [...a.line],
  city: a.city,
  ...(a.state !== undefined ? { state: a.state } : {}),
  ...(a.postalCode !== undefined ? { postalCode: a.postalCode } : {}),
  country: a.country,
});

const relationContact = (r: RelatedPerson, code: 'C' | 'BP'): PatientContact => ({
  relationship: [{ coding: [{ system: V2_0131, code }], text: r.relationship }],
  name: { text: r.name },
  ...(r.phone !== undefined ? { telecom: [{ system: 'phone', value: r.phone }] } : {}),
});

/**
 * Maps a patient to a FHIR R4 Patient. Names: the current one `official` (given then middle
 * names), the preferred name `usual`, previous names `old` with `period.end`. Identifiers carry a
 * v2-0203 type (MR, SS, MC for the MBI, MA, DL, PPN). The emergency contact is a `contact` with
 * v2-0131 `C`, the guarantor one with `BP` (billing contact person). A date of death is
 * `deceasedDateTime` (a date), `deceased` true or false `deceasedBoolean`. Consents are not part of
 * Patient (FHIR Consent) and are left out.
 *
 * @param p - the patient
 * @returns a FHIR R4 Patient resource
 * @example
 * toFhirPatient(patient).name?.[0]; // { use: 'official', family: 'Rivera', given: ['Ana'] }
 */
export const toFhirPatient = (p: Patient): FhirPatient => {
  const names: HumanName[] = [toHumanName(p.name, 'official')];
  if (p.name.preferred !== undefined) names.push({ use: 'usual', given: [p.name.preferred] });
  for (const n of p.previousNames) names.push(toHumanName(n, 'old'));
  const telecom: ContactPoint[] = [
    ...p.phones.map((ph): ContactPoint => ({
      system: 'phone',
      use: ph.use,
      value: ph.extension === undefined ? ph.value : `${ph.value} x${ph.extension}`,
    })),
    ...p.emails.map((e): ContactPoint => ({ system: 'email', value: e })),
  ];
  const identifier: Identifier[] = p.identifiers.map((i) => {
    const code = TYPE_CODE[i.kind];
    return {
      ...(code !== undefined ? { type: { coding: [{ system: V2_0203, code }] } } : {}),
      system: i.system,
      value: i.value,
    };
  });
  const contact: PatientContact[] = [
    ...(p.emergencyContact ? [relationContact(p.emergencyContact, 'C')] : []),
    ...(p.guarantor ? [relationContact(p.guarantor, 'BP')] : []),
  ];
  const language = p.communication?.language;
  return {
    resourceType: 'Patient',
    id: p.id,
    active: p.active,
    ...(identifier.length > 0 ? { identifier } : {}),
    name: names,
    ...(telecom.length > 0 ? { telecom } : {}),
    gender: p.sex,
    birthDate: p.birthDate,
    ...(p.addresses.length > 0 ? { address: p.addresses.map(toFhirAddress) } : {}),
    ...(typeof p.multipleBirth === 'number' ? { multipleBirthInteger: p.multipleBirth } : {}),
    ...(typeof p.multipleBirth === 'boolean' ? { multipleBirthBoolean: p.multipleBirth } : {}),
    ...(typeof p.deceased === 'string' ? { deceasedDateTime: p.deceased } : {}),
    ...(typeof p.deceased === 'boolean' ? { deceasedBoolean: p.deceased } : {}),
    ...(contact.length > 0 ? { contact } : {}),
    ...(language !== undefined
      ? {
          communication: [
            { language: { coding: [{ system: 'urn:ietf:bcp:47', code: language }] }, preferred: true },
          ],
        }
      : {}),
  };
};

/** The `YYYY-MM-DD` start of a FHIR date or dateTime. */
const CALENDAR_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** The elements of a FHIR Patient that {@link fromFhirPatient} reads. */
const FhirPatientSchema = /* @__PURE__ */ z.object({
  resourceType: z.optional(z.literal('Patient')),
  id: z.optional(z.string()),
  active: z.optional(z.boolean()),
  name: z.optional(z.array(FhirHumanNameSchema)),
  telecom: z.optional(z.array(FhirContactPointSchema)),
  gender: z.optional(z.string()),
  birthDate: z.optional(z.string()),
  multipleBirthInteger: z.optional(z.number()),
  multipleBirthBoolean: z.optional(z.boolean()),
  deceasedBoolean: z.optional(z.boolean()),
  deceasedDateTime: z.optional(z.string()),
  address: z.optional(z.array(FhirAddressSchema)),
  identifier: z.optional(z.array(FhirIdentifierSchema)),
  contact: z.optional(
    z.array(
      z.object({
        relationship: z.optional(z.array(FhirCodeableConceptSchema)),
        name: z.optional(FhirHumanNameSchema),
        telecom: z.optional(z.array(FhirContactPointSchema)),
        organization: z.optional(FhirReferenceSchema),
      }),
    ),
  ),
  communication: z.optional(
    z.array(z.object({ language: FhirCodeableConceptSchema, preferred: z.optional(z.boolean()) })),
  ),
});
/** The elements of a FHIR Practitioner that {@link fromFhirPractitioner} reads. */
const FhirPractitionerSchema = /* @__PURE__ */ z.object({
  resourceType: z.optional(z.literal('Practitioner')),
  id: z.optional(z.string()),
  active: z.optional(z.boolean()),
  name: z.optional(z.array(FhirHumanNameSchema)),
  telecom: z.optional(z.array(FhirContactPointSchema)),
  identifier: z.optional(z.array(FhirIdentifierSchema)),
  qualification: z.optional(z.array(z.object({ code: FhirCodeableConceptSchema }))),
});
type ReadHumanName = z.infer<typeof FhirHumanNameSchema>;
type ReadIdentifier = z.infer<typeof FhirIdentifierSchema>;
type ReadContact = NonNullable<z.infer<typeof FhirPatientSchema>['contact']>[number];

const fromHumanName = (n: ReadHumanName | undefined): Record<string, unknown> | undefined => {
  if (n === undefined) return undefined;
  const [given, ...middle] = n.given ?? [];
  const end = n.period?.end;
  return {
    family: n.family,
    given,
    ...(middle.length > 0 ? { middle } : {}),
    ...(n.suffix?.[0] !== undefined ? { suffix: n.suffix[0] } : {}),
    ...(end !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(end) ? { until: end } : {}),
  };
};

const fromFhirAddress = (a: z.infer<typeof FhirAddressSchema>): Record<string, unknown> => ({
  use:
    a.type === 'postal'
      ? 'mailing'
      : a.use === 'billing' || a.use === 'temp' || a.use === undefined
        ? 'home'
        : a.use,
  line: a.line ?? (a.text !== undefined ? [a.text] : []),
  city: a.city,
  ...((a.state ?? a.district) !== undefined ? { state: a.state ?? a.district } : {}),
  ...(a.postalCode !== undefined ? { postalCode: a.postalCode } : {}),
  ...(a.country !== undefined ? { country: a.country } : {}),
});

const identifierKind = (i: ReadIdentifier): PatientIdentifierKind => {
  const code = i.type?.coding?.find((c) => c.system === V2_0203)?.code;
  const byCode = (Object.entries(TYPE_CODE) as [PatientIdentifierKind, string | undefined][]).find(
    ([, c]) => c === code,
  )?.[0];
  return byCode ?? KIND_OF_SYSTEM.get(i.system ?? '') ?? 'OTHER';
};

const fromContact = (c: ReadContact): Record<string, unknown> => {
  const name = c.name?.text ?? [...(c.name?.given ?? []), c.name?.family ?? ''].join(' ').trim();
  const text = c.relationship?.[0]?.text?.toLowerCase();
  const phone = c.telecom?.find((t) => t.system === 'phone')?.value;
  return {
    name: name === '' ? c.organization?.display : name,
    relationship:
      text !== undefined && (CONTACT_RELATIONSHIPS as readonly string[]).includes(text) ? text : 'other',
    ...(phone !== undefined ? { phone } : {}),
  };
};

const hasRelationship = (c: ReadContact, code: string): boolean =>
  c.relationship?.some((r) => r.coding?.some((x) => x.system === V2_0131 && x.code === code)) ?? false;

/**
 * Maps a FHIR R4 Patient to a patient and validates it. The `official` name (else `usual`, else
 * the first) is the current name: first given name, the rest middle names; a `usual` or
 * `nickname` given name is the preferred name; `old` and `maiden` names become previous names.
 * Phones and emails come from `telecom` (values kept as written: run `normalizePatient` to
 * standardize them); identifiers map by v2-0203 type or by the SSN / MBI system. Contacts with
 * v2-0131 `C` become the emergency contact, `BP` the guarantor.
 *
 * A Patient without `gender` (0..1 in R4; the US Core examples leave it out) has sex `unknown`.
 * `deceasedDateTime` gives the date of death (its calendar date as written, in its own offset; a
 * year or year-month alone gives `deceased: true`), `deceasedBoolean` gives `deceased` as is.
 *
 * @param input - anything (a FHIR R4 Patient, such as parsed JSON)
 * @returns `Right(Patient)`; `Left(ValidationError)` with model `FHIR Patient` and the FHIR path
 *   when an element it reads has the wrong shape (`name` an object instead of an array, `null` in
 *   a list), or with model `Patient` and field paths of the records model when required data is
 *   absent or invalid (such as `birthDate` or the family name)
 * @example
 * fromFhirPatient(JSON.parse(text)); // Right({ id: 'example', name: { family: 'Chalmers', given: 'Peter', middle: ['James'] } ... })
 * fromFhirPatient({ name: { family: 'Doe' } }); // Left({ code: 'validation.failed', model: 'FHIR Patient', issues: [{ path: 'name', ... }] })
 */
export const fromFhirPatient = (input: unknown): Either<ValidationError, Patient> => {
  const read = readFhir('Patient', FhirPatientSchema, input);
  if (read._tag === 'Left') return read;
  const resource = read.right;
  const names = resource.name ?? [];
  const current =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual' && n.family) ?? names[0];
  const preferred = names.find((n) => n !== current && (n.use === 'usual' || n.use === 'nickname'))
    ?.given?.[0];
  const previous = names.filter(
    (n) => n !== current && (n.use === 'old' || n.use === 'maiden') && n.family !== undefined,
  );
  const telecom = resource.telecom ?? [];
  const emergency = resource.contact?.find((c) => hasRelationship(c, 'C') || hasRelationship(c, 'N'));
  const guarantor = resource.contact?.find((c) => hasRelationship(c, 'BP'));
  const language = resource.communication?.find((c) => c.preferred) ?? resource.communication?.[0];
  const languageCode = language?.language.coding?.[0]?.code;
  const multipleBirth = resource.multipleBirthInteger ?? resource.multipleBirthBoolean;
  // The calendar date as written in the dateTime (its own offset); a year or month alone says only "deceased".
  const deathDate = CALENDAR_DATE_PREFIX.exec(resource.deceasedDateTime ?? '')?.[0];
  const deceased = deathDate ?? (resource.deceasedDateTime !== undefined ? true : resource.deceasedBoolean);
  return parsePatient({
    id: resource.id,
    active: resource.active ?? true,
    name: { ...fromHumanName(current), ...(preferred !== undefined ? { preferred } : {}) },
    previousNames: previous.map(fromHumanName),
    birthDate: resource.birthDate,
    sex: resource.gender ?? 'unknown',
    ...(multipleBirth !== undefined ? { multipleBirth } : {}),
    ...(deceased !== undefined ? { deceased } : {}),
    addresses: (resource.address ?? []).filter((a) => a.use !== 'old').map(fromFhirAddress),
    phones: telecom
      .filter((t) => t.system === 'phone' && t.value !== undefined && t.use !== 'old')
      .map((t) => ({ use: t.use === 'home' || t.use === 'work' ? t.use : 'mobile', value: t.value })),
    emails: telecom.filter((t) => t.system === 'email' && t.value !== undefined).map((t) => t.value),
    identifiers: (resource.identifier ?? [])
      .filter((i) => i.value !== undefined)
      .map((i) => ({ kind: identifierKind(i), system: i.system ?? 'urn:unknown', value: i.value })),
    ...(emergency ? { emergencyContact: fromContact(emergency) } : {}),
    ...(guarantor ? { guarantor: fromContact(guarantor) } : {}),
    ...(languageCode !== undefined ? { communication: { channel: 'phone', language: languageCode } } : {}),
  });
};

/**
 * Maps a practitioner to a FHIR R4 Practitioner: the NPI as an identifier with the
 * `http://hl7.org/fhir/sid/us-npi` system, credentials as name suffixes, phones and emails as
 * telecom, the specialty as a qualification text.
 *
 * @param p - the practitioner
 * @returns a FHIR R4 Practitioner resource
 * @example
 * toFhirPractitioner(dr).identifier; // [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }]
 */
export const toFhirPractitioner = (p: Practitioner): FhirPractitioner => ({
  resourceType: 'Practitioner',
  id: p.id,
  active: p.active,
  ...(p.npi !== undefined ? { identifier: [{ system: NPI_SYSTEM, value: p.npi }] } : {}),
  name: [
    {
      use: 'official',
      family: p.name.family,
      given: [p.name.given, ...(p.name.middle ?? [])],
      ...(p.credentials.length > 0 ? { suffix: [...p.credentials] } : {}),
    },
  ],
  ...(p.phones.length + p.emails.length > 0
    ? {
        telecom: [
          ...p.phones.map((ph): ContactPoint => ({ system: 'phone', use: 'work', value: ph.value })),
          ...p.emails.map((e): ContactPoint => ({ system: 'email', use: 'work', value: e })),
        ],
      }
    : {}),
  ...(p.specialty !== undefined ? { qualification: [{ code: { text: p.specialty } }] } : {}),
});

/**
 * Maps a FHIR R4 Practitioner to a practitioner and validates it: the `official` (else first)
 * name, name suffixes as credentials, the `us-npi` identifier as the NPI (it must start with 1 or 2
 * and its check digit must hold, so Synthea's synthetic `999...` NPIs are refused), work phones and
 * emails, the first qualification text as the specialty.
 *
 * @param input - anything (a FHIR R4 Practitioner, such as parsed JSON)
 * @returns `Right(Practitioner)`; `Left(ValidationError)` with model `FHIR Practitioner` and the
 *   FHIR path when an element it reads has the wrong shape, or with model `Practitioner` when the
 *   id or name is missing or the NPI fails its first digit or check digit
 * @example
 * fromFhirPractitioner(JSON.parse(text)); // Right({ id: 'f001', name: { family: 'van den broek', given: 'Eric' }, credentials: ['MD'] ... })
 * fromFhirPractitioner({ identifier: [null] }); // Left({ code: 'validation.failed', model: 'FHIR Practitioner', issues: [{ path: 'identifier.0', ... }] })
 */
export const fromFhirPractitioner = (input: unknown): Either<ValidationError, Practitioner> => {
  const read = readFhir('Practitioner', FhirPractitionerSchema, input);
  if (read._tag === 'Left') return read;
  const resource = read.right;
  const npi = resource.identifier?.find((i) => i.system === NPI_SYSTEM)?.value;
  const n = resource.name?.find((x) => x.use === 'official') ?? resource.name?.[0];
  const [given, ...middle] = n?.given ?? [];
  const telecom = resource.telecom ?? [];
  const qualification = resource.qualification?.[0]?.code;
  return parsePractitioner({
    id: resource.id,
    active: resource.active ?? true,
    name: { family: n?.family, given, ...(middle.length > 0 ? { middle } : {}) },
    credentials: n?.suffix ?? [],
    ...(npi !== undefined ? { npi } : {}),
    phones: telecom
      .filter((t) => t.system === 'phone' && t.value !== undefined)
      .map((t) => ({ use: 'work', value: t.value })),
    emails: telecom.filter((t) => t.system === 'email' && t.value !== undefined).map((t) => t.value),
    ...(qualification !== undefined
      ? { specialty: qualification.text ?? qualification.coding?.[0]?.display }
      : {}),
  });
};
