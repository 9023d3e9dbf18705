/**
 * Results: the one file that imports fp-ts, for its types only.
 *
 * Fallible functions return fp-ts `Either`: plain data, `{ _tag: 'Left', left: error }` or
 * `{ _tag: 'Right', right: value }`. Users who don't know fp-ts narrow with {@link isOk} and
 * {@link isErr}; fp-ts users `pipe` as usual.
 *
 * The few runtime helpers below build and read that data themselves rather than calling fp-ts: the
 * fp-ts root module cannot be tree-shaken by bundlers (its modules are re-exported as namespaces),
 * and its per-module paths (`fp-ts/Either`) fail in Node ESM, so importing any fp-ts value put
 * about 15 KB of it in every browser bundle, `validateNpi` alone included. The values are the same
 * `Either` objects fp-ts builds, so fp-ts functions take them and return them unchanged.
 */
import type { either as E, function as F } from 'fp-ts';

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
export const ok = <A, L = never>(value: A): Either<L, A> => ({ _tag: 'Right', right: value });

/**
 * Wraps a failure.
 *
 * @param error - the coded error
 * @returns `Left(error)`
 * @example
 * err({ code: 'money.not-integer', message: 'amount must be whole cents' });
 */
export const err = <L, A = never>(error: L): Either<L, A> => ({ _tag: 'Left', left: error });

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
 * fp-ts `pipe` (the same behaviour, typed as fp-ts types it), so callers need no fp-ts import:
 * passes a value through functions from left to right.
 *
 * @example
 * pipe(parseCents(250), mapResult((c) => c * 2));
 */
export const pipe: typeof F.pipe = ((value: unknown, ...fns: readonly ((x: unknown) => unknown)[]) => {
  let out = value;
  for (const f of fns) out = f(out);
  return out;
}) as typeof F.pipe;

/**
 * fp-ts `Either.map`: transforms the success value.
 *
 * @example
 * pipe(ok(2), mapResult((n) => n + 1)); // Right(3)
 */
export const mapResult: typeof E.map =
  <A, B>(f: (a: A) => B) =>
  <L>(r: Either<L, A>): Either<L, B> =>
    isOk(r) ? ok(f(r.right)) : r;

/**
 * fp-ts `Either.mapLeft`: transforms the error.
 *
 * @example
 * pipe(err('x'), mapError((e) => ({ code: e }))); // Left({ code: 'x' })
 */
export const mapError: typeof E.mapLeft =
  <L, M>(f: (l: L) => M) =>
  <A>(r: Either<L, A>): Either<M, A> =>
    isErr(r) ? err(f(r.left)) : r;

/**
 * fp-ts `Either.flatMap`: chains a fallible step (data-last as here, or data-first
 * `andThen(result, f)` as fp-ts allows).
 *
 * @example
 * pipe(ok(2), andThen((n) => (n > 1 ? ok(n) : err('small'))));
 */
export const andThen: typeof E.flatMap = ((...args: readonly unknown[]) => {
  type Step = (a: unknown) => Either<unknown, unknown>;
  const chain = (r: Either<unknown, unknown>, f: Step) => (isOk(r) ? f(r.right) : r);
  return args.length >= 2
    ? chain(args[0] as Either<unknown, unknown>, args[1] as Step)
    : (r: Either<unknown, unknown>) => chain(r, args[0] as Step);
}) as typeof E.flatMap;

/**
 * fp-ts `Either.match`: folds both sides into one value.
 *
 * @example
 * pipe(ok(2), matchResult((e) => `error ${String(e)}`, (n) => `value ${n}`)); // 'value 2'
 */
export const matchResult: typeof E.match =
  <L, A, B>(onLeft: (l: L) => B, onRight: (a: A) => B) =>
  (r: Either<L, A>): B =>
    isOk(r) ? onRight(r.right) : onLeft(r.left);
