// buildClaim: payer order from the coverages, parties and relationship codes by the TR3, REF*G1 from
// an approved authorization on a referral, lines and total in cents; built claims pass the front-end
// edits and survive the 837P round trip.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/core/index.js';
import {
  build837P,
  buildClaim,
  checkClaim,
  DEFAULT_CLAIM_RULES,
  parseEncounter,
  read837P,
  type ClaimBuildContext,
  type Encounter,
} from '../../src/billing/index.js';
import { parseCoverage, parsePayer, type Coverage, type Payer } from '../../src/insurance/index.js';
import { parseReferral, type Referral } from '../../src/referrals/index.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const encounter = (overrides: Record<string, unknown> = {}): Encounter =>
  must(
    parseEncounter({
      id: 'ENC-1001',
      patient: 'pat-001',
      dateOfService: '2026-11-23',
      placeOfService: '11',
      billingProvider: {
        npi: '1467586115',
        entity: 'organization',
        lastName: 'MAIN STREET CLINIC',
        taxId: { qualifier: 'EI', value: '123456789' },
        address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
      },
      renderingProvider: { npi: '1003000126', entity: 'person', lastName: 'LINDQVIST', firstName: 'ANNA' },
      diagnoses: ['M25561', 'S83241A'],
      lines: [
        { procedure: '99204', units: 1, charge: 22500, pointers: [1, 2], controlNumber: 'L1' },
        { procedure: '73721', modifiers: ['RT'], units: 1, charge: 98050, pointers: [2] },
      ],
      ...overrides,
    }),
  );

const coverage = (input: Record<string, unknown>): Coverage =>
  must(
    parseCoverage({
      planType: 'PPO',
      relationship: 'self',
      subscriber: { employment: 'active', employerSize: 300 },
      effective: { start: '2020-01-01', end: null },
      ...input,
    }),
  );
const payer = (input: Record<string, unknown>): Payer => must(parsePayer(input));

const ACME = payer({ id: 'payer-acme', name: 'ACME HEALTH', x12PayerId: '60054' });
const BETA = payer({ id: 'payer-beta', name: 'BETA CARE' });
const PATIENT = { lastName: 'DOE', firstName: 'JANE', dateOfBirth: isoDate('1980-02-01'), gender: 'F' };

const own = coverage({ id: 'cov-own', payerId: 'payer-acme', memberId: 'W123456789', groupNumber: 'G-77' });

describe('buildClaim', () => {
  it('bills the only coverage as primary, the patient as subscriber (SBR02 18, no 2000C)', () => {
    const claim = must(buildClaim(encounter(), [own], { patient: PATIENT, payers: [ACME] }));
    expect(claim.payerResponsibility).toBe('P');
    expect(claim.payer).toEqual({ id: '60054', name: 'ACME HEALTH' }); // NM109 is the X12 payer id
    expect(claim.filingIndicator).toBe('12'); // PPO (reference §2.10)
    expect(claim.subscriber).toEqual({ ...PATIENT, memberId: 'W123456789', groupNumber: 'G-77' });
    expect(claim.patient).toBeUndefined();
    expect(claim.totalCharge).toBe(22500 + 98050); // $225.00 + $980.50 = $1,205.50
    expect(claim.frequency).toBe('1');
    expect(claim.id).toBe('ENC-1001');
    expect(claim.diagnosisCodeSet).toBe('icd10');
    expect(
      claim.lines.map((l) => [l.procedure.code, l.procedure.modifiers, l.charge, l.unit, l.pointers]),
    ).toEqual([
      ['99204', [], 22500, 'UN', [1, 2]],
      ['73721', ['RT'], 98050, 'UN', [2]],
    ]);
    expect(
      claim.lines.every((l) => l.serviceDates?.start === '2026-11-23' && l.serviceDates.end === '2026-11-23'),
    ).toBe(true);
    expect(claim.lines[0]?.controlNumber).toBe('L1');
    expect(claim.otherPayers).toBeUndefined();
  });

  it('passes the front-end edits and reads back from the 837P it writes', () => {
    const claim = must(
      buildClaim(encounter(), [own], {
        patient: PATIENT,
        payers: [ACME],
        submissionDate: isoDate('2026-12-01'),
      }),
    );
    expect(
      checkClaim(claim, DEFAULT_CLAIM_RULES, { submissionDate: isoDate('2026-12-01') }).filter(
        (e) => e.severity === 'error',
      ),
    ).toEqual([]);
    const text = must(
      build837P([claim], {
        sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING', phone: '5555550100' },
        receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
        controlNumber: 7,
        date: isoDate('2026-12-01'),
        time: '0930',
        usage: 'T',
      }),
    );
    const back = must(read837P(text)).claims;
    const { submissionDate: _s, ...written } = claim;
    expect(back).toEqual([written]);
  });

  it('orders a child’s two parent plans by the birthday rule and fills the patient loop (PAT01 19)', () => {
    // Mother born March 14, father September 2: the mother's plan pays first (NAIC birthday rule).
    const child = { lastName: 'DOE', firstName: 'SAM', dateOfBirth: isoDate('2016-05-01'), gender: 'M' };
    const mother = coverage({
      id: 'cov-mother',
      payerId: 'payer-beta',
      memberId: 'DEP-1',
      relationship: 'child',
      subscriber: { memberId: 'B-MOM', dateOfBirth: '1984-03-14', employment: 'active', employerSize: 300 },
    });
    const father = coverage({
      id: 'cov-father',
      payerId: 'payer-acme',
      planType: 'HMO',
      memberId: 'DEP-2',
      relationship: 'child',
      subscriber: { memberId: 'A-DAD', dateOfBirth: '1981-09-02', employment: 'active', employerSize: 300 },
    });
    const context: ClaimBuildContext = {
      patient: child,
      payers: [ACME, BETA],
      payerOrderFacts: { dateOfBirth: '2016-05-01', parents: { livingTogether: true } },
      subscribers: [
        { coverage: 'cov-father', person: { lastName: 'DOE', firstName: 'JOHN' } },
        { coverage: 'cov-mother', person: { lastName: 'DOE', firstName: 'MARY' } },
      ],
    };
    const claim = must(buildClaim(encounter(), [father, mother], context));
    expect(claim.payer).toEqual({ id: 'payer-beta', name: 'BETA CARE' }); // no X12 id: the payer id
    expect(claim.subscriber).toEqual({ lastName: 'DOE', firstName: 'MARY', memberId: 'B-MOM' });
    expect(claim.patient).toEqual({ ...child, relationship: '19' });
    expect(claim.otherPayers).toEqual([
      {
        id: '60054',
        name: 'ACME HEALTH',
        responsibility: 'S',
        filingIndicator: 'HM',
        subscriber: { lastName: 'DOE', firstName: 'JOHN', memberId: 'A-DAD' },
        relationship: '19',
      },
    ]);
  });

  it('says which input is missing or unusable', () => {
    const lapsed = coverage({
      id: 'cov-old',
      payerId: 'payer-acme',
      memberId: 'X1',
      effective: { start: '2019-01-01', end: '2025-12-31' },
    });
    const code = (c: readonly Coverage[], ctx: Partial<ClaimBuildContext> = {}) => {
      const r = buildClaim(encounter(), c, { patient: PATIENT, payers: [ACME], ...ctx });
      return r._tag === 'Left' ? r.left.code : 'built';
    };
    expect(code([lapsed])).toBe('billing.no-coverage');
    expect(code([own], { payers: [BETA] })).toBe('billing.unknown-payer');
    const dependent = coverage({
      id: 'cov-dep',
      payerId: 'payer-acme',
      memberId: 'D1',
      relationship: 'spouse',
    });
    expect(code([dependent])).toBe('billing.missing-subscriber');
    expect(code([own], { patient: { lastName: 'DOE' } })).toBe('billing.invalid-input');
  });
});

describe('buildClaim: the authorization number from a referral', () => {
  const authorization = (input: Record<string, unknown>) => ({
    id: 'auth-1',
    payer: 'payer-acme',
    requestType: 'initial',
    requestedAt: '2026-11-03T09:05:00-05:00',
    requestedUnits: 1,
    decision: 'approved',
    decidedAt: '2026-11-05T10:00:00-05:00',
    certificationNumber: 'CERT-778',
    approvedUnits: 1,
    period: { start: '2026-11-05', end: '2026-12-04', zone: 'America/New_York' },
    items: [{ procedure: '73721', requestedUnits: 1, decision: 'approved' }],
    ...input,
  });
  const referral = (authorizations: readonly Record<string, unknown>[], patient = 'pat-001'): Referral =>
    must(
      parseReferral({
        id: 'ref-1',
        patient,
        referring: { provider: 'dr-okafor', npi: '1467586115', specialty: 'family-medicine' },
        receiving: { provider: 'dr-lindqvist', npi: '1003000126', specialty: 'orthopedics' },
        reason: 'Right knee pain',
        diagnoses: ['S83241A'],
        procedures: ['73721'],
        priority: 'routine',
        payer: 'payer-acme',
        authorizationRequired: true,
        attachments: [],
        createdAt: '2026-11-02T09:00:00-05:00',
        status: 'authorized',
        authorizations,
        appointments: [],
        notes: [],
        history: [],
      }),
    );
  const authOf = (referrals: readonly Referral[], e: Encounter = encounter()): string | undefined =>
    must(buildClaim(e, [own], { patient: PATIENT, payers: [ACME], referrals })).priorAuthorization;

  it('takes the certification number of an approved authorization covering the date and a procedure', () => {
    expect(authOf([referral([authorization({})])])).toBe('CERT-778');
    // The window's last day is inclusive.
    expect(authOf([referral([authorization({})])], encounter({ dateOfService: '2026-12-04' }))).toBe(
      'CERT-778',
    );
  });

  it('ignores authorizations that do not apply', () => {
    expect(
      authOf([referral([authorization({ decision: 'denied', certificationNumber: undefined })])]),
    ).toBeUndefined();
    expect(authOf([referral([authorization({ payer: 'payer-beta' })])])).toBeUndefined();
    expect(authOf([referral([authorization({})], 'pat-002')])).toBeUndefined();
    expect(
      authOf([referral([authorization({})])], encounter({ dateOfService: '2026-12-05' })),
    ).toBeUndefined();
    expect(
      authOf([
        referral([
          authorization({ items: [{ procedure: '97110', requestedUnits: 6, decision: 'approved' }] }),
        ]),
      ]),
    ).toBeUndefined();
  });

  it('prefers the most recent decision, and the encounter’s own number over any referral', () => {
    const older = authorization({
      id: 'auth-0',
      certificationNumber: 'OLD-1',
      decidedAt: '2026-11-04T10:00:00-05:00',
    });
    expect(authOf([referral([authorization({}), older])])).toBe('CERT-778');
    expect(authOf([referral([authorization({})])], encounter({ priorAuthorization: 'OWN-9' }))).toBe('OWN-9');
  });
});
