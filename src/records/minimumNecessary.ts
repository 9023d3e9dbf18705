/**
 * Minimum-necessary projections (HIPAA §164.502(b)): each role sees only the patient fields its
 * work needs.
 */
import { copyData } from '../internal/copyData.js';
import type { Patient, PatientIdentifier } from './model.js';

/** Roles with a minimum-necessary projection. */
export type RecordsRole = 'front-desk' | 'billing' | 'clinician';

/** What a role sees: the chart id plus the fields its role allows. */
export type PatientView = Pick<Patient, 'id'> & Partial<Omit<Patient, 'id'>>;

type Field = keyof Patient;
const FIELDS: Readonly<Record<RecordsRole, readonly Field[]>> = {
  // Registration and check-in: contact, consents, guarantor, coverage ids.
  'front-desk': [
    'active', 'name', 'previousNames', 'birthDate', 'deceased', 'sex', 'multipleBirth', 'addresses', 'phones', 'emails', 'identifiers',
    'communication', 'emergencyContact', 'guarantor', 'consents', 'verifiedOn',
  ],
  // Claims and statements: who is billed, where, under which member ids.
  // A date of death too: no claim may carry a date of service after it (PAT06, edit E19).
  billing: ['active', 'name', 'birthDate', 'deceased', 'sex', 'addresses', 'phones', 'identifiers', 'guarantor'],
  // Care: who the patient is and how to talk to them; no address, payer ids or SSN.
  clinician: [
    'active', 'name', 'birthDate', 'deceased', 'sex', 'genderIdentity', 'multipleBirth', 'identifiers', 'communication',
    'emergencyContact', 'consents',
  ],
}; // prettier-ignore

const IDENTIFIER_KINDS: Readonly<Record<RecordsRole, readonly PatientIdentifier['kind'][]>> = {
  'front-desk': ['MRN', 'MBI', 'MEDICAID', 'SSN', 'DL'],
  billing: ['MRN', 'MBI', 'MEDICAID', 'SSN'],
  clinician: ['MRN'],
};

/**
 * Projects a patient to the fields a role needs. Identifiers are filtered by kind (a clinician
 * sees only MRNs), and an SSN, where kept, is masked to its last 4 digits (`***-**-1057`):
 * registration and billing confirm it, they don't need it whole.
 *
 * @param patient - the chart
 * @param role - `front-desk`, `billing` or `clinician`
 * @returns a new object with the allowed fields only, sharing nothing mutable with the chart
 *   (editing the view never edits the patient)
 * @example
 * minimumNecessary(patient, 'clinician'); // { id, name, birthDate, sex, communication, ... }
 */
export const minimumNecessary = (patient: Patient, role: RecordsRole): PatientView => {
  const view: Record<string, unknown> = { id: patient.id };
  for (const field of FIELDS[role]) if (patient[field] !== undefined) view[field] = copyData(patient[field]);
  view['identifiers'] = patient.identifiers
    .filter((i) => IDENTIFIER_KINDS[role].includes(i.kind))
    .map((i) =>
      i.kind === 'SSN' ? { ...i, value: `***-**-${i.value.replace(/\D/g, '').slice(-4)}` } : copyData(i),
    );
  return view as PatientView;
};
