// A calendar that parsed never makes a scheduling function throw: calendars built from the
// `medoffice/testing` arbitraries, with hostile RRULE strings slipped into their templates, either
// fail to parse or go through findSlots, firstAvailable, validateBooking, expandAvailability,
// utilization and planSeries returning values (Right or Left), never an exception.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  expandAvailability,
  findSlots,
  firstAvailable,
  parseSchedulingCalendar,
  planSeries,
  utilization,
  validateBooking,
  type SeriesPattern,
} from '../../src/scheduling/index.js';
import {
  appointmentArbitrary,
  appointmentTypeArbitrary,
  availabilityExceptionArbitrary,
  availabilityTemplateArbitrary,
  holdArbitrary,
  locationArbitrary,
  providerArbitrary,
  resourceArbitrary,
} from '../../src/testing/index.js';
import { at } from './fixtures.js';

const HOSTILE_RULES = [
  'FREQ=WEEKLY;BYDAY=XX',
  'FREQ=SOMETIMES',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=MONTHLY;BYMONTHDAY=32',
  'FREQ=DAILY;COUNT=3;UNTIL=20270101',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3',
  'FREQ=MONTHLY;BYDAY=5FR;BYSETPOS=-1',
  'FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO',
  'FREQ=YEARLY;BYWEEKNO=-53;BYDAY=SU;COUNT=4',
  'FREQ=DAILY;INTERVAL=999999',
  'FREQ=WEEKLY;INTERVAL=10000',
  'FREQ=YEARLY;BYYEARDAY=366',
  'FREQ=YEARLY;BYYEARDAY=-366;COUNT=2',
  'FREQ=MONTHLY;BYMONTHDAY=-31',
  'FREQ=DAILY;UNTIL=19000101',
  'FREQ=DAILY;UNTIL=99991231T235959Z',
  'FREQ=WEEKLY;WKST=XX',
  'RRULE:FREQ=DAILY',
  'FREQ=MONTHLY;BYSETPOS=1;BYMONTH=1',
  'FREQ=YEARLY;BYDAY=53MO',
  'FREQ=MONTHLY;BYDAY=-53MO;COUNT=5',
  'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=2;BYSETPOS=366',
  'FREQ=DAILY;COUNT=100000',
  ';;;',
  'FREQ=',
  '=WEEKLY',
  'FREQ=WEEKLY;BYDAY=MO,,TU',
  'FREQ=WEEKLY;BYDAY=+MO',
  'FREQ=DAILY;BYEASTER=0',
  'FREQ=DAILY\nDTSTART:20260101T000000Z',
  'FREQ=DAILY;DTSTART=20260101',
  'freq=daily;interval=2',
  'FREQ=WEEKLY;BYDAY=MO;INTERVAL=3;WKST=SU;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12',
];

const ruleArb = fc.oneof(
  fc.constantFrom(...HOSTILE_RULES),
  fc.string({ maxLength: 40 }),
  fc
    .array(fc.constantFrom(...HOSTILE_RULES.flatMap((r) => r.split(';'))), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.join(';')),
);

const calendarArb = fc
  .record({
    providers: fc.uniqueArray(providerArbitrary, { minLength: 1, maxLength: 3, selector: (p) => p.id }),
    locations: fc.uniqueArray(locationArbitrary, { maxLength: 2, selector: (l) => l.id }),
    resources: fc.uniqueArray(resourceArbitrary, { maxLength: 2, selector: (r) => r.id }),
    types: fc.uniqueArray(appointmentTypeArbitrary, { minLength: 1, maxLength: 2, selector: (t) => t.id }),
    templates: fc.array(fc.tuple(availabilityTemplateArbitrary, fc.option(ruleArb, { nil: undefined })), {
      maxLength: 4,
    }),
    exceptions: fc.array(availabilityExceptionArbitrary, { maxLength: 3 }),
    appointments: fc.array(appointmentArbitrary('2026-11-01' as never, '2026-12-31' as never), {
      maxLength: 6,
    }),
    holds: fc.array(holdArbitrary, { maxLength: 2 }),
    series: ruleArb,
  })
  .map((c) => {
    const owner = (i: number) => ({ kind: 'provider', id: c.providers[i % c.providers.length]?.id });
    const typeOf = (i: number) => c.types[i % c.types.length]?.id;
    return {
      raw: {
        providers: c.providers,
        locations: c.locations,
        resources: c.resources,
        appointmentTypes: c.types,
        // Owners and types remapped onto the generated ones, so that most calendars parse.
        templates: c.templates.map(([t, rule], i) => ({
          ...t,
          owner: owner(i),
          location: undefined,
          appointmentTypes: undefined,
          ...(rule === undefined ? {} : { rrule: rule }),
        })),
        exceptions: c.exceptions.map((x, i) =>
          'owner' in x && x.owner !== undefined
            ? { ...x, owner: owner(i), location: undefined, appointmentTypes: undefined }
            : { ...x, location: undefined },
        ),
        appointments: c.appointments.map((a, i) => ({
          ...a,
          provider: owner(i).id,
          type: typeOf(i),
          resources: undefined,
        })),
        holds: c.holds.map((h, i) => ({
          ...h,
          provider: owner(i).id,
          resources: undefined,
          type: undefined,
        })),
      },
      series: c.series,
    };
  });

const NOW = at('2026-11-23T14:00:00Z');
const RANGE = { from: at('2026-11-23T00:00:00Z'), to: at('2026-12-07T00:00:00Z') };

describe('a parsed calendar never makes a function throw', () => {
  test.prop([calendarArb], { numRuns: 80 })('every entry point returns a value', ({ raw, series }) => {
    const parsed = parseSchedulingCalendar(raw);
    if (parsed._tag === 'Left') return;
    const cal = parsed.right;
    const type = cal.appointmentTypes[0]?.id;
    const provider = cal.providers[0]?.id;
    if (type === undefined || provider === undefined) return;
    const query = { type, ...RANGE };
    const pattern: SeriesPattern = {
      rrule: `${series};COUNT=3`,
      dtstart: '2026-11-24' as SeriesPattern['dtstart'],
      time: '09:00' as SeriesPattern['time'],
      zone: cal.providers[0]?.zone as SeriesPattern['zone'],
    };
    const calls: [string, () => unknown][] = [
      ['findSlots', () => findSlots(query, cal, { now: NOW, limit: 20 })],
      ['firstAvailable', () => firstAvailable(query, cal, { now: NOW })],
      [
        'validateBooking',
        () =>
          validateBooking(
            {
              id: 'new' as never,
              status: 'booked',
              type,
              patient: 'pt-new' as never,
              provider,
              start: at('2026-11-24T14:00:00Z'),
              end: at('2026-11-24T14:30:00Z'),
            },
            cal,
            NOW,
          ),
      ],
      ['expandAvailability', () => expandAvailability(cal.templates, cal.exceptions, RANGE)],
      ['utilization', () => utilization(cal, RANGE)],
      ['planSeries', () => planSeries(pattern, { type }, cal, { now: NOW })],
    ];
    for (const [name, call] of calls) {
      let thrown: unknown;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect([name, thrown]).toEqual([name, undefined]);
    }
  });
});
