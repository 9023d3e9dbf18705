/**
 * Code-table lookup by an element value. The tables are plain object literals, so a bare
 * `table[code]` answers `constructor`, `toString` or `__proto__` with what Object.prototype holds;
 * element values come from outside, so only a table's own keys count.
 */

/**
 * The entry of `table` for `code`, or undefined when `code` is not one of its own keys.
 *
 * @param table - a code table (`as const` object)
 * @param code - an element value, any string
 * @returns the entry, or undefined
 * @example
 * lookup({ Y: 'in' }, 'constructor'); // undefined
 */
export const lookup = <V>(table: Readonly<Record<string, V>>, code: string): V | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined;

/**
 * A code table as a Map, built once per table: hot paths look codes up per element, and a Map
 * answers only the keys it holds, with no prototype to step around.
 *
 * @param table - a code table (`as const` object)
 * @returns the same entries in a Map
 * @example
 * codeMap({ Y: 'in' }).get('Y'); // 'in'
 */
export const codeMap = <V>(table: Readonly<Record<string, V>>): ReadonlyMap<string, V> =>
  new Map(Object.entries(table));
