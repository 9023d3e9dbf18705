// The code of docs/guides/referrals.md (pulled in with {@includeCode}); tests/examples runs it and
// checks the values the guide states. Run it: `npx tsx examples/guides/referrals.ts`.
import { isErr, isOk, actorId, isoInstant, zone } from '../../src/core/index.js';
import {
  applyAuthorizationResponse,
  authorizationStatus,
  DEFAULT_REFERRAL_WORKLIST_DAYS,
  denialGuidance,
  fromFhirTask,
  parseAuthorizationResponse,
  parseReferral,
  parseReferralEvent,
  referralVisits,
  referralWorklist,
  toFhirServiceRequest,
  toFhirTask,
  transitionReferral,
  type Referral,
} from '../../src/referrals/index.js';

export const parsing = () => {
  // #region parse
  const parsed = parseReferral({
    id: 'ref-1003',
    patient: 'pat-003',
    referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
    receiving: { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' },
    reason: 'Right knee locking after a twisting injury; MRI then orthopedic consult',
    diagnoses: ['S83241'], // ICD-10-CM, stored without the dot
    procedures: ['73721', '99204', '99213'], // MRI knee, new-patient consult, follow-ups
    priority: 'routine',
    payer: 'payer-aetna',
    authorizationRequired: true, // or false, or 'unknown' until the payer's rules say
    attachments: [{ kind: 'clinical-notes', required: true, document: 'doc-1003-notes' }],
    createdAt: '2026-11-20T11:05:00-05:00',
    status: 'draft',
    authorizations: [],
    appointments: [],
    notes: [],
    history: [],
  });
  if (!isOk(parsed)) throw new Error(parsed.left.message); // every issue, with its field path
  const referral = parsed.right;
  // #endregion parse
  return referral;
};

// #region apply
/** Parses an event (outside data) and applies it: the next referral, or the coded error thrown. */
const apply = (referral: Referral, input: unknown, at: string): Referral => {
  const event = parseReferralEvent(input);
  if (isErr(event)) throw new Error(event.left.message);
  const next = transitionReferral(referral, event.right, isoInstant(at));
  if (isErr(next)) throw new Error(`${next.left.code}: ${next.left.message}`);
  return next.right;
};
// #endregion apply

export const events = () => {
  let referral = parsing();
  // #region events
  const event = parseReferralEvent({ type: 'submit', actor: 'u-maria' });
  if (isOk(event)) {
    const next = transitionReferral(referral, event.right, isoInstant('2026-11-23T08:30:00-05:00'));
    if (isOk(next)) referral = next.right; // status 'submitted', history length 1
  }

  const wrong = transitionReferral(
    referral,
    { type: 'close', actor: actorId('u-maria') },
    isoInstant('2026-11-23T08:31:00-05:00'),
  );
  if (isErr(wrong)) console.log(wrong.left.code, wrong.left.message);
  // referral.invalid-event  event close is not allowed in status submitted; allowed: request-authorization, ...
  // #endregion events
  return { referral, wrong };
};

export const payerAnswer = () => {
  let referral = events().referral;
  // #region payer-answer
  referral = apply(
    referral,
    {
      type: 'request-authorization',
      actor: 'u-maria',
      request: {
        id: 'auth-1003-1',
        payer: 'payer-aetna',
        requestType: 'initial', // UM02 = I
        items: [
          { procedure: '73721', requestedUnits: 1 },
          { procedure: '99204', requestedUnits: 1 },
          { procedure: '99213', requestedUnits: 10 }, // orthopedic follow-ups
        ],
      },
    },
    '2026-11-23T08:40:00-05:00',
  ); // status 'pending-authorization'

  const response = parseAuthorizationResponse({
    actionCode: 'A3',
    reasonText: 'Diagnosis code not specific enough',
    actor: 'payer-gateway',
  });
  if (isOk(response)) {
    // The time of the answer is an argument, as for every event.
    const denied = applyAuthorizationResponse(
      referral,
      response.right,
      isoInstant('2026-11-24T10:15:00-05:00'),
    );
    if (isOk(denied)) referral = denied.right;
    console.log(referral.status, referral.refusal);
    // 'denied' { by: 'payer', authorization: 'auth-1003-1', reason: { text: 'Diagnosis code not specific enough' } }
  }
  // #endregion payer-answer
  return referral;
};

export const fixingDenial = () => {
  // #region denial
  const guidance = denialGuidance({
    reason: { text: 'Diagnosis code not specific enough' },
    diagnoses: ['S83.241'],
  });
  console.log(guidance.category); // 'diagnosis-specificity'
  console.log(guidance.diagnosisFindings[0]); // { problem: 'icd10.seventh-character', candidates: ['S83241A', 'S83241D', 'S83241S'], ... }
  console.log(guidance.nextRequest); // 'initial': send a corrected new request (a medical-necessity denial says 'appeal-standard')
  // #endregion denial
  return guidance;
};

export const approved = () => {
  let referral = payerAnswer();
  // #region resubmit
  // The initial encounter: S83.241A. A new request (a new id: the denied one is kept as it was).
  referral = apply(
    referral,
    {
      type: 'resubmit',
      actor: 'u-maria',
      diagnoses: ['S83241A'],
      request: {
        id: 'auth-1003-2',
        payer: 'payer-aetna',
        requestType: 'initial',
        items: [
          { procedure: '73721', requestedUnits: 1 },
          { procedure: '99204', requestedUnits: 1 },
          { procedure: '99213', requestedUnits: 10 },
        ],
      },
    },
    '2026-11-24T11:00:00-05:00',
  );
  referral = apply(referral, { type: 'send', actor: 'u-maria' }, '2026-11-24T11:05:00-05:00');

  // The payer certifies part of it (HCR01 A2): 6 of the 12 visits, December through February.
  const partial = parseAuthorizationResponse({
    actionCode: 'A2',
    certificationNumber: 'AUTH-77812',
    approvedUnits: 6,
    period: { start: '2026-12-01', end: '2027-02-28', zone: 'America/New_York' },
    actor: 'payer-gateway',
  });
  if (isOk(partial)) {
    const authorized = applyAuthorizationResponse(
      referral,
      partial.right,
      isoInstant('2026-11-26T09:00:00-05:00'),
    );
    if (isOk(authorized)) referral = authorized.right; // status 'authorized'
  }
  // #endregion resubmit
  return referral;
};

export const validity = () => {
  const referral = approved();
  // #region validity
  const auth = referral.authorizations[referral.authorizations.length - 1];
  if (!auth) throw new Error('no authorization yet');

  const status = authorizationStatus(
    auth,
    [
      { id: 'apt-1', start: isoInstant('2026-12-08T10:00:00-05:00'), status: 'fulfilled' },
      { id: 'apt-2', start: isoInstant('2026-12-15T10:00:00-05:00'), status: 'noshow' },
      { id: 'apt-3', start: isoInstant('2027-01-05T10:00:00-05:00'), status: 'fulfilled' },
      { id: 'apt-4', start: isoInstant('2027-02-02T10:00:00-05:00'), status: 'fulfilled' },
      { id: 'apt-5', start: isoInstant('2027-02-16T10:00:00-05:00'), status: 'fulfilled' },
      { id: 'apt-6', start: isoInstant('2027-03-02T10:00:00-05:00'), status: 'booked' },
    ],
    isoInstant('2027-02-20T12:00:00-05:00'),
  );
  // Right({ granted: 6, used: 4, remaining: 2, window: 'inside', daysLeft: 8, needs: ['extension'],
  //         visits: [..., { appointment: 'apt-6', coverage: 'outside-window' }] })
  // #endregion validity
  return status;
};

export const worklist = () => {
  const referral = approved();
  // #region worklist
  const items = referralWorklist([referral], isoInstant('2026-12-07T08:00:00-05:00'), {
    ...DEFAULT_REFERRAL_WORKLIST_DAYS,
    zone: zone('America/New_York'),
  });
  for (const item of items) console.log(item.patient, item.reason, item.owner, item.action, item.overdueDays);
  // pat-003 authorized-not-scheduled referral-coordinator schedule the appointment with the patient 3
  // #endregion worklist
  return items;
};

export const physicalTherapy = () => {
  // #region pt
  const draft = parseReferral({
    id: 'ref-2040',
    patient: 'pat-040',
    referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
    receiving: { provider: 'pt-moreau', specialty: 'physical-therapy' },
    reason: 'Low back pain for 8 weeks; 12 sessions of physical therapy',
    diagnoses: ['M5450'], // low back pain, unspecified
    procedures: ['97110'], // therapeutic exercise
    priority: 'routine',
    payer: 'payer-aetna',
    authorizationRequired: true,
    attachments: [],
    createdAt: '2026-11-23T09:00:00-05:00',
    status: 'draft',
    authorizations: [],
    appointments: [],
    notes: [],
    history: [],
  });
  if (!isOk(draft)) throw new Error(draft.left.message);
  let pt = apply(draft.right, { type: 'submit', actor: 'u-maria' }, '2026-11-23T09:10:00-05:00');
  pt = apply(
    pt,
    {
      type: 'request-authorization',
      actor: 'u-maria',
      request: {
        id: 'auth-2040',
        payer: 'payer-aetna',
        requestType: 'initial',
        items: [{ procedure: '97110', requestedUnits: 12 }],
      },
    },
    '2026-11-23T09:15:00-05:00',
  );
  // The payer certifies all 12 visits (A1) from December through March.
  const answer = parseAuthorizationResponse({
    actionCode: 'A1',
    certificationNumber: 'AUTH-PT-3301',
    period: { start: '2026-12-01', end: '2027-03-31', zone: 'America/New_York' },
    actor: 'payer-gateway',
  });
  if (isErr(answer)) throw new Error(answer.left.message);
  const certified = applyAuthorizationResponse(pt, answer.right, isoInstant('2026-11-25T10:00:00-05:00'));
  if (isErr(certified)) throw new Error(certified.left.message);
  pt = certified.right; // 'authorized'

  // Weekly sessions on Tuesdays at 10:00, booked one at a time. Session 3 is missed (a no-show
  // uses no visit with this payer) and session 7 is called off by the clinic: both are rebooked.
  const statuses: string[] = [];
  let week = 0;
  const tuesday = (): string => {
    const day = new Date(Date.UTC(2026, 11, 1 + 7 * week++, 15)); // 10:00 EST
    return day.toISOString().replace('.000Z', 'Z');
  };
  for (let session = 1; session <= 12; session++) {
    for (const outcome of session === 3
      ? ['no-show', 'visit-kept']
      : session === 7
        ? ['appointment-cancelled', 'visit-kept']
        : ['visit-kept']) {
      const appointment = `apt-pt-${week + 1}`;
      const start = tuesday();
      pt = apply(
        pt,
        { type: 'schedule', actor: 'u-maria', appointment, start },
        pt.history.at(-1)?.at ?? start,
      );
      pt = apply(pt, { type: outcome, actor: 'pt-moreau', appointment }, start);
    }
    statuses.push(pt.status);
    if (session === 6)
      pt = apply(
        pt,
        { type: 'consult-note-received', actor: 'pt-moreau', document: 'doc-pt-progress', kind: 'interim' },
        '2027-01-13T17:00:00-05:00',
      );
  }
  console.log(statuses.join(' ')); // 'authorized' x 11, then 'completed': the 12 visits are used up
  console.log(referralVisits(pt)); // { approved: 12, requested: 12, partial: false, used: 12, remaining: 0, ... }

  pt = apply(
    pt,
    { type: 'consult-note-received', actor: 'pt-moreau', document: 'doc-pt-discharge', kind: 'final' },
    '2027-03-03T16:00:00-05:00',
  );
  pt = apply(pt, { type: 'close', actor: 'u-maria' }, '2027-03-04T09:00:00-05:00'); // 'closed'
  // #endregion pt
  return { referral: pt, statuses };
};

export const fhir = () => {
  const referral = approved();
  // #region fhir
  const serviceRequest = toFhirServiceRequest(referral); // status 'active': the placer's view
  const task = toFhirTask(referral); // status 'accepted', businessStatus 'authorized'
  const back = fromFhirTask(task); // Right({ status: 'authorized', ... }): exactly the status it came from
  // #endregion fhir
  return { serviceRequest, task, back };
};

if (process.argv[1]?.endsWith('referrals.ts'))
  console.log(
    JSON.stringify(
      {
        events: events().wrong,
        denial: fixingDenial(),
        approved: approved(),
        validity: validity(),
        worklist: worklist(),
        fhir: fhir(),
        physicalTherapy: physicalTherapy().statuses,
      },
      null,
      1,
    ),
  );
