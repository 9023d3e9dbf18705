// RRULE values are checked part by part when a template is parsed (RFC 5545 §3.3.10): each
// broken part is one issue naming it, with a rule code. Expectations come from the RFC's grammar.
import { describe, expect, it } from 'vitest';
import { findSlots, parseAvailabilityTemplate } from '../../src/scheduling/index.js';
import { at, calendar, leftOf, provider, query, template, unwrap, visit30 } from './fixtures.js';

const issuesOf = (rrule: string) =>
  leftOf(parseAvailabilityTemplate(template('t', 'dr-a', { rrule }))).issues.map((i) => [
    i.path,
    i.rule,
    i.message.split(': ')[1]?.replace(/^rrule /, ''),
  ]);

describe('RRULE parts', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=XX', 'rrule.invalid-weekday', 'BYDAY=XX'],
    ['FREQ=SOMETIMES', 'rrule.invalid-freq', 'FREQ=SOMETIMES'],
    ['FREQ=HOURLY', 'rrule.unsupported-freq', 'FREQ=HOURLY'],
    ['FREQ=WEEKLY;INTERVAL=0', 'rrule.out-of-range', 'INTERVAL=0'],
    ['FREQ=WEEKLY;INTERVAL=two', 'rrule.invalid-number', 'INTERVAL=two'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'rrule.out-of-range', 'BYMONTHDAY=32'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'rrule.out-of-range', 'BYMONTHDAY=0'],
    ['FREQ=YEARLY;BYMONTH=13', 'rrule.out-of-range', 'BYMONTH=13'],
    ['FREQ=YEARLY;BYYEARDAY=367', 'rrule.out-of-range', 'BYYEARDAY=367'],
    ['FREQ=YEARLY;BYWEEKNO=54', 'rrule.out-of-range', 'BYWEEKNO=54'],
    ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=0', 'rrule.out-of-range', 'BYSETPOS=0'],
    ['FREQ=MONTHLY;BYDAY=54MO', 'rrule.out-of-range', 'BYDAY=54MO'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'rrule.not-with-freq', 'BYDAY=1MO'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'rrule.not-with-freq', 'BYMONTHDAY=1'],
    ['FREQ=MONTHLY;BYWEEKNO=1', 'rrule.not-with-freq', 'BYWEEKNO=1'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'rrule.setpos-alone', 'BYSETPOS=1'],
    ['FREQ=DAILY;COUNT=5;UNTIL=20270101', 'rrule.until-and-count', 'UNTIL=20270101;COUNT=5'],
    ['FREQ=DAILY;UNTIL=20270231', 'rrule.invalid-until', 'UNTIL=20270231'],
    ['FREQ=DAILY;COUNT=0', 'rrule.out-of-range', 'COUNT=0'],
    ['FREQ=DAILY;BYHOUR=9', 'rrule.unsupported-part', 'BYHOUR=9'],
    ['FREQ=DAILY;COLOR=RED', 'rrule.unknown-part', 'COLOR=RED'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'rrule.repeated-part', 'FREQ=WEEKLY'],
    ['BYDAY=MO', 'rrule.missing-freq', 'BYDAY=MO'],
    ['FREQ=WEEKLY;;BYDAY=MO', 'rrule.malformed-part', ''],
    ['FREQ=WEEKLY;WKST=1MO', 'rrule.invalid-weekday', 'WKST=1MO'],
  ])('%s is refused as %s naming %s', (rrule, rule, part) => {
    const issues = issuesOf(rrule);
    expect(issues.map(([path, code]) => [path, code])).toContainEqual(['rrule', rule]);
    if (part !== '') expect(issues.map(([, , message]) => message)).toContain(part);
  });

  it('names every broken part, not only the first', () => {
    expect(issuesOf('FREQ=WEEKLY;INTERVAL=0;BYDAY=MO,XX').map(([, rule, part]) => [rule, part])).toEqual([
      ['rrule.out-of-range', 'INTERVAL=0'],
      ['rrule.invalid-weekday', 'BYDAY=XX'],
    ]);
  });

  it.each([
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    'RRULE:FREQ=MONTHLY;BYDAY=1MO,-1FR',
    'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    'FREQ=DAILY;INTERVAL=3;UNTIL=20271231T235959Z',
    'FREQ=weekly;byday=mo;wkst=su',
  ])('%s is accepted', (rrule) => {
    expect(unwrap(parseAvailabilityTemplate(template('t', 'dr-a', { rrule }))).rrule).toBe(rrule);
  });
});

describe('weekly templates without DTSTART', () => {
  it('days and windows are enough; dtstart, when given, is the first date', () => {
    const weekly = { rrule: undefined, dtstart: undefined, days: ['TU', 'TH'] };
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [visit30],
      templates: [
        { ...template('w', 'dr-a', { windows: [{ start: '09:00', end: '10:00' }] }), ...weekly },
        {
          ...template('late', 'dr-a', { windows: [{ start: '14:00', end: '14:30' }] }),
          ...weekly,
          dtstart: '2026-11-26',
        },
      ],
    });
    const q = query({ type: 'visit-30', from: '2026-11-23T00:00:00-05:00', to: '2026-11-28T00:00:00-05:00' });
    // Tue 24 and Thu 26 from 09:00 (two slots each); the 14:00 window starts on Thu 26.
    expect(unwrap(findSlots(q, cal, { now: at('2026-11-01T00:00:00Z') })).map((s) => s.start)).toEqual([
      '2026-11-24T09:00:00-05:00',
      '2026-11-24T09:30:00-05:00',
      '2026-11-26T09:00:00-05:00',
      '2026-11-26T09:30:00-05:00',
      '2026-11-26T14:00:00-05:00',
    ]);
  });

  it('exactly one of rrule and days; rrule and count need dtstart', () => {
    const rules = (extra: Record<string, unknown>) =>
      leftOf(parseAvailabilityTemplate({ ...template('t', 'dr-a'), ...extra })).issues.map((i) => i.path);
    expect(rules({ days: ['MO'] })).toEqual(['rrule']);
    expect(rules({ rrule: undefined })).toEqual(['rrule']);
    expect(rules({ dtstart: undefined })).toEqual(['dtstart']);
    expect(rules({ rrule: undefined, dtstart: undefined, days: ['MO'], count: 3 })).toEqual(['dtstart']);
    expect(rules({ rrule: undefined, days: ['XX'] })).toEqual(['days.0']);
  });
});

describe('rules that never occur', () => {
  it.each([
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3', false],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6', false],
    ['FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31', false],
    ['FREQ=MONTHLY;INTERVAL=12;BYMONTH=3', false],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', true],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', true],
    ['FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO', true],
    ['FREQ=MONTHLY;BYDAY=5FR', true],
  ])('%s occurs: %s (refused as a value, not walked to the year 9999)', (rrule, occurs) => {
    // dtstart 2026-01-05 (a Monday, in January)
    const t = unwrap(parseAvailabilityTemplate(template('t', 'dr-a', { rrule })));
    const cal = calendar({ providers: [provider('dr-a')], appointmentTypes: [visit30], templates: [t] });
    const q = query({ type: 'visit-30', from: '2026-11-01T00:00:00-04:00', to: '2026-12-01T00:00:00-05:00' });
    const r = findSlots(q, cal, { now: at('2026-01-01T00:00:00Z') });
    expect(r._tag === 'Left' ? r.left.code : 'searched').toBe(
      occurs ? 'searched' : 'scheduling.invalid-rule',
    );
  });
});
