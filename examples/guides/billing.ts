// The code of docs/guides/billing.md (pulled in with {@includeCode}) and of the demo's back-office
// afternoon (examples/day/billing.ts); tests/examples runs it and checks the values the guide
// states. Run it: `npx tsx examples/guides/billing.ts`.
import { cents, formatCents, isoDate, isErr, patientId, payerId } from '../../src/core/index.js';
import { parseCoverage, type Coverage } from '../../src/insurance/index.js';
import {
  build837P,
  buildClaim,
  checkBalance,
  checkClaim,
  fromFhirClaim,
  fromFhirClaimResponse,
  parseEncounter,
  postRemittance,
  read835,
  secondaryClaim,
  statement,
  toFhirClaim,
  toFhirClaimResponses,
  toFhirExplanationsOfBenefit,
  type Claim,
  type ClaimEnvelope,
  type Encounter,
  type PatientAccount,
  type Remittance,
} from '../../src/billing/index.js';

/** Unwraps a Right or throws the Left's message (example code only). */
const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const CLINIC = {
  npi: '1467586115',
  entity: 'organization',
  lastName: 'MAIN STREET CLINIC',
  taxonomy: '207Q00000X',
  taxId: { qualifier: 'EI', value: '123456789' },
  address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
};
const DR_OKAFOR = { npi: '1003000126', entity: 'person', lastName: 'OKAFOR', firstName: 'NGOZI' };
const PAYERS = [
  { id: payerId('payer-acme'), name: 'ACME HEALTH', x12PayerId: '60054' },
  { id: payerId('payer-beta'), name: 'BETA CARE', x12PayerId: '77777' },
  { id: payerId('payer-medicare'), name: 'MEDICARE PART B', x12PayerId: 'MCR01' },
  { id: payerId('payer-medigap'), name: 'MEDIGAP PLUS', x12PayerId: 'MG001' },
];
const coverage = (input: Record<string, unknown>): Coverage =>
  must(
    parseCoverage({
      planType: 'PPO',
      relationship: 'self',
      subscriber: { employment: 'active', employerSize: 300 },
      effective: { start: '2024-01-01', end: null },
      ...input,
    }),
  );
const encounter = (input: Record<string, unknown>): Encounter =>
  must(
    parseEncounter({
      dateOfService: '2026-11-20',
      placeOfService: '11',
      billingProvider: CLINIC,
      renderingProvider: DR_OKAFOR,
      ...input,
    }),
  );

/** Friday's three visits, as the encounters the providers signed. */
export const visits = () => ({
  doe: encounter({
    id: 'DEMO-A',
    patient: 'pat-001',
    diagnoses: ['J069'],
    lines: [
      { procedure: '99213', units: 1, charge: 15000, pointers: [1], controlNumber: 'A1' },
      { procedure: '87880', units: 1, charge: 5000, pointers: [2], controlNumber: 'A2' },
    ],
  }),
  rivera: encounter({
    id: 'DEMO-B',
    patient: 'pat-002',
    diagnoses: ['M545'],
    lines: [
      { procedure: '99214', units: 1, charge: 20000, pointers: [1], controlNumber: 'B1' },
      { procedure: '97110', units: 1, charge: 8000, pointers: [1], controlNumber: 'B2' },
    ],
  }),
  park: encounter({
    id: 'DEMO-C',
    patient: 'pat-003',
    diagnoses: ['I10'],
    lines: [{ procedure: '99213', units: 1, charge: 15000, pointers: [1], controlNumber: 'C1' }],
  }),
});

export const claims = () => {
  const { doe, rivera, park } = visits();
  // #region claims
  // Jane Doe: her own PPO. Ana Rivera: her employer's plan and her husband's (hers pays first,
  // NAIC non-dependent rule). Henry Park: Medicare Part B, then a Medigap plan.
  const doeClaim = buildClaim(doe, [coverage({ id: 'cov-doe', payerId: 'payer-acme', memberId: 'W1001' })], {
    patient: { lastName: 'DOE', firstName: 'JANE', dateOfBirth: isoDate('1980-02-01'), gender: 'F' },
    payers: PAYERS,
  });
  const riveraClaim = buildClaim(
    rivera,
    [
      coverage({ id: 'cov-rivera', payerId: 'payer-acme', memberId: 'W2002', groupNumber: 'G-77' }),
      coverage({
        id: 'cov-rivera-spouse',
        payerId: 'payer-beta',
        memberId: 'B3003',
        relationship: 'spouse',
        subscriber: { memberId: 'B3003', employment: 'active', employerSize: 80 },
      }),
    ],
    {
      patient: { lastName: 'RIVERA', firstName: 'ANA', dateOfBirth: isoDate('1975-06-10'), gender: 'F' },
      payers: PAYERS,
      subscribers: [{ coverage: 'cov-rivera-spouse', person: { lastName: 'RIVERA', firstName: 'LUIS' } }],
    },
  );
  const parkClaim = buildClaim(
    park,
    [
      coverage({
        id: 'cov-park-b',
        payerId: 'payer-medicare',
        planType: 'medicare-part-b',
        memberId: '1EG4TE5MK73',
      }),
      coverage({ id: 'cov-park-gap', payerId: 'payer-medigap', planType: 'medigap', memberId: 'MG-88' }),
    ],
    {
      patient: { lastName: 'PARK', firstName: 'HENRY', dateOfBirth: isoDate('1950-03-15'), gender: 'M' },
      payers: PAYERS,
      payerOrderFacts: { dateOfBirth: '1950-03-15', medicare: { basis: 'age' } },
    },
  );
  // #endregion claims
  return { doe: must(doeClaim), rivera: must(riveraClaim), park: must(parkClaim) };
};

export const scrubbing = () => {
  const { doe } = claims();
  // #region scrub
  // The strep test points at a second diagnosis the visit never coded: E27 blocks the claim.
  const failed = checkClaim(doe).filter((e) => e.severity === 'error');
  // failed: [{ edit: 'E27', field: 'lines.1.pointers', message: 'a pointer must name ...' }]
  // The provider adds the fever (R50.9) the test was for; the claim passes.
  const corrected: Claim = { ...doe, diagnoses: [...doe.diagnoses, 'R509'] };
  const passed = checkClaim(corrected).filter((e) => e.severity === 'error'); // []
  // #endregion scrub
  return { failed, corrected, passed };
};

export const sending = () => {
  const { corrected } = scrubbing();
  const { rivera, park } = claims();
  // #region send
  const envelope: ClaimEnvelope = {
    sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING OFFICE', phone: '5555550100' },
    receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
    controlNumber: 1123,
    date: isoDate('2026-11-23'),
    time: '1300',
    usage: 'T',
  };
  const file = build837P([corrected, rivera, park], envelope); // Right: the 005010X222A1 text
  // #endregion send
  return { text: must(file), envelope };
};

// Today's 835s: ACME pays Jane Doe's visit but denies the strep test (CO 197, no authorization)
// and applies Ana Rivera's deductible; Medicare pays Henry Park's visit and forwards it to his
// Medigap plan itself (CLP02 19, NM1*TT, MA18).
export const ACME_835 = [
  'ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*CLINIC01       *261123*1200*^*00501*000000501*0*T*:',
  'GS*HP*ACMEHEALTH*CLINIC01*20261123*1200*501*X*005010X221A1',
  'ST*835*0001',
  'BPR*I*196*C*CHK************20261123',
  'TRN*1*CHK20261123*1999999999',
  'DTM*405*20261123',
  'N1*PR*ACME HEALTH',
  'N1*PE*MAIN STREET CLINIC*XX*1467586115',
  'LX*1',
  'CLP*DEMO-A*1*200*84*21*12*ACME-A',
  'NM1*QC*1*DOE*JANE****MI*W1001',
  'SVC*HC:99213*150*84',
  'DTM*472*20261120',
  'CAS*CO*45*45',
  'CAS*PR*2*21',
  'REF*6R*A1',
  'SVC*HC:87880*50*0',
  'DTM*472*20261120',
  'CAS*CO*197*50',
  'REF*6R*A2',
  'CLP*DEMO-B*1*280*112*88*12*ACME-B',
  'NM1*QC*1*RIVERA*ANA****MI*W2002',
  'SVC*HC:99214*200*64',
  'DTM*472*20261120',
  'CAS*CO*45*60',
  'CAS*PR*1*60**2*16',
  'REF*6R*B1',
  'SVC*HC:97110*80*48',
  'DTM*472*20261120',
  'CAS*CO*45*20',
  'CAS*PR*2*12',
  'REF*6R*B2',
  'SE*31*0001',
  'GE*1*501',
  'IEA*1*000000501',
].join('~');
export const MEDICARE_835 = [
  'ISA*00*          *00*          *ZZ*MEDICAREB      *ZZ*CLINIC01       *261123*1200*^*00501*000000777*0*T*:',
  'GS*HP*MEDICAREB*CLINIC01*20261123*1200*777*X*005010X221A1',
  'ST*835*0001',
  'BPR*I*72.66*C*CHK************20261123',
  'TRN*1*MCR20261123*1999999998',
  'N1*PR*MEDICARE PART B',
  'N1*PE*MAIN STREET CLINIC*XX*1467586115',
  'LX*1',
  'CLP*DEMO-C*19*150*72.66*18.17*MB*MCR-C',
  'NM1*QC*1*PARK*HENRY****MI*1EG4TE5MK73',
  'NM1*TT*2*MEDIGAP PLUS*****PI*MG001',
  'MOA***MA18',
  'SVC*HC:99213*150*72.66',
  'DTM*472*20261120',
  'CAS*CO*45*59.17',
  'CAS*PR*2*18.17',
  'REF*6R*C1',
  'SE*16*0001',
  'GE*1*777',
  'IEA*1*000000777',
].join('~');

export const posting = () => {
  const { corrected } = scrubbing();
  const { rivera, park } = claims();
  const acmeText = `${ACME_835}~`;
  const medicareText = `${MEDICARE_835}~`;
  // #region post
  const remittances: Remittance[] = [acmeText, medicareText].flatMap(
    (text) => must(read835(text)).remittances,
  );
  const balanced = remittances.map((r) => checkBalance(r).imbalances.length === 0); // [true, true]
  const posted = remittances.map((r) => must(postRemittance(r, [corrected, rivera, park])));
  const denials = posted.flatMap((p) => p.denials); // the strep test: CO 197, next step 'appeal'
  const shares = posted.flatMap((p) => p.claims.map((c) => [c.claimId, c.patientShareTo]));
  // [['DEMO-A', 'patient'], ['DEMO-B', 'next-payer'], ['DEMO-C', 'crossed-over']]
  // #endregion post
  return { remittances, balanced, posted, denials, shares };
};

export const secondary = () => {
  const { rivera, park } = claims();
  const { remittances } = posting();
  const [acme, medicare] = remittances;
  if (acme === undefined || medicare === undefined) throw new Error('two remittances expected');
  // #region secondary
  // Ana Rivera's share goes to her husband's plan with ACME's adjudication (2320/2430 loops).
  const toBeta = secondaryClaim(rivera, acme);
  if (isErr(toBeta)) throw new Error(toBeta.left.message);
  const next = toBeta.right;
  // next.payer: { id: '77777', name: 'BETA CARE' }; next.priorPayers?.[0]?.paid: 11200 ($112.00)
  // Medicare forwarded Henry Park's claim itself: a claim from the office would be a duplicate.
  const refused = secondaryClaim(park, medicare); // Left: billing.crossed-over
  // #endregion secondary
  return { next, refused };
};

export const statements = () => {
  // #region statements
  // Statements go to accounts with a balance older than 30 days (aged from the date the patient's
  // share was determined).
  const accounts: PatientAccount[] = [
    {
      id: 'acct-001',
      patient: patientId('pat-001'),
      entries: [
        {
          kind: 'charge',
          id: 'ch-a1',
          date: isoDate('2026-11-23'),
          serviceDate: isoDate('2026-11-20'),
          amount: cents(2100),
        },
      ],
    },
    {
      id: 'acct-004',
      patient: patientId('pat-004'),
      entries: [
        {
          kind: 'charge',
          id: 'ch-d1',
          date: isoDate('2026-10-05'),
          serviceDate: isoDate('2026-09-28'),
          amount: cents(4500),
        },
        {
          kind: 'payment',
          id: 'pay-d1',
          date: isoDate('2026-10-20'),
          amount: cents(1000),
          applications: [{ charge: 'ch-d1', amount: cents(1000) }],
        },
      ],
    },
  ];
  const asOf = isoDate('2026-11-23');
  const due = accounts
    .map((a) => statement(a, asOf))
    .filter((s) => s.action === 'send' && s.items.some((i) => i.bucket !== '0-30'))
    .map(
      (s) => `${s.account}: ${formatCents(s.due)} (${s.items.map((i) => `${i.ageDays} days`).join(', ')})`,
    );
  // ['acct-004: $35.00 (49 days)']
  // #endregion statements
  return due;
};

export const fhir = () => {
  const { corrected } = scrubbing();
  const { rivera } = claims();
  const { remittances, posted } = posting();
  const [acme] = remittances;
  const [acmePosting] = posted;
  if (acme === undefined || acmePosting === undefined) throw new Error('the ACME remittance expected');
  // #region fhir
  // The claim as an R4 Claim, and back (what R4 Claim has no element for stays behind: tax id, address).
  const claimResource = toFhirClaim(corrected);
  const claimBack = must(fromFhirClaim(claimResource)); // claimBack.id: 'DEMO-A'
  // Each 835 claim as a ClaimResponse (the payer's answer) and an ExplanationOfBenefit (claim and
  // answer together); the posting gives each item the billed line it answers.
  const responses = toFhirClaimResponses(acme, acmePosting); // DEMO-A, DEMO-B
  const eobs = toFhirExplanationsOfBenefit(acme, acmePosting);
  const strep = eobs[0]?.item?.[1]?.adjudication?.map((a) => a.category.coding?.[0]?.code);
  // ['submitted', 'benefit', 'denied']: CO 197 on a denied line, kept apart from 'contractual'
  // Read back, a response is a remittance of one claim: it balances and posts as the 835 did.
  const second = must(fromFhirClaimResponse(responses[1]));
  const reposted = must(postRemittance(second, [rivera])).claims[0]?.totals.paid; // 11200
  // #endregion fhir
  return { claimBack, responses, eobs, strep, reposted };
};

if (process.argv[1]?.endsWith('billing.ts')) {
  console.log(scrubbing().failed.map((e) => e.edit));
  console.log(posting().shares);
  console.log(secondary().next.payer);
  console.log(statements());
}
