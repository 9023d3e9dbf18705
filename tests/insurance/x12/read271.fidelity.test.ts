// Every fact of a 271, read from hand-written 005010X279A1 interchanges: expectations come from
// the TR3 segment definitions restated in the insurance reference (§2.2 loop tree, §3.9 DTP
// qualifiers, NM1/TRN/DMG element meanings), not from the reader's output.
import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../../src/insurance/eligibility.js';
import { benefitsFromEligibility } from '../../../src/insurance/eligibilityBenefits.js';
import type { EligibilityResponse } from '../../../src/insurance/eligibilityModel.js';
import { read271, type Read271Result } from '../../../src/insurance/x12/read271.js';
import type { X12Warning } from '../../../src/insurance/x12/errors.js';
import { isa, wrap271 } from './build.js';

const read = (text: string): Read271Result => {
  const r = read271(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const people = (text: string): readonly EligibilityResponse[] => read(text).responses;
const warningsOf = (text: string): readonly X12Warning[] => {
  const r = read(text);
  return [...r.warnings, ...r.responses.flatMap((x) => x.warnings)];
};

// A subscriber (2000C) and a dependent (2000D), each with its own TRN pair: TRN01 2 echoes the
// 270's trace, TRN01 1 is the payer's (or clearinghouse's) own.
const family = [
  isa().slice(0, -1),
  'GS*HB*PAYER*CLINIC*20261123*0800*1*X*005010X279A1',
  'ST*271*0001*005010X279A1',
  'BHT*0022*11*REQ0001*20261123*0800',
  'HL*1**20*1',
  'NM1*PR*2*ACME HEALTH*****PI*842610001',
  'HL*2*1*21*1',
  'NM1*1P*2*MAPLE CLINIC*****XX*1234567893',
  'HL*3*2*22*1',
  'TRN*2*93175-012547*9877281234',
  'TRN*1*SUB-TRACE-1*9999999999*DIV7',
  'NM1*IL*1*SMITH*ROBERT*B***MI*W123456789',
  'EB*1**30**GOLD 123 PLAN',
  'HL*4*3*23*0',
  'TRN*2*93175-012548*9877281234',
  'NM1*03*1*SMITH*MARY*ANN***II*H77',
  'INS*N*19',
  'EB*1**30**GOLD 123 PLAN',
  'SE*17*0001', // ST to SE: 17 segments
  'GE*1*1',
  'IEA*1*000000001',
]
  .map((s) => `${s}~`)
  .join('\n');

describe('TRN trace numbers per subscriber and dependent (2000C / 2000D)', () => {
  it('each person carries its own TRN segments, in order, with type, number, originator and division', () => {
    const r = people(family);
    const sub = r.find((x) => x.member?.level === 'subscriber');
    const dep = r.find((x) => x.member?.level === 'dependent');
    expect(sub?.member?.traceNumbers).toEqual([
      { type: '2', number: '93175-012547', originator: '9877281234' },
      { type: '1', number: 'SUB-TRACE-1', originator: '9999999999', supplemental: 'DIV7' },
    ]);
    expect(dep?.member?.traceNumbers).toEqual([
      { type: '2', number: '93175-012548', originator: '9877281234' },
    ]);
  });
  it('a person without TRN has an empty list, not the previous person\u2019s', () => {
    const r = people(wrap271(['EB*1**30']));
    expect(r[0]?.member?.traceNumbers).toEqual([]);
  });
});

describe('NM1 qualifiers (NM108/NM109) and the middle name (NM105)', () => {
  it('payer PI, provider XX, subscriber MI, dependent II, middle names of both', () => {
    const r = people(family);
    const dep = r.find((x) => x.member?.level === 'dependent');
    expect(dep?.payer).toEqual({ name: 'ACME HEALTH', id: '842610001', idQualifier: 'PI' });
    expect(dep?.provider).toEqual({ name: 'MAPLE CLINIC', id: '1234567893', idQualifier: 'XX' });
    expect(dep?.member).toMatchObject({
      lastName: 'SMITH',
      firstName: 'MARY',
      middleName: 'ANN',
      memberId: 'H77',
      memberIdQualifier: 'II',
    });
    expect(dep?.subscriber).toEqual({
      memberId: 'W123456789',
      memberIdQualifier: 'MI',
      lastName: 'SMITH',
      firstName: 'ROBERT',
      middleName: 'B',
    });
  });
});

describe('DTP qualifiers of 005010X279A1 (reference §3.9)', () => {
  // The 2100C/D list and the 2110C/D list of the TR3, with their names.
  const tr3: Readonly<Record<string, string>> = {
    '096': 'Discharge',
    '102': 'Issue',
    '152': 'Effective Date of Change',
    '193': 'Period Start',
    '194': 'Period End',
    '198': 'Completion',
    '290': 'Coordination of Benefits',
    '291': 'Plan',
    '292': 'Benefit',
    '295': 'Primary Care Provider',
    '304': 'Latest Visit or Consultation',
    '307': 'Eligibility',
    '318': 'Added',
    '340': 'COBRA Begin',
    '341': 'COBRA End',
    '342': 'Premium Paid to Date Begin',
    '343': 'Premium Paid to Date End',
    '346': 'Plan Begin',
    '347': 'Plan End',
    '348': 'Benefit Begin',
    '349': 'Benefit End',
    '356': 'Eligibility Begin',
    '357': 'Eligibility End',
    '382': 'Enrollment',
    '435': 'Admission',
    '442': 'Date of Death',
    '458': 'Certification',
    '472': 'Service',
    '539': 'Policy Effective',
    '540': 'Policy Expiration',
    '636': 'Date of Last Update',
    '771': 'Status',
  };
  it('every qualifier is named, in 2110 (on the benefit) and in 2100 (on the member), with no warning', () => {
    const dtps = Object.keys(tr3).map((q) => `DTP*${q}*D8*20260115`);
    const text = wrap271([...dtps, 'EB*R**30*13', ...dtps]);
    const r = people(text)[0]!;
    expect(r.member?.dates.map((d) => [d.qualifier, d.name])).toEqual(Object.entries(tr3));
    expect(r.benefits[0]?.dates.map((d) => [d.qualifier, d.name])).toEqual(Object.entries(tr3));
    expect(warningsOf(text).filter((w) => w.code === 'x12.non-standard-code')).toEqual([]);
  });
  it('DTP*290 (COB) with an RD8 range on an EB*R line', () => {
    const r = people(wrap271(['EB*1**30', 'EB*R**30*13', 'DTP*290*RD8*20250101-20271231']))[0]!;
    expect(r.benefits[1]?.dates).toEqual([
      { qualifier: '290', name: 'Coordination of Benefits', start: '2025-01-01', end: '2027-12-31' },
    ]);
  });
  it('an unknown qualifier keeps its code and date, with a warning naming DTP01 (not the value)', () => {
    const text = wrap271(['EB*1**30', 'DTP*999*D8*20260115']);
    expect(people(text)[0]?.benefits[0]?.dates).toEqual([
      { qualifier: '999', name: 'Non-standard date qualifier', start: '2026-01-15', end: '2026-01-15' },
    ]);
    const w = warningsOf(text).filter((x) => x.code === 'x12.non-standard-code');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toMatch(/^DTP01/);
    expect(w[0]?.message).not.toContain('999');
    expect(w[0]?.segmentIndex).toBe(11); // ISA 0, GS 1, ST 2, BHT 3, HL 4 ... NM1*IL 9, EB 10, DTP 11
  });
});

describe('never a silent drop or a silent zero', () => {
  it('DMG*D8*19781345 (month 13): no birth date, a warning naming DMG02, the value not echoed', () => {
    const text = wrap271(['DMG*D8*19781345*F', 'EB*1**30']);
    const r = people(text)[0]!;
    expect(r.member?.birthDate).toBeUndefined();
    expect(r.member?.gender).toBe('F');
    const w = warningsOf(text).filter((x) => x.code === 'x12.bad-value');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toMatch(/DMG02/);
    expect(w[0]?.message).not.toMatch(/1978|1345/);
  });
  it('a valid DMG date reads with no warning', () => {
    const text = wrap271(['DMG*D8*19780415*F', 'EB*1**30']);
    expect(people(text)[0]?.member?.birthDate).toBe('1978-04-15');
    expect(warningsOf(text)).toEqual([]);
  });
  it('an out-of-network copay never sent is unknown with an assumption, not $0', () => {
    // In network $25 per visit; nothing for out of network.
    const r = people(wrap271(['EB*1**30', 'EB*B**98*HM**27*25*****Y']))[0]!;
    const out = benefitsFromEligibility(r, {
      serviceType: '98',
      network: 'out',
      dateOfService: '2026-11-23',
    });
    if (out._tag === 'Left') throw new Error(out.left.message);
    expect(out.right.copay).toEqual({ unknown: expect.stringMatching(/no copay was reported/) });
    expect(out.right.assumptions.some((a) => /copay unknown/.test(a))).toBe(true);
    const inn = benefitsFromEligibility(r, { serviceType: '98', network: 'in', dateOfService: '2026-11-23' });
    if (inn._tag === 'Left') throw new Error(inn.left.message);
    expect(inn.right.copay).toBe(2500);
    expect(inn.right.assumptions.some((a) => /copay unknown/.test(a))).toBe(false);
  });
  it('a copay never sent for the asked service type is unknown too', () => {
    const r = people(wrap271(['EB*1**30', 'EB*B**UC*HM**27*50*****Y']))[0]!;
    const b = benefitsFromEligibility(r, { serviceType: '98', network: 'in', dateOfService: '2026-11-23' });
    if (b._tag === 'Left') throw new Error(b.left.message);
    expect(typeof b.right.copay).toBe('object');
  });
  it('EB03 with ">" where ISA11 is "^": flagged as a foreign separator, and the one unknown code warned', () => {
    const text = wrap271(['EB*1**1>33>35']);
    const w = warningsOf(text);
    expect(w.map((x) => x.code).sort()).toEqual(['x12.foreign-separator', 'x12.non-standard-code']);
    expect(w.find((x) => x.code === 'x12.non-standard-code')?.message).toMatch(/one service type code/);
    expect(people(text)[0]?.benefits[0]?.serviceTypes).toEqual(['1>33>35']); // kept as sent
  });
  it('EB03 with ":" where ISA11 is ">" and ISA16 ":" is flagged; the same list with ">" splits cleanly', () => {
    const bad = wrap271(['EB*1**1:33'], { repetition: '>', component: ':' });
    expect(warningsOf(bad).some((x) => x.code === 'x12.foreign-separator')).toBe(true);
    const good = wrap271(['EB*1**1>33>35'], { repetition: '>', component: ':' });
    expect(warningsOf(good)).toEqual([]);
    expect(people(good)[0]?.benefits[0]?.serviceTypes).toEqual(['1', '33', '35']);
  });
});

describe('warnings never echo element values', () => {
  it('a wrong SE01 is reported by position and rule, not by its value', () => {
    const text = wrap271(['EB*1**30']).replace(/SE\*\d+\*0001/, 'SE*4817*0001');
    const w = warningsOf(text).find((x) => x.code === 'x12.se-count');
    expect(w?.message).toMatch(/^SE01/);
    expect(w?.message).not.toContain('4817');
    expect(w?.segmentIndex).toBeGreaterThan(0);
  });
  it('a non-standard EB01, AAA03 and a stray segment id are not quoted at all', () => {
    const text = wrap271(['EB*ZQX7**30', 'AAA*N**Q9Z*C']).replace('GE*1*1', 'PHIJANEDOE*1~GE*1*1');
    const messages = warningsOf(text).map((x) => x.message);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(m).not.toMatch(/ZQX|Q9Z|PHI|JANE/);
  });
});

describe('eligibility findings quote codes only when they are 5010 codes', () => {
  const query = { serviceType: '88', dateOfService: '2026-11-23', providerNetwork: 'in' } as const;
  it('a non-standard AAA03 / AAA04 is described, not repeated; a standard one is quoted with its name', () => {
    const odd = checkEligibility(people(wrap271(['AAA*N**JDOE1978*ZZZ']))[0]!, query);
    expect(odd.reasons[0]?.message).toBe(
      'the payer rejected the inquiry in loop 2100C: an AAA03 reason outside the 5010 list, follow-up not a 5010 code or not sent',
    );
    const std = checkEligibility(people(wrap271(['AAA*N**75*C']))[0]!, query);
    expect(std.reasons[0]?.message).toBe(
      'the payer rejected the inquiry in loop 2100C: AAA03 75 (Subscriber/Insured Not Found), follow-up C (Please Correct and Resubmit)',
    );
  });
  it('EB*R: the entity role and a non-standard EB04 are not repeated', () => {
    const r = people(
      wrap271([
        'EB*1**30',
        'EB*R**88*SECRETX',
        'LS*2120',
        'NM1*JDOE*2*OTHER PLAN',
        'LE*2120',
        'EB*R**30*SECRETY',
      ]),
    )[0]!;
    const messages = checkEligibility(r, query).reasons.map((x) => x.message);
    expect(messages).toContain(
      'EB*R: service type 88 is handled by another payer (named in the 2120 entity loop)',
    );
    expect(messages).toContain(
      'EB*R: the payer reports other coverage (insurance type not sent or not a 5010 code)',
    );
    for (const m of messages) expect(m).not.toMatch(/SECRET|JDOE/);
  });
});

describe('element values that are Object.prototype names are ordinary unknown codes', () => {
  it('EB01 constructor, EB12 toString, DTP01 __proto__, AAA04 hasOwnProperty', () => {
    const text = wrap271([
      'EB*constructor**30*********toString',
      'DTP*__proto__*D8*20260101',
      'AAA*N**75*hasOwnProperty',
    ]);
    const b = people(text)[0]!.benefits[0]!;
    expect(b.kind).toBe('non-standard');
    expect(b.status).toBeUndefined();
    expect(b.network).toBe('unknown');
    expect(b.dates[0]?.name).toBe('Non-standard date qualifier');
    expect(b.rejections[0]?.retry).toBe('unknown');
    expect(b.rejections[0]?.followUpName).toBe('Non-standard code');
  });
});
