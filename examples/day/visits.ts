// The visits desk, after the schedule: a cancellation filled from the waitlist (with the
// patient's calendar reminder), the morning's check-ins with their verdicts, and the day's fill rate.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCents, type IsoInstant } from '../../src/core/index.js';
import {
  parseBenefitSet,
  parseCoverage,
  parseAccumulators,
  parseClaimLines,
} from '../../src/insurance/index.js';
import { parsePatient, type Patient } from '../../src/records/index.js';
import { parseAuthorization, type ReferralAppointment } from '../../src/referrals/index.js';
import {
  matchWaitlist,
  parseAppointment,
  parseSchedulingCalendar,
  parseWaitlistEntry,
  prepareCheckIn,
  toICalendar,
  transitionAppointment,
  utilization,
  validateBooking,
  type Appointment,
  type CheckInSources,
  type SchedulingCalendar,
  type Slot,
} from '../../src/scheduling/index.js';
import { DATA_DIR, type SampleClinic } from './clinic.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const at = (s: string): IsoInstant => s as IsoInstant;
const hhmm = (iso: string): string => iso.slice(11, 16);

interface VisitsData {
  appointmentTypes: unknown[];
  appointments: unknown[];
  waitlist: unknown[];
  patients: unknown[];
  coverages: Record<string, unknown>;
  benefits: unknown;
  authorizations: Record<string, { authorization: unknown; appointments: ReferralAppointment[] }>;
}

/** The clinic's weekly hours as availability templates (lunch splits the day). */
const clinicCalendar = (clinic: SampleClinic, data: VisitsData): SchedulingCalendar =>
  must(
    parseSchedulingCalendar({
      providers: clinic.providers.map(({ id, name, zone, locations, specialties }) => ({
        id,
        name,
        zone,
        locations,
        specialties,
      })),
      locations: clinic.locations,
      resources: clinic.resources,
      appointmentTypes: data.appointmentTypes,
      templates: clinic.providers.flatMap((p) =>
        p.weeklyHours.map((h, i) => ({
          id: `${p.id}-hours-${i}`,
          owner: { kind: 'provider', id: p.id },
          zone: p.zone,
          windows: h.lunch
            ? [
                { start: h.start, end: h.lunch[0] },
                { start: h.lunch[1], end: h.end },
              ]
            : [{ start: h.start, end: h.end }],
          rrule: `FREQ=WEEKLY;BYDAY=${h.days.join(',')}`,
          dtstart: '2026-01-05',
        })),
      ),
      exceptions: [],
      appointments: data.appointments,
      holds: [],
    }),
  );

export const run = (clinic: SampleClinic): void => {
  const data = JSON.parse(readFileSync(resolve(DATA_DIR, 'visits.json'), 'utf8')) as VisitsData;
  let calendar = clinicCalendar(clinic, data);
  const byId = (id: string): Appointment => calendar.appointments.find((a) => a.id === id) as Appointment;
  const replace = (...changed: Appointment[]): void => {
    const ids = new Set(changed.map((a) => a.id));
    calendar = {
      ...calendar,
      appointments: [...calendar.appointments.filter((a) => !ids.has(a.id)), ...changed],
    };
  };

  console.log(`\n== Visits desk, ${clinic.today} ==`);
  // 07:45: a patient calls to cancel the 10:00 follow-up with Dr. Okafor.
  const cancelled = must(
    transitionAppointment(
      byId('appt-105'),
      { type: 'cancel', reason: 'patient called: car trouble' },
      at('2026-11-23T12:45:00Z'),
    ),
  ).appointment;
  replace(cancelled);
  console.log(
    `07:45  appt-105 (Dr. Okafor ${hhmm(cancelled.start ?? '')}) -> ${cancelled.status}: ${cancelled.cancelationReason}`,
  );
  const freed: Slot = {
    start: cancelled.start as IsoInstant,
    end: cancelled.end as IsoInstant,
    provider: cancelled.provider,
    resources: cancelled.resources ?? [],
    type: cancelled.type,
    overbooked: false,
  };
  const waitlist = data.waitlist.map((w) => must(parseWaitlistEntry(w)));
  const ranked = must(matchWaitlist(freed, waitlist, calendar, at('2026-11-23T12:45:00Z')));
  console.log('       waitlist for the freed 10:00-10:20:');
  for (const m of ranked.matches)
    console.log(
      `         #${m.rank} ${m.entry.id} (priority ${m.entry.priority ?? 0}, waiting since ${m.entry.addedAt.slice(0, 10)})`,
    );
  for (const m of ranked.misses) console.log(`         -- ${m.entry.id}: ${m.reasons.join(', ')}`);
  const best = ranked.matches[0];
  if (best) {
    const offered = must(
      parseAppointment({
        id: 'appt-108',
        status: 'proposed',
        type: best.entry.type,
        patient: best.entry.patient,
        provider: freed.provider,
        start: best.start,
        end: best.end,
      }),
    );
    const booked = must(
      transitionAppointment(offered, { type: 'book' }, at('2026-11-23T12:50:00Z')),
    ).appointment;
    must(validateBooking(booked, calendar, at('2026-11-23T12:50:00Z')));
    replace(booked);
    console.log(
      `07:50  ${best.entry.id} accepted: appt-108 booked ${hhmm(booked.start ?? '')}-${hhmm(booked.end ?? '')}, no conflicts`,
    );
    const ics = must(
      toICalendar(booked, {
        dtstamp: at('2026-11-23T12:50:00Z'),
        summary: 'Follow-up visit, Riverside Main Street',
        location: 'Riverside Main Street, 2nd floor',
        zone: 'America/New_York' as never,
        reminderMinutes: 120,
      }),
    );
    const lines = ics.split('\r\n');
    console.log(
      `       reminder (.ics, ${lines.length - 1} lines): ${lines.filter((l) => /^(DTSTART;|SUMMARY|TRIGGER)/.test(l)).join(' | ')}`,
    );
  }

  // Morning check-ins.
  console.log('\n   Check-in desk');
  const patients = new Map<string, Patient>(
    data.patients.map((p) => [String((p as { id: string }).id), must(parsePatient(p))]),
  );
  const benefits = must(parseBenefitSet(data.benefits));
  const accumulators = must(
    parseAccumulators({
      planYearStart: '2026-01-01',
      individual: { in: { deductible: 45000, oop: 90000 }, out: { deductible: 0, oop: 0 } },
      family: null,
      limitsUsed: {},
    }),
  );
  const sourcesFor = (
    a: Appointment,
    patient: Patient,
    serviceType: string,
    allowed: number,
  ): CheckInSources => {
    const auth = data.authorizations[a.patient];
    return {
      zone: 'America/New_York' as never,
      patient,
      eligibility: {
        source: must(parseCoverage(data.coverages[a.patient])),
        serviceType,
        providerNetwork: 'in',
      },
      authorizationRequired: auth !== undefined,
      ...(auth
        ? {
            authorization: {
              authorization: must(parseAuthorization(auth.authorization)),
              appointments: auth.appointments,
            },
          }
        : {}),
      costShare: {
        lines: must(
          parseClaimLines([{ id: '1', serviceDate: clinic.today, serviceType, network: 'in', allowed }]),
        ),
        benefits,
        accumulators,
        options: { order: 'claim' },
        policy: { kind: 'copay-only' },
      },
    };
  };
  const desk: [string, string, string, number, string][] = [
    ['appt-101', '07:52', '98', 9800, 'pat-ana'],
    ['appt-102', '08:14', '98', 9800, 'pat-ben'],
    ['appt-103', '08:31', 'BL', 18500, 'pat-carla'],
    ['appt-104', '08:36', '98', 9800, 'pat-eli'],
  ];
  for (const [id, time, stc, allowed, pid] of desk) {
    const now = at(`${clinic.today}T${time}:00-05:00`);
    const a = byId(id);
    let patient = patients.get(pid) as Patient;
    let verdict = prepareCheckIn(a, sourcesFor(a, patient, stc, allowed), now);
    const show = (): void => {
      const amount = verdict.collectNow === 'unknown' ? 'unknown' : formatCents(verdict.collectNow);
      console.log(`${time}  ${id} ${verdict.ready ? 'READY' : 'NOT READY'}, collect ${amount}`);
      for (const item of verdict.items.filter((i) => i.severity !== 'ok'))
        console.log(
          `         ${item.severity.padEnd(8)} ${item.code} (${item.source ?? item.area}): ${item.nextStep ?? item.message}`,
        );
    };
    show();
    if (verdict.items.some((i) => i.area === 'record' && i.severity === 'blocking')) {
      // The front desk has the patient sign the missing form, then checks again.
      patient = {
        ...patient,
        consents: [...patient.consents, { kind: 'financial-responsibility', signedOn: clinic.today }],
      };
      verdict = prepareCheckIn(a, sourcesFor(a, patient, stc, allowed), now);
      console.log('       (financial-responsibility form signed at the desk)');
      show();
    }
    const clearance = verdict.ready
      ? ({ kind: 'verdict', verdict } as const)
      : ({ kind: 'override', reason: 'patient elects self-pay until the new card is verified' } as const);
    const checkedIn = transitionAppointment(a, { type: 'check-in', clearance }, now);
    if (checkedIn._tag === 'Right') {
      replace(checkedIn.right.appointment);
      const last = checkedIn.right.appointment.history?.at(-1);
      console.log(
        `       -> ${checkedIn.right.appointment.status}${last?.reason ? ` (${last.reason})` : ''}`,
      );
    } else
      console.log(`       -> refused: ${checkedIn.left.code}, allowed: ${checkedIn.left.allowed.join(', ')}`);
  }
  const late = transitionAppointment(byId('appt-101'), { type: 'no-show' }, at('2026-11-23T13:30:00Z'));
  if (late._tag === 'Left')
    console.log(
      `08:30  mark appt-101 (checked in) as no-show? refused: ${late.left.code} (allowed now: ${late.left.allowed.join(', ')})`,
    );

  const report = must(
    utilization(calendar, {
      from: at(`${clinic.today}T00:00:00-05:00`),
      to: at(`${clinic.today}T23:59:00-05:00`),
    }),
  );
  console.log('\n   Fill rate today (booked / available minutes)');
  for (const d of report.days)
    console.log(
      `   ${d.provider.padEnd(13)} ${String(d.bookedMinutes).padStart(4)} / ${String(d.availableMinutes).padStart(3)} min  ${(d.fillRate / 100).toFixed(1)}%`,
    );
};
