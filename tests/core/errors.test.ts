import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPath, parseWith, validationError } from '../../src/core/errors.js';

describe('errors', () => {
  it('fieldPath joins zod paths with dots, (root) when empty', () => {
    expect(fieldPath([])).toBe('(root)');
    expect(fieldPath(['names', 0, 'family'])).toBe('names.0.family');
    expect(fieldPath(['a'])).toBe('a');
    expect(fieldPath([Symbol('k')])).toBe('Symbol(k)');
  });

  it('validationError lists every issue with its path and rule, in order', () => {
    // hand-built issues so the expected text does not depend on zod's wording
    const issues = [
      { code: 'invalid_type', path: ['name'], message: 'expected string', expected: 'string', input: 5 },
      { code: 'too_small', path: [], message: 'too short', origin: 'array', minimum: 1, input: [] },
    ] as unknown as Parameters<typeof validationError>[1];
    expect(validationError('Person', issues)).toEqual({
      code: 'validation.failed',
      model: 'Person',
      message: 'Person is invalid: name: expected string; (root): too short',
      issues: [
        { path: 'name', rule: 'invalid_type', message: 'name: expected string' },
        { path: '(root)', rule: 'too_small', message: '(root): too short' },
      ],
    });
  });

  it('parseWith returns Right on success and a coded Left without the input on failure', () => {
    const Person = z.object({ name: z.string(), age: z.number().int() });
    expect(parseWith('Person', Person, { name: 'Ada', age: 36 })).toEqual({
      _tag: 'Right',
      right: { name: 'Ada', age: 36 },
    });
    const r = parseWith('Person', Person, { name: 'Secret Name', age: 'x' });
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.code).toBe('validation.failed');
    expect(r.left.model).toBe('Person');
    expect(r.left.issues.map((i) => [i.path, i.rule])).toEqual([['age', 'invalid_type']]);
    expect(r.left.message.startsWith('Person is invalid: age: ')).toBe(true);
    expect(JSON.stringify(r.left)).not.toContain('Secret Name');
  });
});
