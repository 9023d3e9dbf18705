// Properties of planReminders checked with an oracle independent of the library's zone code: the
// wall clock of each send instant is read with Intl.DateTimeFormat, not luxon.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { planReminders, type ReminderPlan } from '../../src/communications/reminders.js';
import { reconcileReminders, type ReminderChange } from '../../src/communications/reconcile.js';
import { appt, contact, instant, rules } from './fixtures.js';
import type { Appointment } from '../../src/scheduling/model.js';

const ZONES = [
  'America/New_York',
  'America/Denver',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Wall clock of an instant in a zone by Intl: [YYYY-MM-DD, minutes since midnight]. */
const wall = (ms: number, zone: string): [string, number] => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return [
    `${p['year']}-${p['month']}-${p['day']}`,
    Number(p['hour']) * 60 + Number(p['minute']) + Number(p['second']) / 60,
  ];
};

const BASE = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const offsetArb = fc.oneof(
  fc.record({ kind: fc.constant('elapsed'), minutesBefore: fc.integer({ min: 0, max: 10 * 1440 }) }),
  fc.record({
    kind: fc.constant('calendar'),
    daysBefore: fc.integer({ min: 0, max: 8 }),
    at: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  }),
);
const scenarioArb = fc.record({
  starts: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 24 * 420 })), {
    minLength: 1,
    maxLength: 12,
  }),
  zones: fc.array(fc.option(fc.constantFrom(...ZONES), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  offsets: fc.array(offsetArb, { minLength: 1, maxLength: 4 }),
  nowHours: fc.integer({ min: 0, max: 24 * 400 }),
  policy: fc.constantFrom('earlier', 'later'),
  clinicZone: fc.constantFrom(...ZONES),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

const build = (s: Scenario) => {
  const appointments = s.starts.map(([p, h], i) =>
    appt(`a${i}`, new Date(BASE + h * HOUR).toISOString(), { patient: `p${p}` }),
  );
  const patients = s.zones.map((z, i) => contact(`p${i}`, z === undefined ? {} : { zone: z }));
  const r = rules({ offsets: s.offsets, quietHours: s.policy, clinicZone: s.clinicZone });
  return { appointments, patients, r, now: instant(new Date(BASE + s.nowHours * HOUR).toISOString()) };
};
const run = (s: Scenario): ReminderPlan => {
  const { appointments, patients, r, now } = build(s);
  const result = planReminders(appointments, patients, r, now);
  if (result._tag === 'Left') throw new Error(result.left.code);
  return result.right;
};

describe('planReminders properties', () => {
  test.prop([scenarioArb], { numRuns: 300 })(
    'every message is inside 08:00-21:00 on the patient wall clock, at or after now, before each of its appointments; one per patient-day; at most 3 in any 7 days',
    (s) => {
      const { patients, r, now } = build(s);
      const plan = run(s);
      const nowMs = Date.parse(now);
      const perDay = new Set<string>();
      for (const m of plan.messages) {
        const zone = patients.find((p) => p.patient === m.patient)?.zone ?? r.clinicZone;
        const ms = Date.parse(m.sendAt);
        const [date, minute] = wall(ms, zone);
        expect(minute).toBeGreaterThanOrEqual(8 * 60);
        expect(minute).toBeLessThanOrEqual(21 * 60);
        expect(ms).toBeGreaterThanOrEqual(nowMs);
        for (const a of m.appointments) expect(ms).toBeLessThan(Date.parse(a.start));
        const key = `${m.patient} ${date}`;
        expect(perDay.has(key)).toBe(false);
        perDay.add(key);
        const week = plan.messages.filter(
          (o) =>
            o.patient === m.patient &&
            Date.parse(o.sendAt) <= ms &&
            Date.parse(o.sendAt) > ms - 7 * 24 * HOUR,
        );
        expect(week.length).toBeLessThanOrEqual(3);
      }
    },
  );

  test.prop([scenarioArb], { numRuns: 100 })(
    'every reminder asked for is either planned or skipped with a reason',
    (s) => {
      const plan = run(s);
      const { appointments, r } = build(s);
      for (const a of appointments) {
        const planned = plan.messages.some((m) => m.appointments.some((x) => x.id === a.id));
        const skipped = plan.skipped.some((k) => k.appointment === a.id);
        expect(planned || skipped).toBe(true);
      }
      expect(r.offsets.length).toBeGreaterThan(0);
    },
  );

  test.prop([scenarioArb], { numRuns: 30 })('the plan is identical under any host time zone', (s) => {
    const saved = process.env['TZ'];
    try {
      const plans = ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Chatham'].map((tz) => {
        process.env['TZ'] = tz;
        return JSON.stringify(run(s));
      });
      expect(new Set(plans).size).toBe(1);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  test.prop(
    [
      scenarioArb,
      fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom('cancelled', 'rescheduled')), {
        maxLength: 6,
      }),
    ],
    { numRuns: 200 },
  )(
    'after cancellations and reschedules, no kept or replacing message mentions a withdrawn appointment; replanning the cancelled ones plans nothing for them',
    (s, changed) => {
      const plan = run(s);
      const changes: ReminderChange[] = changed.map(([i, kind]) => ({
        kind,
        appointment: `a${i}` as Appointment['id'],
      }));
      const withdrawn = new Set(changes.map((c) => (c.kind === 'consent-revoked' ? '' : c.appointment)));
      const rec = reconcileReminders(plan.messages, changes);
      const after = [...rec.keep, ...rec.replace.map((x) => x.with)];
      for (const m of after) for (const a of m.appointments) expect(withdrawn.has(a.id)).toBe(false);
      expect(rec.keep.length + rec.cancel.length + rec.replace.length).toBe(plan.messages.length);
      const { appointments, patients, r, now } = build(s);
      const cancelledIds = new Set(
        changes
          .filter((c) => c.kind === 'cancelled')
          .map((c) => (c.kind === 'cancelled' ? c.appointment : '')),
      );
      const replanned = planReminders(
        appointments.map((a) => (cancelledIds.has(a.id) ? { ...a, status: 'cancelled' as const } : a)),
        patients,
        r,
        now,
      );
      if (replanned._tag === 'Left') throw new Error('unexpected');
      for (const m of replanned.right.messages)
        for (const a of m.appointments) expect(cancelledIds.has(a.id)).toBe(false);
    },
  );
});
