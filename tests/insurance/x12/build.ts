import type { EligibilityRequest } from '../../../src/insurance/x12/build270.js';

// Builds small 5010 271 interchanges in memory for the worked cases: a fixed 106-character ISA
// (element '*', repetition ISA11, component ISA16, terminator '~'), payer, provider, subscriber.

export const isa = (repetition = '^', component = ':'): string =>
  `ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261123*0800*${repetition}*00501*000000001*0*T*${component}~`;

export const wrap271 = (
  subscriberLoop: readonly string[],
  opts: { repetition?: string; component?: string } = {},
): string => {
  const body = [
    'ST*271*0001*005010X279A1',
    'BHT*0022*11*REQ0001*20261123*0800',
    'HL*1**20*1',
    'NM1*PR*2*ACME HEALTH*****PI*12345',
    'HL*2*1*21*1',
    'NM1*1P*2*MAPLE CLINIC*****XX*1234567893',
    'HL*3*2*22*0',
    'NM1*IL*1*DOE*JANE****MI*W123456789',
    ...subscriberLoop,
  ];
  const segments = [...body, `SE*${body.length + 1}*0001`];
  return [
    isa(opts.repetition, opts.component),
    'GS*HB*PAYER*CLINIC*20261123*0800*1*X*005010X279A1~',
    ...segments.map((s) => `${s}~`),
    'GE*1*1~IEA*1*000000001~',
  ].join('\n');
};

/** A 270 request for a subscriber (IG example values), shared by the build270 tests. */
export const request270: EligibilityRequest = {
  interchangeControlNumber: 907,
  reference: '93175-012547',
  createdAt: { date: '2026-11-23', time: '07:45' },
  sender: { id: 'MAPLECLINIC' },
  receiver: { id: 'ACMEHEALTH' },
  payer: { name: 'ACME HEALTH', id: '842610001' },
  provider: { name: 'MAPLE FAMILY CLINIC', npi: '1234567893' },
  subscriber: { memberId: 'W123456789', lastName: 'SMITH', firstName: 'ROBERT', birthDate: '1943-05-19' },
  dateOfService: '2026-11-23',
};
