// A small benchmark harness: medians over repeated samples, and a writer that replaces one
// module's section of docs/benchmarks.md so each bench file can run on its own.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { X12Parser } from 'node-x12';

export interface Measurement {
  readonly name: string;
  /** Median time of one call, ms. */
  readonly medianMs: number;
  readonly samples: number;
}

/**
 * Times `fn` over `samples` samples (after warm-up); each sample runs `fn` `inner` times and the
 * per-call time is the sample's total divided by `inner`.
 */
export const measure = (
  name: string,
  fn: () => unknown,
  { samples = 21, inner = 1, warmup = 3 } = {},
): Measurement => {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) for (let k = 0; k < inner; k++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) sink = fn();
    times.push((performance.now() - t0) / inner);
  }
  if (sink === Symbol.for('never')) console.log('');
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN, samples };
};

export const fmtMs = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toExponential(2);

export const machine = (): string =>
  `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;

const FILE = resolve(import.meta.dirname, '../docs/benchmarks.md');

/** Replaces the `key` section of docs/benchmarks.md (between its markers), adding it if absent. */
export const writeSection = (key: string, markdown: string): void => {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const body = `${start}\n${markdown.trim()}\n\n_Measured on ${machine()}._\n${end}`;
  const current = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : '# Benchmarks\n\nFigures written by `npm run bench`. Medians over repeated samples; these machines are noisy, so compare ratios measured in the same run.\n';
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + body + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${body}\n`;
  writeFileSync(FILE, next);
  console.log(markdown.trim());
};

export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/**
 * A deterministic pseudo-random source, so every run measures the same input: a 32-bit LCG in
 * integer arithmetic (`Math.imul`), high bits used. (`(x * a + c) % 2 ** 31` in doubles loses the
 * low bits past 2^53 and falls into a cycle of a few thousand values.)
 */
export const seededRandom = (seed: number): ((n: number) => number) => {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return Math.floor((x / 2 ** 32) * n);
  };
};

/** node-x12's lenient parse, the peer of the X12 readers: it throws on some real files. */
export const nodeX12 = (text: string): unknown => new X12Parser(false).parse(text);

/** Whether `fn` runs without throwing (node-x12 on a file: those it cannot parse are left out for both). */
export const runs = (fn: () => unknown): boolean => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

/** One contender's figures over a side-by-side run. */
export interface Timing {
  /** Median CPU ms of one pass. */
  readonly cpu: number;
  /** Median wall ms of one pass. */
  readonly wall: number;
  /** Best (lowest) CPU ms of one pass. */
  readonly best: number;
}

const medianOf = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Readers side by side over the same inputs: `warmup` passes each, then `samples` samples of
 * `inner` passes, rotating which reader goes first. CPU time (process.cpuUsage, user + system) and
 * wall time per pass, medians and the best CPU sample, in the order of `contenders`.
 */
export const compareSideBySide = (
  contenders: readonly ((t: string) => unknown)[],
  inputs: readonly string[],
  { warmup, samples, inner }: { warmup: number; samples: number; inner: number },
): Timing[] => {
  let sink: unknown;
  for (const read of contenders) for (let i = 0; i < warmup; i++) for (const t of inputs) sink = read(t);
  const cpu: number[][] = contenders.map(() => []);
  const wall: number[][] = contenders.map(() => []);
  for (let s = 0; s < samples; s++)
    for (let j = 0; j < contenders.length; j++) {
      const k = (s + j) % contenders.length;
      const read = contenders[k];
      if (read === undefined) continue;
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (let i = 0; i < inner; i++) for (const t of inputs) sink = read(t);
      const c = process.cpuUsage(c0);
      wall[k]?.push((performance.now() - w0) / inner);
      cpu[k]?.push((c.user + c.system) / 1000 / inner);
    }
  if (sink === Symbol.for('never')) console.log('');
  return contenders.map((_, k) => ({
    cpu: medianOf(cpu[k] ?? []),
    wall: medianOf(wall[k] ?? []),
    best: Math.min(...(cpu[k] ?? [])),
  }));
};
