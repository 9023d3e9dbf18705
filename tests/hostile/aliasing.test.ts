// Results share nothing mutable with their inputs (DESIGN rule 8, issue 16). Inputs are
// deep-frozen, so a result that shares a nested object with one would throw on the writes below;
// the identity check names what is shared, and the input must read the same afterwards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant, type IsoInstant } from '../../src/core/index.js';
import { minimumNecessary, proposeMerge, type Patient, type RecordsRole } from '../../src/records/index.js';
import {
  allowedAppointmentEvents,
  transitionAppointment,
  type Appointment,
  type AppointmentEvent,
  type AppointmentEventType,
} from '../../src/scheduling/index.js';
import { appointmentArbitrary, patientArbitrary } from '../../src/testing/index.js';
import { deepFreeze } from './support/corpus.js';

/** Every object and array reachable from a value. */
const containers = (value: unknown): Set<object> => {
  const found = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || found.has(v)) continue;
    found.add(v);
    for (const k of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[k]);
  }
  return found;
};

/** Containers of `result` that are also reachable from any input (should be none). */
const shared = (result: unknown, ...inputs: unknown[]): number => {
  const theirs = new Set(inputs.flatMap((i) => [...containers(i)]));
  return [...containers(result)].filter((c) => theirs.has(c)).length;
};

/** Writes to every object and array of a result: a write to a frozen (shared) one throws. */
const scribble = (result: unknown): void => {
  for (const c of containers(result))
    if (Array.isArray(c)) c.push('scribbled');
    else (c as Record<string, unknown>)['scribbled'] = true;
};

const ROLES: readonly RecordsRole[] = ['front-desk', 'billing', 'clinician'];

describe('results share nothing mutable with their inputs', () => {
  it('minimumNecessary', () => {
    fc.assert(
      fc.property(patientArbitrary, fc.constantFrom(...ROLES), (patient, role) => {
        const before = JSON.stringify(patient);
        const frozen = deepFreeze(structuredClone(patient));
        const view = minimumNecessary(frozen, role);
        expect(shared(view, frozen)).toBe(0);
        expect(() => scribble(view)).not.toThrow();
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('proposeMerge', () => {
    let merged = 0;
    fc.assert(
      fc.property(patientArbitrary, fc.boolean(), (patient, laterVerified) => {
        // The same person registered twice: a second chart with its own id and a later check.
        const a = deepFreeze(structuredClone(patient));
        const b = deepFreeze({
          ...structuredClone(patient),
          id: `${patient.id}-dup` as Patient['id'],
          ...(laterVerified ? { verifiedOn: '2026-12-01' as Patient['verifiedOn'] } : {}),
        });
        const before = JSON.stringify([a, b]);
        const r = proposeMerge(a, b);
        if (r._tag === 'Left') return;
        merged++;
        expect(shared(r.right, a, b)).toBe(0);
        expect(() => scribble(r.right)).not.toThrow();
        expect(JSON.stringify([a, b])).toBe(before);
      }),
      { numRuns: 300, seed: 16 },
    );
    expect(merged).toBeGreaterThan(100);
  });

  it('transitionAppointment, every event the status allows', () => {
    const at: IsoInstant = isoInstant('2030-01-01T12:00:00Z');
    const eventOf = (type: AppointmentEventType): AppointmentEvent => {
      switch (type) {
        case 'cancel':
        case 'enter-in-error':
          return { type, reason: 'patient called' };
        case 'check-in':
          return { type, clearance: { kind: 'override', reason: 'front desk checked' } };
        case 'reschedule':
          return {
            type,
            reason: 'provider out',
            newId: 'appt-new' as Appointment['id'],
            start: isoInstant('2030-02-01T14:00:00Z'),
            end: isoInstant('2030-02-01T14:30:00Z'),
          };
        case 'hold':
        case 'book':
          return { type, start: isoInstant('2030-02-01T14:00:00Z'), end: isoInstant('2030-02-01T14:30:00Z') };
        default:
          return { type };
      }
    };
    let moved = 0;
    fc.assert(
      fc.property(appointmentArbitrary(), (appointment) => {
        const frozen = deepFreeze(structuredClone(appointment));
        const before = JSON.stringify(frozen);
        for (const type of allowedAppointmentEvents(frozen.status)) {
          const r = transitionAppointment(frozen, eventOf(type), at);
          if (r._tag === 'Left') continue;
          moved++;
          expect([type, shared(r.right, frozen)]).toEqual([type, 0]);
          expect(() => scribble(r.right)).not.toThrow();
          expect(JSON.stringify(frozen)).toBe(before);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
    expect(moved).toBeGreaterThan(300);
  });
});
