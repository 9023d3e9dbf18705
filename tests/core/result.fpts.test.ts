// The result helpers build and read fp-ts Either data without importing fp-ts at run time (a
// bundle weight matter): fp-ts itself is the oracle, and they must agree with it on every input.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { either as E, function as F } from 'fp-ts';
import { andThen, err, mapError, mapResult, matchResult, ok, pipe } from '../../src/core/result.js';

interface Pair {
  readonly ours: E.Either<string, number>;
  readonly theirs: E.Either<string, number>;
}
const either = fc.oneof(
  fc.integer().map((n): Pair => ({ ours: ok(n), theirs: E.right(n) })),
  fc.string().map((s): Pair => ({ ours: err(s), theirs: E.left(s) })),
);
const step = (n: number) => (n % 3 === 0 ? E.left(`three:${n}`) : E.right(n * 2));

describe('result helpers agree with fp-ts', () => {
  test.prop([either])('constructors, map, mapLeft, flatMap (both forms), match', ({ ours, theirs }) => {
    expect(ours).toEqual(theirs);
    expect(
      pipe(
        ours,
        mapResult((n: number) => n + 1),
      ),
    ).toEqual(
      F.pipe(
        theirs,
        E.map((n) => n + 1),
      ),
    );
    expect(
      pipe(
        ours,
        mapError((s: string) => s.length),
      ),
    ).toEqual(
      F.pipe(
        theirs,
        E.mapLeft((s) => s.length),
      ),
    );
    expect(pipe(ours, andThen(step))).toEqual(F.pipe(theirs, E.flatMap(step)));
    expect(andThen(ours, step)).toEqual(E.flatMap(theirs, step));
    const fold = (r: E.Either<string, number>) =>
      matchResult(
        (s: string) => `L${s}`,
        (n: number) => `R${n}`,
      )(r);
    expect(fold(ours)).toBe(
      E.match(
        (s: string) => `L${s}`,
        (n: number) => `R${n}`,
      )(theirs),
    );
    // fp-ts functions take our values, and ours take theirs.
    expect(
      F.pipe(
        ours,
        E.map((n) => n * 3),
      ),
    ).toEqual(
      pipe(
        theirs,
        mapResult((n: number) => n * 3),
      ),
    );
  });

  test.prop([fc.integer(), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 9 })])(
    'pipe applies functions left to right, as fp-ts pipe',
    (start, adds) => {
      const fns = adds.map((a, i) => (x: number) => (i % 2 === 0 ? x + a : x * a));
      const ours = (pipe as (a: unknown, ...f: ((x: number) => number)[]) => unknown)(start, ...fns);
      expect(ours).toBe(fns.reduce((x, f) => f(x), start));
    },
  );
});
