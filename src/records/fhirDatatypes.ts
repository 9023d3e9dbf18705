/**
 * zod schemas for the FHIR R4 datatypes the `fromFhirX` mappers read (hl7.org/fhir/R4/datatypes),
 * shared by the records, insurance, referrals and scheduling mappers. Not exported from any barrel.
 *
 * A mapper checks the part of a resource it reads with these before it reads it, so JSON of the
 * wrong shape (a HumanName object where FHIR has an array, `null` in a list, a number where a
 * reference string belongs) is a `Left` naming the path, never a TypeError. Only the elements a
 * mapper reads are declared; the rest of a resource is ignored (zod strips unknown keys), so a
 * valid resource with elements the library does not use still reads. Cardinalities follow R4:
 * an element that is 0..* is an optional array, one that is 1..1 is required.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';

const str = /* @__NO_SIDE_EFFECTS__ */ () => z.optional(z.string());

/** Coding: system, code, display. */
export const FhirCodingSchema = /* @__PURE__ */ z.object({
  system: str(),
  code: str(),
  display: str(),
});

/** CodeableConcept: codings and text. */
export const FhirCodeableConceptSchema = /* @__PURE__ */ z.object({
  coding: z.optional(z.array(FhirCodingSchema)),
  text: str(),
});

/** Period: start and end as written (dates or date-times; a mapper checks the form it needs). */
export const FhirPeriodSchema = /* @__PURE__ */ z.object({ start: str(), end: str() });

/** Extension: url (1..1) and the value types the mappers read. */
export const FhirExtensionSchema = /* @__PURE__ */ z.object({
  url: z.string(),
  valueString: str(),
  valueCode: str(),
});

/** Identifier: type, system, value. */
export const FhirIdentifierSchema = /* @__PURE__ */ z.object({
  type: z.optional(FhirCodeableConceptSchema),
  system: str(),
  value: str(),
});

/** Reference: the literal reference, a logical identifier, display, extensions. */
export const FhirReferenceSchema = /* @__PURE__ */ z.object({
  reference: str(),
  identifier: z.optional(FhirIdentifierSchema),
  display: str(),
  extension: z.optional(z.array(FhirExtensionSchema)),
});

/** HumanName: use, text, family, given, suffix, period. */
export const FhirHumanNameSchema = /* @__PURE__ */ z.object({
  use: str(),
  text: str(),
  family: str(),
  given: z.optional(z.array(z.string())),
  suffix: z.optional(z.array(z.string())),
  period: z.optional(FhirPeriodSchema),
});

/** ContactPoint: system, value, use. */
export const FhirContactPointSchema = /* @__PURE__ */ z.object({ system: str(), value: str(), use: str() });

/** Address: use, type, text, lines, city, district, state, postal code, country. */
export const FhirAddressSchema = /* @__PURE__ */ z.object({
  use: str(),
  type: str(),
  text: str(),
  line: z.optional(z.array(z.string())),
  city: str(),
  district: str(),
  state: str(),
  postalCode: str(),
  country: str(),
});

/** Annotation: the text (1..1 in R4; a note without text is read as no text). */
export const FhirAnnotationSchema = /* @__PURE__ */ z.object({ text: str() });

/**
 * Checks the part of a FHIR resource a mapper reads; never throws.
 *
 * @param model - the resource type named in the error, such as `Patient`
 * @param schema - the schema of the elements the mapper reads
 * @param input - anything
 * @returns `Right(the elements read)` or `Left(ValidationError)` with model `FHIR <model>` and
 *   the FHIR path of every element of the wrong shape (messages name types, never values)
 * @example
 * readFhir('Patient', z.object({ name: z.array(FhirHumanNameSchema).optional() }), { name: {} });
 * // Left({ code: 'validation.failed', model: 'FHIR Patient', issues: [{ path: 'name', ... }] })
 */
export const readFhir = <S extends z.ZodMiniType>(
  model: string,
  schema: S,
  input: unknown,
): Either<ValidationError, z.output<S>> => parseWith(`FHIR ${model}`, schema, input);
