// zod's opt-in compiler (`import 'zod/compile'` in an app's entry point, or `z.compile(schema)`)
// turns a schema into generated code on first parse. The library does not install it (it would
// add about 10 kB gzip to every browser page that parses); an app that parses in bulk on a server
// can, and gets parsePatient about 3x faster than on zod/mini's interpreted parser
// (docs/benchmarks.md, parse speed). Two things make that safe to recommend: every exported schema
// compiles (a schema the compiler refuses silently keeps the runtime parser), and the compiled
// parser gives what the runtime gives, values and issues alike, the runtime being the reference.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as billing from '../../src/billing/index.js';
import * as communications from '../../src/communications/index.js';
import * as core from '../../src/core/index.js';
import { parseWith } from '../../src/core/index.js';
import * as insurance from '../../src/insurance/index.js';
import * as referrals from '../../src/referrals/index.js';
import * as records from '../../src/records/index.js';
import { PatientSchema } from '../../src/records/index.js';
import * as scheduling from '../../src/scheduling/index.js';
import { SchedulingCalendarSchema, SlotQuerySchema } from '../../src/scheduling/index.js';
import {
  appointmentArbitrary,
  availabilityTemplateArbitrary,
  generateHealthSystem,
  patientArbitrary,
  providerArbitrary,
} from '../../src/testing/index.js';

const MODULES: readonly (readonly [string, Readonly<Record<string, unknown>>])[] = [
  ['core', core],
  ['records', records],
  ['insurance', insurance],
  ['referrals', referrals],
  ['billing', billing],
  ['scheduling', scheduling],
  ['communications', communications],
];

const isSchema = (v: unknown): v is z.core.$ZodType => typeof v === 'object' && v !== null && '_zod' in v;

describe('every exported schema compiles with zod/compile', () => {
  it.each(MODULES)('medoffice/%s', (name, mod) => {
    const schemas = Object.entries(mod).filter(([k, v]) => k.endsWith('Schema') && isSchema(v));
    const refused = schemas.flatMap(([k, v]) => {
      try {
        z.compile(v as z.core.$ZodType, { strict: true });
        return [];
      } catch (e) {
        return [`${k}: ${(e as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
    if (name !== 'core') expect(schemas.length).toBeGreaterThan(0);
  });
});

/** A valid value with one field replaced by anything, or removed. */
const withOneFieldChanged = <T extends object>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  valid.chain((v) =>
    fc
      .tuple(fc.constantFrom(...Object.keys(v)), fc.option(fc.anything(), { nil: undefined }))
      .map(([key, value]) => ({ ...v, [key]: value })),
  );

const agree = (model: string, schema: z.core.$ZodType) => {
  const compiled = z.compile(schema, { strict: true });
  return (input: unknown): void => {
    expect(parseWith(model, compiled, input)).toEqual(parseWith(model, schema, input));
  };
};

describe('compiled and runtime parsers give the same result', () => {
  const patient = agree('Patient', PatientSchema);
  test.prop([fc.oneof(patientArbitrary, withOneFieldChanged(patientArbitrary), fc.anything())])(
    'Patient: valid, one field changed, anything',
    (input) => patient(input),
  );

  const query = agree('SlotQuery', SlotQuerySchema);
  const validQuery = fc.record({
    type: fc.constantFrom('new-patient', ' fu-20 ', ''),
    from: fc.constantFrom('2026-11-02T00:00:00-05:00', '2026-11-02', '2026-11-02T09:00:00.5Z'),
    to: fc.constantFrom('2026-11-07T00:00:00-05:00', 'soon'),
    patientStatus: fc.constantFrom('new', 'established', 'any'),
    providers: fc.array(fc.constantFrom('dr-a', 'dr-b', ''), { maxLength: 3 }),
  });
  test.prop([fc.oneof(validQuery, withOneFieldChanged(validQuery), fc.anything())])(
    'SlotQuery: near-valid, one field changed, anything',
    (input) => query(input),
  );

  const calendar = agree('SchedulingCalendar', SchedulingCalendarSchema);
  const small = generateHealthSystem({ providers: 3, resources: 2, appointments: 20, days: 7 });
  const calendars = fc
    .record({
      providers: fc.array(providerArbitrary, { maxLength: 2 }),
      templates: fc.array(availabilityTemplateArbitrary, { maxLength: 2 }),
      appointments: fc.array(appointmentArbitrary(), { maxLength: 3 }),
    })
    .map((parts) => ({ ...small, ...parts }));
  test.prop([fc.oneof(calendars, withOneFieldChanged(calendars), fc.constant(small))], { numRuns: 50 })(
    'SchedulingCalendar: generated parts (often unknown references), one field changed',
    (input) => calendar(input),
  );
});
