// The code of docs/guides/insurance.md (pulled in with {@includeCode}); tests/examples runs it and
// checks the values the guide states. Run it: `npx tsx examples/guides/insurance.ts`.
import {
  cents,
  formatCents,
  isOk,
  IsoDateSchema,
  type Either,
  basisPoints,
  isoDate,
} from '../../src/core/index.js';
import {
  checkHdhpQualification,
  collectAtCheckIn,
  determinePayerOrder,
  esrdCoordinationPeriod,
  estimateCostShare,
  medicareNonParticipating,
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
  parsePayerOrderPatient,
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
  const both = resolveAccumulatorAmounts({ total: cents(150000), remaining: cents(25000) });
  // { total: 150000, met: 125000, remaining: 25000, warnings: [] }
  const totalOnly = resolveAccumulatorAmounts({ total: cents(150000) });
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
    maximum: cents(20000),
  }); // $200, $170 billed later
  const deposit = collectAtCheckIn(estimate, { kind: 'deposit', percent: basisPoints(5000) }); // $185
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
    { dateOfBirth: isoDate('2016-05-01'), parents: { livingTogether: true, jointDecree: false } },
    { dateOfService: isoDate('2026-11-23') },
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
    charge: cents(120000),
    allowed: cents(120000),
    paid: cents(60000),
    patientResponsibility: cents(60000),
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
      charge: cents(17500),
      allowed: cents(15000),
      paid: cents(12000),
      patientResponsibility: cents(3000),
      obligatedToAccept: false,
    },
    { benefits: partB.right, accumulators: partBMet.right, line },
  );
  // Right({ secondaryPays: 3000, limits: [5500, 10000, 3000], patientOwes: 0, ... })
  // #endregion medicare-secondary
  return paid;
};

export const visitCopay = () => {
  // #region visit-copay
  const benefits = parseBenefitSet({
    planYearStart: '01-01',
    family: { deductible: 'embedded', oop: 'embedded' },
    tiers: {
      in: { deductible: { individual: 100000, family: null }, oopMax: { individual: 500000, family: null } },
      out: { deductible: { individual: 200000, family: null }, oopMax: { individual: null, family: null } },
    },
    benefits: [
      {
        id: 'office',
        serviceTypes: ['98'],
        network: 'in',
        copay: 3000,
        copayTiming: 'beforeDeductible',
        copayPer: 'visit',
        copayCoversServiceTypes: ['4', '5'], // in-office X-rays and labs come with the visit copay
        priorAuth: { required: false },
        referral: { required: false },
      },
      {
        id: 'medical',
        serviceTypes: ['30'],
        network: 'in',
        coinsurance: 2000,
        priorAuth: { required: false },
        referral: { required: false },
      },
    ],
  });
  const accumulators = parseAccumulators({
    planYearStart: '2026-01-01',
    individual: { in: { deductible: 0, oop: 0 }, out: { deductible: 0, oop: 0 } },
    family: null,
  });
  const visit = parseClaimLines([
    { id: 'lab', serviceDate: '2026-11-23', serviceType: '5', network: 'in', allowed: 4000 },
    { id: 'visit', serviceDate: '2026-11-23', serviceType: '98', network: 'in', allowed: 18000 },
    { id: 'x-ray', serviceDate: '2026-11-23', serviceType: '4', network: 'in', allowed: 12000 },
  ]);
  if (!isOk(benefits) || !isOk(accumulators) || !isOk(visit)) throw new Error('check the inputs');
  const estimate = estimateCostShare(visit.right, benefits.right, accumulators.right, { order: 'claim' });
  if (isOk(estimate)) {
    for (const line of estimate.right.lines)
      console.log(line.lineId, formatCents(line.patientPays), line.notes.join(' '));
    // lab $0.00 included-in-visit-copay
    // visit $30.00
    // x-ray $0.00 included-in-visit-copay
    console.log(estimate.right.remaining.in.deductible); // { individual: 100000, family: null, member: 100000 }
    console.log(estimate.right.remaining.in.oop.member); // 497000: $5,000 - $30
  }
  // #endregion visit-copay
  return estimate;
};

export const medicareNonPar = () => {
  // #region medicare-nonpar
  // Fee schedule $100 for the service, the provider charges $150, Part B deductible already met.
  const service = { feeSchedule: cents(10000), charge: cents(15000), deductibleRemaining: cents(0) };
  const unassigned = medicareNonParticipating({ ...service, assigned: false });
  const assigned = medicareNonParticipating({ ...service, assigned: true });
  if (isOk(unassigned) && isOk(assigned)) {
    const u = unassigned.right;
    console.log(formatCents(u.nonParAmount), formatCents(u.limitingCharge)); // $95.00 $109.25
    console.log(formatCents(u.patientOwesProvider), u.medicarePaysTo, formatCents(u.medicarePays)); // $109.25 patient $76.00
    console.log(formatCents(u.patientNetCost), formatCents(u.notCollectible)); // $33.25 $40.75
    console.log(formatCents(assigned.right.patientOwesProvider)); // $19.00: 20% of $95
  }
  // #endregion medicare-nonpar
  return { unassigned, assigned };
};

export const esrd = () => {
  // #region esrd
  const patient = parsePayerOrderPatient({
    dateOfBirth: '1970-02-02',
    medicare: { basis: 'esrd', esrd: { dialysisStart: '2026-03-10' } },
  });
  const medicare = parseCoverage({
    id: 'cov-medicare',
    payerId: 'payer-medicare',
    planType: 'medicare-part-b',
    memberId: '1EG4TE5MK73',
    relationship: 'self',
    subscriber: { employment: 'none' },
    effective: { start: '2026-06-01', end: null },
  });
  const employer = parseCoverage({
    id: 'cov-employer',
    payerId: 'payer-aetna',
    planType: 'PPO',
    memberId: 'W123456789',
    relationship: 'self',
    subscriber: { employment: 'active', employerSize: 40 },
    effective: { start: '2020-01-01', end: null },
  });
  if (!isOk(patient) || !isOk(medicare) || !isOk(employer)) throw new Error('check the inputs');
  const dates = patient.right.medicare?.esrd ?? {};
  const period = esrdCoordinationPeriod(dates);
  if (isOk(period)) console.log(period.right);
  // { entitlementStart: '2026-06-01', basis: 'dialysis',
  //   waitingPeriod: { start: '2026-03-01', end: '2026-05-31' },
  //   coordinationStart: '2026-06-01', coordinationEnd: '2028-11-30', medicarePrimaryFrom: '2028-12-01' }
  const orderOn = (day: string) => {
    const dateOfService = IsoDateSchema.safeParse(day);
    if (!dateOfService.success) throw new Error('not a calendar date');
    const order = determinePayerOrder([medicare.right, employer.right], patient.right, {
      dateOfService: dateOfService.data,
    });
    return isOk(order) ? [order.right.order.map((c) => c.id), order.right.decisions[0]?.rule] : order.left;
  };
  console.log(orderOn('2027-01-15')); // [['cov-employer', 'cov-medicare'], 'msp.esrd-coordination']
  console.log(orderOn('2028-12-01')); // [['cov-medicare', 'cov-employer'], 'msp.esrd-after-coordination']
  // #endregion esrd
  return { period, during: orderOn('2027-01-15'), after: orderOn('2028-12-01') };
};

export const hdhp = () => {
  // #region hdhp
  const noRequirements = { priorAuth: { required: false }, referral: { required: false } };
  const plan = parseBenefitSet({
    planYearStart: '01-01',
    hdhp: true,
    family: { deductible: 'embedded', oop: 'embedded' },
    tiers: {
      in: {
        deductible: { individual: 200000, family: 400000 },
        oopMax: { individual: 800000, family: 1600000 },
      },
      out: { deductible: { individual: 400000, family: 800000 }, oopMax: { individual: null, family: null } },
    },
    benefits: [
      // The annual physical and immunizations at $0 before the deductible: the preventive safe harbor.
      {
        id: 'preventive',
        serviceTypes: ['81', '80'],
        network: 'in',
        deductible: 'waived',
        ...noRequirements,
      },
      // Telehealth before the deductible: a safe harbor since 2025 (OBBBA), declared on the benefit.
      {
        id: 'telehealth',
        serviceTypes: ['98'],
        network: 'in',
        deductible: 'waived',
        hdhpSafeHarbor: 'telehealth',
        ...noRequirements,
      },
      { id: 'office', serviceTypes: ['98'], network: 'in', coinsurance: 2000, ...noRequirements },
    ],
  });
  if (!isOk(plan)) throw new Error('check the plan');
  const self = checkHdhpQualification(plan.right, 'self-only', 2026);
  const family = checkHdhpQualification(plan.right, 'family', 2026);
  if (isOk(self)) console.log(self.right.qualified); // true: $2,000 >= $1,700, $8,000 <= $8,500
  if (isOk(family))
    for (const f of family.right.failures) console.log(f.rule, formatCents(f.limit), f.actual);
  // hdhp.embedded-deductible-below-family-minimum $3,400.00 200000

  // The same plan with a $30 office-visit copay before the deductible is no longer an HDHP.
  const copayFirst = parseBenefitSet({
    ...plan.right,
    benefits: plan.right.benefits.map((b) =>
      b.id === 'office' ? { ...b, copay: 3000, copayTiming: 'beforeDeductible' } : b,
    ),
  });
  if (!isOk(copayFirst)) throw new Error('check the plan');
  const office = checkHdhpQualification(copayFirst.right, 'self-only', 2026);
  if (isOk(office))
    for (const f of office.right.failures) console.log(f.rule, f.benefitId, f.serviceTypes, f.actual);
  // hdhp.first-dollar-non-preventive office ['98'] 3000
  // #endregion hdhp
  return { self, family, office };
};

if (process.argv[1]?.endsWith('insurance.ts')) {
  const estimate = estimating();
  console.log(JSON.stringify({ percents: percents(), unknowns: unknowns(), estimate }, null, 1));
  if (isOk(estimate)) console.log(JSON.stringify(collecting(estimate.right), null, 1));
  console.log(
    JSON.stringify({ order: payerOrder(), secondary: secondary(), medicare: medicareSecondary() }, null, 1),
  );
  console.log(
    JSON.stringify({ visit: visitCopay(), nonPar: medicareNonPar(), esrd: esrd(), hdhp: hdhp() }, null, 1),
  );
}
