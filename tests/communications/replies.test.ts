// interpretReply against the keyword tables of the reference (§1.3, FCC 24-24) and the user
// reports it cites (p2pu #593 "Stop. Thank you"; edge case 16 CANCEL).
import { describe, expect, it } from 'vitest';
import { interpretReply } from '../../src/communications/replies.js';

describe('interpretReply', () => {
  it.each([
    ['C', 'confirm'],
    ['y', 'confirm'],
    ['YES', 'confirm'],
    ['Yes!', 'confirm'],
    ['confirm', 'confirm'],
    ['1', 'confirm'],
    ['  y 👍 ', 'confirm'],
    ["I'll be there", 'confirm'],
    ['N', 'cancel'],
    ['no', 'cancel'],
    ['R', 'cancel'],
    ["can't make it, sorry", 'cancel'],
    ['STOP', 'stop'],
    ['stop.', 'stop'],
    ['Stop. Thank you', 'stop'],
    ['Stop texting me please', 'stop'],
    ['please stop', 'stop'],
    ['UNSUBSCRIBE', 'stop'],
    ['end', 'stop'],
    ['Quit', 'stop'],
    ['REVOKE', 'stop'],
    ['opt out', 'stop'],
    ['OPT-OUT', 'stop'],
    ['STOPALL', 'stop'],
    ['arret', 'stop'],
    ['no más', 'stop'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['HELP', 'help'],
    ['info', 'help'],
    ['what time is parking open?', 'unknown'],
    ['', 'unknown'],
    ['Can I move it to Friday at 3?', 'unknown'],
  ])('%j → %s', (text, intent) => {
    expect(interpretReply(text).intent).toBe(intent);
  });

  it('edge 16: CANCEL is an opt-out, and staff follow up about the appointment', () => {
    expect(interpretReply('Cancel')).toEqual({ intent: 'stop', keyword: 'cancel', staffFollowUp: true });
  });
  it('free text goes to staff, never "invalid response"', () => {
    expect(interpretReply('Running 10 minutes late')).toEqual({ intent: 'unknown', staffFollowUp: true });
  });
  it('a decline always goes to staff; a lone Y does not', () => {
    expect(interpretReply('N').staffFollowUp).toBe(true);
    expect(interpretReply('Y').staffFollowUp).toBe(false);
    expect(interpretReply('yes but can we make it earlier').staffFollowUp).toBe(true);
  });
  it('never throws on odd input and is case-insensitive', () => {
    expect(interpretReply('x'.repeat(1_000_000)).intent).toBe('unknown');
    expect(interpretReply(null as never).intent).toBe('unknown');
    expect(interpretReply('sToP').intent).toBe('stop');
  });
});
