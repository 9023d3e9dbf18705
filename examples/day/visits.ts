// The visits desk, after the schedule: a cancellation filled from the waitlist (with the
// patient's calendar reminder), the morning's check-ins with their verdicts, a no-show, and the
// day's fill rate. Same calendar as the scheduling section (examples/day/clinicCalendar.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCents, type IsoInstant, zone, isoInstant } from '../../src/core/index.js';
import {
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
} from '../../src/insurance/index.js';
import { parsePatient, type Patient } from '../../src/records/index.js';
import { parseAuthorization, type ReferralAppointment } from '../../src/referrals/index.js';
import {
  matchWaitlist,
  parseAppointment,
  parseWaitlistEntry,
  prepareCheckIn,
  toICalendar,
  transitionAppointment,
  utilization,
  validateBooking,
  type Appointment,
  type CheckInSources,
  type CheckInVerdict,
  type Slot,
} from '../../src/scheduling/index.js';
import { DATA_DIR, type SampleClinic } from './clinic.js';
import { clinicCalendar } from './clinicCalendar.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const hhmm = (iso: string | undefined): string => (iso ?? '').slice(11, 16);

interface VisitsData {
  waitlist: unknown[];
  patients: { id: string }[];
  coverages: Record<string, unknown>;
  benefits: unknown;
  accumulators: unknown;
  authorizations: Record<string, { authorization: unknown; appointments: ReferralAppointment[] }>;
  checkIns: { appointment: string; at: string; serviceType: string; allowedCents: number }[];
}

export const run = (clinic: SampleClinic): void => {
  const data = JSON.parse(readFileSync(resolve(DATA_DIR, 'visits.json'), 'utf8')) as VisitsData;
  const clinicZone = zone('America/New_York');
  const at = (time: string): IsoInstant => isoInstant(`${clinic.today}T${time}:00-05:00`);
  let calendar = clinicCalendar(clinic);
  const byId = (id: string): Appointment => {
    const found = calendar.appointments.find((a) => a.id === id);
    if (found === undefined) throw new Error(`the sample day has no appointment ${id}`);
    return found;
  };
  const save = (a: Appointment): void => {
    calendar = { ...calendar, appointments: [...calendar.appointments.filter((x) => x.id !== a.id), a] };
  };

  console.log(`\n== Visits desk, ${clinic.today} ==`);
  const cancelled = must(
    transitionAppointment(
      byId('appt-1016'),
      { type: 'cancel', reason: 'patient called: car trouble' },
      at('08:45'),
    ),
  ).appointment;
  save(cancelled);
  console.log(
    `08:45  appt-1016 (Dr. Okafor ${hhmm(cancelled.start)}-${hhmm(cancelled.end)}) -> ${cancelled.status}: ${cancelled.cancelationReason}`,
  );
  if (cancelled.start === undefined || cancelled.end === undefined)
    throw new Error('a cancelled booking keeps its times');
  const freed: Slot = {
    start: cancelled.start,
    end: cancelled.end,
    provider: cancelled.provider,
    resources: cancelled.resources ?? [],
    type: cancelled.type,
    ...(cancelled.location ? { location: cancelled.location } : {}),
    overbooked: false,
  };
  const waitlist = data.waitlist.map((w) => must(parseWaitlistEntry(w)));
  const ranked = must(matchWaitlist(freed, waitlist, calendar, at('08:45')));
  console.log(
    `       waitlist for the freed ${hhmm(freed.start)}-${hhmm(freed.end)} (${freed.resources.join(', ')}):`,
  );
  for (const m of ranked.matches)
    console.log(
      `         #${m.rank} ${m.entry.id} ${m.entry.type} ${hhmm(m.start)}-${hhmm(m.end)} (priority ${m.entry.priority ?? 0}, waiting since ${m.entry.addedAt.slice(0, 10)})`,
    );
  for (const m of ranked.misses)
    console.log(
      `         -- ${m.entry.id} ${m.entry.type}: ${[...m.reasons, ...m.conflicts.map((c) => c.code)].join(', ')}`,
    );
  const best = ranked.matches[0];
  if (best) {
    const offered = must(
      parseAppointment({
        id: 'appt-1017',
        status: 'proposed',
        type: best.entry.type,
        patient: best.entry.patient,
        provider: freed.provider,
        resources: freed.resources,
        location: freed.location,
        start: best.start,
        end: best.end,
      }),
    );
    const booked = must(transitionAppointment(offered, { type: 'book' }, at('08:52'))).appointment;
    must(validateBooking(booked, calendar, at('08:52')));
    save(booked);
    console.log(
      `08:52  ${best.entry.id} accepts: appt-1017 booked ${hhmm(booked.start)}-${hhmm(booked.end)}, no conflicts`,
    );
    const ics = must(
      toICalendar(booked, {
        dtstamp: at('08:52'),
        summary: 'Follow-up visit, Riverside Main Street',
        location: 'Riverside Main Street, exam room 2',
        zone: clinicZone,
        reminderMinutes: 60,
      }),
    );
    const lines = ics.split('\r\n');
    console.log(
      `       reminder .ics (${lines.length - 1} lines): ${lines.filter((l) => /^(DTSTART;|SUMMARY|TRIGGER)/.test(l)).join(' | ')}`,
    );
  }

  console.log('\n   Check-in desk');
  const patients = new Map<string, Patient>(data.patients.map((p) => [p.id, must(parsePatient(p))]));
  const benefits = must(parseBenefitSet(data.benefits));
  const accumulators = must(parseAccumulators(data.accumulators));
  const sourcesFor = (
    a: Appointment,
    patient: Patient,
    serviceType: string,
    allowed: number,
  ): CheckInSources => {
    const auth = data.authorizations[a.patient];
    return {
      zone: clinicZone,
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
  const show = (time: string, id: string, v: CheckInVerdict): void => {
    const amount = v.collectNow === 'unknown' ? 'unknown' : formatCents(v.collectNow);
    console.log(`${time}  ${id} ${v.ready ? 'READY' : 'NOT READY'}, collect ${amount}`);
    for (const item of v.items.filter((i) => i.severity !== 'ok'))
      console.log(
        `         ${item.severity.padEnd(8)} ${item.code} (${item.source ?? item.area}): ${item.nextStep ?? item.message}`,
      );
  };
  for (const c of data.checkIns) {
    const now = at(c.at);
    const a = byId(c.appointment);
    const chart = patients.get(a.patient);
    if (chart === undefined) throw new Error(`the sample clinic has no chart for ${a.id}`);
    let patient = chart;
    let verdict = prepareCheckIn(a, sourcesFor(a, patient, c.serviceType, c.allowedCents), now);
    show(c.at, a.id, verdict);
    if (verdict.items.some((i) => i.source === 'readiness.consent-missing')) {
      patient = {
        ...patient,
        consents: [...patient.consents, { kind: 'financial-responsibility', signedOn: clinic.today }],
      };
      verdict = prepareCheckIn(a, sourcesFor(a, patient, c.serviceType, c.allowedCents), now);
      console.log('       (the patient signs the financial-responsibility form at the desk)');
      show(c.at, a.id, verdict);
    }
    const clearance = verdict.ready
      ? ({ kind: 'verdict', verdict } as const)
      : ({ kind: 'override', reason: 'patient elects self-pay until the new card is verified' } as const);
    const checkedIn = must(transitionAppointment(a, { type: 'check-in', clearance }, now)).appointment;
    save(checkedIn);
    const reason = checkedIn.history?.at(-1)?.reason;
    console.log(`       -> ${checkedIn.status}${reason ? ` (${reason})` : ''}`);
  }
  const early = transitionAppointment(byId('appt-1005'), { type: 'no-show' }, at('10:55'));
  if (early._tag === 'Left')
    console.log(`10:55  appt-1005 no-show? refused: ${early.left.code} (the visit starts at 11:00)`);
  const noShow = must(transitionAppointment(byId('appt-1005'), { type: 'no-show' }, at('11:20'))).appointment;
  save(noShow);
  console.log(`11:20  appt-1005 -> ${noShow.status}; next allowed: enter-in-error only`);

  const report = must(
    utilization(calendar, { from: at('00:00'), to: isoInstant(`${clinic.today}T23:59:00-05:00`) }),
  );
  console.log('\n   Fill rate today (booked minutes inside hours / available minutes)');
  for (const d of report.days)
    console.log(
      `   ${d.provider.padEnd(13)} ${String(d.bookedMinutes).padStart(4)} / ${String(d.availableMinutes).padStart(3)} min  ${(d.fillRate / 100).toFixed(1)}%`,
    );
};
