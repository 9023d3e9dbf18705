// FHIR R4 mappers against the published R4 examples (hl7.org/fhir/R4, tests/data/fhir/r4-examples).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataPath } from '../support/testData.js';
import type { Appointment as FhirAppointment, Schedule, Slot as FhirSlot } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import type { IanaZone } from '../../src/core/time.js';
import type { ProviderId, ResourceId } from '../../src/core/ids.js';
import {
  busyFromFhirSlots,
  fromFhirAppointment,
  fromFhirSchedule,
  fromFhirSlot,
  toFhirAppointment,
  toFhirSchedule,
  toFhirSlot,
  type Slot,
} from '../../src/scheduling/index.js';
import { appointment, at, leftOf, unwrap } from './fixtures.js';

const DIR = dataPath('fhir/r4-examples');
const load = <T>(name: string): T => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as T;

describe('FHIR R4 examples (tests/data/fhir/r4-examples)', () => {
  it('reads Appointment/example: patient, first practitioner, location, v2-0276 type', () => {
    const a = unwrap(fromFhirAppointment(load<FhirAppointment>('Appointment-example.json')));
    expect(a).toMatchObject({
      id: 'example',
      status: 'booked',
      type: 'FOLLOWUP',
      patient: 'example',
      provider: 'example',
      location: '1',
      start: '2013-12-10T09:00:00Z',
      end: '2013-12-10T11:00:00Z',
    });
    // `created` is the date 2013-10-10 without a time: dropped rather than guessed.
    expect(a.created).toBeUndefined();
  });

  it('reads Appointment/2docs (two practitioners: the first is the provider)', () => {
    const a = unwrap(fromFhirAppointment(load<FhirAppointment>('Appointment-2docs.json')));
    expect(a).toMatchObject({ provider: 'example', patient: 'example', type: 'WALKIN' });
  });

  it('refuses Appointment/examplereq: its practitioner participant has a type but no actor', () => {
    expect(leftOf(fromFhirAppointment(load<FhirAppointment>('Appointment-examplereq.json')))).toMatchObject({
      code: 'fhir.missing-field',
      field: 'participant',
    });
  });

  it('reads the Schedule examples: owners, locations, horizon', () => {
    expect(unwrap(fromFhirSchedule(load<Schedule>('Schedule-example.json')))).toEqual({
      id: 'example',
      active: true,
      owners: [],
      locations: ['1'],
      horizon: { start: '2013-12-25T09:15:00Z', end: '2013-12-25T09:30:00Z' },
    });
    expect(unwrap(fromFhirSchedule(load<Schedule>('Schedule-exampleloc1.json')))).toMatchObject({
      owners: [{ kind: 'provider', id: '1' }],
      locations: ['3'],
    });
  });

  it('reads the Slot examples: busy-tentative blocks, free does not, overbooked kept (edge case 30)', () => {
    const slots = ['Slot-1.json', 'Slot-2.json', 'Slot-3.json', 'Slot-example.json'].map((f) =>
      load<FhirSlot>(f),
    );
    const infos = slots.map((s) => unwrap(fromFhirSlot(s)));
    expect(infos.map((i) => [i.status, i.blocks, i.overbooked])).toEqual([
      ['busy', true, true],
      ['busy-tentative', true, false],
      ['busy-unavailable', true, false],
      ['free', false, false],
    ]);
    // busy 09:00-09:15, free 09:15-09:30, busy-unavailable 09:30-09:45, tentative 09:45-10:00 (UTC).
    expect(busyFromFhirSlots(slots)).toEqual([
      { start: Date.UTC(2013, 11, 25, 9, 0), end: Date.UTC(2013, 11, 25, 9, 15) },
      { start: Date.UTC(2013, 11, 25, 9, 30), end: Date.UTC(2013, 11, 25, 10, 0) },
    ]);
  });
});

describe('FHIR invariants and round trips', () => {
  const a = appointment({
    id: 'a-7',
    status: 'booked',
    type: 'np40',
    patient: 'pt-7',
    provider: 'dr-patel',
    location: 'loc-main',
    resources: ['room-1', 'echo-1'],
    start: '2026-11-24T09:00:00-05:00',
    end: '2026-11-24T09:40:00-05:00',
    seriesId: 's-1',
    rescheduledFrom: 'a-6',
    comment: 'bring prior echo',
  });

  it('round-trips an appointment', () => {
    const fhir = toFhirAppointment(a);
    expect(fhir.participant.map((p) => p.actor?.reference)).toEqual([
      'Patient/pt-7',
      'Practitioner/dr-patel',
      'Location/loc-main',
      'Device/room-1',
      'Device/echo-1',
    ]);
    expect(unwrap(fromFhirAppointment(fhir))).toEqual(a);
  });

  it('app-4 as intended: cancelationReason on noshow is accepted, on booked refused (edge case 29)', () => {
    const noshow = {
      ...toFhirAppointment(a),
      status: 'noshow' as const,
      cancelationReason: { text: 'did not come' },
    };
    expect(unwrap(fromFhirAppointment(noshow)).cancelationReason).toBe('did not come');
    const wrong = { ...toFhirAppointment(a), cancelationReason: { text: 'x' } };
    expect(leftOf(fromFhirAppointment(wrong))).toMatchObject({
      code: 'fhir.invariant',
      field: 'cancelationReason',
    });
  });

  it('app-3: a waitlist appointment may lack times, a booked one may not (edge case 29)', () => {
    const { start: _s, end: _e, ...rest } = toFhirAppointment(a);
    expect(unwrap(fromFhirAppointment({ ...rest, status: 'waitlist' })).start).toBeUndefined();
    expect(leftOf(fromFhirAppointment(rest)).code).toBe('validation.failed');
    // app-2: start without end.
    expect(leftOf(fromFhirAppointment({ ...rest, start: '2026-11-24T09:00:00-05:00' })).code).toBe(
      'validation.failed',
    );
  });

  it('refuses other resource types and entered-in-error slots do not block', () => {
    expect(leftOf(fromFhirAppointment({ resourceType: 'Patient' } as never)).code).toBe(
      'fhir.wrong-resource',
    );
    const slot: FhirSlot = {
      resourceType: 'Slot',
      schedule: { reference: 'Schedule/s' },
      status: 'entered-in-error',
      start: '2026-11-24T14:00:00Z',
      end: '2026-11-24T14:30:00Z',
    };
    expect(unwrap(fromFhirSlot(slot))).toMatchObject({ ignored: true, blocks: false });
    expect(busyFromFhirSlots([slot])).toEqual([]);
    expect(leftOf(fromFhirSlot({ ...slot, end: slot.start })).code).toBe('fhir.invariant');
  });

  it('round-trips a schedule with its zone extension and a slot', () => {
    const s = toFhirSchedule({
      id: 'sched-1',
      owner: { kind: 'resource', id: 'echo-1' as ResourceId },
      zone: 'Australia/Lord_Howe' as IanaZone,
      horizon: { start: at('2026-10-01T00:00:00+10:30'), end: at('2026-10-31T00:00:00+11:00') },
    });
    expect(unwrap(fromFhirSchedule(s))).toEqual({
      id: 'sched-1',
      active: true,
      owners: [{ kind: 'resource', id: 'echo-1' }],
      locations: [],
      zone: 'Australia/Lord_Howe',
      horizon: { start: '2026-10-01T00:00:00+10:30', end: '2026-10-31T00:00:00+11:00' },
    });
    const slot: Slot = {
      start: at('2026-11-24T09:00:00-05:00'),
      end: at('2026-11-24T09:40:00-05:00'),
      provider: 'dr-patel' as ProviderId,
      resources: [],
      type: a.type,
      overbooked: true,
    };
    const fs = toFhirSlot(slot, 'sched-1', 'busy-tentative');
    expect(unwrap(fromFhirSlot(fs))).toMatchObject({
      schedule: 'sched-1',
      blocks: true,
      overbooked: true,
      start: slot.start,
    });
  });
});
