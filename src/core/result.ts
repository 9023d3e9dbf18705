/**
 * Results: the one file that imports fp-ts.
 *
 * Fallible functions return fp-ts `Either`: plain data, `{ _tag: 'Left', left: error }` or
 * `{ _tag: 'Right', right: value }`. Users who don't know fp-ts narrow with {@link isOk} and
 * {@link isErr}; fp-ts users `pipe` as usual.
 */
import { either as E, function as F } from 'fp-ts';

/** A value of type `A`, or an error of type `L`. Plain data, safe to serialize. */
export type Either<L, A> = E.Either<L, A>;
/** The failure side of an {@link Either}. */
export type Left<L> = E.Left<L>;
/** The success side of an {@link Either}. */
export type Right<A> = E.Right<A>;

/**
 * Wraps a success.
 *
 * @param value - the result
 * @returns `Right(value)`
 * @example
 * ok(42); // { _tag: 'Right', right: 42 }
 */
export const ok = <A, L = never>(value: A): Either<L, A> => E.right(value);

/**
 * Wraps a failure.
 *
 * @param error - the coded error
 * @returns `Left(error)`
 * @example
 * err({ code: 'money.not-integer', message: 'amount must be whole cents' });
 */
export const err = <L, A = never>(error: L): Either<L, A> => E.left(error);

/**
 * Narrows a result to its success side.
 *
 * @param result - any result
 * @returns true when the result holds a value (`result.right`)
 * @example
 * const r = parseCents(250);
 * if (isOk(r)) console.log(r.right);
 */
export const isOk = <L, A>(result: Either<L, A>): result is Right<A> => result._tag === 'Right';

/**
 * Narrows a result to its failure side.
 *
 * @param result - any result
 * @returns true when the result holds an error (`result.left`)
 * @example
 * const r = parseCents(2.5);
 * if (isErr(r)) console.log(r.left.code); // 'money.not-integer'
 */
export const isErr = <L, A>(result: Either<L, A>): result is Left<L> => result._tag === 'Left';

/**
 * Returns the value, or `fallback` when the result is an error.
 *
 * @param result - any result
 * @param fallback - the value to use on failure
 * @returns the success value or the fallback
 * @example
 * unwrapOr(parseCents(2.5), 0); // 0
 */
export const unwrapOr = <L, A, B>(result: Either<L, A>, fallback: B): A | B =>
  isOk(result) ? result.right : fallback;

/**
 * Collects a list of results: all values, or every error (not only the first).
 *
 * @param results - results to combine
 * @returns `Right(values)` when all succeed, else `Left(errors)` in input order
 * @example
 * collectAll([ok(1), ok(2)]); // Right([1, 2])
 */
export const collectAll = <L, A>(results: readonly Either<L, A>[]): Either<readonly L[], readonly A[]> => {
  const values: A[] = [];
  const errors: L[] = [];
  for (const r of results) {
    if (isOk(r)) values.push(r.right);
    else errors.push(r.left);
  }
  return errors.length > 0 ? err(errors) : ok(values);
};

/**
 * fp-ts `pipe`, re-exported so callers need no fp-ts import.
 *
 * @example
 * pipe(parseCents(250), mapResult((c) => c * 2));
 */
export const pipe: typeof F.pipe = F.pipe;
/**
 * fp-ts `Either.map`: transforms the success value.
 *
 * @example
 * pipe(ok(2), mapResult((n) => n + 1)); // Right(3)
 */
export const mapResult: typeof E.map = E.map;
/**
 * fp-ts `Either.mapLeft`: transforms the error.
 *
 * @example
 * pipe(err('x'), mapError((e) => ({ code: e }))); // Left({ code: 'x' })
 */
export const mapError: typeof E.mapLeft = E.mapLeft;
/**
 * fp-ts `Either.flatMap`: chains a fallible step.
 *
 * @example
 * pipe(ok(2), andThen((n) => (n > 1 ? ok(n) : err('small'))));
 */
export const andThen: typeof E.flatMap = E.flatMap;
/**
 * fp-ts `Either.match`: folds both sides into one value.
 *
 * @example
 * pipe(ok(2), matchResult((e) => `error ${String(e)}`, (n) => `value ${n}`)); // 'value 2'
 */
export const matchResult: typeof E.match = E.match;
