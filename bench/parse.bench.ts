// Parsing at the edge: the schema-heavy entry points timed on their own, to compare schema
// implementations (classic zod against zod/mini) without the rest of a module's benchmark.
// Prints a table (nothing is written to docs/benchmarks.md): median CPU time (process.cpuUsage,
// user + system) and median wall time per call over the samples, after the same warm-up for every
// row, with the 1-minute load average. Seeded inputs, so every run parses the same data.
//
// `npx tsx bench/parse.bench.ts --compile` runs the same rows with zod's opt-in compiler installed
// first (`import 'zod/compile'`, which an app puts before anything that builds schemas): the
// library's modules are loaded after it, so every schema they build is compiled on first parse.
import { loadavg } from 'node:os';
import { fmtMs, seededRandom, table } from './harness.js';

const compiled = process.argv.includes('--compile');
if (compiled) await import('zod/compile');
const { SchedulingCalendarSchema, parseSchedulingCalendar } = await import('../src/scheduling/index.js');
const { PatientSchema, normalizePatient, parsePatient } = await import('../src/records/index.js');
const { generateHealthSystem } = await import('./healthSystem.js');

const cpuAndWall = (fn: () => unknown, samples: number, warmup = 3): { cpu: number; wall: number } => {
  for (let i = 0; i < warmup; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    const w1 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    wall.push(w1 - w0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { cpu: med(cpu), wall: med(wall) };
};

// 1. The scheduling calendar of the scheduling benchmark (60,000 appointments), from JSON.
const raw: unknown = JSON.parse(JSON.stringify(generateHealthSystem()));

// 2. 20,000 patients as registration sends them (mixed case, formatted phones, SSNs with dashes).
const rnd = seededRandom(17);
const GIVEN = ['ana', 'BEN', 'Carla', 'dmitri', 'Émile', 'fatima', 'Grace', 'HIRO'];
const FAMILY = ['rivera', 'NGUYEN', 'Smith', "o'brien", 'García', 'KOWALSKI', 'lee', 'Van Dyke'];
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join('');
const patients = Array.from({ length: 20_000 }, (_, i) => ({
  id: `pat-${i}`,
  name: { family: pick(FAMILY), given: pick(GIVEN) },
  birthDate: `19${String(30 + rnd(70))}-0${String(1 + rnd(9))}-1${String(rnd(9))}`,
  sex: pick(['male', 'female', 'other', 'unknown']),
  addresses: [{ line: [`${String(1 + rnd(999))} main st`], city: 'springfield', state: 'ma', postalCode: `0${digits(4)}` }],
  phones: [{ use: 'mobile', value: `(617) 555-${digits(4)}` }],
  emails: [`Patient.${String(i)}@Example.org`],
  identifiers: [{ kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value: `${digits(3)}-${digits(2)}-${digits(4)}` }],
})); // prettier-ignore

const rows = [
  ['parseSchedulingCalendar, 60,000 appointments', cpuAndWall(() => parseSchedulingCalendar(raw), 11)],
  [
    'SchedulingCalendarSchema.safeParse, the same calendar',
    cpuAndWall(() => SchedulingCalendarSchema.safeParse(raw), 7),
  ],
  ['parsePatient × 20,000', cpuAndWall(() => patients.map((p) => parsePatient(p)), 11)],
  ['PatientSchema.safeParse × 20,000', cpuAndWall(() => patients.map((p) => PatientSchema.safeParse(p)), 11)],
  ['normalizePatient × 20,000', cpuAndWall(() => patients.map((p) => normalizePatient(p, '2026-11-23')), 11)],
] as const;
const load = loadavg()[0]?.toFixed(1) ?? '?';
console.log(
  table(
    ['what', 'CPU median (ms)', 'wall median (ms)'],
    rows.map(([name, t]) => [name, fmtMs(t.cpu), fmtMs(t.wall)]),
  ),
);
console.log(`load ${load}${compiled ? ', zod/compile installed' : ''}`);
