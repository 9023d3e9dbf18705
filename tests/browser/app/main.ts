// A small browser app that imports every subpath of the package (the bundler sends these src
// paths to dist/ through the exports map, see scripts/browser.ts), runs real calls and writes each
// result into the page, where the browser test reads it.
import * as core from '../../../src/core/index.js';
import * as records from '../../../src/records/index.js';
import * as insurance from '../../../src/insurance/index.js';
import * as referrals from '../../../src/referrals/index.js';
import * as scheduling from '../../../src/scheduling/index.js';
import * as root from '../../../src/index.js';
import type { BasisPoints, Cents, IanaZone, IsoDate, WallTime } from '../../../src/core/index.js';

const NY = 'America/New_York' as IanaZone;
const show = (value: unknown): string => JSON.stringify(value);

/** Each check is one real call; its printed result is compared with a hand-computed value. */
const checks: Readonly<Record<string, () => string>> = {
  subpaths: () =>
    show([core, records, insurance, referrals, scheduling].map((m) => Object.keys(m).length > 0)),
  rootReexports: () => show(root.validateNpi === records.validateNpi && root.applyRate === core.applyRate),
  rate: () => core.formatCents(core.applyRate(12345 as Cents, 2000 as BasisPoints)),
  allocate: () => show(core.allocate(1000 as Cents, [1, 1, 1])),
  dstGap: () => core.formatInstant(core.wallTimeToMs('2026-03-08' as IsoDate, '02:30' as WallTime, NY), NY),
  dstOverlap: () =>
    core.formatInstant(core.wallTimeToMs('2026-11-01' as IsoDate, '01:30' as WallTime, NY), NY),
  kolkataOffset: () => String(core.zoneOffset(Date.UTC(2026, 0, 1), 'Asia/Kolkata' as IanaZone)),
  subtract: () => show(core.subtractIntervals([{ start: 0, end: 60 }], [{ start: 20, end: 30 }])),
  npiValid: () => show(records.validateNpi('1234567893')),
  npiInvalid: () => {
    const r = records.validateNpi('1234567890');
    return r._tag === 'Left' ? r.left.code : 'accepted';
  },
  duplicates: () => {
    const home = [{ line: ['12 Elm St'], city: 'Springfield', state: 'IL', postalCode: '62701' }];
    const report = records.findDuplicates([
      {
        id: 'p1',
        name: { given: 'William', family: 'Smith' },
        birthDate: '1980-04-02',
        sex: 'male',
        addresses: home,
      },
      {
        id: 'p2',
        name: { given: 'Bill', family: 'Smith' },
        birthDate: '1980-04-02',
        sex: 'male',
        addresses: home,
      },
      { id: 'p3', name: { given: 'Chen', family: 'Wei' }, birthDate: '1990-01-01', sex: 'female' },
    ]);
    return show({ clusters: report.clusters, decisions: report.pairs.map((p) => [p.a, p.b, p.decision]) });
  },
};

const list = document.createElement('dl');
for (const [name, run] of Object.entries(checks)) {
  const dt = document.createElement('dt');
  dt.textContent = name;
  const dd = document.createElement('dd');
  dd.dataset['check'] = name;
  try {
    dd.textContent = run();
  } catch (e) {
    dd.textContent = `threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  list.append(dt, dd);
}
document.body.append(list);
document.body.dataset['done'] = 'true';
