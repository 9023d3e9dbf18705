/**
 * Element readers for the billing transactions: signed X12 decimal amounts to exact cents, and the
 * notes a reader leaves when an element cannot be read.
 */
import type { Cents } from '../../core/money.js';
import type { IsoDate } from '../../core/calendar.js';
import { x12Date } from '../../insurance/x12/values.js';
import { x12Components, type X12Delimiters } from '../../insurance/x12/parse.js';
import type { ReadingNote, ReadingNoteCode } from '../errors.js';

// X12 R (decimal) elements: optional leading minus, digits with an optional point, the point may
// lead (`.5`) or trail (`100.`); currency allows at most two decimals (billing reference §1.4).
const AMOUNT = /^(-?)(\d{0,15})(?:\.(\d{0,2}))?$/;

/**
 * X12 monetary element → signed cents, exactly (`100`, `100.0`, `.5`, `-9` all read); more than
 * two decimals, separators or an empty value → undefined (never rounded).
 *
 * @example
 * x12Amount('-1.27'); // -127
 */
export const x12Amount = (value: string): Cents | undefined => {
  const m = AMOUNT.exec(value.trim());
  if (!m) return undefined;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return undefined;
  const magnitude = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
  return (m[1] && magnitude !== 0 ? -magnitude : magnitude) as Cents;
};

const MINUS = 0x2d;
const POINT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** The most whole digits and decimals {@link x12Amount} accepts. */
const WHOLE_DIGITS = 15;
const CENT_DIGITS = 2;

/**
 * {@link x12Amount} in one pass over the characters of a trimmed value (read835 reads every amount
 * of a remittance with it): no regular expression, no substring, no padding. Same result as
 * x12Amount for every trimmed string (a property test holds them to it).
 *
 * @param value - the element, already trimmed
 * @returns signed cents, or undefined when x12Amount gives undefined
 * @example
 * centsOf('-1.2'); // -120
 */
export const centsOf = (value: string): Cents | undefined => {
  const length = value.length;
  let i = 0;
  const negative = length > 0 && value.charCodeAt(0) === MINUS;
  if (negative) i++;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    if (++wholeDigits > WHOLE_DIGITS) return undefined;
    whole = whole * 10 + (c - DIGIT_0);
  }
  let cents = 0;
  let centDigits = 0;
  if (i < length) {
    if (value.charCodeAt(i) !== POINT) return undefined;
    for (i++; i < length; i++) {
      const c = value.charCodeAt(i);
      if (c < DIGIT_0 || c > DIGIT_9 || ++centDigits > CENT_DIGITS) return undefined;
      cents = cents * 10 + (c - DIGIT_0);
    }
    if (centDigits === 1) cents *= 10;
  }
  if (wholeDigits === 0 && centDigits === 0) return undefined;
  const magnitude = whole * 100 + cents;
  return (negative && magnitude !== 0 ? -magnitude : magnitude) as Cents;
};

/**
 * X12 quantity element → number, or undefined when empty or not a decimal.
 *
 * @example
 * x12Quantity('1.5'); // 1.5
 */
export const x12Quantity = (value: string): number | undefined => {
  const v = value.trim();
  return isDecimal(v) ? Number(v) : undefined;
};

/**
 * Whether `v` is an X12 decimal as `/^-?(?:\d+(?:\.\d*)?|\.\d+)$/` reads it (`1`, `1.`, `1.5`,
 * `.5`, each with an optional minus), in one pass over its characters: the readers call it for
 * every quantity, and a pattern costs a compile in every fresh process.
 */
const isDecimal = (v: string): boolean => {
  let i = v.length > 0 && v.charCodeAt(0) === MINUS ? 1 : 0;
  let whole = 0;
  let point = false;
  let decimals = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (point) decimals++;
      else whole++;
    } else if (c === POINT && !point) point = true;
    else return false;
  }
  return whole > 0 || decimals > 0;
};

/**
 * A note about one segment's element.
 *
 * @example
 * segmentNote('billing.bad-amount', 'error', 'CLP03 is not an amount', 12, 'CLP', 3);
 */
export const segmentNote = (
  code: ReadingNoteCode,
  severity: 'error' | 'warning',
  message: string,
  segmentIndex: number,
  segment: string,
  element?: number,
): ReadingNote =>
  element === undefined
    ? { code, severity, message, segmentIndex, segment }
    : { code, severity, message, segmentIndex, segment, element };

/**
 * X12 CCYYMMDD → branded calendar date, or undefined when it is not a real date.
 *
 * @example
 * x12IsoDate('20260131'); // '2026-01-31'
 */
export const x12IsoDate = (value: string): IsoDate | undefined => {
  const v = x12Date(value);
  return v === undefined ? undefined : (v as IsoDate);
};

/**
 * Component separators seen in real files when the sender wrote a different one than its ISA16
 * (LinuxForHealth's renditions write `HC>55669` under an ISA16 of `:`).
 */
const OTHER_COMPONENT_SEPARATORS = ['>', ':', '^', '<'] as const;

/**
 * Splits a composite element on ISA16; when ISA16 is absent but another usual component separator
 * is present, splits on that one and says so (`tolerated`), so the reader can warn.
 *
 * @example
 * x12Composite('HC>99213', { element: '*', component: ':', segment: '~' }); // { parts: ['HC', '99213'], tolerated: true }
 */
export const x12Composite = (
  value: string,
  d: X12Delimiters,
): { readonly parts: readonly string[]; readonly tolerated: boolean } => {
  if (value.includes(d.component)) return { parts: x12Components(value, d), tolerated: false };
  const other = OTHER_COMPONENT_SEPARATORS.find(
    (c) => c !== d.element && c !== d.segment && value.includes(c),
  );
  return other === undefined
    ? { parts: [value.trim()], tolerated: false }
    : { parts: value.split(other).map((v) => v.trim()), tolerated: true };
};
