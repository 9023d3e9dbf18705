// build837P (one writer per interchange, elements written one by one, one string per claim) against
// the plain writer it replaced (DESIGN rule 13): the same text, character for character, on every
// public 837P read back, and on generated claims that add or empty every optional part a claim can
// have (patient level, dates of death, related causes, diagnoses in either code set, earlier payers
// with their adjustments, line adjudications, drugs, empty values before and at the end of segments).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build837P, type ClaimEnvelope } from '../../src/billing/x12/build837P.js';
import { build837PReference } from '../../src/billing/x12/build837PReference.js';
import { read837P } from '../../src/billing/x12/read837P.js';
import { cents, isoDate } from '../../src/core/index.js';
import type {
  Adjustment,
  Claim,
  ClaimAddress,
  ClaimPerson,
  LineAdjudication,
  PriorPayer,
} from '../../src/billing/model.js';
import { dataFile, dataFiles } from '../support/testData.js';

const ENVELOPE: ClaimEnvelope = {
  sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING OFFICE', phone: '5555550100' },
  receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
  controlNumber: 42,
  date: isoDate('2026-12-01'),
  time: '0930',
  usage: 'T',
};

const corpus: Claim[] = dataFiles('x12/837p').flatMap((f) => {
  const r = read837P(dataFile(`x12/837p/${f}`));
  return r._tag === 'Right' ? [...r.right.claims] : [];
});

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
/** Optional keys present only when generated (exactOptionalPropertyTypes: never set to undefined). */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const word = fc.constantFrom('', 'A', 'DOE', 'JANE', 'MAIN ST', '10', 'ZZ');
const date = fc.constantFrom(isoDate('2026-01-31'), isoDate('2026-11-15'), isoDate('1950-07-04'));
const addressArb: fc.Arbitrary<ClaimAddress> = fc
  .record({ line1: word, line2: maybe(word), city: word, state: word, zip: word })
  .map(defined);
const personArb: fc.Arbitrary<ClaimPerson> = fc
  .record({
    lastName: word,
    firstName: maybe(word),
    memberId: maybe(word),
    dateOfBirth: maybe(date),
    gender: maybe(fc.constantFrom('F', 'M', 'U', '')),
    address: maybe(addressArb),
    dateOfDeath: maybe(date),
  })
  .map(defined);
const adjustmentArb: fc.Arbitrary<Adjustment> = fc
  .record({
    group: fc.constantFrom('CO', 'PR', 'OA', 'PI'),
    reason: fc.constantFrom('1', '2', '45', '97', ''),
    amount: fc.integer({ min: -5000, max: 50000 }).map(cents),
    quantity: maybe(fc.constantFrom(1, 2.5, 0)),
  })
  .map(defined);
/** Adjustments of mixed groups, or runs of one group past the six triplets a CAS holds. */
const adjustmentsArb = (maxLength: number): fc.Arbitrary<Adjustment[]> =>
  fc.oneof(
    fc.array(adjustmentArb, { maxLength }),
    fc.array(
      adjustmentArb.map((a): Adjustment => ({ ...a, group: 'CO' })),
      { minLength: 5, maxLength: 14 },
    ),
  );
const procedureArb = fc.record({
  qualifier: fc.constantFrom('HC', 'N4', ''),
  code: fc.constantFrom('99213', 'J1100', ''),
  modifiers: fc.array(fc.constantFrom('25', '59', ''), { maxLength: 4 }),
});
const lineAdjudicationArb: fc.Arbitrary<LineAdjudication> = fc
  .record({
    payerId: word,
    paid: fc.integer({ min: -100, max: 20000 }).map(cents),
    procedure: procedureArb,
    units: fc.constantFrom(1, 2, 0.5),
    adjustments: adjustmentsArb(8),
    adjudicationDate: maybe(date),
  })
  .map(defined);
const priorPayerArb: fc.Arbitrary<PriorPayer> = fc
  .record({
    id: word,
    name: word,
    responsibility: fc.constantFrom('P', 'S', ''),
    filingIndicator: maybe(word),
    groupNumber: maybe(word),
    subscriber: maybe(personArb),
    relationship: maybe(fc.constantFrom('18', '01', '')),
    adjustments: adjustmentsArb(14),
    paid: fc.integer({ min: -100, max: 20000 }).map(cents),
    remainingPatientLiability: maybe(fc.integer({ min: 0, max: 5000 }).map(cents)),
    adjudicationDate: maybe(date),
  })
  .map(defined);

/** A corpus claim with its optional parts replaced by generated ones. */
const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    base: fc.constantFrom(...corpus),
    patient: maybe(fc.tuple(personArb, fc.constantFrom('01', '19', ''))),
    subscriber: maybe(personArb),
    groupNumber: maybe(word),
    relatedCauses: maybe(fc.array(fc.constantFrom('AA', 'EM', 'OA', ''), { maxLength: 3 })),
    accidentState: maybe(fc.constantFrom('NY', '')),
    accidentDate: maybe(date),
    icd9: fc.boolean(),
    diagnoses: maybe(fc.array(fc.constantFrom('I10', 'J069', ''), { maxLength: 12 })),
    priorPayers: maybe(fc.array(priorPayerArb, { maxLength: 2 })),
    filingIndicator: maybe(word),
    refs: fc.record({
      originalClaimNumber: maybe(word),
      priorAuthorization: maybe(word),
      referralNumber: maybe(word),
    }),
    lineExtras: fc.array(
      fc.record({
        placeOfService: maybe(fc.constantFrom('11', '')),
        serviceDates: maybe(fc.tuple(date, date)),
        drug: maybe(
          fc
            .record({
              ndc: word,
              quantity: maybe(fc.constantFrom(1, 2.5)),
              unit: maybe(fc.constantFrom('UN', 'ML')),
            })
            .map(defined),
        ),
        priorAdjudications: maybe(fc.array(lineAdjudicationArb, { maxLength: 2 })),
        pointers: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((g): Claim => {
    const lines = g.base.lines.map((l, i) => {
      const x = g.lineExtras[i];
      if (!x) return l;
      const {
        serviceDates: _dates,
        placeOfService: _pos,
        drug: _drug,
        priorAdjudications: _adj,
        ...rest
      } = l;
      const [from, to] = x.serviceDates ?? [];
      return defined({
        ...rest,
        pointers: x.pointers,
        placeOfService: x.placeOfService,
        serviceDates: from && to ? { start: from <= to ? from : to, end: from <= to ? to : from } : undefined,
        drug: x.drug,
        priorAdjudications: x.priorAdjudications,
      });
    });
    return defined({
      ...g.base,
      ...g.refs,
      patient: g.patient ? { ...g.patient[0], relationship: g.patient[1] } : g.base.patient,
      subscriber: g.subscriber ? defined({ ...g.subscriber, groupNumber: g.groupNumber }) : g.base.subscriber,
      relatedCauses: g.relatedCauses,
      accidentState: g.accidentState,
      accidentDate: g.accidentDate,
      diagnosisCodeSet: g.icd9 ? 'icd9' : 'icd10',
      diagnoses: g.diagnoses ?? g.base.diagnoses,
      priorPayers: g.priorPayers,
      filingIndicator: g.filingIndicator,
      lines,
    });
  });

describe('build837P writes what the plain reference writer writes', () => {
  it('on the claims of every public 837P', () => {
    expect(corpus.length).toBeGreaterThan(20);
    for (const c of corpus) expect(build837P([c], ENVELOPE)).toStrictEqual(build837PReference([c], ENVELOPE));
    expect(build837P(corpus, ENVELOPE)).toStrictEqual(build837PReference(corpus, ENVELOPE));
  });

  it('on generated claims with every optional part added, emptied or left out', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 999_999_999 }),
        (claims, n) => {
          const envelope = { ...ENVELOPE, controlNumber: n };
          const fast = build837P(claims, envelope);
          expect(fast).toStrictEqual(build837PReference(claims, envelope));
        },
      ),
      { numRuns: 300 },
    );
  });
});
