// `npm run demo`: a morning at the front desk of the built-in sample clinic (examples/data/), then
// the back office's afternoon (billing).
// Each module tells its part of the day from examples/day/<module>.ts, in this order.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadClinic, type SampleClinic } from './day/clinic.js';

// `scheduling` is the day's grid and searches; `visits` is the waitlist and check-in desk.
const SECTIONS = [
  'core',
  'records',
  'insurance',
  'referrals',
  'scheduling',
  'visits',
  'communications',
  'billing',
] as const;

const clinic = loadClinic();
console.log(`medoffice front-desk day at ${clinic.name}, ${clinic.today}`);
for (const section of SECTIONS) {
  if (!existsSync(resolve(import.meta.dirname, 'day', `${section}.ts`))) continue;
  const mod = (await import(`./day/${section}.js`)) as {
    readonly run: (c: SampleClinic) => void | Promise<void>;
  };
  await mod.run(clinic);
}
