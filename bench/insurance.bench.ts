// estimateCostShare throughput in claim lines per second (target: 1,000,000 on one core), for
// one-line claims, five-line visits and one 10,000-line batch, over a deterministic mix of plan
// designs (PPO embedded family, HDHP aggregate, cross-accumulating networks). No npm package
// computes cost share (insurance reference §11), so there is no peer to run side by side; the
// baseline row is the same lines summed by a bare loop (the floor of any per-line work).
import type { BasisPoints, Cents } from '../src/core/money.js';
import type { IsoDate } from '../src/core/calendar.js';
import { estimateCostShare } from '../src/insurance/costShare.js';
import type { Accumulators, Benefit, BenefitSet, ClaimLine } from '../src/insurance/model.js';
import { loadavg } from 'node:os';
import { fmtMs, measure, seededRandom, table, writeSection } from './harness.js';

const c = (n: number) => n as Cents;
const next = seededRandom(42);

const benefit = (id: string, stc: string, network: Benefit['network'], extra: Partial<Benefit>): Benefit => ({
  id,
  serviceTypes: [stc],
  network,
  covered: true,
  deductible: 'applies',
  copay: c(0),
  copayTiming: 'withDeductible',
  copayPer: 'line',
  copayCountsTowardDeductible: false,
  coinsurance: 2000 as BasisPoints,
  coinsuranceBase: 'afterCopay',
  countsTowardOop: { deductible: true, copay: true, coinsurance: true },
  limit: null,
  priorAuth: { required: false },
  referral: { required: false },
  ...extra,
});

const set = (hdhp: boolean, networkAccumulation: BenefitSet['networkAccumulation']): BenefitSet => ({
  planYearStart: '01-01',
  hdhp,
  family: hdhp ? { deductible: 'aggregate', oop: 'aggregate' } : { deductible: 'embedded', oop: 'embedded' },
  networkAccumulation,
  acaIndividualOopCap: true,
  preventiveZeroInNetwork: true,
  tiers: {
    in: {
      deductible: { individual: c(170_000), family: c(340_000) },
      oopMax: { individual: c(850_000), family: c(1_700_000) },
    },
    out: {
      deductible: { individual: c(340_000), family: c(680_000) },
      oopMax: { individual: null, family: null },
    },
  },
  benefits: [
    benefit('office', '98', 'in', {
      copay: c(3000),
      copayTiming: 'beforeDeductible',
      coinsurance: 0 as BasisPoints,
    }),
    benefit('er', '86', 'in', { copay: c(25_000) }),
    benefit('pt', 'PT', 'in', { copay: c(4000), limit: { quantity: 20, unit: 'visits' } }),
    benefit('medical', '30', 'in', {}),
    benefit('oon', '30', 'out', { coinsurance: 4000 as BasisPoints }),
  ],
});
const SETS = [set(false, 'separate'), set(true, 'separate'), set(false, 'crossAccumulating')];
const ACC: Accumulators = {
  planYearStart: '2026-01-01' as IsoDate,
  individual: { in: { deductible: c(50_000), oop: c(90_000) }, out: { deductible: c(0), oop: c(0) } },
  family: { in: { deductible: c(120_000), oop: c(200_000) }, out: { deductible: c(0), oop: c(0) } },
  limitsUsed: { pt: 12 },
};
const STCS = ['98', '98', '5', '30', '86', 'PT', '4'];

const lines = (n: number): ClaimLine[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    serviceDate: `2026-${String(next(12) + 1).padStart(2, '0')}-1${next(10)}` as IsoDate,
    serviceType: STCS[next(STCS.length)] ?? '30',
    network: next(10) === 0 ? 'out' : 'in',
    allowed: c(next(300_000) + 1_000),
    billed: c(320_000),
    preventive: next(12) === 0,
    surpriseBilling: next(40) === 0,
  }));
// Dates sorted so a batch stays within the plan year in order.
const sortByDate = (ls: ClaimLine[]) => ls.sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : 1));

const claims = (count: number, size: number) => Array.from({ length: count }, () => sortByDate(lines(size)));
const one = claims(3000, 1);
const visits = claims(3000, 5);
const batch = sortByDate(lines(10_000));

let k = 0;
const run = (group: readonly ClaimLine[][]) => () => {
  k = (k + 1) % group.length;
  return estimateCostShare(group[k] ?? [], SETS[k % SETS.length] as BenefitSet, ACC, { order: 'claim' });
};
const inner = 3000;
const m1 = measure('1-line claims', run(one), { inner, samples: 31 });
const m5 = measure('5-line visits', run(visits), { inner, samples: 31 });
const mBatch = measure(
  '10,000-line batch',
  () => estimateCostShare(batch, SETS[0] as BenefitSet, ACC, { order: 'claim' }),
  { samples: 31, inner: 5 },
);
const mBase = measure('bare loop', () => batch.reduce((s, l) => s + Math.round(l.allowed * 0.2), 0), {
  samples: 31,
  inner: 5,
});

const perSecond = (ms: number, linesPerCall: number) => Math.round((linesPerCall / ms) * 1000);
/**
 * CPU time per call (user + system of this process, all its threads, GC included), the median of
 * 15 samples: unlike wall time it does not grow when other jobs take the cores.
 */
const cpuMs = (fn: () => unknown, inner: number): number => {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.cpuUsage();
    for (let k = 0; k < inner; k++) fn();
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000 / inner);
  }
  return times.sort((a, b) => a - b)[7] ?? Number.NaN;
};
const cpu1 = cpuMs(run(one), inner);
const cpu5 = cpuMs(run(visits), inner);
const cpuBatch = cpuMs(() => estimateCostShare(batch, SETS[0] as BenefitSet, ACC, { order: 'claim' }), 5);
const cpuBase = cpuMs(() => batch.reduce((s, l) => s + Math.round(l.allowed * 0.2), 0), 50);
const rows = [
  ['1-line claims', m1.medianMs, 1, cpu1],
  ['5-line visits', m5.medianMs, 5, cpu5],
  ['one 10,000-line batch', mBatch.medianMs, 10_000, cpuBatch],
  ['baseline: bare loop over the batch (20% of allowed)', mBase.medianMs, 10_000, cpuBase],
] as const;
writeSection(
  'insurance',
  `## Insurance: cost share

\`npx tsx bench/insurance.bench.ts\`. Median time per \`estimateCostShare\` call and claim lines per
second (target ≥ 1,000,000 lines/s on one core). Three plan designs rotate (PPO embedded family,
HDHP aggregate, cross-accumulating networks); lines mix office copays, labs, ER, PT with a visit
limit, preventive, out-of-network and No Surprises Act lines. No npm package computes cost share,
so the last row is a bare loop over the same lines, the floor for any per-line work. Lines per
CPU-second divide by the process's CPU time instead of wall time, so they hold when other jobs
share the machine.

${table(
  ['claims', 'median per call (wall)', 'lines per second (wall)', 'lines per CPU-second'],
  rows.map(([name, ms, n, cpu]) => [
    name,
    `${fmtMs(ms)} ms`,
    perSecond(ms, n).toLocaleString('en-US'),
    perSecond(cpu, n).toLocaleString('en-US'),
  ]),
)}

Batch vs bare loop: ${(mBatch.medianMs / mBase.medianMs).toFixed(1)}x the time of the loop that does no adjudication.
Load average during the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (other jobs share these cores; figures fall when it is high).`,
);
