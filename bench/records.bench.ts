// Records: matching quality on the public ground truth (FEBRL 1-4, Splink fake_1000; no SSN), on
// the 10,000-household set built to provoke merges of family members, and speed: findDuplicates over 100,000 generated patients with planted duplicates (target < 10 s),
// matchPatient against a 1,000,000-record index (target < 5 ms median), and blocking against
// comparing all pairs on 2,000 records. `npx tsx bench/records.bench.ts`.
import {
  buildPatientIndex,
  compareFeatures,
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
// Why true duplicates go to review instead of merging: the guarded true pairs of each set, by the
// evidence left once household fields are set aside.
const guardedWhy: string[][] = [];
{
  const dedupe = (name: string, data: readonly LabelledRecord[]) => {
    const t0 = performance.now();
    const { report, pairs, clusters, autoMatch } = dedupeQuality(data);
    const truth = truePairs(data);
    const byId = new Map(data.map((d) => [d.record.id, d.record]));
    const why = { twinLike: 0, namesake: 0, other: 0 };
    for (const p of report.pairs) {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      if (p.decision !== 'review' || a === undefined || b === undefined || !truth.has(pairKey(p.a, p.b)))
        continue;
      const { given, birthDate } = comparePatients(a, b).levels;
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
  };
  dedupe('FEBRL 1 dedupe', loadFebrl('dataset1.csv'));
  dedupe('FEBRL 2 dedupe', loadFebrl('dataset2.csv'));
  dedupe('FEBRL 3 dedupe', loadFebrl('dataset3.csv'));
  dedupe('Splink fake_1000 dedupe', loadFake1000());
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
}

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
let c0 = cpuMs();
let t0 = performance.now();
const report = findDuplicates(hundredK.records, { thresholds });
const dedupeMs = performance.now() - t0;
const dedupeCpu = cpuMs() - c0;
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
fake_1000 \`cluster\`), **without SSN**, default parameters (\`DEFAULT_MATCH_PARAMETERS\`), default blocking, one decision
threshold for every set: match weight ≥ ${THRESHOLD} (log2 odds, posterior ≈ ${(1 / (1 + 2 ** -THRESHOLD)).toFixed(3)}), the same for \`match\` and
\`review\`. "Pairs found" counts the pairs at or above it: decided \`match\`, or \`review\` because a guard (household,
identifier conflict) holds them back from an automatic merge, so a person confirms them; "clusters" counts every pair inside
the transitive clusters of those; "auto-match only" counts the \`match\` decisions alone, what would merge with nobody looking.
The EM row fits m, u and λ on the data itself (u from 20,000 seeded random pairs, then EM). The twin guard that needs
recorded sex does not fire on FEBRL (no sex column); flagged twins and Jr/Sr still never match.

${table(['data set', 'true pairs', 'precision', 'recall', 'F1', 'notes'], quality)}

Targets (tests/records/matchingQuality.test.ts, on pairs found): FEBRL 3 dedupe F1 ≥ 0.98, FEBRL 4 linkage F1 ≥ 0.99,
fake_1000 pairwise F1 ≥ 0.90.

Before the household guard (run of 2026-11-23, no \`review\` band: every pair at or above ${THRESHOLD} was a \`match\`), for
comparison with "pairs found" above (the same pairs reach the threshold; the guards only decide who merges them):

${table(
  ['data set', 'true pairs', 'precision', 'recall', 'F1'],
  [
    ['FEBRL 1 dedupe, pair decisions', '500', '1.0000', '0.9980', '0.9990'],
    ['FEBRL 1 dedupe, clusters (transitive)', '500', '1.0000', '0.9980', '0.9990'],
    ['FEBRL 2 dedupe, pair decisions', '1934', '0.9995', '0.9876', '0.9935'],
    ['FEBRL 2 dedupe, clusters (transitive)', '1934', '0.9995', '0.9984', '0.9990'],
    ['FEBRL 3 dedupe, pair decisions', '6538', '1.0000', '0.9810', '0.9904'],
    ['FEBRL 3 dedupe, clusters (transitive)', '6538', '1.0000', '0.9962', '0.9981'],
    ['Splink fake_1000 dedupe, pair decisions', '2031', '1.0000', '0.7105', '0.8307'],
    ['Splink fake_1000 dedupe, clusters (transitive)', '2031', '1.0000', '0.8784', '0.9353'],
    ['FEBRL 4 link (4b → index of 4a)', '5000', '1.0000', '0.9946', '0.9973'],
  ],
)}

### Auto-match recall since the household guard: the trade-off

"Pairs found" is what it was before the guard on every set (same pairs, same precision): the guard decides who merges
them, not which pairs are found. What fell is the share merged with nobody looking ("auto-match only" against the
"pair decisions" rows above): those pairs now wait in \`review\`. Why, for the true duplicates held back:

${table(['data set', 'true pairs in review', 'twin-like', 'namesake', 'other'], guardedWhy)}

- **Twin-like**: a different given name (Jaro-Winkler below 0.88, no nickname or phonetic link) with the same family
  name and the same birth date. FEBRL builds many of its duplicates by replacing the given name with another one from its
  lookup table (FEBRL 3: caleb / nathan challenor, both born 1960-02-13, at 1 wellington street and 1 wellingtfn street).
  Nothing in such a pair tells it from twins whose chart has a mistyped street, and FEBRL has no sex column, so the
  twins guard (which needs recorded sex) cannot take over. Merging them automatically is the merge of two children's
  charts this guard exists to stop, so they stay in review.
- **Namesake**: the same given and family name with a birth date no single typo explains and no shared street, phone or
  e-mail (FEBRL: the street differs by a typo; fake_1000: no street or phone in the data at all). Counting a similar
  street as the same household was tried: it let 4 pairs of different people in the household set reach \`match\`, so it
  is not done. Counting a shared e-mail address as a shared street or phone admits none (the only family members with
  one full name are a Jr and Sr, still guarded when one chart records the suffix) and is done: fake_1000 auto-match
  recall 0.5254 → 0.5598; FEBRL has no e-mail.
- **Other**: a missing given name or a variant of it with a birth date beyond a typo, swapped names, a half-recorded
  suffix.

So the issue's "FEBRL and Splink figures not lower than today" holds for the pairs found, which a person confirms in
review, and does not hold for automatic merges: FEBRL 1-4 lose 6-10 points of auto-match recall and fake_1000 15 points.
That is the price of never merging two people on these data sets, which carry no sex or phone to tell relatives apart
(and run here without SSN): the held-back pairs cost a person's review, a wrong merge costs a patient's safety.

### Households: never merge two people

\`generateHouseholds(10_000)\` (tests/records/support/households.ts): ${households.records.length.toLocaleString('en-US')} records in 10,000
households (spouses, some keeping their family name or recording a maiden name; siblings; twins, the multiple birth recorded
on some charts only; a son named after his father with Jr / Sr on both charts or on one only), middle names, SSN last four on
some charts, and second charts of 20% of the people with one registration error each (given-name typo, nickname, family-name
typo, birth-date transposition / day-month swap / one digit, street abbreviation, no phone, middle initial, case). Default
parameters and thresholds (match 10, review 0), \`findDuplicates\` in ${fmtMs(householdMs)} ms.

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
    ['true duplicates decided \`match\` (recall of automatic merges)', f(householdAuto.recall), ''],
    ['pairs of different people sent to \`review\`', String(familyReviews), ''],
  ],
)}

### Speed

${table(
  ['run', 'time', 'target', 'notes'],
  [
    [
      'findDuplicates, 100,000 generated patients (10% planted duplicates)',
      `${fmtMs(dedupeMs)} ms (CPU ${fmtMs(dedupeCpu)} ms)`,
      '< 10,000 ms',
      `${report.stats.candidatePairs.toLocaleString('en-US')} candidate pairs; planted pairs P ${f(genQuality.precision)} R ${f(genQuality.recall)} F1 ${f(genQuality.f1)}`,
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
