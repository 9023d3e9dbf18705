import type { ExportKinds } from '../internal/exportKind.js';

/**
 * The ids and scalars that the modules re-export beside their own functions: the literal
 * constructors throw on a bad constant by design (DESIGN.md rule 12), so they are `core`, as for
 * values already checked; their parsers take outside data and are `edge`.
 */
const SCALAR_EXPORT_KINDS = {
  patientId: 'core',
  providerId: 'core',
  locationId: 'core',
  resourceId: 'core',
  appointmentId: 'core',
  appointmentTypeId: 'core',
  templateId: 'core',
  payerId: 'core',
  planId: 'core',
  coverageId: 'core',
  referralId: 'core',
  authorizationId: 'core',
  documentId: 'core',
  actorId: 'core',
  isoDate: 'core',
  isoInstant: 'core',
  wallTime: 'core',
  zone: 'core',
  cents: 'core',
  basisPoints: 'core',
  parseIsoDate: 'edge',
  parseIsoInstant: 'edge',
  parseWallTime: 'edge',
  parseZone: 'edge',
  parseCents: 'edge',
  parseBasisPoints: 'edge',
} as const satisfies ExportKinds;

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/core`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const CORE_EXPORT_KINDS = {
  ...SCALAR_EXPORT_KINDS,
  ok: 'core',
  err: 'core',
  isOk: 'core',
  isErr: 'core',
  unwrapOr: 'core',
  collectAll: 'core',
  pipe: 'core',
  mapResult: 'core',
  mapError: 'core',
  andThen: 'core',
  matchResult: 'core',
  fieldPath: 'core',
  validationError: 'core',
  parseWith: 'core',
  parseDollars: 'edge',
  formatCents: 'core',
  addCents: 'core',
  subtractCents: 'core',
  minCents: 'core',
  maxCents: 'core',
  sumCents: 'core',
  applyRate: 'core',
  allocate: 'core',
  parseInstant: 'edge',
  instantToMs: 'core',
  addDays: 'core',
  addMonths: 'core',
  isoWeekday: 'core',
  datesIn: 'core',
  parseZone: 'edge',
  toWallClock: 'core',
  formatInstant: 'core',
  wallTimeToMs: 'core',
  dayBounds: 'core',
  duration: 'core',
  totalDuration: 'core',
  overlaps: 'core',
  containsInterval: 'core',
  covers: 'core',
  containsInstant: 'core',
  isNormalized: 'core',
  normalizeIntervals: 'core',
  unionIntervals: 'core',
  intersectIntervals: 'core',
  subtractIntervals: 'core',
  widen: 'core',
  splitIntoSteps: 'core',
} as const satisfies ExportKinds;

// Below the table: the gate reads a table file's first export.
type Scalar = keyof typeof SCALAR_EXPORT_KINDS;

/**
 * The rows of {@link SCALAR_EXPORT_KINDS} a module re-exports, for its own table.
 *
 * @param names - the scalars and ids the module's barrel re-exports from core
 * @returns their classification
 * @example
 * const rows = scalarKinds('isoDate', 'parseIsoDate'); // { isoDate: 'core', parseIsoDate: 'edge' }
 */
export const scalarKinds = <N extends Scalar>(
  ...names: readonly N[]
): { readonly [K in N]: (typeof SCALAR_EXPORT_KINDS)[K] } =>
  Object.fromEntries(names.map((n) => [n, SCALAR_EXPORT_KINDS[n]])) as {
    readonly [K in N]: (typeof SCALAR_EXPORT_KINDS)[K];
  };
