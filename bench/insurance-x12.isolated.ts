// The isolated 5 MB rows of bench/insurance-x12.bench.ts: one reader (named on the command line:
// read271, read271-all, node-x12) alone in a fresh process, so its samples never collect another
// reader's garbage. Same warm-up and samples as the interleaved row; prints the CPU milliseconds of
// each sample as JSON.
import { X12Parser } from 'node-x12';
import { read271 } from '../src/insurance/x12/read271.js';
import { interchange } from './insurance-x12.data.js';

const big = interchange(5 * 2 ** 20);
const readers: Record<string, (t: string) => unknown> = {
  read271: (t) => read271(t),
  'read271-all': (t) => {
    const r = read271(t);
    if (r._tag === 'Right')
      for (const x of r.right.responses) if (x.benefits.length < 0 || x.warnings.length < 0) return x;
    return r;
  },
  'node-x12': (t) => new X12Parser(false).parse(t),
};
const read = readers[process.argv[2] ?? ''] ?? readers['read271'];
const WARMUP = 3;
const SAMPLES = 11;
let sink: unknown;
for (let i = 0; i < WARMUP; i++) sink = read?.(big);
const cpu: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const c0 = process.cpuUsage();
  sink = read?.(big);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
if (sink === Symbol.for('never')) console.log('');
console.log(JSON.stringify({ bytes: big.length, cpu }));
