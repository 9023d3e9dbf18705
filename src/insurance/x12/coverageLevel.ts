/**
 * X12 EB02 coverage level codes (ASC X12 005010X279A1, element 1207) and the accumulator scope
 * each maps to.
 */

/** EB02 coverage level codes with their names (005010X279A1). */
export const COVERAGE_LEVEL_CODES = {
  CHD: 'Children Only',
  DEP: 'Dependents Only',
  ECH: 'Employee and Children',
  EMP: 'Employee Only',
  ESP: 'Employee and Spouse',
  FAM: 'Family',
  IND: 'Individual',
  SPC: 'Spouse and Children',
  SPO: 'Spouse Only',
} as const;

/** An EB02 coverage level code. */
export type CoverageLevelCode = keyof typeof COVERAGE_LEVEL_CODES;

/**
 * The accumulator scope of an EB02 code: `individual` for IND and EMP, `family` for the rest.
 * (EMP/ECH on an active-coverage line name the enrolled tier, not a scope; callers decide.)
 *
 * @param code - an EB02 code, any case
 * @returns `individual`, `family`, or `unknown` for a code outside the list
 * @example
 * coverageLevelScope('FAM'); // 'family'
 */
export const coverageLevelScope = (code: string): 'individual' | 'family' | 'unknown' => {
  const c = code.trim().toUpperCase();
  if (c === 'IND' || c === 'EMP') return 'individual';
  return Object.hasOwn(COVERAGE_LEVEL_CODES, c) ? 'family' : 'unknown';
};
