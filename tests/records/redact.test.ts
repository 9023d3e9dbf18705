import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import { minimumNecessary, redact, SAFE_HARBOR_RESTRICTED_ZIP3 } from '../../src/records/index.js';
import { patient } from './support/patients.js';

const asOf = '2026-11-23' as IsoDate;
const ana = patient({
  emails: ['ana.rivera@example.org'],
  identifiers: [
    { kind: 'MRN', system: 'urn:clinic', value: 'A-1001' },
    { kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value: '386421057' },
    { kind: 'MBI', system: 'http://hl7.org/fhir/sid/us-mbi', value: '1EG4TE5MK73' },
  ],
  emergencyContact: { name: 'Jose Rivera', relationship: 'spouse', phone: '+16175550143' },
  consents: [{ kind: 'privacy-notice', signedOn: '2025-01-05', expiresOn: '2027-01-05' }],
  communication: { channel: 'sms', language: 'es' },
});

describe('redact (structured, Safe Harbor)', () => {
  it('keeps year, age, sex, state, ZIP3 and kinds only', () => {
    expect(redact(ana, { asOf, pseudonym: (id) => `subject-${id.length}` })).toEqual({
      pseudonym: 'subject-7',
      birthYear: 1984,
      age: 42, // 1984-03-09 → 2026-11-23: 42 completed years
      sex: 'female',
      state: 'MA',
      zip3: '021',
      language: 'es',
      consents: [{ kind: 'privacy-notice', signedYear: 2025, expiresYear: 2027 }],
      identifierKinds: ['MRN', 'SSN', 'MBI'],
    });
  });
  it('groups ages over 89 and drops the birth year; 89 stays', () => {
    const old = redact(patient({ birthDate: '1936-11-22' }), { asOf }); // 90 on asOf
    expect(old.age).toBe('90+');
    expect(old.birthYear).toBeUndefined();
    const eightyNine = redact(patient({ birthDate: '1936-11-24' }), { asOf }); // turns 90 tomorrow
    expect([eightyNine.age, eightyNine.birthYear]).toEqual([89, 1936]);
  });
  it('maps the 17 restricted ZIP3 areas to 000', () => {
    expect(SAFE_HARBOR_RESTRICTED_ZIP3.size).toBe(17);
    const r = redact(
      patient({ addresses: [{ line: ['1 MAIN ST'], city: 'X', state: 'WY', postalCode: '82190' }] }),
      { asOf },
    );
    expect(r.zip3).toBe('000'); // 821 is restricted
  });
  it("follows the caller's restricted ZIP3 list from a later census instead of the 2000 one", () => {
    const wy = patient({ addresses: [{ line: ['1 MAIN ST'], city: 'X', state: 'WY', postalCode: '82190' }] });
    const ma = patient({ addresses: [{ line: ['1 MAIN ST'], city: 'X', state: 'MA', postalCode: '02139' }] });
    const later = new Set(['021']); // a made-up list: only the caller's list decides
    expect(redact(wy, { asOf, restrictedZip3: later }).zip3).toBe('821');
    expect(redact(ma, { asOf, restrictedZip3: later }).zip3).toBe('000');
  });
});

describe('redact (free text)', () => {
  it('replaces each identifier pattern and keeps years of dates', () => {
    const note =
      'Pt seen 03/14/2026, DOB 1984-03-09. Call 617-555-0142 or (617) 555-0143, email ana.rivera@example.org. ' +
      'SSN 386-42-1057, MBI 1EG4-TE5-MK73, MRN: A-1001, acct# 99812345. Portal https://portal.example.org/x ' +
      'from 10.0.0.12. Lives in Cambridge, MA 02139. Grandmother is 94 years old; aged 91.';
    const { text, counts } = redact(note, { asOf });
    expect(text).toBe(
      'Pt seen [DATE 2026], DOB [DATE 1984]. Call [REDACTED:PHONE] or [REDACTED:PHONE], email [REDACTED:EMAIL]. ' +
        'SSN [REDACTED:SSN], MBI [REDACTED:MBI], [REDACTED:MRN], [REDACTED:ACCOUNT]. Portal [REDACTED:URL] ' +
        'from [REDACTED:IP]. Lives in Cambridge, MA [REDACTED:ZIP]. Grandmother is 90+ years old; aged 90+.',
    );
    expect(counts).toMatchObject({
      PHONE: 2,
      EMAIL: 1,
      SSN: 1,
      MBI: 1,
      MRN: 1,
      ACCOUNT: 1,
      URL: 1,
      IP: 1,
      ZIP: 1,
      DATE: 2,
      AGE: 2,
    });
  });
  it('removes a known record’s names and address with policy.patient, and caller patterns', () => {
    const { text } = redact('Ana Rivera (wife of Jose) at 123 N MAIN ST APT 4B, Cambridge. Badge Z-77-1', {
      asOf,
      patient: ana,
      patterns: [{ label: 'BADGE', pattern: /\bZ-\d{2}-\d\b/g }],
    });
    expect(text).toBe(
      '[REDACTED:KNOWN] [REDACTED:KNOWN] (wife of [REDACTED:KNOWN]) at [REDACTED:KNOWN], [REDACTED:KNOWN]. Badge [REDACTED:BADGE]',
    );
  });
});

describe('minimumNecessary', () => {
  it('clinician sees no address, phone, SSN or payer ids', () => {
    const v = minimumNecessary(ana, 'clinician');
    expect(v.addresses).toBeUndefined();
    expect(v.phones).toBeUndefined();
    expect(v.identifiers?.map((i) => i.kind)).toEqual(['MRN']);
    expect(v.communication?.language).toBe('es');
  });
  it('billing sees member ids and a masked SSN, not the emergency contact', () => {
    const v = minimumNecessary(ana, 'billing');
    expect(v.identifiers?.map((i) => [i.kind, i.value])).toEqual([
      ['MRN', 'A-1001'],
      ['SSN', '***-**-1057'],
      ['MBI', '1EG4TE5MK73'],
    ]);
    expect(v.emergencyContact).toBeUndefined();
    expect(v.consents).toBeUndefined();
  });
  it('front desk sees contact and consents; the input is untouched', () => {
    const before = JSON.stringify(ana);
    const v = minimumNecessary(ana, 'front-desk');
    expect(v.emergencyContact?.name).toBe('Jose Rivera');
    expect(v.consents).toHaveLength(1);
    expect(JSON.stringify(ana)).toBe(before);
  });
});

describe('redact (free text): the ways people write identifiers', () => {
  const gone = (note: string, secret: string, label: string) => {
    const { text, counts } = redact(note, { asOf });
    expect(text).not.toContain(secret);
    expect(counts[label] ?? 0).toBeGreaterThan(0);
    return text;
  };
  it.each([
    ['SSN with spaces', 'SSN 386 42 1057 on file', '386 42 1057', 'SSN'],
    ['SSN unlabelled with spaces', 'card shows 386 42 1057.', '386 42 1057', 'SSN'],
    ['SSN after #', 'SSN# 386421057', '386421057', 'SSN'],
    ['SS#', 'SS# 386-42-1057', '386-42-1057', 'SSN'],
    ['social security no.', 'social security no. 386421057', '386421057', 'SSN'],
    ['Social Security Number:', 'Social Security Number: 386-42-1057', '386-42-1057', 'SSN'],
    ['lower-case MBI', 'mbi 1eg4te5mk73 verified', '1eg4te5mk73', 'MBI'],
    ['lower-case MBI with dashes', 'medicare 1eg4-te5-mk73', '1eg4-te5-mk73', 'MBI'],
    ['date 1961/07/04', 'born 1961/07/04', '1961/07/04', 'DATE'],
    ['date 04.07.1961', 'born 04.07.1961', '04.07.1961', 'DATE'],
    ['date 19610704', 'DOB 19610704', '19610704', 'DATE'],
    ['date July 4, 1961', 'born July 4, 1961 in Ohio', 'July 4', 'DATE'],
    ['date 4 Jul 61', 'born 4 Jul 61', '4 Jul 61', 'DATE'],
    ['street address', 'lives at 742 Evergreen Terrace with her son', '742 Evergreen Terrace', 'ADDRESS'],
    ['street address with unit', 'moved to 1600 N Lake Shore Dr, Apt 12B last week', 'Lake Shore', 'ADDRESS'],
    ['lower-case street', 'drop-off at 12 elm st.', '12 elm st', 'ADDRESS'],
    ['PO box', 'mail to P.O. Box 4471', 'Box 4471', 'ADDRESS'],
    ['PO box, no dots', 'mail to PO Box 12', 'PO Box 12', 'ADDRESS'],
    ['email', 'write to j.doe+clinic@mail.example.com', 'j.doe+clinic@mail.example.com', 'EMAIL'],
    ['URL', 'photos at https://example.org/p/123?x=1', 'example.org/p/123', 'URL'],
    ['IPv4', 'logged in from 192.168.10.24', '192.168.10.24', 'IP'],
    ['IPv6', 'from 2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8', 'IP'],
    ['device serial', 'pacemaker serial no. PJN4412873', 'PJN4412873', 'DEVICE'],
    ['UDI', 'implant UDI: (01)00643169007222(17)160128', '00643169007222', 'DEVICE'],
    ['account number', 'account # 7734-2219-0041', '7734-2219-0041', 'ACCOUNT'],
    ['member id', 'Member ID: XGH448812901', 'XGH448812901', 'ACCOUNT'],
  ])('%s', (_, note, secret, label) => {
    gone(note, secret, label);
  });

  it('keeps the year of full dates, not of 2-digit years', () => {
    expect(redact('born 1961/07/04 and 04.07.1961 and 19610704', { asOf }).text).toBe(
      'born [DATE 1961] and [DATE 1961] and [DATE 1961]',
    );
    expect(redact('born 4 Jul 61', { asOf }).text).toBe('born [REDACTED:DATE]');
  });

  it('finds the record’s names and city in any case and in decomposed Unicode', () => {
    const jose = patient({
      name: { family: 'Muñoz', given: 'José' },
      addresses: [{ line: ['9 Oak Rd'], city: 'Bogotá', state: 'MA', postalCode: '02139' }],
    });
    const note = 'JOSÉ MUN\u0303OZ from bogota\u0301 and Jose\u0301 again; muñoz';
    const { text } = redact(note, { asOf, patient: jose });
    expect(text).toBe(
      '[REDACTED:KNOWN] [REDACTED:KNOWN] from [REDACTED:KNOWN] and [REDACTED:KNOWN] again; [REDACTED:KNOWN]',
    );
  });

  it('leaves clinical numbers alone', () => {
    const note =
      'BP 128/82, HR 74, A1c 7.2%, metformin 500 mg twice daily, 2 tablets, ICD-10 E11.9, follow up in 3 months.';
    expect(redact(note, { asOf }).text).toBe(note);
  });

  it('reads a 5-digit code after a procedure-code label as a code, and a ZIP only after a state code', () => {
    for (const note of ['CPT 99214', 'HCPCS 99214 billed', 'billed code 99214', 'PT 97110 x4 units'])
      expect(redact(note, { asOf }).text).toBe(note);
    expect(redact('Boston, MA 02116; Portland, OR  97201-1234', { asOf }).text).toBe(
      'Boston, MA [REDACTED:ZIP]; Portland, OR  [REDACTED:ZIP]',
    );
    expect(redact('seen for CPT 99214 at Denver, CO 80203', { asOf }).text).toBe(
      'seen for CPT 99214 at Denver, CO [REDACTED:ZIP]',
    );
  });
});
