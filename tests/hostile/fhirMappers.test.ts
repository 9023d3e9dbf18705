// The `fromFhirX` mappers take FHIR JSON from outside (issue 16): whatever its shape they return
// an Either, never throw, and a Left names the path of the element that is wrong. The property
// below mutates every node of every vendored FHIR example the mappers read (each set to null, 0,
// "", [], {}, [null], planted patient data, or deleted: every variant, not a sample) and then
// random combinations of up to three such mutations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFhirCoverage } from '../../src/insurance/index.js';
import { fromFhirPatient, fromFhirPractitioner } from '../../src/records/index.js';
import { fromFhirServiceRequest, fromFhirTask, toFhirTask } from '../../src/referrals/index.js';
import { fromFhirAppointment, fromFhirSchedule, fromFhirSlot } from '../../src/scheduling/index.js';
import {
  fromFhirCommunication,
  fromFhirCommunicationRequest,
  toFhirCallbackRequest,
  toFhirReminderCommunication,
  toFhirReminderRequest,
  toFhirRoutedCommunication,
} from '../../src/communications/index.js';
import { FHIR_SAMPLE_RECEIVED, FHIR_SAMPLE_REMINDER } from '../communications/fhirSamples.js';
import {
  fromFhirClaimResponse,
  fromFhirExplanationOfBenefit,
  read835,
  toFhirClaimResponses,
  toFhirExplanationsOfBenefit,
} from '../../src/billing/index.js';
import { reachableReferralArbitrary } from '../../src/testing/index.js';
import { dataFile, dataFiles } from '../support/testData.js';
import { jsonMutations, plantedPhiIn, PHI_TEXT } from './support/corpus.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Mapper = (input: unknown) => unknown;

const MAPPERS: Readonly<Record<string, Mapper>> = {
  Patient: fromFhirPatient,
  Practitioner: fromFhirPractitioner,
  Coverage: fromFhirCoverage,
  ServiceRequest: fromFhirServiceRequest,
  Task: fromFhirTask,
  Appointment: fromFhirAppointment,
  Schedule: fromFhirSchedule,
  Slot: fromFhirSlot,
  Communication: fromFhirCommunication,
  CommunicationRequest: fromFhirCommunicationRequest,
  ClaimResponse: fromFhirClaimResponse,
  ExplanationOfBenefit: fromFhirExplanationOfBenefit,
};

interface Sample {
  readonly name: string;
  readonly type: string;
  readonly json: Json;
}

/** Every vendored resource a mapper reads: HL7 R4 examples, bulk NDJSON, the BFD Coverage bundle, Tasks. */
const samples = (): Sample[] => {
  const out: Sample[] = [];
  const add = (name: string, json: Json): void => {
    const type = (json as { resourceType?: string }).resourceType ?? '';
    if (Object.hasOwn(MAPPERS, type)) out.push({ name, type, json });
  };
  for (const f of dataFiles('fhir/r4-examples'))
    if (f.endsWith('.json')) add(f, JSON.parse(dataFile(`fhir/r4-examples/${f}`)) as Json);
  for (const f of dataFiles('fhir/bulk-ndjson-10-patients'))
    for (const [i, line] of dataFile(`fhir/bulk-ndjson-10-patients/${f}`).split('\n').entries())
      if (line.trim() !== '') add(`${f}#${i}`, JSON.parse(line) as Json);
  const bfd = JSON.parse(
    dataFile('fhir/cms-bfd/CMSgov__beneficiary-fhir-data__coverageSearchByPatientId.json'),
  ) as { entry: { resource: Json }[] };
  for (const [i, e] of bfd.entry.entries()) add(`BFD Coverage #${i}`, e.resource);
  for (const [i, r] of fc.sample(reachableReferralArbitrary(), { seed: 16, numRuns: 5 }).entries())
    add(`toFhirTask #${i}`, JSON.parse(JSON.stringify(toFhirTask(r))) as Json);
  // No Communication or CommunicationRequest among the vendored examples: the mappers' own output.
  add(
    'toFhirReminderRequest',
    JSON.parse(JSON.stringify(toFhirReminderRequest(FHIR_SAMPLE_REMINDER))) as Json,
  );
  add(
    'toFhirReminderCommunication',
    JSON.parse(JSON.stringify(toFhirReminderCommunication(FHIR_SAMPLE_REMINDER))) as Json,
  );
  add(
    'toFhirRoutedCommunication',
    JSON.parse(JSON.stringify(toFhirRoutedCommunication(FHIR_SAMPLE_RECEIVED))) as Json,
  );
  add(
    'toFhirCallbackRequest',
    JSON.parse(JSON.stringify(toFhirCallbackRequest(FHIR_SAMPLE_RECEIVED))) as Json,
  );
  // Beside the HL7 ClaimResponse and EOB examples: the remittance writers' output for a public 835.
  const read = read835(dataFile('x12/835/LinuxForHealth__x12__managed-care.835'));
  for (const remittance of read._tag === 'Right' ? read.right.remittances : []) {
    for (const r of toFhirClaimResponses(remittance))
      add('toFhirClaimResponses managed-care', JSON.parse(JSON.stringify(r)) as Json);
    for (const r of toFhirExplanationsOfBenefit(remittance))
      add('toFhirExplanationsOfBenefit managed-care', JSON.parse(JSON.stringify(r)) as Json);
  }
  return out;
};

const SAMPLES = samples();

/** What is wrong with one result, or undefined: a throw, no Either, a Left without a path, planted PHI. */
const problem = (map: Mapper, input: unknown): string | undefined => {
  let r: unknown;
  try {
    r = map(input);
  } catch (e) {
    return `threw ${e instanceof Error ? e.message : typeof e}`;
  }
  const either = r as { _tag?: string; left?: { code?: unknown; message?: unknown; issues?: unknown } };
  if (either._tag === 'Right') return undefined;
  if (either._tag !== 'Left') return 'returned no Either';
  const left = either.left ?? {};
  if (typeof left.code !== 'string' || typeof left.message !== 'string') return 'Left without code';
  if (left.code === 'validation.failed' && !(Array.isArray(left.issues) && left.issues.length > 0))
    return 'validation error without issues';
  if (plantedPhiIn(left).length > 0) return 'Left repeats planted PHI';
  return undefined;
};

describe('fromFhirX mappers on JSON-shaped hostile input', () => {
  it('has samples for every mapper', () => {
    expect(new Set(SAMPLES.map((s) => s.type))).toEqual(new Set(Object.keys(MAPPERS)));
  });

  it('every structural mutation of every vendored example: no throw, an Either, a coded Left', () => {
    const counts = new Map<string, number>();
    const failures: string[] = [];
    for (const s of SAMPLES) {
      const map = MAPPERS[s.type] as Mapper;
      for (const m of jsonMutations(s.json)) {
        counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
        const p = problem(map, m.value);
        if (p !== undefined && failures.length < 20) failures.push(`${s.name}: ${m.label}: ${p}`);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fromFhirX mutations: ${Object.keys(MAPPERS).length} mappers x ${SAMPLES.length} resources, ` +
        `${total} variants (${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')})`,
    );
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(15_000);
  });

  it('random combinations of up to three mutations: no throw, an Either, a coded Left', () => {
    const replacements: readonly (() => unknown)[] = [
      () => null,
      () => 0,
      () => '',
      () => [],
      () => ({}),
      () => [null],
      () => PHI_TEXT,
      () => true,
      () => -1.5,
    ];
    const mutate = (root: Json, picks: readonly (readonly [number, number])[]): unknown => {
      const copy = structuredClone(root);
      for (const [at, how] of picks) {
        const nodes: { parent: Record<string | number, unknown>; key: string | number }[] = [];
        const stack: unknown[] = [copy];
        while (stack.length > 0) {
          const v = stack.pop();
          if (typeof v !== 'object' || v === null) continue;
          for (const [k, c] of Object.entries(v)) {
            nodes.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
            stack.push(c);
          }
        }
        const node = nodes[at % Math.max(1, nodes.length)];
        if (node === undefined) continue;
        const make = replacements[how % (replacements.length + 1)];
        if (make === undefined) delete node.parent[node.key];
        else node.parent[node.key] = make();
      }
      return copy;
    };
    fc.assert(
      fc.property(
        fc.nat(SAMPLES.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
        (i, picks) => {
          const s = SAMPLES[i] as Sample;
          expect(problem(MAPPERS[s.type] as Mapper, mutate(s.json, picks))).toBeUndefined();
        },
      ),
      { numRuns: 3_000, seed: 1616 },
    );
  });
});

describe('the shapes named in issue 16 are Lefts naming the path', () => {
  const paths = (r: unknown): string[] => {
    const left = (
      r as { _tag: string; left?: { issues?: { path: string }[]; details?: { fields?: string[] } } }
    ).left;
    return left?.issues?.map((i) => i.path) ?? left?.details?.fields ?? [];
  };

  it('a HumanName object where Patient.name is an array', () => {
    const r = fromFhirPatient({ resourceType: 'Patient', name: { family: 'Doe' } });
    expect(r._tag).toBe('Left');
    expect(paths(r)).toEqual(['name']);
  });

  it('an Identifier object where Coverage.identifier is an array', () => {
    expect(paths(fromFhirCoverage({ resourceType: 'Coverage', identifier: {} }))).toEqual(['identifier']);
  });

  it('an actor object where Schedule.actor is an array', () => {
    expect(paths(fromFhirSchedule({ resourceType: 'Schedule', actor: {} }))).toEqual(['actor']);
  });

  it('a null ServiceRequest.subject', () => {
    expect(paths(fromFhirServiceRequest({ status: 'active', intent: 'order', subject: null }))).toEqual([
      'subject',
    ]);
  });

  it('null in a list: Practitioner.identifier[0], Appointment.participant[1], Task.input[0]', () => {
    expect(paths(fromFhirPractitioner({ identifier: [null] }))).toEqual(['identifier.0']);
    expect(
      paths(
        fromFhirAppointment({
          resourceType: 'Appointment',
          status: 'booked',
          participant: [{ actor: { reference: 'Patient/p' } }, null],
        }),
      ),
    ).toEqual(['participant.1']);
    expect(paths(fromFhirTask({ status: 'requested', input: [null] }))).toEqual(['input.0']);
  });

  it('a Slot status that is no SlotStatus and a reference that is a number', () => {
    const slot = { resourceType: 'Slot', start: '2026-11-23T09:00:00Z', end: '2026-11-23T09:30:00Z' };
    expect(paths(fromFhirSlot({ ...slot, status: 'open' }))).toEqual(['status']);
    expect(paths(fromFhirSlot({ ...slot, status: 'free', schedule: { reference: 0 } }))).toEqual([
      'schedule.reference',
    ]);
  });

  it('null, undefined and a number for every mapper', () => {
    for (const map of Object.values(MAPPERS))
      for (const v of [null, undefined, 42]) {
        const r = map(v) as { _tag: string };
        expect(r._tag).toBe('Left');
      }
  });

  it('a timezone extension naming no zone is refused, not passed on', () => {
    const r = fromFhirSchedule({
      resourceType: 'Schedule',
      actor: [{ reference: 'Practitioner/dr-a' }],
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: 'Mars/Olympus' }],
    });
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'fhir.invariant', field: 'extension(timezone)' } });
  });
});
