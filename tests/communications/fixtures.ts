// Builders for the communications tests: plain values typed by their schemas' parse functions,
// so a typo in a fixture fails loudly instead of passing a wrong shape.
import { parseAppointment, type Appointment } from '../../src/scheduling/model.js';
import {
  parsePatientContact,
  parseReminderRules,
  type PatientContact,
  type ReminderRules,
} from '../../src/communications/model.js';
import { IsoInstantSchema, type IsoInstant } from '../../src/core/calendar.js';

const must = <T>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }): T => {
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
  return r.right;
};

export const instant = (s: string): IsoInstant => IsoInstantSchema.parse(s);

export const appt = (id: string, start: string, extra: Record<string, unknown> = {}): Appointment => {
  const startMs = Date.parse(start);
  return must(
    parseAppointment({
      id,
      status: 'booked',
      type: 'office-visit',
      patient: 'p1',
      provider: 'dr-osei',
      start,
      end: new Date(startMs + 30 * 60_000).toISOString(),
      ...extra,
    }),
  );
};

export const GRANTED_2026 = [{ channel: 'sms', kind: 'granted', at: '2026-01-01T00:00:00Z' }] as const;

export const contact = (patient: string, extra: Record<string, unknown> = {}): PatientContact =>
  must(parsePatientContact({ patient, preferences: ['sms', 'email'], consent: GRANTED_2026, ...extra }));

export const rules = (extra: Record<string, unknown> = {}): ReminderRules =>
  must(
    parseReminderRules({
      clinicZone: 'America/New_York',
      practiceName: 'Elm Street Clinic',
      offsets: [{ kind: 'elapsed', minutesBefore: 120 }],
      ...extra,
    }),
  );
