/**
 * Deep copy of validated plain data (objects, arrays, primitives), so that a result shares nothing
 * mutable with the input it was made from (DESIGN.md rule 8): editing a projection or a proposal
 * must never edit the chart. Validated models are shallow trees of JSON-like values, so a
 * recursive copy is enough; anything that is not a plain object or an array is kept as it is.
 */
export const copyData = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, {
      value: copyData(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out as T;
};
