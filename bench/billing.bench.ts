// Billing, side by side in one run: read835 (tokenize, loop tree, every CLP/SVC/CAS/PLB interpreted
// into remittance facts with provenance) against node-x12's lenient X12Parser (syntax only) on the
// public 835 corpus, warm and cold; postRemittance over 100,000 claim lines; statements for 100,000
// accounts; build837P for 10,000 claims. Both readers get the same warm-up and take turns sample by
// sample. Figures are CPU time (process.cpuUsage, user + system) per pass, median of the samples,
// with the wall-clock median beside it: the machine is shared, and CPU time is what the code costs.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Cents, IsoDate, PatientId } from '../src/core/index.js';
import { read835 } from '../src/billing/x12/read835.js';
import { build837P } from '../src/billing/x12/build837P.js';
import { postRemittance } from '../src/billing/posting.js';
import { statement } from '../src/billing/statement.js';
import type {
  Claim,
  PatientAccount,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
} from '../src/billing/model.js';
import {
  compareSideBySide,
  fmtMs,
  nodeX12,
  runs,
  seededRandom,
  table,
  writeSection,
  type Timing,
} from './harness.js';

const DIR = resolve(import.meta.dirname, '../tests/data/x12/835');
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
const cents = (n: number): Cents => n as Cents;
const day = (n: number): IsoDate => {
  const d = new Date(Date.UTC(2026, 0, 1 + n));
  return d.toISOString().slice(0, 10) as IsoDate;
};

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** One function timed alone: `warmup` calls, then `samples` calls, CPU and wall medians. */
const time = (fn: () => unknown, { warmup, samples }: { warmup: number; samples: number }): Timing => {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    sink = fn();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - w0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (sink === Symbol.for('never')) console.log('');
  return { cpu: median(cpu), wall: median(wall), best: Math.min(...cpu) };
};
const cell = (t: Timing): string =>
  `${fmtMs(t.cpu)} ms CPU (best ${fmtMs(t.best)}); wall ${fmtMs(t.wall)} ms`;

const rows: string[][] = [];

// --- read835 against node-x12 on the public 835 corpus ---
const files = readdirSync(DIR)
  .sort()
  .map((f) => readFileSync(resolve(DIR, f), 'utf8'));
const kept = files.map((t, i) => (runs(() => nodeX12(t)) ? i : -1)).filter((i) => i >= 0);
const both = kept.map((i) => files[i] ?? '');
const bytes = both.reduce((s, t) => s + t.length, 0);
console.log(
  `read835 read ${files.filter((t) => read835(t)._tag === 'Right').length}/${files.length} files; node-x12 ${both.length}`,
);
{
  const r = compareSideBySide([(t) => read835(t), nodeX12], both, { warmup: 200, samples: 31, inner: 20 });
  const [ours, theirs] = r as [Timing, Timing];
  rows.push([
    `read835 vs node-x12, warm: public 835 corpus, ${both.length} files both parse (${(bytes / 1024).toFixed(0)} KB); warm-up 200 passes each, 31 samples × 20 passes, taking turns; load ${load()}`,
    `read835 ${cell(ours)}; node-x12 ${cell(theirs)}`,
    `${(theirs.cpu / ours.cpu).toFixed(2)}x (wall ${(theirs.wall / ours.wall).toFixed(2)}x); target 2x: ${theirs.cpu / ours.cpu >= 2 ? 'met' : 'not met'}`,
  ]);
}
{
  const COLD = resolve(import.meta.dirname, 'billing.cold.ts');
  const RUNS = 15;
  /** Settle time (ms) before the first pass: 0, and 200 to let the startup's compile jobs finish. */
  const SETTLES = [0, 200];
  const cold: Record<string, number[]> = {};
  for (let i = 0; i < RUNS; i++)
    for (const settle of SETTLES)
      for (const reader of ['read835', 'node-x12'])
        (cold[`${reader}/${settle}`] ??= []).push(
          Number(
            execFileSync(
              process.execPath,
              ['--import', 'tsx', COLD, reader, kept.join(','), String(settle)],
              { encoding: 'utf8' },
            ).trim(),
          ),
        );
  for (const settle of SETTLES) {
    const ours = median(cold[`read835/${settle}`] ?? []);
    const theirs = median(cold[`node-x12/${settle}`] ?? []);
    rows.push([
      settle === 0
        ? `read835 vs node-x12, cold: first pass over the same files in a fresh process, timed right after loading (median of ${RUNS} processes each, taking turns); load ${load()}`
        : `read835 vs node-x12, cold after ${settle} ms idle: the same, the process idling ${settle} ms first so that compile jobs started while loading finish before the pass (median of ${RUNS} processes each, taking turns); load ${load()}`,
      `read835 ${fmtMs(ours)} ms CPU; node-x12 ${fmtMs(theirs)} ms CPU`,
      `${(theirs / ours).toFixed(2)}x; target 2x: ${theirs / ours >= 2 ? 'met' : 'not met'}`,
    ]);
  }
}

// --- postRemittance over 100,000 claim lines ---
const random = seededRandom(835);
const LINES = 100_000;
const LINES_PER_CLAIM = 4;
const CODES = ['99213', '99214', '36415', '80053', '85025', '93000', '71046', '87880'] as const;
const claims: Claim[] = [];
const remitClaims: RemittanceClaim[] = [];
for (let k = 0; k < LINES / LINES_PER_CLAIM; k++) {
  const id = `CLM${String(k).padStart(7, '0')}`;
  const lines: Claim['lines'][number][] = [];
  const remitLines: RemittanceLine[] = [];
  let total = 0;
  let paidTotal = 0;
  let prTotal = 0;
  for (let j = 0; j < LINES_PER_CLAIM; j++) {
    const code = CODES[random(CODES.length)] ?? '99213';
    const charge = 5000 + random(20_000);
    const contractual = Math.floor(charge * 0.3);
    const pr = random(4) === 0 ? Math.floor((charge - contractual) * 0.2) : 0;
    const paid = charge - contractual - pr;
    total += charge;
    paidTotal += paid;
    prTotal += pr;
    const control = `${id}-${j + 1}`;
    lines.push({
      procedure: { qualifier: 'HC', code, modifiers: [] },
      charge: cents(charge),
      unit: 'UN',
      quantity: 1,
      pointers: [1],
      serviceDates: { start: day(k % 300), end: day(k % 300) },
      controlNumber: control,
    });
    remitLines.push({
      procedure: { qualifier: 'HC', code, modifiers: [] },
      charge: cents(charge),
      paid: cents(paid),
      adjustments: [
        { group: 'CO', reason: '45', amount: cents(contractual) },
        ...(pr > 0 ? [{ group: 'PR' as const, reason: '2', amount: cents(pr) }] : []),
      ],
      remarks: [],
      lineControlNumber: control,
      segmentIndex: 0,
    });
  }
  claims.push({
    id,
    frequency: '1',
    placeOfService: '11',
    totalCharge: cents(total),
    payerResponsibility: 'P',
    payer: { id: '60054', name: 'ACME HEALTH' },
    subscriber: { lastName: `MEMBER${k}`, firstName: 'TEST', memberId: `W${k}` },
    billingProvider: {
      npi: '1467586115',
      entity: 'organization',
      lastName: 'MAIN STREET CLINIC',
      taxId: { qualifier: 'EI', value: '123456789' },
      address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
    },
    diagnosisCodeSet: 'icd10',
    diagnoses: ['I10'],
    lines,
  });
  remitClaims.push({
    claimId: id,
    status: '1',
    charge: cents(total),
    paid: cents(paidTotal),
    patientResponsibility: cents(prTotal),
    payerClaimNumber: `PCN${k}`,
    adjustments: [],
    remarks: [],
    lines: remitLines,
    segmentIndex: 0,
  });
}
const remittance: Remittance = {
  source: {
    interchangeControlNumber: '1',
    transactionControlNumber: '1',
    version: '005010X221A1',
    segmentIndex: 0,
  },
  payment: {
    handling: 'I',
    amount: cents(remitClaims.reduce((s, c) => s + c.paid, 0)),
    method: 'ACH',
    date: day(320),
  },
  trace: { number: 'EFT1', originator: '1999999999' },
  payer: { name: 'ACME HEALTH' },
  payee: { name: 'MAIN STREET CLINIC' },
  claims: remitClaims,
  providerAdjustments: [],
};
{
  const t = time(() => postRemittance(remittance, claims), { warmup: 3, samples: 11 });
  rows.push([
    `postRemittance: ${LINES.toLocaleString('en-US')} claim lines (${remitClaims.length.toLocaleString('en-US')} claims matched by CLP01, lines by REF*6R; balancing checked); warm-up 3, 11 samples; load ${load()}`,
    cell(t),
    `target < 100 ms: ${t.cpu < 100 ? 'met' : 'not met'}`,
  ]);
}

// --- statements for 100,000 accounts ---
const ACCOUNTS = 100_000;
const accounts: PatientAccount[] = [];
for (let a = 0; a < ACCOUNTS; a++) {
  const charges = 1 + random(3);
  const entries: PatientAccount['entries'][number][] = [];
  for (let j = 0; j < charges; j++) {
    const service = 100 + random(200);
    entries.push({
      kind: 'charge',
      id: `ch-${a}-${j}`,
      date: day(service + 20),
      serviceDate: day(service),
      amount: cents(1000 + random(30_000)),
    });
  }
  if (random(3) === 0)
    entries.push({
      kind: 'payment',
      id: `pay-${a}`,
      date: day(310),
      amount: cents(500 + random(2000)),
      applications: [],
    });
  accounts.push({ id: `acct-${a}`, patient: `pat-${a}` as PatientId, entries });
}
{
  const asOf = day(330);
  const t = time(
    () => {
      let due = 0;
      for (const account of accounts) due += statement(account, asOf).due;
      return due;
    },
    { warmup: 2, samples: 7 },
  );
  rows.push([
    `statement: ${ACCOUNTS.toLocaleString('en-US')} accounts (1-3 charges, a third with a payment), aged and dunned as of one date; warm-up 2, 7 samples; load ${load()}`,
    cell(t),
    `target < 1 s: ${t.cpu < 1000 ? 'met' : 'not met'}`,
  ]);
}

// --- build837P for 10,000 claims ---
{
  const batch = claims.slice(0, 10_000);
  const envelope = {
    sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING', phone: '5555550100' },
    receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
    controlNumber: 1,
    date: day(330),
    time: '0900',
    usage: 'T' as const,
  };
  const out = build837P(batch, envelope);
  const size = out._tag === 'Right' ? out.right.length : 0;
  const t = time(() => build837P(batch, envelope), { warmup: 3, samples: 11 });
  rows.push([
    `build837P: ${batch.length.toLocaleString('en-US')} claims of 4 lines (${(size / 2 ** 20).toFixed(1)} MB of X12, delimiter check on every value); warm-up 3, 11 samples; load ${load()}`,
    cell(t),
    `target < 200 ms: ${t.cpu < 200 ? 'met' : 'not met'}`,
  ]);
}

writeSection(
  'billing',
  `## Billing

\`npx tsx bench/billing.bench.ts\` (also part of \`npm run bench\`). \`read835\` tokenizes, builds the
loop tree and interprets every BPR, TRN, N1, CLP, CAS, SVC, DTM, REF, AMT, LQ and PLB into remittance
facts with provenance and notes; \`node-x12\` (1.7.1, \`new X12Parser(false).parse\`) only tokenizes into
its segment model, and throws on some real files, which are then left out for both. The two readers
get the same warm-up and take turns sample by sample; the cold rows start a fresh process per reader
and run and time its first pass (bench/billing.cold.ts): once right after loading, and once after
the process idles 200 ms, so that compile jobs which loading the modules and reading the files
started on the compiler's own thread (process.cpuUsage counts every thread) finish before the pass
instead of landing on whichever reader runs first. The other rows time one library function
over generated data (seeded, the same every run). Figures are the median CPU time (process.cpuUsage,
user + system) with the best sample and the wall-clock median, and the 1-minute load average of this
shared 2-core machine when the row was measured. Ratio = node-x12 CPU time / read835 CPU time (above 1:
read835 is faster).

${table(['what', 'time', 'ratio / target'], rows)}

History. Before read835 moved to the offset cursor of read271 (and read837P/read277 with it) and
postRemittance to running sums per claim, this bench measured at load 7.5: read835 0.61x node-x12 warm
and 1.47x cold, postRemittance 754 ms CPU for 100,000 lines. After those changes, two runs at load
13-16 gave read835 1.67x and 2.10x warm, 1.48x and 1.25x cold; postRemittance 149 ms CPU median (best
106 and 127); build837P 226 and 234 ms; statement 101 and 104 ms.

Then, on this machine (one run of this bench before the changes, at load 1.4-4.3: read835 2.33x warm,
1.98x cold; postRemittance 214 ms CPU, best 115; build837P 218 ms; statement 101 ms):
postRemittance checks the line, claim and patient-responsibility balancing identities on its
running sums in the same pass as the posting (checkBalance runs only when one fails, for the error),
shares each distinct short reason list per posting and sizes its arrays up front (40 → 30 MB
allocated per call). build837P writes through one segment writer (one string per claim, no array
per segment). The X12 cursor finds element separators with indexOf: the character loop it replaces
was compiled by the optimizing compiler during the first pass (about 2 ms of CPU on the compiler's
thread; no reader function is now, node --trace-opt), at a cost of about 5-8% warm (read271's
corpus pass: best 0.577 against 0.533 ms). No regular expression is compiled on a first call any
more (readIsa, interchangeText, x12Quantity). read835 compares codes in place and reuses the last
date read. node-x12's own cold cost is mostly its parser being compiled by the optimizing compiler
(3.05 ms median with --no-opt, 9-12 ms without).

Two full runs after the changes (the table is the second): at load 8.8-9.9, read835 1.69x warm
(0.201 against 0.340 ms CPU; best 0.101 against 0.232), cold 1.67x (6.04 against 10.06 ms: not met)
and 2.33x after the idle (3.93 against 9.15 ms); postRemittance 60.12 ms (best 55.15); statement 74.67
ms; build837P 117 ms (best 112). Three earlier runs of the same code before the last change (the
regular expressions), at load 7.5-9.8, gave warm 2.05x, 2.25x and 2.25x, cold 1.25x, 1.49x and 1.55x
(1.87x, 1.57x and 1.56x after the idle), postRemittance 93, 93 and 78 ms, build837P 153, 187 and 158
ms. So at this load postRemittance and build837P meet their targets with margin; cold 2x is met after
the idle in both final runs and right after loading in the second only; warm 2x is met in some runs
and not others: its median moves with the load (read835's median sample is 1.5-2x its best one),
the ratio of the best samples staying 2.0-2.5x.`,
);
