// The cold rows of bench/billing.bench.ts: run in a fresh process, reads the public 835 corpus once
// with the reader named on the command line (read835, or node-x12's lenient parse) and prints the
// CPU milliseconds of that first pass (after the imports, so module loading is not counted; JIT
// warm-up is). Files node-x12 cannot parse are left out for both, as in the warm rows. With a
// fourth argument, the process first idles that many milliseconds: process.cpuUsage counts every
// thread, and the optimizing compiler is then often still compiling, on a thread of its own,
// functions that loading the modules and the files made hot (node:path's normalizeString, the
// loader's); idling lets that work finish before the first pass is timed, whichever reader it is.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { X12Parser } from 'node-x12';
import { read835 } from '../src/billing/x12/read835.js';

const DIR = resolve(import.meta.dirname, '../tests/data/x12/835');
const nodeX12 = (text: string): unknown => new X12Parser(false).parse(text);
const parses = (t: string): boolean => {
  try {
    nodeX12(t);
    return true;
  } catch {
    return false;
  }
};
const files = readdirSync(DIR)
  .sort()
  .map((f) => readFileSync(resolve(DIR, f), 'utf8'));
const reader = process.argv[2];
// Which files both read is decided in a child of its own (bench/billing.bench.ts passes the list),
// so that this process's first pass is the first call of the reader timed.
const keep = (process.argv[3] ?? '').split(',').map(Number);
const corpus = files.filter((_, i) => keep.includes(i));
const read = reader === 'node-x12' ? nodeX12 : (t: string) => read835(t);
const settle = Number(process.argv[4] ?? 0);
if (settle > 0) await new Promise((done) => setTimeout(done, settle));
const c0 = process.cpuUsage();
let sink: unknown;
for (const t of corpus) sink = read(t);
const c = process.cpuUsage(c0);
if (sink === Symbol.for('never') || parses === undefined) console.log('');
console.log(((c.user + c.system) / 1000).toFixed(3));
