// Interval algebra at 1k, 10k and 100k intervals: normalize (sort + merge) and the linear
// subtract / intersect. Growth should be ~10x per step (n log n for normalize).
import {
  intersectIntervals,
  normalizeIntervals,
  subtractIntervals,
  type Interval,
} from '../src/core/interval.js';
import { fmtMs, measure, seededRandom, table, writeSection } from './harness.js';

/**
 * Deterministic pseudo-random intervals (a seeded LCG, so every run measures the same input): one
 * interval per 200-minute cell, so a normalized list keeps all n pieces and the linear operations
 * really walk n intervals; `shuffle` gives normalize unsorted input.
 */
const generate = (n: number, seed: number, shuffle = false): Interval[] => {
  const next = seededRandom(seed);
  const out: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const start = (i * 200 + next(100)) * 60_000;
    out.push({ start, end: start + (next(90) + 5) * 60_000 });
  }
  if (shuffle)
    for (let i = n - 1; i > 0; i--) {
      const j = next(i + 1);
      [out[i], out[j]] = [out[j] as Interval, out[i] as Interval];
    }
  return out;
};

const rows: string[][] = [];
let base: Record<string, number> = {};
for (const n of [1_000, 10_000, 100_000]) {
  const raw = generate(n, 7, true);
  const a = normalizeIntervals(generate(n, 11));
  const b = normalizeIntervals(generate(n, 13));
  const inner = n >= 100_000 ? 1 : n >= 10_000 ? 5 : 50;
  const ms = {
    normalize: measure(`normalize ${n}`, () => normalizeIntervals(raw), { inner }).medianMs,
    subtract: measure(`subtract ${n}`, () => subtractIntervals(a, b), { inner }).medianMs,
    intersect: measure(`intersect ${n}`, () => intersectIntervals(a, b), { inner }).medianMs,
  };
  if (n === 1_000) base = ms;
  rows.push([
    n.toLocaleString('en-US'),
    ...(['normalize', 'subtract', 'intersect'] as const).map(
      (k) => `${fmtMs(ms[k])} ms (${(ms[k] / (base[k] ?? 1)).toFixed(1)}x)`,
    ),
  ]);
}

writeSection(
  'core',
  `## Core: interval algebra\n\n\`npm run bench\` (bench/core.bench.ts). Median per call; in brackets, the multiple of the 1k figure (linear growth is 10x, 100x). Inputs are n disjoint intervals, so normalized lists keep all n pieces. At 100k the operations allocate 100k+ result objects, which outgrow V8's default young generation: the extra time there is garbage collection, not the algorithm (compare a run with \`NODE_OPTIONS=--max-semi-space-size=64\`).\n\n${table(['intervals', 'normalize (sort + merge)', 'subtract (linear)', 'intersect (linear)'], rows)}`,
);
