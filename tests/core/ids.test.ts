import { describe, expect, it } from 'vitest';

// The schemas are built when the module loads; loading it inside the tests makes a module that
// throws on import fail these tests instead of silently emptying the file.
const load = () => import('../../src/core/ids.js');

const NAMES = [
  'ActorIdSchema',
  'AppointmentIdSchema',
  'AppointmentTypeIdSchema',
  'AuthorizationIdSchema',
  'CoverageIdSchema',
  'DocumentIdSchema',
  'LocationIdSchema',
  'PatientIdSchema',
  'PayerIdSchema',
  'PlanIdSchema',
  'ProviderIdSchema',
  'ReferralIdSchema',
  'ResourceIdSchema',
  'TemplateIdSchema',
] as const;

describe('branded id schemas', () => {
  it('the kernel has these fourteen ids', async () => {
    const ids = await load();
    expect(
      Object.keys(ids)
        .filter((name) => name.endsWith('IdSchema'))
        .sort(),
    ).toEqual([...NAMES]);
  });

  // Every id is a string of 1 to 128 characters after trimming.
  it.each(NAMES)('%s trims, then wants 1 to 128 characters', async (name) => {
    const schema = (await load())[name];
    expect(schema.safeParse('  P-000123\t').data).toBe('P-000123');
    expect(schema.safeParse('x').success).toBe(true);
    expect(schema.safeParse('a'.repeat(128)).success).toBe(true);
    expect(schema.safeParse('a'.repeat(129)).success).toBe(false);
    // 128 characters inside spaces: the length is counted after trimming.
    expect(schema.safeParse(` ${'a'.repeat(128)} `).success).toBe(true);
    expect(schema.safeParse('').success).toBe(false);
    expect(schema.safeParse('   ').success).toBe(false);
    expect(schema.safeParse(42).success).toBe(false);
  });
});
