// Slot finding, booking validation and explanations beyond the 30 reference cases: every error
// code, every conflict code, rankings, paging, locations, resources and exceptions. Expected
// times are worked out by hand in the comments (New York, EST −05:00 in late November).
import { describe, expect, it } from 'vitest';
import {
  expandAvailability,
  explainSlotExclusions,
  findSlots,
  parseSchedulingCalendar,
  firstAvailable,
  parseAvailabilityException,
  parseAvailabilityTemplate,
  parseHold,
  parseProvider,
  parseSlotOptions,
  parseWaitlistEntry,
  parseAppointment,
  parseAppointmentType,
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
  visit30,
} from './fixtures.js';

const NOW = at('2026-11-01T00:00:00Z');
const TUE = { from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' };
const times = (slots: readonly Slot[]) => slots.map((s) => `${s.provider} ${s.start.slice(11, 16)}`);

const clinic = (extra: Record<string, unknown> = {}) =>
  calendar({
    providers: [
      provider('dr-a', { specialties: ['cardiology'] }),
      provider('dr-b'),
      provider('dr-c', { locations: ['loc-east'] }),
    ],
    locations: [
      { id: 'loc-main', zone: NY },
      { id: 'loc-east', zone: NY },
    ],
    resources: [
      { id: 'room-1', kind: 'exam-room', location: 'loc-main' },
      { id: 'room-2', kind: 'exam-room', location: 'loc-main' },
      { id: 'room-9', kind: 'exam-room', location: 'loc-east' },
      { id: 'echo-1', kind: 'echo-machine', category: 'equipment', location: 'loc-main' },
    ],
    appointmentTypes: [
      visit30,
      {
        id: 'echo',
        code: 'E',
        durationMinutes: 60,
        requiredResourceKinds: ['exam-room', 'echo-machine'],
        eligibleSpecialties: ['cardiology'],
      },
      { id: 'two-rooms', code: 'T', durationMinutes: 30, requiredResourceKinds: ['exam-room', 'exam-room'] },
      { id: 'new-only', code: 'N', durationMinutes: 30, patientStatus: 'new' },
    ],
    templates: [
      template('a', 'dr-a', { windows: [{ start: '09:00', end: '11:00' }] }),
      template('b', 'dr-b', { windows: [{ start: '09:00', end: '11:00' }] }),
      template('c', 'dr-c', { windows: [{ start: '09:00', end: '10:00' }] }),
    ],
    ...extra,
  });

describe('findSlots', () => {
  it('offers every eligible provider in start order, ties in calendar order', () => {
    const slots = unwrap(findSlots(query({ type: 'visit-30', ...TUE }), clinic(), { now: NOW }));
    expect(times(slots).slice(0, 5)).toEqual([
      'dr-a 09:00',
      'dr-b 09:00',
      'dr-c 09:00',
      'dr-a 09:30',
      'dr-b 09:30',
    ]);
    expect(slots).toHaveLength(10); // 4 + 4 + 2
  });

  it("offers each time once when a provider's templates overlap", () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [visit30],
      templates: [
        template('morning', 'dr-a', { windows: [{ start: '09:00', end: '10:30' }] }),
        template('late-morning', 'dr-a', { windows: [{ start: '10:00', end: '11:00' }] }),
      ],
    });
    const slots = unwrap(findSlots(query({ type: 'visit-30', ...TUE }), cal, { now: NOW }));
    // 09:00-10:30 gives 09:00, 09:30, 10:00; 10:00-11:00 gives 10:00 (again) and 10:30
    expect(times(slots)).toEqual(['dr-a 09:00', 'dr-a 09:30', 'dr-a 10:00', 'dr-a 10:30']);
  });

  it('narrows by specialty, query providers and location', () => {
    expect(times(unwrap(findSlots(query({ type: 'echo', ...TUE }), clinic(), { now: NOW })))).toEqual([
      'dr-a 09:00',
      'dr-a 10:00',
    ]);
    expect(
      times(
        unwrap(findSlots(query({ type: 'visit-30', providers: ['dr-b'], ...TUE }), clinic(), { now: NOW })),
      ),
    ).toHaveLength(4);
    const east = unwrap(
      findSlots(query({ type: 'visit-30', location: 'loc-east', ...TUE }), clinic(), { now: NOW }),
    );
    expect(times(east)).toEqual(['dr-c 09:00', 'dr-c 09:30']);
    expect(east[0]?.location).toBe('loc-east');
  });

  it('assigns distinct resources when a kind is needed twice, and honours requested resources', () => {
    const two = unwrap(
      findSlots(query({ type: 'two-rooms', providers: ['dr-a'], ...TUE }), clinic(), { now: NOW, limit: 1 }),
    );
    expect(two[0]?.resources).toEqual(['room-1', 'room-2']);
    // dr-c works at loc-east, which has one exam room only: no slot
    expect(
      unwrap(findSlots(query({ type: 'two-rooms', providers: ['dr-c'], ...TUE }), clinic(), { now: NOW })),
    ).toEqual([]);
    const asked = unwrap(
      findSlots(query({ type: 'echo', resources: ['room-2'], ...TUE }), clinic(), { now: NOW, limit: 1 }),
    );
    expect(asked[0]?.resources).toEqual(['room-2', 'echo-1']);
    // the slot's location is the room's, not the device's
    expect(asked[0]?.location).toBe('loc-main');
  });

  it('ranks the preferred provider first, or the least-loaded provider first each day', () => {
    const cal = clinic({
      appointments: [booked('x', 'dr-a', '2026-11-24T10:00:00-05:00', '2026-11-24T11:00:00-05:00')],
    });
    const preferred = unwrap(
      findSlots(query({ type: 'visit-30', preferredProvider: 'dr-b', ...TUE }), cal, {
        now: NOW,
        ranking: 'preferred-provider',
      }),
    );
    expect(times(preferred).slice(0, 5)).toEqual([
      'dr-b 09:00',
      'dr-b 09:30',
      'dr-b 10:00',
      'dr-b 10:30',
      'dr-a 09:00',
    ]);
    // loads: dr-a 60 min, dr-b 0, dr-c 0 → dr-b and dr-c first (equal loads: by time, then
    // calendar order), then dr-a
    const spread = unwrap(
      findSlots(query({ type: 'visit-30', ...TUE }), cal, { now: NOW, ranking: 'spread-load' }),
    );
    expect(times(spread)).toEqual([
      'dr-b 09:00',
      'dr-c 09:00',
      'dr-b 09:30',
      'dr-c 09:30',
      'dr-b 10:00',
      'dr-b 10:30',
      'dr-a 09:00',
      'dr-a 09:30',
    ]);
  });

  it('pages with a cursor in every ranking', () => {
    for (const ranking of ['earliest', 'preferred-provider', 'spread-load'] as const) {
      const q = query({ type: 'visit-30', preferredProvider: 'dr-c', ...TUE });
      const whole = unwrap(findSlots(q, clinic(), { now: NOW, ranking }));
      const first = unwrap(findSlots(q, clinic(), { now: NOW, ranking, limit: 4 }));
      const cursor = first.at(-1)?.cursor;
      expect(cursor).toBeDefined();
      const rest = unwrap(findSlots(q, clinic(), { now: NOW, ranking, ...(cursor ? { cursor } : {}) }));
      expect([...first, ...rest].map((s) => s.start + s.provider)).toEqual(
        whole.map((s) => s.start + s.provider),
      );
    }
  });

  it('applies time off, extra hours and resource templates', () => {
    const cal = clinic({
      exceptions: [
        {
          kind: 'time-off',
          owner: { kind: 'provider', id: 'dr-a' },
          start: '2026-11-24T09:00:00-05:00',
          end: '2026-11-24T10:00:00-05:00',
        },
        {
          kind: 'extra-hours',
          owner: { kind: 'provider', id: 'dr-a' },
          date: '2026-11-24',
          zone: NY,
          windows: [{ start: '18:00', end: '19:00' }],
        },
      ],
    });
    const a = unwrap(findSlots(query({ type: 'visit-30', providers: ['dr-a'], ...TUE }), cal, { now: NOW }));
    expect(times(a)).toEqual(['dr-a 10:00', 'dr-a 10:30', 'dr-a 18:00', 'dr-a 18:30']);
  });

  it('returns every error code as a value', () => {
    const cal = clinic();
    expect(leftOf(findSlots(query({ type: 'nope', ...TUE }), cal, { now: NOW })).code).toBe(
      'scheduling.unknown-type',
    );
    expect(
      leftOf(findSlots(query({ type: 'visit-30', providers: ['dr-x'], ...TUE }), cal, { now: NOW })).code,
    ).toBe('scheduling.unknown-provider');
    expect(
      leftOf(findSlots(query({ type: 'visit-30', resources: ['r-x'], ...TUE }), cal, { now: NOW })).code,
    ).toBe('scheduling.unknown-resource');
    expect(
      leftOf(findSlots(query({ type: 'visit-30', location: 'nowhere', ...TUE }), cal, { now: NOW })).code,
    ).toBe('scheduling.no-eligible-provider');
    expect(
      leftOf(findSlots(query({ type: 'visit-30', ...TUE }), cal, { now: NOW, cursor: 'garbage' })).code,
    ).toBe('scheduling.invalid-cursor');
    expect(
      leftOf(findSlots(query({ type: 'new-only', patientStatus: 'established', ...TUE }), cal, { now: NOW }))
        .code,
    ).toBe('scheduling.patient-status');
    // The parser refuses the rule, naming the part; a calendar built in code without the parser
    // gets the same verdict from the search as a value.
    const issues = leftOf(
      parseSchedulingCalendar({ ...cal, templates: [template('bad', 'dr-a', { rrule: 'FREQ=HOURLY' })] }),
    ).issues;
    expect(issues.map((i) => [i.path, i.rule])).toEqual([['templates.0.rrule', 'rrule.unsupported-freq']]);
    const good = cal.templates[0];
    if (good === undefined) throw new Error('fixture has a template');
    const badRule = { ...cal, templates: [{ ...good, id: 'bad' as typeof good.id, rrule: 'FREQ=HOURLY' }] };
    const err = leftOf(findSlots(query({ type: 'visit-30', ...TUE }), badRule, { now: NOW }));
    expect(err.code).toBe('scheduling.invalid-rule');
    expect(err.message).toContain('templates.bad.rrule');
  });

  it('firstAvailable finds the next time with anyone, or nothing', () => {
    const cal = clinic({
      appointments: [booked('x', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T09:30:00-05:00')],
    });
    const first = unwrap(
      firstAvailable(query({ type: 'visit-30', ...TUE }), cal, { now: at('2026-11-24T09:00:00-05:00') }),
    );
    expect(first && `${first.provider} ${first.start}`).toBe('dr-b 2026-11-24T09:00:00-05:00');
    const none = unwrap(
      firstAvailable(
        query({ type: 'visit-30', from: '2026-11-28T00:00:00-05:00', to: '2026-11-29T00:00:00-05:00' }),
        cal,
        { now: NOW },
      ),
    );
    expect(none).toBeUndefined();
  });
});

describe('validateBooking', () => {
  const cal = clinic({
    appointmentTypes: [
      { ...visit30, minimumNoticeMinutes: 120, bookingHorizonDays: 30, maxPerWeek: 1 },
      {
        id: 'echo',
        code: 'E',
        durationMinutes: 60,
        requiredResourceKinds: ['exam-room', 'echo-machine'],
        eligibleSpecialties: ['cardiology'],
      },
    ],
    templates: [
      template('a', 'dr-a', { windows: [{ start: '09:00', end: '11:00' }], appointmentTypes: ['visit-30'] }),
      template('b', 'dr-b'),
    ],
    appointments: [
      booked('other', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T09:30:00-05:00', {
        resources: ['room-1'],
      }),
      booked('mine', 'dr-b', '2026-11-24T09:15:00-05:00', '2026-11-24T09:45:00-05:00', { patient: 'pt-9' }),
    ],
    holds: [
      {
        id: 'h',
        provider: 'dr-a',
        start: '2026-11-24T10:00:00-05:00',
        end: '2026-11-24T10:30:00-05:00',
        expiresAt: '2026-12-01T00:00:00Z',
      },
    ],
  });
  const attempt = (extra: Record<string, unknown>) =>
    appointment({
      id: 'new',
      status: 'booked',
      type: 'visit-30',
      patient: 'pt-9',
      provider: 'dr-a',
      ...extra,
    });
  const codes = (e: ReturnType<typeof validateBooking>) => {
    const l = leftOf(e);
    return l.code === 'booking.rejected' ? l.conflicts.map((c) => c.code) : [l.code];
  };

  it('lists every conflict at once', () => {
    // 09:15-09:45 with dr-a: overlaps 'other'; room-1 busy; the patient is with dr-b at 09:15;
    // now 08:00 + 120 min notice = 10:00 > 09:15; 'other' already fills the week (maxPerWeek 1).
    expect(
      codes(
        validateBooking(
          attempt({
            resources: ['room-1'],
            start: '2026-11-24T09:15:00-05:00',
            end: '2026-11-24T09:45:00-05:00',
          }),
          cal,
          at('2026-11-24T08:00:00-05:00'),
        ),
      ),
    ).toEqual([
      'booking.notice',
      'booking.overlaps-booking',
      'booking.resource-busy',
      'booking.patient-double-booked',
      'booking.week-limit',
    ]);
  });

  it('reports holds, availability, blocks reserved for other types, eligibility, horizon, missing resources and bad times', () => {
    const now = at('2026-11-20T08:00:00-05:00');
    const tue = (from: string, to: string) => ({
      start: `2026-11-24T${from}:00-05:00`,
      end: `2026-11-24T${to}:00-05:00`,
    });
    const wed = { start: '2026-11-25T09:00:00-05:00', end: '2026-11-25T10:00:00-05:00' };
    const cases: [Record<string, unknown>, string[]][] = [
      // dr-a already has one visit-30 that week (maxPerWeek 1)
      [tue('10:00', '10:30'), ['booking.overlaps-hold', 'booking.week-limit']],
      [tue('12:00', '12:30'), ['booking.outside-availability', 'booking.week-limit']],
      // dr-a's block admits visit-30 only; echo also needs a room and the device
      [
        { type: 'echo', ...wed },
        ['booking.type-not-allowed', 'booking.resource-missing', 'booking.resource-missing'],
      ],
      [
        { type: 'echo', provider: 'dr-b', resources: ['room-2', 'echo-1'], ...wed },
        ['booking.provider-not-eligible'],
      ],
      // horizon 30 days from Nov 20 → last date Dec 20
      [
        { provider: 'dr-b', start: '2026-12-21T09:00:00-05:00', end: '2026-12-21T09:30:00-05:00' },
        ['booking.horizon'],
      ],
      [{ provider: 'dr-x', ...tue('10:00', '10:30') }, ['scheduling.unknown-provider']],
      [{ resources: ['r-x'], ...tue('10:00', '10:30') }, ['scheduling.unknown-resource']],
    ];
    for (const [extra, expected] of cases)
      expect(codes(validateBooking(attempt(extra), cal, now)), JSON.stringify(extra)).toEqual(expected);
    const waitlisted = appointment({
      id: 'w',
      status: 'waitlist',
      type: 'visit-30',
      patient: 'p',
      provider: 'dr-a',
    });
    expect(codes(validateBooking(waitlisted, cal, now))).toEqual(['booking.invalid-times']);
    // the parser refuses an end that is not after the start; a typed value built by hand is checked too
    const empty = { ...attempt(tue('10:00', '10:30')), end: at('2026-11-24T10:00:00-05:00') };
    expect(codes(validateBooking(empty, cal, now))).toEqual(['booking.invalid-times']);
    const parsed = parseAppointment({ ...empty });
    expect(parsed._tag === 'Left' && parsed.left.issues.map((i) => [i.path, i.message])).toEqual([
      ['end', 'end: must be after start'],
    ]);
  });

  it("confirms a patient's own hold, room included; anyone else is refused", () => {
    const held = calendar({
      ...cal,
      holds: [
        {
          id: 'h-room',
          provider: 'dr-b',
          resources: ['room-2'],
          patient: 'pt-7',
          start: '2026-12-01T10:00:00-05:00',
          end: '2026-12-01T10:30:00-05:00',
          expiresAt: '2026-12-01T00:00:00Z',
        },
      ],
    });
    const confirm = (patient: string) =>
      validateBooking(
        attempt({
          patient,
          provider: 'dr-b',
          resources: ['room-2'],
          start: '2026-12-01T10:00:00-05:00',
          end: '2026-12-01T10:30:00-05:00',
        }),
        held,
        at('2026-11-20T08:00:00-05:00'),
      );
    expect(unwrap(confirm('pt-7'))).toEqual({ overbooked: false });
    expect(codes(confirm('pt-8'))).toEqual(['booking.overlaps-hold', 'booking.resource-busy']);
  });

  it('accepts an existing appointment against the rest (it never conflicts with itself)', () => {
    const existing = cal.appointments.find((a) => a.id === 'mine');
    expect(existing && unwrap(validateBooking(existing, cal, NOW))).toEqual({ overbooked: false });
  });
});

describe('explainSlotExclusions', () => {
  it('names what blocks each grid time that was not offered', () => {
    const cal = clinic({
      appointments: [booked('x', 'dr-a', '2026-11-24T09:00:00-05:00', '2026-11-24T09:30:00-05:00')],
      holds: [
        {
          id: 'h',
          provider: 'dr-a',
          start: '2026-11-24T10:00:00-05:00',
          end: '2026-11-24T10:30:00-05:00',
          expiresAt: '2026-12-01T00:00:00Z',
        },
      ],
    });
    const why = unwrap(
      explainSlotExclusions(query({ type: 'visit-30', providers: ['dr-a'], ...TUE }), cal, {
        now: at('2026-11-24T08:00:00-05:00'),
      }),
    );
    expect(why.map((x) => [x.start.slice(11, 16), x.conflicts.map((c) => c.code)])).toEqual([
      ['09:00', ['booking.overlaps-booking']],
      ['10:00', ['booking.overlaps-hold']],
    ]);
    expect(why[0]?.conflicts[0]?.appointment).toBe('x');
  });
});

describe('expandAvailability and parsing', () => {
  it('rejects a reversed range and reports owners that only have exceptions', () => {
    const cal = clinic();
    expect(
      leftOf(
        expandAvailability(cal.templates, [], {
          from: at('2026-11-25T00:00:00Z'),
          to: at('2026-11-24T00:00:00Z'),
        }),
      ).code,
    ).toBe('scheduling.invalid-range');
    const extra = unwrap(
      parseAvailabilityException({
        kind: 'extra-hours',
        owner: { kind: 'resource', id: 'room-9' },
        date: '2026-11-24',
        zone: NY,
        windows: [{ start: '10:00', end: '11:00' }],
      }),
    );
    const out = unwrap(expandAvailability([], [extra], { from: at(TUE.from), to: at(TUE.to) }));
    expect(out.map((o) => [o.owner.id, show(o.intervals, NY)])).toEqual([
      ['room-9', ['2026-11-24T10:00:00-05:00/2026-11-24T11:00:00-05:00']],
    ]);
  });

  it('parsers accept good input and name the failing field otherwise', () => {
    expect(parseProvider({ id: 'p', zone: 'Mars/Olympus', locations: [], specialties: [] })._tag).toBe(
      'Left',
    );
    const bad = leftOf(parseAppointmentType({ id: 't', code: 'T', durationMinutes: 0 }));
    expect(bad.issues.map((i) => i.path)).toEqual(['durationMinutes']);
    expect(parseAvailabilityTemplate({ ...template('t', 'p'), windows: [] })._tag).toBe('Left');
    expect(
      parseHold({
        id: 'h',
        provider: 'p',
        start: '2026-11-24T10:00:00Z',
        end: '2026-11-24T10:30:00Z',
        expiresAt: 'soon',
      })._tag,
    ).toBe('Left');
    expect(
      parseWaitlistEntry({ id: 'w', patient: 'p', type: 't', addedAt: '2026-11-20T10:00:00Z', days: [8] })
        ._tag,
    ).toBe('Left');
    expect(parseSlotOptions({ now: '2026-11-23T08:45:00-05:00', ranking: 'spread-load' })._tag).toBe('Right');
  });

  it('parsers refuse times out of order, comparing instants whatever their offsets', () => {
    const paths = (r: { _tag: string; left?: { issues: readonly { path: string }[] } }) =>
      r._tag === 'Left' ? r.left?.issues.map((i) => i.path) : [];
    // 10:30 -05:00 is 15:30Z, after the 15:00Z end
    const hold = { id: 'h', provider: 'p', expiresAt: '2026-11-24T09:00:00Z' };
    expect(
      paths(parseHold({ ...hold, start: '2026-11-24T10:30:00-05:00', end: '2026-11-24T15:00:00Z' })),
    ).toEqual(['end']);
    expect(parseHold({ ...hold, start: '2026-11-24T10:30:00-05:00', end: '2026-11-24T15:45:00Z' })._tag).toBe(
      'Right',
    );
    const entry = { id: 'w', patient: 'p', type: 't', addedAt: '2026-11-20T10:00:00Z' };
    expect(
      paths(
        parseWaitlistEntry({ ...entry, earliest: '2026-12-02T00:00:00Z', latest: '2026-12-01T00:00:00Z' }),
      ),
    ).toEqual(['latest']);
    const off = { kind: 'time-off', owner: { kind: 'provider', id: 'p' } };
    expect(
      paths(
        parseAvailabilityException({ ...off, start: '2026-12-02T00:00:00Z', end: '2026-12-02T00:00:00Z' }),
      ),
    ).toEqual(['end']);
  });
});
