// Follow-ups, chained sequences and recurring series, on the small clinic of flowFixtures.ts
// (weekdays 09:00-12:00 and 13:00-17:00 New York; 2026-11-23 is a Monday).
import { describe, expect, it } from 'vitest';
import type { AppointmentId } from '../../src/core/ids.js';
import type { IanaZone, IsoDate, WallTime } from '../../src/core/time.js';
import { findFollowUpSlots, planSequence, planSeries, splitSeries } from '../../src/scheduling/index.js';
import { appointment, at, leftOf, query, template, unwrap } from './fixtures.js';
import { booked, clinic } from './flowFixtures.js';

const NOW = at('2026-11-23T14:00:00Z');
const NY = 'America/New_York' as IanaZone;
const starts = (slots: readonly { start: string }[]) => slots.map((s) => s.start);

describe('findFollowUpSlots', () => {
  const visit = appointment(
    booked('v-1', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T09:30:00-05:00', { patient: 'pt-1' }),
  );
  const fu = query({ type: 'visit-30', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
  const { from: _f, to: _t, ...q } = fu;

  it('searches 6 weeks +/- 7 days around the target, closest days first, same provider', () => {
    // Target: Tue 2026-11-24 + 42 days = Tue 2027-01-05. dr-a is away that whole day.
    const cal = clinic([], {
      exceptions: [
        {
          kind: 'time-off',
          owner: { kind: 'provider', id: 'dr-a' },
          start: '2027-01-05T00:00:00-05:00',
          end: '2027-01-06T00:00:00-05:00',
        },
      ],
    });
    const r = unwrap(
      findFollowUpSlots(visit, { amount: 6, unit: 'weeks', toleranceDays: 7 }, q, cal, {
        now: NOW,
        limit: 3,
      }),
    );
    // Mon Jan 4 (-1) 09:00 and 09:30 come before Wed Jan 6 (+1) 09:00 only because of the start tie-break.
    expect(r.map((s) => [s.slot.start, s.offsetDays, s.target])).toEqual([
      ['2027-01-04T09:00:00-05:00', -1, '2027-01-05'],
      ['2027-01-04T09:30:00-05:00', -1, '2027-01-05'],
      ['2027-01-04T10:00:00-05:00', -1, '2027-01-05'],
    ]);
    const all = unwrap(
      findFollowUpSlots(visit, { amount: 6, unit: 'weeks', toleranceDays: 7 }, q, cal, { now: NOW }),
    );
    expect(new Set(all.map((s) => s.slot.provider))).toEqual(new Set(['dr-a']));
    // Dec 29 (Tue) to Jan 12 (Tue) inclusive: offsets -7..+7, never 0 (time off), weekdays only.
    expect(Math.min(...all.map((s) => s.offsetDays))).toBe(-7);
    expect(Math.max(...all.map((s) => s.offsetDays))).toBe(7);
    expect(all.some((s) => s.offsetDays === 0)).toBe(false);
  });

  it('adds calendar months clamped to the month end (Jan 29 + 1 month = Feb 28 in 2027)', () => {
    const jan29 = appointment(
      booked('v-2', 'dr-a', '2027-01-29T09:00:00-05:00', '2027-01-29T09:30:00-05:00'),
    );
    // Jan 29 + 1 month = Feb 29, which 2027 does not have: clamped to Feb 28 (a Sunday).
    const r = unwrap(
      findFollowUpSlots(jan29, { amount: 1, unit: 'months', toleranceDays: 1 }, q, clinic(), {
        now: NOW,
        limit: 1,
      }),
    );
    // Sunday Feb 28 has no hours; Sat Feb 27 neither; Mon Mar 1 (+1) 09:00 is the closest.
    expect(r[0]).toMatchObject({
      target: '2027-02-28',
      offsetDays: 1,
      slot: { start: '2027-03-01T09:00:00-05:00' },
    });
  });

  it('counts whole local days across the fall-back change', () => {
    const oct = appointment(booked('v-3', 'dr-a', '2026-10-20T09:00:00-04:00', '2026-10-20T09:30:00-04:00'));
    const r = unwrap(
      findFollowUpSlots(oct, { amount: 14, unit: 'days', toleranceDays: 0 }, q, clinic(), {
        now: at('2026-10-20T14:00:00Z'),
        limit: 1,
      }),
    );
    // Oct 20 + 14 days = Tue Nov 3, after the Nov 1 change: 09:00 is now -05:00.
    expect(r[0]).toMatchObject({
      target: '2026-11-03',
      offsetDays: 0,
      slot: { start: '2026-11-03T09:00:00-05:00' },
    });
  });

  it('rejects negative intervals and visits without times', () => {
    expect(
      leftOf(
        findFollowUpSlots(visit, { amount: -1, unit: 'days', toleranceDays: 0 }, q, clinic(), { now: NOW }),
      ).code,
    ).toBe('scheduling.invalid-range');
  });
});

describe('planSequence', () => {
  it('MRI at least 2 days before the orthopedic consult', () => {
    const plans = unwrap(
      planSequence(
        {
          steps: [
            { query: { type: 'mri-45' as never } },
            { query: { type: 'ortho-30' as never }, minGapMinutes: 2 * 24 * 60 },
          ],
          patient: 'pt-1' as never,
          from: at('2026-11-24T00:00:00-05:00'),
          to: at('2026-12-05T00:00:00-05:00'),
        },
        clinic(),
        { now: NOW, limit: 2 },
      ),
    );
    // MRI grid 09:00, 09:45, ...; consult grid every 30 min. Consult Thu 09:00 / 09:30 would need an MRI
    // ending by Tue 09:00 / 09:30: none. Consult 10:00 <- MRI 09:00-09:45; consult 10:30 <- MRI 09:45-10:30.
    expect(plans.map((p) => starts(p.slots))).toEqual([
      ['2026-11-24T09:00:00-05:00', '2026-11-26T10:00:00-05:00'],
      ['2026-11-24T09:45:00-05:00', '2026-11-26T10:30:00-05:00'],
    ]);
    expect(plans[0]?.slots.map((s) => s.resources)).toEqual([['mri-1'], []]);
  });

  it('labs exactly 15 minutes before the visit: one search finds the first visit that has labs', () => {
    // dr-a is booked 09:30-10:00. The 09:00 visit would need labs at 08:30 (closed).
    const cal = clinic([booked('x-1', 'dr-a', '2026-11-24T09:30:00-05:00', '2026-11-24T10:00:00-05:00')]);
    const plans = unwrap(
      planSequence(
        {
          steps: [
            { query: { type: 'labs-15' as never } },
            {
              query: { type: 'visit-30' as never, providers: ['dr-a' as never] },
              minGapMinutes: 15,
              maxGapMinutes: 15,
            },
          ],
          from: at('2026-11-24T00:00:00-05:00'),
          to: at('2026-11-25T00:00:00-05:00'),
        },
        cal,
        { now: NOW, limit: 1 },
      ),
    );
    expect(plans.map((p) => starts(p.slots))).toEqual([
      ['2026-11-24T09:30:00-05:00', '2026-11-24T10:00:00-05:00'],
    ]);
  });

  it('returns no plan when the gaps cannot be met, and rejects inverted gaps', () => {
    const none = unwrap(
      planSequence(
        {
          steps: [
            { query: { type: 'mri-45' as never } },
            { query: { type: 'ortho-30' as never }, minGapMinutes: 20 * 24 * 60 },
          ],
          from: at('2026-11-24T00:00:00-05:00'),
          to: at('2026-12-05T00:00:00-05:00'),
        },
        clinic(),
        { now: NOW },
      ),
    );
    expect(none).toEqual([]);
    const bad = planSequence(
      {
        steps: [{ query: { type: 'mri-45' as never }, minGapMinutes: 30, maxGapMinutes: 10 }],
        from: NOW,
        to: NOW,
      },
      clinic(),
      { now: NOW },
    );
    expect(leftOf(bad).code).toBe('scheduling.invalid-range');
  });
});

describe('planSeries', () => {
  const pattern = (rrule: string, dtstart: string, time: string) => ({
    rrule,
    dtstart: dtstart as IsoDate,
    time: time as WallTime,
    zone: NY,
  });
  const series = (
    rrule: string,
    dtstart: string,
    time: string,
    query: Parameters<typeof planSeries>[1],
    cal = clinic(),
    now = NOW,
  ) => unwrap(planSeries(pattern(rrule, dtstart, time), query, cal, { now }));

  it('PT twice a week at 09:00: one conflict, with the nearest alternatives that day', () => {
    const cal = clinic([
      booked('other', 'pt-lee', '2026-11-26T09:00:00-05:00', '2026-11-26T09:45:00-05:00', { type: 'pt-45' }),
    ]);
    const plan = unwrap(
      planSeries(
        pattern('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6', '2026-11-24', '09:00'),
        { type: 'pt-45' as never, patient: 'pt-7' as never },
        cal,
        {
          now: NOW,
        },
      ),
    );
    expect(plan.provider).toBe('pt-lee');
    expect(plan.occurrences.map((o) => [o.date, o.status])).toEqual([
      ['2026-11-24', 'ok'],
      ['2026-11-26', 'conflict'],
      ['2026-12-01', 'ok'],
      ['2026-12-03', 'ok'],
      ['2026-12-08', 'ok'],
      ['2026-12-10', 'ok'],
    ]);
    expect(plan.bookable).toBe(5);
    const thu = plan.occurrences[1];
    expect(thu?.conflicts.map((c) => [c.code, c.appointment])).toEqual([
      ['booking.overlaps-booking', 'other'],
    ]);
    // 15-minute grid: the first free starts after the 09:00-09:45 visit are 09:45, 10:00, 10:15.
    expect(starts(thu?.alternatives ?? [])).toEqual([
      '2026-11-26T09:45:00-05:00',
      '2026-11-26T10:00:00-05:00',
      '2026-11-26T10:15:00-05:00',
    ]);
  });

  it('keeps 09:00 local across the fall-back change and reports lunch-hour times as outside availability', () => {
    const plan = series(
      'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
      '2026-10-27',
      '09:00',
      { type: 'pt-45' as never },
      clinic(),
      at('2026-10-20T14:00:00Z'),
    );
    expect(plan.occurrences.map((o) => o.start)).toEqual([
      '2026-10-27T09:00:00-04:00',
      '2026-11-03T09:00:00-05:00',
      '2026-11-10T09:00:00-05:00',
    ]);
    const lunch = series('FREQ=WEEKLY;BYDAY=TU;COUNT=2', '2026-11-24', '12:15', { type: 'pt-45' as never });
    expect(lunch.occurrences.map((o) => o.conflicts.map((c) => c.code))).toEqual([
      ['booking.outside-availability'],
      ['booking.outside-availability'],
    ]);
  });

  it('a series time inside the spring-forward gap moves to the first instant after it; an overlap time is the earlier (edge cases 2, 3)', () => {
    const allDay = clinic([], {
      templates: [
        template('t-night', 'dr-a', { windows: [{ start: '00:00', end: '24:00' }], rrule: 'FREQ=DAILY' }),
      ],
    });
    const type = { type: 'visit-30' as never, providers: ['dr-a' as never] };
    const spring = series(
      'FREQ=DAILY;COUNT=3',
      '2026-03-07',
      '02:30',
      type,
      allDay,
      at('2026-03-01T00:00:00Z'),
    );
    // 02:30 does not exist on 2026-03-08 in New York: DESIGN.md rule 4 gives 03:00 EDT (07:00Z).
    expect(spring.occurrences.map((o) => o.start)).toEqual([
      '2026-03-07T02:30:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-09T02:30:00-04:00',
    ]);
    const fall = series(
      'FREQ=DAILY;COUNT=1',
      '2026-11-01',
      '01:30',
      type,
      allDay,
      at('2026-10-25T00:00:00Z'),
    );
    // 01:30 happens twice on 2026-11-01: the earlier one is EDT (-04:00).
    expect(fall.occurrences.map((o) => [o.start, o.status])).toEqual([['2026-11-01T01:30:00-04:00', 'ok']]);
  });

  it('needs COUNT or UNTIL', () => {
    expect(
      leftOf(
        planSeries(
          pattern('FREQ=WEEKLY;BYDAY=TU', '2026-11-24', '09:00'),
          { type: 'pt-45' as never },
          clinic(),
          { now: NOW },
        ),
      ).code,
    ).toBe('scheduling.invalid-rule');
  });

  it('splits a series at an occurrence: this and following get a new series id (edge case 16)', () => {
    const visits = [1, 2, 3, 4].map((i) =>
      appointment(
        booked(`pt-${i}`, 'pt-lee', `2026-12-0${i}T09:00:00-05:00`, `2026-12-0${i}T09:45:00-05:00`, {
          seriesId: 's-1',
        }),
      ),
    );
    const { kept, moved } = splitSeries(visits, 'pt-3' as AppointmentId, 's-2');
    expect(kept.map((a) => [a.id, a.seriesId])).toEqual([
      ['pt-1', 's-1'],
      ['pt-2', 's-1'],
    ]);
    expect(moved.map((a) => [a.id, a.seriesId])).toEqual([
      ['pt-3', 's-2'],
      ['pt-4', 's-2'],
    ]);
  });
});
