// Library invariants driven by the medoffice/testing arbitraries, the way a team would use them:
// cost share never charges the patient more than the allowed amount (or the bill) and never pushes
// the accumulators past the deductible or the out-of-pocket maximum; an appointment survives the
// trip through FHIR; the lifecycle accepts exactly the events its table allows and returns valid
// appointments (two known exceptions documented); an authorization never counts more visits than
// it granted, nor a visit outside its window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, instantToMs, toWallClock, type IanaZone, type IsoInstant } from '../../src/core/index.js';
import {
  estimateCostShare,
  type Accumulators,
  type BenefitSet,
  type NetworkTier,
} from '../../src/insurance/index.js';
import { authorizationStatus, isApprovedAuthorization } from '../../src/referrals/index.js';
import {
  APPOINTMENT_TRANSITIONS,
  allowedAppointmentEvents,
  fromFhirAppointment,
  parseAppointment,
  toFhirAppointment,
  transitionAppointment,
  type Appointment,
  type AppointmentEvent,
  type AppointmentEventType,
} from '../../src/scheduling/index.js';
import {
  appointmentArbitrary,
  authorizationArbitrary,
  costShareScenarioArbitrary,
} from '../../src/testing/index.js';

const RUNS = { numRuns: 200 };

describe('estimateCostShare on generated benefit sets, accumulators and claims', () => {
  it('always estimates, and the patient never owes more than the allowed amount, nor pays more than the bill', () =>
    fc.assert(
      fc.property(costShareScenarioArbitrary, (s) => {
        const r = estimateCostShare(s.lines, s.benefits, s.accumulators, { order: s.order });
        expect(r._tag).toBe('Right');
        if (r._tag !== 'Right') return;
        for (const l of r.right.lines) {
          const line = s.lines.find((x) => x.id === l.lineId)!;
          const billed = line.billed ?? line.allowed;
          // The allowed amount is the lesser of allowed and billed.
          expect(l.allowed).toBe(Math.min(line.allowed, billed));
          // What the plan's terms put on the patient (cost share + not covered) stays within allowed...
          expect(l.costShare + l.notCovered).toBeLessThanOrEqual(l.allowed);
          // ...and with balance billing, within what the provider billed.
          expect(l.patientPays).toBeLessThanOrEqual(billed);
          expect(l.planPays).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    ));

  it('reaches the rules that matter: OOP cap, limits, preventive, No Surprises Act, missing auth, visit copays', () => {
    // Not vacuous: the scenarios above run into every one of these (seeded sample of 300).
    const notes = new Set<string>();
    for (const s of fc.sample(costShareScenarioArbitrary, { numRuns: 300, seed: 7 })) {
      const r = estimateCostShare(s.lines, s.benefits, s.accumulators, { order: s.order });
      if (r._tag === 'Right') for (const l of r.right.lines) for (const n of l.notes) notes.add(n);
    }
    for (const n of [
      'oop-max-reached',
      'limit-exhausted',
      'preventive-zero',
      'surprise-billing',
      'prior-auth-missing',
      'referral-missing',
      'not-covered',
      'hdhp-deductible-first',
      'visit-copay-taken',
    ])
      expect(notes).toContain(n);
  });

  /** Met amounts that count toward bucket `t` (the other bucket too when networks share). */
  const effective = (
    b: Accumulators['individual'],
    t: NetworkTier,
    mode: BenefitSet['networkAccumulation'],
  ): { deductible: number; oop: number } => {
    const other = b[t === 'in' ? 'out' : 'in'];
    const shares = mode === 'crossAccumulating' || (mode === 'oneWay' && t === 'out');
    return {
      deductible: b[t].deductible + (shares ? other.deductible : 0),
      oop: b[t].oop + (shares ? other.oop : 0),
    };
  };

  it('never pushes the accumulators past the deductible or the OOP maximum, and never lowers them', () =>
    fc.assert(
      fc.property(costShareScenarioArbitrary, fc.constantFrom<NetworkTier>('in', 'out'), (s, tier) => {
        // Only lines that count toward one bucket, so the other bucket stays as it was and the
        // limits of this tier are the ones that apply (No Surprises Act lines count in network).
        const lines = s.lines.filter(
          (l) => (l.network === 'out' && l.surpriseBilling !== true ? 'out' : 'in') === tier,
        );
        const r = estimateCostShare(lines, s.benefits, s.accumulators, { order: s.order });
        expect(r._tag).toBe('Right');
        if (r._tag !== 'Right') return;
        const set = s.benefits;
        const limits = set.tiers[tier];
        const before = s.accumulators;
        const after = r.right.accumulators;
        const mode = set.networkAccumulation;
        const check = (
          was: { deductible: number; oop: number },
          now: { deductible: number; oop: number },
          deductible: number | null,
          oopMax: number | null,
        ) => {
          expect(now.deductible).toBeGreaterThanOrEqual(was.deductible);
          expect(now.oop).toBeGreaterThanOrEqual(was.oop);
          if (deductible !== null)
            expect(now.deductible).toBeLessThanOrEqual(Math.max(was.deductible, deductible));
          if (oopMax !== null) expect(now.oop).toBeLessThanOrEqual(Math.max(was.oop, oopMax));
        };
        // The member's own limits apply alone (self-only), inside the family's (embedded), or when
        // the tier has no family amount; with an aggregate family amount only the family's applies.
        const own = (kind: 'deductible' | 'oop') =>
          before.family === null ||
          set.family[kind] === 'embedded' ||
          (kind === 'deductible' ? limits.deductible.family : limits.oopMax.family) === null;
        check(
          effective(before.individual, tier, mode),
          effective(after.individual, tier, mode),
          own('deductible') ? limits.deductible.individual : null,
          own('oop') ? limits.oopMax.individual : null,
        );
        if (before.family !== null && after.family !== null)
          check(
            effective(before.family, tier, mode),
            effective(after.family, tier, mode),
            limits.deductible.family,
            limits.oopMax.family,
          );
        // The other bucket is untouched.
        const other = tier === 'in' ? 'out' : 'in';
        expect(after.individual[other]).toEqual(before.individual[other]);
      }),
      RUNS,
    ));
});

describe('appointments through FHIR R4', () => {
  it('toFhirAppointment then fromFhirAppointment gives the appointment back (less what FHIR does not carry)', () =>
    fc.assert(
      fc.property(appointmentArbitrary(), (a) => {
        // History, overbook and telehealth have no place in the R4 Appointment mapping.
        const { history: _h, overbook: _o, telehealth: _t, ...carried } = a;
        const back = fromFhirAppointment(toFhirAppointment(a));
        expect(back).toEqual({ _tag: 'Right', right: carried satisfies Partial<Appointment> });
      }),
      RUNS,
    ));
});

describe('the appointment lifecycle on generated appointments', () => {
  const MINUTE = 60_000;
  const EVENTS = Object.keys(APPOINTMENT_TRANSITIONS) as AppointmentEventType[];

  /** The event with everything its guards ask for: a reason, valid times, a check-in override. */
  const eventFor = (type: AppointmentEventType, a: Appointment, atMs: number): AppointmentEvent => {
    const start = new Date(atMs + 60 * MINUTE).toISOString() as IsoInstant;
    const end = new Date(atMs + 80 * MINUTE).toISOString() as IsoInstant;
    switch (type) {
      case 'hold':
      case 'book':
        return a.start === undefined ? { type, start, end } : { type };
      case 'cancel':
      case 'enter-in-error':
        return { type, reason: 'patient called' };
      case 'reschedule':
        return { type, reason: 'provider out sick', newId: `${a.id}-r` as Appointment['id'], start, end };
      case 'check-in':
        return { type, clearance: { kind: 'override', reason: 'card verified at the desk' } };
      default:
        return { type };
    }
  };

  /**
   * An event other than hold and book that would take an appointment without times to a status
   * that needs them (FHIR app-3 lets only proposed, cancelled and waitlist lack them).
   */
  const leavesTimesOut = (a: Appointment, type: AppointmentEventType) =>
    a.start === undefined &&
    type !== 'book' &&
    type !== 'hold' &&
    !['proposed', 'cancelled', 'waitlist'].includes(APPOINTMENT_TRANSITIONS[type].to);

  it('accepts exactly the events the table allows, and what it returns is still a valid appointment', () =>
    fc.assert(
      fc.property(appointmentArbitrary(), fc.constantFrom(...EVENTS), (a, type) => {
        // After the visit and after the last history entry, so no time guard refuses it.
        const atMs = Math.max(...(a.history ?? []).map((h) => ms(h.at)), a.end ? ms(a.end) : 0) + MINUTE;
        const copy = structuredClone(a);
        const r = transitionAppointment(
          a,
          eventFor(type, a, atMs),
          new Date(atMs).toISOString() as IsoInstant,
        );
        expect(a).toEqual(copy); // the input is not changed
        const allowed = allowedAppointmentEvents(a.status).includes(type);
        expect(r._tag === 'Right').toBe(allowed && !leavesTimesOut(a, type));
        if (r._tag === 'Left') {
          expect(r.left.code).toBe(allowed ? 'lifecycle.times-required' : 'lifecycle.invalid-transition');
          return;
        }
        const next = r.right.appointment;
        expect(next.status).toBe(APPOINTMENT_TRANSITIONS[type].to);
        expect(next.history).toHaveLength((a.history?.length ?? 0) + 1);
        for (const made of [next, ...(r.right.created ? [r.right.created] : [])])
          expect(parseAppointment(JSON.parse(JSON.stringify(made)))._tag).toBe('Right');
      }),
      { numRuns: 300 },
    ));

  // FHIR app-3: a proposal without times is held or booked with times, or cancelled; an event
  // that would leave it without them in another status is refused.
  const untimed = fc
    .sample(appointmentArbitrary(), { numRuns: 200, seed: 3 })
    .find((x) => x.status === 'proposed' && x.start === undefined)!;
  const noon = '2027-12-31T12:00:00Z' as IsoInstant;
  it('an appointment without times is held only with times, and not entered in error without them', () => {
    for (const event of [{ type: 'hold' }, { type: 'enter-in-error', reason: 'wrong chart' }] as const) {
      const r = transitionAppointment(untimed, event, noon);
      expect(r._tag === 'Left' && r.left.code).toBe('lifecycle.times-required');
    }
    const start = '2028-01-03T14:00:00Z' as IsoInstant;
    const held = transitionAppointment(
      untimed,
      { type: 'hold', start, end: '2028-01-03T14:30:00Z' as IsoInstant },
      noon,
    );
    expect(held._tag === 'Right' && [held.right.appointment.status, held.right.appointment.start]).toEqual([
      'pending',
      start,
    ]);
    if (held._tag === 'Right')
      expect(parseAppointment(JSON.parse(JSON.stringify(held.right.appointment)))._tag).toBe('Right');
    const cancelled = transitionAppointment(untimed, { type: 'cancel', reason: 'no longer needed' }, noon);
    expect(cancelled._tag === 'Right' && cancelled.right.appointment.status).toBe('cancelled');
  });
});

const ms = (s: string): number => instantToMs(s as IsoInstant);

describe('authorizationStatus on generated authorizations and appointments', () => {
  const KEPT = new Set(['fulfilled', 'arrived', 'checked-in']);
  const PLANNED = new Set(['proposed', 'pending', 'booked', 'waitlist']);

  // An approved authorization, and appointments from ten days before its window to ten days after.
  const scenario = authorizationArbitrary
    .filter((a) => isApprovedAuthorization(a.decision))
    .chain((authorization) => {
      const { start, end } = authorization.period!;
      return fc.record({
        authorization: fc.constant(authorization),
        appointments: fc.uniqueArray(
          appointmentArbitrary(addDays(start, -10), addDays(end, 10)).filter((a) => a.start !== undefined),
          { maxLength: 12, selector: (a) => a.id },
        ),
        atDays: fc.integer({ min: -10, max: 200 }),
      });
    });

  it('never counts more than granted, counts only kept visits inside the window, and asks for what planned visits lack', () =>
    fc.assert(
      fc.property(scenario, ({ authorization, appointments, atDays }) => {
        const period = authorization.period!;
        const granted = authorization.approvedUnits!;
        const list = appointments.map((a) => ({ id: a.id, start: a.start!, status: a.status }));
        const at = `${addDays(period.start, atDays)}T12:00:00Z` as IsoInstant;
        const r = authorizationStatus(authorization, list, at);
        expect(r._tag).toBe('Right');
        if (r._tag !== 'Right') return;
        const st = r.right;
        // Inside the window: the visit's local date, in the window's zone, is within the inclusive dates.
        const inside = (start: string) => {
          const date = toWallClock(instantToMs(start as IsoInstant), period.zone as IanaZone).date;
          return date >= period.start && date <= period.end;
        };
        expect(st.granted).toBe(granted);
        expect(st.used).toBeLessThanOrEqual(granted);
        expect(st.remaining).toBe(granted - st.used);
        expect(st.visits).toHaveLength(list.length);
        const counted = st.visits.filter((v) => v.counted);
        expect(counted).toHaveLength(st.used);
        for (const v of counted) {
          const a = list.find((x) => x.id === v.appointment)!;
          expect(KEPT.has(a.status)).toBe(true);
          expect(inside(a.start)).toBe(true);
        }
        // Kept or planned visits covered never exceed the grant.
        expect(st.visits.filter((v) => v.coverage === 'covered').length).toBeLessThanOrEqual(granted);
        // With nothing planned, every kept visit inside the window counts, up to the grant.
        const keptInside = list.filter((a) => KEPT.has(a.status) && inside(a.start)).length;
        if (!list.some((a) => PLANNED.has(a.status))) expect(st.used).toBe(Math.min(granted, keptInside));
        // An extension is needed exactly when a planned visit falls outside the window.
        const plannedOutside = list.some((a) => PLANNED.has(a.status) && !inside(a.start));
        expect(st.needs.includes('extension')).toBe(plannedOutside);
      }),
      { numRuns: 150 },
    ));
});
