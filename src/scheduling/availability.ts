/**
 * Recurring availability → instants. Each template's rule is expanded to local dates in a floating
 * frame (recurrence.ts), and each window of each date is converted to instants on its own with
 * `wallMinutesToMs`, so the DST policy (gap → first instant after it; overlap → earlier instant)
 * holds per occurrence and nothing depends on the host zone.
 */
import type { AppointmentTypeId, LocationId, ProviderId, ResourceId } from '../core/ids.js';
import { intersectIntervals, normalizeIntervals, type Interval } from '../core/interval.js';
import { err, ok, type Either } from '../core/result.js';
import { zoneOffset, wallMinutesToMs, type IanaZone } from '../core/time.js';
import {
  dateToDayNumber,
  dayNumberToDate,
  instantToMs,
  wallTimeMinutes,
  type IsoDate,
  type IsoInstant,
} from '../core/calendar.js';
import { invalidInput, type SchedulingError } from './errors.js';
import type { AvailabilityException, AvailabilityTemplate, ScheduleOwner, WallWindow } from './model.js';
import { compileRule, occurrenceDays, type CompiledRule } from './recurrence.js';

const DAY = 86_400_000;

/** A stretch of availability with what it came from; internal to the module. */
export interface AvailabilityBlock extends Interval {
  /** Local date (day number) and zone the window belongs to, for the alignment grid. */
  readonly day: number;
  readonly zone: IanaZone;
  readonly location: LocationId | undefined;
  readonly types: readonly AppointmentTypeId[] | undefined;
  readonly capacity: number;
}

/**
 * Stable map key of an owner.
 *
 * @example
 * ownerKey({ kind: 'provider', id: providerId }); // 'provider:dr-patel'
 */
export const ownerKey = (owner: ScheduleOwner): string => `${owner.kind}:${owner.id}`;

const sameOwner = (a: ScheduleOwner, b: ScheduleOwner): boolean => a.kind === b.kind && a.id === b.id;

/** The first date of a weekly `days` template without `dtstart`: 1900-01-01, before any range. */
const ALWAYS = -25_567;

const compiled = new WeakMap<AvailabilityTemplate, Either<SchedulingError, CompiledRule>>();

/**
 * Reads (once per template object) the template's rule: its RRULE from `dtstart`, or its weekly
 * `days` (from `dtstart` when given, otherwise always).
 *
 * @example
 * compileTemplate(template); // Right(compiled rule)
 */
export const compileTemplate = (t: AvailabilityTemplate): Either<SchedulingError, CompiledRule> => {
  let c = compiled.get(t);
  if (!c) {
    const r = compileRule(
      t.rrule ?? `FREQ=WEEKLY;BYDAY=${(t.days ?? []).join(',')}`,
      t.dtstart === undefined ? ALWAYS : dateToDayNumber(t.dtstart),
    );
    c =
      r._tag === 'Right'
        ? ok(t.count === undefined ? r.right : { ...r.right, count: t.count })
        : err(invalidInput('scheduling.invalid-rule', `templates.${t.id}.rrule`, r.left.message));
    compiled.set(t, c);
  }
  return c;
};

/**
 * `wallMinutesToMs` on a day number. Away from any offset change (the offsets a day before and a
 * day after agree) the wall time has exactly one reading, computed directly; otherwise
 * `wallMinutesToMs` resolves the gap or overlap by the DST policy. A property test checks both
 * agree everywhere.
 *
 * @param day - local date as a day number
 * @param minutes - wall minutes from local midnight (may exceed 1440 for overnight ends)
 * @param zone - IANA zone
 * @returns epoch ms
 * @example
 * wallDayMinutesToMs(20_781, 540, zone('America/New_York')); // 2026-11-24T09:00-05:00
 */
export const wallDayMinutesToMs = (day: number, minutes: number, zone: IanaZone): number => {
  const local = day * DAY + minutes * 60_000;
  const before = zoneOffset(local - DAY, zone);
  if (before === zoneOffset(local + DAY, zone)) return local - before * 60_000;
  return wallMinutesToMs(dayNumberToDate(day), minutes, zone);
};

const windowBlocks = (
  day: number,
  windows: readonly WallWindow[],
  zone: IanaZone,
  meta: Pick<AvailabilityBlock, 'location' | 'types' | 'capacity'>,
  out: AvailabilityBlock[],
): void => {
  for (const w of windows) {
    const startMinutes = wallTimeMinutes(w.start);
    let endMinutes = wallTimeMinutes(w.end);
    // Overnight: an end at or before the start is on the next day (21:00-03:00).
    if (endMinutes <= startMinutes) endMinutes += 1440;
    const start = wallDayMinutesToMs(day, startMinutes, zone);
    const end = wallDayMinutesToMs(day, endMinutes, zone);
    if (start < end) out.push({ start, end, day, zone, ...meta });
  }
};

/** Local dates a template occurs on within [fromDay, toDay]: rule, COUNT, UNTIL, EXDATE, RDATE. */
const templateDays = (t: AvailabilityTemplate, r: CompiledRule, fromDay: number, toDay: number): number[] => {
  let untilMs = r.untilMs;
  let untilDay = Number.POSITIVE_INFINITY;
  if (t.until !== undefined) {
    if (t.until.length === 10) untilDay = dateToDayNumber(t.until as IsoDate);
    else untilMs = instantToMs(t.until as IsoInstant);
  }
  if (untilMs !== undefined) untilDay = Math.min(untilDay, Math.floor(untilMs / DAY) + 1);
  const firstStart = Math.min(...t.windows.map((w) => wallTimeMinutes(w.start)));
  const days = occurrenceDays(r, fromDay, Math.min(toDay, untilDay)).filter(
    (d) => untilMs === undefined || wallDayMinutesToMs(d, firstStart, t.zone) <= untilMs,
  );
  if (!t.exdates?.length && !t.rdates?.length) return days;
  const set = new Set(days);
  for (const x of t.rdates ?? []) {
    const d = dateToDayNumber(x);
    if (d >= fromDay && d <= toDay) set.add(d);
  }
  for (const x of t.exdates ?? []) set.delete(dateToDayNumber(x));
  return [...set].sort((a, b) => a - b);
};

/**
 * Cuts intervals out of blocks, keeping each piece's metadata. `cut` must be normalized.
 *
 * @example
 * cutBlocks(blocks, [{ start: lunchStart, end: lunchEnd }]);
 */
export const cutBlocks = <B extends Interval>(blocks: readonly B[], cut: readonly Interval[]): B[] => {
  if (cut.length === 0) return [...blocks];
  const out: B[] = [];
  // One pass when blocks come in start order: the first cut that can reach a block only moves on.
  let first = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (const b of blocks) {
    if (b.start < lastStart) first = 0;
    lastStart = b.start;
    while (first < cut.length && (cut[first] as Interval).end <= b.start) first++;
    let start = b.start;
    for (let k = first; k < cut.length && (cut[k] as Interval).start < b.end; k++) {
      const c = cut[k] as Interval;
      if (c.start > start) out.push({ ...b, start, end: c.start });
      if (c.end > start) start = c.end;
    }
    if (start === b.start) out.push(b);
    else if (start < b.end) out.push({ ...b, start, end: b.end });
  }
  return out;
};

/**
 * The local date of an instant in a zone, as a day number (days since 1970-01-01).
 *
 * @param ms - epoch ms
 * @param zone - IANA zone
 * @returns the day number of the local date
 * @example
 * localDay(Date.UTC(2026, 10, 25, 3), zone('America/New_York')); // 20_781 (2026-11-24)
 */
export const localDay = (ms: number, zone: IanaZone): number =>
  Math.floor((ms + zoneOffset(ms, zone) * 60_000) / DAY);

const dayOf = (date: IsoDate, zone: IanaZone): Interval => ({
  start: wallMinutesToMs(date, 0, zone),
  end: wallMinutesToMs(date, 1440, zone),
});

/**
 * Blocks of one owner overlapping [lo, hi), unclipped, sorted by start. `exceptions` must be those
 * that can concern the owner (its own and the global holidays). Holidays and overrides remove the
 * whole local day, including the spill-over of an overnight window from the day before.
 *
 * @example
 * expandOwnerBlocks(owner, templates, exceptions, lo, hi);
 */
export const expandOwnerBlocks = (
  owner: ScheduleOwner,
  templates: readonly AvailabilityTemplate[],
  exceptions: readonly AvailabilityException[],
  lo: number,
  hi: number,
): Either<SchedulingError, AvailabilityBlock[]> => {
  let blocks: AvailabilityBlock[] = [];
  for (const t of templates) {
    const r = compileTemplate(t);
    if (r._tag === 'Left') return r;
    // Two days earlier: an overnight window (up to 48 h) may spill into the range.
    const fromDay = localDay(lo, t.zone) - 2;
    const toDay = localDay(hi, t.zone);
    const own: AvailabilityBlock[] = [];
    const meta = { location: t.location, types: t.appointmentTypes, capacity: t.capacity ?? 1 };
    for (const day of templateDays(t, r.right, fromDay, toDay))
      windowBlocks(day, t.windows, t.zone, meta, own);
    const closed: Interval[] = [];
    for (const x of exceptions) {
      if (x.kind === 'holiday') {
        if ((x.owner && !sameOwner(x.owner, owner)) || (x.location && x.location !== t.location)) continue;
        closed.push(dayOf(x.date, t.zone));
      } else if (x.kind === 'override') closed.push(dayOf(x.date, x.zone));
    }
    blocks = blocks.concat(cutBlocks(own, normalizeIntervals(closed)));
  }
  const away: Interval[] = [];
  for (const x of exceptions) {
    if (x.kind === 'time-off') away.push({ start: instantToMs(x.start), end: instantToMs(x.end) });
    else if (x.kind === 'override' || x.kind === 'extra-hours') {
      const day = dateToDayNumber(x.date);
      const meta = { location: x.location, types: x.appointmentTypes, capacity: 1 };
      windowBlocks(day, x.windows, x.zone, meta, blocks);
    }
  }
  return ok(
    cutBlocks(blocks, normalizeIntervals(away))
      .filter((b) => b.end > lo && b.start < hi)
      .sort((a, b) => a.start - b.start || a.end - b.end),
  );
};

/**
 * Whether an exception can concern an owner (its own, or a holiday for everyone).
 *
 * @example
 * exceptionConcerns({ kind: 'holiday', date: isoDate('2026-11-26') }, owner); // true
 */
export const exceptionConcerns = (x: AvailabilityException, owner: ScheduleOwner): boolean =>
  x.owner === undefined ? x.kind === 'holiday' : sameOwner(x.owner, owner);

/** One owner's free time: normalized half-open intervals in epoch ms. */
export interface OwnerAvailability {
  readonly owner: ScheduleOwner;
  readonly intervals: readonly Interval[];
}

/** The range `expandAvailability` covers: `[from, to)`. */
export interface AvailabilityRange {
  readonly from: IsoInstant;
  readonly to: IsoInstant;
}

/**
 * The free time of every provider and resource that has a template, within a range.
 *
 * Each template's RRULE is expanded to local dates in its `zone` (floating, never rrule's TZID
 * path), each window converted per occurrence: a window starting in a spring-forward gap starts at
 * the first instant after the gap (02:30-04:30 on 2026-03-08 in New York is 03:00-04:30 EDT); an
 * ambiguous fall-back time is the earlier instant (01:30 on 2026-11-01 is 01:30 EDT). UNTIL as an
 * instant is compared with each occurrence's first window start (RFC 5545: UTC UNTIL with a zoned
 * DTSTART); UNTIL as a date, EXDATE and RDATE are local dates in the template's zone. Windows with
 * `end <= start` run overnight. Holidays and overrides replace the whole local day; time off is
 * cut out; extra hours are added. The cost depends on the range, not on how old the template is.
 *
 * @param templates - availability templates (providers and resources mixed)
 * @param exceptions - time off, holidays, extra hours, overrides
 * @param range - `[from, to)`; intervals are clipped to it
 * @returns `Right` one entry per owner with normalized intervals (ordered by first template), or
 *   `Left` `scheduling.invalid-range` (to before from) / `scheduling.invalid-rule` (unreadable RRULE)
 * @example
 * expandAvailability(
 *   [{ id: templateId('patel-week'), owner: { kind: 'provider', id: providerId('dr-patel') }, zone: zone('America/New_York'),
 *      windows: [{ start: wallTime('09:00'), end: wallTime('12:00') }], rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: isoDate('2026-01-05') }],
 *   [],
 *   { from: isoInstant('2026-11-02T00:00:00-05:00'), to: isoInstant('2026-11-03T00:00:00-05:00') },
 * ); // Right([{ owner, intervals: [09:00-12:00 EST on Nov 2 as epoch ms] }])
 */
export const expandAvailability = (
  templates: readonly AvailabilityTemplate[],
  exceptions: readonly AvailabilityException[],
  range: AvailabilityRange,
): Either<SchedulingError, readonly OwnerAvailability[]> => {
  const lo = instantToMs(range.from);
  const hi = instantToMs(range.to);
  if (!(lo <= hi))
    return err(invalidInput('scheduling.invalid-range', 'range.to', 'must not be before range.from'));
  const owners = new Map<string, { owner: ScheduleOwner; templates: AvailabilityTemplate[] }>();
  for (const t of templates) {
    const k = ownerKey(t.owner);
    const entry = owners.get(k) ?? { owner: t.owner, templates: [] };
    entry.templates.push(t);
    owners.set(k, entry);
  }
  for (const x of exceptions)
    if (x.owner && !owners.has(ownerKey(x.owner)) && x.kind !== 'holiday')
      owners.set(ownerKey(x.owner), { owner: x.owner, templates: [] });
  const out: OwnerAvailability[] = [];
  for (const { owner, templates: own } of owners.values()) {
    const blocks = expandOwnerBlocks(
      owner,
      own,
      exceptions.filter((x) => exceptionConcerns(x, owner)),
      lo,
      hi,
    );
    if (blocks._tag === 'Left') return blocks;
    out.push({
      owner,
      intervals: intersectIntervals(normalizeIntervals(blocks.right), [{ start: lo, end: hi }]),
    });
  }
  return ok(out);
};

/**
 * Owner of a provider's schedule.
 *
 * @example
 * providerOwner(providerId); // { kind: 'provider', id: providerId }
 */
export const providerOwner = (id: ProviderId): ScheduleOwner => ({ kind: 'provider', id });
/**
 * Owner of a resource's schedule.
 *
 * @example
 * resourceOwner(resourceId); // { kind: 'resource', id: resourceId }
 */
export const resourceOwner = (id: ResourceId): ScheduleOwner => ({ kind: 'resource', id });
