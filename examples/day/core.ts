// Opening of the day: the clinic's hours this week in each provider's own zone, as instants, and
// copay arithmetic in cents.
import {
  addDays,
  allocate,
  applyRate,
  dayBounds,
  formatCents,
  formatInstant,
  isoWeekday,
  normalizeIntervals,
  subtractIntervals,
  totalDuration,
  wallTimeToMs,
  type BasisPoints,
  type Cents,
  type Interval,
} from '../../src/core/index.js';
import type { SampleClinic } from './clinic.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const run = (clinic: SampleClinic): void => {
  console.log(`\n== ${clinic.name}: open hours, week of ${clinic.today} ==`);
  for (const p of clinic.providers) {
    const open: Interval[] = [];
    const lunch: Interval[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(clinic.today, i);
      const code = WEEKDAYS[isoWeekday(date) - 1];
      for (const h of p.weeklyHours) {
        if (!code || !h.days.includes(code)) continue;
        open.push({ start: wallTimeToMs(date, h.start, p.zone), end: wallTimeToMs(date, h.end, p.zone) });
        if (h.lunch)
          lunch.push({
            start: wallTimeToMs(date, h.lunch[0], p.zone),
            end: wallTimeToMs(date, h.lunch[1], p.zone),
          });
      }
    }
    const free = subtractIntervals(normalizeIntervals(open), normalizeIntervals(lunch));
    const hours = totalDuration(free) / 3_600_000;
    const first = free[0];
    console.log(
      `${p.name.padEnd(20)} ${p.zone.padEnd(17)} ${String(hours).padStart(4)} h bookable this week; first block ${first ? `${formatInstant(first.start, p.zone)} to ${formatInstant(first.end, p.zone).slice(11)}` : 'none'}`,
    );
  }
  const today = dayBounds(clinic.today, clinic.locations[0]!.zone);
  console.log(
    `Today in ${clinic.locations[0]!.zone} runs ${formatInstant(today.start, clinic.locations[0]!.zone)} to ${formatInstant(today.end, clinic.locations[0]!.zone)}.`,
  );

  const echo = clinic.feeSchedule.find((f) => f.code === '93306');
  if (echo) {
    const coinsurance = applyRate(echo.allowedCents, 2000 as BasisPoints);
    const split = allocate(coinsurance, [1, 1, 1]);
    console.log(
      `Echo (${echo.code}) allowed ${formatCents(echo.allowedCents)}: 20% coinsurance is ${formatCents(coinsurance)}; in three payments ${split._tag === 'Right' ? split.right.map((c: Cents) => formatCents(c)).join(' + ') : '(not split)'}.`,
    );
  }
};
