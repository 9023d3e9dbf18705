/**
 * Records models: Patient, Practitioner and Document as zod schemas with inferred types, and their
 * `parseX` entry points. A parsed Patient is well-formed; `normalizePatient` also standardizes it.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { DocumentIdSchema, PatientIdSchema, ProviderIdSchema, ReferralIdSchema } from '../core/ids.js';
import type { Either } from '../core/result.js';
import { IsoDateSchema, IsoInstantSchema } from '../core/calendar.js';
import { NpiSchema } from './npi.js';
import { cleanPersonName } from './names.js';

const text = /* @__NO_SIDE_EFFECTS__ */ () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
// A name: cleaned (controls and bidi overrides removed, NFC) and holding at least one letter.
const nameText = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  z.pipe(
    z.pipe(
      z.string().check(z.maxLength(max * 2)),
      z.transform((s, ctx) => {
        const clean = cleanPersonName(s);
        if (clean === undefined) {
          ctx.issues.push({
            code: 'custom',
            message: 'name must contain a letter (not only invisible or combining characters)',
            input: s,
          });
          return z.NEVER;
        }
        return clean;
      }),
    ),
    z.string().check(z.maxLength(max)),
  );
// Loose on purpose: RFC 5322 allows apostrophes and RFC 6531 non-ASCII local parts (Synthea has both).
const email = /* @__NO_SIDE_EFFECTS__ */ () =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(254),
      z.regex(/^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/, { message: 'must be an email address' }),
    );

/** A person's name: family, given, middle names, suffix (Jr, Sr, III) and a preferred name. */
export const PersonNameSchema = /* @__PURE__ */ z.object({
  family: nameText(200),
  given: nameText(200),
  middle: z.optional(z.array(nameText(200)).check(z.maxLength(5))),
  suffix: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  preferred: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** Last day this name was in use, for previous names (maiden name, before a name change). */
  until: z.optional(IsoDateSchema),
});
/** A person's name: family, given, middle names, suffix (Jr, Sr, III) and a preferred name. */
export interface PersonName extends z.infer<typeof PersonNameSchema> {}

/** A postal address. `line` holds the street lines; US addresses use USPS abbreviations after normalizing. */
export const AddressSchema = /* @__PURE__ */ z.object({
  use: z._default(z.enum(['home', 'work', 'mailing', 'old']), 'home'),
  line: z.array(text()).check(z.minLength(1), z.maxLength(3)),
  city: text(),
  state: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
  postalCode: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(12))),
  /** ISO 3166 alpha-2 or alpha-3 country code. */
  country: z._default(z.string().check(z.trim(), z.minLength(2), z.maxLength(3)), 'US'),
});
/** A postal address. */
export interface Address extends z.infer<typeof AddressSchema> {}

/** A phone number with its use. After normalizing, `value` is E.164 (`+14155550132`). */
export const ContactPhoneSchema = /* @__PURE__ */ z.object({
  use: z._default(z.enum(['home', 'mobile', 'work']), 'mobile'),
  value: text(),
  extension: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
});
/** A phone number with its use. */
export interface ContactPhone extends z.infer<typeof ContactPhoneSchema> {}

/**
 * Kinds of patient identifier, after HL7 v2 table 0203 (MR, SS, MC = Medicare MBI, MA = Medicaid,
 * DL, PPN = passport); `other` for anything else. MRNs compare only within one `system`.
 */
export const PatientIdentifierKindSchema = /* @__PURE__ */ z.enum([
  'MRN',
  'SSN',
  'MBI',
  'MEDICAID',
  'DL',
  'PPN',
  'OTHER',
]);
/** Kinds of patient identifier. */
export type PatientIdentifierKind = z.infer<typeof PatientIdentifierKindSchema>;

/** An identifier with its assigning system (the authority, e.g. the hospital's MRN namespace). */
export const PatientIdentifierSchema = /* @__PURE__ */ z.object({
  kind: PatientIdentifierKindSchema,
  system: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  value: text(),
});
/** An identifier with its assigning system. */
export interface PatientIdentifier extends z.infer<typeof PatientIdentifierSchema> {}

/**
 * How an emergency contact or guarantor relates to the patient.
 *
 * @example
 * CONTACT_RELATIONSHIPS.includes('guardian'); // true
 */
export const CONTACT_RELATIONSHIPS = [
  'parent',
  'guardian',
  'spouse',
  'partner',
  'child',
  'sibling',
  'friend',
  'self',
  'other',
] as const;

/** A related person: emergency contact or guarantor. */
export const RelatedPersonSchema = /* @__PURE__ */ z.object({
  name: text(),
  relationship: z.enum(CONTACT_RELATIONSHIPS),
  phone: z.optional(text()),
  /** The related person's own chart, when they are a patient too. */
  patientId: z.optional(PatientIdSchema),
});
/** A related person: emergency contact or guarantor. */
export interface RelatedPerson extends z.infer<typeof RelatedPersonSchema> {}

/** Consent and acknowledgement kinds a front desk collects. */
export const ConsentKindSchema = /* @__PURE__ */ z.enum([
  'privacy-notice',
  'treatment',
  'financial-responsibility',
  'text-messages',
  'release-of-information',
  'telehealth',
]);
/** Consent and acknowledgement kinds a front desk collects. */
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

/** A signed consent, with its expiry when it has one. */
export const ConsentSchema = /* @__PURE__ */ z.object({
  kind: ConsentKindSchema,
  signedOn: IsoDateSchema,
  expiresOn: z.optional(IsoDateSchema),
});
/** A signed consent. */
export interface Consent extends z.infer<typeof ConsentSchema> {}

/** How the patient prefers to be contacted. */
export const CommunicationPreferencesSchema = /* @__PURE__ */ z.object({
  channel: z.enum(['phone', 'sms', 'email', 'mail', 'portal']),
  reminders: z._default(z.boolean(), true),
  /** BCP 47 language tag, such as `en` or `es-MX`. */
  language: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(35))),
  interpreterNeeded: z._default(z.boolean(), false),
});
/** How the patient prefers to be contacted. */
export interface CommunicationPreferences extends z.infer<typeof CommunicationPreferencesSchema> {}

/** A patient chart's demographics and administrative data. */
export const PatientSchema = /* @__PURE__ */ z.object({
  id: PatientIdSchema,
  active: z._default(z.boolean(), true),
  name: PersonNameSchema,
  previousNames: z._default(z.array(PersonNameSchema).check(z.maxLength(10)), []),
  birthDate: IsoDateSchema,
  /** Administrative sex (FHIR `gender`). */
  sex: z.enum(['male', 'female', 'other', 'unknown']),
  genderIdentity: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** Set for twins and other multiple births: birth order (1, 2, ...) or true when unknown. */
  multipleBirth: z.optional(z.union([z.boolean(), z.int().check(z.gte(1), z.lte(10))])),
  /** Whether the patient died (FHIR `deceasedBoolean`), or the date of death when known (`deceasedDateTime`). */
  deceased: z.optional(z.union([z.boolean(), IsoDateSchema])),
  addresses: z._default(z.array(AddressSchema).check(z.maxLength(10)), []),
  phones: z._default(z.array(ContactPhoneSchema).check(z.maxLength(10)), []),
  emails: z._default(z.array(email()).check(z.maxLength(10)), []),
  identifiers: z._default(z.array(PatientIdentifierSchema).check(z.maxLength(20)), []),
  communication: z.optional(CommunicationPreferencesSchema),
  emergencyContact: z.optional(RelatedPersonSchema),
  guarantor: z.optional(RelatedPersonSchema),
  consents: z._default(z.array(ConsentSchema).check(z.maxLength(50)), []),
  /** Day the front desk last confirmed the demographics with the patient. */
  verifiedOn: z.optional(IsoDateSchema),
  /** Day the chart was created. */
  createdOn: z.optional(IsoDateSchema),
});
/** A patient chart's demographics and administrative data. */
export interface Patient extends z.infer<typeof PatientSchema> {}

/**
 * Parses a patient from outside data (no standardization: see `normalizePatient`).
 *
 * @param input - anything
 * @returns `Right(Patient)` or `Left(ValidationError)` with every issue and its field path
 * @example
 * parsePatient({ id: 'pat-001', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1984-03-09', sex: 'female' });
 */
export const parsePatient = (input: unknown): Either<ValidationError, Patient> =>
  parseWith('Patient', PatientSchema, input);

/** A practitioner of the clinic, identified by NPI. */
export const PractitionerSchema = /* @__PURE__ */ z.object({
  id: ProviderIdSchema,
  active: z._default(z.boolean(), true),
  name: PersonNameSchema,
  /** Credentials after the name, such as MD, DO, NP, PA-C. */
  credentials: z._default(
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))).check(z.maxLength(5)),
    [],
  ),
  /** National Provider Identifier; the Luhn check digit (prefix 80840) is checked when parsed. */
  npi: z.optional(NpiSchema),
  specialty: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  phones: z._default(z.array(ContactPhoneSchema).check(z.maxLength(5)), []),
  emails: z._default(z.array(email()).check(z.maxLength(5)), []),
});
/** A practitioner of the clinic, identified by NPI. */
export interface Practitioner extends z.infer<typeof PractitionerSchema> {}

/**
 * Parses a practitioner from outside data.
 *
 * @param input - anything
 * @returns `Right(Practitioner)` or `Left(ValidationError)`
 * @example
 * parsePractitioner({ id: 'prov-1', name: { family: 'Okafor', given: 'Chidi' }, npi: '1234567893' });
 */
export const parsePractitioner = (input: unknown): Either<ValidationError, Practitioner> =>
  parseWith('Practitioner', PractitionerSchema, input);

/**
 * Document types a front desk receives, with the LOINC document code where one exists (LOINC
 * 11502-2 lab report, 11488-4 consult note, 57133-1 referral note, 18842-5 discharge summary,
 * 11506-3 progress note, 34117-2 history and physical; codes unverified per the records reference §6).
 */
export const DOCUMENT_TYPE_LOINC = {
  'lab-result': '11502-2',
  'consult-note': '11488-4',
  'referral-note': '57133-1',
  'discharge-summary': '18842-5',
  'progress-note': '11506-3',
  'history-and-physical': '34117-2',
  'insurance-card': undefined,
  'identity-document': undefined,
  'signed-form': undefined,
  other: undefined,
} as const;

/** Document types a front desk receives. */
export const DocumentTypeSchema = /* @__PURE__ */ z.enum(
  Object.keys(DOCUMENT_TYPE_LOINC) as [
    keyof typeof DOCUMENT_TYPE_LOINC,
    ...(keyof typeof DOCUMENT_TYPE_LOINC)[],
  ],
);
/** Document types a front desk receives. */
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** A received document (fax, scan, portal upload, HIE feed). */
export const DocumentSchema = /* @__PURE__ */ z.object({
  id: DocumentIdSchema,
  type: DocumentTypeSchema,
  receivedAt: IsoInstantSchema,
  source: z.object({
    channel: z.enum(['fax', 'scan', 'portal', 'hie', 'email', 'mail']),
    /** Sending organization or person, as printed. */
    sender: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
  patientId: z.optional(PatientIdSchema),
  pages: z.int().check(z.gte(1), z.lte(10_000)),
  status: z._default(z.enum(['received', 'routed', 'filed', 'needs-review']), 'received'),
  /** The provider who ordered the test, for results. */
  orderingProviderId: z.optional(ProviderIdSchema),
  /** The referral this document answers, for consult notes. */
  referralId: z.optional(ReferralIdSchema),
});
/** A received document. */
export interface MedicalDocument extends z.infer<typeof DocumentSchema> {}

/**
 * Parses a received document from outside data.
 *
 * @param input - anything
 * @returns `Right(MedicalDocument)` or `Left(ValidationError)`
 * @example
 * parseDocument({ id: 'doc-1', type: 'lab-result', receivedAt: '2026-11-23T08:05:00-05:00',
 *   source: { channel: 'fax' }, pages: 2 });
 */
export const parseDocument = (input: unknown): Either<ValidationError, MedicalDocument> =>
  parseWith('Document', DocumentSchema, input);
