// Properties of routeMessage: total (every text gets a queue), a current red flag always wins,
// and matching is linear in the text length (ratios only, never absolute timings).
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { QUEUES, routeMessage, parseRoutingRules } from '../../src/communications/routing.js';
import { instant } from './fixtures.js';

const rules = parseRoutingRules({ zone: 'America/Chicago' });
if (rules._tag === 'Left') throw new Error('rules');
const AT = instant('2026-11-24T10:00:00-06:00');
const RED = [
  'My chest hurts',
  'I cant breathe',
  'his face is drooping',
  'I want to kill myself',
  'she is unconscious',
];
const ADMIN = [
  'I need a refill',
  'question about my bill',
  'no fever',
  'can I get my records',
  'not sure about the referral',
  'history of asthma',
];

describe('routeMessage properties', () => {
  test.prop([
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.constantFrom('phone', 'voicemail', 'portal', 'sms', 'fax' as const),
  ])('total: every text gets a queue from the list and a deadline, never a throw', (text, channel) => {
    const r = routeMessage({ text, channel }, rules.right, AT);
    expect(r._tag).toBe('Right');
    if (r._tag === 'Right') expect(QUEUES).toContain(r.right.queue);
  });

  test.prop([
    fc.array(fc.oneof(fc.constantFrom(...ADMIN), fc.string({ maxLength: 40 })), { maxLength: 5 }),
    fc.constantFrom(...RED),
    fc.nat(),
  ])('a red flag in its own sentence always wins, whatever surrounds it', (others, red, at) => {
    const parts = [...others];
    parts.splice(at % (parts.length + 1), 0, red);
    const r = routeMessage({ text: parts.join('. '), channel: 'portal' }, rules.right, AT);
    expect(r._tag === 'Right' && r.right.urgency).toBe('emergency');
  });

  it('linear: 4× the text costs well under 16× the time (adversarial repetitions)', () => {
    const cost = (n: number): number => {
      const text = 'chest chest no pain cant '.repeat(n);
      // CPU time of this process: the wall clock on a shared machine measures the neighbours.
      const c0 = process.cpuUsage();
      routeMessage({ text, channel: 'portal' }, rules.right, AT);
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    cost(500);
    const small = Math.min(cost(1000), cost(1000), cost(1000));
    const large = Math.min(cost(4000), cost(4000), cost(4000));
    expect(large / small).toBeLessThan(12);
  });
});
