// The messages parseWith gives each issue: the library's own short sentences, passed to every
// parse (zod/mini installs none). Expected texts are written by hand from the rule each schema
// states, not taken from a run; a property checks that no message repeats the value it judged.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseWith } from '../../src/core/errors.js';

const issuesOf = (schema: z.core.$ZodType, input: unknown): [string, string, string][] => {
  const r = parseWith('X', schema, input);
  return r._tag === 'Left' ? r.left.issues.map((i) => [i.path, i.rule, i.message]) : [];
};

const TABLE: readonly (readonly [string, z.core.$ZodType, unknown, string, string, string])[] = [
  // what, schema, input, path, rule, message
  ['a number for text', z.string(), 5, '(root)', 'invalid_type', 'expected string, received number'],
  ['a missing field', z.object({ a: z.string() }), {}, 'a', 'invalid_type', 'expected string, received undefined'],
  ['null for an object', z.object({}), null, '(root)', 'invalid_type', 'expected object, received null'],
  ['text for a list', z.array(z.string()), 'x', '(root)', 'invalid_type', 'expected array, received string'],
  ['a fraction for an integer', z.int(), 1.5, '(root)', 'invalid_type', 'expected int, received number'],
  ['NaN for a number', z.number(), Number.NaN, '(root)', 'invalid_type', 'expected number, received NaN'],
  ['empty text', z.string().check(z.minLength(1)), '', '(root)', 'too_small', 'too small: expected at least 1 character'],
  ['long text', z.string().check(z.maxLength(3)), 'abcd', '(root)', 'too_big', 'too big: expected at most 3 characters'],
  ['exact length', z.string().check(z.length(5)), 'abc', '(root)', 'too_small', 'too small: expected exactly 5 characters'],
  ['a long list', z.array(z.int()).check(z.maxLength(2)), [1, 2, 3], '(root)', 'too_big', 'too big: expected at most 2 items'],
  ['a number under its minimum', z.int().check(z.gte(1)), 0, '(root)', 'too_small', 'too small: expected at least 1'],
  ['a number at an exclusive maximum', z.number().check(z.lt(10)), 10, '(root)', 'too_big', 'too big: expected less than 10'],
  ['a multiple', z.int().check(z.multipleOf(5)), 7, '(root)', 'not_multiple_of', 'expected a multiple of 5'],
  ['an enum', z.enum(['male', 'female']), 'x', '(root)', 'invalid_value', "expected one of 'male', 'female'"],
  ['a literal', z.literal('provider'), 'x', '(root)', 'invalid_value', "expected 'provider'"],
  ['a pattern', z.string().check(z.regex(/^\d+$/)), 'a', '(root)', 'invalid_format', 'does not match /^\\d+$/'],
  ['a format', z.email(), 'x', '(root)', 'invalid_format', 'not a valid email'],
  ['an unknown key', z.strictObject({}), { b: 1 }, '(root)', 'unrecognized_keys', "unrecognized key 'b'"],
  ['no union member', z.union([z.string(), z.number()]), true, '(root)', 'invalid_union', 'matches none of the allowed forms'],
  [
    'a discriminator',
    z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]),
    { kind: 'c' },
    'kind',
    'invalid_union',
    "expected one of 'a', 'b'",
  ],
  ['a check without a message', z.string().check(z.refine(() => false)), 'x', '(root)', 'custom', 'invalid input'],
  ['a check with its own message', z.string().check(z.refine(() => false, { message: 'must be odd' })), 'x', '(root)', 'custom', 'must be odd'],
]; // prettier-ignore

describe('parseWith messages', () => {
  it.each(TABLE)('%s', (_what, schema, input, path, rule, message) => {
    expect(issuesOf(schema, input)).toEqual([[path, rule, `${path}: ${message}`]]);
  });

  it('are the same when classic zod is loaded (they are passed to each parse, not installed globally)', async () => {
    const { z: classic } = await import('zod');
    expect(issuesOf(classic.string().min(1), '')).toEqual([
      ['(root)', 'too_small', '(root): too small: expected at least 1 character'],
    ]);
    expect(issuesOf(z.string().check(z.minLength(1)), '')).toEqual([
      ['(root)', 'too_small', '(root): too small: expected at least 1 character'],
    ]);
  });
});

// Values a schema rejects, each planted as the input: a message names the rule, never the value.
// Letters then a digit: no such text is a word of a message or a value a schema accepts.
const planted = fc.stringMatching(/^[A-Za-z]{3}\d[A-Za-z\d]{2,16}$/);
const REJECTING: readonly z.core.$ZodType[] = [
  z.number(),
  z.enum(['male', 'female']),
  z.string().check(z.regex(/^\d+$/)),
  z.string().check(z.maxLength(3)),
  z.email(),
  z.union([z.number(), z.boolean()]),
  z.object({ kind: z.literal('a') }),
];

describe('a message never repeats the value it judged', () => {
  test.prop([planted, fc.constantFrom(...REJECTING)])('planted text', (value, schema) => {
    const r = parseWith('X', schema, value);
    expect(r._tag).toBe('Left');
    expect(JSON.stringify(r)).not.toContain(value);
  });
});
