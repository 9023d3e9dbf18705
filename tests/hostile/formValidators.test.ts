// Form validators take whatever a form or a JSON body holds: a non-string is a coded Left, never a
// TypeError (issue: validateNpi(null), validateMbi(123), normalizePhone({}), parseDollars(12.5),
// parseZone(undefined) used to throw). The expected codes are each validator's format rule.
import { describe, expect, it } from 'vitest';
import { parseDollars, parseInstant, parseZone } from '../../src/core/index.js';
import { patientShareFromPercent } from '../../src/insurance/index.js';
import {
  checkIcd10Specificity,
  normalizePhone,
  normalizeZip,
  validateIcd10Cm,
  validateMbi,
  validateNpi,
  validateProcedureCode,
  validateProcedureModifier,
  validateSsn,
} from '../../src/records/index.js';
import { recurrenceDates } from '../../src/scheduling/index.js';
import type { IsoDate } from '../../src/core/calendar.js';

const NOT_TEXT: readonly unknown[] = [
  undefined,
  null,
  123,
  12.5,
  Number.NaN,
  true,
  {},
  [],
  ['1234567893'],
  10n,
  () => '1',
];
const d = '2026-11-02' as IsoDate;

const EXPECTED_CODE: readonly (readonly [string, (v: unknown) => unknown, string])[] = [
  ['validateNpi', validateNpi, 'npi.format'],
  ['validateMbi', validateMbi, 'mbi.length'],
  ['normalizePhone', normalizePhone, 'phone.format'],
  ['normalizeZip', normalizeZip, 'zip.format'],
  ['validateSsn', validateSsn, 'ssn.format'],
  ['validateProcedureCode', validateProcedureCode, 'procedure-code.format'],
  ['validateProcedureModifier', validateProcedureModifier, 'procedure-code.modifier-format'],
  ['validateIcd10Cm', validateIcd10Cm, 'icd10.format'],
  ['checkIcd10Specificity', checkIcd10Specificity, 'icd10.format'],
  ['parseDollars', parseDollars, 'money.format'],
  ['parseInstant', parseInstant, 'time.invalid-instant'],
  ['parseZone', parseZone, 'time.invalid-zone'],
  [
    'patientShareFromPercent',
    (v) => patientShareFromPercent(v, 'patient-percent'),
    'insurance.percent-format',
  ],
  ['recurrenceDates', (v) => recurrenceDates(v, d, d, d), 'recurrence.invalid-rule'],
];

describe('form validators accept unknown input', () => {
  for (const [name, validate, code] of EXPECTED_CODE)
    it(`${name} returns Left ${code} for every non-string`, () => {
      for (const v of NOT_TEXT)
        expect(validate(v), String(v)).toMatchObject({ _tag: 'Left', left: { code } });
    });
  it('still accept what they accepted (one valid value each, from the reference examples)', () => {
    expect(validateNpi('1234567893')._tag).toBe('Right');
    expect(validateMbi('1EG4-TE5-MK73')._tag).toBe('Right');
    expect(normalizePhone('(415) 555-0132')._tag).toBe('Right');
    expect(parseDollars('12.50')).toEqual({ _tag: 'Right', right: 1250 });
    expect(parseZone('America/New_York')._tag).toBe('Right');
  });
});
