// read271 (tokenize + loop tree + normalized facts) against node-x12's X12Parser in lenient mode
// (syntax only), side by side in one run, on three inputs: the public 271 corpus, a batch of 1,225
// separate interchanges (the corpus repeated), and one generated 5 MB interchange. read271 reads
// each transaction's benefits and warnings when first asked for them, so it is timed twice: as
// called (the structure read now) and with every response's benefits and warnings read as well
// (everything interpreted). All contenders get the same warm-up and take turns sample by sample
// (ABC, BCA, CAB, ...), so none gains from running in a given place.
// Figures are CPU time (process.cpuUsage, user + system) per pass, median of the samples, with the
// wall-clock median beside it: the machine is shared, and CPU time is what a reader costs.
// The cold rows start a fresh process per reader and time its first pass (bench/insurance-x12.cold.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { read271 } from '../src/insurance/x12/read271.js';
import { compareSideBySide, fmtMs, nodeX12, runs, table, writeSection, type Timing } from './harness.js';
import { interchange } from './insurance-x12.data.js';

const DIR = resolve(import.meta.dirname, '../tests/data/x12/271');

/** read271 with every benefit and warning read, so every EB is interpreted. */
const read271All = (text: string): unknown => {
  const r = read271(text);
  if (r._tag === 'Right')
    for (const x of r.right.responses) if (x.benefits.length < 0 || x.warnings.length < 0) return x;
  return r;
};
/** The contenders, in the order of the table columns. */
const READERS = [(t: string) => read271(t), read271All, nodeX12] as const;

/** Every reader over the same inputs, side by side (see compareSideBySide). */
const compare = (
  inputs: readonly string[],
  options: { warmup: number; samples: number; inner: number },
): Timing[] => compareSideBySide(READERS, inputs, options);

const mbps = (bytes: number, ms: number): string => (bytes / 2 ** 20 / (ms / 1000)).toFixed(1);
const cell = (bytes: number, t: Timing | undefined): string =>
  t === undefined
    ? ''
    : `${fmtMs(t.cpu)} ms CPU (${mbps(bytes, t.cpu)} MB/s; best ${fmtMs(t.best)} ms, ${mbps(bytes, t.best)} MB/s); wall ${fmtMs(t.wall)} ms`;
/** node-x12's time over each read271 column's. */
const ratio = (r: readonly Timing[]): string => {
  const [ours, all, theirs] = r as [Timing, Timing, Timing];
  const x = (a: Timing): string =>
    `${(theirs.cpu / a.cpu).toFixed(2)}x (wall ${(theirs.wall / a.wall).toFixed(2)}x)`;
  return `${x(ours)}; everything read ${x(all)}`;
};

const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
const rows: string[][] = [];
const files = readdirSync(DIR)
  .sort()
  .map((f) => readFileSync(resolve(DIR, f), 'utf8'));
const both = files.filter((t) => runs(() => nodeX12(t)));
const bytes = both.reduce((s, t) => s + t.length, 0);
console.log(`read271 read ${files.filter((t) => read271(t)._tag === 'Right').length}/${files.length} files`);

{
  const warm = { warmup: 200, samples: 31, inner: 20 };
  const r = compare(both, warm);
  rows.push([
    `public 271 corpus, ${both.length} files both read (${(bytes / 1024).toFixed(0)} KB); warm-up 200 passes each, 31 samples × 20 passes; load ${load()}`,
    cell(bytes, r[0]),
    cell(bytes, r[1]),
    cell(bytes, r[2]),
    ratio(r),
  ]);
  const perFile = (t: Timing | undefined): string =>
    t === undefined ? '' : `${((t.cpu * 1000) / both.length).toFixed(1)} µs CPU per file`;
  rows.push([
    'per-file cost on the corpus (a pass / the file count)',
    perFile(r[0]),
    perFile(r[1]),
    perFile(r[2]),
    '',
  ]);
  const smallest = both.reduce((a, t) => (t.length < a.length ? t : a));
  const s = compare([smallest], { warmup: 2000, samples: 31, inner: 500 });
  const us = (t: Timing | undefined): string =>
    t === undefined ? '' : `${(t.cpu * 1000).toFixed(1)} µs CPU per call`;
  rows.push([
    `smallest file (${smallest.length} bytes: the fixed cost of a call); warm-up 2,000 calls, 31 × 500; load ${load()}`,
    us(s[0]),
    us(s[1]),
    us(s[2]),
    ratio(s),
  ]);
}
{
  const batch = Array.from({ length: 49 }, () => both).flat();
  const batchBytes = batch.reduce((s, t) => s + t.length, 0);
  const r = compare(batch, { warmup: 3, samples: 11, inner: 1 });
  rows.push([
    `batch of ${batch.length} separate interchanges (the corpus × 49, ${(batchBytes / 2 ** 20).toFixed(1)} MB); warm-up 3 passes each, 11 samples; load ${load()}`,
    cell(batchBytes, r[0]),
    cell(batchBytes, r[1]),
    cell(batchBytes, r[2]),
    ratio(r),
  ]);
}
{
  const big = interchange(5 * 2 ** 20);
  const r = compare([big], { warmup: 3, samples: 11, inner: 1 });
  rows.push([
    `generated 5 MB interchange (${(big.length / 2 ** 20).toFixed(1)} MB, one ISA/GS, many ST); warm-up 3 passes each, 11 samples; load ${load()}`,
    cell(big.length, r[0]),
    cell(big.length, r[1]),
    cell(big.length, r[2]),
    ratio(r),
  ]);
}
{
  // The 5 MB interchange again, each reader alone in its own process (same warm-up and samples).
  const ISOLATED = resolve(import.meta.dirname, 'insurance-x12.isolated.ts');
  const alone = (reader: string): Timing & { bytes: number } => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', ISOLATED, reader], { encoding: 'utf8' });
    const { bytes, cpu } = JSON.parse(out) as { bytes: number; cpu: number[] };
    const sorted = [...cpu].sort((a, b) => a - b);
    const mid = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    return { bytes, cpu: mid, best: sorted[0] ?? Number.NaN, wall: Number.NaN };
  };
  const ours = alone('read271');
  const all = alone('read271-all');
  const theirs = alone('node-x12');
  const bytes = ours.bytes;
  const iso = (t: Timing | undefined): string =>
    t === undefined
      ? ''
      : `${fmtMs(t.cpu)} ms CPU (${mbps(bytes, t.cpu)} MB/s; best ${fmtMs(t.best)} ms, ${mbps(bytes, t.best)} MB/s)`;
  rows.push([
    `generated 5 MB interchange, each reader alone in a fresh process (no other reader's garbage to collect); warm-up 3 passes, 11 samples; load ${load()}`,
    iso(ours),
    iso(all),
    iso(theirs),
    `${(theirs.cpu / ours.cpu).toFixed(2)}x; everything read ${(theirs.cpu / all.cpu).toFixed(2)}x`,
  ]);
}
{
  // Cold: a fresh process per reader and run; the first pass over the corpus after the import.
  const COLD = resolve(import.meta.dirname, 'insurance-x12.cold.ts');
  const COLD_RUNS = 9;
  const runs: Record<string, number[]> = { read271: [], 'read271-all': [], 'node-x12': [] };
  for (let i = 0; i < COLD_RUNS; i++)
    for (const reader of Object.keys(runs))
      runs[reader]?.push(
        Number(
          execFileSync(process.execPath, ['--import', 'tsx', COLD, reader], { encoding: 'utf8' }).trim(),
        ),
      );
  const cold = (reader: string): number[] => (runs[reader] ?? []).sort((a, b) => a - b);
  const ours = cold('read271');
  const all = cold('read271-all');
  const theirs = cold('node-x12');
  const mid = (xs: number[]): number => xs[Math.floor(xs.length / 2)] ?? Number.NaN;
  rows.push([
    `cold: first pass over the corpus in a fresh process (median of ${COLD_RUNS} processes each, taking turns); load ${load()}`,
    `${fmtMs(mid(ours))} ms CPU`,
    `${fmtMs(mid(all))} ms CPU`,
    `${fmtMs(mid(theirs))} ms CPU`,
    `${(mid(theirs) / mid(ours)).toFixed(2)}x; everything read ${(mid(theirs) / mid(all)).toFixed(2)}x`,
  ]);
}

writeSection(
  'insurance-x12',
  `## Insurance: X12 271 reading

\`npx tsx bench/insurance-x12.bench.ts\`. \`read271\` tokenizes, builds the loop tree and normalizes every
EB into facts; \`node-x12\` (1.7.1, \`new X12Parser(false).parse\`) only tokenizes into its segment model.
\`read271\` reads the envelope, people, names, ids, dates, trace numbers, rejections and status at
once and each transaction's benefits and warnings when one of its responses is first asked for them:
the first column is the call as made, the second reads every response's \`benefits\` and \`warnings\`
too (every EB interpreted, the cost of a caller that uses everything). All contenders get the same
warm-up (stated per row) and take turns sample by sample; figures are the median CPU time of one
pass (process.cpuUsage, user + system, which counts V8's helper threads too), the best sample and
the wall-clock median beside it, with the 1-minute load average of this shared 2-core machine when
the row was measured. Ratio = node-x12 CPU time / read271 CPU time (above 1: read271 is faster).

${table(
  [
    'input',
    'read271 (structure now, benefits on first read)',
    'read271, every benefit and warning read',
    'node-x12 (syntax only)',
    'ratio',
  ],
  rows,
)}

History, same bench. Before the structure walk was trimmed (one walker and one handler object
per read, member nodes and the envelope's transaction record renewed, payer and provider compared
in place, dates cached per read, segment ids keyed while read), at load 8-14: generated 5 MB
interchange 87.67 ms CPU interleaved (57.0 MB/s) and 57.44 ms alone (87.1 MB/s; best 118.8), corpus
0.825 ms (3.30x node-x12; everything read 2.05x), batch 44.79 ms (3.42x; 2.04x), cold 20.17 ms
(2.05x; 1.41x). A 5 MB pass then allocated about 12 MB (7.3 MB of it the result), so the 16 MB
young generation filled at least every second pass and the median sample fell on a scavenge as
often as not; it now allocates 6.4 MB (5.2 MB of it the result; heap used before and after one
read with a 512 MB young generation). The isolated median still moves with the load: samples with
and without a scavenge differ by 15-25 ms at load 15-20.

Before the deferred benefit walk, read271 read everything at once: generated
5 MB interchange 264 ms CPU (18.9 MB/s), corpus 1.16 ms (2.56x node-x12), batch 55.2 ms (2.46x),
cold 23.1 ms (1.51x), at load 21-26 (ratios then had two contenders, without the best-sample
column). A third of the 5 MB time was garbage collection of ~74,000 facts and of every
transaction's walker kept until the end; the structure walk now keeps no walker past its SE and
builds no fact, and a deferred walk reads only the benefit loops, from the first EB.`,
);
