// medoffice/testing, the arbitraries of the remaining models: each value re-parses to itself
// through the library's own parser after a JSON round trip, and keeps the promises its JSDoc makes
// (consistent decisions, times in order, histories that are paths of the lifecycle table).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/core/errors.js';
import { instantToMs, type IsoInstant } from '../../src/core/index.js';
import {
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parsePayer,
  parsePlan,
} from '../../src/insurance/index.js';
import { parsePractitioner, validateNpi } from '../../src/records/index.js';
import { FHIR_APPOINTMENT_STATUSES, parseAuthorization } from '../../src/referrals/index.js';
import {
  APPOINTMENT_TRANSITIONS,
  LocationSchema,
  ResourceSchema,
  parseAppointment,
  parseAvailabilityException,
  parseHold,
  parseProvider,
  parseWaitlistEntry,
  type AppointmentEventType,
} from '../../src/scheduling/index.js';
import {
  appointmentArbitrary,
  authorizationArbitrary,
  availabilityExceptionArbitrary,
  benefitSetArbitrary,
  costShareScenarioArbitrary,
  holdArbitrary,
  locationArbitrary,
  payerArbitrary,
  planArbitrary,
  practitionerArbitrary,
  providerArbitrary,
  resourceArbitrary,
  waitlistEntryArbitrary,
} from '../../src/testing/index.js';
import { reparses } from './support.js';

const RUNS = { numRuns: 150 };

const ms = (s: string | undefined): number => instantToMs(s as IsoInstant);

describe('records and insurance arbitraries build valid models', () => {
  it('practitioners, with an NPI that passes the Luhn check', () =>
    fc.assert(
      fc.property(practitionerArbitrary, (p) => {
        reparses(parsePractitioner)(p);
        if (p.npi !== undefined) expect(validateNpi(p.npi)._tag).toBe('Right');
      }),
      RUNS,
    ));

  it('payers and plans; a plan’s benefit set names the plan', () => {
    fc.assert(fc.property(payerArbitrary, reparses(parsePayer)), RUNS);
    fc.assert(
      fc.property(planArbitrary, (p) => {
        reparses(parsePlan)(p);
        if (p.benefits !== undefined) expect(p.benefits.planId).toBe(p.id);
      }),
      { numRuns: 60 },
    );
  });

  it('benefit sets: a catch-all STC 30 benefit on both tiers last, OOP maximum at or above the deductible', () =>
    fc.assert(
      fc.property(benefitSetArbitrary, (s) => {
        reparses(parseBenefitSet)(s);
        expect(s.benefits.at(-1)).toMatchObject({ serviceTypes: ['30'], network: 'both' });
        expect(new Set(s.benefits.map((b) => b.id)).size).toBe(s.benefits.length);
        for (const t of [s.tiers.in, s.tiers.out]) {
          if (t.oopMax.individual !== null)
            expect(t.oopMax.individual).toBeGreaterThanOrEqual(t.deductible.individual);
          if (t.deductible.family !== null) expect(t.deductible.family).toBe(2 * t.deductible.individual);
        }
      }),
      RUNS,
    ));

  it('accumulators and claim lines fit their benefit set: family met ≥ member met, limits, plan year', () =>
    fc.assert(
      fc.property(costShareScenarioArbitrary, ({ benefits, accumulators: a, lines }) => {
        reparses(parseAccumulators)(a);
        reparses(parseClaimLines)(lines);
        expect(a.planYearStart.slice(5)).toBe(benefits.planYearStart);
        for (const t of ['in', 'out'] as const) {
          expect(a.individual[t].oop).toBeGreaterThanOrEqual(a.individual[t].deductible);
          if (a.family) {
            expect(a.family[t].deductible).toBeGreaterThanOrEqual(a.individual[t].deductible);
            expect(a.family[t].oop).toBeGreaterThanOrEqual(a.individual[t].oop);
          }
        }
        for (const b of benefits.benefits)
          if (b.limit) expect(a.limitsUsed[b.id] ?? 0).toBeLessThanOrEqual(b.limit.quantity);
        // Every line in the accumulators' plan year: [start, start + 1 year).
        const next = `${Number(a.planYearStart.slice(0, 4)) + 1}${a.planYearStart.slice(4)}`;
        for (const l of lines) {
          expect(l.serviceDate >= a.planYearStart && l.serviceDate < next).toBe(true);
          if (l.billed !== undefined) expect(l.billed).toBeGreaterThanOrEqual(l.allowed);
        }
        expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
      }),
      RUNS,
    ));
});

describe('the authorization arbitrary keeps decisions consistent', () => {
  const all = fc.sample(authorizationArbitrary, { numRuns: 300, seed: 11 });

  it('re-parses, and produces every decision', () => {
    for (const a of all) reparses(parseAuthorization)(a);
    expect(new Set(all.map((a) => a.decision)).size).toBe(8);
  });

  it('approvals carry a period and granted units that add up; A2 grants some but not all', () => {
    for (const a of all) {
      expect(a.requestedUnits).toBe(a.items.reduce((s, i) => s + i.requestedUnits, 0));
      if (a.decidedAt !== undefined) expect(ms(a.decidedAt)).toBeGreaterThan(ms(a.requestedAt));
      const approved = ['approved', 'partly-approved', 'modified'].includes(a.decision);
      expect(a.period !== undefined).toBe(approved);
      expect(a.certificationNumber !== undefined).toBe(approved);
      expect(a.denialReason !== undefined).toBe(a.decision === 'denied');
      expect(a.administrationReference !== undefined).toBe(a.decision === 'pended');
      if (!approved) continue;
      expect(a.approvedUnits).toBe(a.items.reduce((s, i) => s + (i.approvedUnits ?? 0), 0));
      expect(a.period!.end >= a.period!.start).toBe(true);
      if (a.decision === 'approved') expect(a.approvedUnits).toBe(a.requestedUnits);
      if (a.decision === 'partly-approved') {
        expect(a.approvedUnits).toBeGreaterThan(0);
        expect(a.approvedUnits).toBeLessThan(a.requestedUnits);
      }
    }
  });
});

describe('scheduling arbitraries build valid models', () => {
  it('providers, locations, resources, exceptions', () => {
    fc.assert(fc.property(providerArbitrary, reparses(parseProvider)), RUNS);
    fc.assert(
      fc.property(
        locationArbitrary,
        reparses((x) => parseWith('Location', LocationSchema, x)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        resourceArbitrary,
        reparses((x) => parseWith('Resource', ResourceSchema, x)),
      ),
      RUNS,
    );
    const exceptions = fc.sample(availabilityExceptionArbitrary, { numRuns: 200, seed: 5 });
    for (const x of exceptions) {
      reparses(parseAvailabilityException)(x);
      if (x.kind === 'time-off') expect(ms(x.start)).toBeLessThan(ms(x.end));
    }
    expect(new Set(exceptions.map((x) => x.kind))).toEqual(
      new Set(['time-off', 'holiday', 'extra-hours', 'override']),
    );
  });

  it('holds expire before they start, and start before they end', () =>
    fc.assert(
      fc.property(holdArbitrary, (h) => {
        reparses(parseHold)(h);
        expect(ms(h.expiresAt)).toBeLessThan(ms(h.start));
        expect(ms(h.start)).toBeLessThan(ms(h.end));
      }),
      RUNS,
    ));

  it('waitlist entries: earliest before latest, added before both, preferred among the acceptable', () =>
    fc.assert(
      fc.property(waitlistEntryArbitrary, (w) => {
        reparses(parseWaitlistEntry)(w);
        if (w.earliest !== undefined) {
          expect(ms(w.addedAt)).toBeLessThanOrEqual(ms(w.earliest));
          expect(ms(w.earliest)).toBeLessThan(ms(w.latest));
        }
        if (w.preferredProvider !== undefined) expect(w.providers).toContain(w.preferredProvider);
        if (w.times !== undefined || w.days !== undefined) expect(w.zone).toBeDefined();
      }),
      RUNS,
    ));

  describe('appointments', () => {
    const all = fc.sample(appointmentArbitrary(), { numRuns: 400, seed: 23 });

    it('re-parse, in every FHIR status, with start < end; only proposed/cancelled/waitlist lack times', () => {
      for (const a of all) {
        reparses(parseAppointment)(a);
        if (a.start === undefined) expect(['proposed', 'cancelled', 'waitlist']).toContain(a.status);
        else expect(ms(a.start)).toBeLessThan(ms(a.end));
        // FHIR app-4: a cancelation reason only on cancelled or noshow.
        if (a.cancelationReason !== undefined) expect(['cancelled', 'noshow']).toContain(a.status);
      }
      expect(new Set(all.map((a) => a.status))).toEqual(new Set(FHIR_APPOINTMENT_STATUSES));
      expect(all.some((a) => a.start === undefined)).toBe(true);
    });

    it('histories are paths of APPOINTMENT_TRANSITIONS, in time order, ending at the status', () => {
      for (const a of all) {
        const [first, ...rest] = a.history ?? [];
        expect(first).toMatchObject({ to: 'proposed' });
        let status = first?.to;
        let last = ms(first?.at);
        for (const h of rest) {
          const row = APPOINTMENT_TRANSITIONS[h.event as AppointmentEventType];
          expect(h.from).toBe(status);
          expect(row.from).toContain(h.from);
          expect(h.to).toBe(row.to);
          expect(ms(h.at)).toBeGreaterThanOrEqual(last);
          last = ms(h.at);
          status = h.to;
        }
        expect(a.status).toBe(status);
      }
    });
  });
});
