// Loads the built-in sample clinic through the library's own parsers, as an app would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  CentsSchema,
  IanaZoneSchema,
  IsoDateSchema,
  IsoInstantSchema,
  LocationIdSchema,
  ProviderIdSchema,
  ResourceIdSchema,
  WallTimeSchema,
  parseWith,
} from '../../src/core/index.js';
import { NpiSchema } from '../../src/records/index.js';
import {
  AppointmentSchema,
  AppointmentTypeSchema,
  AvailabilityExceptionSchema,
  AvailabilityTemplateSchema,
  HoldSchema,
} from '../../src/scheduling/index.js';

const WeeklyHoursSchema = z.object({
  days: z.array(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])),
  start: WallTimeSchema,
  end: WallTimeSchema,
  lunch: z.tuple([WallTimeSchema, WallTimeSchema]).optional(),
});

export const SampleClinicSchema = z.object({
  name: z.string(),
  today: IsoDateSchema,
  locations: z.array(z.object({ id: LocationIdSchema, name: z.string(), zone: IanaZoneSchema })),
  providers: z.array(
    z.object({
      id: ProviderIdSchema,
      name: z.string(),
      npi: NpiSchema,
      specialties: z.array(z.string()),
      zone: IanaZoneSchema,
      locations: z.array(LocationIdSchema),
      weeklyHours: z.array(WeeklyHoursSchema),
    }),
  ),
  resources: z.array(
    z.object({
      id: ResourceIdSchema,
      name: z.string(),
      kind: z.string(),
      location: LocationIdSchema,
      capacity: z.number().int().positive(),
    }),
  ),
  feeSchedule: z.array(z.object({ code: z.string(), description: z.string(), allowedCents: CentsSchema })),
  // The front desk's scheduling state this morning: `now`, visit types, extra templates (rooms,
  // monthly clinics), holidays and time off, the booked appointments and live holds.
  scheduling: z.object({
    now: IsoInstantSchema,
    appointmentTypes: z.array(AppointmentTypeSchema),
    templates: z.array(AvailabilityTemplateSchema),
    exceptions: z.array(AvailabilityExceptionSchema),
    appointments: z.array(AppointmentSchema),
    holds: z.array(HoldSchema),
  }),
});
export type SampleClinic = z.infer<typeof SampleClinicSchema>;

export const DATA_DIR = resolve(import.meta.dirname, '../data');

export const loadClinic = (): SampleClinic => {
  const parsed = parseWith(
    'SampleClinic',
    SampleClinicSchema,
    JSON.parse(readFileSync(resolve(DATA_DIR, 'clinic.json'), 'utf8')),
  );
  if (parsed._tag === 'Left') throw new Error(parsed.left.message);
  return parsed.right;
};
