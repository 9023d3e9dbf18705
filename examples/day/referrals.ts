// Referrals at the front desk: the clinic's referral worklist this morning, then the MRI +
// orthopedic referral of pat-003 from submission to the closed loop: denied for diagnosis
// specificity, amended, resubmitted, authorized, MRI and consult booked (MRI first), seen, and
// closed when the consult note arrives. Appointment ids and times are chosen here; scheduling's
// slot search comes later in the day.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  IanaZoneSchema,
  IsoInstantSchema,
  formatInstant,
  instantToMs,
  isOk,
  parseWith,
  isoInstant,
} from '../../src/core/index.js';
import { formatIcd10Cm } from '../../src/records/index.js';
import {
  AuthorizationResponseSchema,
  DEFAULT_REFERRAL_WORKLIST_DAYS,
  ReferralEventSchema,
  ReferralSchema,
  applyAuthorizationResponse,
  authorizationStatus,
  denialGuidance,
  parseAuthorizationResponse,
  parseReferralEvent,
  referralWorklist,
  toFhirServiceRequest,
  toFhirTask,
  transitionReferral,
  type Referral,
  type ReferralError,
} from '../../src/referrals/index.js';
import { DATA_DIR, type SampleClinic } from './clinic.js';

const SampleReferralsSchema = z.object({
  zone: IanaZoneSchema,
  referrals: z.array(
    z.object({
      // The library's schemas are zod/mini schemas: classic methods come from wrapping their shape.
      draft: z.object(ReferralSchema.shape).omit({
        status: true,
        authorizations: true,
        appointments: true,
        notes: true,
        history: true,
      }),
      events: z.array(z.object({ at: z.string(), event: ReferralEventSchema })),
      // Each answer with the time it was received (the `at` of applyAuthorizationResponse).
      responses: z
        .array(z.object({ ...AuthorizationResponseSchema.shape, receivedAt: IsoInstantSchema }))
        .optional(),
    }),
  ),
});

const orThrow = <T>(
  r: { _tag: 'Left'; left: ReferralError | { message: string } } | { _tag: 'Right'; right: T },
): T => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

/** Replays a sample referral: its events, then the payer's responses, through the real machine. */
const replay = (sample: z.infer<typeof SampleReferralsSchema>['referrals'][number]): Referral => {
  let r: Referral = {
    ...sample.draft,
    status: 'draft',
    authorizations: [],
    appointments: [],
    notes: [],
    history: [],
  };
  for (const { at, event } of sample.events) r = orThrow(transitionReferral(r, event, isoInstant(at)));
  for (const { receivedAt, ...response } of sample.responses ?? [])
    r = orThrow(applyAuthorizationResponse(r, response, receivedAt));
  return r;
};

export const run = (clinic: SampleClinic): void => {
  const data = orThrow(
    parseWith(
      'SampleReferrals',
      SampleReferralsSchema,
      JSON.parse(readFileSync(resolve(DATA_DIR, 'referrals.json'), 'utf8')),
    ),
  );
  const zone = data.zone;
  const name = new Map(clinic.providers.map((p) => [p.id as string, p.name]));
  const referrals = data.referrals.map(replay);
  const morning = isoInstant(`${clinic.today}T08:00:00-05:00`);
  const policy = { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone };

  console.log(`\n== Referral worklist, ${formatInstant(instantToMs(morning), zone)} ==`);
  for (const item of referralWorklist(referrals, morning, policy)) {
    const hours = Math.floor(item.overdueMs / 3_600_000) % 24;
    const late =
      item.overdueMs > 0
        ? `${item.overdueDays}d ${hours}h overdue`
        : `due ${item.dueAt.slice(5, 16).replace('T', ' ')}`;
    console.log(
      `${item.patient}  ${item.priority.padEnd(7)} ${item.status.padEnd(21)} ${late.padEnd(18)} ${item.owner.padEnd(20)} ${item.action}`,
    );
  }

  // --- pat-003: MRI + orthopedic consult -----------------------------------------------------
  const start = referrals.find((r) => r.patient === 'pat-003');
  if (!start) return;
  console.log(
    `\n== pat-003: knee MRI (73721) + orthopedic consult (99204), ${name.get(start.referring.provider)} → ${name.get(start.receiving.provider)} ==`,
  );
  let r = start;
  const say = (at: string, text: string): void =>
    console.log(`${at.slice(5, 16).replace('T', ' ')}  ${r.status.padEnd(21)} ${text}`);
  const step = (at: string, event: Record<string, unknown>, text: string): void => {
    const parsed = parseReferralEvent({ actor: 'u-maria', ...event });
    r = orThrow(transitionReferral(r, orThrow(parsed), isoInstant(at)));
    say(at, text);
  };
  const answer = (at: string, input: Record<string, unknown>, text: string): void => {
    r = orThrow(
      applyAuthorizationResponse(
        r,
        orThrow(parseAuthorizationResponse({ actor: 'payer-gateway', ...input })),
        isoInstant(at),
      ),
    );
    say(at, text);
  };
  const request = (id: string) => ({
    id,
    payer: 'payer-aetna',
    requestType: 'initial',
    items: [
      { procedure: '73721', requestedUnits: 1 },
      { procedure: '99204', requestedUnits: 1 },
    ],
  });

  step(
    '2026-11-23T08:30:00-05:00',
    { type: 'submit' },
    `submitted with diagnosis ${r.diagnoses.map(formatIcd10Cm).join(', ')}`,
  );
  step(
    '2026-11-23T08:32:00-05:00',
    { type: 'request-authorization', request: request('auth-1003') },
    '278 request sent (UM02 = I)',
  );
  answer(
    '2026-11-24T10:15:00-05:00',
    { actionCode: 'A3', reasonText: 'Diagnosis code not specific enough' },
    'payer says A3: not certified',
  );
  const reason = r.refusal?.by === 'payer' ? r.refusal.reason : {};
  const guidance = denialGuidance({ reason, diagnoses: r.diagnoses });
  console.log(`       guidance (${guidance.category}): ${guidance.steps.map((s) => s.message).join('; ')}`);
  const candidates = guidance.diagnosisFindings[0]?.candidates ?? [];
  console.log(
    `       candidate codes: ${candidates.map(formatIcd10Cm).join(', ')}; Dr. Okafor picks the initial encounter (A)`,
  );
  const fixed = candidates[0];
  if (fixed === undefined) return;
  step(
    '2026-11-24T11:00:00-05:00',
    { type: 'resubmit', diagnoses: [fixed], request: request('auth-1003b') },
    `new request auth-1003b with ${formatIcd10Cm(fixed)} (the denied auth-1003 stays as it was)`,
  );
  step('2026-11-24T11:01:00-05:00', { type: 'send' }, '278 request sent');
  answer(
    '2026-11-25T09:40:00-05:00',
    {
      actionCode: 'A1',
      certificationNumber: 'AET-60417',
      period: { start: '2026-11-25', end: '2027-02-22', zone: 'America/Denver' },
    },
    'payer says A1: certified, AET-60417, 2 visits, 2026-11-25..2027-02-22',
  );
  step(
    '2026-11-25T10:00:00-05:00',
    {
      type: 'schedule',
      appointment: 'apt-3101',
      start: '2026-12-01T08:00:00-07:00',
      purpose: 'MRI right knee',
    },
    'MRI booked Tue 2026-12-01 08:00 MST (apt-3101)',
  );
  step(
    '2026-11-25T10:02:00-05:00',
    {
      type: 'schedule',
      appointment: 'apt-3102',
      start: '2026-12-03T10:00:00-07:00',
      purpose: 'orthopedic consult',
    },
    'consult booked Thu 2026-12-03 10:00 MST with Dr. Lindqvist, after the MRI (apt-3102)',
  );
  const auth = r.authorizations[r.authorizations.length - 1];
  if (auth) {
    const booked = r.appointments.map((a) => ({
      id: a.appointment,
      start: a.start,
      status: 'booked' as const,
    }));
    const status = authorizationStatus(auth, booked, isoInstant('2026-11-25T10:05:00-05:00'));
    if (isOk(status))
      console.log(
        `       authorization: ${status.right.granted} granted, ${status.right.used} used, both bookings ${status.right.visits.every((v) => v.coverage === 'covered') ? 'covered' : 'NOT covered'}, ${status.right.daysLeft} days left`,
      );
  }
  step(
    '2026-12-01T09:00:00-07:00',
    { type: 'visit-kept', appointment: 'apt-3101' },
    'MRI done; consult still booked',
  );
  step(
    '2026-12-03T11:00:00-07:00',
    { type: 'visit-kept', appointment: 'apt-3102' },
    'consult done: the loop is open until the note',
  );
  step(
    '2026-12-04T16:20:00-07:00',
    { type: 'consult-note-received', document: 'doc-3102-consult', kind: 'final' },
    'consult note received (360X PCC-57)',
  );
  step('2026-12-04T16:25:00-07:00', { type: 'close' }, 'loop closed');
  const task = toFhirTask(r);
  console.log(
    `       ${r.history.length} events in the history; FHIR ServiceRequest ${toFhirServiceRequest(r).status}, Task ${task.status} (${task.businessStatus?.text})`,
  );
};
