// The front-end edits that need the wider context, the accident fields or the other-payer loops
// (billing reference §3: E05, E24, E30, E32, E35, E37-E44): each fails on a claim built to break
// exactly that rule, with its field path and severity, and passes on the clean claim.
import { describe, expect, it } from 'vitest';
import { isoDate, type IsoDate } from '../../src/core/index.js';
import {
  build837P,
  checkClaim,
  DEFAULT_CLAIM_RULES,
  parseClaim,
  read837P,
  type Claim,
  type ClaimCheckContext,
} from '../../src/billing/index.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const DOS = { start: '2026-11-23', end: '2026-11-23' };
const line = (code: string, charge: number, extra: Record<string, unknown> = {}) => ({
  procedure: { qualifier: 'HC', code, modifiers: [] },
  charge,
  unit: 'UN',
  quantity: 1,
  pointers: [1],
  serviceDates: DOS,
  ...extra,
});
const claim = (overrides: Record<string, unknown> = {}): Claim =>
  must(
    parseClaim({
      id: 'CLM-5001',
      frequency: '1',
      placeOfService: '11',
      totalCharge: 20000,
      payerResponsibility: 'P',
      filingIndicator: 'CI',
      payer: { id: '60054', name: 'ACME HEALTH PLAN' },
      subscriber: {
        lastName: 'RIVERA',
        firstName: 'ANA',
        memberId: 'W123456789',
        dateOfBirth: '1980-04-02',
        gender: 'F',
      },
      billingProvider: {
        npi: '1234567893',
        entity: 'organization',
        lastName: 'MAIN STREET CLINIC',
        taxonomy: '207Q00000X',
        taxId: { qualifier: 'EI', value: '123456789' },
        address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
      },
      renderingProvider: { npi: '1467586115', entity: 'person', lastName: 'OKAFOR', firstName: 'NGOZI' },
      diagnosisCodeSet: 'icd10',
      diagnoses: ['J069', 'R509'],
      lines: [line('99213', 15000, { pointers: [1, 2] }), line('87880', 5000)],
      ...overrides,
    }),
  );
const SUBMITTED: ClaimCheckContext = { submissionDate: isoDate('2026-12-01') };
const edits = (c: Claim, ctx: ClaimCheckContext = {}): [string, string, string][] =>
  checkClaim(c, DEFAULT_CLAIM_RULES, { ...SUBMITTED, ...ctx }).map((e) => [e.edit, e.field, e.severity]);

describe('front-end edits with context', () => {
  it('the clean claim passes them all, with every table supplied', () => {
    expect(
      edits(claim(), {
        billableDiagnosis: () => true,
        pcTcCodes: new Set(['71046']),
        officeOnlyCodes: new Set(['99213']),
        telehealthCodes: new Set(['99213']),
        referringProviderRequired: ['71046'],
        sexSpecificCodes: { male: new Set(['55700']) },
        ageLimitedCodes: new Map([['99381', { max: 0 }]]),
        submittedClaims: [claim({ id: 'CLM-4000', lines: [line('99214', 15000)] })],
        ncciPairs: [{ column1: '99213', column2: '36415', modifierIndicator: '1' }],
        mue: new Map([['87880', 2]]),
      }),
    ).toEqual([]);
  });

  it('E05: billing address present, not a PO box, nine-digit ZIP, USPS state', () => {
    const address = (a: Record<string, unknown>) =>
      claim({
        billingProvider: {
          ...claim().billingProvider,
          address: { line1: '120 MAIN ST', city: 'X', state: 'IL', zip: '627011234', ...a },
        },
      });
    expect(edits(address({ line1: 'P.O. Box 12' }))).toEqual([
      ['E05', 'billingProvider.address.line1', 'error'],
    ]);
    expect(edits(address({ line2: 'LOCKBOX 7' }))).toEqual([
      ['E05', 'billingProvider.address.line2', 'error'],
    ]);
    expect(edits(address({ zip: '62701' }))).toEqual([['E05', 'billingProvider.address.zip', 'error']]);
    expect(edits(address({ state: 'XX' }))).toEqual([['E05', 'billingProvider.address.state', 'error']]);
    const { address: _none, ...noAddress } = claim().billingProvider;
    expect(edits(claim({ billingProvider: noAddress }))).toEqual([
      ['E05', 'billingProvider.address', 'error'],
    ]);
    // 'BOXWOOD LANE' is a street, not a box.
    expect(edits(address({ line1: '12 BOXWOOD LANE' }))).toEqual([]);
  });

  it('E24: a diagnosis the fiscal-year table does not list as billable on the date of service', () => {
    const seen: [string, IsoDate][] = [];
    const table = (code: string, date: IsoDate) => {
      seen.push([code, date]);
      return code !== 'R509';
    };
    expect(edits(claim(), { billableDiagnosis: table })).toEqual([['E24', 'diagnoses.1', 'error']]);
    expect(seen).toEqual([
      ['J069', '2026-11-23'],
      ['R509', '2026-11-23'],
    ]);
  });

  it('E30: LT/RT with 50, 26 with TC, 26/TC without a split, anesthesia modifiers elsewhere', () => {
    const mods = (m: string[], code = '73560') =>
      claim({
        lines: [
          line(code, 15000, { procedure: { qualifier: 'HC', code, modifiers: m } }),
          line('87880', 5000),
        ],
      });
    const field = 'lines.0.procedure.modifiers';
    expect(edits(mods(['50', 'RT']))).toEqual([['E30', field, 'error']]);
    expect(edits(mods(['26', 'TC']))).toEqual([['E30', field, 'error']]);
    expect(edits(mods(['26']), { pcTcCodes: new Set(['71046']) })).toEqual([['E30', field, 'error']]);
    expect(edits(mods(['26']), { pcTcCodes: new Set(['73560']) })).toEqual([]);
    expect(edits(mods(['QK']))).toEqual([['E30', field, 'error']]);
    expect(edits(mods(['QK', 'P1'], '00400')).filter(([e]) => e === 'E30')).toEqual([]);
  });

  it('E32: office-only code at a facility place of service; telehealth with a code off the list', () => {
    expect(edits(claim({ placeOfService: '22' }), { officeOnlyCodes: new Set(['87880']) })).toEqual([
      ['E32', 'lines.1.procedure.code', 'error'],
    ]);
    expect(edits(claim({ placeOfService: '10' }), { telehealthCodes: new Set(['99213']) })).toEqual([
      ['E32', 'lines.1.procedure.code', 'error'],
    ]);
    // A line's own place of service decides.
    const lines = [line('99213', 15000, { pointers: [1, 2], placeOfService: '02' }), line('87880', 5000)];
    expect(edits(claim({ lines }), { telehealthCodes: new Set(['99213']) })).toEqual([]);
  });

  it('E35: referring provider for payer-designated codes; REF*9F when the plan needs it', () => {
    expect(edits(claim(), { referringProviderRequired: ['87880'] })).toEqual([
      ['E35', 'referringProvider', 'error'],
    ]);
    expect(
      edits(claim({ referringProvider: { npi: '1003000126', entity: 'person', lastName: 'LINDQVIST' } }), {
        referringProviderRequired: ['87880'],
      }),
    ).toEqual([]);
    expect(edits(claim(), { referralNumberRequired: true })).toEqual([['E35', 'referralNumber', 'error']]);
  });

  it('E37 (warning): sex- and age-limited codes, and pregnancy codes on a male patient', () => {
    expect(edits(claim(), { sexSpecificCodes: { male: new Set(['87880']) } })).toEqual([
      ['E37', 'lines.1.procedure.code', 'warning'],
    ]);
    const male = claim({ subscriber: { ...claim().subscriber, gender: 'M' }, diagnoses: ['O2441', 'R509'] });
    expect(edits(male)).toEqual([['E37', 'diagnoses.0', 'warning']]);
    // Born 1980-04-02: 46 on 2026-11-23.
    expect(edits(claim(), { ageLimitedCodes: new Map([['J069', { max: 17 }]]) })).toEqual([
      ['E37', 'diagnoses.0', 'warning'],
    ]);
    expect(edits(claim(), { ageLimitedCodes: new Map([['J069', { min: 46, max: 46 }]]) })).toEqual([]);
  });

  it('E38: the same service already submitted and not voided', () => {
    const earlier = claim({ id: 'CLM-4999', payerClaimNumber: 'PCN-1' });
    expect(edits(claim(), { submittedClaims: [earlier] })).toEqual([
      ['E38', 'lines.0', 'error'],
      ['E38', 'lines.1', 'error'],
    ]);
    const voidIt = claim({ id: 'CLM-4999', frequency: '8', originalClaimNumber: 'PCN-1' });
    expect(edits(claim(), { submittedClaims: [earlier, voidIt] })).toEqual([]);
    // A replacement of that claim is not its duplicate.
    expect(
      edits(claim({ frequency: '7', originalClaimNumber: 'PCN-1' }), { submittedClaims: [earlier] }),
    ).toEqual([]);
    // Another charge or rendering provider is another service.
    const other = claim({
      renderingProvider: { npi: '1003000126', entity: 'person', lastName: 'LINDQVIST' },
    });
    expect(edits(other, { submittedClaims: [earlier] })).toEqual([]);
  });

  it('E39: NCCI pairs, indicator 0 never, 1 only with 59/X{EPSU}, 9 not applied', () => {
    const pair = (indicator: '0' | '1' | '9') => ({
      ncciPairs: [{ column1: '99213', column2: '87880', modifierIndicator: indicator }],
    });
    expect(edits(claim(), pair('1'))).toEqual([['E39', 'lines.1.procedure.code', 'error']]);
    expect(edits(claim(), pair('0'))).toEqual([['E39', 'lines.1.procedure.code', 'error']]);
    expect(edits(claim(), pair('9'))).toEqual([]);
    const xu = claim({
      lines: [
        line('99213', 15000, { pointers: [1, 2] }),
        line('87880', 5000, { procedure: { qualifier: 'HC', code: '87880', modifiers: ['XU'] } }),
      ],
    });
    expect(edits(xu, pair('1'))).toEqual([]);
    expect(edits(xu, pair('0'))).toEqual([['E39', 'lines.1.procedure.code', 'error']]);
    // Different dates of service: no pair.
    const apart = claim({
      lines: [
        line('99213', 15000, { pointers: [1, 2] }),
        line('87880', 5000, { serviceDates: { start: '2026-11-24', end: '2026-11-24' } }),
      ],
    });
    expect(edits(apart, pair('0'))).toEqual([]);
  });

  it('E40: units of one code on one date above its MUE, summed across lines', () => {
    const two = claim({
      totalCharge: 25000,
      lines: [
        line('99213', 15000, { pointers: [1, 2] }),
        line('87880', 5000),
        line('87880', 5000, { quantity: 2 }),
      ],
    });
    expect(edits(two, { mue: new Map([['87880', 2]]) })).toEqual([['E40', 'lines.1.quantity', 'error']]);
    expect(edits(two, { mue: new Map([['87880', 3]]) })).toEqual([]);
  });

  it('E41: an auto accident needs its state and date; another accident its date', () => {
    expect(edits(claim({ relatedCauses: ['AA'] }))).toEqual([
      ['E41', 'accidentState', 'error'],
      ['E41', 'accidentDate', 'error'],
    ]);
    expect(edits(claim({ relatedCauses: ['OA'] }))).toEqual([['E41', 'accidentDate', 'error']]);
    expect(edits(claim({ relatedCauses: ['AA'], accidentState: 'CA', accidentDate: '2026-11-20' }))).toEqual(
      [],
    );
    expect(edits(claim({ relatedCauses: ['EM'] }))).toEqual([]);
  });

  it('E41 fields round-trip through CLM11 and DTP*439', () => {
    const c = claim({ relatedCauses: ['AA', 'EM'], accidentState: 'CA', accidentDate: '2026-11-20' });
    const text = must(
      build837P([c], {
        sender: { id: 'C1', name: 'CLINIC', contact: 'BILLING', phone: '5555550100' },
        receiver: { id: 'CH', name: 'CH' },
        controlNumber: 3,
        date: isoDate('2026-12-01'),
        time: '0900',
        usage: 'T',
      }),
    );
    expect(text).toContain('*Y*A*Y*I**AA:EM::CA~DTP*439*D8*20261120~');
    expect(must(read837P(text)).claims[0]).toMatchObject({
      relatedCauses: ['AA', 'EM'],
      accidentState: 'CA',
      accidentDate: '2026-11-20',
    });
  });

  it('E42: a claim to a later payer carries each earlier adjudication, balanced to the cent', () => {
    const prior = {
      id: '99999',
      name: 'FIRST PLAN',
      responsibility: 'P',
      adjustments: [
        { group: 'CO', reason: '45', amount: 4000 },
        { group: 'PR', reason: '2', amount: 3200 },
      ],
      paid: 12800,
    };
    expect(edits(claim({ payerResponsibility: 'S' }))).toEqual([['E42', 'priorPayers', 'error']]);
    expect(edits(claim({ payerResponsibility: 'S', priorPayers: [prior] }))).toEqual([]); // 200.00 − 40.00 − 32.00 = 128.00
    expect(edits(claim({ payerResponsibility: 'S', priorPayers: [{ ...prior, paid: 12900 }] }))).toEqual([
      ['E42', 'priorPayers.0.paid', 'error'],
    ]);
    const lines = [
      line('99213', 15000, {
        pointers: [1, 2],
        priorAdjudications: [
          {
            payerId: '99999',
            paid: 11000,
            procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
            units: 1,
            adjustments: [{ group: 'CO', reason: '45', amount: 4000 }],
          },
        ],
      }),
      line('87880', 5000),
    ];
    // Claim: 200.00 − 32.00 (2320) − 40.00 (2430) = 128.00; line: 150.00 − 40.00 = 110.00 = SVD02.
    const withLines = { ...prior, adjustments: [{ group: 'PR', reason: '2', amount: 3200 }] };
    expect(edits(claim({ payerResponsibility: 'S', priorPayers: [withLines], lines }))).toEqual([]);
    const adjudication = {
      payerId: '99999',
      paid: 11100,
      procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
      units: 1,
      adjustments: [{ group: 'CO', reason: '45', amount: 4000 }],
    };
    const badLine = [
      line('99213', 15000, { pointers: [1, 2], priorAdjudications: [adjudication] }),
      line('87880', 5000),
    ];
    expect(
      edits(
        claim({ payerResponsibility: 'S', priorPayers: [{ ...withLines, paid: 12800 }], lines: badLine }),
      ),
    ).toEqual([['E42', 'lines.0.priorAdjudications.0.paid', 'error']]);
  });

  it('E43: Medicaid wants the billing and rendering taxonomies', () => {
    expect(edits(claim({ filingIndicator: 'MC' }))).toEqual([['E43', 'renderingProvider.taxonomy', 'error']]);
    const { taxonomy: _t, ...noTaxonomy } = claim().billingProvider;
    expect(edits(claim({ filingIndicator: 'CI', billingProvider: noTaxonomy }))).toEqual([]);
  });

  it('E19: no date of service after the date of death (PAT06), on the patient or the subscriber', () => {
    const lines = [
      line('99213', 15000, { pointers: [1, 2] }),
      line('87880', 5000, { serviceDates: { start: '2026-11-23', end: '2026-11-24' } }),
    ];
    const subscriber = { ...claim().subscriber, dateOfDeath: '2026-11-23' };
    // The death date itself is a valid date of service; the range ending the day after is not.
    expect(edits(claim({ subscriber, lines }))).toEqual([['E19', 'lines.1.serviceDates', 'error']]);
    expect(edits(claim({ subscriber: { ...subscriber, dateOfDeath: '2026-11-22' }, lines }))).toEqual([
      ['E19', 'lines.0.serviceDates', 'error'],
      ['E19', 'lines.1.serviceDates', 'error'],
    ]);
    // With a patient loop the patient's date of death counts, not the subscriber's.
    const patient = { lastName: 'RIVERA', firstName: 'LUZ', relationship: '19', dateOfDeath: '2026-11-20' };
    expect(edits(claim({ subscriber, patient, lines })).map((e) => e.join(' '))).toEqual([
      'E19 lines.0.serviceDates error',
      'E19 lines.1.serviceDates error',
    ]);
    const message = checkClaim(claim({ subscriber, lines }), DEFAULT_CLAIM_RULES, SUBMITTED)[0]?.message;
    expect(message).not.toContain('2026');
  });

  it('E43: Medicaid wants an 11-digit NDC on a J-code line (2410 LIN*N4)', () => {
    const medicaid = (drug?: Record<string, unknown>): Claim =>
      claim({
        filingIndicator: 'MC',
        renderingProvider: { ...claim().renderingProvider, taxonomy: '207Q00000X' },
        lines: [line('99213', 15000, { pointers: [1, 2] }), line('J1550', 5000, drug ? { drug } : {})],
      });
    expect(edits(medicaid())).toEqual([['E43', 'lines.1.drug', 'error']]);
    // 5-4-2 with hyphens is how a package label prints it, not how the 837P carries it.
    expect(edits(medicaid({ ndc: '00026-0635-12', quantity: 10, unit: 'ML' }))).toEqual([
      ['E43', 'lines.1.drug.ndc', 'error'],
    ]);
    expect(edits(medicaid({ ndc: '00026063512', quantity: 10, unit: 'ML' }))).toEqual([]);
    // A commercial plan (CI) does not run the Medicaid edit; 99213 is no J-code either way.
    expect(
      edits(claim({ lines: [line('99213', 15000, { pointers: [1, 2] }), line('J1550', 5000)] })),
    ).toEqual([]);
  });

  it('E44: a separator character in any text value, named by its path and never its value', () => {
    const e = checkClaim(
      claim({ subscriber: { ...claim().subscriber, lastName: 'RIV*ERA' } }),
      DEFAULT_CLAIM_RULES,
      SUBMITTED,
    );
    expect(e.map((x) => [x.edit, x.field])).toEqual([
      ['E07', 'subscriber.lastName'],
      ['E44', 'subscriber.lastName'],
    ]);
    expect(JSON.stringify(e)).not.toContain('RIV');
  });

  it('edits run in edit id order', () => {
    const ids = DEFAULT_CLAIM_RULES.map((r) => r.edit);
    expect(ids).toEqual([...ids].sort());
    for (const id of [
      'E05',
      'E24',
      'E30',
      'E32',
      'E35',
      'E37',
      'E38',
      'E39',
      'E40',
      'E41',
      'E19',
      'E42',
      'E43',
      'E44',
    ])
      expect(ids).toContain(id);
  });
});
