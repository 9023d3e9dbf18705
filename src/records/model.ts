/**
 * Records models: Patient, Practitioner and Document as zod schemas with inferred types, and their
 * `parseX` entry points. A parsed Patient is well-formed; `normalizePatient` also standardizes it.
 */
import * as z from 'zod';
import { parseWith, type ValidationError } from '../core/errors.js';
import { DocumentIdSchema, PatientIdSchema, ProviderIdSchema, ReferralIdSchema } from '../core/ids.js';
import type { Either } from '../core/result.js';
import { IsoDateSchema, IsoInstantSchema } from '../core/calendar.js';
import { NpiSchema } from './npi.js';
import { cleanPersonName } from './names.js';

const text = () => z.string().trim().min(1).max(200);
// A name: cleaned (controls and bidi overrides removed, NFC) and holding at least one letter.
const nameText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s, ctx) => {
      const clean = cleanPersonName(s);
      if (clean === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'name must contain a letter (not only invisible or combining characters)',
        });
        return z.NEVER;
      }
      return clean;
    })
    .pipe(z.string().max(max));
// Loose on purpose: RFC 5322 allows apostrophes and RFC 6531 non-ASCII local parts (Synthea has both).
const email = () =>
  z
    .string()
    .trim()
    .max(254)
    // A dot in the domain, neither first nor last; the domain's first character is read alone so
    // that the two runs around the dot cannot trade characters (linear time).
    .regex(/^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/, { message: 'must be an email address' });

/** A person's name: family, given, middle names, suffix (Jr, Sr, III) and a preferred name. */
export const PersonNameSchema = /* @__PURE__ */ z.object({
  family: nameText(200),
  given: nameText(200),
  middle: z.array(nameText(200)).max(5).optional(),
  suffix: z.string().trim().max(20).optional(),
  preferred: z.string().trim().max(100).optional(),
  /** Last day this name was in use, for previous names (maiden name, before a name change). */
  until: IsoDateSchema.optional(),
});
/** A person's name: family, given, middle names, suffix (Jr, Sr, III) and a preferred name. */
export interface PersonName extends z.infer<typeof PersonNameSchema> {}

/** A postal address. `line` holds the street lines; US addresses use USPS abbreviations after normalizing. */
export const AddressSchema = /* @__PURE__ */ z.object({
  use: z.enum(['home', 'work', 'mailing', 'old']).default('home'),
  line: z.array(text()).min(1).max(3),
  city: text(),
  state: z.string().trim().min(1).max(50).optional(),
  postalCode: z.string().trim().min(3).max(12).optional(),
  /** ISO 3166 alpha-2 or alpha-3 country code. */
  country: z.string().trim().min(2).max(3).default('US'),
});
/** A postal address. */
export interface Address extends z.infer<typeof AddressSchema> {}

/** A phone number with its use. After normalizing, `value` is E.164 (`+14155550132`). */
export const ContactPhoneSchema = /* @__PURE__ */ z.object({
  use: z.enum(['home', 'mobile', 'work']).default('mobile'),
  value: text(),
  extension: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
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
  system: z.string().trim().min(1).max(200),
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
  phone: text().optional(),
  /** The related person's own chart, when they are a patient too. */
  patientId: PatientIdSchema.optional(),
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
  expiresOn: IsoDateSchema.optional(),
});
/** A signed consent. */
export interface Consent extends z.infer<typeof ConsentSchema> {}

/** How the patient prefers to be contacted. */
export const CommunicationPreferencesSchema = /* @__PURE__ */ z.object({
  channel: z.enum(['phone', 'sms', 'email', 'mail', 'portal']),
  reminders: z.boolean().default(true),
  /** BCP 47 language tag, such as `en` or `es-MX`. */
  language: z.string().trim().min(2).max(35).optional(),
  interpreterNeeded: z.boolean().default(false),
});
/** How the patient prefers to be contacted. */
export interface CommunicationPreferences extends z.infer<typeof CommunicationPreferencesSchema> {}

/** A patient chart's demographics and administrative data. */
export const PatientSchema = /* @__PURE__ */ z.object({
  id: PatientIdSchema,
  active: z.boolean().default(true),
  name: PersonNameSchema,
  previousNames: z.array(PersonNameSchema).max(10).default([]),
  birthDate: IsoDateSchema,
  /** Administrative sex (FHIR `gender`). */
  sex: z.enum(['male', 'female', 'other', 'unknown']),
  genderIdentity: z.string().trim().max(100).optional(),
  /** Set for twins and other multiple births: birth order (1, 2, ...) or true when unknown. */
  multipleBirth: z.union([z.boolean(), z.number().int().min(1).max(10)]).optional(),
  /** Whether the patient died (FHIR `deceasedBoolean`), or the date of death when known (`deceasedDateTime`). */
  deceased: z.union([z.boolean(), IsoDateSchema]).optional(),
  addresses: z.array(AddressSchema).max(10).default([]),
  phones: z.array(ContactPhoneSchema).max(10).default([]),
  emails: z.array(email()).max(10).default([]),
  identifiers: z.array(PatientIdentifierSchema).max(20).default([]),
  communication: CommunicationPreferencesSchema.optional(),
  emergencyContact: RelatedPersonSchema.optional(),
  guarantor: RelatedPersonSchema.optional(),
  consents: z.array(ConsentSchema).max(50).default([]),
  /** Day the front desk last confirmed the demographics with the patient. */
  verifiedOn: IsoDateSchema.optional(),
  /** Day the chart was created. */
  createdOn: IsoDateSchema.optional(),
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
  active: z.boolean().default(true),
  name: PersonNameSchema,
  /** Credentials after the name, such as MD, DO, NP, PA-C. */
  credentials: z.array(z.string().trim().min(1).max(20)).max(5).default([]),
  /** National Provider Identifier; the Luhn check digit (prefix 80840) is checked when parsed. */
  npi: NpiSchema.optional(),
  specialty: z.string().trim().max(100).optional(),
  phones: z.array(ContactPhoneSchema).max(5).default([]),
  emails: z.array(email()).max(5).default([]),
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
    sender: z.string().trim().max(200).optional(),
  }),
  patientId: PatientIdSchema.optional(),
  pages: z.number().int().min(1).max(10_000),
  status: z.enum(['received', 'routed', 'filed', 'needs-review']).default('received'),
  /** The provider who ordered the test, for results. */
  orderingProviderId: ProviderIdSchema.optional(),
  /** The referral this document answers, for consult notes. */
  referralId: ReferralIdSchema.optional(),
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
