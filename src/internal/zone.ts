/**
 * luxon adapter: zone validation and UTC offsets. The only file that imports luxon.
 *
 * Offsets come from `IANAZone.offset(ts)`, which is pure (no clock read). Each zone keeps a memo of
 * the offset at every UTC midnight it was asked about, so after a first look a day costs two map
 * reads; a day whose two midnights differ holds a transition, found once by bisection.
 */
import { IANAZone } from 'luxon';

const DAY = 86_400_000;

interface ZoneMemo {
  readonly zone: IANAZone;
  readonly midnights: Map<number, number>;
  readonly transitions: Map<number, number>;
}

const memos = new Map<string, ZoneMemo>();
const validity = new Map<string, boolean>();

// Caches are bounded (DESIGN.md rule 11): names are outside data, so a caller looping over
// hostile strings must not grow memory. A full cache starts over; the IANA list has ~600 names
// and a year ~365 days, so ordinary use never reaches the limits.
const MAX_ZONE_NAME = 64;
const MAX_ZONES = 1024;
const MAX_DAYS_PER_ZONE = 100_000;
const remember = <K, V>(cache: Map<K, V>, key: K, value: V, max: number): void => {
  if (cache.size >= max) cache.clear();
  cache.set(key, value);
};

/** True when `name` is an IANA zone known to this runtime's Intl data. */
export const isValidZone = (name: string): boolean => {
  if (name.length === 0 || name.length >= MAX_ZONE_NAME) return false;
  let known = validity.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    remember(validity, name, known, MAX_ZONES);
  }
  return known;
};

// The zone asked last: a list of instants is usually written in one zone.
let lastName = '';
let lastMemo: ZoneMemo | undefined;

// The UTC day asked last, when its offset holds all day (in the zone asked last).
let spanFrom = 0;
let spanTo = 0;
let spanOffset = 0;

/**
 * The zone object for a name. luxon keeps one zone object and one formatter per name it is given,
 * forever, and Intl accepts a zone in any letter case (`aMeRiCa/nEw_YoRk`): so a valid name reaches
 * luxon in the runtime's own spelling (a few hundred names at most), and an invalid one, reachable
 * only through a cast, gets an uncached object whose offsets are NaN.
 */
const zoneObject = (name: string): IANAZone =>
  isValidZone(name)
    ? IANAZone.create(new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone)
    : new IANAZone(name);

const memoFor = (name: string): ZoneMemo => {
  if (name === lastName && lastMemo) return lastMemo;
  let memo = memos.get(name);
  if (!memo) {
    memo = { zone: zoneObject(name), midnights: new Map(), transitions: new Map() };
    // Only names that could be zones are kept: a long string (reachable only through a cast)
    // is answered without being remembered.
    if (name.length < MAX_ZONE_NAME) remember(memos, name, memo, MAX_ZONES);
  }
  lastName = name;
  lastMemo = memo;
  spanTo = spanFrom;
  return memo;
};

const offsetAtMidnight = (memo: ZoneMemo, day: number): number => {
  let off = memo.midnights.get(day);
  if (off === undefined) {
    off = memo.zone.offset(day * DAY);
    remember(memo.midnights, day, off, MAX_DAYS_PER_ZONE);
  }
  return off;
};

/** First instant of `day` (UTC day number) carrying the next midnight's offset. */
const transitionIn = (memo: ZoneMemo, day: number, after: number): number => {
  let t = memo.transitions.get(day);
  if (t === undefined) {
    let lo = day * DAY;
    let hi = lo + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (memo.zone.offset(mid) === after) hi = mid;
      else lo = mid;
    }
    t = hi;
    remember(memo.transitions, day, t, MAX_DAYS_PER_ZONE);
  }
  return t;
};

/**
 * UTC offset of `zone` at instant `ms`, in minutes (New York in winter: -300).
 * Assumes at most one transition per UTC day, which holds for every zone in the tz database
 * since 1970.
 */
export const offsetMinutes = (zone: string, ms: number): number => {
  if (ms >= spanFrom && ms < spanTo && zone === lastName) return spanOffset;
  const memo = memoFor(zone);
  const day = Math.floor(ms / DAY);
  const before = offsetAtMidnight(memo, day);
  const after = offsetAtMidnight(memo, day + 1);
  if (before === after) {
    spanFrom = day * DAY;
    spanTo = spanFrom + DAY;
    spanOffset = before;
    return before;
  }
  return ms >= transitionIn(memo, day, after) ? after : before;
};
