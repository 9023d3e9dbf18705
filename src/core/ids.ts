/**
 * Branded identifiers: a `PatientId` can't be passed where a `ProviderId` is expected.
 * Format rules for real-world identifiers (NPI check digit, MBI, SSN) live in `records`.
 */
import { z } from 'zod';

const idString = () => z.string().trim().min(1).max(128);

/** Patient (chart) identifier. */
export const PatientIdSchema = /* @__PURE__ */ idString().brand<'PatientId'>();
/** Patient (chart) identifier. */
export type PatientId = z.infer<typeof PatientIdSchema>;
/** Provider (practitioner) identifier within the clinic. */
export const ProviderIdSchema = /* @__PURE__ */ idString().brand<'ProviderId'>();
/** Provider (practitioner) identifier within the clinic. */
export type ProviderId = z.infer<typeof ProviderIdSchema>;
/** Location (site) identifier. */
export const LocationIdSchema = /* @__PURE__ */ idString().brand<'LocationId'>();
/** Location (site) identifier. */
export type LocationId = z.infer<typeof LocationIdSchema>;
/** Room or equipment identifier. */
export const ResourceIdSchema = /* @__PURE__ */ idString().brand<'ResourceId'>();
/** Room or equipment identifier. */
export type ResourceId = z.infer<typeof ResourceIdSchema>;
/** Appointment identifier. */
export const AppointmentIdSchema = /* @__PURE__ */ idString().brand<'AppointmentId'>();
/** Appointment identifier. */
export type AppointmentId = z.infer<typeof AppointmentIdSchema>;
/** Appointment type code (such as `new-patient-40`). */
export const AppointmentTypeIdSchema = /* @__PURE__ */ idString().brand<'AppointmentTypeId'>();
/** Appointment type code (such as `new-patient-40`). */
export type AppointmentTypeId = z.infer<typeof AppointmentTypeIdSchema>;
/** Availability template identifier. */
export const TemplateIdSchema = /* @__PURE__ */ idString().brand<'TemplateId'>();
/** Availability template identifier. */
export type TemplateId = z.infer<typeof TemplateIdSchema>;
/** Payer identifier (clearinghouse or X12 NM109 payer id). */
export const PayerIdSchema = /* @__PURE__ */ idString().brand<'PayerId'>();
/** Payer identifier (clearinghouse or X12 NM109 payer id). */
export type PayerId = z.infer<typeof PayerIdSchema>;
/** Plan identifier. */
export const PlanIdSchema = /* @__PURE__ */ idString().brand<'PlanId'>();
/** Plan identifier. */
export type PlanId = z.infer<typeof PlanIdSchema>;
/** Coverage (policy held by a patient) identifier. */
export const CoverageIdSchema = /* @__PURE__ */ idString().brand<'CoverageId'>();
/** Coverage (policy held by a patient) identifier. */
export type CoverageId = z.infer<typeof CoverageIdSchema>;
/** Referral identifier. */
export const ReferralIdSchema = /* @__PURE__ */ idString().brand<'ReferralId'>();
/** Referral identifier. */
export type ReferralId = z.infer<typeof ReferralIdSchema>;
/** Prior authorization identifier. */
export const AuthorizationIdSchema = /* @__PURE__ */ idString().brand<'AuthorizationId'>();
/** Prior authorization identifier. */
export type AuthorizationId = z.infer<typeof AuthorizationIdSchema>;
/** Document identifier. */
export const DocumentIdSchema = /* @__PURE__ */ idString().brand<'DocumentId'>();
/** Document identifier. */
export type DocumentId = z.infer<typeof DocumentIdSchema>;
/** Staff member or system acting on a record (for audit history). */
export const ActorIdSchema = /* @__PURE__ */ idString().brand<'ActorId'>();
/** Staff member or system acting on a record (for audit history). */
export type ActorId = z.infer<typeof ActorIdSchema>;
