// Opening of the day: where today begins and ends in the clinic's zone, as instants, and copay
// arithmetic in cents. (Each provider's bookable hours this week, holidays and time off taken
// into account, open the scheduling section.)
import {
  allocate,
  applyRate,
  dayBounds,
  formatCents,
  formatInstant,
  type Cents,
  basisPoints,
} from '../../src/core/index.js';
import type { SampleClinic } from './clinic.js';

export const run = (clinic: SampleClinic): void => {
  console.log(`\n== ${clinic.name}: ${clinic.today} ==`);
  const today = dayBounds(clinic.today, clinic.locations[0]!.zone);
  console.log(
    `Today in ${clinic.locations[0]!.zone} runs ${formatInstant(today.start, clinic.locations[0]!.zone)} to ${formatInstant(today.end, clinic.locations[0]!.zone)}.`,
  );

  const echo = clinic.feeSchedule.find((f) => f.code === '93306');
  if (echo) {
    const coinsurance = applyRate(echo.allowedCents, basisPoints(2000));
    const split = allocate(coinsurance, [1, 1, 1]);
    console.log(
      `Echo (${echo.code}) allowed ${formatCents(echo.allowedCents)}: 20% coinsurance is ${formatCents(coinsurance)}; in three payments ${split._tag === 'Right' ? split.right.map((c: Cents) => formatCents(c)).join(' + ') : '(not split)'}.`,
    );
  }
};
