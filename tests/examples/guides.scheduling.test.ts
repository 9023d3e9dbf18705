// docs/guides/scheduling.md: runs examples/guides/scheduling.ts and checks what the guide says it
// prints. Times are hand-computed from the calendar (New York is UTC-5 in late November).
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/scheduling.js';
import { formatInstant, type IanaZone } from '../../src/core/index.js';
import { parseSchedulingCalendar } from '../../src/scheduling/index.js';
import { quietConsole, right } from './support.js';

const NY = 'America/New_York' as IanaZone;
const local = (ms: number) => formatInstant(ms, NY);

describe('scheduling.md', () => {
  quietConsole();

  it('availability: Mon-Wed 08:00-12:00 and 13:00-17:00; Thanksgiving and Friday closed', () => {
    const [patel, echo] = right(guide.availability());
    expect(patel?.owner).toEqual({ kind: 'provider', id: 'dr-patel' });
    expect(patel?.intervals.map((i) => `${local(i.start)} ${local(i.end).slice(11, 16)}`)).toEqual(
      ['23', '24', '25'].flatMap((d) => [
        `2026-11-${d}T08:00:00-05:00 12:00`,
        `2026-11-${d}T13:00:00-05:00 17:00`,
      ]),
    );
    // The echo lab works Monday to Friday 08:00-16:00; Thursday is the holiday for everyone.
    expect(echo?.intervals.map((i) => local(i.start).slice(0, 10))).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-27',
    ]);
  });

  it('slots: every 45 minutes from midnight, Tuesday 09:00 (24 h notice) to 15:00 (echo closes 16:00), then Wednesday', () => {
    const { found, days } = guide.slots();
    const slots = right(found);
    // 00:00 + k × 45 min: 08:15 is before the notice ends (Tuesday 08:45); 11:15 ends 11:55 inside
    // the morning window; 13:30 is the first grid time after 13:00; 15:45 would end 16:25, after the
    // echo lab closes; the eighth slot is Wednesday 08:15.
    expect(slots.map((s) => s.start)).toEqual([
      ...['09:00', '09:45', '10:30', '11:15', '13:30', '14:15', '15:00'].map(
        (t) => `2026-11-24T${t}:00-05:00`,
      ),
      '2026-11-25T08:15:00-05:00',
    ]);
    expect(slots[0]).toMatchObject({
      end: '2026-11-24T09:40:00-05:00',
      provider: 'dr-patel',
      resources: ['echo-1'],
      type: 'new-echo-40',
      location: 'main',
      overbooked: false,
    });
    // Kolkata is UTC+5:30, 10 h 30 min ahead: 11:15 NY is 21:45, 13:30 NY is 00:00 the next day.
    const expected = groupCounts(slots.map((s) => s.start));
    expect(expected).toEqual([
      ['2026-11-24', 4],
      ['2026-11-25', 4],
    ]);
    expect(days.map((d) => [d.date, d.slots.length])).toEqual(expected);
  });

  it('explain: notice before 09:10 Tuesday, the 09:30 booking, the 13:00 hold, the 16:00 lab close', () => {
    const why = right(guide.exclusions());
    // Grid 08:15, 09:00, 09:45, ... (45 minutes from midnight). The 09:30-10:10 booking blocks
    // 09:25-10:15 for a visit with a 5-minute after-buffer, so 09:00 and 09:45 overlap it; the hold
    // 13:00-13:40 blocks 12:55-13:40 (13:30); 15:45-16:25 runs past the lab's 16:00 close.
    expect(why.map((x) => [x.start.slice(11, 16), x.conflicts.map((c) => c.code)])).toEqual([
      ['08:15', ['booking.notice']],
      ['09:00', ['booking.notice', 'booking.overlaps-booking', 'booking.resource-busy']],
      ['09:45', ['booking.overlaps-booking', 'booking.resource-busy']],
      ['13:30', ['booking.overlaps-hold', 'booking.resource-busy']],
      ['15:45', ['booking.resource-busy']],
    ]);
  });

  it('booking: valid with exactly 24 h notice; 15 minutes later it is too soon', () => {
    const { verdict, tooSoon } = guide.booking();
    expect(right(verdict)).toEqual({ overbooked: false });
    expect(tooSoon._tag === 'Left' && tooSoon.left).toMatchObject({
      code: 'booking.rejected',
      conflicts: [{ code: 'booking.notice', limit: '2026-11-24T09:00:00-05:00' }],
    });
  });

  it('dst: 02:30 in the gap is 03:00 EDT; 01:30 in the overlap is 05:30Z; the window shrinks once', () => {
    const { gap, overlap, open } = guide.dst();
    expect(local(gap)).toBe('2026-03-08T03:00:00-04:00');
    expect(new Date(overlap).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT = UTC-4
    expect(right(open)[0]?.intervals.map((i) => `${local(i.start)} ${local(i.end).slice(11, 16)}`)).toEqual([
      '2026-03-07T02:30:00-05:00 04:30',
      '2026-03-08T03:00:00-04:00 04:30',
      '2026-03-09T02:30:00-04:00 04:30',
    ]);
  });

  it('json: the same calendar as JSON.parse and parseSchedulingCalendar; text that is not JSON is one Left', () => {
    const { stored, loaded, cut } = guide.fromJson();
    expect(loaded).toStrictEqual(parseSchedulingCalendar(JSON.parse(stored)));
    expect(right(loaded).templates.map((t) => t.id)).toEqual(['patel-week', 'echo-lab']);
    expect(cut).toMatchObject({
      _tag: 'Left',
      left: { issues: [{ path: '(root)', rule: 'invalid_json', message: '(root): must be JSON text' }] },
    });
  });
});

/** Local dates in Asia/Kolkata (UTC+5:30, no DST) with their counts, by hand arithmetic. */
const groupCounts = (starts: readonly string[]): [string, number][] => {
  const counts = new Map<string, number>();
  for (const s of starts) {
    const date = new Date(Date.parse(s) + 330 * 60_000).toISOString().slice(0, 10);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return [...counts];
};
