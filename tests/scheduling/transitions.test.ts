import { describe, expect, it } from 'vitest';
import type { ActorId, AppointmentId } from '../../src/core/ids.js';
import {
  APPOINTMENT_TRANSITIONS,
  allowedAppointmentEvents,
  transitionAppointment,
} from '../../src/scheduling/index.js';
import { appointment, at, leftOf, unwrap } from './fixtures.js';

const booked = appointment({
  id: 'a-1',
  status: 'booked',
  type: 'visit-30',
  patient: 'pt-1',
  provider: 'dr-a',
  start: '2026-11-24T09:00:00-05:00',
  end: '2026-11-24T09:30:00-05:00',
  seriesId: 'pt-series',
});

describe('transitionAppointment', () => {
  it('books a waitlisted request once it has times (FHIR app-3: waitlist may lack start/end)', () => {
    const waiting = appointment({
      id: 'w-1',
      status: 'waitlist',
      type: 'visit-30',
      patient: 'pt-1',
      provider: 'dr-a',
    });
    expect(leftOf(transitionAppointment(waiting, { type: 'book' }, at('2026-11-23T14:00:00Z'))).code).toBe(
      'lifecycle.times-required',
    );
    const done = unwrap(
      transitionAppointment(
        waiting,
        { type: 'book', start: at('2026-11-24T09:00:00-05:00'), end: at('2026-11-24T09:30:00-05:00') },
        at('2026-11-23T14:00:00Z'),
      ),
    ).appointment;
    expect(done).toMatchObject({ status: 'booked', start: '2026-11-24T09:00:00-05:00' });
    expect(done.history).toEqual([
      { from: 'waitlist', to: 'booked', at: '2026-11-23T14:00:00Z', event: 'book' },
    ]);
  });

  it('lists the allowed events when an event does not apply', () => {
    const fulfilled = unwrap(
      transitionAppointment(
        unwrap(
          transitionAppointment(
            booked,
            {
              type: 'check-in',
              clearance: { kind: 'verdict', verdict: { ready: true, appointment: 'a-1' as AppointmentId } },
            },
            at('2026-11-24T13:55:00Z'),
          ),
        ).appointment,
        { type: 'fulfil' },
        at('2026-11-24T14:40:00Z'),
      ),
    ).appointment;
    const e = leftOf(
      transitionAppointment(fulfilled, { type: 'cancel', reason: 'x' }, at('2026-11-24T15:00:00Z')),
    );
    expect(e).toMatchObject({
      code: 'lifecycle.invalid-transition',
      status: 'fulfilled',
      allowed: ['enter-in-error'],
    });
    expect(allowedAppointmentEvents('booked')).toEqual([
      'arrive',
      'check-in',
      'cancel',
      'no-show',
      'reschedule',
      'enter-in-error',
    ]);
    expect(allowedAppointmentEvents('entered-in-error')).toEqual([]);
  });

  it('requires a reason to cancel and keeps it as cancelationReason (FHIR app-4)', () => {
    expect(
      leftOf(transitionAppointment(booked, { type: 'cancel', reason: '  ' }, at('2026-11-23T14:00:00Z')))
        .code,
    ).toBe('lifecycle.reason-required');
    const c = unwrap(
      transitionAppointment(booked, { type: 'cancel', reason: 'patient called' }, at('2026-11-23T14:00:00Z')),
    );
    expect(c.appointment).toMatchObject({ status: 'cancelled', cancelationReason: 'patient called' });
    expect(booked.status).toBe('booked'); // input not mutated
  });

  it('records a no-show only from the start on, comparing instants across offsets', () => {
    // 09:00-05:00 is 14:00Z: 13:59Z is one minute early, 14:00Z is on time.
    expect(leftOf(transitionAppointment(booked, { type: 'no-show' }, at('2026-11-24T13:59:00Z'))).code).toBe(
      'lifecycle.too-early',
    );
    expect(
      unwrap(transitionAppointment(booked, { type: 'no-show' }, at('2026-11-24T14:00:00Z'))).appointment
        .status,
    ).toBe('noshow');
  });

  it('accepts check-in only with a ready verdict or an override with a reason', () => {
    const t = at('2026-11-24T13:50:00Z');
    expect(
      leftOf(
        transitionAppointment(
          booked,
          {
            type: 'check-in',
            clearance: { kind: 'verdict', verdict: { ready: false, appointment: 'a-1' as AppointmentId } },
          },
          t,
        ),
      ).code,
    ).toBe('lifecycle.check-in-not-ready');
    expect(
      leftOf(
        transitionAppointment(booked, { type: 'check-in', clearance: { kind: 'override', reason: ' ' } }, t),
      ).code,
    ).toBe('lifecycle.check-in-not-ready');
    const o = unwrap(
      transitionAppointment(
        booked,
        {
          type: 'check-in',
          clearance: { kind: 'override', reason: 'eligibility line down', actor: 'fd-1' as ActorId },
        },
        t,
      ),
    ).appointment;
    expect(o.history?.at(-1)).toMatchObject({
      to: 'checked-in',
      reason: 'override: eligibility line down',
      actor: 'fd-1',
    });
  });

  it('refuses a ready verdict prepared for another appointment', () => {
    const other = { ready: true, appointment: 'a-99' as AppointmentId };
    expect(
      leftOf(
        transitionAppointment(
          booked,
          { type: 'check-in', clearance: { kind: 'verdict', verdict: other } },
          at('2026-11-24T13:50:00Z'),
        ),
      ).code,
    ).toBe('lifecycle.check-in-not-ready');
  });

  it('keeps history in order', () => {
    const arrived = unwrap(
      transitionAppointment(booked, { type: 'arrive' }, at('2026-11-24T13:50:00Z')),
    ).appointment;
    expect(leftOf(transitionAppointment(arrived, { type: 'fulfil' }, at('2026-11-24T13:49:00Z'))).code).toBe(
      'lifecycle.out-of-order',
    );
  });

  it('reschedule cancels the old visit and links a new booked one in the same series (edge case 16)', () => {
    const r = unwrap(
      transitionAppointment(
        booked,
        {
          type: 'reschedule',
          reason: 'provider out sick',
          newId: 'a-2' as AppointmentId,
          start: at('2026-11-26T10:00:00-05:00'),
          end: at('2026-11-26T10:30:00-05:00'),
        },
        at('2026-11-23T15:00:00Z'),
      ),
    );
    expect(r.appointment).toMatchObject({
      status: 'cancelled',
      rescheduledTo: 'a-2',
      cancelationReason: 'provider out sick',
    });
    expect(r.created).toMatchObject({
      id: 'a-2',
      status: 'booked',
      rescheduledFrom: 'a-1',
      seriesId: 'pt-series',
      start: '2026-11-26T10:00:00-05:00',
      created: '2026-11-23T15:00:00Z',
    });
    expect(r.created?.cancelationReason).toBeUndefined();
    const bad = transitionAppointment(
      booked,
      {
        type: 'reschedule',
        reason: 'x',
        newId: 'a-3' as AppointmentId,
        start: at('2026-11-26T10:00:00Z'),
        end: at('2026-11-26T10:00:00Z'),
      },
      at('2026-11-23T15:00:00Z'),
    );
    expect(leftOf(bad).code).toBe('lifecycle.invalid-times');
  });

  it('exports the table as data: entered-in-error is terminal', () => {
    expect(APPOINTMENT_TRANSITIONS['enter-in-error'].from).not.toContain('entered-in-error');
    expect(APPOINTMENT_TRANSITIONS['no-show']).toEqual({
      from: ['booked'],
      to: 'noshow',
      reasonRequired: false,
    });
  });
});
