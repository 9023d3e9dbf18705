// Scheduling: slot search on a generated health system (200 providers in 4 zones, 60 rooms and
// devices, 60 000 appointments, 90 days), availability expansion side by side with rrule's TZID
// path and rrule-temporal, and slot finding side by side with slot-calculator.
import { cpus, loadavg } from 'node:os';
import { RRuleTemporal } from 'rrule-temporal';
import { getSlots } from 'slot-calculator';
import { instantToMs, type IsoInstant } from '../src/core/calendar.js';
import { RRule } from '../src/internal/rrule.js';
import {
  expandAvailability,
  findSlots,
  parseAvailabilityTemplate,
  parseSchedulingCalendar,
  parseSchedulingCalendarJson,
  SchedulingCalendarSchema,
  type AvailabilityTemplate,
  type SlotQuery,
} from '../src/scheduling/index.js';
import { keepSchedulingCalendar } from '../src/scheduling/calendarJson.js';
import { fmtMs, measure, seededRandom, table, writeSection } from './harness.js';
import { generateHealthSystem } from './healthSystem.js';

const at = (s: string) => s as IsoInstant;
const NOW = at('2026-11-23T14:00:00Z');
const FROM = at('2026-11-23T00:00:00-05:00');
const TO = at('2027-02-21T00:00:00-05:00');
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}x`;

const must = <A>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (e._tag === 'Left') throw new Error(JSON.stringify(e.left));
  return e.right;
};

// CPU time of this process (process.cpuUsage): the other work on the machine weighs less on it
// than on wall-clock time. Wall-clock medians are taken from the same samples.
const timeMedians = (fn: () => unknown, samples: number, inner = 1): { cpu: number; wall: number } => {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c = process.cpuUsage();
    const w = performance.now();
    for (let k = 0; k < inner; k++) fn();
    wall.push((performance.now() - w) / inner);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000 / inner);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { cpu: mid(cpu), wall: mid(wall) };
};
const cpuMedian = (fn: () => unknown, samples: number, inner = 1): number =>
  timeMedians(fn, samples, inner).cpu;
/** How long every contender of a side-by-side table runs before it is measured. */
const WARM_UP_MS = 1500;
const warmUp = (fn: () => unknown): void => {
  const until = performance.now() + WARM_UP_MS;
  for (let i = 0; i < 10 || performance.now() < until; i++) fn();
};
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

// --- 0. slot-calculator: one provider, busy blocks, 30-minute visits, 90 days -------------------
// Its input shape: weekday hours 09:00-17:00 in New York and a list of busy blocks (20, 200 and
// 2,000 of 30 minutes, deterministic). Ours gets the same as a calendar in JSON; cold = parse the
// calendar and search, every call; warm = search a parsed calendar.
// Run first, in a small heap: the 200-provider system below would make every collection of this
// small test's garbage slower, which is not the work compared.
const one = { id: 'dr-one', zone: 'America/New_York', locations: ['main'], specialties: ['family-medicine'] };
const lo = instantToMs(FROM);
const hi = instantToMs(TO);
const busyBlocks = (n: number) => {
  const next = seededRandom(n);
  return Array.from({ length: n }, () => {
    const start = lo + next(90) * 86_400_000 + (14 * 60 + next(16) * 30) * 60_000; // 09:00-16:30 EST
    return { start: new Date(start).toISOString(), end: new Date(start + 30 * 60_000).toISOString() };
  });
};
const singleQuery: SlotQuery = { type: 'v30' as SlotQuery['type'], from: FROM, to: TO };
const singleNow = at('2026-11-01T00:00:00Z');
const versus = [20, 200, 2000].map((n) => {
  const busy = busyBlocks(n);
  const raw: unknown = JSON.parse(
    JSON.stringify({
      providers: [one],
      locations: [{ id: 'main', zone: 'America/New_York' }],
      resources: [],
      appointmentTypes: [{ id: 'v30', code: 'V30', durationMinutes: 30 }],
      templates: [
        {
          id: 'single',
          owner: { kind: 'provider', id: one.id },
          zone: 'America/New_York',
          windows: [{ start: '09:00', end: '17:00' }],
          rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
          dtstart: '2026-01-05',
        },
      ],
      exceptions: [],
      appointments: busy.map((b, i) => ({
        id: `busy-${i}`,
        status: 'booked',
        type: 'v30',
        patient: 'pat-1',
        provider: one.id,
        ...b,
      })),
      holds: [],
    }),
  );
  const parsed = must(parseSchedulingCalendar(raw));
  const cold = () => findSlots(singleQuery, must(parseSchedulingCalendar(raw)), { now: singleNow });
  const warm = () => findSlots(singleQuery, parsed, { now: singleNow });
  const peerInput = {
    from: new Date(lo).toISOString(),
    to: new Date(hi).toISOString(),
    availability: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => ({
      day,
      from: '09:00',
      to: '17:00',
      timezone: 'America/New_York',
    })),
    unavailability: busy.map((b) => ({ from: b.start, to: b.end })),
    duration: 30,
  };
  // Every contender warmed up the same way: called until it has run for WARM_UP_MS and at least
  // 10 times (a count alone leaves the cheaper contender's code half compiled: its compiler threads
  // then run during the measurement, on this process's CPU clock). Then medians of CPU time; ours
  // first, so that the peer's garbage is not collected on our clock.
  warmUp(cold);
  warmUp(warm);
  warmUp(() => getSlots(peerInput));
  const coldMs = timeMedians(cold, 15, 10);
  const warmMs = timeMedians(warm, 15, 10);
  const peer = timeMedians(() => getSlots(peerInput), 5);
  return {
    n,
    load: loadNow(),
    peer,
    cold: coldMs,
    warm: warmMs,
    ours: must(warm()).length,
    theirs: getSlots(peerInput).availableSlots.length,
  };
});

// --- 1. The health system -------------------------------------------------------------------
const t0 = performance.now();
const system = generateHealthSystem();
const generated = performance.now() - t0;
const nyProviders = system.providers.filter((p) => p.zone === 'America/New_York').map((p) => p.id);
const first10Query: SlotQuery = {
  type: 'new-40' as SlotQuery['type'],
  from: FROM,
  to: TO,
  providers: nyProviders.slice(0, 20),
};
const coldStart = performance.now();
const firstSlots = must(findSlots(first10Query, system, { now: NOW, limit: 10 }));
const cold = performance.now() - coldStart;
const first10 = measure('first 10', () => findSlots(first10Query, system, { now: NOW, limit: 10 }), {
  samples: 51,
  inner: 5,
});
// --- 1b. The cold path: a request that loads the calendar from JSON ---------------------------
// A new calendar object per call, from the JSON text storage returns: JSON.parse (the runtime's,
// not ours), parseSchedulingCalendar, then the first search on the fresh calendar (its index is
// built for what the search touches). CPU time of this process (process.cpuUsage), so the other
// work on the machine weighs less than on wall-clock time.
const json = JSON.stringify(system);
const coldLoad = loadNow();
const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
// Rounds alternate between the two readings of the text, so that both see the same machine: `copy`
// = JSON.parse, then parseSchedulingCalendar (which copies what it is given); `kept` = the steps
// of parseSchedulingCalendarJson (JSON.parse, then the reading that keeps JSON.parse's objects),
// timed one by one.
const coldRuns = Array.from({ length: 26 }, (_, round) => {
  const kept = round % 2 === 1;
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  const raw: unknown = JSON.parse(json);
  const t1 = process.cpuUsage();
  const w1 = performance.now();
  const cal = must(kept ? keepSchedulingCalendar(raw) : parseSchedulingCalendar(raw));
  const t2 = process.cpuUsage();
  const w2 = performance.now();
  const found = must(findSlots(first10Query, cal, { now: NOW, limit: 10 }));
  const t3 = process.cpuUsage();
  const w3 = performance.now();
  return {
    kept,
    json: ms(t0, t1),
    parse: ms(t1, t2),
    search: ms(t2, t3),
    jsonWall: w1 - w0,
    parseWall: w2 - w1,
    searchWall: w3 - w2,
    same: JSON.stringify(found) === JSON.stringify(firstSlots),
  };
}).slice(4); // the first runs warm the JIT up, as for every other row
const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const coldSteps = (kept: boolean) => {
  const runs = coldRuns.filter((r) => r.kept === kept);
  return {
    runs: runs.length,
    json: med(runs.map((r) => r.json)),
    parse: med(runs.map((r) => r.parse)),
    search: med(runs.map((r) => r.search)),
    total: med(runs.map((r) => r.parse + r.search)),
    jsonWall: med(runs.map((r) => r.jsonWall)),
    parseWall: med(runs.map((r) => r.parseWall)),
    searchWall: med(runs.map((r) => r.searchWall)),
    totalWall: med(runs.map((r) => r.parseWall + r.searchWall)),
    withJson: med(runs.map((r) => r.json + r.parse)),
  };
};
const copied = coldSteps(false);
const kept = coldSteps(true);
if (!coldRuns.every((r) => r.same)) throw new Error('a cold search found other slots');
// The public entry point end to end, to check it is those steps: JSON.parse inside.
const byText = cpuMedian(() => must(parseSchedulingCalendarJson(json)), 5);
// The schema alone, for comparison (what parsing cost before the plain-shape reader).
const rawOnce: unknown = JSON.parse(json);
const bySchema = cpuMedian(() => SchedulingCalendarSchema.safeParse(rawOnce), 5);
const warmFirst10 = timeMedians(() => findSlots(first10Query, system, { now: NOW, limit: 10 }), 21, 5);
const warmCpu = warmFirst10.cpu;
const perSecond = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;

const allQuery: SlotQuery = { type: 'follow-20' as SlotQuery['type'], from: FROM, to: TO };
const allCount = must(findSlots(allQuery, system, { now: NOW })).length;
const all = measure('all slots', () => findSlots(allQuery, system, { now: NOW }), { samples: 21 });

// --- 2. A one-year weekday template in New York -----------------------------------------------
const weekday = (dtstart: string): AvailabilityTemplate =>
  must(
    parseAvailabilityTemplate({
      id: `weekday-${dtstart}`,
      owner: { kind: 'provider', id: 'dr-bench' },
      zone: 'America/New_York',
      windows: [{ start: '09:00', end: '17:00' }],
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      dtstart,
    }),
  );
const year = { from: at('2026-01-01T00:00:00-05:00'), to: at('2027-01-01T00:00:00-05:00') };
const fresh = weekday('2026-01-05');
const old = weekday('2020-01-06');
const ours = measure('expand new', () => expandAvailability([fresh], [], year), { samples: 51, inner: 10 });
const oursOld = measure('expand 2020', () => expandAvailability([old], [], year), { samples: 51, inner: 10 });
const yearFrom = new Date('2026-01-01T05:00:00Z');
const yearTo = new Date('2027-01-01T05:00:00Z');
// Each engine builds its rule inside the timed call: rrule and rrule-temporal memoize results per
// rule object, and an expansion here starts from the template every time too.
const weekdays = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR];
const rrule2020 = (tzid?: string) =>
  new RRule(
    {
      freq: RRule.WEEKLY,
      byweekday: weekdays,
      dtstart: new Date(Date.UTC(2020, 0, 6, 9, 0)),
      ...(tzid === undefined ? {} : { tzid }),
    },
    true,
  );
const rruleTzid = measure('rrule tzid', () => rrule2020('America/New_York').between(yearFrom, yearTo, true), {
  samples: 3,
  warmup: 1,
});
const rruleFloating = measure('rrule floating', () => rrule2020().between(yearFrom, yearTo, true), {
  samples: 21,
});
const temporal = measure(
  'rrule-temporal',
  () =>
    new RRuleTemporal({
      rruleString: 'DTSTART;TZID=America/New_York:20200106T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      cache: false,
    }).between(yearFrom, yearTo, true),
  { samples: 21 },
);
const occurrences = must(expandAvailability([old], [], year))[0]?.intervals.length ?? 0;

// --- 4. Linear growth in bookings ---------------------------------------------------------------
// The 1x run is repeated first so that JIT warm-up is not charged to it.
const growth = [600, 600, 6_000, 60_000].map((n) => {
  const cal = generateHealthSystem({ appointments: n, seed: 11 });
  const q: SlotQuery = {
    type: 'follow-20' as SlotQuery['type'],
    from: FROM,
    to: TO,
    providers: nyProviders.slice(0, 20),
  };
  const start = performance.now();
  findSlots(q, cal, { now: NOW, limit: 1 });
  const index = performance.now() - start;
  const all = measure(`bookings ${n}`, () => findSlots(q, cal, { now: NOW }), { samples: 9 });
  const next = measure(`first 10 with ${n}`, () => findSlots(q, cal, { now: NOW, limit: 10 }), {
    samples: 21,
  });
  const booked = cal.appointments.filter((a) => q.providers?.includes(a.provider)).length;
  return { n, booked, index, all: all.medianMs, first: next.medianMs };
});
growth.shift();
const base = growth[0] as (typeof growth)[number];

writeSection(
  'scheduling',
  `## Scheduling

\`npx tsx bench/scheduling.bench.ts\`. Health system from \`bench/healthSystem.ts\` (deterministic):
${system.providers.length} providers in 4 US zones, ${system.resources.length} rooms and devices, ${system.templates.length} templates (weekday hours with lunch, every-2-weeks Saturday clinics, nth-Wednesday evening clinics), 5 holidays, ${system.appointments.length.toLocaleString('en-US')} appointments over 90 days (generated in ${fmtMs(generated)} ms, parsed through the zod schemas).
Load average during the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' / ',
    )} on ${cpus().length} cores (other work shares this machine; compare ratios measured in the same run).
Medians; the first call on a calendar reads the bookings of the providers and resources it touches (grouped by the parser) and expands their availability per 7-day bucket, later calls reuse both. The generated calendar below was built in memory, so its first call also groups the bookings.

${table(
  ['case', 'median', 'target', 'notes'],
  [
    [
      'findSlots first 10, new patient 40 min, 20 eligible providers, exam room required (warm)',
      `${fmtMs(first10.medianMs)} ms`,
      '< 1 ms',
      `first call on the generated calendar: ${fmtMs(cold)} ms; first slot ${firstSlots[0]?.start ?? 'none'}`,
    ],
    [
      'findSlots all slots, all 200 providers, 90 days (follow-up 20 min)',
      `${fmtMs(all.medianMs)} ms`,
      '< 100 ms',
      `${allCount.toLocaleString('en-US')} slots`,
    ],
    [
      'expand one-year weekday template, America/New_York, DTSTART 2026-01-05',
      `${fmtMs(ours.medianMs)} ms`,
      '< 1 ms',
      `${occurrences} occurrences`,
    ],
    [
      'same, DTSTART 2020-01-06 (rule age)',
      `${fmtMs(oursOld.medianMs)} ms`,
      'same as new',
      `${ratio(oursOld.medianMs, ours.medianMs)} the new template`,
    ],
    [
      'rrule 2.8.1 with TZID (DTSTART 2020), between one year',
      `${fmtMs(rruleTzid.medianMs)} ms`,
      '',
      `ours is ${ratio(rruleTzid.medianMs, oursOld.medianMs)} faster`,
    ],
    [
      'rrule 2.8.1 floating (no TZID, DTSTART 2020)',
      `${fmtMs(rruleFloating.medianMs)} ms`,
      '',
      `ours is ${ratio(rruleFloating.medianMs, oursOld.medianMs)} faster; rrule iterates from DTSTART`,
    ],
    [
      'rrule-temporal 2.2.8 with TZID (DTSTART 2020)',
      `${fmtMs(temporal.medianMs)} ms`,
      '',
      `ours is ${ratio(temporal.medianMs, oursOld.medianMs)} faster`,
    ],
  ],
)}

The cold path: a request that loads the calendar from its JSON (${(json.length / 2 ** 20).toFixed(1)} MiB) and asks for the first
10 slots of the 20 New York providers (new patient, 40 min, exam room); a new calendar object per
call. Two readings of the text, in alternate rounds: JSON.parse then \`parseSchedulingCalendar\`
(which copies what it is given), and the steps of \`parseSchedulingCalendarJson\` (JSON.parse, then
the reading that keeps the objects JSON.parse built). CPU time of this process and wall-clock time,
medians of ${copied.runs} runs of each after 2 warm-up runs of each (load average ${coldLoad} when
they started); warm = the same search on a calendar searched before: ${fmtMs(warmFirst10.cpu)} ms CPU
(${fmtMs(warmFirst10.wall)} wall).

${table(
  [
    'step (cold, per request)',
    'JSON.parse + parseSchedulingCalendar: CPU (wall)',
    'parseSchedulingCalendarJson: CPU (wall)',
    'target',
    'notes',
  ],
  [
    [
      "JSON.parse of the stored calendar (the runtime's)",
      `${fmtMs(copied.json)} ms (${fmtMs(copied.jsonWall)})`,
      `${fmtMs(kept.json)} ms (${fmtMs(kept.jsonWall)})`,
      '',
      'the caller may load less: see the scheduling guide, "What to load per request"',
    ],
    [
      'reading the calendar (our code)',
      `${fmtMs(copied.parse)} ms (${fmtMs(copied.parseWall)})`,
      `${fmtMs(kept.parse)} ms (${fmtMs(kept.parseWall)})`,
      '≥ 1,000,000 appointments/s',
      `${perSecond(system.appointments.length, copied.parse)} copied, ${perSecond(system.appointments.length, kept.parse)} kept (CPU); the schema alone: ${fmtMs(bySchema)} ms CPU (${perSecond(system.appointments.length, bySchema)})`,
    ],
    [
      'findSlots first 10 on the fresh calendar (index + search)',
      `${fmtMs(copied.search)} ms (${fmtMs(copied.searchWall)})`,
      `${fmtMs(kept.search)} ms (${fmtMs(kept.searchWall)})`,
      '< 10 ms',
      'bookings grouped and timed by the parser; sorted only for the 20 providers and their rooms',
    ],
    [
      'reading + index + search',
      `${fmtMs(copied.total)} ms (${fmtMs(copied.totalWall)})`,
      `${fmtMs(kept.total)} ms (${fmtMs(kept.totalWall)})`,
      '< 60 ms',
      `${ratio(copied.total, warmCpu)} / ${ratio(kept.total, warmCpu)} the warm search (CPU)`,
    ],
    [
      'JSON.parse + reading',
      `${fmtMs(copied.withJson)} ms`,
      `${fmtMs(kept.withJson)} ms`,
      '',
      `parseSchedulingCalendarJson called whole: ${fmtMs(byText)} ms CPU (median of 5, after the rounds)`,
    ],
  ],
)}

slot-calculator 2.2.1 side by side on its own kind of input: one provider, weekday hours 09:00-17:00
in New York, 90 days, 30-minute visits, busy blocks of 30 minutes. Cold = our calendar parsed from
JSON and searched on every call (a new calendar object, so its index, rules and availability are
built again); warm = searched on a parsed calendar. Each contender runs for ${WARM_UP_MS / 1000} s (and at
least 10 calls) before it is measured. Medians of CPU time (wall-clock time in brackets); ratios of
CPU time; the load average when each row started.

${table(
  [
    'busy blocks',
    'slot-calculator',
    'ours cold (parse + search)',
    'ours warm',
    'ratio cold (target ≥ 100x)',
    'ratio warm',
    'slots (ours / theirs)',
    'load',
  ],
  versus.map((v) => [
    v.n.toLocaleString('en-US'),
    `${fmtMs(v.peer.cpu)} ms (${fmtMs(v.peer.wall)})`,
    `${fmtMs(v.cold.cpu)} ms (${fmtMs(v.cold.wall)})`,
    `${fmtMs(v.warm.cpu)} ms (${fmtMs(v.warm.wall)})`,
    ratio(v.peer.cpu, v.cold.cpu),
    ratio(v.peer.cpu, v.warm.cpu),
    `${v.ours} / ${v.theirs}`,
    v.load,
  ]),
)}

Growth with bookings: the same 200-provider system with 1x, 10x and 100x the appointments; searches
for 20 New York providers (follow-up 20 min). The first call builds the index (linear in the
appointments, plus a fixed availability expansion); a warm search reads only the bookings near
the window it looks at, and an all-slots search shrinks as bookings take the slots.

${table(
  [
    'appointments (of the 20)',
    'first call: index + expansion',
    'warm: first 10 slots',
    'warm: all slots, 90 days',
  ],
  growth.map((g) => [
    `${g.n.toLocaleString('en-US')} (${g.booked.toLocaleString('en-US')})`,
    `${fmtMs(g.index)} ms (${ratio(g.index, base.index)})`,
    `${fmtMs(g.first)} ms (${ratio(g.first, base.first)})`,
    `${fmtMs(g.all)} ms (${ratio(g.all, base.all)})`,
  ]),
)}

Where the slot counts differ, slot-calculator does not apply the wall-clock grid the same way and counts slots touching busy blocks differently; the comparison is of the work, on the same input.`,
);
