// Valid FHIR the library used to refuse (issue 16): instants with more than three fractional
// digits, a Patient without `gender` (0..1 in R4), and a Task whose status the referral mapping
// does not use, which must be refused for that reason and say so.
import { describe, expect, it } from 'vitest';
import { IsoInstantSchema, parseInstant } from '../../src/core/index.js';
import { fromFhirPatient } from '../../src/records/index.js';
import { fromFhirTask } from '../../src/referrals/index.js';
import { fromFhirAppointment, fromFhirSlot } from '../../src/scheduling/index.js';
import { dataFile } from '../support/testData.js';

// 2021-03-30T16:15:32Z, counted by hand: 18,716 days from 1970-01-01 to 2021-03-30.
const MS_2021_03_30_16_15_32Z = (18_716 * 86_400 + 16 * 3_600 + 15 * 60 + 32) * 1_000;

describe('instants with any number of fractional-second digits', () => {
  it('reads microseconds and nanoseconds, keeping milliseconds (truncated)', () => {
    expect(parseInstant('2021-03-30T12:15:32.685435-04:00')).toEqual({
      _tag: 'Right',
      right: MS_2021_03_30_16_15_32Z + 685,
    });
    expect(parseInstant('2021-03-30T16:15:32.999999999Z')).toEqual({
      _tag: 'Right',
      right: MS_2021_03_30_16_15_32Z + 999,
    });
    expect(parseInstant('2021-03-30T16:15:32.1Z')).toEqual({
      _tag: 'Right',
      right: MS_2021_03_30_16_15_32Z + 100,
    });
    expect(IsoInstantSchema.safeParse('2021-03-30T12:15:32.685435-04:00').success).toBe(true);
  });

  it('still refuses an empty fraction and a fraction without seconds', () => {
    expect(parseInstant('2021-03-30T16:15:32.Z')._tag).toBe('Left');
    expect(parseInstant('2021-03-30T16:15.5Z')._tag).toBe('Left');
  });

  it('a FHIR Slot and Appointment with HAPI-style instants map', () => {
    const slot = fromFhirSlot({
      resourceType: 'Slot',
      status: 'free',
      start: '2021-03-30T12:15:32.685435-04:00',
      end: '2021-03-30T12:45:32.685435-04:00',
    });
    expect(slot).toMatchObject({ _tag: 'Right', right: { start: '2021-03-30T12:15:32.685435-04:00' } });
    const appointment = fromFhirAppointment({
      resourceType: 'Appointment',
      id: 'a1',
      status: 'booked',
      appointmentType: { coding: [{ code: 'follow-up' }] },
      start: '2021-03-30T12:15:32.685435-04:00',
      end: '2021-03-30T12:45:32.685435-04:00',
      created: '2021-03-01T08:00:00.123456Z',
      participant: [{ actor: { reference: 'Patient/p1' } }, { actor: { reference: 'Practitioner/dr1' } }],
    });
    expect(appointment).toMatchObject({ _tag: 'Right', right: { created: '2021-03-01T08:00:00.123456Z' } });
  });
});

describe('a Patient without gender', () => {
  it('maps to sex unknown (the HL7 example with gender removed)', () => {
    const { gender, ...withoutGender } = JSON.parse(dataFile('fhir/r4-examples/Patient-example.json')) as {
      gender: string;
    };
    expect(gender).toBe('male');
    expect(fromFhirPatient(withoutGender)).toMatchObject({
      _tag: 'Right',
      right: { id: 'example', sex: 'unknown', birthDate: '1974-12-25' },
    });
  });

  it('keeps a gender that is present', () => {
    const r = fromFhirPatient({
      resourceType: 'Patient',
      id: 'p1',
      name: [{ family: 'Rivera', given: ['Ana'] }],
      birthDate: '1984-03-09',
      gender: 'female',
    });
    expect(r).toMatchObject({ _tag: 'Right', right: { sex: 'female' } });
  });
});

describe('a Task status the referral mapping does not use', () => {
  it('entered-in-error: says the status is not used by the referral mapping', () => {
    const r = fromFhirTask({ resourceType: 'Task', status: 'entered-in-error', intent: 'order' });
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.code).toBe('referral.fhir-unsupported');
    expect(r.left.message).toMatch(/entered-in-error is not used by the referral mapping/);
    expect(r.left.message).not.toMatch(/does not map/);
  });

  it('a status that is no FHIR TaskStatus is a shape error naming status', () => {
    expect(fromFhirTask({ resourceType: 'Task', status: 'finished' })).toMatchObject({
      _tag: 'Left',
      left: { code: 'referral.fhir-unsupported', details: { fields: ['status'] } },
    });
  });
});
