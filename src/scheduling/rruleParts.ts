/**
 * RRULE values checked part by part (RFC 5545 §3.3.10) before anything expands them, so that a
 * calendar that parsed never makes rrule throw or spin later, and a bad rule is reported where it
 * is: `BYDAY=XX`, `FREQ=SOMETIMES`, `INTERVAL=0`, `BYMONTHDAY=32`, UNTIL beside COUNT.
 */

/** Why one part of an RRULE is refused: the part as written (shortened) and a coded rule. */
export interface RRuleProblem {
  /** The part as written, such as `BYDAY=XX` (at most 40 characters). */
  readonly part: string;
  /** Stable code, such as `rrule.invalid-weekday`. */
  readonly rule: RRuleProblemCode;
  readonly message: string;
}

/** The rules an RRULE part can break. */
export type RRuleProblemCode =
  | 'rrule.malformed-part'
  | 'rrule.unknown-part'
  | 'rrule.repeated-part'
  | 'rrule.missing-freq'
  | 'rrule.invalid-freq'
  | 'rrule.unsupported-freq'
  | 'rrule.unsupported-part'
  | 'rrule.invalid-number'
  | 'rrule.out-of-range'
  | 'rrule.invalid-weekday'
  | 'rrule.invalid-until'
  | 'rrule.until-and-count'
  | 'rrule.not-with-freq'
  | 'rrule.setpos-alone';

const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'] as const;
const SUB_DAILY = ['HOURLY', 'MINUTELY', 'SECONDLY'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** Largest COUNT accepted: the same bound as a template's own `count`. */
const MAX_COUNT = 100_000;
/** Largest INTERVAL accepted: a period of more than 10,000 years, days or weeks is a typing slip. */
const MAX_INTERVAL = 10_000;

/** Signed-integer lists (`1,-1,15`) with their allowed magnitude; zero is never allowed. */
const INTEGER_LISTS: Readonly<Record<string, number>> = {
  BYMONTHDAY: 31,
  BYYEARDAY: 366,
  BYWEEKNO: 53,
  BYSETPOS: 366,
};

const INTEGER = /^[+-]?\d{1,6}$/;
const WEEKDAY = /^([+-]?\d{1,2})?([A-Z]{2})$/;
const UNTIL = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z?)?$/;

const shown = (part: string): string => (part.length > 40 ? `${part.slice(0, 37)}...` : part);

/**
 * Every problem of an RRULE value (with or without the `RRULE:` prefix), or none.
 *
 * @param text - the RRULE value
 * @returns the problems, in the order of the parts
 * @example
 * rrulePartProblems('FREQ=WEEKLY;BYDAY=XX'); // [{ part: 'BYDAY=XX', rule: 'rrule.invalid-weekday', ... }]
 */
export const rrulePartProblems = (text: string): readonly RRuleProblem[] => {
  const out: RRuleProblem[] = [];
  const problem = (part: string, rule: RRuleProblemCode, message: string): void => {
    out.push({ part: shown(part), rule, message: `${shown(part)}: ${message}` });
  };
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, { readonly raw: string; readonly value: string }>();
  for (const raw of body.split(';')) {
    const eq = raw.indexOf('=');
    if (eq <= 0) {
      problem(raw, 'rrule.malformed-part', 'each part must be NAME=VALUE');
      continue;
    }
    const name = raw.slice(0, eq).toUpperCase();
    if (parts.has(name)) problem(raw, 'rrule.repeated-part', `${name} may appear once`);
    else parts.set(name, { raw, value: raw.slice(eq + 1).toUpperCase() });
  }
  const freqPart = parts.get('FREQ');
  let freq: string | undefined;
  if (!freqPart) problem(body, 'rrule.missing-freq', 'FREQ is required');
  else if (SUB_DAILY.includes(freqPart.value))
    problem(
      freqPart.raw,
      'rrule.unsupported-freq',
      'availability recurs by date: DAILY, WEEKLY, MONTHLY or YEARLY',
    );
  else if (!(FREQS as readonly string[]).includes(freqPart.value))
    problem(freqPart.raw, 'rrule.invalid-freq', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  else freq = freqPart.value;
  for (const [name, { raw, value }] of parts) {
    if (name === 'FREQ') continue;
    if (name === 'INTERVAL' || name === 'COUNT') {
      const max = name === 'COUNT' ? MAX_COUNT : MAX_INTERVAL;
      if (!/^\d{1,6}$/.test(value))
        problem(raw, 'rrule.invalid-number', `${name} must be a positive integer`);
      else if (Number(value) < 1 || Number(value) > max)
        problem(raw, 'rrule.out-of-range', `${name} must be from 1 to ${max}`);
    } else if (name === 'UNTIL') {
      const m = UNTIL.exec(value);
      const valid =
        m !== null &&
        Number(m[2]) >= 1 &&
        Number(m[2]) <= 12 &&
        Number(m[3]) >= 1 &&
        Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate() &&
        (m[4] === undefined || (Number(m[5]) <= 23 && Number(m[6]) <= 59 && Number(m[7]) <= 59));
      if (!valid)
        problem(raw, 'rrule.invalid-until', 'UNTIL must be a date YYYYMMDD or a UTC time YYYYMMDDTHHMMSSZ');
    } else if (name === 'BYDAY' || name === 'WKST') {
      for (const item of value.split(',')) {
        const m = WEEKDAY.exec(item);
        if (m === null || !WEEKDAYS.includes(m[2] as string))
          problem(`${name}=${item}`, 'rrule.invalid-weekday', 'weekdays are MO, TU, WE, TH, FR, SA, SU');
        else if (m[1] !== undefined) {
          const n = Math.abs(Number(m[1]));
          if (name === 'WKST') problem(raw, 'rrule.invalid-weekday', 'WKST is a weekday without a number');
          else if (n < 1 || n > (freq === 'MONTHLY' ? 5 : 53))
            // A month has at most five of a weekday; rrule would search for a sixth until year 9999.
            problem(
              `${name}=${item}`,
              'rrule.out-of-range',
              `a BYDAY ordinal is from 1 to ${freq === 'MONTHLY' ? 5 : 53}, or its negative`,
            );
          else if (freq !== undefined && freq !== 'MONTHLY' && freq !== 'YEARLY')
            problem(`${name}=${item}`, 'rrule.not-with-freq', 'a BYDAY ordinal needs FREQ=MONTHLY or YEARLY');
        }
      }
    } else if (name === 'BYMONTH') {
      for (const item of value.split(','))
        if (!INTEGER.test(item) || Number(item) < 1 || Number(item) > 12 || /^[+-]/.test(item))
          problem(`BYMONTH=${item}`, 'rrule.out-of-range', 'BYMONTH is from 1 to 12');
    } else if (Object.hasOwn(INTEGER_LISTS, name)) {
      const max = INTEGER_LISTS[name] as number;
      for (const item of value.split(','))
        if (!INTEGER.test(item) || Number(item) === 0 || Math.abs(Number(item)) > max)
          problem(`${name}=${item}`, 'rrule.out-of-range', `${name} is from 1 to ${max}, or -${max} to -1`);
    } else if (name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND')
      problem(
        raw,
        'rrule.unsupported-part',
        'availability recurs by date; the template windows carry the times',
      );
    else if (name === 'DTSTART')
      problem(raw, 'rrule.unsupported-part', 'the template carries dtstart; the rule has none');
    else problem(raw, 'rrule.unknown-part', 'not an RFC 5545 RRULE part');
  }
  if (parts.has('UNTIL') && parts.has('COUNT'))
    problem(
      `${parts.get('UNTIL')?.raw ?? ''};${parts.get('COUNT')?.raw ?? ''}`,
      'rrule.until-and-count',
      'UNTIL and COUNT must not both appear',
    );
  const onlyWith = (name: string, allowed: readonly string[]): void => {
    const part = parts.get(name);
    if (part && freq !== undefined && !allowed.includes(freq))
      problem(part.raw, 'rrule.not-with-freq', `${name} needs FREQ=${allowed.join(' or ')}`);
  };
  onlyWith('BYMONTHDAY', ['DAILY', 'MONTHLY', 'YEARLY']);
  onlyWith('BYYEARDAY', ['YEARLY']);
  onlyWith('BYWEEKNO', ['YEARLY']);
  const setpos = parts.get('BYSETPOS');
  if (setpos && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS'))
    problem(setpos.raw, 'rrule.setpos-alone', 'BYSETPOS needs another BYxxx part');
  return out;
};
