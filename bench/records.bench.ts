// Records: matching quality on the public ground truth (FEBRL 1-4, Splink fake_1000; no SSN), on
// the 10,000-household set built to provoke merges of family members, and speed: findDuplicates over 100,000 generated patients with planted duplicates (target < 10 s),
// matchPatient against a 1,000,000-record index (target < 5 ms median), and blocking against
// comparing all pairs on 2,000 records. `npx tsx bench/records.bench.ts`.
import {
  buildPatientIndex,
  compareFeatures,
  type DuplicateReport,
  type PatientComparison,
  comparePatients,
  DEFAULT_MATCH_PARAMETERS,
  findDuplicates,
  matchFeatures,
  matchPatient,
  matchWeight,
  type MatchablePatient,
} from '../src/records/index.js';
import {
  dedupeQuality,
  febrl4LinkQuality,
  loadFake1000,
  loadFebrl,
  MATCH_THRESHOLD as THRESHOLD,
  pairKey,
  pairMetrics,
  truePairs,
  type LabelledRecord,
  type PairMetrics,
} from '../tests/records/support/matchingData.js';
import { generateHouseholds } from '../tests/records/support/households.js';
import { fmtMs, table, writeSection } from './harness.js';
import { loadavg } from 'node:os';
import { generatePatients } from './recordsGenerator.js';

const thresholds = { match: THRESHOLD, review: THRESHOLD };
const f = (x: number): string => x.toFixed(4);
const row = (name: string, m: PairMetrics, extra: string): string[] => [
  name,
  String(m.actual),
  f(m.precision),
  f(m.recall),
  f(m.f1),
  extra,
];

const quality: string[][] = [];
const qualitySsn: string[][] = [];
// Recall of true duplicates per set, for the before/after tables: decided `match` (merged with
// nobody looking), and found at `match` or `review`; without SSN, and with FEBRL's soc_sec_id.
interface Recalls {
  auto: number;
  found: number;
  autoSsn?: number;
  foundSsn?: number;
}
const recalls = new Map<string, Recalls>();
// Why true duplicates go to review instead of merging: the guarded true pairs of each set, by the
// evidence left once household fields are set aside.
const guardedWhy: string[][] = [];
const guardedWhySsn: string[][] = [];
{
  const heldBack = (data: readonly LabelledRecord[], report: DuplicateReport) => {
    const truth = truePairs(data);
    const byId = new Map(data.map((d) => [d.record.id, d.record]));
    const held: PatientComparison[] = [];
    for (const p of report.pairs) {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      if (p.decision !== 'review' || a === undefined || b === undefined || !truth.has(pairKey(p.a, p.b)))
        continue;
      held.push(comparePatients(a, b));
    }
    return held;
  };
  const dedupe = (name: string, load: (ssn: boolean) => readonly LabelledRecord[], hasSsn: boolean) => {
    const data = load(false);
    const t0 = performance.now();
    const { report, pairs, clusters, autoMatch } = dedupeQuality(data);
    const why = { twinLike: 0, namesake: 0, other: 0 };
    for (const { levels } of heldBack(data, report)) {
      const { given, birthDate } = levels;
      if ((given === 'different' || given === 'jw-0.70') && birthDate === 'exact') why.twinLike++;
      else if (given === 'exact' && birthDate !== 'exact') why.namesake++;
      else why.other++;
    }
    guardedWhy.push([
      name,
      String(why.twinLike + why.namesake + why.other),
      String(why.twinLike),
      String(why.namesake),
      String(why.other),
    ]);
    const ms = performance.now() - t0;
    quality.push(
      row(`${name}, pairs found`, pairs, `${report.stats.candidatePairs} candidate pairs, ${fmtMs(ms)} ms`),
    );
    quality.push(row(`${name}, clusters (transitive)`, clusters, ''));
    const guarded = report.pairs.filter((p) => p.decision === 'review').length;
    quality.push(row(`${name}, auto-match only`, autoMatch, `${guarded} guarded pairs sent to review`));
    const em = dedupeQuality(data, 'estimate');
    quality.push(
      row(`${name}, EM-estimated parameters`, em.pairs, `λ = ${em.report.parameters.prior.toFixed(3)}`),
    );
    const r: Recalls = { auto: autoMatch.recall, found: pairs.recall };
    if (hasSsn) {
      const withSsn = load(true);
      const q = dedupeQuality(withSsn);
      qualitySsn.push(
        row(`${name}, pairs found`, q.pairs, `${q.report.stats.candidatePairs} candidate pairs`),
      );
      qualitySsn.push(row(`${name}, clusters (transitive)`, q.clusters, ''));
      const held = heldBack(withSsn, q.report);
      qualitySsn.push(
        row(`${name}, auto-match only`, q.autoMatch, `${held.length} true pairs held in review`),
      );
      const w = { nearMiss: 0, bothDiffer: 0, oneMissing: 0, other: 0 };
      for (const { levels } of held) {
        const { ssn, given, birthDate } = levels;
        if (ssn !== 'exact') w.nearMiss++;
        else if (given === 'missing' || birthDate === 'missing') w.oneMissing++;
        else if (birthDate !== 'exact' && birthDate !== 'day-month-swap') w.bothDiffer++;
        else w.other++;
      }
      guardedWhySsn.push([
        name,
        String(held.length),
        String(w.nearMiss),
        String(w.bothDiffer),
        String(w.oneMissing),
        String(w.other),
      ]);
      r.autoSsn = q.autoMatch.recall;
      r.foundSsn = q.pairs.recall;
    }
    recalls.set(name, r);
  };
  const febrl = (file: string) => (ssn: boolean) => loadFebrl(file, { ssn });
  dedupe('FEBRL 1 dedupe', febrl('dataset1.csv'), true);
  dedupe('FEBRL 2 dedupe', febrl('dataset2.csv'), true);
  dedupe('FEBRL 3 dedupe', febrl('dataset3.csv'), true);
  dedupe('Splink fake_1000 dedupe', () => loadFake1000(), false);
  const t0 = performance.now();
  const link = febrl4LinkQuality();
  quality.push(
    row(
      'FEBRL 4 link (4b → index of 4a), found',
      link,
      `index + 5,000 matchPatient calls, ${fmtMs(performance.now() - t0)} ms`,
    ),
  );
  quality.push(row('FEBRL 4 link, auto-match only', link.autoMatch, ''));
  const linkSsn = febrl4LinkQuality({ ssn: true });
  qualitySsn.push(row('FEBRL 4 link (4b → index of 4a), found', linkSsn, ''));
  qualitySsn.push(row('FEBRL 4 link, auto-match only', linkSsn.autoMatch, ''));
  recalls.set('FEBRL 4 link', {
    auto: link.autoMatch.recall,
    found: link.recall,
    autoSsn: linkSsn.autoMatch.recall,
    foundSsn: linkSsn.recall,
  });
}

// Recall before the household guard (run of 2026-11-23: every pair at or above the threshold was
// a `match`) and at the guard's last run before the SSN and name-variant evidence (docs/benchmarks.md
// at that commit): the issue's "not lower than today" is read against the first.
const EARLIER: ReadonlyMap<string, { readonly beforeGuard: number; readonly guardAuto: number }> = new Map([
  ['FEBRL 1 dedupe', { beforeGuard: 0.998, guardAuto: 0.93 }],
  ['FEBRL 2 dedupe', { beforeGuard: 0.9876, guardAuto: 0.8925 }],
  ['FEBRL 3 dedupe', { beforeGuard: 0.981, guardAuto: 0.8836 }],
  ['Splink fake_1000 dedupe', { beforeGuard: 0.7105, guardAuto: 0.5598 }],
  ['FEBRL 4 link', { beforeGuard: 0.9946, guardAuto: 0.9348 }],
]);
// Compared as written (four decimals), as the earlier figures were recorded.
const met = (x: number | undefined, target: number): string =>
  x === undefined
    ? 'no SSN in the data'
    : Number(f(x)) >= target
      ? 'met'
      : `not met (${f(Number(f(x)) - target)})`;
const recallRows = (kind: 'auto' | 'found'): string[][] =>
  [...recalls].map(([name, r]) => {
    const earlier = EARLIER.get(name);
    const now = kind === 'auto' ? r.auto : r.found;
    const nowSsn = kind === 'auto' ? r.autoSsn : r.foundSsn;
    const target = earlier?.beforeGuard ?? Number.NaN;
    return [
      name,
      f(target),
      f(kind === 'auto' ? (earlier?.guardAuto ?? Number.NaN) : target),
      f(now),
      nowSsn === undefined ? '–' : f(nowSsn),
      `${met(now, target)}; with SSN: ${met(nowSsn, target)}`,
    ];
  });

// The household set: every pair between different people must stay below `match`.
const households = generateHouseholds(10_000);
const h0 = performance.now();
const householdReport = findDuplicates(households.records.map((r) => r.record));
const householdMs = performance.now() - h0;
const personOf = new Map(households.records.map((r) => [r.record.id, r.person]));
const wrongMatches = householdReport.pairs.filter(
  (p) => p.decision === 'match' && personOf.get(p.a) !== personOf.get(p.b),
).length;
const familyReviews = householdReport.pairs.filter(
  (p) => p.decision === 'review' && personOf.get(p.a) !== personOf.get(p.b),
).length;
const householdFound = pairMetrics(
  new Set(householdReport.pairs.map((p) => pairKey(p.a, p.b))),
  households.truePairs,
);
// SSN evidence in the household set: family members under one keyed number (the guarantor's)
// and twins with consecutive numbers, among the pairs scored at or above review.
const householdById = new Map(households.records.map((r) => [r.record.id, r.record]));
const ssnFamily = { exact: 0, exactMatch: 0, similar: 0, similarMatch: 0 };
for (const p of householdReport.pairs) {
  if (personOf.get(p.a) === personOf.get(p.b)) continue;
  const a = householdById.get(p.a);
  const b = householdById.get(p.b);
  if (a === undefined || b === undefined) continue;
  const { ssn } = comparePatients(a, b).levels;
  if (ssn === 'exact') {
    ssnFamily.exact++;
    if (p.decision === 'match') ssnFamily.exactMatch++;
  } else if (ssn === 'similar') {
    ssnFamily.similar++;
    if (p.decision === 'match') ssnFamily.similarMatch++;
  }
}
const fullSsnCharts = households.records.filter((r) =>
  (r.record.identifiers ?? []).some((i) => i.kind === 'SSN' && i.value.replace(/\D/g, '').length === 9),
).length;
const householdAuto = pairMetrics(
  new Set(householdReport.pairs.filter((p) => p.decision === 'match').map((p) => pairKey(p.a, p.b))),
  households.truePairs,
);

// Speed 1: findDuplicates over 100,000 generated patients.
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const hundredK = generatePatients(100_000, 0.1, 42);
// Three runs, medians of wall and CPU time, with the one-minute load average at each run's end.
const DEDUPE_RUNS = 3;
const dedupeRuns: { wall: number; cpu: number; load: number }[] = [];
let report = findDuplicates([], { thresholds });
let c0 = 0;
let t0 = 0;
for (let run = 0; run < DEDUPE_RUNS; run++) {
  c0 = cpuMs();
  t0 = performance.now();
  report = findDuplicates(hundredK.records, { thresholds });
  dedupeRuns.push({ wall: performance.now() - t0, cpu: cpuMs() - c0, load: loadavg()[0] ?? Number.NaN });
}
const medianOf = (xs: readonly number[]): number =>
  [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
const dedupeMs = medianOf(dedupeRuns.map((r) => r.wall));
const dedupeCpu = medianOf(dedupeRuns.map((r) => r.cpu));
const dedupeLoads = dedupeRuns.map((r) => r.load.toFixed(1)).join(' / ');
const genPairs = new Set(report.pairs.filter((p) => p.decision === 'match').map((p) => pairKey(p.a, p.b)));
const genQuality = pairMetrics(genPairs, hundredK.truePairs);

// Speed 2: blocking versus all pairs on 2,000 records (weights only, same comparator).
const small = generatePatients(2_000, 0.1, 99).records;
t0 = performance.now();
findDuplicates(small, { thresholds });
const blockedMs = performance.now() - t0;
t0 = performance.now();
const feats = small.map((p) => matchFeatures(p));
let sink = 0;
for (let i = 0; i < feats.length; i++)
  for (let j = i + 1; j < feats.length; j++)
    sink +=
      matchWeight(compareFeatures(feats[i] as never, feats[j] as never), DEFAULT_MATCH_PARAMETERS) >=
      THRESHOLD
        ? 1
        : 0;
const allPairsMs = performance.now() - t0;

// Speed 3: matchPatient against 1,000,000 records.
const million = generatePatients(1_000_000, 0.02, 7);
c0 = cpuMs();
t0 = performance.now();
const index = buildPatientIndex(million.records);
const indexMs = performance.now() - t0;
const indexCpu = cpuMs() - c0;
const queries: MatchablePatient[] = generatePatients(402, 1, 7)
  .records.slice(201)
  .map((q, i) => ({ ...q, id: `walk-in-${i}` }));
const times: number[] = [];
let found = 0;
for (const q of queries) {
  const s = performance.now();
  const hits = matchPatient(q, index, { thresholds });
  times.push(performance.now() - s);
  if (hits.length > 0) found++;
}
times.sort((x, y) => x - y);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');

writeSection(
  'records',
  `## Records: patient matching

\`npx tsx bench/records.bench.ts\`. Quality: pairwise precision, recall and F1 against each data set's labels (FEBRL \`rec-<N>\`,
fake_1000 \`cluster\`), default parameters (\`DEFAULT_MATCH_PARAMETERS\`), default blocking, one decision threshold for every
set: match weight ≥ ${THRESHOLD} (log2 odds, posterior ≈ ${(1 / (1 + 2 ** -THRESHOLD)).toFixed(3)}), the same for \`match\` and \`review\`. "Pairs found" counts
the pairs at or above it: decided \`match\`, or \`review\` because a guard (household, identifier conflict) holds them back
from an automatic merge, so a person confirms them; "clusters" counts every pair inside the transitive clusters of those;
"auto-match only" counts the \`match\` decisions alone, what would merge with nobody looking. The EM row fits m, u and λ on
the data itself (u from 20,000 seeded random pairs, then EM). The twin guard that needs recorded sex does not fire on FEBRL
or fake_1000 (no sex column); flagged twins and Jr/Sr still never match.

### Without SSN (as every earlier run)

${table(['data set', 'true pairs', 'precision', 'recall', 'F1', 'notes'], quality)}

Targets (tests/records/matchingQuality.test.ts, on pairs found): FEBRL 3 dedupe F1 ≥ 0.98, FEBRL 4 linkage F1 ≥ 0.99,
fake_1000 pairwise F1 ≥ 0.90.

### FEBRL with \`soc_sec_id\` as the SSN

FEBRL's \`soc_sec_id\` (seven digits, corrupted in some duplicates like every other field) loaded as an SSN identifier
(\`loadFebrl(file, { ssn: true })\`); fake_1000 has no such column. An exactly agreeing SSN lifts the household guard when
a second personal attribute agrees (the same birth date or day and month swapped, or one given name: the same, a nickname, or
given and family exchanged, with no suffix half recorded); a number one digit off lifts nothing (twins' numbers are often
consecutive).

${table(['data set', 'true pairs', 'precision', 'recall', 'F1', 'notes'], qualitySsn)}

### Recall before and after, against the issue's "not lower than today"

"Before the guard": the run of 2026-11-23, with no \`review\` band (every pair at or above ${THRESHOLD} was a \`match\`), so its
match-only and found figures are one; this is the figure not to fall below. "Guard": the last run before the SSN and
name-variant evidence (auto-match recall FEBRL 1 0.9300, FEBRL 2 0.8925, FEBRL 3 0.8836, FEBRL 4 0.9348, fake_1000 0.5598;
pairs found unchanged). "Now": this run, without SSN and (FEBRL) with \`soc_sec_id\` as the SSN. Precision is in the tables
above.

Match only (automatic merges):

${table(['data set', 'before the guard', 'guard', 'now, no SSN', 'now, with SSN', 'against before the guard'], recallRows('auto'))}

Match or review (pairs found):

${table(['data set', 'before the guard', 'guard', 'now, no SSN', 'now, with SSN', 'against before the guard'], recallRows('found'))}

So the match-only figures are **not** restored to their values before the guard, with or without SSN; the pairs found are
(and rise with SSN). The true duplicates still held for review, and why a rule that merged them would merge family members:

Without SSN:

${table(['data set', 'true pairs in review', 'twin-like', 'namesake', 'other'], guardedWhy)}

- **Twin-like**: a different given name (Jaro-Winkler below 0.88, no nickname or phonetic link) with the same family
  name and the same birth date. FEBRL builds many of its duplicates by replacing the given name with another one from its
  lookup table. Nothing in such a pair tells it from twins whose chart has a mistyped street, and FEBRL has no sex column, so
  the twins guard (which needs recorded sex) cannot take over.
- **Namesake**: the same given and family name with a birth date no single typo explains and no shared street, phone or
  e-mail (FEBRL: the street differs by a typo; fake_1000: no street or phone in the data at all). Counting a similar street
  as the same household lets family members of the household set reach \`match\`. A shared e-mail address places a
  namesake as a shared street or phone does.
- **Other**: a missing given name, a close spelling (Jaro-Winkler ≥ 0.88: Bryan and Ryan, a father and son, are 0.93) with a
  birth date beyond a typo, a half-recorded suffix. Given and family name exchanged, and nicknames, now count as one name
  there (the fake_1000 gain over the guard's figure), unless the sexes differ; names that only sound alike from different
  first letters (Owen and Wayne) now count as distinct, so such twins are held apart (a few fake_1000 pairs went back to
  review with it).

FEBRL with SSN:

${table(['data set', 'true pairs in review', 'SSN one digit off or different', 'SSN agrees, given name and birth date both differ', 'SSN agrees, given name or birth date missing', 'other'], guardedWhySsn)}

- **SSN one digit off or different**: twins' numbers are often consecutive, so a near miss is no identity evidence.
- **SSN agrees, both differ**: a parent and a child, or two siblings, under the guarantor's number keyed on the dependent's
  chart look exactly like this; the household set has them and they would merge (282 wrong \`match\` decisions when an
  agreeing SSN alone lifts the guard, 5 when a half-recorded suffix does not hold a Jr under his father's number back, 2 when
  a number one digit off counts as agreeing: measured on the set below while choosing the rule).
- **SSN agrees, one missing**: a missing value agrees with nothing, so it cannot be the second attribute.

### Households: never merge two people

\`generateHouseholds(10_000)\` (tests/records/support/households.ts): ${households.records.length.toLocaleString('en-US')} records in 10,000
households (spouses, some keeping their family name or recording a maiden name; siblings; twins, the multiple birth recorded
on some charts only; a son named after his father with Jr / Sr on both charts or on one only), middle names, and second
charts of 20% of the people with one registration error each (given-name typo, nickname, family-name typo, birth-date
transposition / day-month swap / one digit, street abbreviation, no phone, middle initial, case). SSNs: each person has one;
35% of people's charts record it in full (${fullSsnCharts.toLocaleString('en-US')} charts), 25% only its last four; twins' numbers are consecutive;
10% of a dependent's charts (children, twins, a Jr) and 5% of a spouse's carry the guarantor's number instead. The SSNs come
from a random stream of their own, so the people and errors are those of the set before it had SSNs. Default parameters and
thresholds (match 10, review 0), \`findDuplicates\` in ${fmtMs(householdMs)} ms.

${table(
  ['measure', 'value', 'target'],
  [
    [
      '\`match\` decisions between different people',
      String(wrongMatches),
      '0 (asserted in tests/records/households.test.ts)',
    ],
    [
      'true duplicates found at \`match\` or \`review\` (recall)',
      `${f(householdFound.recall)} of ${households.truePairs.size}`,
      '≥ 0.95 (asserted)',
    ],
    [
      'true duplicates decided \`match\` (recall of automatic merges)',
      f(householdAuto.recall),
      '0.9988 before the set had SSNs: a guarantor number on one chart of a duplicate now disagrees with the other',
    ],
    ['pairs of different people sent to \`review\`', String(familyReviews), ''],
    [
      'pairs of different people with an exactly agreeing SSN (guarantor number) / decided \`match\`',
      `${ssnFamily.exact} / ${ssnFamily.exactMatch}`,
      '/ 0',
    ],
    [
      'pairs of different people with SSNs one digit apart (twins) / decided \`match\`',
      `${ssnFamily.similar} / ${ssnFamily.similarMatch}`,
      '/ 0',
    ],
  ],
)}

### Speed

${table(
  ['run', 'time', 'target', 'notes'],
  [
    [
      `findDuplicates, 100,000 generated patients (10% planted duplicates), median of ${DEDUPE_RUNS} runs`,
      `${fmtMs(dedupeMs)} ms wall, ${fmtMs(dedupeCpu)} ms CPU`,
      '< 10,000 ms',
      `load ${dedupeLoads} at the runs' ends; ${report.stats.candidatePairs.toLocaleString('en-US')} candidate pairs; planted pairs P ${f(genQuality.precision)} R ${f(genQuality.recall)} F1 ${f(genQuality.f1)}`,
    ],
    [
      'matchPatient against 1,000,000 records, median of 201 walk-ins',
      `${fmtMs(median)} ms`,
      '< 5 ms',
      `p95 ${fmtMs(p95)} ms; ${found} of 201 walk-ins (all planted near an existing record) found; index build ${fmtMs(indexMs)} ms (CPU ${fmtMs(indexCpu)} ms)`,
    ],
    [
      '2,000 records: blocked findDuplicates vs all 2M pairs',
      `${fmtMs(blockedMs)} ms vs ${fmtMs(allPairsMs)} ms`,
      '',
      `blocking is ${(allPairsMs / blockedMs).toFixed(0)}x faster (${sink} pairs ≥ threshold in all pairs)`,
    ],
  ],
)}

No record-linkage peer is installed (records reference §2.5: there is no maintained Fellegi-Sunter library on npm), so the
comparison is against the brute-force all-pairs baseline with the same comparator. Wall times were taken on a 2-core
machine that other jobs share; the CPU time of the process is given beside them. Load average at the end of the run:
${load}.`,
);
