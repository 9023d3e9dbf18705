// A property test of someone else's appointment-reminder service, driven by medoffice's appointment
// arbitrary: appointments in every FHIR status, with and without times, at local office hours in
// zones on both sides of UTC. Run it: `npx tsx examples/testing/reminderProperty.ts`.
import fc from 'fast-check';
import { instantToMs } from '../../src/core/index.js';
import { appointmentArbitrary } from '../../src/testing/index.js';

const HOUR = 3_600_000;

// #region service
/** An appointment as the reminder service sees it. */
interface Visit {
  readonly status: string;
  readonly start?: string | undefined;
}

/** The service under test: when to text a reminder (two hours before a booked visit), in epoch ms. */
const twoHoursBefore =
  (readStart: (iso: string) => number) =>
  (visit: Visit): number | undefined =>
    visit.status === 'booked' && visit.start !== undefined ? readStart(visit.start) - 2 * HOUR : undefined;

export const reminderAt = twoHoursBefore(Date.parse);
/** The same service with a classic bug: it reads the wall-clock time and drops the offset. */
export const reminderIgnoringOffset = twoHoursBefore((iso) => Date.parse(`${iso.slice(0, 19)}Z`));
// #endregion service

// #region property
/** Checks that reminders go out for booked visits only, before the visit and at most a day ahead. */
export const checkReminders = (remind: (visit: Visit) => number | undefined): string | undefined => {
  const result = fc.check(
    fc.property(appointmentArbitrary(), (appointment) => {
      const at = remind(appointment);
      if (appointment.status !== 'booked' || appointment.start === undefined) return at === undefined;
      const start = instantToMs(appointment.start);
      return at !== undefined && at < start && start - at <= 24 * HOUR;
    }),
    { numRuns: 300, seed: 42 },
  );
  const [appointment] = result.counterexample ?? [];
  return result.failed
    ? `reminder not before the visit: ${appointment?.status} at ${appointment?.start}`
    : undefined;
};
// #endregion property

if (process.argv[1]?.endsWith('reminderProperty.ts')) {
  console.log('correct service:', checkReminders(reminderAt) ?? 'holds on every run');
  console.log('service that drops the offset:', checkReminders(reminderIgnoringOffset) ?? 'no failure found');
}
