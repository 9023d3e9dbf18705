// The 30 edge cases of reference/scheduling.md §4, one named test (or group) each. Expected
// instants are computed by hand from the 2026 transition table (tz database) in that document; the
// arithmetic is in the comments. Cases 16 and 29 (app-4) and the FHIR Slot mapping of 30 belong to
// the lifecycle/FHIR half of the module and are tested there.
import { describe, expect, it } from 'vitest';
import { RRule } from 'rrule';
import { type IanaZone } from '../../src/core/time.js';
import { dateToDayNumber, dayNumberToDate, type IsoDate } from '../../src/core/calendar.js';
import {
  expandAvailability,
  findSlots,
  groupSlotsByDay,
  parseAppointment,
  parseAvailabilityException,
  parseAvailabilityTemplate,
  recurrenceDates,
  validateBooking,
  type Slot,
} from '../../src/scheduling/index.js';
import {
  appointment,
  at,
  booked,
  calendar,
  leftOf,
  NY,
  provider,
  query,
  show,
  template,
  unwrap,
  utc,
  visit30,
} from './fixtures.js';

const expand = (templates: unknown[], exceptions: unknown[], from: string, to: string) =>
  unwrap(
    expandAvailability(templates.map(parsedTemplate), exceptions.map(parsedException), {
      from: at(from),
      to: at(to),
    }),
  );

const parsedTemplate = (t: unknown) => unwrap(parseAvailabilityTemplate(t));
const parsedException = (x: unknown) => unwrap(parseAvailabilityException(x));

const intervalsOf = (templates: unknown[], exceptions: unknown[], from: string, to: string) =>
  expand(templates, exceptions, from, to)[0]?.intervals ?? [];

const starts = (slots: readonly Slot[]): string[] => slots.map((s) => s.start);

const dates = (rule: string, start: string, from: string, to: string) =>
  unwrap(recurrenceDates(rule, start as IsoDate, from as IsoDate, to as IsoDate));

describe('time zones and DST', () => {
  it('1. weekly 09:00 availability stays 09:00 local across fall-back and spring-forward', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [visit30],
      templates: [template('t', 'dr-a', { windows: [{ start: '09:00', end: '09:30' }] })],
    });
    const fall = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-10-29T00:00:00-04:00', to: '2026-11-04T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-10-01T00:00:00Z'),
        },
      ),
    );
    // Thu, Fri before (EDT, -04:00 → 13:00Z), Mon, Tue after (EST, -05:00 → 14:00Z)
    expect(starts(fall)).toEqual([
      '2026-10-29T09:00:00-04:00',
      '2026-10-30T09:00:00-04:00',
      '2026-11-02T09:00:00-05:00',
      '2026-11-03T09:00:00-05:00',
    ]);
    const spring = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-03-06T00:00:00-05:00', to: '2026-03-10T00:00:00-04:00' }),
        cal,
        {
          now: at('2026-01-01T00:00:00Z'),
        },
      ),
    );
    expect(starts(spring)).toEqual(['2026-03-06T09:00:00-05:00', '2026-03-09T09:00:00-04:00']);
  });

  it('2. a window starting in the spring-forward gap starts at the first instant after it', () => {
    // 02:30 on 2026-03-08 does not exist in New York (02:00 EST → 03:00 EDT at 07:00Z): DESIGN.md
    // rule 4 → 03:00 EDT, so 02:30-04:30 becomes 03:00-04:30 (iCalendar errata 4271 would shift
    // to 03:30 instead).
    const daily = template('t', 'dr-a', { rrule: 'FREQ=DAILY', windows: [{ start: '02:30', end: '04:30' }] });
    expect(
      show(intervalsOf([daily], [], '2026-03-07T00:00:00-05:00', '2026-03-10T00:00:00-04:00'), NY),
    ).toEqual([
      '2026-03-07T02:30:00-05:00/2026-03-07T04:30:00-05:00',
      '2026-03-08T03:00:00-04:00/2026-03-08T04:30:00-04:00',
      '2026-03-09T02:30:00-04:00/2026-03-09T04:30:00-04:00',
    ]);
    // 30-minute slots on the gap day start on the shifted window start: 03:00, 03:30, 04:00 EDT
    const cal = calendar({ providers: [provider('dr-a')], appointmentTypes: [visit30], templates: [daily] });
    const slots = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00' }),
        cal,
        {
          now: at('2026-01-01T00:00:00Z'),
        },
      ),
    );
    expect(starts(slots)).toEqual([
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T04:00:00-04:00',
    ]);
  });

  it('3. a window starting in the fall-back overlap uses the earlier offset', () => {
    // 01:30 on 2026-11-01 happens at 05:30Z (EDT) and 06:30Z (EST): the earlier, 05:30Z. The end
    // 03:00 EST is 08:00Z, so the window lasts 2.5 hours of real time.
    const t = template('t', 'dr-a', {
      rrule: 'FREQ=DAILY',
      dtstart: '2026-11-01',
      windows: [{ start: '01:30', end: '03:00' }],
    });
    expect(utc(intervalsOf([t], [], '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00'))).toEqual([
      '2026-11-01T05:30:00.000Z/2026-11-01T08:00:00.000Z',
    ]);
  });

  it('4. minimum notice counted in elapsed time lands on the DST day without shifting the grid', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ ...visit30, minimumNoticeMinutes: 1440 }],
      templates: [
        template('t', 'dr-a', { rrule: 'FREQ=DAILY', windows: [{ start: '08:00', end: '12:00' }] }),
      ],
    });
    // now 2026-03-07 09:10 EST (14:10Z) + 24 h = 2026-03-08 14:10Z = 10:10 EDT; the grid from
    // 08:00 in 30-minute steps gives 10:30 EDT as the first slot.
    const first = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-03-07T00:00:00-05:00', to: '2026-03-10T00:00:00-04:00' }),
        cal,
        {
          now: at('2026-03-07T09:10:00-05:00'),
          limit: 1,
        },
      ),
    );
    expect(starts(first)).toEqual(['2026-03-08T10:30:00-04:00']);
    // the same notice on an ordinary day: 2026-03-10 09:10 EDT + 24 h = 2026-03-11 09:10 → 09:30
    const ordinary = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-03-10T00:00:00-04:00', to: '2026-03-13T00:00:00-04:00' }),
        cal,
        {
          now: at('2026-03-10T09:10:00-04:00'),
          limit: 1,
        },
      ),
    );
    expect(starts(ordinary)).toEqual(['2026-03-11T09:30:00-04:00']);
  });

  it('5. overnight 21:00-03:00 across midnight and the fall-back change, next day overridden', () => {
    const overnight = template('t', 'dr-a', {
      rrule: 'FREQ=DAILY',
      dtstart: '2026-10-28',
      windows: [{ start: '21:00', end: '03:00' }],
    });
    // Without override the Oct 31 window runs 21:00 EDT (Nov 1 01:00Z) to 03:00 EST (08:00Z): 7 h.
    const plain = intervalsOf([overnight], [], '2026-10-31T12:00:00-04:00', '2026-11-01T12:00:00-05:00');
    expect(utc(plain)).toEqual(['2026-11-01T01:00:00.000Z/2026-11-01T08:00:00.000Z']);
    // Override Nov 1 as a day off: the whole local day Nov 1 (04:00Z to Nov 2 05:00Z) goes,
    // including the spill-over of Oct 31's window after midnight; Nov 1's own window spills into
    // Nov 2 (00:00-03:00 EST = 05:00Z-08:00Z) and stays.
    const off = {
      kind: 'override',
      owner: { kind: 'provider', id: 'dr-a' },
      date: '2026-11-01',
      zone: NY,
      windows: [],
    };
    expect(
      utc(intervalsOf([overnight], [off], '2026-10-31T00:00:00-04:00', '2026-11-03T00:00:00-05:00')),
    ).toEqual([
      '2026-10-31T04:00:00.000Z/2026-10-31T07:00:00.000Z', // Oct 30's window, after midnight
      '2026-11-01T01:00:00.000Z/2026-11-01T04:00:00.000Z', // Oct 31 21:00 EDT to midnight
      '2026-11-02T05:00:00.000Z/2026-11-02T08:00:00.000Z', // Nov 1's window, after midnight
      '2026-11-03T02:00:00.000Z/2026-11-03T05:00:00.000Z', // Nov 2 21:00 EST to the range end
    ]);
  });

  it('6. an override applies to its local date even when the UTC date differs (Auckland, Pago Pago)', () => {
    const at8 = (zone: string) =>
      template(`t-${zone}`, 'dr-a', {
        zone,
        rrule: 'FREQ=DAILY',
        dtstart: '2026-11-01',
        windows: [{ start: '08:00', end: '17:00' }],
      });
    const override = (zone: string) => ({
      kind: 'override',
      owner: { kind: 'provider', id: 'dr-a' },
      date: '2026-11-24',
      zone,
      windows: [{ start: '10:00', end: '12:00' }],
    });
    // Auckland, NZDT +13: Nov 24 10:00-12:00 = Nov 23 21:00Z-23:00Z; Nov 22 08:00-17:00 = Nov 21
    // 19:00Z-Nov 22 04:00Z (clipped at the range start), Nov 23 08:00-17:00 = Nov 22 19:00Z-Nov 23
    // 04:00Z and Nov 25 08:00 = Nov 24 19:00Z are untouched.
    expect(
      utc(
        intervalsOf(
          [at8('Pacific/Auckland')],
          [override('Pacific/Auckland')],
          '2026-11-22T00:00:00Z',
          '2026-11-25T00:00:00Z',
        ),
      ),
    ).toEqual([
      '2026-11-22T00:00:00.000Z/2026-11-22T04:00:00.000Z',
      '2026-11-22T19:00:00.000Z/2026-11-23T04:00:00.000Z',
      '2026-11-23T21:00:00.000Z/2026-11-23T23:00:00.000Z',
      '2026-11-24T19:00:00.000Z/2026-11-25T00:00:00.000Z',
    ]);
    // Pago Pago, -11: Nov 24 10:00-12:00 = Nov 24 21:00Z-23:00Z; Nov 22 08:00-17:00 ends Nov 23
    // 04:00Z (clipped at the range start); Nov 23 08:00-17:00 = Nov 23 19:00Z-Nov 24 04:00Z.
    expect(
      utc(
        intervalsOf(
          [at8('Pacific/Pago_Pago')],
          [override('Pacific/Pago_Pago')],
          '2026-11-23T00:00:00Z',
          '2026-11-26T00:00:00Z',
        ),
      ),
    ).toEqual([
      '2026-11-23T00:00:00.000Z/2026-11-23T04:00:00.000Z',
      '2026-11-23T19:00:00.000Z/2026-11-24T04:00:00.000Z',
      '2026-11-24T21:00:00.000Z/2026-11-24T23:00:00.000Z',
      '2026-11-25T19:00:00.000Z/2026-11-26T00:00:00.000Z',
    ]);
  });

  it('7. a booker in +05:30 / +05:45 sees the provider day split over two dates; the grid does not move', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ id: 'v60', code: 'V60', durationMinutes: 60 }],
      templates: [template('t', 'dr-a')],
    });
    const slots = unwrap(
      findSlots(
        query({ type: 'v60', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-01T00:00:00Z'),
        },
      ),
    );
    // 09:00..16:00 EST, on the hour in the provider's zone, whoever looks
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    // Kolkata +05:30: 09:00 EST = 19:30 IST; 14:00 EST = 00:30 IST next day → 5 + 3
    const kolkata = groupSlotsByDay(slots, 'Asia/Kolkata' as IanaZone);
    expect(kolkata.map((d) => [d.date, d.slots.length])).toEqual([
      ['2026-11-24', 5],
      ['2026-11-25', 3],
    ]);
    // Kathmandu +05:45: 13:00 EST = 23:45, 14:00 EST = 00:45 next day → 5 + 3
    expect(groupSlotsByDay(slots, 'Asia/Kathmandu' as IanaZone).map((d) => d.slots.length)).toEqual([5, 3]);
  });

  describe('8. unusual zones', () => {
    it('Australia/Lord_Howe: a 30-minute spring-forward gap and a 30-minute overlap', () => {
      // DST starts 2026-10-03 15:30Z: 02:00 (+10:30) → 02:30 (+11:00). A 02:00-04:00 window on Oct 4
      // starts at 02:30 +11 = 15:30Z and ends 04:00 +11 = 17:00Z; on Oct 5, 02:00 +11 = 15:00Z.
      const t = template('t', 'dr-a', {
        zone: 'Australia/Lord_Howe',
        rrule: 'FREQ=DAILY',
        dtstart: '2026-10-01',
        windows: [{ start: '02:00', end: '04:00' }],
      });
      expect(utc(intervalsOf([t], [], '2026-10-03T12:00:00Z', '2026-10-05T00:00:00Z'))).toEqual([
        '2026-10-03T15:30:00.000Z/2026-10-03T17:00:00.000Z',
        '2026-10-04T15:00:00.000Z/2026-10-04T17:00:00.000Z',
      ]);
      // DST ends 2026-04-04 15:00Z: 02:00 (+11) → 01:30 (+10:30). 01:45 on Apr 5 is ambiguous →
      // the earlier, +11 = 14:45Z; 03:00 is +10:30 = 16:30Z.
      const back = template('b', 'dr-a', {
        zone: 'Australia/Lord_Howe',
        rrule: 'FREQ=DAILY',
        dtstart: '2026-04-05',
        count: 1,
        windows: [{ start: '01:45', end: '03:00' }],
      });
      expect(utc(intervalsOf([back], [], '2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z'))).toEqual([
        '2026-04-04T14:45:00.000Z/2026-04-04T16:30:00.000Z',
      ]);
    });

    it('Europe/Dublin (negative DST in the tz database) keeps 09:00 local', () => {
      // 2026-03-29 01:00Z: GMT → IST. Fri 27th 09:00 = 09:00Z; Mon 30th 09:00 = 08:00Z.
      const t = template('t', 'dr-a', { zone: 'Europe/Dublin', windows: [{ start: '09:00', end: '10:00' }] });
      expect(utc(intervalsOf([t], [], '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'))).toEqual([
        '2026-03-27T09:00:00.000Z/2026-03-27T10:00:00.000Z',
        '2026-03-30T08:00:00.000Z/2026-03-30T09:00:00.000Z',
      ]);
    });

    it('America/Santiago: transitions at midnight', () => {
      // 2026-09-06 04:00Z: Sat 24:00 (-04) → Sun 01:00 (-03). A 00:00-02:00 window on Sep 6 starts
      // at the first instant after the gap, 01:00 -03 = 04:00Z, and ends 02:00 -03 = 05:00Z.
      const t = template('t', 'dr-a', {
        zone: 'America/Santiago',
        rrule: 'FREQ=DAILY',
        dtstart: '2026-09-06',
        count: 1,
        windows: [{ start: '00:00', end: '02:00' }],
      });
      expect(utc(intervalsOf([t], [], '2026-09-05T00:00:00Z', '2026-09-07T00:00:00Z'))).toEqual([
        '2026-09-06T04:00:00.000Z/2026-09-06T05:00:00.000Z',
      ]);
      // 2026-04-05 03:00Z: Sun 00:00 (-03) → Sat 23:00 (-04): 23:00-23:30 on Apr 4 happens twice;
      // the earlier is -03: 02:00Z-02:30Z.
      const late = template('l', 'dr-a', {
        zone: 'America/Santiago',
        rrule: 'FREQ=DAILY',
        dtstart: '2026-04-04',
        count: 1,
        windows: [{ start: '23:00', end: '23:30' }],
      });
      expect(utc(intervalsOf([late], [], '2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z'))).toEqual([
        '2026-04-05T02:00:00.000Z/2026-04-05T02:30:00.000Z',
      ]);
    });

    it('Pacific/Apia skipped 2011-12-30 entirely', () => {
      // Dec 29 was -10 (09:00 = 19:00Z), Dec 31 +14 (09:00 = Dec 30 19:00Z); Dec 30 has no wall
      // time, so its window collapses to nothing.
      const t = template('t', 'dr-a', {
        zone: 'Pacific/Apia',
        rrule: 'FREQ=DAILY',
        dtstart: '2011-12-28',
        windows: [{ start: '09:00', end: '10:00' }],
      });
      expect(utc(intervalsOf([t], [], '2011-12-29T12:00:00Z', '2011-12-31T12:00:00Z'))).toEqual([
        '2011-12-29T19:00:00.000Z/2011-12-29T20:00:00.000Z',
        '2011-12-30T19:00:00.000Z/2011-12-30T20:00:00.000Z',
      ]);
    });
  });

  it('9. a travel schedule switches the provider zone; 24:00 ends the travel-zone day', () => {
    const home = template('home', 'dr-a', { until: '2026-11-13' });
    const travel = template('travel', 'dr-a', {
      zone: 'Europe/London',
      dtstart: '2026-11-16',
      windows: [{ start: '09:00', end: '24:00' }],
    });
    // Fri Nov 13 New York 09:00-17:00 EST = 14:00Z-22:00Z; Mon Nov 16 London (GMT) 09:00-24:00 =
    // 09:00Z-Nov 17 00:00Z: the end is London midnight, not New York's.
    expect(utc(intervalsOf([home, travel], [], '2026-11-13T00:00:00Z', '2026-11-17T00:00:00Z'))).toEqual([
      '2026-11-13T14:00:00.000Z/2026-11-13T22:00:00.000Z',
      '2026-11-16T09:00:00.000Z/2026-11-17T00:00:00.000Z',
    ]);
    // 23:59 is a wall time like any other: the window ends a minute before London midnight.
    const minute = template('m', 'dr-a', {
      zone: 'Europe/London',
      dtstart: '2026-11-16',
      count: 1,
      windows: [{ start: '22:00', end: '23:59' }],
    });
    expect(utc(intervalsOf([minute], [], '2026-11-16T00:00:00Z', '2026-11-18T00:00:00Z'))).toEqual([
      '2026-11-16T22:00:00.000Z/2026-11-16T23:59:00.000Z',
    ]);
  });

  it('10. results do not depend on the host time zone', () => {
    const build = () =>
      calendar({
        providers: [provider('dr-a'), provider('dr-b', { zone: 'Asia/Kolkata' })],
        appointmentTypes: [{ ...visit30, bufferAfterMinutes: 10, minimumNoticeMinutes: 120 }],
        templates: [
          template('t', 'dr-a', {
            rrule: 'FREQ=DAILY',
            windows: [
              { start: '21:00', end: '03:00' },
              { start: '02:30', end: '04:00' },
            ],
          }),
          template('k', 'dr-b', { zone: 'Asia/Kolkata', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' }),
        ],
        appointments: [booked('a1', 'dr-a', '2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00')],
      });
    const run = () => {
      const cal = build();
      return JSON.stringify([
        expandAvailability(cal.templates, cal.exceptions, {
          from: at('2026-03-01T00:00:00Z'),
          to: at('2026-03-20T00:00:00Z'),
        }),
        findSlots(
          query({ type: 'visit-30', from: '2026-10-30T00:00:00Z', to: '2026-11-06T00:00:00Z' }),
          cal,
          {
            now: at('2026-10-30T12:00:00Z'),
          },
        ),
      ]);
    };
    const saved = process.env['TZ'];
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'America/Chicago', 'Asia/Kolkata', 'Europe/Berlin']) {
        process.env['TZ'] = tz;
        results.push(run());
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toContain('Right');
  });
});

describe('recurrence', () => {
  it('11. UNTIL in UTC with a zoned DTSTART keeps the last occurrence (rrule #596)', () => {
    // Asia/Jerusalem, IDT +03: Saturdays 12:30 = 09:30Z on Aug 5, 12, 19; UNTIL 2023-08-19T09:30Z
    // is inclusive → 3 occurrences (rrule.js returns 2).
    const base = {
      zone: 'Asia/Jerusalem',
      dtstart: '2023-08-05',
      windows: [{ start: '12:30', end: '13:00' }],
    };
    const inRule = template('r', 'dr-a', { ...base, rrule: 'FREQ=WEEKLY;UNTIL=20230819T093000Z' });
    const inField = template('f', 'dr-a', { ...base, rrule: 'FREQ=WEEKLY', until: '2023-08-19T09:30:00Z' });
    const expected = [
      '2023-08-05T09:30:00.000Z/2023-08-05T10:00:00.000Z',
      '2023-08-12T09:30:00.000Z/2023-08-12T10:00:00.000Z',
      '2023-08-19T09:30:00.000Z/2023-08-19T10:00:00.000Z',
    ];
    expect(utc(intervalsOf([inRule], [], '2023-08-01T00:00:00Z', '2023-09-30T00:00:00Z'))).toEqual(expected);
    expect(utc(intervalsOf([inField], [], '2023-08-01T00:00:00Z', '2023-09-30T00:00:00Z'))).toEqual(expected);
    // one minute earlier and the Aug 19 occurrence (09:30Z) is past UNTIL
    const earlier = template('e', 'dr-a', { ...base, rrule: 'FREQ=WEEKLY', until: '2023-08-19T09:29:00Z' });
    expect(intervalsOf([earlier], [], '2023-08-01T00:00:00Z', '2023-09-30T00:00:00Z')).toHaveLength(2);
  });

  it('12. EXDATE and RDATE are local dates in the template zone (rrule #129, #268, #607)', () => {
    // 23:00-23:30 EST on Nov 24 is Nov 25 04:00Z: the EXDATE names the local date Nov 24.
    const t = template('t', 'dr-a', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      dtstart: '2026-11-23',
      windows: [{ start: '23:00', end: '23:30' }],
      exdates: ['2026-11-24'],
      rdates: ['2026-11-29'],
    });
    expect(show(intervalsOf([t], [], '2026-11-23T00:00:00-05:00', '2026-11-30T00:00:00-05:00'), NY)).toEqual([
      '2026-11-23T23:00:00-05:00/2026-11-23T23:30:00-05:00',
      '2026-11-25T23:00:00-05:00/2026-11-25T23:30:00-05:00',
      '2026-11-26T23:00:00-05:00/2026-11-26T23:30:00-05:00',
      '2026-11-27T23:00:00-05:00/2026-11-27T23:30:00-05:00',
      '2026-11-29T23:00:00-05:00/2026-11-29T23:30:00-05:00', // the RDATE, a Sunday
    ]);
  });

  it('13. a DTSTART years in the past gives what rrule gives iterating from DTSTART', () => {
    const rules = [
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU',
      'FREQ=MONTHLY;BYDAY=2TU,-1FR',
      'FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=15',
      'FREQ=YEARLY;INTERVAL=2;BYMONTH=3,9;BYDAY=1MO',
      'FREQ=DAILY;INTERVAL=9',
      'FREQ=MONTHLY;INTERVAL=2',
    ];
    for (const rule of rules) {
      const dtstart = new Date(Date.UTC(2020, 0, 7));
      const full = new RRule({ ...RRule.parseString(rule), dtstart })
        .between(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31, 23, 59)), true)
        .map((d) => d.toISOString().slice(0, 10));
      expect(dates(rule, '2020-01-07', '2026-01-01', '2026-12-31'), rule).toEqual(full);
    }
    // COUNT counts from DTSTART: the 300th weekday from Mon 2020-01-06 is 60 weeks later, Fri
    // 2021-02-26 (300 / 5 = 60 full weeks; 2020-01-06 + 59 weeks + 4 days).
    const counted = dates(
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=300',
      '2020-01-06',
      '2021-02-01',
      '2021-03-31',
    );
    expect(counted.at(-1)).toBe('2021-02-26');
  });

  it('14. monthly on the 31st and yearly on Feb 29 omit invalid dates', () => {
    expect(dates('FREQ=MONTHLY', '2026-01-31', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
    expect(dates('FREQ=YEARLY', '2024-02-29', '2024-01-01', '2028-12-31')).toEqual([
      '2024-02-29',
      '2028-02-29',
    ]);
  });

  it('15. the INTERVAL phase survives re-basing DTSTART', () => {
    // 2020-01-01 and 2026-01-07 are Wednesdays 2198 days = 314 weeks apart (366+365+365+365+366+365
    // = 2192 to 2026-01-01, + 6). 314 is even, so Jan 7 and Jan 21 are in, Jan 14 and 28 are not.
    expect(dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '2020-01-01', '2026-01-01', '2026-01-31')).toEqual([
      '2026-01-07',
      '2026-01-21',
    ]);
    // Monthly every 5 months from 2020-01: months 70 → 2025-11, 75 → 2026-04, 80 → 2026-09.
    expect(dates('FREQ=MONTHLY;INTERVAL=5', '2020-01-07', '2026-01-01', '2026-12-31')).toEqual([
      '2026-04-07',
      '2026-09-07',
    ]);
    expect(dayNumberToDate(dateToDayNumber('2026-01-07' as IsoDate) - 2198)).toBe('2020-01-01');
  });
});

const grid = (extra: Record<string, unknown> = {}, appointments: unknown[] = [], holds: unknown[] = []) =>
  calendar({
    providers: [provider('dr-a')],
    appointmentTypes: [
      visit30,
      // Cases 17-19 are about buffers: these two types anchor their grid at the window's start
      // (08:00) explicitly, so the slot times below read as the window's own steps. The default
      // anchor, local midnight, is case 27's.
      { id: 'v20', code: 'V20', durationMinutes: 20, bufferAfterMinutes: 5, alignmentAnchor: '08:00' },
      {
        id: 'long',
        code: 'L',
        durationMinutes: 30,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 15,
        alignmentAnchor: '08:00',
      },
    ],
    templates: [template('t', 'dr-a', { windows: [{ start: '08:00', end: '12:00' }] })],
    appointments,
    holds,
    ...extra,
  });

const day = (type: string, cal = grid(), now = '2026-11-01T00:00:00Z', from = '2026-11-24T00:00:00-05:00') =>
  unwrap(findSlots(query({ type, from, to: '2026-11-25T00:00:00-05:00' }), cal, { now: at(now) }));

const times = (slots: readonly Slot[]) => slots.map((s) => s.start.slice(11, 16));

describe('buffers, notice, windows, limits', () => {
  it('17. the after-buffer of a booking that starts before the query window still blocks', () => {
    // 08:30-09:00 'long' (after-buffer 15 min) blocks until 09:15; the query starts at 09:00.
    const cal = grid({}, [
      booked('a1', 'dr-a', '2026-11-24T08:30:00-05:00', '2026-11-24T09:00:00-05:00', { type: 'long' }),
    ]);
    const slots = day('visit-30', cal, '2026-11-01T00:00:00Z', '2026-11-24T09:00:00-05:00');
    expect(times(slots).slice(0, 2)).toEqual(['09:30', '10:00']);
  });

  it('18. a 20-minute visit with a 5-minute buffer offers slots that can all be booked back to back', () => {
    const slots = day('v20');
    // step 25: 08:00, 08:25, ... ; 11:20 ends 11:40 and 11:45 would end 12:05 > 12:00
    expect(times(slots)).toEqual([
      '08:00',
      '08:25',
      '08:50',
      '09:15',
      '09:40',
      '10:05',
      '10:30',
      '10:55',
      '11:20',
    ]);
    let cal = grid();
    for (const [i, s] of slots.entries()) {
      const a = appointment({
        id: `b${i}`,
        status: 'booked',
        type: 'v20',
        patient: `p${i}`,
        provider: 'dr-a',
        start: s.start,
        end: s.end,
      });
      expect(validateBooking(a, cal, at('2026-11-01T00:00:00Z'))._tag, s.start).toBe('Right');
      cal = { ...cal, appointments: [...cal.appointments, a] };
    }
    expect(day('v20', cal)).toEqual([]);
  });

  it('19. buffers need not lie inside availability, but never overlap a booking', () => {
    // 'long': 10 before, 15 after, step 55 from 08:00 → 08:00, 08:55, 09:50, 10:45; 11:40 ends 12:10
    expect(times(day('long'))).toEqual(['08:00', '08:55', '09:50', '10:45']);
    // a booking 10:00-10:30 (visit-30, no buffers of its own) blocks 'long' from 09:35 (10:00 − 15
    // − 30) to 10:40 (10:30 + 10): 09:50 goes; 08:55 ends 09:25 + 15 = 09:40 ≤ 10:00, stays.
    const cal = grid({}, [booked('a1', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T10:30:00-05:00')]);
    expect(times(day('long', cal))).toEqual(['08:00', '08:55', '10:45']);
  });

  it('20. per-day and per-week limits count on local dates in the provider zone, straddling bookings on their start date', () => {
    const types = [{ ...visit30, maxPerDay: 2 }];
    const templates = [
      template('t', 'dr-a', { rrule: 'FREQ=DAILY', windows: [{ start: '08:00', end: '24:00' }] }),
    ];
    // Nov 24: one at 10:00 EST and one 23:30-00:30 straddling into Nov 25 → Nov 24 is full.
    // 2026-11-25T03:00Z is Nov 24 22:00 EST: it would count on Nov 24, not its UTC date.
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: types,
      templates,
      appointments: [
        booked('a1', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T10:30:00-05:00'),
        booked('a2', 'dr-a', '2026-11-24T23:30:00-05:00', '2026-11-25T00:30:00-05:00'),
      ],
    });
    const slots = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-24T00:00:00-05:00', to: '2026-11-26T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-01T00:00:00Z'),
        },
      ),
    );
    expect(slots.some((s) => s.start.startsWith('2026-11-24'))).toBe(false);
    // Nov 25 has one (the straddling one counts on Nov 24) → open; it starts after 00:30
    expect(slots[0]?.start).toBe('2026-11-25T08:00:00-05:00');
    const third = appointment({ ...booked('a3', 'dr-a', '2026-11-25T03:00:00Z', '2026-11-25T03:30:00Z') });
    const rejected = leftOf(validateBooking(third, cal, at('2026-11-01T00:00:00Z')));
    expect(rejected.code === 'booking.rejected' && rejected.conflicts.map((c) => c.code)).toEqual([
      'booking.day-limit',
    ]);
    // weeks starting Sunday: Sun Nov 22 .. Sat Nov 28 holds a1, a2 → with maxPerWeek 2 the whole
    // week closes and Sun Nov 29 opens.
    const weekly = { ...cal, appointmentTypes: [{ ...visit30, maxPerWeek: 2, weekStart: 7 }] } as typeof cal;
    const next = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-22T00:00:00-05:00', to: '2026-12-01T00:00:00-05:00' }),
        weekly,
        {
          now: at('2026-11-01T00:00:00Z'),
          limit: 1,
        },
      ),
    );
    expect(next[0]?.start).toBe('2026-11-29T08:00:00-05:00');
  });

  it('21. the booking horizon ends at the end of local date today + N in the provider zone', () => {
    // now Mon Nov 23 15:00 EST, horizon 7 days → last bookable date Mon Nov 30; Dec 1 is out.
    const cal = grid({ appointmentTypes: [{ ...visit30, bookingHorizonDays: 7 }] });
    const slots = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-23T00:00:00-05:00', to: '2026-12-05T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-23T15:00:00-05:00'),
        },
      ),
    );
    expect(slots.at(-1)?.start).toBe('2026-11-30T11:30:00-05:00');
  });

  it('21b. the horizon counted in business days (holidays skipped) or in bookable days', () => {
    const now = at('2026-11-23T15:00:00-05:00'); // Monday
    const lastSlot = (cal: ReturnType<typeof calendar>) =>
      unwrap(
        findSlots(
          query({ type: 'visit-30', from: '2026-11-23T00:00:00-05:00', to: '2026-12-12T00:00:00-05:00' }),
          cal,
          { now },
        ),
      ).at(-1)?.start;
    const thanksgiving = { kind: 'holiday', date: '2026-11-26' };
    const elsewhere = { kind: 'holiday', date: '2026-11-30', location: 'loc-other' };
    const horizon = (unit: string, extra: Record<string, unknown> = {}) =>
      grid({
        appointmentTypes: [
          { ...visit30, bookingHorizonDays: 5, bookingHorizonUnit: unit },
          { id: 'v20', code: 'V20', durationMinutes: 20 },
        ],
        exceptions: [thanksgiving, elsewhere],
        locations: [{ id: 'loc-other', zone: 'America/New_York' }],
        ...extra,
      });
    // calendar days: Mon 23 + 5 = Sat 28 → the last open weekday is Fri 27
    expect(lastSlot(horizon('calendar-days'))).toBe('2026-11-27T11:30:00-05:00');
    // business days: Tue 24, Wed 25, (Thu 26 holiday), Fri 27, Mon 30 (a holiday of another
    // location does not close the provider), Tue Dec 1 → Dec 1 is the last date
    expect(lastSlot(horizon('business-days'))).toBe('2026-12-01T11:30:00-05:00');
    const beyond = appointment(
      booked('late', 'dr-a', '2026-12-02T08:00:00-05:00', '2026-12-02T08:30:00-05:00'),
    );
    const refused = leftOf(validateBooking(beyond, horizon('business-days'), now));
    expect(refused.code === 'booking.rejected' && refused.conflicts.map((c) => [c.code, c.limit])).toEqual([
      ['booking.horizon', '2026-12-01T23:59:59.999-05:00'],
    ]);
    // bookable days: visit-30 only on Tue and Thu (Wednesdays are for v20): Tue 24, (Thu 26
    // holiday), Tue Dec 1, Thu Dec 3, Tue Dec 8, Thu Dec 10 → the 5th is Dec 10
    const tueThu = {
      templates: [
        template('tt', 'dr-a', {
          rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
          windows: [{ start: '08:00', end: '12:00' }],
        }),
        template('we', 'dr-a', { rrule: 'FREQ=WEEKLY;BYDAY=WE', appointmentTypes: ['v20'] }),
      ],
    };
    expect(lastSlot(horizon('bookable-days', tueThu))).toBe('2026-12-10T11:30:00-05:00');
    // fewer than 5 bookable days in the ten years looked at: the horizon does not cut them
    const twoDays = {
      templates: [template('two', 'dr-a', { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2', dtstart: '2026-11-30' })],
    };
    expect(lastSlot(horizon('bookable-days', twoDays))).toBe('2026-12-07T16:30:00-05:00');
  });

  it('22. now is a parameter: the same inputs give the same slots, a later now fewer', () => {
    const cal = grid();
    const early = day('visit-30', cal, '2026-11-24T08:00:00-05:00');
    expect(day('visit-30', grid(), '2026-11-24T08:00:00-05:00')).toEqual(early);
    // now 09:45 → the 09:30 slot is gone (it started before now), 10:00 is first
    expect(times(day('visit-30', cal, '2026-11-24T09:45:00-05:00'))[0]).toBe('10:00');
    expect(early).toHaveLength(8);
  });
});

describe('capacity, teams, resources', () => {
  const group = (n: number) =>
    calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ id: 'class', code: 'GRP', durationMinutes: 60, bufferAfterMinutes: 15 }, visit30],
      templates: [
        template('t', 'dr-a', {
          windows: [{ start: '10:00', end: '11:00' }],
          appointmentTypes: ['class'],
          capacity: 3,
        }),
        template('u', 'dr-a', {
          windows: [{ start: '11:00', end: '12:00' }],
          appointmentTypes: ['visit-30'],
        }),
      ],
      appointments: Array.from({ length: n }, (_, i) =>
        booked(`g${i}`, 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T11:00:00-05:00', { type: 'class' }),
      ),
    });
  const classSlots = (n: number) =>
    unwrap(
      findSlots(
        query({ type: 'class', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' }),
        group(n),
        {
          now: at('2026-11-01T00:00:00Z'),
          allowOverbook: true,
        },
      ),
    );

  it('23. seats: a partly filled block stays bookable (flagged overbooked), a full one disappears, buffers still block', () => {
    expect(classSlots(0).map((s) => [s.start, s.overbooked])).toEqual([['2026-11-24T10:00:00-05:00', false]]);
    expect(classSlots(2).map((s) => [s.start, s.overbooked])).toEqual([['2026-11-24T10:00:00-05:00', true]]);
    expect(classSlots(3)).toEqual([]);
    // the class's 15-minute after-buffer blocks visit-30 at 11:00 in the next block: 11:30 is first
    const visits = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' }),
        group(1),
        {
          now: at('2026-11-01T00:00:00Z'),
        },
      ),
    );
    expect(times(visits)).toEqual(['11:30']);
    // booking a third seat needs a reason; a fourth is refused even with one
    const seat = (id: string, reason?: string) =>
      appointment({
        ...booked(id, 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T11:00:00-05:00', { type: 'class' }),
        ...(reason ? { overbook: { reason } } : {}),
      });
    expect(
      unwrap(validateBooking(seat('x', 'group session seat'), group(2), at('2026-11-01T00:00:00Z'))),
    ).toEqual({
      overbooked: true,
      overbookReason: 'group session seat',
    });
    const plain = leftOf(validateBooking(seat('x'), group(2), at('2026-11-01T00:00:00Z')));
    expect(plain.code === 'booking.rejected' && plain.conflicts.map((c) => c.code)).toEqual([
      'booking.overlaps-booking',
      'booking.overlaps-booking',
    ]);
    const full = leftOf(validateBooking(seat('x', 'one more'), group(3), at('2026-11-01T00:00:00Z')));
    expect(full.code === 'booking.rejected' && full.conflicts[0]?.code).toBe('booking.overbook-not-allowed');
  });

  it('23b. a live hold takes one seat of an overbook block, like a booking, and never blocks its own patient', () => {
    const hold = (patient: string) => ({
      id: `hold-${patient}`,
      provider: 'dr-a',
      type: 'class',
      patient,
      start: '2026-11-24T10:00:00-05:00',
      end: '2026-11-24T11:00:00-05:00',
      expiresAt: '2026-11-30T00:00:00Z',
    });
    const withHold = (n: number) => calendar({ ...group(n), holds: [hold('pt-held')] });
    const search = (cal: ReturnType<typeof calendar>, patient?: string) =>
      unwrap(
        findSlots(
          query({
            type: 'class',
            from: '2026-11-24T00:00:00-05:00',
            to: '2026-11-25T00:00:00-05:00',
            ...(patient ? { patient } : {}),
          }),
          cal,
          { now: at('2026-11-01T00:00:00Z'), allowOverbook: true },
        ),
      ).map((s) => [s.start.slice(11, 16), s.overbooked]);
    // 3 seats: 1 booking + 1 hold leave one seat (offered as an overbooking); 2 bookings + 1 hold fill it
    expect(search(withHold(1))).toEqual([['10:00', true]]);
    expect(search(withHold(2))).toEqual([]);
    // the holding patient sees the time as if the hold were not there: 2 bookings, one seat left
    expect(search(withHold(2), 'pt-held')).toEqual([['10:00', true]]);
    const seat = (reason?: string, patient = 'pt-new') =>
      appointment({
        ...booked('x', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T11:00:00-05:00', {
          type: 'class',
          patient,
        }),
        ...(reason ? { overbook: { reason } } : {}),
      });
    const now = at('2026-11-01T00:00:00Z');
    expect(unwrap(validateBooking(seat('group session seat'), withHold(1), now)).overbooked).toBe(true);
    const plain = leftOf(validateBooking(seat(), withHold(1), now));
    expect(plain.code === 'booking.rejected' && plain.conflicts.map((c) => c.code)).toEqual([
      'booking.overlaps-booking',
      'booking.overlaps-hold',
    ]);
    const full = leftOf(validateBooking(seat('one more'), withHold(2), now));
    expect(full.code === 'booking.rejected' && full.conflicts[0]?.code).toBe('booking.overbook-not-allowed');
    // confirming the hold itself: its patient takes the third seat
    expect(unwrap(validateBooking(seat('confirming', 'pt-held'), withHold(2), now)).overbooked).toBe(true);
  });

  it('24. provider × room × device in different zones with buffers; round robin skips a fully booked provider', () => {
    const cal = calendar({
      providers: [provider('dr-a'), provider('dr-b')],
      locations: [{ id: 'loc-main', zone: NY }],
      resources: [
        { id: 'room-1', kind: 'exam-room', location: 'loc-main' },
        { id: 'echo-1', kind: 'echo-machine', location: 'loc-main' },
      ],
      appointmentTypes: [
        {
          id: 'echo',
          code: 'ECHO',
          durationMinutes: 60,
          bufferAfterMinutes: 30,
          requiredResourceKinds: ['exam-room', 'echo-machine'],
          // about resources and zones: the grid is anchored at the providers' 08:00 start explicitly
          alignmentAnchor: '08:00',
        },
      ],
      templates: [
        template('a', 'dr-a', { windows: [{ start: '08:00', end: '17:00' }] }),
        template('b', 'dr-b', { windows: [{ start: '08:00', end: '17:00' }] }),
        // the echo lab is run from Chicago: 08:00-12:00 CST = 09:00-13:00 EST
        {
          ...template('lab', 'x', { zone: 'America/Chicago', windows: [{ start: '08:00', end: '12:00' }] }),
          owner: { kind: 'resource', id: 'echo-1' },
        },
      ],
      appointments: [
        // dr-a is booked all day (no room use)
        booked('busy', 'dr-a', '2026-11-24T08:00:00-05:00', '2026-11-24T17:00:00-05:00', { type: 'echo' }),
      ],
    });
    const slots = unwrap(
      findSlots(
        query({ type: 'echo', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-01T00:00:00Z'),
        },
      ),
    );
    // dr-b only; grid from 08:00 in 90-minute steps (60 + 30): 08:00 (lab closed), 09:30, 11:00,
    // 12:30 (ends 13:30 > lab close 13:00) → 09:30 and 11:00
    expect(slots.map((s) => [s.provider, s.start.slice(11, 16), s.resources.join('+')])).toEqual([
      ['dr-b', '09:30', 'room-1+echo-1'],
      ['dr-b', '11:00', 'room-1+echo-1'],
    ]);
  });

  it('25. a hold expiring exactly at query time no longer blocks; a live one does', () => {
    const hold = (expiresAt: string) => ({
      id: 'h1',
      provider: 'dr-a',
      start: '2026-11-24T08:00:00-05:00',
      end: '2026-11-24T08:30:00-05:00',
      expiresAt,
    });
    const now = '2026-11-23T12:00:00-05:00';
    expect(times(day('visit-30', grid({}, [], [hold(now)]), now))[0]).toBe('08:00');
    expect(times(day('visit-30', grid({}, [], [hold('2026-11-23T12:00:01-05:00')]), now))[0]).toBe('08:30');
    // the last place of a two-place room: one booking leaves it open; a hold on it closes it
    const room = (holds: unknown[]) =>
      grid(
        {
          providers: [provider('dr-a'), provider('dr-b')],
          resources: [{ id: 'gym', kind: 'gym', location: 'loc-main', capacity: 2 }],
          appointmentTypes: [{ ...visit30, requiredResourceKinds: ['gym'] }],
          templates: [template('t', 'dr-a', { windows: [{ start: '08:00', end: '12:00' }] })],
        },
        [
          booked('a1', 'dr-b', '2026-11-24T08:00:00-05:00', '2026-11-24T08:30:00-05:00', {
            resources: ['gym'],
          }),
        ],
        holds,
      );
    expect(times(day('visit-30', room([]), now))[0]).toBe('08:00');
    const roomHold = {
      id: 'h2',
      provider: 'dr-b',
      resources: ['gym'],
      start: '2026-11-24T08:00:00-05:00',
      end: '2026-11-24T08:30:00-05:00',
      expiresAt: '2026-11-23T12:05:00-05:00',
    };
    expect(times(day('visit-30', room([roomHold]), now))[0]).toBe('08:30');
  });

  it('26. the appointment being rescheduled does not block its own time', () => {
    const cal = grid({}, [
      booked('move-me', 'dr-a', '2026-11-24T08:00:00-05:00', '2026-11-24T08:30:00-05:00'),
    ]);
    expect(times(day('visit-30', cal))[0]).toBe('08:30');
    const again = unwrap(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-01T00:00:00Z'),
          excludeAppointment: 'move-me' as never,
        },
      ),
    );
    expect(times(again)[0]).toBe('08:00');
  });

  it('27. an anchored grid for 40, 45 and 90 minutes is the same whatever the query start, and on DST days', () => {
    const anchored = (minutes: number) =>
      grid({
        appointmentTypes: [
          { id: 'g', code: 'G', durationMinutes: minutes, stepMinutes: minutes, alignmentAnchor: '00:00' },
        ],
        templates: [
          template('t', 'dr-a', { rrule: 'FREQ=DAILY', windows: [{ start: '08:00', end: '12:00' }] }),
        ],
      });
    // 40: 480 / 40 = 12 → 08:00, 08:40, 09:20, 10:00, 10:40, 11:20 (ends 12:00)
    expect(times(day('g', anchored(40)))).toEqual(['08:00', '08:40', '09:20', '10:00', '10:40', '11:20']);
    // 45: ceil(480 / 45) = 11 → 495 = 08:15, 09:00, 09:45, 10:30, 11:15 (ends 12:00)
    expect(times(day('g', anchored(45)))).toEqual(['08:15', '09:00', '09:45', '10:30', '11:15']);
    // 90: ceil(480 / 90) = 6 → 540 = 09:00, 10:30
    expect(times(day('g', anchored(90)))).toEqual(['09:00', '10:30']);
    // a query starting at 08:10 does not re-anchor the grid
    expect(times(day('g', anchored(40), '2026-11-01T00:00:00Z', '2026-11-24T08:10:00-05:00'))[0]).toBe(
      '08:40',
    );
    // Without alignmentAnchor the grid is anchored at local midnight too: the same times, and two
    // windows of one day share one grid (08:00-12:00 and 13:10-17:00 with 40 minutes: 13:20, not
    // 13:10, since 800 = 20 × 40 minutes after midnight).
    const midnight = grid({
      appointmentTypes: [{ id: 'g', code: 'G', durationMinutes: 40, stepMinutes: 40 }],
      templates: [
        template('t', 'dr-a', {
          rrule: 'FREQ=DAILY',
          windows: [
            { start: '08:00', end: '12:00' },
            { start: '13:10', end: '17:00' },
          ],
        }),
      ],
    });
    expect(times(day('g', midnight))).toEqual([
      '08:00',
      '08:40',
      '09:20',
      '10:00',
      '10:40',
      '11:20',
      '13:20',
      '14:00',
      '14:40',
      '15:20',
      '16:00',
    ]);
    // DST day 2026-03-08 (23 hours): the same wall times
    const dst = unwrap(
      findSlots(
        query({ type: 'g', from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00' }),
        anchored(40),
        {
          now: at('2026-01-01T00:00:00Z'),
        },
      ),
    );
    expect(times(dst)).toEqual(['08:00', '08:40', '09:20', '10:00', '10:40', '11:20']);
  });

  it('28. empty and zero-length ranges, touching windows, 23:59 vs 24:00, sub-minute instants', () => {
    const cal = grid();
    const empty = leftOf(
      findSlots(
        query({ type: 'visit-30', from: '2026-11-24T09:00:00-05:00', to: '2026-11-24T09:00:00-05:00' }),
        cal,
        {
          now: at('2026-11-01T00:00:00Z'),
        },
      ),
    );
    expect(empty.code).toBe('scheduling.invalid-range');
    expect(
      expand([template('t', 'dr-a')], [], '2026-11-24T09:00:00-05:00', '2026-11-24T09:00:00-05:00')[0]
        ?.intervals,
    ).toEqual([]);
    // touching windows merge into one interval
    const touching = template('t', 'dr-a', {
      windows: [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ],
    });
    expect(
      show(intervalsOf([touching], [], '2026-11-24T00:00:00-05:00', '2026-11-25T00:00:00-05:00'), NY),
    ).toEqual(['2026-11-24T09:00:00-05:00/2026-11-24T13:00:00-05:00']);
    // 24:00 is midnight ending the day (05:00Z); 23:59 a minute before
    const late = template('t', 'dr-a', { windows: [{ start: '22:00', end: '24:00' }] });
    expect(utc(intervalsOf([late], [], '2026-11-24T00:00:00-05:00', '2026-11-25T12:00:00-05:00'))[0]).toBe(
      '2026-11-25T03:00:00.000Z/2026-11-25T05:00:00.000Z',
    );
    // sub-minute now: 07:59:59.500 still sees 08:00; 08:00:00.001 does not
    expect(times(day('visit-30', cal, '2026-11-24T07:59:59.500-05:00'))[0]).toBe('08:00');
    expect(times(day('visit-30', cal, '2026-11-24T08:00:00.001-05:00'))[0]).toBe('08:30');
  });
});

describe('FHIR semantics the slot engine honours', () => {
  it('29. app-3: only proposed, cancelled and waitlist appointments may lack start/end', () => {
    const base = { id: 'a', type: 'visit-30', patient: 'p', provider: 'dr-a' };
    expect(parseAppointment({ ...base, status: 'waitlist' })._tag).toBe('Right');
    expect(parseAppointment({ ...base, status: 'booked' })._tag).toBe('Left');
    expect(parseAppointment({ ...base, status: 'booked', start: '2026-11-24T09:00:00-05:00' })._tag).toBe(
      'Left',
    );
  });

  it('30. holds (busy-tentative) block, entered-in-error and cancelled appointments do not', () => {
    const a = (status: string) =>
      booked('a1', 'dr-a', '2026-11-24T08:00:00-05:00', '2026-11-24T08:30:00-05:00', { status });
    expect(times(day('visit-30', grid({}, [a('entered-in-error')])))[0]).toBe('08:00');
    expect(times(day('visit-30', grid({}, [a('cancelled')])))[0]).toBe('08:00');
    expect(times(day('visit-30', grid({}, [a('booked')])))[0]).toBe('08:30');
    const hold = {
      id: 'h',
      provider: 'dr-a',
      start: '2026-11-24T08:00:00-05:00',
      end: '2026-11-24T08:30:00-05:00',
      expiresAt: '2026-12-01T00:00:00Z',
    };
    expect(times(day('visit-30', grid({}, [], [hold])))[0]).toBe('08:30');
  });
});
