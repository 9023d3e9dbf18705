// Interval algebra at 1k, 10k and 100k intervals: normalize (sort + merge) and the linear
// subtract / intersect. Growth should be ~10x per step (n log n for normalize).
import {
  intersectIntervals,
  normalizeIntervals,
  subtractIntervals,
  type Interval,
} from '../src/core/interval.js';
import { fmtMs, measure, table, writeSection } from './harness.js';

/** Deterministic pseudo-random intervals (a fixed LCG, so every run measures the same input). */
const generate = (n: number, seed: number): Interval[] => {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  const out: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const start = (next() % (n * 200)) * 60_000;
    out.push({ start, end: start + ((next() % 90) + 5) * 60_000 });
  }
  return out;
};

const rows: string[][] = [];
let base: Record<string, number> = {};
for (const n of [1_000, 10_000, 100_000]) {
  const raw = generate(n, 7);
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
  `## Core: interval algebra\n\n\`npm run bench\` (bench/core.bench.ts). Median per call; in brackets, the multiple of the 1k figure (linear growth is 10x, 100x).\n\n${table(['intervals', 'normalize (sort + merge)', 'subtract (linear)', 'intersect (linear)'], rows)}`,
);
