// The code of docs/guides/insurance.md (pulled in with {@includeCode}); tests/examples runs it and
// checks the values the guide states. Run it: `npx tsx examples/guides/insurance.ts`.
import {
  formatCents,
  isOk,
  type BasisPoints,
  type Cents,
  type Either,
  type IsoDate,
} from '../../src/core/index.js';
import {
  collectAtCheckIn,
  determinePayerOrder,
  estimateCostShare,
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
  patientShareFromPercent,
  resolveAccumulatorAmounts,
  secondaryPayment,
  type CostShareEstimate,
} from '../../src/insurance/index.js';

export const percents = () => {
  // #region percent
  const x12 = patientShareFromPercent('.2', 'patient-fraction'); // Right(2000)
  const carrier = patientShareFromPercent('.8', 'payer-fraction'); // Right(2000): the plan's share was sent
  const json = patientShareFromPercent('80', 'payer-percent'); // Right(2000)
  const other = patientShareFromPercent('80', 'patient-percent'); // Right(8000)
  // #endregion percent
  return { x12, carrier, json, other };
};

export const unknowns = () => {
  // #region unknowns
  const both = resolveAccumulatorAmounts({ total: 150000 as Cents, remaining: 25000 as Cents });
  // { total: 150000, met: 125000, remaining: 25000, warnings: [] }
  const totalOnly = resolveAccumulatorAmounts({ total: 150000 as Cents });
  // met and remaining: { unknown: 'only the total was reported; met and remaining are unknown' }
  // #endregion unknowns
  return { both, totalOnly };
};

export const estimating = (): Either<unknown, CostShareEstimate> => {
  // #region estimate
  const benefits = parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    networkAccumulation: 'separate',
    tiers: {
      in: {
        deductible: { individual: 150000, family: 300000 },
        oopMax: { individual: 500000, family: 1000000 },
      },
      out: {
        deductible: { individual: 300000, family: 600000 },
        oopMax: { individual: null, family: null },
      },
    },
    benefits: [
      {
        id: 'office',
        serviceTypes: ['98'],
        network: 'in',
        copay: 3000,
        copayTiming: 'beforeDeductible',
        priorAuth: { required: false },
        referral: { required: 'unknown', reason: 'not in the 271' },
      },
      {
        id: 'medical',
        serviceTypes: ['30'],
        network: 'in',
        coinsurance: 2000,
        priorAuth: { required: 'unknown', reason: 'EB11 absent' },
        referral: { required: false },
      },
      {
        id: 'oon',
        serviceTypes: ['30'],
        network: 'out',
        coinsurance: 4000,
        priorAuth: { required: 'unknown', reason: 'EB11 absent' },
        referral: { required: false },
      },
    ],
  });
  const accumulators = parseAccumulators({
    planYearStart: '2026-01-01',
    individual: { in: { deductible: 120000, oop: 160000 }, out: { deductible: 0, oop: 0 } },
    family: { in: { deductible: 270000, oop: 310000 }, out: { deductible: 0, oop: 0 } },
  });
  const lines = parseClaimLines([
    {
      id: '1',
      serviceDate: '2026-11-23',
      serviceType: '98',
      network: 'in',
      allowed: 18000,
      procedureCode: '99214',
    },
    {
      id: '2',
      serviceDate: '2026-11-23',
      serviceType: '5', // diagnostic lab: no benefit of its own, so the plan's STC 30 applies
      network: 'in',
      allowed: 50000,
      procedureCode: '80053',
    },
  ]);

  if (!isOk(benefits) || !isOk(accumulators) || !isOk(lines)) throw new Error('check the inputs');

  const estimate = estimateCostShare(lines.right, benefits.right, accumulators.right, { order: 'claim' });
  if (isOk(estimate)) {
    for (const line of estimate.right.lines) console.log(line.lineId, formatCents(line.patientPays));
    // 1 $30.00   office visit: the copay, deductible waived; the plan pays $150
    // 2 $340.00  lab: $300 deductible + 20% x $200 = $40; the plan pays $160
    console.log(collectAtCheckIn(estimate.right, { kind: 'copay-only' }).collectNow); // 3000
    console.log(estimate.right.accumulators.individual.in); // { deductible: 150000, oop: 197000 }
  }
  // #endregion estimate
  return estimate;
};

export const collecting = (estimate: CostShareEstimate) => {
  // #region collect
  const copays = collectAtCheckIn(estimate, { kind: 'copay-only' }); // $30: the copays
  const all = collectAtCheckIn(estimate, { kind: 'estimated-responsibility' }); // $370
  const capped = collectAtCheckIn(estimate, {
    kind: 'estimated-responsibility',
    maximum: 20000 as Cents,
  }); // $200, $170 billed later
  const deposit = collectAtCheckIn(estimate, { kind: 'deposit', percent: 5000 as BasisPoints }); // $185
  // #endregion collect
  return { copays, all, capped, deposit };
};

export const payerOrder = () => {
  // #region payer-order
  // A child covered by both parents, who live together. Mother born 1984-03-14, father 1981-09-02.
  const parentPlan = (id: string, parentBirthDate: string) =>
    parseCoverage({
      id,
      payerId: `payer-${id}`,
      planType: 'PPO',
      memberId: `M-${id}`,
      relationship: 'child',
      subscriber: { dateOfBirth: parentBirthDate, employment: 'active', employerSize: 250 },
      effective: { start: '2024-01-01', end: null },
    });
  const dad = parentPlan('cov-dad', '1981-09-02');
  const mom = parentPlan('cov-mom', '1984-03-14');
  if (!isOk(dad) || !isOk(mom)) throw new Error('check the coverages');

  const order = determinePayerOrder(
    [dad.right, mom.right],
    { dateOfBirth: '2016-05-01' as IsoDate, parents: { livingTogether: true, jointDecree: false } },
    { dateOfService: '2026-11-23' as IsoDate },
  );
  if (isOk(order)) {
    console.log(order.right.order.map((c) => c.id)); // ['cov-mom', 'cov-dad']
    console.log(order.right.decisions[0]?.rule); // 'naic.birthday': March 14 comes before September 2
  }
  // #endregion payer-order
  return order;
};

export const secondary = () => {
  // #region cob-methods
  // A $1,200 crown. The primary allowed it all and paid 50% ($600); the secondary's plan pays 75%
  // with its deductible met, so as primary it would pay $900 (N2).
  const dental = parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    tiers: {
      in: { deductible: { individual: 5000, family: null }, oopMax: { individual: null, family: null } },
      out: { deductible: { individual: 5000, family: null }, oopMax: { individual: null, family: null } },
    },
    benefits: [
      {
        id: 'major',
        serviceTypes: ['36'], // X12 service type 36: dental crowns
        network: 'both',
        coinsurance: 2500,
        priorAuth: { required: false },
        referral: { required: false },
      },
    ],
  });
  const met = parseAccumulators({
    planYearStart: '2026-01-01',
    individual: { in: { deductible: 5000, oop: 5000 }, out: { deductible: 0, oop: 0 } },
    family: null,
  });
  const crown = parseClaimLines([
    { id: '1', serviceDate: '2026-11-23', serviceType: '36', network: 'in', allowed: 120000 },
  ]);
  const primary = {
    charge: 120000 as Cents,
    allowed: 120000 as Cents,
    paid: 60000 as Cents,
    patientResponsibility: 60000 as Cents,
  };
  const [line] = isOk(crown) ? crown.right : [];
  if (!isOk(dental) || !isOk(met) || !line) throw new Error('check the inputs');

  const plan = { benefits: dental.right, accumulators: met.right, line };
  const standard = secondaryPayment('standard', primary, plan); // pays $600, patient $0
  const nonDuplication = secondaryPayment('non-duplication', primary, plan); // pays $300, patient $300
  const carveOut = secondaryPayment('carve-out', primary, plan); // pays $450, patient $150
  // #endregion cob-methods
  return { standard, nonDuplication, carveOut };
};

export const medicareSecondary = () => {
  // #region medicare-secondary
  // Part B with its 2026 deductible ($283, from ANNUAL_LIMITS) already met, 20% coinsurance.
  const partB = parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    acaIndividualOopCap: false,
    tiers: {
      in: { deductible: { individual: 28300, family: null }, oopMax: { individual: null, family: null } },
      out: { deductible: { individual: 28300, family: null }, oopMax: { individual: null, family: null } },
    },
    benefits: [
      {
        id: 'part-b',
        serviceTypes: ['30'],
        network: 'both',
        coinsurance: 2000,
        priorAuth: { required: false },
        referral: { required: false },
      },
    ],
  });
  const partBMet = parseAccumulators({
    planYearStart: '2026-01-01',
    individual: { in: { deductible: 28300, oop: 28300 }, out: { deductible: 0, oop: 0 } },
    family: null,
  });
  // The line at the Medicare fee schedule amount, $125.
  const atMedicareFee = parseClaimLines([
    { id: '1', serviceDate: '2026-11-23', serviceType: '30', network: 'in', allowed: 12500 },
  ]);
  const [line] = isOk(atMedicareFee) ? atMedicareFee.right : [];
  if (!isOk(partB) || !isOk(partBMet) || !line) throw new Error('check the inputs');

  const paid = secondaryPayment(
    'medicare-secondary',
    {
      charge: 17500 as Cents,
      allowed: 15000 as Cents,
      paid: 12000 as Cents,
      patientResponsibility: 3000 as Cents,
      obligatedToAccept: false,
    },
    { benefits: partB.right, accumulators: partBMet.right, line },
  );
  // Right({ secondaryPays: 3000, limits: [5500, 10000, 3000], patientOwes: 0, ... })
  // #endregion medicare-secondary
  return paid;
};

if (process.argv[1]?.endsWith('insurance.ts')) {
  const estimate = estimating();
  console.log(JSON.stringify({ percents: percents(), unknowns: unknowns(), estimate }, null, 1));
  if (isOk(estimate)) console.log(JSON.stringify(collecting(estimate.right), null, 1));
  console.log(
    JSON.stringify({ order: payerOrder(), secondary: secondary(), medicare: medicareSecondary() }, null, 1),
  );
}
