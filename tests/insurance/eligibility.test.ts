// Worked cases T1-T9 of the insurance reference (§12, "Eligibility and parsing"), plus network,
// visit-limit and coverage-record checks of checkEligibility.
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  parseEligibilityQuery,
  type EligibilityQuery,
} from '../../src/insurance/eligibility.js';
import { coveragePeriods } from '../../src/insurance/eligibilityDates.js';
import type { EligibilityResponse } from '../../src/insurance/eligibilityModel.js';
import { parseCoverage } from '../../src/insurance/model.js';
import { read271 } from '../../src/insurance/x12/read271.js';
import { dataFile } from '../support/testData.js';
import { wrap271 } from './x12/build.js';

const one = (text: string, n = 0): EligibilityResponse => {
  const r = read271(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.responses[n]!;
};
const q = (
  serviceType: string,
  dateOfService: string,
  providerNetwork: EligibilityQuery['providerNetwork'] = 'in',
  visits = 1,
) => ({
  serviceType,
  dateOfService,
  providerNetwork,
  visits,
});
const codes = (c: ReturnType<typeof checkEligibility>) => c.reasons.map((r) => r.code);

describe('T1 error is not inactive', () => {
  it('AAA*N**75*C in 2100C is an error with correct-and-resubmit, not inactive', () => {
    const r = one(wrap271(['AAA*N**75*C']));
    expect(r.status).toBe('error');
    expect(r.rejections[0]).toMatchObject({
      loop: '2100C',
      reason: '75',
      reasonName: 'Subscriber/Insured Not Found',
      retry: 'correct-and-resubmit',
    });
    const c = checkEligibility(r, q('30', '2026-11-23'));
    expect(c.outcome).toBe('needs-action');
    expect(c.coverageStatus).toBe('error');
    expect(codes(c)).toEqual(['eligibility.payer-rejected']);
    expect(c.reasons[0]?.nextStep).toMatch(/correct/);
  });

  it('AAA*Y**42*Y at 2000A is error 42: the payer will respond again', () => {
    const r = one(dataFile('x12/271/Inteligenz__X12Parser__ValidationForSource.txt'));
    expect(r.status).toBe('error');
    expect(r.rejections[0]).toMatchObject({
      loop: '2000A',
      reason: '42',
      followUp: 'Y',
      retry: 'wait-for-payer',
    });
    expect(checkEligibility(r, q('30', '2026-11-23')).reasons[0]?.nextStep).toMatch(/respond again/);
  });
});

describe('T2 date-bounded inactivity (segments of ManjuSagar/fs 271.edi)', () => {
  const r = one(
    wrap271([
      'DTP*307*RD8*20140201-20141031',
      'EB*6**30',
      'DTP*307*RD8*20140301-20140503',
      'EB*I**41^54',
      'EB*1**30^10^42^45^48^49^69^76^83^A5^A7^AG^BT^BU^BV*MA',
      'DTP*291*D8*20050401',
      'EB*1**30^2^3^5^10^14^23^24^25^26^27^28^33^36^37^38^39^40^42^50^51^52^53^67^69^73^76^83^86^98*MB',
      'DTP*291*D8*20050401',
    ]),
  );
  it('is inactive on 2014-04-15 (inside the EB*6 range)', () => {
    const c = checkEligibility(r, q('30', '2014-04-15'));
    expect(c.coverageStatus).toBe('inactive');
    expect(c.outcome).toBe('not-eligible');
    expect(codes(c)).toContain('eligibility.inactive-on-date');
  });
  it('lists the status lines with their date windows', () => {
    expect(coveragePeriods(r).map((p) => [p.status, p.insuranceType, p.start, p.end])).toEqual([
      ['inactive', undefined, '2014-03-01', '2014-05-03'],
      ['active', 'MA', '2005-04-01', undefined],
      ['active', 'MB', '2005-04-01', undefined],
    ]);
  });
  it('is active on 2014-06-01', () => {
    const c = checkEligibility(r, q('30', '2014-06-01'));
    expect(c.coverageStatus).toBe('active');
    expect(c.outcome).toBe('eligible');
  });
});

describe('T3 plan end before the date of service', () => {
  it('EB*1**30 with DTP*347 2025-12-31 is not active on 2026-01-05', () => {
    const r = one(wrap271(['EB*1**30', 'DTP*347*D8*20251231']));
    expect(r.status).toBe('active'); // as of the inquiry
    const c = checkEligibility(r, q('30', '2026-01-05'));
    expect(c.coverageStatus).toBe('inactive');
    expect(codes(c)).toEqual(['eligibility.inactive-on-date']);
    expect(checkEligibility(r, q('30', '2025-12-31')).outcome).toBe('eligible');
  });
});

describe('T4 delimiters', () => {
  it('EB03 repeats with ISA11 ^ and with ISA11 >', () => {
    expect(one(wrap271(['EB*1**1^33^35']), 0).benefits[0]?.serviceTypes).toEqual(['1', '33', '35']);
    expect(one(wrap271(['EB*1**1>33>35'], { repetition: '>' })).benefits[0]?.serviceTypes).toEqual([
      '1',
      '33',
      '35',
    ]);
  });
  it('ISA11 = ISA16 = ^ does not split EB13 components as repetitions', () => {
    const b = one(
      wrap271(['EB*1**1^33', 'EB*D***MB*********HC^G0117^25'], { repetition: '^', component: '^' }),
    ).benefits;
    expect(b[0]?.serviceTypes).toEqual(['1', '33']);
    expect(b[1]?.procedure).toEqual({ qualifier: 'HC', code: 'G0117', modifiers: ['25'] });
  });
  it('EB05 text with | is literal when | is no delimiter', () => {
    expect(one(wrap271(['EB*1**30*MC*TEST PLAN|A001|MEDICAID'])).benefits[0]?.planCoverage).toBe(
      'TEST PLAN|A001|MEDICAID',
    );
  });
});

describe('T5 other payer for a service', () => {
  const r = one(
    wrap271([
      'EB*1**30^1^2^4^5^6^7^12^13^18^20^40^42^45^47^48^49^50^51^52^53^62^67^73^76^78^80^81^82^86^88^93^98^A4^AL^MH^UC*MB',
      'EB*1**88',
      'EB*R**88*OT',
      'REF*18*S5601 203',
      'LS*2120',
      'NM1*PR*2*SILVERSCRIPT INSURANCE COMPANY',
      'LE*2120',
    ]),
  );
  it('pharmacy (88) goes to the Part D plan, not the responding payer', () => {
    const c = checkEligibility(r, q('88', '2026-11-23'));
    expect(c.outcome).toBe('not-eligible');
    expect(c.reasons[0]).toMatchObject({ code: 'eligibility.other-payer', effect: 'not-eligible' });
    expect(c.reasons[0]?.message).toMatch(/entity PR/);
  });
  it('an office visit (98) stays with this payer', () => {
    expect(checkEligibility(r, q('98', '2026-11-23')).outcome).toBe('eligible');
  });
});

describe('T6 non-covered by STC', () => {
  const r = one(wrap271(['EB*1**30^1^98', 'EB*I**41^54']));
  it('routine dental (41) and long-term care (54) are not covered', () => {
    for (const stc of ['41', '54']) {
      const c = checkEligibility(r, q(stc, '2026-11-23'));
      expect(c.outcome).toBe('not-eligible');
      expect(codes(c)).toEqual(['eligibility.service-not-covered']);
    }
  });
  it('other service types are still covered', () => {
    expect(checkEligibility(r, q('98', '2026-11-23')).outcome).toBe('eligible');
  });
});

describe('T8 authorization unknown', () => {
  it('EB11 absent on STC 48 is unknown, not false', () => {
    const r = one(wrap271(['EB*1**30', 'EB*C**48***23*1500']));
    const c = checkEligibility(r, q('48', '2026-11-23'));
    expect(c.priorAuthorization.required).toBe('unknown');
    expect(c.priorAuthorization.reason).toMatch(/not sent/);
    expect(c.outcome).toBe('eligible');
  });
  it('EB11 = U is unknown with the payer reason', () => {
    const r = one(wrap271(['EB*1**48', 'EB*C**48***23*1500****U']));
    expect(r.benefits[1]?.authorizationRequired).toBe('unknown');
    expect(checkEligibility(r, q('48', '2026-11-23')).priorAuthorization.reason).toMatch(/answered U/);
  });
  it('EB11 = Y requires prior authorization', () => {
    const r = one(wrap271(['EB*1**48', 'EB*C**48***23*1500****Y']));
    const c = checkEligibility(r, q('48', '2026-11-23'));
    expect(c.priorAuthorization.required).toBe(true);
    expect(c.outcome).toBe('needs-action');
    expect(codes(c)).toEqual(['eligibility.prior-auth-required']);
  });
  it('AAA AE in 2110 means PCP authorization (referral) required', () => {
    const r = one(wrap271(['EB*1**30', 'EB*1**A7', 'AAA*Y**AE*C']));
    expect(r.benefits[1]?.rejections[0]).toMatchObject({ loop: '2110C', reason: 'AE' });
    const c = checkEligibility(r, q('A7', '2026-11-23'));
    expect(c.referral.required).toBe(true);
    expect(codes(c)).toContain('eligibility.referral-required');
  });
});

describe('T9 network indicator W', () => {
  const r = one(wrap271(['EB*1**30', 'EB*C*IND*30***23*500*****W', 'EB*C*IND*30***23*1000*****U']));
  it('W applies to both networks, U is unknown', () => {
    expect(r.benefits.slice(1).map((b) => b.network)).toEqual(['both', 'unknown']);
    for (const net of ['in', 'out'] as const)
      expect(checkEligibility(r, q('30', '2026-11-23', net)).benefits.some((b) => b.amount === 50000)).toBe(
        true,
      );
  });
  it('a missing EB12 is unspecified', () => {
    expect(one(wrap271(['EB*C*IND*30***23*500'])).benefits[0]?.network).toBe('unspecified');
  });
});

describe('network, other coverage and visit limits', () => {
  const hmo = one(wrap271(['EB*1**30**GOLD HMO', 'EB*B**98*HM**27*25*****Y', 'EB*B**86*HM**27*150*****W']));
  it('an HMO with only in-network lines denies an out-of-network office visit', () => {
    const c = checkEligibility(hmo, q('98', '2026-11-23', 'out'));
    expect(c.outcome).toBe('not-eligible');
    expect(codes(c)).toEqual(['eligibility.out-of-network']);
    expect(checkEligibility(hmo, q('98', '2026-11-23', 'in')).outcome).toBe('eligible');
  });
  it('emergency care (86) is not denied for network', () => {
    expect(checkEligibility(hmo, q('86', '2026-11-23', 'out')).outcome).toBe('eligible');
  });
  it('EB*F remaining visits below the planned visits exhausts the limit (T25 shape)', () => {
    const r = one(wrap271(['EB*1**30', 'EB*F**PT***23***VS*20', 'EB*F**PT***29***VS*3']));
    expect(checkEligibility(r, q('PT', '2026-11-23', 'in', 3)).outcome).toBe('eligible');
    const c = checkEligibility(r, q('PT', '2026-11-23', 'in', 5));
    expect(codes(c)).toEqual(['eligibility.visit-limit-exhausted']);
  });
  it('general other coverage (EB*R on 30) asks to confirm the order of benefits', () => {
    const r = one(wrap271(['EB*1**30', 'EB*R**30*12']));
    const c = checkEligibility(r, q('98', '2026-11-23'));
    expect(c.outcome).toBe('needs-action');
    expect(c.reasons[0]?.nextStep).toMatch(/order of benefits/);
  });
  it('no status line at all is unknown, needs action', () => {
    const c = checkEligibility(one(wrap271(['EB*B**98***27*25'])), q('98', '2026-11-23'));
    expect(codes(c)).toEqual(['eligibility.unknown']);
  });
});

describe('checkEligibility on a stored coverage record', () => {
  const cov = parseCoverage({
    id: 'cov-1',
    payerId: 'payer-1',
    planType: 'PPO',
    memberId: 'W1',
    relationship: 'self',
    subscriber: {},
    effective: { start: '2026-01-01', end: '2026-12-31' },
  });
  it('is eligible inside the effective period and not after it', () => {
    if (cov._tag === 'Left') throw new Error(cov.left.message);
    expect(checkEligibility(cov.right, q('30', '2026-11-23')).outcome).toBe('eligible');
    expect(checkEligibility(cov.right, q('30', '2027-01-02')).reasons[0]?.code).toBe(
      'eligibility.inactive-on-date',
    );
  });
});

describe('parseEligibilityQuery', () => {
  it('accepts a query and names bad fields', () => {
    expect(
      parseEligibilityQuery({ serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'in' })._tag,
    ).toBe('Right');
    const bad = parseEligibilityQuery({
      serviceType: '98',
      dateOfService: '11/23/2026',
      providerNetwork: 'maybe',
    });
    expect(bad._tag === 'Left' && bad.left.issues.map((i) => i.path)).toEqual([
      'dateOfService',
      'providerNetwork',
    ]);
  });
});
