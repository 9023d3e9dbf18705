// The code of docs/guides/getting-started.md (pulled in with {@includeCode}); tests/examples runs
// it and checks the values the guide states. Run it: `npx tsx examples/guides/gettingStarted.ts`.
import {
  allocate,
  applyRate,
  parseCents,
  dayBounds,
  formatCents,
  formatInstant,
  IanaZoneSchema,
  isErr,
  isOk,
  normalizeIntervals,
  parseDollars,
  parseWith,
  splitIntoSteps,
  subtractIntervals,
  wallTimeToMs,
  basisPoints,
  cents,
  isoDate,
  wallTime,
  zone,
} from '../../src/core/index.js';

export const results = () => {
  // #region results
  const copay = parseCents(2500);
  if (isOk(copay)) console.log(formatCents(copay.right)); // $25.00

  const bad = parseCents(25.5);
  if (isErr(bad)) console.log(bad.left.code); // 'money.not-integer'
  // #endregion results
  return { copay, bad };
};

export const parsing = () => {
  // #region parsing
  const zone = parseWith('Zone', IanaZoneSchema, 'America/Chicago'); // Right('America/Chicago')
  const mars = parseWith('Zone', IanaZoneSchema, 'Mars/Olympus'); // Left({ code: 'validation.failed', issues: [...] })
  // #endregion parsing
  return { zone, mars };
};

export const money = () => {
  // #region money
  const share = applyRate(cents(12345), basisPoints(2000)); // 2469 ($24.69)
  const split = allocate(cents(10000), [1, 1, 1]); // Right([3334, 3333, 3333])
  const typed = parseDollars('1500.5'); // Right(150050)
  // #endregion money
  return { share, split, typed };
};

export const time = () => {
  // #region time
  const ny = zone('America/New_York');
  const ms = wallTimeToMs(isoDate('2026-03-08'), wallTime('02:30'), ny);
  const shown = formatInstant(ms, ny); // '2026-03-08T03:00:00-04:00'
  const day = dayBounds(isoDate('2026-03-08'), ny); // a 23-hour day
  // #endregion time
  return { shown, hours: (day.end - day.start) / 3_600_000 };
};

export const intervals = () => {
  // #region intervals
  const open = normalizeIntervals([{ start: 0, end: 8 * 3600e3 }]);
  const free = subtractIntervals(open, [{ start: 4 * 3600e3, end: 5 * 3600e3 }]);
  const pieces = splitIntoSteps(free, { length: 1800e3, step: 1800e3, anchor: 0 }); // 30-minute pieces
  // #endregion intervals
  return { free, pieces };
};

if (process.argv[1]?.endsWith('gettingStarted.ts'))
  console.log(
    JSON.stringify({ ...results(), ...parsing(), ...money(), ...time(), ...intervals() }).slice(0, 400),
  );
