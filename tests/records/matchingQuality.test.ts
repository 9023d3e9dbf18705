// Matching quality on public ground truth (FEBRL 1-4, Splink fake_1000): pairwise precision,
// recall and F1 against the labels. SSN is never loaded. The figures are also written to
// docs/benchmarks.md by bench/records.bench.ts with the same threshold.
import { describe, expect, it } from 'vitest';
import { buildPatientIndex, findDuplicates, matchPatient } from '../../src/records/index.js';
import {
  loadFake1000,
  loadFake1000LabelledMatches,
  loadFebrl,
  matchingDataPresent,
  pairKey,
  pairMetrics,
  truePairs,
  type LabelledRecord,
} from './support/matchingData.js';

/** One decision threshold (match weight, log2 odds) for every dataset. */
const THRESHOLD = 5;
const thresholds = { match: THRESHOLD, review: THRESHOLD };

const dedupe = (data: readonly LabelledRecord[]) => {
  const report = findDuplicates(
    data.map((d) => d.record),
    { thresholds },
  );
  const pairs = new Set(report.pairs.filter((p) => p.decision === 'match').map((p) => pairKey(p.a, p.b)));
  const clusterPairs = new Set<string>();
  for (const c of report.clusters)
    for (let i = 0; i < c.length; i++)
      for (let j = i + 1; j < c.length; j++) clusterPairs.add(pairKey(c[i] as string, c[j] as string));
  return {
    report,
    pairs: pairMetrics(pairs, truePairs(data)),
    clusters: pairMetrics(clusterPairs, truePairs(data)),
  };
};

describe.skipIf(!matchingDataPresent())('matching quality on public ground truth (no SSN)', () => {
  it('FEBRL 1 dedupe: 500 true pairs', () => {
    const { pairs } = dedupe(loadFebrl('dataset1.csv'));
    expect(pairs.actual).toBe(500);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('FEBRL 2 dedupe: 1,934 true pairs', () => {
    const { pairs } = dedupe(loadFebrl('dataset2.csv'));
    expect(pairs.actual).toBe(1934);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('FEBRL 3 dedupe: F1 ≥ 0.98 over 6,538 true pairs', () => {
    const { pairs, report } = dedupe(loadFebrl('dataset3.csv'));
    expect(pairs.actual).toBe(6538);
    expect(pairs.precision).toBeGreaterThanOrEqual(0.99);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.98);
    // Blocking keeps the work far below the 12.5 million pairs of 5,000 records.
    expect(report.stats.candidatePairs).toBeLessThan(20_000);
  });

  it('FEBRL 4 linkage (4b against an index of 4a): F1 ≥ 0.99 over 5,000 true links', () => {
    const a = loadFebrl('dataset4a.csv');
    const b = loadFebrl('dataset4b.csv');
    const entityOfA = new Map(a.map((r) => [r.entity, r.record.id]));
    const truth = new Set(
      b.flatMap((r) =>
        entityOfA.has(r.entity) ? [pairKey(entityOfA.get(r.entity) as string, r.record.id)] : [],
      ),
    );
    const index = buildPatientIndex(a.map((r) => r.record));
    const links = new Set<string>();
    for (const r of b) {
      const [best] = matchPatient(r.record, index, { thresholds, limit: 1 });
      if (best?.decision === 'match') links.add(pairKey(best.patientId, r.record.id));
    }
    const m = pairMetrics(links, truth);
    expect(m.actual).toBe(5000);
    expect(m.f1).toBeGreaterThanOrEqual(0.99);
  });

  it('Splink fake_1000: pairwise F1 of the clusters ≥ 0.90 over 2,031 true pairs', () => {
    const data = loadFake1000();
    const labelled = loadFake1000LabelledMatches();
    const truth = truePairs(data);
    expect(truth.size).toBe(2031);
    // The clerical labels agree with the clusters (the data README says so; check it).
    for (const p of labelled) expect(truth.has(p)).toBe(true);
    const { clusters, pairs } = dedupe(data);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.9);
    expect(pairs.precision).toBeGreaterThanOrEqual(0.99);
  });
});
