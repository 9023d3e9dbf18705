// routeMessage against the triage edge cases of the reference (§3, §7 cases 21-28), each expected
// route and deadline worked out by hand from the stated calendar.
import { describe, expect, it } from 'vitest';
import { routeMessage, type RoutedMessage, type IncomingMessage } from '../../src/communications/routing.js';
import type { BusinessCalendar } from '../../src/communications/businessTime.js';
import { parseRoutingRules } from '../../src/communications/routing.js';
import { instant } from './fixtures.js';

const rulesR = parseRoutingRules({ zone: 'America/New_York' });
if (rulesR._tag === 'Left') throw new Error('rules');
const RULES = rulesR.right;
const MONDAY_9 = '2026-11-23T09:15:00-05:00';

const route = (
  text: string,
  at = MONDAY_9,
  extra: Partial<IncomingMessage> = {},
  calendar?: BusinessCalendar,
): RoutedMessage => {
  const r = routeMessage({ text, channel: 'phone', ...extra }, RULES, instant(at), calendar);
  if (r._tag === 'Left') throw new Error(r.left.code);
  return r.right;
};

describe('red flags', () => {
  it.each([
    ['I have chest pain', 'red-flag.heart-attack'],
    ['No nausea, but chest pain since lunch', 'red-flag.heart-attack'], // edge 22: the scope ends at "but"
    ['chest pian since this morning', 'red-flag.heart-attack'], // edge 24
    ['I cant breathe', 'red-flag.breathing'],
    ["I can't breathe", 'red-flag.breathing'],
    ['I can not breathe well', 'red-flag.breathing'], // "not" is part of the phrase, not a negation
    ['shortnes of breath all day', 'red-flag.breathing'],
    ["my wife can't lift her arm", 'red-flag.stroke'], // edge 26: another person, still 911
    ['his face is drooping and speech slurred', 'red-flag.stroke'],
    ['pain in my chest', 'red-flag.heart-attack'],
    ["I'm not sure but I think I'm having a stroke", 'red-flag.stroke'],
    ['she had a seizure', 'red-flag.other-emergency'],
  ])('%j escalates to 911 (%s)', (text, rule) => {
    const r = route(text);
    expect(r).toMatchObject({
      queue: 'clinical',
      role: 'triage-nurse',
      urgency: 'emergency',
      rule,
      callbackBy: MONDAY_9,
    });
    expect(r.escalation?.code).toBe('call-911');
  });

  it('suicidal thoughts escalate to 988', () => {
    expect(route('I have been having suicidal thoughts').escalation?.code).toBe('call-988');
    expect(route('sometimes I want to die').escalation?.code).toBe('call-988');
  });

  it.each([
    ["No chest pain, I'm calling about my statement", 'billing'], // edge 21
    ['no chest pain or shortness of breath, need a refill', 'refills'], // a list after one cue
    ['my mother had a heart attack in 2019, need her records', 'records'], // edge 25: history
    ['history of stroke, want to book an appointment', 'scheduling'],
    ['patient denies chest pain', 'front-desk'], // a denied symptom is no clinical question either
  ])('%j does not escalate (queue %s) but lists the mention', (text, queue) => {
    const r = route(text);
    expect(r.urgency).not.toBe('emergency');
    expect(r.queue).toBe(queue);
    expect(r.redFlags.length).toBeGreaterThan(0);
    expect(r.escalation).toBeUndefined();
  });

  it('edge 23: the red flag wins and the forms intent is kept', () => {
    const r = route('My chest hurts and I also need a school form');
    expect(r.urgency).toBe('emergency');
    expect(r.intents.map((i) => i.queue)).toContain('records');
  });

  it('a hypothetical goes to a nurse now, not 911', () => {
    const r = route('what should I do if I get chest pain?');
    expect(r.urgency).toBe('emergency');
    expect(r.escalation?.code).toBe('nurse-now');
  });

  it('the span of a red flag points into the original text (UTF-16 offsets)', () => {
    const text = 'Héllo 😀 my chest hurts';
    const f = route(text).redFlags[0];
    expect(text.slice(f?.start, f?.end)).toBe('chest hurts');
  });

  it('edge 27: after hours, a portal red flag is due now and gets the auto-reply', () => {
    const r = route('chest pain', '2026-11-21T23:30:00-05:00', { channel: 'portal' });
    expect(r).toMatchObject({
      urgency: 'emergency',
      callbackBy: '2026-11-21T23:30:00-05:00',
      afterHours: true,
    });
    expect(r.autoReply).toContain('911');
  });

  it('a practice can add red flags, escalated to a nurse now', () => {
    const rules = parseRoutingRules({ zone: 'America/New_York', extraRedFlags: ['baby fever'] });
    if (rules._tag === 'Left') throw new Error('rules');
    const r = routeMessage({ text: 'My baby has a fever', channel: 'phone' }, rules.right, instant(MONDAY_9));
    expect(r._tag === 'Right' && r.right.escalation?.code).toBe('nurse-now');
  });
});

describe('administrative routes and deadlines', () => {
  const JULY: BusinessCalendar = { zone: RULES.zone, holidays: ['2026-07-04' as never] };

  it('several intents: the most clinical decides, the others are kept', () => {
    const r = route('I need a refill and have a question about my bill');
    expect(r.queue).toBe('refills');
    expect(r.intents.map((i) => i.queue)).toEqual(['refills', 'billing']);
  });

  it('edge 28: billing on Thursday 2 July 2026 at 15:00, 2 business days: Friday 3 July is the observed holiday, so Monday 6 July 17:00', () => {
    expect(route('question about my statement', '2026-07-02T15:00:00-04:00', {}, JULY).callbackBy).toBe(
      '2026-07-06T17:00:00-04:00',
    );
    // without the holiday: Friday 3 July 17:00
    expect(route('question about my statement', '2026-07-02T15:00:00-04:00').callbackBy).toBe(
      '2026-07-03T17:00:00-04:00',
    );
  });

  it('same day before the 12:00 cutoff; after it, the next business day', () => {
    expect(
      route('I need to reschedule my appointment', '2026-07-02T11:59:00-04:00', {}, JULY).callbackBy,
    ).toBe('2026-07-02T17:00:00-04:00');
    expect(
      route('I need to reschedule my appointment', '2026-07-02T12:00:00-04:00', {}, JULY).callbackBy,
    ).toBe('2026-07-06T17:00:00-04:00');
  });

  it('a Saturday voicemail is due Monday', () => {
    const r = route('please cancel my appointment', '2026-11-21T10:00:00-05:00', { channel: 'voicemail' });
    expect(r).toMatchObject({
      queue: 'scheduling',
      afterHours: true,
      callbackBy: '2026-11-23T17:00:00-05:00',
    });
  });

  it('another provider calls: clinical line within 30 business minutes (16:45 Friday → Monday 08:15)', () => {
    const r = route('calling about our mutual patient', '2026-11-20T16:45:00-05:00', { from: 'provider' });
    expect(r).toMatchObject({
      queue: 'clinical',
      urgency: 'urgent',
      rule: 'from.provider',
      callbackBy: '2026-11-23T08:15:00-05:00',
    });
  });

  it('an urgent clinical message: a nurse within 60 business minutes', () => {
    expect(route('severe rash getting worse')).toMatchObject({
      queue: 'clinical',
      urgency: 'urgent',
      callbackBy: '2026-11-23T10:15:00-05:00',
    });
  });

  it('no intent: the front desk, same day', () => {
    expect(route('hello?')).toMatchObject({
      queue: 'front-desk',
      rule: 'default.front-desk',
      callbackBy: '2026-11-23T17:00:00-05:00',
    });
  });

  it('a calendar with no open day is a coded error naming the field', () => {
    const r = routeMessage({ text: 'bill', channel: 'phone' }, RULES, instant(MONDAY_9), {
      zone: RULES.zone,
      weekdays: [],
    });
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { code: 'communications.no-business-day', field: 'calendar' },
    });
  });

  it('an unreadable instant is a coded error', () => {
    expect(routeMessage({ text: 'x', channel: 'phone' }, RULES, 'soon' as never)).toMatchObject({
      _tag: 'Left',
      left: { field: 'at' },
    });
  });

  it('no clinical advice in any output: only the fixed escalation wordings and auto-reply', () => {
    const r = route('chest pain and my bill', '2026-11-21T23:30:00-05:00', { channel: 'portal' });
    const words = JSON.stringify({ ...r, redFlags: [], intents: [] }).toLowerCase();
    for (const advice of ['aspirin', 'take ', 'rest', 'ibuprofen', 'lie down'])
      expect(words).not.toContain(advice);
  });
});
