// No patient data in any error or warning (DESIGN rule 3, issue 16). Valid inputs of every module
// get recognisable fake patient data planted in one field at a time (a name, SSN, member id, date
// of birth, phone, address and e-mail in one string), and every error and warning that comes back
// must be free of it:
// - every `parseX` of every module with a `xArbitrary` in medoffice/testing (paired by name, so a
//   new model with an arbitrary is covered), and the billing and communications models read from
//   the vendored 837P / 835 files and the test fixtures;
// - the X12 readers with the fake data in every element of the vendored X12 files (warnings
//   included), the clearinghouse reader in every string of its JSON;
// - the functions that report on validated values: checkClaim's edits, routeMessage, planReminders'
//   skipped list, renderLetter's errors.
// The FHIR mappers are covered by fhirMappers.test.ts (every node set to the same fake data).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as billing from '../../src/billing/index.js';
import * as communications from '../../src/communications/index.js';
import * as core from '../../src/core/index.js';
import * as insurance from '../../src/insurance/index.js';
import * as records from '../../src/records/index.js';
import * as referrals from '../../src/referrals/index.js';
import * as scheduling from '../../src/scheduling/index.js';
import * as testing from '../../src/testing/index.js';
import { appt, contact, instant, rules as reminderRules } from '../communications/fixtures.js';
import { DATA, dataFile, dataFiles } from '../support/testData.js';

/** The fake patient: each fragment is searched for in every message. */
const FAKE = {
  family: 'Qophiname',
  given: 'Zyxwa',
  ssn: '078-05-1120',
  member: 'PHIMEMBER9931',
  dob: '1907-07-17',
  phone: '617-555-0142',
  street: 'Quillbrook',
  email: 'zyxwa.q@example.org',
} as const;
const FRAGMENTS: readonly string[] = [
  ...Object.values(FAKE),
  '078051120',
  '19070717',
  '6175550142',
  'QOPHINAME',
  'ZYXWA',
  'PHIMEMBER',
];
const FAKE_TEXT = `${FAKE.given} ${FAKE.family} SSN ${FAKE.ssn} member ${FAKE.member} born ${FAKE.dob} tel ${FAKE.phone} 12 ${FAKE.street} Rd ${FAKE.email}`;
/** The same data as an X12 element can carry it (no separators). */
const FAKE_X12 = `${FAKE.family} ${FAKE.given} 078051120 ${FAKE.member} 19070717 6175550142 ${FAKE.street}`;

// References a report hands back so the caller can find the record it is about (the appointment
// skipped, the chart kept): the caller's own ids, not text copied from patient data.
const isReference = (key: string): boolean =>
  key === 'id' || key === 'appointment' || key === 'patient' || key.endsWith('Id');

/** Fragments of the fake patient found in any string reachable from a report (references aside). */
const leaks = (value: unknown): string[] => {
  const found = new Set<string>();
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const upper = v.toUpperCase();
      for (const f of FRAGMENTS) if (upper.includes(f.toUpperCase())) found.add(f);
    } else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      for (const k of Reflect.ownKeys(v)) {
        if (typeof k === 'string' && isReference(k) && !Array.isArray(v)) continue;
        if (typeof k === 'string') stack.push(k);
        stack.push((v as Record<PropertyKey, unknown>)[k]);
      }
    }
  }
  return [...found];
};

// Where a result carries its errors and warnings (a Right's data is the patient's own, by design).
const REPORT_KEYS = new Set(['warnings', 'errors', 'issues', 'edits', 'skipped', 'problems', 'escalation']);

/** The errors and warnings of a result: a Left whole, the report fields of a Right or a plain value. */
const reportOf = (result: unknown): unknown[] => {
  const r = result as { _tag?: string; left?: unknown; right?: unknown } | null;
  if (r !== null && typeof r === 'object' && r._tag === 'Left') return [r.left];
  const value = r !== null && typeof r === 'object' && r._tag === 'Right' ? r.right : result;
  const out: unknown[] = [];
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    for (const [k, c] of Object.entries(v)) (REPORT_KEYS.has(k) ? out : stack).push(c);
  }
  return out;
};

const tally = new Map<string, { calls: number; reports: number }>();
const failures: string[] = [];

/** Calls one function on one input, records its report, and any fake data in it. */
const probe = (name: string, label: string, call: () => unknown): void => {
  const t = tally.get(name) ?? { calls: 0, reports: 0 };
  tally.set(name, t);
  t.calls++;
  const report = reportOf(call());
  if (report.some((r) => !(Array.isArray(r) && r.length === 0))) t.reports++;
  const found = leaks(report);
  if (found.length > 0 && failures.length < 30) failures.push(`${name} on ${label}: ${found.join(', ')}`);
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a string in a JSON value. */
const stringPaths = (root: Json): (string | number)[][] => {
  const out: (string | number)[][] = [];
  const stack: { v: Json; path: (string | number)[] }[] = [{ v: root, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: Json; path: (string | number)[] };
    if (typeof v === 'string') out.push(path);
    else if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else if (v !== null && typeof v === 'object')
      for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
  }
  return out;
};

/** The value with the string at `path` replaced by the fake patient data. */
const planted = (root: Json, path: readonly (string | number)[], text = FAKE_TEXT): Json => {
  const copy = structuredClone(root);
  if (path.length === 0) return text;
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = text;
  return copy;
};

// Fields that hold no patient data and are named back on purpose: a template's recurrence rule is
// the practice's text, and its problems quote the part to fix (`BYDAY=XX`).
const NOT_PATIENT_DATA = new Set(['rrule']);

/** Runs a function on a sample with the fake data in each of its strings, one at a time. */
const everyString = (name: string, sample: unknown, call: (input: Json) => unknown): void => {
  const json = JSON.parse(JSON.stringify(sample)) as Json;
  for (const path of stringPaths(json))
    if (!NOT_PATIENT_DATA.has(String(path[path.length - 1])))
      probe(name, path.join('.'), () => call(planted(json, path)));
};

const MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  core,
  records,
  insurance,
  referrals,
  billing,
  scheduling,
  communications,
};

type Parse = (input: unknown) => unknown;

const must = <T>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }): T => {
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
  return r.right;
};

const x12Samples = (dir: string): { name: string; text: string }[] =>
  dataFiles(`x12/${dir}`)
    .map((f) => ({ name: `${dir}/${f}`, text: dataFile(`x12/${dir}/${f}`) }))
    .filter((s) => s.text.startsWith('ISA'));

describe('no patient data in any error or warning', () => {
  beforeEach(() => {
    failures.length = 0;
  });

  it('parseX of every model with an arbitrary, fake data in each string field', () => {
    // Arbitraries and arbitrary makers whose arguments all have defaults (`appointmentArbitrary()`);
    // `draftReferral` and `reachableReferral` are referrals.
    const arbitraries = (Object.entries(testing) as [string, unknown][]).flatMap(
      ([name, v]): [string, fc.Arbitrary<unknown>][] => {
        if (!name.endsWith('Arbitrary')) return [];
        const arb = typeof v === 'function' && v.length === 0 ? (v as () => unknown)() : v;
        return arb instanceof fc.Arbitrary ? [[name.replace(/^(draft|reachable)(?=[A-Z])/, ''), arb]] : [];
      },
    );
    const paired: string[] = [];
    for (const [arbName, arb] of arbitraries) {
      const model = arbName.replace(/Arbitrary$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
      const parseName = `parse${model.charAt(0).toUpperCase()}${model.slice(1)}`;
      for (const [module, barrel] of Object.entries(MODULES)) {
        const parse = barrel[parseName];
        if (typeof parse !== 'function') continue;
        paired.push(`${module}.${parseName}`);
        for (const sample of fc.sample(arb, { seed: 16, numRuns: 3 }))
          everyString(`${module}.${parseName}`, sample, (input) => (parse as Parse)(input));
      }
    }
    // The pairing found the models it should (a renamed arbitrary would silently drop one).
    expect(paired).toEqual(
      expect.arrayContaining([
        'records.parsePatient',
        'insurance.parseCoverage',
        'referrals.parseReferral',
        'scheduling.parseAppointment',
      ]),
    );
    expect(failures).toEqual([]);
  });

  it('billing: parseClaim, parseRemittance and checkClaim on the vendored 837P and 835 files', () => {
    const claims = x12Samples('837p').flatMap((s) => {
      const r = billing.read837P(s.text);
      return r._tag === 'Right' ? r.right.claims : [];
    });
    expect(claims.length).toBeGreaterThan(3);
    for (const claim of claims.slice(0, 6)) {
      everyString('billing.parseClaim', claim, (input) => billing.parseClaim(input));
      // The edits on the claim with the fake data in each field (where it still parses).
      everyString('billing.checkClaim', claim, (input) => {
        const parsed = billing.parseClaim(input);
        return parsed._tag === 'Right'
          ? // checkClaim returns its edits as a plain list: hand them over as the report.
            {
              edits: billing.checkClaim(parsed.right, billing.DEFAULT_CLAIM_RULES, {
                submissionDate: core.isoDate('2030-01-01'),
                timelyFilingDays: 90,
                authorizationRequired: ['99213', '72148'],
              }),
            }
          : {};
      });
    }
    const remittances = x12Samples('835').flatMap((s) => {
      const r = billing.read835(s.text);
      return r._tag === 'Right' ? r.right.remittances : [];
    });
    expect(remittances.length).toBeGreaterThan(0);
    for (const remittance of remittances.slice(0, 3))
      everyString('billing.parseRemittance', remittance, (input) => billing.parseRemittance(input));
    expect(failures).toEqual([]);
  });

  it('communications: contacts, reminder and routing rules, messages, reminders, letters', () => {
    everyString('communications.parsePatientContact', contact('p1'), (i) =>
      communications.parsePatientContact(i),
    );
    everyString('communications.parseReminderRules', reminderRules(), (i) =>
      communications.parseReminderRules(i),
    );
    everyString('communications.parseRoutingRules', { zone: 'America/New_York' }, (i) =>
      communications.parseRoutingRules(i),
    );
    const routing = must(communications.parseRoutingRules({ zone: 'America/New_York' }));
    for (const text of [
      FAKE_TEXT,
      `${FAKE_TEXT} has chest pain`,
      `refill for ${FAKE_TEXT}`,
      `bill ${FAKE_TEXT}`,
    ])
      for (const channel of ['phone', 'portal', 'sms'])
        probe('communications.routeMessage', channel, () =>
          communications.routeMessage(
            { text, channel } as never,
            routing,
            instant('2026-11-23T09:15:00-05:00'),
          ),
        );
    everyString(
      'communications.parseIncomingMessage',
      { text: FAKE_TEXT, channel: 'portal', patient: 'p1' },
      (i) => communications.parseIncomingMessage(i),
    );
    // Reminders skipped for every reason the plan gives, with the fake data in the ids it quotes.
    const appointments = [
      appt(FAKE.member, '2026-11-24T12:00:00-05:00', { patient: FAKE.member }),
      appt(`${FAKE.family}-2`, '2026-11-24T13:00:00-05:00', { patient: 'nobody' }),
      appt(`${FAKE.given}-3`, '2026-11-20T13:00:00-05:00', { patient: FAKE.member }),
    ];
    probe('communications.planReminders', 'skipped', () =>
      communications.planReminders(
        appointments,
        [contact(FAKE.member, { preferences: ['sms'], consent: [] })],
        reminderRules(),
        instant('2026-11-23T09:00:00-05:00'),
      ),
    );
    // Letters: every template to every kind of recipient, with the fake data in every field, in
    // half of them, or taken from two charts (refusals name fields and rules only).
    const kinds = ['patient', 'specialist', 'payer', 'attorney', 'family'] as const;
    for (const template of Object.values(communications.LETTER_TEMPLATES)) {
      const names = [...template.body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);
      const all = Object.fromEntries(names.map((n) => [n, FAKE_TEXT]));
      const half = Object.fromEntries(names.filter((_, i) => i % 2 === 0).map((n) => [n, FAKE_TEXT]));
      for (const kind of kinds)
        for (const [label, fields, sources] of [
          ['all fields', all, undefined],
          ['half the fields', half, undefined],
          ['two charts', all, [FAKE.member, 'p2']],
        ] as const)
          probe('communications.renderLetter', `${template.id} to ${kind}, ${label}`, () =>
            communications.renderLetter(
              template,
              {
                patient: FAKE.member as never,
                fields,
                ...(sources === undefined ? {} : { sourcePatients: sources as never }),
              },
              { kind, name: FAKE_TEXT },
            ),
          );
    }
    expect(failures).toEqual([]);
  });

  it('X12 readers: the fake data in every element of the vendored files (warnings included)', () => {
    const readers: [string, Parse][] = [
      ['insurance.parseX12', insurance.parseX12 as Parse],
      ['insurance.read271', insurance.read271 as Parse],
      ['billing.read835', billing.read835 as Parse],
      ['billing.read837P', billing.read837P as Parse],
      ['billing.read277', billing.read277 as Parse],
    ];
    const dirs = readdirSync(resolve(DATA, 'x12'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'json')
      .map((d) => d.name);
    // Up to 150 variants a file, fewer for long files (about 400 kB of X12 read per file and reader).
    const variantsFor = (length: number): number => Math.max(10, Math.min(150, Math.floor(400_000 / length)));
    for (const dir of dirs)
      for (const s of x12Samples(dir)) {
        const element = s.text.charAt(3);
        const terminator = s.text.charAt(105);
        const segments = s.text.split(terminator);
        const slots: [number, number][] = [];
        segments.forEach((seg, i) => {
          const n = seg.split(element).length;
          // ISA is fixed-width: its elements are left alone so the file still opens.
          if (!/^\s*ISA$/.test(seg.split(element)[0] ?? '')) for (let e = 1; e < n; e++) slots.push([i, e]);
        });
        const stride = Math.max(1, Math.ceil(slots.length / variantsFor(s.text.length)));
        for (let k = 0; k < slots.length; k += stride) {
          const [i, e] = slots[k] as [number, number];
          const text = segments
            .map((seg, j) =>
              j === i
                ? seg
                    .split(element)
                    .map((x, m) => (m === e ? FAKE_X12 : x))
                    .join(element)
                : seg,
            )
            .join(terminator);
          for (const [name, read] of readers)
            if (name !== 'insurance.read271' || dir === '271')
              if (name !== 'billing.read835' || dir === '835')
                if (name !== 'billing.read837P' || dir === '837p')
                  if (name !== 'billing.read277' || dir === '277')
                    probe(name, `${s.name} ${i}-${e}`, () => read(text));
        }
      }
    expect(failures).toEqual([]);
  });

  it('clearinghouse reader: the fake data in every string of the vendored JSON', () => {
    for (const f of dataFiles('x12/json'))
      everyString('insurance.fromClearinghouseEligibility', JSON.parse(dataFile(`x12/json/${f}`)), (i) =>
        insurance.fromClearinghouseEligibility(i),
      );
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    const rows = [...tally].sort(([a], [b]) => a.localeCompare(b));
    const calls = rows.reduce((n, [, t]) => n + t.calls, 0);
    console.log(
      [
        `no-PHI check: ${rows.length} functions, ${calls} calls with planted fake patient data`,
        ...rows.map(([name, t]) => `  ${name}: ${t.calls} calls, ${t.reports} with errors or warnings`),
      ].join('\n'),
    );
  });
});
