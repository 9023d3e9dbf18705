// The library's schemas are built on zod's tree-shakable `zod/mini` API. An app that uses classic
// `zod` composes them into its own schemas: they must parse there exactly as the library's own
// `parseX` does (same values, same issue paths and codes, the same messages where the schema states
// its own, as for the two rules broken below) and infer the same types. A rule without a message of
// the schema's own is worded by classic zod's locale there and by the library's short messages in
// `parseX` (tests/core/messages.test.ts).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { PatientIdSchema, type PatientId } from '../../src/core/index.js';
import { PatientSchema, parsePatient, type Patient } from '../../src/records/index.js';
import { SlotQuerySchema, parseSlotQuery, type SlotQuery } from '../../src/scheduling/index.js';

const ana = {
  id: 'pat-001',
  name: { family: 'Rivera', given: 'Ana' },
  birthDate: '1984-03-09',
  sex: 'female',
};
// Two broken rules: an empty family name and a date that is not a calendar date.
const broken = { id: 'pat-002', name: { family: '', given: 'Ben' }, birthDate: '1984-02-30', sex: 'male' };

describe('exported schemas inside classic zod schemas', () => {
  it('z.array(PatientSchema) parses each element as parsePatient does, defaults included', () => {
    const r = z.array(PatientSchema).safeParse([ana, ana]);
    const one = parsePatient(ana);
    expect(r.success).toBe(true);
    expect(one._tag).toBe('Right');
    if (r.success && one._tag === 'Right') expect(r.data).toEqual([one.right, one.right]);
    // Defaults a user relies on: active, and the empty lists.
    if (r.success) expect(r.data[0]).toMatchObject({ active: true, previousNames: [], phones: [] });
  });

  it('z.object({ p: PatientSchema }) reports the same rules at the same paths, under p', () => {
    const r = z.object({ p: PatientSchema }).safeParse({ p: broken });
    const own = parsePatient(broken);
    expect(r.success).toBe(false);
    expect(own._tag).toBe('Left');
    if (r.success || own._tag !== 'Left') return;
    const classic = r.error.issues.map((i) => ({ path: i.path.join('.'), rule: i.code, message: i.message }));
    const expected = own.left.issues.map((i) => ({
      path: `p.${i.path}`,
      rule: i.rule,
      message: i.message.slice(`${i.path}: `.length),
    }));
    expect(classic).toEqual(expected);
    expect(classic.map((i) => i.path)).toEqual(['p.name.family', 'p.birthDate']);
  });

  it('classic methods apply to a classic wrapper around an exported schema', () => {
    const Ids = z.array(PatientIdSchema).min(1).optional();
    expect(Ids.safeParse(undefined).success).toBe(true);
    expect(Ids.safeParse([]).success).toBe(false);
    expect(Ids.safeParse([' pat-1 ']).data).toEqual(['pat-1']);
    const Named = z.object({ ...PatientSchema.shape, nickname: z.string() }).omit({ consents: true });
    expect(Named.safeParse({ ...ana, nickname: 'A' }).success).toBe(true);
  });

  it('a slot query inside a classic request schema parses as parseSlotQuery does', () => {
    const query = {
      type: 'new-patient',
      from: '2026-11-02T00:00:00-05:00',
      to: '2026-11-07T00:00:00-05:00',
      patientStatus: 'new',
    };
    const own = parseSlotQuery(query);
    const r = z.object({ query: SlotQuerySchema, page: z.number().int() }).safeParse({ query, page: 1 });
    expect(own._tag).toBe('Right');
    if (own._tag === 'Right') expect(r.data?.query).toEqual(own.right);
  });

  it('infers the library types through classic composition', () => {
    expectTypeOf<z.infer<typeof PatientSchema>>().toEqualTypeOf<Patient>();
    expectTypeOf<z.output<ReturnType<typeof z.array<typeof PatientSchema>>>>().toEqualTypeOf<Patient[]>();
    const wrapped = z.object({ p: PatientSchema, id: PatientIdSchema, q: SlotQuerySchema });
    expectTypeOf(wrapped.parse).returns.toEqualTypeOf<{ p: Patient; id: PatientId; q: SlotQuery }>();
  });
});
