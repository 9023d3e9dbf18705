/**
 * Exhaustiveness check for discriminated unions: a compile error when a case is missed. Reaching
 * it at run time means a value escaped its type, a programmer error, so it throws.
 */
export const assertNever = (value: never): never => {
  throw new TypeError(`unexpected variant: ${JSON.stringify(value)}`);
};
