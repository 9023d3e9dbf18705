// Model-based test of the appointment lifecycle: random event sequences run against a model
// written from the FHIR R4 status definitions (reference scheduling.md §1.5), independently of
// APPOINTMENT_TRANSITIONS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppointmentId } from '../../src/core/ids.js';
import type { IsoInstant } from '../../src/core/calendar.js';
import { FHIR_APPOINTMENT_STATUSES } from '../../src/referrals/index.js';
import {
  transitionAppointment,
  type Appointment,
  type AppointmentEvent,
  type AppointmentStatus,
} from '../../src/scheduling/index.js';
import { appointment } from './fixtures.js';

// From §1.5: proposed -> pending -> booked -> (checked-in | arrived) -> fulfilled; waitlist -> booked;
// proposed | pending | booked | waitlist -> cancelled; booked -> noshow; any -> entered-in-error (terminal).
const EXPECTED: Record<string, Partial<Record<AppointmentStatus, AppointmentStatus>>> = {
  hold: { proposed: 'pending' },
  book: { proposed: 'booked', pending: 'booked', waitlist: 'booked' },
  waitlist: { proposed: 'waitlist' },
  arrive: { booked: 'arrived' },
  'check-in': { booked: 'checked-in', arrived: 'checked-in' },
  fulfil: { arrived: 'fulfilled', 'checked-in': 'fulfilled' },
  cancel: { proposed: 'cancelled', pending: 'cancelled', booked: 'cancelled', waitlist: 'cancelled' },
  reschedule: { proposed: 'cancelled', pending: 'cancelled', booked: 'cancelled', waitlist: 'cancelled' },
  'no-show': { booked: 'noshow' },
  'enter-in-error': Object.fromEntries(
    FHIR_APPOINTMENT_STATUSES.filter((s) => s !== 'entered-in-error').map((s) => [s, 'entered-in-error']),
  ),
};

interface Model {
  status: AppointmentStatus;
  minute: number;
  historyLength: number;
}
interface Real {
  current: Appointment;
}

const START_MINUTE = 60; // the appointment starts at 10:00Z; the clock begins at 09:00Z
const instant = (minute: number): IsoInstant =>
  new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString() as IsoInstant;

class EventCommand implements fc.Command<Model, Real> {
  constructor(
    readonly event: AppointmentEvent,
    readonly advance: number,
  ) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    const minute = m.minute + this.advance;
    const result = transitionAppointment(r.current, this.event, instant(minute));
    const next = EXPECTED[this.event.type]?.[m.status];
    const needsStart = this.event.type === 'no-show' && minute < START_MINUTE;
    if (next === undefined || needsStart) {
      expect(result._tag).toBe('Left');
      if (result._tag === 'Left') {
        expect(result.left.code).toBe(
          needsStart && next ? 'lifecycle.too-early' : 'lifecycle.invalid-transition',
        );
        const allowed = Object.keys(EXPECTED).filter((e) => EXPECTED[e]?.[m.status] !== undefined);
        expect([...result.left.allowed].sort()).toEqual(allowed.sort());
      }
      return;
    }
    expect(result._tag).toBe('Right');
    if (result._tag !== 'Right') return;
    const a = result.right.appointment;
    expect(a.status).toBe(next);
    expect(a.history).toHaveLength(m.historyLength + 1);
    expect(a.history?.at(-1)).toMatchObject({ from: m.status, to: next, event: this.event.type });
    if (this.event.type === 'reschedule') {
      expect(result.right.created).toMatchObject({ status: 'booked', rescheduledFrom: a.id });
      expect(a.rescheduledTo).toBe(result.right.created?.id);
    }
    m.status = next;
    m.minute = minute;
    m.historyLength++;
    r.current = a;
  }
  toString = (): string => `${this.event.type}+${this.advance}`;
}

const events: fc.Arbitrary<AppointmentEvent> = fc.oneof(
  fc.constantFrom<AppointmentEvent>(
    { type: 'hold' },
    { type: 'book' },
    { type: 'waitlist' },
    { type: 'arrive' },
    { type: 'fulfil' },
    { type: 'no-show' },
    { type: 'cancel', reason: 'patient called' },
    { type: 'enter-in-error', reason: 'duplicate entry' },
    {
      type: 'check-in',
      clearance: { kind: 'verdict', verdict: { ready: true, appointment: 'a-1' as AppointmentId } },
    },
    { type: 'check-in', clearance: { kind: 'override', reason: 'manager approved' } },
  ),
  fc.nat(99).map((n): AppointmentEvent => ({
    type: 'reschedule',
    reason: 'provider sick',
    newId: `new-${n}` as AppointmentId,
    start: '2026-11-30T15:00:00Z' as IsoInstant,
    end: '2026-11-30T15:30:00Z' as IsoInstant,
  })),
);

describe('appointment lifecycle (model-based)', () => {
  it('follows the FHIR-derived table for any event sequence, from any start status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FHIR_APPOINTMENT_STATUSES),
        fc.commands([fc.tuple(events, fc.nat(90)).map(([e, n]) => new EventCommand(e, n))], {
          maxCommands: 12,
        }),
        (status, cmds) => {
          const initial = appointment({
            id: 'a-1',
            status,
            type: 'visit-30',
            patient: 'pt-1',
            provider: 'dr-a',
            start: '2026-11-24T10:00:00Z',
            end: '2026-11-24T10:30:00Z',
          });
          fc.modelRun(
            () => ({ model: { status, minute: 0, historyLength: 0 }, real: { current: initial } }),
            cmds,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
