// A small clinic for the lifecycle tests: two family doctors, an orthopedist, a physical
// therapist, an MRI and a lab chair, weekdays 09:00-12:00 and 13:00-17:00 in New York.
import { booked, calendar, provider, template } from './fixtures.js';

export const TYPES = [
  { id: 'visit-30', code: 'V30', durationMinutes: 30 },
  { id: 'visit-60', code: 'V60', durationMinutes: 60 },
  {
    id: 'labs-15',
    code: 'LAB',
    durationMinutes: 15,
    requiredResourceKinds: ['lab-chair'],
    eligibleProviders: ['lab-tech'],
  },
  {
    id: 'mri-45',
    code: 'MRI',
    durationMinutes: 45,
    requiredResourceKinds: ['mri'],
    eligibleProviders: ['radiology'],
  },
  { id: 'ortho-30', code: 'ORTHO', durationMinutes: 30, eligibleSpecialties: ['orthopedics'] },
  {
    id: 'pt-45',
    code: 'PT',
    durationMinutes: 45,
    eligibleSpecialties: ['physical-therapy'],
    stepMinutes: 15,
  },
];

const HOURS = {
  windows: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
};

export const clinicParts = {
  providers: [
    provider('dr-a'),
    provider('dr-b'),
    provider('dr-ortho', { specialties: ['orthopedics'] }),
    provider('pt-lee', { specialties: ['physical-therapy'] }),
    provider('radiology', { specialties: ['radiology'] }),
    provider('lab-tech', { specialties: ['lab'] }),
  ],
  locations: [{ id: 'loc-main', zone: 'America/New_York' }],
  resources: [
    { id: 'mri-1', kind: 'mri', location: 'loc-main' },
    { id: 'chair-1', kind: 'lab-chair', location: 'loc-main' },
  ],
  appointmentTypes: TYPES,
  templates: ['dr-a', 'dr-b', 'dr-ortho', 'pt-lee', 'radiology', 'lab-tech'].map((p) =>
    template(`t-${p}`, p, HOURS),
  ),
};

export const clinic = (appointments: Record<string, unknown>[] = [], extra: Record<string, unknown> = {}) =>
  calendar({ ...clinicParts, appointments, ...extra });

export { booked };
