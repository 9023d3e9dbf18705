// read837P, build837P and checkClaim: every public 837P is read and re-emitted text reads back to the
// same claims (also in ICD-10 variants built in memory, as the public 5010 samples predate ICD-10);
// front-end edits against a hand-made claim and the failures the reference says the samples have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/index.js';
import { build837P, checkClaim, read837P, type Claim, type ClaimEnvelope } from '../../src/billing/index.js';
import { dataFile, dataFiles } from '../support/testData.js';

const ENVELOPE: ClaimEnvelope = {
  sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING OFFICE', phone: '5555550100' },
  receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
  controlNumber: 42,
  date: '2026-12-01' as IsoDate,
  time: '0930',
  usage: 'T',
};

const claimsOf = (text: string): readonly Claim[] => {
  const r = read837P(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.claims;
};
const roundTrip = (claims: readonly Claim[]): readonly Claim[] => {
  const text = build837P(claims, ENVELOPE);
  if (text._tag === 'Left') throw new Error(text.left.message);
  const back = read837P(text.right);
  if (back._tag === 'Left') throw new Error(back.left.message);
  expect(back.right.notes).toEqual([]); // counts, control numbers and separators all agree
  return back.right.claims;
};
// ICD-10-CM stand-ins for the samples' ICD-9 codes (format-valid billable codes, no decimal point).
const ICD10 = [
  'J069',
  'E119',
  'I10',
  'M545',
  'R509',
  'Z0000',
  'K219',
  'N390',
  'R51',
  'L030',
  'H6690',
  'S93401A',
];
const icd10Variant = (c: Claim): Claim => ({
  ...c,
  diagnosisCodeSet: 'icd10',
  diagnoses: c.diagnoses.map((_, i) => ICD10[i % ICD10.length]!),
});

// file → [claims, service lines], counted by hand (CLM and SV1 segments in each file).
const COUNTS: Record<string, readonly [number, number]> = {
  'LinuxForHealth__x12__coordination-of-benefits.837': [1, 3],
  'LinuxForHealth__x12__demo.ambulance.example5.837': [1, 4],
  'LinuxForHealth__x12__demo.autoaccident.837': [1, 2],
  'LinuxForHealth__x12__demo.cob.example3.A.837': [1, 3],
  'LinuxForHealth__x12__demo.cob.example3.B.837': [1, 3],
  'LinuxForHealth__x12__demo.cob.example4.837': [1, 1],
  'LinuxForHealth__x12__demo.drug.example10.1.837': [1, 2],
  'LinuxForHealth__x12__demo.drug.example10.3.837': [1, 6],
  'LinuxForHealth__x12__demo.example1.837': [1, 4],
  'LinuxForHealth__x12__demo.example12.837': [1, 1],
  'LinuxForHealth__x12__demo.example2.837': [1, 4],
  'LinuxForHealth__x12__demo.example6.837': [1, 1],
  'LinuxForHealth__x12__demo.example8.837': [1, 1],
  'LinuxForHealth__x12__demo.example9.837': [1, 1],
  'LinuxForHealth__x12__patient-is-dependent.837': [1, 4],
  'LinuxForHealth__x12__patient-is-subscriber.837': [1, 4],
  'imsweb__x12-parser__x12_complex.txt': [6, 10],
  'imsweb__x12-parser__x12_many_claims.txt': [820, 820],
  'irobayna__stupidedi__COB-claim-from-payer-a-to-payer-b-in-payer-to-payer.edi': [1, 3],
  'irobayna__stupidedi__medicare-secondary-payer-COB.edi': [1, 1],
};

describe('read837P and build837P on every public 837P', () => {
  const files = dataFiles('x12/837p');
  it('covers the whole vendored corpus', () => {
    expect(files.sort()).toEqual(Object.keys(COUNTS).sort());
  });

  it.each(files)(
    '%s: claims and lines as in the file, and re-emitted text reads back the same (ICD-9 and ICD-10)',
    (file) => {
      const claims = claimsOf(dataFile(`x12/837p/${file}`));
      const [count, lines] = COUNTS[file]!;
      expect(claims).toHaveLength(count);
      expect(claims.reduce((s, c) => s + c.lines.length, 0)).toBe(lines);
      expect(roundTrip(claims)).toEqual(claims);
      const icd10 = claims.map(icd10Variant);
      expect(roundTrip(icd10)).toEqual(icd10);
    },
  );

  it('example 1: parties, claim and lines as written (2010AA, 2000B, 2000C, CLM, HI, SV1, DTP*472)', () => {
    const [c] = claimsOf(dataFile('x12/837p/LinuxForHealth__x12__demo.example1.837'));
    expect(c).toMatchObject({
      id: '26463774',
      frequency: '1',
      placeOfService: '11',
      totalCharge: 10000,
      payerResponsibility: 'P',
      filingIndicator: 'CI',
      payer: { id: '999996666', name: 'KEY INSURANCE COMPANY' },
      subscriber: { lastName: 'SMITH', firstName: 'JANE', memberId: 'JS00111223333', groupNumber: '2222-SJ' },
      patient: {
        relationship: '19',
        lastName: 'SMITH',
        firstName: 'TED',
        dateOfBirth: '1973-05-01',
        gender: 'M',
      },
      billingProvider: {
        npi: '1912301953',
        entity: 'organization',
        taxonomy: '203BF0100Y',
        taxId: { qualifier: 'EI', value: '587654321' },
      },
      diagnosisCodeSet: 'icd9',
      diagnoses: ['0340', 'V7389'],
    });
    expect(c!.lines.map((l) => [l.procedure.code, l.charge, l.pointers, l.serviceDates?.start])).toEqual([
      ['99213', 4000, [1], '2006-10-03'],
      ['87070', 1500, [1], '2006-10-03'],
      ['99214', 3500, [2], '2006-10-10'],
      ['86663', 1000, [2], '2006-10-10'],
    ]);
  });

  it('drug example 10.1: the J-code line carries its NDC and CTP quantity (2410 LIN*N4, CTP04, CTP05)', () => {
    const [c] = claimsOf(dataFile('x12/837p/LinuxForHealth__x12__demo.drug.example10.1.837'));
    // As written: SV1*HC:J1550*53.37, then LIN**N4*00026063512 and CTP****10.00*ML.
    expect(c!.lines.map((l) => [l.procedure.code, l.charge, l.drug])).toEqual([
      ['90782', 5000, undefined],
      ['J1550', 5337, { ndc: '00026063512', quantity: 10, unit: 'ML' }],
    ]);
    // The file's plan is commercial (SBR09 CI); as a Medicaid claim the NDC satisfies E43.
    const medicaid = { ...c!, filingIndicator: 'MC' };
    expect(checkClaim(medicaid).filter((e) => e.edit === 'E43' && e.field.startsWith('lines'))).toEqual([]);
    const { drug: _drug, ...withoutDrug } = medicaid.lines[1]!;
    expect(
      checkClaim({ ...medicaid, lines: [medicaid.lines[0]!, withoutDrug] })
        .filter((e) => e.edit === 'E43')
        .map((e) => e.field),
    ).toContain('lines.1.drug');
  });

  it('a date of death (PAT05 D8, PAT06) is read from 2000B or 2000C and written back', () => {
    const [c] = claimsOf(dataFile('x12/837p/LinuxForHealth__x12__demo.example1.837'));
    const deceased = { ...c!, patient: { ...c!.patient!, dateOfDeath: '2006-10-05' as IsoDate } };
    const text = build837P([deceased], ENVELOPE);
    expect(text._tag === 'Right' && text.right).toContain('PAT*19****D8*20061005~');
    expect(roundTrip([deceased])).toEqual([deceased]);
    // The lines of 2006-10-10 follow the date of death: E19 names them.
    expect(
      checkClaim(deceased)
        .filter((e) => e.edit === 'E19')
        .map((e) => e.field),
    ).toEqual(['lines.2.serviceDates', 'lines.3.serviceDates']);
    const { patient: _p, ...self } = deceased;
    const subscriberDied = {
      ...self,
      subscriber: { ...self.subscriber, dateOfDeath: '2006-10-05' as IsoDate },
    };
    const selfText = build837P([subscriberDied], ENVELOPE);
    expect(selfText._tag === 'Right' && selfText.right).toContain(
      'SBR*P*18*2222-SJ******CI~PAT*****D8*20061005~',
    );
    expect(roundTrip([subscriberDied])).toEqual([subscriberDied]);
  });

  it('a composite written with > under an ISA16 of : is read with a warning naming the element', () => {
    const r = read837P(dataFile('x12/837p/LinuxForHealth__x12__demo.example6.837'));
    if (r._tag === 'Left') throw new Error('unreadable');
    expect(r.right.claims[0]!.lines[0]!.procedure.code).toBe('98940');
    expect(r.right.notes).toContainEqual(
      expect.objectContaining({
        code: 'billing.bad-composite',
        severity: 'warning',
        segment: 'SV1',
        element: 1,
      }),
    );
  });

  it('never throws; no 837 is a coded error', () => {
    expect(read837P(dataFile('x12/835/LinuxForHealth__x12__managed-care.835'))).toMatchObject({
      left: { code: 'billing.no-transaction' },
    });
    const base = dataFile('x12/837p/LinuxForHealth__x12__demo.example1.837');
    fc.assert(
      fc.property(fc.anything(), fc.nat(base.length), fc.string(), (junk, at, insert) => {
        expect(() => read837P(junk)).not.toThrow();
        expect(() => read837P(base.slice(0, at) + insert + base.slice(at))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('build837P refuses separator characters in any value, naming the field, never the value', () => {
    const [c] = claimsOf(dataFile('x12/837p/LinuxForHealth__x12__demo.example1.837'));
    const bad = { ...c!, subscriber: { ...c!.subscriber, lastName: 'SMI*TH' } };
    const r = build837P([bad], ENVELOPE);
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { code: 'billing.unsafe-text', field: 'claims.0.subscriber.lastName' },
    });
    if (r._tag === 'Left') expect(r.left.message).not.toContain('SMI');
    expect(build837P([], ENVELOPE)).toMatchObject({ left: { code: 'billing.no-claims' } });
  });
});

describe('checkClaim', () => {
  const clean: Claim = {
    id: 'CLM-1001',
    frequency: '1',
    placeOfService: '11',
    totalCharge: 20000 as Claim['totalCharge'],
    payerResponsibility: 'P',
    filingIndicator: 'CI',
    payer: { id: '60054', name: 'ACME HEALTH PLAN' },
    subscriber: {
      lastName: 'RIVERA',
      firstName: 'ANA',
      memberId: 'W123456789',
      dateOfBirth: '1980-04-02' as IsoDate,
      gender: 'F',
    },
    billingProvider: {
      npi: '1234567893',
      entity: 'organization',
      lastName: 'MAIN STREET CLINIC',
      taxonomy: '207Q00000X',
      taxId: { qualifier: 'EI', value: '123456789' },
      address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
    },
    renderingProvider: { npi: '1467586115', entity: 'person', lastName: 'OKAFOR', firstName: 'NGOZI' },
    diagnosisCodeSet: 'icd10',
    diagnoses: ['J069', 'R509'],
    lines: [
      {
        procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
        charge: 15000 as Claim['totalCharge'],
        unit: 'UN',
        quantity: 1,
        pointers: [1, 2],
        serviceDates: { start: '2026-11-23' as IsoDate, end: '2026-11-23' as IsoDate },
      },
      {
        procedure: { qualifier: 'HC', code: '87880', modifiers: [] },
        charge: 5000 as Claim['totalCharge'],
        unit: 'UN',
        quantity: 1,
        pointers: [1],
        serviceDates: { start: '2026-11-23' as IsoDate, end: '2026-11-23' as IsoDate },
      },
    ],
  };

  it('a clean claim passes every default edit', () => {
    expect(
      checkClaim(clean, undefined, { submissionDate: '2026-12-01' as IsoDate, timelyFilingDays: 90 }),
    ).toEqual([]);
  });

  it('reports every failure with its edit, field path and severity', () => {
    const broken: Claim = {
      ...clean,
      id: 'A-CLAIM-ID-LONGER-THAN-20',
      frequency: '7',
      totalCharge: 21000 as Claim['totalCharge'],
      placeOfService: '30',
      billingProvider: { ...clean.billingProvider, npi: '1234567890', taxonomy: '207Q0000' },
      diagnoses: ['W010XXA', 'R509', 'R509'],
      lines: [
        {
          ...clean.lines[0]!,
          pointers: [1, 4, 1],
          procedure: { qualifier: 'HC', code: '9921', modifiers: ['2', '25'] },
        },
        { ...clean.lines[1]!, quantity: 1.5 },
      ],
    };
    const edits = checkClaim(broken, undefined, { submissionDate: '2026-12-01' as IsoDate });
    expect(edits.map((e) => [e.edit, e.field])).toEqual([
      ['E01', 'billingProvider.npi'],
      ['E03', 'billingProvider.taxonomy'],
      ['E12', 'id'],
      ['E13', 'totalCharge'],
      ['E15', 'lines.1.quantity'],
      ['E22', 'diagnoses'],
      ['E26', 'diagnoses.0'],
      ['E27', 'lines.0.pointers'],
      ['E27', 'lines.0.pointers'],
      ['E28', 'lines.0.procedure.code'],
      ['E29', 'lines.0.procedure.modifiers'],
      ['E31', 'placeOfService'],
      ['E33', 'originalClaimNumber'],
    ]);
    expect(edits.every((e) => e.severity === 'error')).toBe(true);
    expect(JSON.stringify(edits)).not.toMatch(/1234567890|RIVERA|W123456789/);
  });

  it('timely filing: an error past the limit, a warning within 30 days of it; dates of service after submission', () => {
    const at = (d: string) =>
      checkClaim(clean, undefined, { submissionDate: d as IsoDate, timelyFilingDays: 90 }).map((e) => [
        e.edit,
        e.severity,
      ]);
    // 2026-11-23 to 2027-02-21 is 90 days (30 + 31 + 29 by hand): at the limit, a warning; one day later, an error.
    expect(at('2027-02-21')).toEqual([['E20W', 'warning']]);
    expect(at('2027-02-22')).toEqual([['E20', 'error']]);
    expect(at('2027-01-20')).toEqual([]); // 58 days: more than 30 days left
    expect(at('2026-11-20')).toEqual([
      ['E18', 'error'],
      ['E18', 'error'],
    ]);
  });

  it('rules are data: a payer rule added, and an authorization the payer requires', () => {
    const needsReferral = {
      edit: 'P01',
      severity: 'warning' as const,
      check: (c: Claim) =>
        c.referralNumber ? [] : [{ field: 'referralNumber', message: 'this HMO wants REF*9F' }],
    };
    expect(checkClaim(clean, [needsReferral])).toEqual([
      { edit: 'P01', severity: 'warning', field: 'referralNumber', message: 'this HMO wants REF*9F' },
    ]);
    expect(checkClaim(clean, undefined, { authorizationRequired: ['87880'] }).map((e) => e.edit)).toEqual([
      'E34',
    ]);
    expect(
      checkClaim({ ...clean, priorAuthorization: 'AUTH77' }, undefined, { authorizationRequired: ['87880'] }),
    ).toEqual([]);
  });

  it('public samples fail the edits the reference names: x12_complex CLM02 ≠ Σ SV102, NPI 1234567890', () => {
    const complex = claimsOf(dataFile('x12/837p/imsweb__x12-parser__x12_complex.txt'));
    expect(complex.some((c) => checkClaim(c).some((e) => e.edit === 'E13'))).toBe(true);
    expect(complex.flatMap((c) => checkClaim(c)).some((e) => e.edit === 'E01')).toBe(true);
    // ICD-9 qualifiers on dates of service before 2015-10-01 are right for their time (E25 passes).
    const [old] = claimsOf(dataFile('x12/837p/LinuxForHealth__x12__demo.example1.837'));
    expect(checkClaim(old!).map((e) => e.edit)).not.toContain('E25');
    expect(checkClaim(icd10Variant(old!)).map((e) => e.edit)).toContain('E25');
  });
});

describe('build837P delimiter check: the path-stack walk agrees with the plain reference', () => {
  it('names the same first unsafe field on arbitrary claim-shaped values', async () => {
    const { unsafeFieldReference } = await import('../../src/billing/x12/build837P.js');
    const text = fc.string({ unit: fc.constantFrom('A', 'b', '1', ' ', '*', ':', '^', '~'), maxLength: 6 });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('id', 'code', 'lines', 'name', '__proto__'), tie('node'), {
          maxKeys: 3,
        }),
      ),
    })).node;
    const safe = fc.string({ unit: fc.constantFrom('A', 'b', '1', ' '), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), safe, (claims, name) => {
        const envelope = { ...ENVELOPE, sender: { ...ENVELOPE.sender, name } };
        const reference = unsafeFieldReference(claims as unknown as Claim[], envelope);
        // Clean values go on to be written, which needs real claims: only unsafe ones are compared.
        if (reference === undefined) return;
        const r = build837P(claims as unknown as Claim[], envelope);
        expect(r._tag === 'Left' && r.left.field).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});
