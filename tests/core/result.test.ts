import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  andThen,
  collectAll,
  err,
  isErr,
  isOk,
  mapError,
  mapResult,
  matchResult,
  ok,
  pipe,
  unwrapOr,
} from '../../src/core/result.js';
import { fieldPath, parseWith, validationError } from '../../src/core/errors.js';
import { PatientIdSchema, ProviderIdSchema } from '../../src/core/ids.js';

describe('results', () => {
  it('are plain data that narrow without fp-ts', () => {
    const good = ok(1);
    const bad = err({ code: 'x.y', message: 'm' });
    expect(JSON.parse(JSON.stringify(good))).toEqual({ _tag: 'Right', right: 1 });
    expect(isOk(good) && good.right).toBe(1);
    expect(isErr(bad) && bad.left.code).toBe('x.y');
    // Each side narrows only its own kind.
    expect([isOk(bad), isErr(good)]).toEqual([false, false]);
    expect(unwrapOr(bad, 0)).toBe(0);
    expect(unwrapOr(good, 0)).toBe(1);
  });

  it('compose with pipe', () => {
    const half = (n: number) => (n % 2 === 0 ? ok(n / 2) : err(`odd:${n}`));
    expect(
      pipe(
        ok(8),
        andThen(half),
        andThen(half),
        mapResult((n) => n + 1),
      ),
    ).toEqual(ok(3));
    expect(
      pipe(
        ok(6),
        andThen(half),
        andThen(half),
        mapError((e) => e.toUpperCase()),
      ),
    ).toEqual(err('ODD:3'));
    expect(
      pipe(
        ok(2),
        matchResult(
          (e: string) => e,
          (n) => `v${n}`,
        ),
      ),
    ).toBe('v2');
  });

  it('collectAll keeps every error, not only the first', () => {
    expect(collectAll([ok(1), ok(2)])).toEqual(ok([1, 2]));
    expect(collectAll([ok(1), err('a'), err('b')])).toEqual(err(['a', 'b']));
  });
});

describe('validation errors', () => {
  const Schema = z.object({
    id: PatientIdSchema,
    names: z.array(z.object({ family: z.string().min(1) })),
    ssn: z.string().regex(/^\d{9}$/),
  });

  it('list every issue with its field path and never the value', () => {
    const secret = '078-05-1120';
    const r = parseWith('Patient', Schema, { id: '', names: [{ family: '' }], ssn: secret });
    expect(isErr(r)).toBe(true);
    if (!isErr(r)) return;
    expect(r.left.code).toBe('validation.failed');
    expect(r.left.model).toBe('Patient');
    expect(r.left.issues.map((i) => i.path)).toEqual(['id', 'names.0.family', 'ssn']);
    expect(JSON.stringify(r.left)).not.toContain(secret);
    expect(JSON.stringify(r.left)).not.toContain('078');
  });

  it('parse functions never throw, whatever the input', () => {
    for (const input of [undefined, null, 42, 'x', [], {}, { id: {} }, Symbol('s'), () => 1]) {
      expect(() => parseWith('Patient', Schema, input)).not.toThrow();
      expect(isErr(parseWith('Patient', Schema, input))).toBe(true);
    }
  });

  it('formats paths', () => {
    expect(fieldPath([])).toBe('(root)');
    expect(fieldPath(['a', 0, 'b'])).toBe('a.0.b');
    expect(validationError('X', []).issues).toEqual([]);
  });

  it('branded ids parse from strings and trim', () => {
    expect(parseWith('ProviderId', ProviderIdSchema, '  dr-patel ')).toEqual(ok('dr-patel'));
    expect(isErr(parseWith('ProviderId', ProviderIdSchema, '   '))).toBe(true);
  });
});
