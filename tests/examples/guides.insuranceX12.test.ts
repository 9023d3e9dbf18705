// docs/guides/insurance-x12.md: runs examples/guides/insuranceX12.ts and checks what the guide says
// it prints. The samples inlined in the example must be the public files, unchanged.
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/insuranceX12.js';
import { read271 } from '../../src/insurance/index.js';
import { dataFile } from '../support/testData.js';
import { quietConsole, right } from './support.js';

describe('insurance-x12.md', () => {
  quietConsole();

  describe('the inlined samples are the public files', () => {
    it('LinuxForHealth subscriber 271, rejection 271 and Change Healthcare 000041 JSON', () => {
      expect(guide.SUBSCRIBER_271).toBe(
        dataFile('x12/271/LinuxForHealth__x12__subscriber-health-benefit-check.271'),
      );
      expect(guide.REJECTED_271).toBe(
        dataFile('x12/271/Kartik-Hirijaganer__X12-Parser-Encoder__271_rejected_subscriber.x12'),
      );
      expect(guide.CLEARINGHOUSE_000041).toEqual(
        JSON.parse(dataFile('x12/json/WeInfuse__change_health__000041.example.response.json')),
      );
    });
  });

  it('read: one active subscriber; EB03 repetitions split; EB12 Y / N as in / out; $10 and $30', () => {
    const [response, ...rest] = right(guide.reading()).responses;
    expect(rest).toEqual([]);
    expect(response?.member?.level).toBe('subscriber'); // HL*3*2*22*0: 2000C
    expect(response?.status).toBe('active'); // EB*1
    const copays = response?.benefits.filter((b) => b.kind === 'copay') ?? [];
    // EB*B**1^33^35^47^86^88^98^AL^MH^UC*HM*...*27*10.00*****Y and ...*30.00*****N
    expect(copays.map((b) => [b.serviceTypes.length, b.network, b.amount, b.insuranceType])).toEqual([
      [10, 'in', 1000, 'HM'],
      [10, 'out', 3000, 'HM'],
    ]);
    expect(copays[0]?.authorizationRequired).toBe('unknown'); // EB11 absent
  });

  it('rejected: AAA*N**72*C is an error with correct-and-resubmit; 75/C and 42/Y as the guide says', () => {
    const [response] = right(guide.rejection()).responses;
    expect(response?.status).toBe('error');
    expect(response?.rejections[0]).toMatchObject({
      reason: '72',
      reasonName: 'Invalid/Missing Subscriber/Insured ID',
      retry: 'correct-and-resubmit',
    });
    const variant = (aaa: string) =>
      right(read271(guide.REJECTED_271.replace('AAA*N**72*C', aaa))).responses[0];
    expect(variant('AAA*N**75*C')).toMatchObject({
      status: 'error',
      rejections: [{ retry: 'correct-and-resubmit' }],
    });
    expect(variant('AAA*Y**42*Y')).toMatchObject({
      status: 'error',
      rejections: [{ retry: 'wait-for-payer' }],
    });
  });

  it('check: office visit in network eligible; STC 30 out of network not eligible (HMO)', () => {
    const { inNetwork, outOfNetwork, officeOut } = guide.checking();
    expect(inNetwork.outcome).toBe('eligible');
    expect(inNetwork.priorAuthorization.required).toBe('unknown');
    expect(outOfNetwork.outcome).toBe('not-eligible');
    expect(outOfNetwork.reasons.map((r) => r.code)).toEqual(['eligibility.out-of-network']);
    expect(outOfNetwork.reasons[0]?.message).toContain('insurance type HM');
    expect(officeOut.outcome).toBe('eligible'); // the $30 out-of-network copay lists STC 98
  });

  it('owes: the $10 in-network copay on a $98 visit; the assumptions are listed', () => {
    const { inputs, estimate } = guide.owing();
    const e = right(estimate);
    expect(e.total).toMatchObject({ copay: 1000, planPays: 8800, patientPays: 1000 }); // 98 - 10 = 88
    expect(inputs.assumptions.length).toBeGreaterThan(0);
    expect(inputs.assumptions.join('\n')).toContain('calendar year'); // no EB06 23 in the 271
  });

  it('clearinghouse: 000041 is inactive; the service date is not covered', () => {
    const reply = right(guide.clearinghouse());
    expect(reply.status).toBe('inactive'); // benefitsInformation code 6
    expect(reply.payer).toMatchObject({ id: '000041' });
  });

  it('build270: a 5010 270 with the request fields, 13 segments between ST and SE', () => {
    const text = right(guide.asking());
    const segments = text.split(/~\n?/).filter((s) => s !== '');
    expect(segments[0]).toMatch(
      /^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*MAPLECLINIC {4}\*ZZ\*ACMEHEALTH {5}\*261123\*0745\*/,
    );
    expect(segments).toContain('ST*270*0001*005010X279A1');
    expect(segments).toContain('NM1*1P*2*MAPLE FAMILY CLINIC*****XX*1234567893');
    expect(segments).toContain('NM1*IL*1*SMITH*ROBERT****MI*W123456789');
    expect(segments).toContain('DMG*D8*19430519');
    expect(segments).toContain('DTP*291*D8*20261123');
    expect(segments).toContain('EQ*30');
    // ST, BHT, HL, NM1, HL, NM1, HL, TRN, NM1, DMG, DTP, EQ, SE = 13
    expect(segments).toContain('SE*13*0001');
    expect(segments.at(-1)).toBe('IEA*1*000000907');
  });

  it('fhir: in-force, one item per benefit and service type, the copays as money with their network', () => {
    const resource = guide.fhir();
    expect(resource).toMatchObject({ resourceType: 'CoverageEligibilityResponse', outcome: 'complete' });
    const items = resource.insurance?.[0]?.item ?? [];
    expect(resource.insurance?.[0]?.inforce).toBe(true);
    const copays = items.filter((i) => i.benefit?.[0]?.type.coding?.[0]?.code === 'copay');
    // ten service types on each copay line → ten items each; the office visit (98) is found by its code
    expect(copays).toHaveLength(20);
    const office = copays.filter((i) => i.category?.coding?.[0]?.code === '98');
    expect(office.map((i) => [i.network?.coding?.[0]?.code, i.benefit?.[0]?.allowedMoney?.value])).toEqual([
      ['in', 10],
      ['out', 30],
    ]);
  });

  it('trace: the 270 trace echoed in TRN (2000C), payer PI, provider SV, member MI', () => {
    const r = right(guide.tracing()).responses[0];
    expect(r?.member?.traceNumbers).toEqual([
      { type: '2', number: '93175-012547', originator: '9877281234' },
    ]);
    expect(r?.payer).toEqual({ name: 'ABC COMPANY', id: '841610001', idQualifier: 'PI' });
    expect([r?.provider.idQualifier, r?.member?.memberIdQualifier]).toEqual(['SV', 'MI']);
  });

  it('service type names are a code table', () => {
    expect(guide.serviceTypeName).toBe('Professional (Physician) Visit - Office'); // X12 EB03 code 98
  });
});
