// The fixed hostile corpus the gate feeds to every edge function, and the helpers that check a
// call: iterative deep freeze (10^5-deep inputs would overflow a recursive one), an iterative
// walk for planted patient data, structural mutations of the FHIR and X12 samples.

/** Fake patient data planted in inputs; no error or warning may repeat any part of it. */
export const PHI = {
  name: 'Zyxwa Qophiname',
  ssn: '078-05-1120',
  member: 'PHIMEMBER9931',
} as const;
export const PHI_TEXT = `${PHI.name} ${PHI.ssn} ${PHI.member}`;
const PHI_PARTS: readonly string[] = ['Zyxwa', 'Qophiname', PHI.ssn, '078051120', PHI.member];

const ONE_MB = 1 << 20;
const DEEP = 100_000;

const nested = (depth: number, make: (inner: unknown) => unknown): unknown => {
  let v: unknown = PHI_TEXT;
  for (let i = 0; i < depth; i++) v = make(v);
  return v;
};

/** A value of the corpus with a label to report it by. */
export interface Hostile {
  readonly label: string;
  readonly value: unknown;
}

/** Strings: empty, huge, control characters, bidi overrides, lone surrogates, planted PHI. */
export const HOSTILE_STRINGS: readonly Hostile[] = [
  { label: 'empty string', value: '' },
  { label: 'spaces', value: '   ' },
  { label: '1 MB of letters', value: 'a'.repeat(ONE_MB) },
  { label: '1 MB of digits', value: '9'.repeat(ONE_MB) },
  { label: '1 MB of spaces', value: ' '.repeat(ONE_MB) },
  { label: 'control characters', value: '\u0000\u0001\u0007\b\u001b[2J\u001f\u007f\r\n\t' },
  { label: 'bidi overrides', value: `\u202e${PHI_TEXT}\u202c\u2066x\u2069\u200f` },
  { label: 'lone surrogates', value: '\ud800x\udfff' },
  { label: 'planted PHI', value: PHI_TEXT },
  { label: 'prototype key', value: '__proto__' },
  { label: 'constructor key', value: 'constructor' },
  { label: 'JSON text', value: `{"name":"${PHI.name}"}` },
];

/** Everything else: missing, numbers, booleans, symbols, bigints, functions, deep and wide objects. */
export const HOSTILE_VALUES: readonly Hostile[] = [
  { label: 'undefined', value: undefined },
  { label: 'null', value: null },
  { label: '0', value: 0 },
  { label: '-0', value: -0 },
  { label: '-1', value: -1 },
  { label: '1.5', value: 1.5 },
  { label: 'NaN', value: Number.NaN },
  { label: 'Infinity', value: Number.POSITIVE_INFINITY },
  { label: '-Infinity', value: Number.NEGATIVE_INFINITY },
  { label: 'MAX_VALUE', value: Number.MAX_VALUE },
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: 'symbol', value: Symbol('hostile') },
  { label: 'bigint', value: 10n ** 30n },
  { label: 'function', value: () => PHI_TEXT },
  { label: 'empty object', value: {} },
  { label: 'empty array', value: [] },
  { label: 'null-prototype object', value: Object.create(null) as object },
  { label: 'invalid Date', value: new Date(Number.NaN) },
  { label: 'Map', value: new Map([['name', PHI_TEXT]]) },
  { label: `object nested ${DEEP} deep`, value: nested(DEEP, (inner) => ({ a: inner, name: inner })) },
  { label: `array nested ${DEEP} deep`, value: nested(DEEP, (inner) => [inner]) },
  { label: `array of ${DEEP} PHI strings`, value: Array.from({ length: DEEP }, () => PHI_TEXT) },
  { label: `array of ${DEEP} objects`, value: Array.from({ length: DEEP }, () => ({ name: PHI_TEXT })) },
  { label: '__proto__ key (JSON)', value: JSON.parse(`{"__proto__":{"polluted":"${PHI.member}"},"id":"x"}`) },
  { label: 'constructor key', value: { constructor: { prototype: { polluted: PHI.member } }, id: 'x' } },
  { label: 'toString key', value: { toString: PHI_TEXT, valueOf: PHI_TEXT, id: '__proto__' } },
  ...HOSTILE_STRINGS,
];

/** Freezes a value and everything reachable from it, without recursion. */
export const deepFreeze = <T>(value: T): T => {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map || v instanceof Date) continue; // their contents are slots, not properties
    Object.freeze(v);
    for (const k of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[k]);
  }
  return value;
};

/** The planted PHI fragments found in any string reachable from a value (bounded walk). */
export const plantedPhiIn = (value: unknown, limit = 200_000): string[] => {
  const found = new Set<string>();
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  let visited = 0;
  while (stack.length > 0 && visited++ < limit) {
    const v = stack.pop();
    if (typeof v === 'string') {
      for (const part of PHI_PARTS) if (v.includes(part)) found.add(part);
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    for (const k of Reflect.ownKeys(v)) {
      if (typeof k === 'string') stack.push(k);
      stack.push((v as Record<PropertyKey, unknown>)[k]);
    }
  }
  return [...found];
};

/** The values a node of a sample is set to, and `undefined` for a deleted node. */
const NODE_REPLACEMENTS: readonly (readonly [string, () => unknown])[] = [
  ['null', () => null],
  ['0', () => 0],
  ['""', () => ''],
  ['[]', () => []],
  ['{}', () => ({})],
  ['[null]', () => [null]],
  ['PHI', () => PHI_TEXT],
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a node (object member or array element) of a JSON value, root excluded. */
const nodePaths = (root: Json): (readonly (string | number)[])[] => {
  const out: (readonly (string | number)[])[] = [];
  const stack: { v: Json; path: readonly (string | number)[] }[] = [{ v: root, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: Json; path: readonly (string | number)[] };
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else if (v !== null && typeof v === 'object')
      for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
  }
  return out.reverse();
};

const withNode = (
  root: Json,
  path: readonly (string | number)[],
  replacement: (() => unknown) | undefined,
): unknown => {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement !== undefined) parent[last] = replacement();
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
};

/** One structural mutation of a sample. */
export interface Mutation {
  readonly label: string;
  readonly value: unknown;
}

/**
 * Every node of the sample set to null, 0, "", [], {}, [null], planted PHI, or deleted: every
 * `stride`-th of those variants, counted from `offset` (deterministic sampling).
 */
export function* jsonMutations(sample: Json, stride = 1, offset = 0): Generator<Mutation> {
  let n = 0;
  for (const path of nodePaths(sample)) {
    const at = path.join('.');
    for (const [label, make] of [...NODE_REPLACEMENTS, ['deleted', undefined] as const]) {
      if (n++ % stride !== offset % stride) continue;
      yield { label: `${at} = ${label}`, value: withNode(sample, path, make) };
    }
  }
}

/** An X12 interchange split into segments, with its segment terminator and element separator. */
const x12Parts = (text: string): { segments: string[]; terminator: string; element: string } => {
  const element = text.charAt(3);
  const terminator = text.charAt(105);
  const segments = text.split(terminator).map((s) => s.replace(/^[\r\n]+/, ''));
  return { segments: segments.filter((s) => s !== ''), terminator, element };
};

/**
 * Structural mutations of an X12 interchange: the text cut in half, each segment deleted,
 * duplicated or cut after its id, each element emptied or set to planted PHI. At most `max`
 * of them, evenly spaced (deterministic sampling), starting at `offset` within the spacing.
 */
export function* x12Mutations(text: string, max: number, offset = 0): Generator<Mutation> {
  const { segments, terminator, element } = x12Parts(text);
  const split = segments.map((s) => s.split(element));
  const total = 1 + split.reduce((sum, e) => sum + 3 + 2 * (e.length - 1), 0);
  const stride = Math.max(1, Math.ceil(total / max));
  const join = (list: readonly string[]): string => list.join(`${terminator}\n`) + terminator;
  let n = 0;
  const keep = (): boolean => n++ % stride === offset % stride;
  if (keep()) yield { label: 'cut in half', value: text.slice(0, text.length >> 1) };
  for (const [i, elements] of split.entries()) {
    const id = elements[0] ?? '';
    const others = (changed: readonly string[]): string[] =>
      segments.map((s, j) => (j === i ? changed.join(element) : s));
    if (keep()) yield { label: `${id}#${i} deleted`, value: join(segments.filter((_, j) => j !== i)) };
    if (keep())
      yield {
        label: `${id}#${i} duplicated`,
        value: join(segments.flatMap((s, j) => (j === i ? [s, s] : [s]))),
      };
    if (keep()) yield { label: `${id}#${i} cut after id`, value: join(others([id])) };
    for (let e = 1; e < elements.length; e++) {
      if (keep())
        yield {
          label: `${id}#${i}-${e} emptied`,
          value: join(others(elements.map((x, k) => (k === e ? '' : x)))),
        };
      if (keep())
        yield {
          label: `${id}#${i}-${e} PHI`,
          value: join(others(elements.map((x, k) => (k === e ? PHI_TEXT : x)))),
        };
    }
  }
}
