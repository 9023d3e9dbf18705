// The hostile-input gate (DESIGN.md rules 3, 8 and 11). Every function exported by every module
// barrel (src/<module>/index.ts, so a new module or export is covered without editing this file)
// must be classified in src/<module>/exports.kind.ts. Then:
// - every `edge` function is called with the fixed hostile corpus (support/corpus.ts) as its
//   first argument, and the `fromFhirX` mappers and X12 readers with structural mutations of the
//   public FHIR and X12 samples in tests/data;
// - every `text` function is called with every hostile string.
// Each call must not throw, must return an Either (edge), must leave its deep-frozen input as it
// was (a write to a frozen object throws in module code), must not pollute Object.prototype, and
// no error or warning may carry the planted fake patient data.
// The mutation corpus is large (every node of every FHIR sample x 8 values; every segment and
// element of every X12 sample, some of which hold thousands): it is sampled deterministically
// (every third FHIR variant; at most 30 evenly spaced variants per X12 sample, the offset moving
// from sample to sample) so that the suite stays under a minute on a loaded 2-core machine. The
// counts are printed.
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportKind } from '../../src/internal/exportKind.js';
import { dataFile, dataFiles, DATA } from '../support/testData.js';
import {
  deepFreeze,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  jsonMutations,
  plantedPhiIn,
  x12Mutations,
  type Hostile,
} from './support/corpus.js';

const SRC = resolve(import.meta.dirname, '../../src');
const FHIR_STRIDE = 3;
const JSON_STRIDE = 20;
const X12_VARIANTS_PER_SAMPLE = 30;

type AnyFunction = (...args: unknown[]) => unknown;

/** Valid arguments after the first, for functions that need them (the first is the hostile one). */
const asOf = '2026-11-23';
const FOLLOWING_ARGUMENTS: Readonly<Record<string, readonly unknown[]>> = {
  normalizePatient: [asOf],
  recurrenceDates: [asOf, asOf, '2026-12-31'],
  patientShareFromPercent: ['patient-percent'],
  redact: [{ asOf }],
  redactFhir: [{ asOf }],
  jaro: ['Robert'],
  jaroWinkler: ['Robert'],
  damerauLevenshtein: ['Robert'],
  withinOneEdit: ['Robert'],
  areNicknames: ['Robert'],
  x12Repetitions: [{ element: '*', component: ':', repetition: '^', segment: '~' }],
  x12Components: [{ element: '*', component: ':', repetition: '^', segment: '~' }],
};

interface Export {
  readonly module: string;
  readonly name: string;
  readonly fn: AnyFunction;
  readonly kind: ExportKind | undefined;
}

const modules = readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(SRC, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const loadExports = async (): Promise<{ exports: Export[]; stale: string[]; untabled: string[] }> => {
  const exports: Export[] = [];
  const stale: string[] = [];
  const untabled: string[] = [];
  for (const module of modules) {
    const barrel = (await import(resolve(SRC, module, 'index.ts'))) as Record<string, unknown>;
    const tablePath = resolve(SRC, module, 'exports.kind.ts');
    const table: Readonly<Record<string, ExportKind>> = existsSync(tablePath)
      ? (Object.values((await import(tablePath)) as Record<string, unknown>)[0] as Record<string, ExportKind>)
      : {};
    if (!existsSync(tablePath)) untabled.push(module);
    for (const [name, value] of Object.entries(barrel))
      if (typeof value === 'function')
        exports.push({
          module,
          name,
          fn: value as AnyFunction,
          kind: Object.hasOwn(table, name) ? table[name] : undefined,
        });
    for (const name of Object.keys(table))
      if (typeof barrel[name] !== 'function') stale.push(`${module}.${name}`);
  }
  return { exports, stale, untabled };
};

const { exports, stale, untabled } = await loadExports();
const edge = exports.filter((e) => e.kind === 'edge');
const text = exports.filter((e) => e.kind === 'text');

const prototypeSnapshot = (): string =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join('|');
const PROTOTYPES = prototypeSnapshot();

/** What went wrong in one call, or undefined. */
const check = (e: Export, input: unknown, needsEither: boolean): string | undefined => {
  let result: unknown;
  try {
    result = e.fn(input, ...(FOLLOWING_ARGUMENTS[e.name] ?? []));
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : typeof error}`;
  }
  if (prototypeSnapshot() !== PROTOTYPES || 'polluted' in {}) return 'polluted a prototype';
  if (!needsEither) return undefined;
  const r = result as { _tag?: unknown; left?: unknown; right?: unknown } | null;
  if (typeof r !== 'object' || r === null || (r._tag !== 'Left' && r._tag !== 'Right'))
    return 'returned no Either';
  const phi = plantedPhiIn(r._tag === 'Left' ? r.left : (r.right as { warnings?: unknown } | null)?.warnings);
  if (phi.length > 0)
    return `${r._tag === 'Left' ? 'error' : 'warning'} repeats planted PHI (${phi.join(', ')})`;
  return undefined;
};

const failures: string[] = [];
const counts = { edge: 0, text: 0, fhir: 0, x12: 0, json: 0 };

/** Runs one function on inputs; a failure is recorded once per function and reason. */
const run = (
  e: Export,
  inputs: Iterable<Hostile>,
  needsEither: boolean,
  tally: keyof typeof counts,
): void => {
  const reported = new Set<string>();
  for (const { label, value } of inputs) {
    counts[tally]++;
    const problem = check(e, value, needsEither);
    if (problem === undefined) continue;
    const key = `${e.module}.${e.name}`;
    const reason = problem.replace(/:.*/, '');
    if (reported.has(reason)) continue;
    reported.add(reason);
    failures.push(`${key} on ${label}: ${problem}`);
  }
};

const FROZEN_VALUES = HOSTILE_VALUES.map((h) => ({ label: h.label, value: deepFreeze(h.value) }));

const frozen = function* (mutations: Iterable<Hostile>): Generator<Hostile> {
  for (const m of mutations) yield { label: m.label, value: deepFreeze(m.value) };
};

/** FHIR resources by type: the HL7 R4 examples, and for Task (none in the examples) tasks written by toFhirTask. */
const fhirSamples = async (): Promise<Map<string, { name: string; json: unknown }[]>> => {
  const byType = new Map<string, { name: string; json: unknown }[]>();
  const add = (type: string, name: string, json: unknown): void => {
    byType.set(type, [...(byType.get(type) ?? []), { name, json }]);
  };
  for (const f of dataFiles('fhir/r4-examples'))
    if (f.endsWith('.json')) {
      const json = JSON.parse(dataFile(`fhir/r4-examples/${f}`)) as { resourceType: string };
      add(json.resourceType, f, json);
    }
  const { reachableReferralArbitrary } = await import('../../src/testing/index.js');
  const { toFhirTask } = await import('../../src/referrals/index.js');
  for (const [i, r] of fc.sample(reachableReferralArbitrary(), { seed: 16, numRuns: 3 }).entries())
    add('Task', `toFhirTask #${i}`, JSON.parse(JSON.stringify(toFhirTask(r))));
  // The shared data has no Communication or CommunicationRequest example: the writers' own output.
  const c = await import('../../src/communications/index.js');
  const { FHIR_SAMPLE_RECEIVED, FHIR_SAMPLE_REMINDER } = await import('../communications/fhirSamples.js');
  const written = {
    toFhirReminderRequest: c.toFhirReminderRequest(FHIR_SAMPLE_REMINDER),
    toFhirReminderCommunication: c.toFhirReminderCommunication(FHIR_SAMPLE_REMINDER),
    toFhirRoutedCommunication: c.toFhirRoutedCommunication(FHIR_SAMPLE_RECEIVED),
    toFhirCallbackRequest: c.toFhirCallbackRequest(FHIR_SAMPLE_RECEIVED),
  };
  for (const [name, resource] of Object.entries(written))
    add(resource.resourceType, name, JSON.parse(JSON.stringify(resource)));
  // Nor a Claim: toFhirClaim's output for the billing guide's three claims.
  const { toFhirClaim } = await import('../../src/billing/index.js');
  const { claims } = await import('../../examples/guides/billing.js');
  for (const [name, claim] of Object.entries(claims()))
    add('Claim', `toFhirClaim ${name}`, JSON.parse(JSON.stringify(toFhirClaim(claim))));
  // Beside the HL7 ClaimResponse and EOB examples: the remittance writers' output for two public 835s.
  const { read835, toFhirClaimResponses, toFhirExplanationsOfBenefit } =
    await import('../../src/billing/index.js');
  for (const file of [
    'LinuxForHealth__x12__managed-care.835',
    'LinuxForHealth__x12__secondary-payment.835',
  ]) {
    const read = read835(dataFile(`x12/835/${file}`));
    const [remittance] = read._tag === 'Right' ? read.right.remittances : [];
    if (remittance === undefined) continue;
    for (const r of toFhirClaimResponses(remittance))
      add('ClaimResponse', `toFhirClaimResponses ${file}`, JSON.parse(JSON.stringify(r)));
    for (const r of toFhirExplanationsOfBenefit(remittance))
      add('ExplanationOfBenefit', `toFhirExplanationsOfBenefit ${file}`, JSON.parse(JSON.stringify(r)));
  }
  return byType;
};

const x12Samples = (): { name: string; text: string }[] =>
  readdirSync(resolve(DATA, 'x12'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      dataFiles(`x12/${d.name}`).map((f) => ({
        name: `${d.name}/${f}`,
        text: dataFile(`x12/${d.name}/${f}`),
      })),
    )
    .filter((s) => s.text.startsWith('ISA'));

describe('hostile-input gate', () => {
  it('every exported function of every module is classified in src/<module>/exports.kind.ts', () => {
    const missing = exports.filter((e) => e.kind === undefined).map((e) => `${e.module}.${e.name}`);
    expect(
      { missing, stale, untabled },
      'Classify each function in src/<module>/exports.kind.ts: edge (takes outside data, returns an Either, ' +
        'never throws), text (takes outside text, never throws on a string) or core (takes validated values). ' +
        'Remove entries for functions no longer exported.',
    ).toEqual({ missing: [], stale: [], untabled: [] });
  });

  it('edge functions survive the hostile corpus', () => {
    for (const e of edge) run(e, FROZEN_VALUES, true, 'edge');
    for (const e of text) run(e, HOSTILE_STRINGS, false, 'text');
    expect(failures).toEqual([]);
  });

  it('FHIR mappers survive structural mutations of the public FHIR examples', async () => {
    const samples = await fhirSamples();
    const mappers = edge.filter((e) => /^fromFhir[A-Z]/.test(e.name));
    expect(mappers.length).toBeGreaterThan(0);
    for (const e of mappers) {
      const type = e.name.replace(/^fromFhir/, '');
      const own = samples.get(type) ?? [];
      expect(own.length, `no FHIR ${type} sample for ${e.name}: add one to tests/data/fhir`).toBeGreaterThan(
        0,
      );
      for (const [i, s] of own.entries()) {
        run(e, [{ label: s.name, value: deepFreeze(structuredClone(s.json)) }], true, 'fhir');
        run(e, frozen(labelled(s.name, jsonMutations(s.json as never, FHIR_STRIDE, i))), true, 'fhir');
      }
    }
    expect(failures).toEqual([]);
  });

  it('X12 readers survive structural mutations of the public X12 samples', () => {
    const readers = edge.filter((e) => /^(parseX12|read\d{3}[a-z]?)$/i.test(e.name));
    expect(readers.length).toBeGreaterThan(0);
    for (const e of readers)
      for (const [i, s] of x12Samples().entries())
        run(e, labelled(s.name, x12Mutations(s.text, X12_VARIANTS_PER_SAMPLE, i)), true, 'x12');
    expect(failures).toEqual([]);
  });

  it('the clearinghouse reader survives structural mutations of the public clearinghouse JSON', () => {
    const reader = edge.find((e) => e.name === 'fromClearinghouseEligibility');
    expect(reader).toBeDefined();
    if (reader === undefined) return;
    for (const [i, f] of dataFiles('x12/json').entries()) {
      const json = JSON.parse(dataFile(`x12/json/${f}`)) as never;
      run(reader, frozen(labelled(f, jsonMutations(json, JSON_STRIDE, i))), true, 'json');
    }
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    console.log(
      [
        `hostile gate: ${exports.length} exported functions in ${modules.length} modules`,
        `  edge: ${edge.length} functions x ${FROZEN_VALUES.length} hostile values = ${counts.edge} calls`,
        `  text: ${text.length} functions x ${HOSTILE_STRINGS.length} hostile strings = ${counts.text} calls`,
        `  FHIR mappers x mutated HL7 examples (every ${FHIR_STRIDE}rd variant): ${counts.fhir} calls`,
        `  X12 readers x mutated X12 samples (<= ${X12_VARIANTS_PER_SAMPLE} per sample): ${counts.x12} calls`,
        `  clearinghouse reader x mutated JSON (every ${JSON_STRIDE}th variant): ${counts.json} calls`,
        `  ${failures.length} failures`,
      ].join('\n'),
    );
  });
});

function* labelled(prefix: string, items: Iterable<Hostile>): Generator<Hostile> {
  for (const m of items) yield { label: `${prefix}: ${m.label}`, value: m.value };
}
