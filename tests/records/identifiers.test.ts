// Identifier validators against the example tables of the records reference (§1.1-§1.7).
import { describe, expect, it } from 'vitest';
import {
  checkIcd10Specificity,
  cleanPersonName,
  formatIcd10Cm,
  isFictionalPhone,
  normalizePhone,
  normalizeZip,
  parsePatient,
  validateIcd10Cm,
  validateMbi,
  validateNpi,
  validateProcedureCode,
  validateProcedureModifier,
  validateSsn,
} from '../../src/records/index.js';
import type { Either } from '../../src/core/result.js';

const codeOf = <E extends { code: string }, A>(r: Either<E, A>): string =>
  r._tag === 'Left' ? r.left.code : 'ok';
const valueOf = <E, A>(r: Either<E, A>): A => {
  if (r._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};
const messageOf = <E extends { message: string }, A>(r: Either<E, A>): string =>
  r._tag === 'Left' ? r.left.message : '';

describe('validateNpi (§1.1)', () => {
  it.each([
    ['1234567893', 'ok'], // worked example: 43 + 24 = 67, check digit 3
    ['2234567891', 'ok'],
    ['1234567890', 'npi.check-digit'],
    ['123456789', 'npi.format'],
    // Base 323456789, doubling from the right: 9→9, 8, 7→5, 6, 5→1, 4, 3→6, 2, 3→6: sum 47,
    // + 24 = 71, check digit 9: Luhn holds (reference §1.1 table), but NPIs start with 1 or 2.
    ['3234567899', 'npi.first-digit'],
    ['0234567895', 'npi.first-digit'],
  ])('%s → %s', (input, code) => expect(codeOf(validateNpi(input))).toBe(code));
});

describe('validateMbi (§1.2)', () => {
  it.each([
    ['1EG4TE5MK73', 'ok', undefined],
    ['1EG4-TE5-MK73', 'ok', undefined],
    ['1eg4te5mk73', 'ok', undefined],
    ['0EG4TE5MK73', 'mbi.position', 1],
    ['1SG4TE5MK73', 'mbi.position', 2],
    ['1EG4TE5MO73', 'mbi.position', 9],
    ['1EG4TE5MK7A', 'mbi.position', 11],
    ['1EG4TE5MK7', 'mbi.length', undefined],
  ])('%s → %s', (input, code, position) => {
    const r = validateMbi(input);
    expect(codeOf(r)).toBe(code);
    if (r._tag === 'Left') {
      expect(r.left.position).toBe(position);
      expect(r.left.message).not.toContain(input.slice(0, 4));
    } else expect(r.right).toBe('1EG4TE5MK73');
  });
});

describe('normalizePhone (§1.3)', () => {
  it.each([
    ['415-555-0132', '+14155550132', undefined],
    ['+1 (415) 555-0132', '+14155550132', undefined],
    ['415.555.0132 x123', '+14155550132', '123'],
    ['(415) 555-0132 ext. 77', '+14155550132', '77'],
    ['800-555-0199', '+18005550199', undefined],
    ['555-810-7203', '+15558107203', undefined],
    ['1 212 555 0123', '+12125550123', undefined],
  ])('%s → %s', (input, e164, extension) => {
    const v = valueOf(normalizePhone(input));
    expect(v.e164).toBe(e164);
    expect(v.extension).toBe(extension);
  });
  it.each([
    ['415-555-0100', true], // first of the reserved fictional block (NANPA)
    ['(212) 555-0199', true], // last of it
    ['212-555-0200', undefined], // just past it: an ordinary 555 number
    ['212-555-0099', undefined],
    ['800-555-0150 x12', true],
    ['212-736-5000', undefined],
  ])('%s: fictional %s', (input, fictional) => {
    const v = valueOf(normalizePhone(input));
    expect(v.fictional).toBe(fictional);
    expect(isFictionalPhone(v.e164)).toBe(fictional === true);
  });
  it.each([
    ['123-456-7890', 'phone.area-code'], // NPA starts with 1
    ['911-555-0123', 'phone.area-code'], // N11
    ['292-555-0123', 'phone.area-code'], // X9X reserved
    ['212-411-0123', 'phone.exchange'], // NXX N11
    ['212-055-0123', 'phone.exchange'], // NXX starts with 0
    ['555-0123', 'phone.length'],
    ['+44 20 7946 0958', 'phone.country'],
    ['1-800-FLOWERS', 'phone.format'],
  ])('%s → %s', (input, code) => {
    const r = normalizePhone(input);
    expect(codeOf(r)).toBe(code);
    expect(messageOf(r)).not.toMatch(/\d{3}-\d/);
  });
});

describe('normalizeZip (§1.4)', () => {
  it.each([
    ['02139', 'MA', '02139'],
    ['02139-4307', 'MA', '02139-4307'],
    ['021394307', 'MA', '02139-4307'],
    ['2139', 'MA', '02139'],
    ['6390', 'NY', '06390'], // Fishers Island
    ['2139-4307', 'ma', '02139-4307'],
  ])('%s (%s) → %s', (input, state, out) => expect(valueOf(normalizeZip(input, state))).toBe(out));
  it.each([
    ['7701', 'TX', 'zip.leading-zero'],
    ['2139', undefined, 'zip.leading-zero'],
    ['1234', 'NY', 'zip.leading-zero'],
    ['00000', 'MA', 'zip.all-zero'],
    ['123456', 'MA', 'zip.format'],
    ['02139-43', 'MA', 'zip.format'],
  ])('%s (%s) → %s', (input, state, code) => expect(codeOf(normalizeZip(input, state))).toBe(code));
});

describe('validateSsn (§1.5)', () => {
  it.each([
    ['386-42-1057', 'ok'],
    ['000-12-3456', 'ssn.area'],
    ['666-12-3456', 'ssn.area'],
    ['912-34-5678', 'ssn.area'],
    ['123-00-4567', 'ssn.group'],
    ['123-45-0000', 'ssn.serial'],
    ['078-05-1120', 'ssn.advertised'],
    ['219-09-9999', 'ssn.advertised'],
    ['123-45-6789', 'ssn.advertised'],
    ['999-94-5397', 'ssn.area'], // Synthea
    ['12-345-678', 'ssn.format'],
  ])('%s → %s', (input, code) => {
    const r = validateSsn(input);
    expect(codeOf(r)).toBe(code);
    expect(messageOf(r)).not.toContain(input.replace(/-/g, '').slice(0, 3) + '-');
  });
  it('stores nine digits', () => expect(valueOf(validateSsn('386-42-1057'))).toBe('386421057'));
});

describe('ICD-10-CM (§1.6)', () => {
  it.each([
    ['E11.9', 'E119'],
    ['E119', 'E119'],
    ['e11.9', 'E119'],
    ['S52.521A', 'S52521A'],
    ['T36.0X1A', 'T360X1A'],
    ['W61.62XD', 'W6162XD'],
    ['C4A.0', 'C4A0'],
    ['U07.1', 'U071'],
    ['E11', 'E11'],
  ])('format %s → %s', (input, stored) => expect(valueOf(validateIcd10Cm(input))).toBe(stored));
  it.each(['11.9', 'EE1.9', 'E1', 'E11.12345', 'E1.19', ''])('format rejects %s', (input) =>
    expect(codeOf(validateIcd10Cm(input))).toBe('icd10.format'),
  );
  it.each([
    ['E11.9', 'ok'],
    ['E119', 'ok'],
    ['S52.521A', 'ok'],
    ['T36.0X1A', 'ok'],
    ['W61.62XD', 'ok'],
    ['T07.XXXA', 'ok'],
    ['I10', 'ok'], // billable 3-character category
    ['E11', 'icd10.header-code'],
    ['S52.5', 'icd10.header-code'],
    ['T07', 'icd10.header-code'],
    ['S52.521', 'icd10.seventh-character'],
    ['T36.0X1', 'icd10.seventh-character'],
    ['S52.521X', 'icd10.seventh-character'],
    ['W61.62D', 'icd10.placeholder'],
    ['T07A', 'icd10.placeholder'],
    ['M80.08XA', 'ok'],
    ['M80.08X', 'icd10.seventh-character'],
    ['O36.5930', 'ok'],
    ['T31.0', 'ok'], // burn extent: no 7th character
    ['EE1.9', 'icd10.format'],
  ])('specificity %s → %s', (input, code) => expect(codeOf(checkIcd10Specificity(input))).toBe(code));
  it('uses a caller-supplied code set when given (M54.5 deleted FY2022)', () => {
    const fy2022 = new Set(['M5450', 'M5451', 'M5459']);
    expect(codeOf(checkIcd10Specificity('M54.5', { validCodes: fy2022 }))).toBe('icd10.not-in-code-set');
    expect(codeOf(checkIcd10Specificity('M54.50', { validCodes: fy2022 }))).toBe('ok');
  });
  it('formats for display', () => {
    expect(formatIcd10Cm(valueOf(validateIcd10Cm('s52521a')))).toBe('S52.521A');
    expect(formatIcd10Cm(valueOf(validateIcd10Cm('I10')))).toBe('I10');
  });
});

describe('CPT / HCPCS (§1.7)', () => {
  it.each([
    ['99213', 'cpt-category-1'],
    ['99396', 'cpt-category-1'],
    ['3074F', 'cpt-category-2'],
    ['0075T', 'cpt-category-3'],
    ['G0154', 'hcpcs-level-2'],
    ['b4184', 'hcpcs-level-2'],
  ])('%s → %s', (input, kind) => expect(valueOf(validateProcedureCode(input)).kind).toBe(kind));
  it.each(['9921', '992134', '1234X', 'W1234', 'G015'])('rejects %s', (input) =>
    expect(codeOf(validateProcedureCode(input))).toBe('procedure-code.format'),
  );
  it.each([
    ['25', 'ok'],
    ['LT', 'ok'],
    ['2', 'procedure-code.modifier-format'],
    ['ABC', 'procedure-code.modifier-format'],
  ])('modifier %s → %s', (input, code) => expect(codeOf(validateProcedureModifier(input))).toBe(code));
});

describe('names as typed (controls, bidi overrides, invisible names, NFC)', () => {
  const parseName = (given: string) =>
    parsePatient({ id: 'p', name: { family: 'Rivera', given }, birthDate: '1984-03-09', sex: 'female' });
  it.each([
    ['Jose\u0301', 'José'], // decomposed accent stored composed (NFC)
    ['Jos\u00e9', 'José'],
    ['Ana\u0000', 'Ana'], // NUL stripped
    ['\u202eAna', 'Ana'], // right-to-left override stripped
    ['An\u2066a\u2069', 'Ana'], // isolates stripped
    ['Ana\u0085Maria', 'Ana Maria'], // NEL (a C1 line break) is a space
    ['Ana\tMaria', 'Ana Maria'], // so is a tab
    ['Ana\u0007\u009b', 'Ana'], // BEL and CSI stripped
  ])('%j is stored as %j', (given, stored) => {
    const r = parseName(given);
    expect(r._tag === 'Right' && r.right.name.given).toBe(stored);
    expect(r._tag === 'Right' && r.right.name.given.normalize('NFC')).toBe(stored);
  });
  it.each([
    ['\u200b\u200c\u200d'], // zero-width space and joiners only
    ['\u0301\u0308'], // combining marks only
    ['\u202e\u202c'], // bidi controls only
    ['\ufeff'], // zero-width no-break space
  ])('%j is refused: no letter', (given) => {
    const r = parseName(given);
    expect(r._tag).toBe('Left');
    expect(r._tag === 'Left' && JSON.stringify(r.left)).not.toContain(given);
  });
  it('cleanPersonName: composed and decomposed spellings become one name', () => {
    expect(cleanPersonName('Zoe\u0308')).toBe(cleanPersonName('Zo\u00eb'));
    expect(cleanPersonName('\u200b')).toBeUndefined();
  });
});
