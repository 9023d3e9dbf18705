// medoffice/testing: every arbitrary builds models the library's own parsers accept unchanged,
// the referral walk reaches every status of the machine along accepted paths, and the health
// system generator is deterministic and books no provider twice at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToMs, type IsoInstant } from '../../src/core/index.js';
import { parseCoverage } from '../../src/insurance/index.js';
import { parsePatient, validateNpi } from '../../src/records/index.js';
import {
  REFERRAL_STATUSES,
  parseReferral,
  parseReferralEvent,
  referralTargets,
} from '../../src/referrals/index.js';
import { parseAppointmentType, parseAvailabilityTemplate } from '../../src/scheduling/index.js';
import {
  appointmentTypeArbitrary,
  availabilityTemplateArbitrary,
  coverageArbitrary,
  generateHealthSystem,
  npiArbitrary,
  patientArbitrary,
  reachableReferralArbitrary,
  referralEventArbitrary,
} from '../../src/testing/index.js';
import { reparses } from './support.js';

describe('arbitraries build valid models (they re-parse to themselves)', () => {
  it('patients', () => fc.assert(fc.property(patientArbitrary, reparses(parsePatient)), { numRuns: 150 }));
  it('coverages', () => fc.assert(fc.property(coverageArbitrary, reparses(parseCoverage)), { numRuns: 150 }));
  it('appointment types', () =>
    fc.assert(fc.property(appointmentTypeArbitrary, reparses(parseAppointmentType)), { numRuns: 150 }));
  it('availability templates, with disjoint windows', () =>
    fc.assert(
      fc.property(availabilityTemplateArbitrary, (t) => {
        reparses(parseAvailabilityTemplate)(t);
        const sameDay = t.windows.filter((w) => w.end > w.start);
        for (let i = 1; i < sameDay.length; i++)
          expect((sameDay[i]?.start ?? '') > (sameDay[i - 1]?.end ?? '')).toBe(true);
      }),
      { numRuns: 150 },
    ));
  it('referral events', () =>
    fc.assert(fc.property(referralEventArbitrary, reparses(parseReferralEvent)), { numRuns: 150 }));
  it('NPIs pass validateNpi, and any other last digit fails it', () =>
    fc.assert(
      fc.property(npiArbitrary, fc.integer({ min: 1, max: 9 }), (npi, shift) => {
        expect(validateNpi(npi)._tag).toBe('Right');
        const other = `${npi.slice(0, 9)}${(Number(npi[9]) + shift) % 10}`;
        expect(validateNpi(other)._tag).toBe('Left');
      }),
      { numRuns: 150 },
    ));
});

describe('reachableReferralArbitrary walks the real machine', () => {
  const referrals = fc.sample(reachableReferralArbitrary(), { numRuns: 400, seed: 20261123 });

  it('reaches every status of the machine, terminal ones included', () => {
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
  });

  it('each history is a path of the transition table, in time order, ending at the status', () => {
    for (const r of referrals) {
      expect(parseReferral(JSON.parse(JSON.stringify(r)))._tag).toBe('Right');
      let status: string = 'draft';
      let last = -Infinity;
      for (const h of r.history) {
        expect(h.from).toBe(status);
        expect(referralTargets(h.from, h.event.type)).toContain(h.to);
        expect(instantToMs(h.at)).toBeGreaterThan(last);
        last = instantToMs(h.at as IsoInstant);
        status = h.to;
      }
      expect(r.status).toBe(status);
    }
  });
});

describe('generateHealthSystem', () => {
  const options = { providers: 12, resources: 6, appointments: 400, days: 21, seed: 3 };
  const calendar = generateHealthSystem(options);

  it('is deterministic: same options, same calendar; another seed, another one', () => {
    expect(generateHealthSystem(options)).toEqual(calendar);
    expect(generateHealthSystem({ ...options, seed: 4 }).appointments).not.toEqual(calendar.appointments);
  });

  it('has the requested size and never books a provider twice at the same time', () => {
    expect(calendar.providers).toHaveLength(12);
    expect(calendar.appointments).toHaveLength(400);
    const byProvider = new Map<string, [number, number][]>();
    for (const a of calendar.appointments) {
      const list = byProvider.get(a.provider) ?? [];
      list.push([instantToMs(a.start as IsoInstant), instantToMs(a.end as IsoInstant)]);
      byProvider.set(a.provider, list);
    }
    for (const list of byProvider.values()) {
      list.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < list.length; i++)
        expect(list[i]?.[0]).toBeGreaterThanOrEqual(list[i - 1]?.[1] ?? 0);
    }
  });
});
