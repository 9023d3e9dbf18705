/**
 * Branded identifiers: a `PatientId` can't be passed where a `ProviderId` is expected.
 * Format rules for real-world identifiers (NPI check digit, MBI, SSN) live in `records`.
 */
import * as z from 'zod/mini';
import { valueOrThrow } from './literal.js';
import { parseWith } from './errors.js';

const idString = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(128));

/** The literal constructor of one id (DESIGN.md rule 12): trims, throws on a bad constant. */
const idLiteral =
  <S extends z.ZodMiniType<string, string>>(model: string, schema: S) =>
  (value: string): z.output<S> =>
    valueOrThrow(parseWith(model, schema, value));

/** Patient (chart) identifier. */
export const PatientIdSchema = /* @__PURE__ */ idString().brand<'PatientId'>();
/** Patient (chart) identifier. */
export type PatientId = z.infer<typeof PatientIdSchema>;
/**
 * A `PatientId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `PatientId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = patientId('pat-001');
 */
export const patientId = /* @__PURE__ */ idLiteral('PatientId', PatientIdSchema);
/** Provider (practitioner) identifier within the clinic. */
export const ProviderIdSchema = /* @__PURE__ */ idString().brand<'ProviderId'>();
/** Provider (practitioner) identifier within the clinic. */
export type ProviderId = z.infer<typeof ProviderIdSchema>;
/**
 * A `ProviderId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `ProviderId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = providerId('dr-chen');
 */
export const providerId = /* @__PURE__ */ idLiteral('ProviderId', ProviderIdSchema);
/** Location (site) identifier. */
export const LocationIdSchema = /* @__PURE__ */ idString().brand<'LocationId'>();
/** Location (site) identifier. */
export type LocationId = z.infer<typeof LocationIdSchema>;
/**
 * A `LocationId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `LocationId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = locationId('loc-main');
 */
export const locationId = /* @__PURE__ */ idLiteral('LocationId', LocationIdSchema);
/** Room or equipment identifier. */
export const ResourceIdSchema = /* @__PURE__ */ idString().brand<'ResourceId'>();
/** Room or equipment identifier. */
export type ResourceId = z.infer<typeof ResourceIdSchema>;
/**
 * A `ResourceId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `ResourceId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = resourceId('room-2');
 */
export const resourceId = /* @__PURE__ */ idLiteral('ResourceId', ResourceIdSchema);
/** Appointment identifier. */
export const AppointmentIdSchema = /* @__PURE__ */ idString().brand<'AppointmentId'>();
/** Appointment identifier. */
export type AppointmentId = z.infer<typeof AppointmentIdSchema>;
/**
 * A `AppointmentId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `AppointmentId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = appointmentId('appt-1001');
 */
export const appointmentId = /* @__PURE__ */ idLiteral('AppointmentId', AppointmentIdSchema);
/** Appointment type code (such as `new-patient-40`). */
export const AppointmentTypeIdSchema = /* @__PURE__ */ idString().brand<'AppointmentTypeId'>();
/** Appointment type code (such as `new-patient-40`). */
export type AppointmentTypeId = z.infer<typeof AppointmentTypeIdSchema>;
/**
 * A `AppointmentTypeId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `AppointmentTypeId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = appointmentTypeId('new-patient-40');
 */
export const appointmentTypeId = /* @__PURE__ */ idLiteral('AppointmentTypeId', AppointmentTypeIdSchema);
/** Availability template identifier. */
export const TemplateIdSchema = /* @__PURE__ */ idString().brand<'TemplateId'>();
/** Availability template identifier. */
export type TemplateId = z.infer<typeof TemplateIdSchema>;
/**
 * A `TemplateId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `TemplateId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = templateId('tpl-chen-weekdays');
 */
export const templateId = /* @__PURE__ */ idLiteral('TemplateId', TemplateIdSchema);
/** Payer identifier (clearinghouse or X12 NM109 payer id). */
export const PayerIdSchema = /* @__PURE__ */ idString().brand<'PayerId'>();
/** Payer identifier (clearinghouse or X12 NM109 payer id). */
export type PayerId = z.infer<typeof PayerIdSchema>;
/**
 * A `PayerId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `PayerId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = payerId('60054');
 */
export const payerId = /* @__PURE__ */ idLiteral('PayerId', PayerIdSchema);
/** Plan identifier. */
export const PlanIdSchema = /* @__PURE__ */ idString().brand<'PlanId'>();
/** Plan identifier. */
export type PlanId = z.infer<typeof PlanIdSchema>;
/**
 * A `PlanId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `PlanId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = planId('plan-ppo-1');
 */
export const planId = /* @__PURE__ */ idLiteral('PlanId', PlanIdSchema);
/** Coverage (policy held by a patient) identifier. */
export const CoverageIdSchema = /* @__PURE__ */ idString().brand<'CoverageId'>();
/** Coverage (policy held by a patient) identifier. */
export type CoverageId = z.infer<typeof CoverageIdSchema>;
/**
 * A `CoverageId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `CoverageId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = coverageId('cov-1');
 */
export const coverageId = /* @__PURE__ */ idLiteral('CoverageId', CoverageIdSchema);
/** Referral identifier. */
export const ReferralIdSchema = /* @__PURE__ */ idString().brand<'ReferralId'>();
/** Referral identifier. */
export type ReferralId = z.infer<typeof ReferralIdSchema>;
/**
 * A `ReferralId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `ReferralId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = referralId('ref-1');
 */
export const referralId = /* @__PURE__ */ idLiteral('ReferralId', ReferralIdSchema);
/** Prior authorization identifier. */
export const AuthorizationIdSchema = /* @__PURE__ */ idString().brand<'AuthorizationId'>();
/** Prior authorization identifier. */
export type AuthorizationId = z.infer<typeof AuthorizationIdSchema>;
/**
 * A `AuthorizationId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `AuthorizationId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = authorizationId('auth-1');
 */
export const authorizationId = /* @__PURE__ */ idLiteral('AuthorizationId', AuthorizationIdSchema);
/** Document identifier. */
export const DocumentIdSchema = /* @__PURE__ */ idString().brand<'DocumentId'>();
/** Document identifier. */
export type DocumentId = z.infer<typeof DocumentIdSchema>;
/**
 * A `DocumentId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `DocumentId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = documentId('doc-1');
 */
export const documentId = /* @__PURE__ */ idLiteral('DocumentId', DocumentIdSchema);
/** Staff member or system acting on a record (for audit history). */
export const ActorIdSchema = /* @__PURE__ */ idString().brand<'ActorId'>();
/** Staff member or system acting on a record (for audit history). */
export type ActorId = z.infer<typeof ActorIdSchema>;
/**
 * A `ActorId` literal, for constants, tests and examples (outside data: parse it with its model).
 *
 * @param value - the id, trimmed, 1 to 128 characters
 * @returns the id as a `ActorId`
 * @throws RangeError `validation.failed` when it is empty or longer than 128 characters
 * @example
 * const id = actorId('front-desk-1');
 */
export const actorId = /* @__PURE__ */ idLiteral('ActorId', ActorIdSchema);
