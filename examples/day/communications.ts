// The phones and the outbox: a morning's calls and portal messages routed (one red flag
// escalated), tomorrow's reminders planned for a patient in another zone and for a household
// sharing one mobile number, a no-show letter and a referral letter rendered, and a dictated note
// with two dangerous abbreviations flagged.
import { IsoInstantSchema, PatientIdSchema, isOk, parseWith } from '../../src/core/index.js';
import { parseAppointment } from '../../src/scheduling/index.js';
import {
  LETTER_TEMPLATES,
  checkDictation,
  parsePatientContact,
  parseReminderRules,
  parseRoutingRules,
  planReminders,
  renderLetter,
  routeMessage,
} from '../../src/communications/index.js';

// #region family-phone
/**
 * A family phone: a mother and her son on one mobile number, both with visits on Wednesday, in the
 * default mode (`sharedPhone: 'separate'`): the number gets one text that day, about one patient,
 * and the other is reached apart by the e-mail or portal their consent allows.
 */
export const familyPhone = (): void => {
  const rules = parseReminderRules({
    clinicZone: 'America/New_York',
    practiceName: 'Elm Street Clinic',
    offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }],
  });
  const mobile = '+16175550234';
  const consent = [{ channel: 'sms', kind: 'granted', at: '2026-01-05T10:00:00-05:00' }];
  const mother = parsePatientContact({
    patient: 'pat-ana',
    phone: mobile,
    preferences: ['sms', 'email'],
    consent,
  });
  const son = parsePatientContact({
    patient: 'pat-leo',
    phone: mobile,
    preferences: ['sms', 'portal'],
    consent,
  });
  const visits = [
    parseAppointment({
      id: 'appt-ana-1',
      status: 'booked',
      type: 'office-visit',
      patient: 'pat-ana',
      provider: 'dr-osei',
      start: '2026-11-25T09:00:00-05:00',
      end: '2026-11-25T09:30:00-05:00',
    }),
    parseAppointment({
      id: 'appt-leo-1',
      status: 'booked',
      type: 'well-child',
      patient: 'pat-leo',
      provider: 'dr-osei',
      start: '2026-11-25T15:30:00-05:00',
      end: '2026-11-25T16:00:00-05:00',
    }),
  ];
  const now = parseWith('now', IsoInstantSchema, '2026-11-23T09:10:00-05:00');
  const [ana, leo] = visits;
  if (!isOk(rules) || !isOk(mother) || !isOk(son) || !isOk(now)) return;
  if (ana === undefined || leo === undefined || !isOk(ana) || !isOk(leo)) return;
  const plan = planReminders([ana.right, leo.right], [mother.right, son.right], rules.right, now.right);
  if (!isOk(plan)) return;
  // Both reminders fall on Tue Nov 24 at 10:00: the text goes to the lower patient id (pat-ana,
  // whose reminder ties for first); pat-leo's goes to the portal, marked fallback 'shared-phone'.
  for (const m of plan.right.messages)
    console.log(
      `  family phone: ${m.patient} by ${m.channel}${m.fallback ? ` (${m.fallback})` : ''}: ${m.body}`,
    );
  // Without a portal or e-mail preference pat-leo would be listed here as reminder.shared-phone.
  for (const s of plan.right.skipped)
    console.log(`  family phone: ${s.appointment} not planned: ${s.reason}`);
};
// #endregion family-phone

/** The sample clinic's day (any object with its date works, so the guide's copy runs on its own). */
export const run = (clinic: { readonly today: string }): void => {
  console.log('\n== communications: the phones and the outbox ==');
  const rules = parseRoutingRules({ zone: 'America/New_York' });
  const at = parseWith('at', IsoInstantSchema, `${clinic.today}T09:10:00-05:00`);
  if (!isOk(rules) || !isOk(at)) return;
  const calls = [
    'Hi, I need a refill of my lisinopril and have a question about my statement',
    "No chest pain, I'm calling about my bill",
    "My husband's face is drooping and he can't lift his arm",
    'Is my referral to orthopedics approved yet?',
  ];
  for (const text of calls) {
    const r = routeMessage({ text, channel: 'phone' }, rules.right, at.right);
    if (isOk(r))
      console.log(
        `  ${r.right.queue.padEnd(24)} ${r.right.urgency.padEnd(9)} due ${r.right.callbackBy}  ${r.right.escalation?.text ?? ''}`,
      );
  }

  const reminderRules = parseReminderRules({
    clinicZone: 'America/New_York',
    practiceName: 'Elm Street Clinic',
    offsets: [{ kind: 'elapsed', minutesBefore: 120 }],
  });
  const denver = parsePatientContact({
    patient: 'pat-telehealth',
    zone: 'America/Denver',
    preferences: ['sms'],
    consent: [{ channel: 'sms', kind: 'granted', at: '2026-01-05T10:00:00-05:00' }],
  });
  const visit = parseAppointment({
    id: 'appt-tele-1',
    status: 'booked',
    type: 'telehealth-15',
    patient: 'pat-telehealth',
    provider: 'dr-osei',
    start: '2026-11-24T08:30:00-05:00',
    end: '2026-11-24T08:45:00-05:00',
  });
  if (isOk(reminderRules) && isOk(denver) && isOk(visit)) {
    const plan = planReminders([visit.right], [denver.right], reminderRules.right, at.right);
    // 2 hours before 08:30 EST is 04:30 in Denver: moved to 21:00 the evening before.
    if (isOk(plan))
      for (const m of plan.right.messages) console.log(`  reminder ${m.channel} at ${m.sendAt}: ${m.body}`);
  }
  familyPhone();

  const patient = parseWith('PatientId', PatientIdSchema, 'pat-003');
  if (isOk(patient)) {
    const fields = {
      practiceName: 'Elm Street Clinic',
      practiceAddress: '1 Elm Street, Springfield',
      practicePhone: '555-0100',
      letterDate: 'November 23, 2026',
      appointmentDate: 'Friday, November 20',
      appointmentTime: '10:00 AM',
      noShowPolicy: 'after three missed visits we may ask you to find a new office.',
    };
    const noShow = renderLetter(
      LETTER_TEMPLATES['no-show'],
      { patient: patient.right, fields },
      { kind: 'patient', name: 'Ana Lima' },
    );
    if (isOk(noShow))
      console.log(
        `  no-show letter: ${noShow.right.text.split('\n').length} lines, grade ${noShow.right.readability.grade}`,
      );
    const referralFields = {
      ...fields,
      patientName: 'Ana Lima',
      patientDob: '1980-02-03',
      referralReason: 'right knee pain after a fall',
      urgency: 'routine',
      clinicalQuestion: 'Is a meniscus repair needed?',
      diagnoses: 'S83.241A',
      medications: 'naproxen as needed',
      allergies: 'none known',
      pertinentResults: 'MRI report enclosed',
      authorizationNumber: 'AUTH-7781',
      authorizedVisits: '3',
      authorizationValidThrough: 'February 28, 2027',
      expectedBack: 'a consult note',
      referringProvider: 'Dr. Osei',
    };
    const referral = renderLetter(
      LETTER_TEMPLATES.referral,
      { patient: patient.right, fields: referralFields },
      { kind: 'specialist', name: 'Dr. Lindqvist' },
    );
    if (isOk(referral)) console.log(`  referral letter: ${referral.right.fields.length} fields filled`);
    // The same letter to a family member is refused: minimum necessary keeps the clinical fields out.
    const toFamily = renderLetter(
      LETTER_TEMPLATES.referral,
      { patient: patient.right, fields: referralFields },
      { kind: 'family', name: 'Rui Lima' },
    );
    if (!isOk(toFamily)) console.log(`  the same letter to family: ${toFamily.left.code}`);
  }

  const note = 'Morphine sulfate 5.0 mg IV now, then MS 2 mg q4h PRN; lisinopril 10 mg QD.';
  for (const f of checkDictation(note))
    console.log(`  dictation ${f.severity} ${f.rule} "${f.matchedText}": ${f.suggestion}`);
};
