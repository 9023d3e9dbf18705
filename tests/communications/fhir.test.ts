// FHIR R4 Communication and CommunicationRequest, both ways. Expected resources follow the R4
// pages (hl7.org/fhir/R4/communication.html, communicationrequest.html): status codes, the
// communication-category code system, v3 ParticipationMode media, request-priority. The shared
// data holds no Communication or CommunicationRequest example, so the HL7 example shapes below are
// written from the R4 example pages' structure (a clinical alert from a device to a practitioner;
// a solicitation request), not vendored.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  COMMUNICATION_CATEGORY_SYSTEM,
  fromFhirCommunication,
  fromFhirCommunicationRequest,
  toFhirCallbackRequest,
  toFhirReminderCommunication,
  toFhirReminderRequest,
  toFhirRoutedCommunication,
} from '../../src/communications/fhir.js';
import { planReminders } from '../../src/communications/reminders.js';
import { parseRoutingRules, routeMessage } from '../../src/communications/routing.js';
import type { PatientId } from '../../src/core/ids.js';
import { appt, contact, instant, rules } from './fixtures.js';
import { FHIR_SAMPLE_RECEIVED, FHIR_SAMPLE_REMINDER } from './fhirSamples.js';

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('reminders as CommunicationRequest (queued) and Communication (sent)', () => {
  it('writes the R4 elements a reader expects', () => {
    const r = toFhirReminderRequest(FHIR_SAMPLE_REMINDER);
    expect(r).toMatchObject({
      resourceType: 'CommunicationRequest',
      status: 'active',
      category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'reminder' }] }],
      medium: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'SMSWRIT' }],
        },
      ],
      subject: { reference: 'Patient/p1' },
      recipient: [{ reference: 'Patient/p1' }],
      about: [{ reference: 'Appointment/lab' }, { reference: 'Appointment/visit' }],
      occurrenceDateTime: '2026-11-23T10:00:00-05:00',
    });
    expect(r).not.toHaveProperty('id'); // "reminder:p1:2026-11-23" is no FHIR id ([A-Za-z0-9-.]{1,64})
    const c = toFhirReminderCommunication(FHIR_SAMPLE_REMINDER);
    expect(c).toMatchObject({
      resourceType: 'Communication',
      status: 'completed',
      sent: '2026-11-23T10:00:00-05:00',
    });
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 30, max: 24 * 30 })), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.constantFrom('sms', 'voice', 'email', 'portal'),
    ],
    { numRuns: 60 },
  )('round trip: what is read back is the reminder written', (starts, channel) => {
    const plan = planReminders(
      starts.map(([p, h], i) =>
        appt(`a${i}`, new Date(Date.parse('2026-11-20T13:00:00Z') + h * 3_600_000).toISOString(), {
          patient: `p${p}`,
        }),
      ),
      [0, 1, 2].map((p) =>
        contact(`p${p}`, {
          preferences: [channel],
          consent: [{ channel, kind: 'granted', at: '2026-01-01T00:00:00Z' }],
        }),
      ),
      rules({
        offsets: [
          { kind: 'elapsed', minutesBefore: 1440 },
          { kind: 'calendar', daysBefore: 0, at: '08:00' },
        ],
      }),
      instant('2026-11-20T12:00:00Z'),
    );
    if (plan._tag === 'Left') throw new Error(plan.left.code);
    for (const m of plan.right.messages) {
      const expected = {
        kind: 'reminder',
        id: m.id,
        patient: m.patient,
        channel: m.channel,
        at: m.sendAt,
        appointments: m.appointments.map((a) => a.id),
        body: m.body,
      };
      expect(fromFhirCommunicationRequest(json(toFhirReminderRequest(m)))).toEqual({
        _tag: 'Right',
        right: expected,
      });
      expect(fromFhirCommunication(json(toFhirReminderCommunication(m)))).toEqual({
        _tag: 'Right',
        right: expected,
      });
    }
  });
});

describe('routed messages as Communication (received) and CommunicationRequest (callback)', () => {
  const routing = parseRoutingRules({ zone: 'America/New_York' });
  const TEXTS = [
    'Can I reschedule my appointment on Tuesday?',
    "No chest pain, I'm calling about my statement",
    "my wife can't lift her arm",
    'Are my lab results back yet?',
    'I need a refill and a copy of my records',
    'hello',
  ];

  it('a red flag is priority stat, its queue a category, its rule the reason; the callback carries the escalation wording', () => {
    const c = toFhirRoutedCommunication(FHIR_SAMPLE_RECEIVED);
    expect(c).toMatchObject({
      resourceType: 'Communication',
      status: 'completed',
      priority: 'stat',
      received: '2026-11-23T09:15:00-05:00',
      subject: { reference: 'Patient/p1' },
      sender: { reference: 'Patient/p1' },
      medium: [{ coding: [{ code: 'ONLINEWRIT' }] }],
      payload: [{ contentString: FHIR_SAMPLE_RECEIVED.message.text }],
    });
    const q = toFhirCallbackRequest(FHIR_SAMPLE_RECEIVED);
    expect(q).toMatchObject({ resourceType: 'CommunicationRequest', status: 'active', priority: 'stat' });
    expect(q.occurrenceDateTime).toBe(FHIR_SAMPLE_RECEIVED.routed.callbackBy);
    expect(q.payload?.[0]?.contentString).toBe(FHIR_SAMPLE_RECEIVED.routed.escalation?.text);
  });

  test.prop(
    [
      fc.constantFrom(...TEXTS),
      fc.constantFrom('phone', 'voicemail', 'portal', 'sms', 'fax'),
      fc.integer({ min: 0, max: 24 * 14 }),
      fc.option(fc.constantFrom('p1', 'p-22'), { nil: undefined }),
    ],
    { numRuns: 80 },
  )(
    'round trip: queue, urgency, rule, instant, channel, text and patient come back',
    (text, channel, hours, patient) => {
      if (routing._tag === 'Left') throw new Error('rules');
      const at = instant(new Date(Date.parse('2026-11-23T14:00:00Z') + hours * 3_600_000).toISOString());
      const message = { text, channel };
      const routed = routeMessage(message, routing.right, at);
      if (routed._tag === 'Left') throw new Error(routed.left.code);
      const received = {
        message,
        routed: routed.right,
        receivedAt: at,
        ...(patient === undefined ? {} : { patient: patient as PatientId }),
      };
      const common = {
        kind: 'routed',
        queue: routed.right.queue,
        urgency: routed.right.urgency,
        rule: routed.right.rule,
        ...(patient === undefined ? {} : { patient }),
      };
      expect(fromFhirCommunication(json(toFhirRoutedCommunication(received)))).toEqual({
        _tag: 'Right',
        right: { ...common, at, channel, text },
      });
      const escalation = routed.right.escalation?.text;
      expect(fromFhirCommunicationRequest(json(toFhirCallbackRequest(received)))).toEqual({
        _tag: 'Right',
        right: {
          ...common,
          at: routed.right.callbackBy,
          ...(escalation === undefined ? {} : { text: escalation }),
        },
      });
    },
  );
});

describe('resources from elsewhere', () => {
  // The shape of the R4 example "communication-example": a lab alert from a device to a practitioner.
  const hl7Communication = {
    resourceType: 'Communication',
    id: 'example',
    status: 'completed',
    category: [{ coding: [{ system: 'http://acme.org/messagetypes', code: 'Alert' }], text: 'Alert' }],
    medium: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
            code: 'WRITTEN',
            display: 'written',
          },
        ],
        text: 'written',
      },
    ],
    subject: { reference: 'Patient/example' },
    sent: '2014-12-12T18:01:10-08:00',
    received: '2014-12-12T18:01:11-08:00',
    recipient: [{ reference: 'Practitioner/example' }],
    sender: { reference: 'Device/f001' },
    payload: [
      { contentString: 'Patient 1 has a very high serum potassium value' },
      { contentReference: { reference: 'Observation/643666aa12f' } },
    ],
  };

  it('a clinical alert is neither a reminder nor a routed message: refused, naming category', () => {
    expect(fromFhirCommunication(hl7Communication)).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir.unsupported', field: 'category' },
    });
  });

  it('the same shape coded as a reminder by SMS (as Medplum’s Twilio integration writes it) is read', () => {
    const sms = {
      ...hl7Communication,
      category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'reminder' }] }],
      medium: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'SMSWRIT' }],
        },
      ],
      about: [{ reference: 'Appointment/example' }],
      payload: [{ contentString: 'Reminder: your appointment is tomorrow at 9:00 AM.' }],
    };
    expect(fromFhirCommunication(sms)).toEqual({
      _tag: 'Right',
      right: {
        kind: 'reminder',
        id: 'example',
        patient: 'example',
        channel: 'sms',
        at: '2014-12-12T18:01:10-08:00',
        appointments: ['example'],
        body: 'Reminder: your appointment is tomorrow at 9:00 AM.',
      },
    });
  });

  it('a written (paper) medium is not one medoffice sends reminders by: the coding path is named', () => {
    const paper = {
      ...hl7Communication,
      category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'reminder' }] }],
    };
    expect(fromFhirCommunication(paper)).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir.unsupported', field: 'medium.0.coding.0.code' },
    });
  });

  it('a request with a date and no time cannot be a send instant; the path is named', () => {
    const req = {
      ...(json(toFhirReminderRequest(FHIR_SAMPLE_REMINDER)) as object),
      occurrenceDateTime: '2026-11-23',
    };
    expect(fromFhirCommunicationRequest(req)).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir.invalid-field', field: 'occurrenceDateTime' },
    });
  });

  it('hostile JSON: a Left naming the path, never a throw', () => {
    expect(fromFhirCommunication(null)).toMatchObject({ _tag: 'Left' });
    expect(fromFhirCommunication([])).toMatchObject({ _tag: 'Left' });
    expect(fromFhirCommunicationRequest({ resourceType: 'Communication', status: 'active' })).toMatchObject({
      _tag: 'Left',
      left: { code: 'fhir.wrong-resource', field: 'resourceType' },
    });
    expect(
      fromFhirCommunication({ resourceType: 'Communication', status: 'completed', category: {} }),
    ).toMatchObject({
      _tag: 'Left',
      left: { code: 'validation.failed', issues: [{ path: 'category' }] },
    });
    expect(
      fromFhirCommunication({
        ...(json(toFhirReminderCommunication(FHIR_SAMPLE_REMINDER)) as object),
        payload: [{ contentString: 7 }],
      }),
    ).toMatchObject({
      _tag: 'Left',
      left: { code: 'validation.failed', issues: [{ path: 'payload.0.contentString' }] },
    });
    expect(
      fromFhirCommunication({
        ...(json(toFhirReminderCommunication(FHIR_SAMPLE_REMINDER)) as object),
        subject: { reference: 'Patient/' },
      }),
    ).toMatchObject({ _tag: 'Left', left: { code: 'fhir.invalid-field', field: 'subject.reference' } });
  });
});

describe('a shared phone in FHIR', () => {
  it('a combined household message names every patient of the household as a recipient, the first as subject', () => {
    const plan = planReminders(
      [
        appt('a1', '2026-11-24T09:00:00-05:00', { patient: 'p1' }),
        appt('a2', '2026-11-24T15:00:00-05:00', { patient: 'p2' }),
      ],
      [contact('p1', { phone: '+16175550234' }), contact('p2', { phone: '+16175550234' })],
      rules({ offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }], sharedPhone: 'combined' }),
      instant('2026-11-20T12:00:00Z'),
    );
    if (plan._tag === 'Left') throw new Error(plan.left.code);
    const request = toFhirReminderRequest(plan.right.messages[0] as (typeof plan.right.messages)[number]);
    expect(request.subject).toEqual({ reference: 'Patient/p1' });
    expect(request.recipient).toEqual([{ reference: 'Patient/p1' }, { reference: 'Patient/p2' }]);
    expect(request.about).toEqual([{ reference: 'Appointment/a1' }, { reference: 'Appointment/a2' }]);
  });
});
