// Every public 271 in tests/data/x12/271 read without a throw, with expectations derived by reading
// each file by hand (HL levels, AAA segments with their loop, EB lines), not from the reader's output.
import { describe, expect, it } from 'vitest';
import type { EligibilityResponse } from '../../../src/insurance/eligibilityModel.js';
import { read271 } from '../../../src/insurance/x12/read271.js';
import { dataFile, dataFiles } from '../../support/testData.js';

interface Expectation {
  /** Responses, one per person (or one for a rejection before any person). */
  readonly people: number;
  /** Status and level of the first response. */
  readonly status: EligibilityResponse['status'];
  readonly level?: 'subscriber' | 'dependent';
  readonly version: EligibilityResponse['version'];
  /** Request-level AAA of the first response as loop:AAA03/AAA04, in file order. */
  readonly rejections: readonly string[];
  /** EB segment count of the first response. */
  readonly ebCount: number;
  /** Extra hand-checked facts. */
  readonly check?: (r: readonly EligibilityResponse[]) => void;
}

const first = (r: readonly EligibilityResponse[]): EligibilityResponse => r[0]!;
const GENERIC_STCS = ['1', '33', '35', '47', '86', '88', '98', 'AL', 'MH', 'UC'];

// The IG HMO example: EB*1**30 GOLD 123 PLAN; EB*L + LS/NM1*P3/LE; EB*1 over the 10 generic STCs;
// EB*B $10 per visit (27) in network (Y) and $30 out of network (N), insurance type HM.
const igHmo = (r: readonly EligibilityResponse[]): void => {
  const b = first(r).benefits;
  expect(b[0]).toMatchObject({
    code: '1',
    kind: 'active',
    serviceTypes: ['30'],
    planCoverage: 'GOLD 123 PLAN',
  });
  expect(b.find((x) => x.code === 'L')?.entities[0]?.role).toBe('P3');
  const copays = b.filter((x) => x.code === 'B');
  expect(copays.map((x) => [x.amount, x.network, x.timePeriod, x.amountRole, x.insuranceType])).toEqual([
    [1000, 'in', '27', 'per-occurrence', 'HM'],
    [3000, 'out', '27', 'per-occurrence', 'HM'],
  ]);
  expect(copays[0]?.serviceTypes).toEqual(GENERIC_STCS);
  expect(copays[0]?.authorizationRequired).toBe('unknown');
};

const FIXTURES: Readonly<Record<string, Expectation>> = {
  'Inteligenz__X12Parser__Example1_DHHS.txt': {
    people: 1,
    status: 'error',
    level: 'subscriber',
    version: '4010',
    rejections: ['2000A:RC/C', '2100B:RC/C', '2100C:RC/C'],
    ebCount: 12,
    check: (r) => {
      // AAA03 "RC" is a template placeholder, not a 5010 code.
      expect(first(r).rejections.every((x) => !x.standard)).toBe(true);
      expect(
        first(r)
          .benefits.filter((b) => b.code === 'R')
          .map((b) => b.insuranceType),
      ).toEqual(['QM', 'MA', 'MB', 'OT']);
      expect(first(r).benefits.find((b) => b.code === 'D')?.quantity).toEqual({
        qualifier: 'VS',
        value: 999,
      });
    },
  },
  'Inteligenz__X12Parser__Example2_TMHP.txt': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '4010',
    rejections: [],
    ebCount: 4,
    check: (r) => {
      const m = first(r).member!;
      expect(m.demographicsCorrected).toBe(true); // INS*Y*18*001*25
      expect(m.relationship).toBe('18');
      const other = first(r).benefits.filter((b) => b.kind === 'other-payer');
      expect(other).toHaveLength(3);
      expect(other[0]?.dates.map((d) => [d.qualifier, d.start])).toEqual([
        ['193', '2000-05-01'],
        ['194', '2000-06-01'],
      ]);
      expect(other.map((b) => b.entities[0]?.role)).toEqual(['PR', 'IL', 'IL']);
      expect(other[2]?.references[0]).toMatchObject({ qualifier: '6P', value: 'G345678' }); // trailing space trimmed
    },
  },
  'Inteligenz__X12Parser__Example3_CMS_HETS.txt': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '4010',
    rejections: [],
    ebCount: 26,
    check: (r) => {
      const b = first(r).benefits;
      // EB*C**47*MA**29*992: Part A deductible remaining $992.
      expect(b.find((x) => x.code === 'C' && x.insuranceType === 'MA')).toMatchObject({
        amount: 99200,
        amountRole: 'remaining',
      });
      // EB*K**47*MA**33***LA*60: 60 lifetime reserve days remaining.
      expect(b.find((x) => x.code === 'K')).toMatchObject({
        amountRole: 'remaining',
        quantity: { qualifier: 'LA', value: 60 },
      });
      // EB*D*IND**MB*********HC|90669 with the | component separator.
      expect(b.find((x) => x.procedure)?.procedure).toEqual({
        qualifier: 'HC',
        code: '90669',
        modifiers: [],
      });
      expect(b.some((x) => x.code === 'R' && x.coverageLevel === 'IND' && x.insuranceType === '12')).toBe(
        true,
      );
      expect(b.some((x) => x.placesOfService.includes('21'))).toBe(true);
    },
  },
  'Inteligenz__X12Parser__Example_3_1_2.txt': {
    people: 1,
    status: 'error',
    level: 'subscriber',
    version: '5010',
    rejections: [
      '2000A:80/P',
      '2000A:79/N',
      '2100A:79/N',
      '2100A:80/P',
      '2100B:41/C',
      '2100B:41/C',
      '2100C:42/Y',
    ],
    ebCount: 6,
    check: (r) => {
      const b = first(r).benefits;
      expect(b[0]?.rejections.map((x) => `${x.loop}:${x.reason}/${x.followUp}`)).toEqual([
        '2110C:51/N',
        '2110C:60/W',
      ]);
      expect(b[0]?.entities[0]).toMatchObject({ role: 'PR', name: 'COVENTRY HEALTH AND LIFE INSURANCE' });
      // EB*F*IND*12***32*****Y*N: lifetime limit, auth required, out-of-network tier.
      expect(b[1]).toMatchObject({
        kind: 'limitation',
        scope: 'individual',
        timePeriod: '32',
        authorizationRequired: true,
        network: 'out',
      });
      // ISA11 = ISA16 = '^': EB03 still splits into 10 service types.
      expect(b[3]?.serviceTypes).toEqual(GENERIC_STCS);
    },
  },
  'Inteligenz__X12Parser__Example_3_1_3.txt': {
    people: 1,
    status: 'error',
    version: '5010',
    rejections: ['2100B:50/N'],
    ebCount: 0,
    check: (r) => expect(first(r).member).toBeUndefined(),
  },
  'Inteligenz__X12Parser__Example_3_2_2.txt': {
    people: 1,
    status: 'active',
    level: 'dependent',
    version: '5010',
    rejections: [],
    ebCount: 5,
    check: (r) => {
      igHmo(r);
      expect(first(r).member?.relationship).toBe('19');
      expect(first(r).subscriber).toBeDefined();
    },
  },
  'Inteligenz__X12Parser__Example_ErrorWithoutBenefitInfo.txt': {
    people: 1,
    status: 'error',
    level: 'subscriber',
    version: '5010',
    rejections: [
      '2000A:80/P',
      '2000A:79/N',
      '2100A:79/N',
      '2100A:80/P',
      '2100B:41/C',
      '2100B:41/C',
      '2100C:42/Y',
    ],
    ebCount: 0,
  },
  'Inteligenz__X12Parser__FromMunawarAbad.txt': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '4010',
    rejections: [],
    ebCount: 40,
    check: (r) => {
      const b = first(r).benefits;
      expect(b.find((x) => x.code === 'C' && x.serviceTypes.includes('96'))).toMatchObject({
        amount: 0,
        amountRole: 'remaining',
      });
      expect(
        b.filter((x) => x.code === 'D' && x.procedure?.qualifier === 'HC').map((x) => x.procedure?.code),
      ).toContain('G0203');
      expect(b.some((x) => x.code === 'R' && x.serviceTypes.includes('88'))).toBe(true);
    },
  },
  'Inteligenz__X12Parser__From_tcplex.txt': {
    people: 1,
    status: 'inactive',
    level: 'dependent',
    version: '4010',
    rejections: [],
    ebCount: 2,
    check: (r) => {
      expect(first(r).benefits.map((b) => b.code)).toEqual(['6', 'P']);
      expect(first(r).benefits[1]?.messages).toHaveLength(1);
      expect(first(r).member?.dates[0]).toMatchObject({
        qualifier: '307',
        start: '2011-12-17',
        end: '2011-12-17',
      });
    },
  },
  'Inteligenz__X12Parser__ValidationForDependentBenefitInfo.txt': {
    people: 1,
    status: 'active',
    level: 'dependent',
    version: '5010',
    rejections: [],
    ebCount: 1,
    check: (r) =>
      expect(first(r).benefits[0]?.rejections.map((x) => `${x.loop}:${x.reason}/${x.followUp}`)).toEqual([
        '2110D:70/C',
      ]),
  },
  'Inteligenz__X12Parser__ValidationForDependentName.txt': {
    people: 1,
    status: 'error',
    level: 'dependent',
    version: '5010',
    rejections: ['2100D:58/C'],
    ebCount: 1,
  },
  'Inteligenz__X12Parser__ValidationForReceiverName.txt': {
    people: 1,
    status: 'error',
    version: '5010',
    rejections: ['2100B:43/C', '2100B:44/C', '2100B:45/C', '2100B:47/C'],
    ebCount: 0,
  },
  'Inteligenz__X12Parser__ValidationForSource.txt': {
    people: 1,
    status: 'error',
    version: '5010',
    rejections: ['2000A:42/Y'],
    ebCount: 0,
    check: (r) => expect(first(r).rejections[0]?.retry).toBe('wait-for-payer'),
  },
  'Inteligenz__X12Parser__ValidationForSourceName.txt': {
    people: 1,
    status: 'error',
    version: '5010',
    rejections: ['2100A:79/C'],
    ebCount: 0,
  },
  'Inteligenz__X12Parser__ValidationForSubscriberBenefitInfo.txt': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '5010',
    rejections: [],
    ebCount: 1,
    check: (r) => expect(first(r).benefits[0]?.rejections.map((x) => x.reason)).toEqual(['CI', '70']),
  },
  'Inteligenz__X12Parser__ValidationForSubscriberName.txt': {
    people: 1,
    status: 'error',
    level: 'subscriber',
    version: '5010',
    rejections: ['2100C:72/C', '2100C:75/C'],
    ebCount: 0,
  },
  'Inteligenz__X12Parser__ValidationOnAll.txt': {
    // The subscriber has its own AAA (2100C 42/W), so it is answered too, before the dependent.
    people: 2,
    status: 'error',
    level: 'subscriber',
    version: '5010',
    rejections: [
      '2000A:79/N',
      '2000A:42/C',
      '2100A:79/N',
      '2100A:80/P',
      '2100B:41/C',
      '2100B:41/C',
      '2100C:42/W',
    ],
    ebCount: 0,
    check: (r) => {
      const dep = r[1]!;
      expect(dep.member?.level).toBe('dependent');
      expect(dep.rejections.map((x) => `${x.loop}:${x.reason}/${x.followUp}`).slice(-2)).toEqual([
        '2100C:42/W',
        '2100D:35/N',
      ]);
      expect(dep.benefits[0]?.rejections.map((x) => x.reason)).toEqual(['52', '60']);
    },
  },
  'Kartik-Hirijaganer__X12-Parser-Encoder__271_ls_le_wrapper.x12': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '5010',
    rejections: [],
    ebCount: 1,
    check: (r) => expect(first(r).benefits[0]?.references[0]?.qualifier).toBe('6P'),
  },
  'Kartik-Hirijaganer__X12-Parser-Encoder__271_multiple_eb_segments.x12': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '5010',
    rejections: [],
    ebCount: 2,
    check: (r) =>
      expect(first(r).benefits[1]).toMatchObject({
        code: 'B',
        amount: 500,
        timePeriod: '23',
        amountRole: 'total',
      }),
  },
  'Kartik-Hirijaganer__X12-Parser-Encoder__271_rejected_subscriber.x12': {
    people: 1,
    status: 'error',
    level: 'subscriber',
    version: '5010',
    rejections: ['2100C:72/C'],
    ebCount: 0,
  },
  'Kartik-Hirijaganer__X12-Parser-Encoder__gainwell_271_redacted.edi': {
    people: 153,
    status: 'active',
    level: 'subscriber',
    version: '5010',
    rejections: [],
    ebCount: 1,
    check: (r) => {
      // 153 ST/SE; 13 carry an AAA (4 x 71, 8 x 73, 1 x 75); 136 an EB*1; 4 only B/L/MC/R lines.
      const count = (s: string) => r.filter((x) => x.status === s).length;
      expect([count('active'), count('error'), count('unknown')]).toEqual([136, 13, 4]);
      expect(r.flatMap((x) => x.rejections.map((e) => e.reason)).sort()).toEqual([
        '71',
        '71',
        '71',
        '71',
        '73',
        '73',
        '73',
        '73',
        '73',
        '73',
        '73',
        '73',
        '75',
      ]);
      // EB05 "TEST PLAN|A001|MEDICAID": the | is literal text (ISA16 is ':').
      expect(first(r).benefits[0]?.planCoverage).toBe('TEST PLAN|A001|MEDICAID');
      expect(first(r).benefits[0]?.entities[0]).toMatchObject({
        role: 'P5',
        contacts: ['8665550001', 'support001@example.test', '8775550001'],
      });
    },
  },
  'LinuxForHealth__x12__dependent-health-benefit-check.271': {
    people: 1,
    status: 'active',
    level: 'dependent',
    version: '5010',
    rejections: [],
    ebCount: 5,
    check: igHmo,
  },
  'LinuxForHealth__x12__subscriber-health-benefit-check-error.271': {
    people: 1,
    status: 'error',
    version: '5010',
    rejections: ['2100B:50/N'],
    ebCount: 0,
    check: (r) =>
      expect(first(r).rejections[0]).toMatchObject({
        valid: true,
        retry: 'do-not-resubmit',
        reasonName: 'Provider Ineligible for Inquiries',
      }),
  },
  'LinuxForHealth__x12__subscriber-health-benefit-check.271': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    version: '5010',
    rejections: [],
    ebCount: 5,
    check: igHmo,
  },
  'imsweb__x12-parser__x271.txt': {
    people: 1,
    status: 'active',
    level: 'subscriber',
    // GS08 says 004010X092A1 but ST03 says 005010X279A1: ST03 wins, with a warning.
    version: '5010',
    rejections: [],
    ebCount: 1,
    check: (r) => {
      expect(first(r).benefits[0]?.planCoverage).toBe('GOLD 123 PLAN');
      expect(first(r).benefits[0]?.entities[0]?.role).toBe('P3'); // LS/LE without EB*L
    },
  },
};

describe('read271 over every public 271 file (tests/data)', () => {
  const files = dataFiles('x12/271');

  it('has an expectation for every file in the folder', () => {
    expect(files.length).toBe(25);
    expect(files.filter((f) => !(f in FIXTURES))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const want = FIXTURES[file]!;
    const r = read271(dataFile(`x12/271/${file}`));
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    const got = r.right.responses;
    expect(got).toHaveLength(want.people);
    expect(first(got).status).toBe(want.status);
    expect(first(got).member?.level).toBe(want.level);
    expect(first(got).version).toBe(want.version);
    expect(first(got).rejections.map((x) => `${x.loop}:${x.reason}/${x.followUp}`)).toEqual(want.rejections);
    expect(first(got).benefits).toHaveLength(want.ebCount);
    want.check?.(got);
  });
});
