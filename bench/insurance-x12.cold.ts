// The cold row of bench/insurance-x12.bench.ts: run in a fresh process, reads the public 271 corpus
// once with the reader named on the command line (read271, read271-all: every benefit and warning
// read too, or node-x12) and prints the CPU milliseconds of that first
// pass (after the imports, so module loading is not counted; JIT warm-up is).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { X12Parser } from 'node-x12';
import { read271 } from '../src/insurance/x12/read271.js';

const DIR = resolve(import.meta.dirname, '../tests/data/x12/271');
const nodeX12 = (text: string): unknown => {
  try {
    return new X12Parser(false).parse(text);
  } catch {
    return undefined;
  }
};
const files = readdirSync(DIR)
  .sort()
  .map((f) => readFileSync(resolve(DIR, f), 'utf8'));
/** read271 with every response's benefits and warnings read (every EB interpreted). */
const read271All = (t: string): unknown => {
  const r = read271(t);
  if (r._tag === 'Right')
    for (const x of r.right.responses) if (x.benefits.length < 0 || x.warnings.length < 0) return x;
  return r;
};
const reader = process.argv[2];
const read =
  reader === 'node-x12' ? nodeX12 : reader === 'read271-all' ? read271All : (t: string) => read271(t);
const c0 = process.cpuUsage();
let sink: unknown;
for (const t of files) sink = read(t);
const c = process.cpuUsage(c0);
if (sink === Symbol.for('never')) console.log('');
console.log(((c.user + c.system) / 1000).toFixed(3));
