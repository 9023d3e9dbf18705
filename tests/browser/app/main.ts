// A small browser app that imports every subpath of the package (the bundler sends these src
// paths to dist/ through the exports map, see scripts/browser.ts), runs real calls and writes each
// result into the page, where the browser test reads it.
import * as core from '../../../src/core/index.js';
import * as records from '../../../src/records/index.js';
import * as insurance from '../../../src/insurance/index.js';
import * as referrals from '../../../src/referrals/index.js';
import * as scheduling from '../../../src/scheduling/index.js';
import * as root from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import fc from 'fast-check';
import type {
  ActorId,
  BasisPoints,
  Cents,
  IanaZone,
  IsoDate,
  IsoInstant,
  WallTime,
} from '../../../src/core/index.js';

const NY = 'America/New_York' as IanaZone;
const show = (value: unknown): string => JSON.stringify(value);

/** Each check is one real call; its printed result is compared with a hand-computed value. */
const checks: Readonly<Record<string, () => string>> = {
  subpaths: () =>
    show([core, records, insurance, referrals, scheduling, testing].map((m) => Object.keys(m).length > 0)),
  rootReexports: () => show(root.validateNpi === records.validateNpi && root.applyRate === core.applyRate),
  rate: () => core.formatCents(core.applyRate(12345 as Cents, 2000 as BasisPoints)),
  allocate: () => show(core.allocate(1000 as Cents, [1, 1, 1])),
  dstGap: () => core.formatInstant(core.wallTimeToMs('2026-03-08' as IsoDate, '02:30' as WallTime, NY), NY),
  dstOverlap: () =>
    core.formatInstant(core.wallTimeToMs('2026-11-01' as IsoDate, '01:30' as WallTime, NY), NY),
  kolkataOffset: () => core.formatInstant(Date.UTC(2026, 0, 1), 'Asia/Kolkata' as IanaZone),
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
  slots: () => {
    const calendar = scheduling.parseSchedulingCalendar({
      providers: [{ id: 'dr-a', zone: 'America/New_York', locations: [], specialties: [] }],
      locations: [],
      resources: [],
      appointmentTypes: [{ id: 'fu-20', code: 'FU20', durationMinutes: 20 }],
      templates: [
        {
          id: 't',
          owner: { kind: 'provider', id: 'dr-a' },
          zone: 'America/New_York',
          windows: [{ start: '09:00', end: '10:00' }],
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          dtstart: '2026-01-05',
        },
      ],
      exceptions: [],
      appointments: [],
      holds: [],
    });
    const query = scheduling.parseSlotQuery({
      type: 'fu-20',
      from: '2026-11-30T00:00:00-05:00',
      to: '2026-12-01T00:00:00-05:00',
    });
    if (calendar._tag === 'Left' || query._tag === 'Left') return 'invalid input';
    const slots = scheduling.findSlots(query.right, calendar.right, {
      now: '2026-11-23T12:00:00Z' as IsoInstant,
    });
    return slots._tag === 'Left' ? slots.left.code : show(slots.right.map((x) => x.start));
  },
  // A monthly rule is expanded by rrule itself (weekly ones are answered without it), here through
  // the file the package's `#rrule` import map gives a browser bundle.
  monthlyRule: () =>
    show(
      scheduling.recurrenceDates(
        'FREQ=MONTHLY;BYDAY=2TU',
        core.isoDate('2026-01-01'),
        core.isoDate('2026-01-01'),
        core.isoDate('2026-04-30'),
      ),
    ),
  costShare: () => {
    const tier = {
      deductible: { individual: 100000, family: null },
      oopMax: { individual: 500000, family: null },
    };
    const benefits = insurance.parseBenefitSet({
      planYearStart: '01-01',
      family: { deductible: 'embedded', oop: 'embedded' },
      tiers: { in: tier, out: tier },
      benefits: [
        {
          id: 'medical',
          serviceTypes: ['30'],
          network: 'in',
          coinsurance: 2000,
          priorAuth: { required: false },
          referral: { required: false },
        },
      ],
    });
    const accumulators = insurance.parseAccumulators({
      planYearStart: '2026-01-01',
      individual: { in: { deductible: 70000, oop: 70000 }, out: { deductible: 0, oop: 0 } },
      family: null,
    });
    const lines = insurance.parseClaimLines([
      { id: '1', serviceDate: '2026-03-02', serviceType: '30', network: 'in', allowed: 50000 },
    ]);
    if (benefits._tag === 'Left' || accumulators._tag === 'Left' || lines._tag === 'Left')
      return 'invalid input';
    const estimate = insurance.estimateCostShare(lines.right, benefits.right, accumulators.right, {
      order: 'claim',
    });
    return estimate._tag === 'Left'
      ? estimate.left.code
      : `${core.formatCents(estimate.right.total.patientPays)} / ${core.formatCents(estimate.right.total.planPays)}`;
  },
  referral: () => {
    const draft = referrals.parseReferral({
      id: 'ref-1',
      patient: 'pat-1',
      referring: { provider: 'dr-okafor', specialty: 'family-medicine' },
      receiving: { provider: 'dr-lindqvist', specialty: 'orthopedics' },
      reason: 'Knee pain',
      diagnoses: ['S83241A'],
      procedures: ['73721'],
      priority: 'routine',
      authorizationRequired: 'unknown',
      attachments: [],
      createdAt: '2026-11-02T09:00:00-05:00',
      status: 'draft',
      authorizations: [],
      appointments: [],
      notes: [],
      history: [],
    });
    if (draft._tag === 'Left') return 'invalid input';
    const at = '2026-11-02T10:00:00-05:00' as IsoInstant;
    const submitted = referrals.transitionReferral(
      draft.right,
      { type: 'submit', actor: 'u-1' as ActorId },
      at,
    );
    const closed = referrals.transitionReferral(draft.right, { type: 'close', actor: 'u-1' as ActorId }, at);
    return show([
      submitted._tag === 'Right' ? submitted.right.status : submitted.left.code,
      closed._tag === 'Left' ? closed.left.code : closed.right.status,
    ]);
  },
  testing: () => {
    const [patient] = fc.sample(testing.patientArbitrary, { numRuns: 1, seed: 1 });
    return show([records.parsePatient(patient)._tag, testing.referralTargets('draft', 'submit')]);
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
