// Invariants of determinePayerOrder over random sets of coverages.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isOk } from '../../src/core/result.js';
import type { IsoDate } from '../../src/core/time.js';
import { PLAN_TYPES, type Coverage } from '../../src/insurance/model.js';
import { determinePayerOrder, type PayerOrderPatient } from '../../src/insurance/payerOrder.js';

const date = fc
  .integer({ min: 0, max: 20_000 })
  .map((d) => new Date(Date.UTC(1950, 0, 1) + d * 86_400_000).toISOString().slice(0, 10) as IsoDate);
const coverageArb = (id: string): fc.Arbitrary<Coverage> =>
  fc.record({
    id: fc.constant(id),
    payerId: fc.constant(`payer-${id}`),
    planType: fc.constantFrom(...PLAN_TYPES),
    memberId: fc.constant(`M-${id}`),
    relationship: fc.constantFrom('self', 'spouse', 'child', 'other'),
    subscriber: fc.record({
      dateOfBirth: date,
      employment: fc.constantFrom('active', 'retired', 'laid-off', 'none', 'unknown'),
      employerSize: fc.integer({ min: 0, max: 500 }),
    }),
    dependents: fc.constant([]),
    continuation: fc.constantFrom('none', 'cobra', 'state'),
    cobProvision: fc.boolean(),
    coveredSince: date,
    effective: fc.record({
      start: fc.constant('2020-01-01' as IsoDate),
      end: fc.constantFrom(null, '2025-12-31' as IsoDate),
    }),
  }) as unknown as fc.Arbitrary<Coverage>;

const patientArb: fc.Arbitrary<PayerOrderPatient> = fc.record({
  dateOfBirth: date,
  medicare: fc.option(
    fc.record({ basis: fc.constantFrom('age', 'disability', 'esrd'), esrdCoordinationStart: date }),
    { nil: undefined },
  ),
  parents: fc.option(fc.record({ livingTogether: fc.boolean(), jointDecree: fc.boolean() }), {
    nil: undefined,
  }),
}) as unknown as fc.Arbitrary<PayerOrderPatient>;

describe('determinePayerOrder invariants', () => {
  test.prop(
    [
      fc
        .array(fc.nat(), { minLength: 1, maxLength: 5 })
        .chain((ns) => fc.tuple(...ns.map((_, i) => coverageArb(`c${i}`)))),
      patientArb,
      fc.constantFrom(undefined, 'work' as const, 'auto' as const),
    ],
    { numRuns: 300 },
  )(
    'every coverage is ordered or excluded once; Medicaid last; a decision per adjacent pair; deterministic',
    (coverages, patient, injury) => {
      const ctx = { dateOfService: '2026-11-23' as IsoDate, ...(injury ? { injury } : {}) };
      const r = determinePayerOrder(coverages, patient, ctx);
      expect(determinePayerOrder(coverages, patient, ctx)).toEqual(r);
      if (!isOk(r)) {
        // Only when nothing is in force: every coverage lapsed, or injury coverage for another service.
        expect(r.left.code).toBe('insurance.no-coverage');
        return;
      }
      const ids = [...r.right.order.map((c) => c.id), ...r.right.excluded.map((e) => e.coverageId)].sort();
      expect(ids).toEqual(coverages.map((c) => c.id).sort());
      expect(r.right.decisions).toHaveLength(r.right.order.length - 1);
      const kinds = r.right.order.map((c) => c.planType);
      const firstMedicaid = kinds.indexOf('medicaid');
      if (firstMedicaid >= 0) expect(kinds.slice(firstMedicaid).every((k) => k === 'medicaid')).toBe(true);
      r.right.decisions.forEach((d, i) => {
        expect(d.primary).toBe(r.right.order[i]?.id);
        expect(d.secondary).toBe(r.right.order[i + 1]?.id);
      });
    },
  );
});
