// The code of docs/guides/insurance-x12.md (pulled in with {@includeCode}); tests/examples runs it
// and checks the values the guide states. Run it: `npx tsx examples/guides/insuranceX12.ts`.
import {
  benefitsFromEligibility,
  build270,
  checkEligibility,
  collectAtCheckIn,
  estimateCostShare,
  fromClearinghouseEligibility,
  parseClaimLines,
  read271,
  SERVICE_TYPE_CODES,
  toFhirCoverageEligibilityResponse,
  type EligibilityResponse,
} from '../../src/insurance/index.js';
import { isoDate } from '../../src/core/index.js';

// A real 5010 271 (LinuxForHealth/x12, Apache-2.0: src/tests/resources/271_005010X279A1/
// subscriber-health-benefit-check.271), byte for byte: tests compare it with the public file.
// #region sample
export const SUBSCRIBER_271 = `ISA*03*9876543210*01*9876543210*30*000000005      *30*12345          *131031*1147*^*00501*000000907*1*T*:~
GS*HB*000000005*54321*20131031*1147*1*X*005010X279A1~
ST*271*4321*005010X279A1~
BHT*0022*11*10001234*20060501*1319~
HL*1**20*1~
NM1*PR*2*ABC COMPANY*****PI*841610001~
HL*2*1*21*1~
NM1*1P*2*BONE AND JOIN CLINIC*****SV*2000035~
HL*3*2*22*0~
TRN*2*93175-012547*9877281234~
NM1*IL*1*SMITH*JOHN****MI*123456789~
N3*15197 BROADWAY AVENUE*APT 215~
N4*KANSAS CITY*MO*64108~
DMG*D8*19630519*M~
DTP*346*D8*20060101~
EB*1**30**GOLD 123 PLAN~
EB*L~
LS*2120~
NM1*P3*1*JONES*MARCUS****SV*0202034~
LE*2120~
EB*1**1^33^35^47^86^88^98^AL^MH^UC~
EB*B**1^33^35^47^86^88^98^AL^MH^UC*HM*GOLD 123 PLAN*27*10.00*****Y~
EB*B**1^33^35^47^86^88^98^AL^MH^UC*HM*GOLD 123 PLAN*27*30.00*****N~
SE*22*4321~
GE*1*1~
IEA*1*000000907~`;
// #endregion sample

// A real rejection (Kartik-Hirijaganer/X12-Parser-Encoder, MIT: packages/x12-edi-tools/tests/
// fixtures/271_rejected_subscriber.x12), byte for byte.
export const REJECTED_271 = `ISA*00*          *00*          *ZZ*ACMEHOMEHLTH   *ZZ*DCMEDICAID     *260412*1215*^*00501*000000004*0*T*:~
GS*HS*ACMEHOMEHLTH*DCMEDICAID*20260412*1215*4*X*005010X279A1~
ST*271*0001*005010X279A1~
BHT*0022*11*20001235*20260412*1215~
HL*1**20*1~
NM1*PR*2*DC MEDICAID*****PI*DCMEDICAID~
HL*2*1*21*1~
NM1*1P*2*ACME HOME HEALTH*****XX*1234567893~
HL*3*2*22*0~
TRN*2*TRACE0002*9877281234~
NM1*IL*1*DOE*REJECTED****MI*000123452~
AAA*N**72*C~
SE*11*0001~
GE*1*4~
IEA*1*000000004~
`;

// A clearinghouse reply in the Change Healthcare v3 shape (WeInfuse/change_health, MIT:
// 000041.example.response.json), value for value.
export const CLEARINGHOUSE_000041: unknown = {
  benefitsInformation: [
    {
      benefitsRelatedEntity: {
        address: {
          address1: 'PO Box 111111',
          city: 'Test City',
          postalCode: '11111',
          state: 'TX',
        },
        entityIdentifier: 'Payer',
        entityName: 'Unknown',
        entityType: 'Non-Person Entity',
      },
      code: 'W',
      name: 'Other Source of Data',
    },
    {
      code: '6',
      name: 'Inactive',
      planCoverage: 'Open Choice',
      serviceTypeCodes: ['30'],
      serviceTypes: ['Health Benefit Plan Coverage'],
    },
  ],
  controlNumber: '110579080',
  payer: {
    entityIdentifier: 'Payer',
    entityType: 'Non-Person Entity',
    name: 'Unknown',
    payorIdentification: '000041',
  },
  planDateInformation: {
    eligibilityBegin: '20131210',
    plan: '20131210-20131212',
    service: '20160819',
  },
  planStatus: [
    {
      planDetails: 'Open Choice',
      serviceTypeCodes: ['30'],
      status: 'Inactive',
      statusCode: '6',
    },
  ],
  provider: {
    npi: '0123456789',
    providerName: 'Bobson',
  },
  reassociationKey: '110579080',
  subscriber: {
    address: {
      address1: 'PO Box 111111',
      city: 'Test City',
      postalCode: '11111',
      state: 'TX',
    },
    dateOfBirth: '18800102',
    firstName: 'johnOne',
    gender: 'M',
    lastName: 'doeOne',
    memberId: '0000000000',
  },
  subscriberTraceNumbers: [
    {
      originatingCompanyIdentifier: '9EMDEON999',
      referenceIdentification: '110579080',
      traceType: 'Referenced Transaction Trace Numbers',
      traceTypeCode: '2',
    },
  ],
  tradingPartnerServiceId: '000041',
};

export const reading = () => {
  // #region read
  const result = read271(SUBSCRIBER_271); // Either: never throws, on any input
  if (result._tag === 'Left') {
    // Only input that cannot be read at all: x12.empty, x12.missing-isa, x12.isa-truncated, x12.truncated
    console.log(result.left.code, result.left.message);
  } else {
    for (const response of result.right.responses) {
      console.log(response.member?.level, response.status); // 'subscriber' 'active'
      for (const b of response.benefits)
        console.log(b.kind, b.serviceTypes.join(' '), b.network, b.amount ?? '');
      // active 30 unspecified
      // primary-care-provider  unspecified
      // active 1 33 35 47 86 88 98 AL MH UC unspecified
      // copay 1 33 35 47 86 88 98 AL MH UC in 1000
      // copay 1 33 35 47 86 88 98 AL MH UC out 3000
    }
  }
  // #endregion read
  return result;
};

export const rejection = () => {
  // #region rejected
  const rejected = read271(REJECTED_271); // ... NM1*IL*1*DOE*REJECTED****MI*000123452~AAA*N**72*C~ ...
  if (rejected._tag === 'Right') {
    const [response] = rejected.right.responses;
    console.log(response?.status); // 'error': a rejected inquiry, not inactive coverage
    console.log(response?.rejections[0]?.reasonName); // 'Invalid/Missing Subscriber/Insured ID'
    console.log(response?.rejections[0]?.retry); // 'correct-and-resubmit'
  }
  // #endregion rejected
  return rejected;
};

const firstResponse = (): EligibilityResponse => {
  const result = read271(SUBSCRIBER_271);
  const response = result._tag === 'Right' ? result.right.responses[0] : undefined;
  if (!response) throw new Error('the sample 271 reads');
  return response;
};

export const checking = () => {
  const response = firstResponse();
  // #region check
  const inNetwork = checkEligibility(response, {
    serviceType: '98', // office visit (EB03 code)
    dateOfService: isoDate('2026-11-23'),
    providerNetwork: 'in', // your provider's status with this payer
  });
  console.log(inNetwork.outcome); // 'eligible'
  console.log(inNetwork.priorAuthorization); // { required: 'unknown', reason: 'the authorization indicator was not sent ...' }

  const outOfNetwork = checkEligibility(response, {
    serviceType: '30', // health benefit plan coverage
    dateOfService: isoDate('2026-11-23'),
    providerNetwork: 'out',
  });
  console.log(outOfNetwork.outcome); // 'not-eligible'
  for (const r of outOfNetwork.reasons) console.log(r.code, r.message, '->', r.nextStep);
  // eligibility.out-of-network  the plan (insurance type HM) lists no out-of-network benefit for service type 30
  //   -> refer to an in-network provider, or collect self-pay with a signed waiver
  // #endregion check
  const officeOut = checkEligibility(response, {
    serviceType: '98',
    dateOfService: isoDate('2026-11-23'),
    providerNetwork: 'out',
  });
  return { inNetwork, outOfNetwork, officeOut };
};

export const owing = () => {
  const response = firstResponse();
  // #region owes
  const inputs = benefitsFromEligibility(response, {
    serviceType: '98',
    network: 'in',
    dateOfService: '2026-11-23',
  });
  const lines = parseClaimLines([
    { id: '1', serviceDate: '2026-11-23', serviceType: '98', network: 'in', allowed: 9800 },
  ]);
  if (inputs._tag === 'Left' || lines._tag === 'Left') throw new Error('check the inputs');

  const { benefitSet, accumulators, assumptions } = inputs.right;
  const estimate = estimateCostShare(lines.right, benefitSet, accumulators, { order: 'claim' });
  if (estimate._tag === 'Right')
    console.log(collectAtCheckIn(estimate.right, { kind: 'copay-only' }).collectNow); // 1000: the $10 in-network copay
  console.log(assumptions); // every default used where the 271 was silent
  // #endregion owes
  return { inputs: inputs.right, estimate };
};

export const clearinghouse = () => {
  // #region clearinghouse
  const reply = fromClearinghouseEligibility(CLEARINGHOUSE_000041); // e.g. JSON.parse(body)
  if (reply._tag === 'Right') {
    console.log(reply.right.status); // 'inactive': benefitsInformation has code 6 for STC 30
    const check = checkEligibility(reply.right, {
      serviceType: '30',
      dateOfService: isoDate('2016-08-19'),
      providerNetwork: 'in',
    });
    console.log(check.outcome, check.reasons[0]?.code); // 'not-eligible' 'eligibility.inactive-on-date'
  }
  // #endregion clearinghouse
  return reply;
};

export const asking = () => {
  // #region build270
  const request = build270({
    interchangeControlNumber: 907,
    reference: 'REQ907',
    createdAt: { date: '2026-11-23', time: '07:45' }, // passed in: nothing reads a clock
    sender: { id: 'MAPLECLINIC' },
    receiver: { id: 'ACMEHEALTH' },
    payer: { name: 'ACME HEALTH', id: '842610001' },
    provider: { name: 'MAPLE FAMILY CLINIC', npi: '1234567893' },
    subscriber: { memberId: 'W123456789', lastName: 'SMITH', firstName: 'ROBERT', birthDate: '1943-05-19' },
    dateOfService: '2026-11-23',
    serviceTypes: ['30'],
  }); // Right(text) or Left(ValidationError) naming the bad fields
  // Right('ISA*00*          *00*          *ZZ*MAPLECLINIC    *ZZ*ACMEHEALTH     *261123*0745*^*00501*000000907*0*P*:~\n
  //        GS*HS*...~\nST*270*0001*005010X279A1~\n ... EQ*30~\nSE*13*0001~\nGE*1*907~\nIEA*1*000000907~')
  // #endregion build270
  return request;
};

export const fhir = () => {
  const response = firstResponse();
  // #region fhir
  const resource = toFhirCoverageEligibilityResponse(response, {
    patient: 'Patient/pat-001',
    insurer: 'Organization/abc-company',
    created: '2026-11-23',
  });
  // { resourceType: 'CoverageEligibilityResponse', outcome: 'complete', insurance: [{ inforce: true, item: [
  //   { category: 30 }, { category: 1, network: 'in', benefit: [{ type: 'copay', allowedMoney: { value: 10 } }] },
  //   ... one $10 in-network copay item per service type (1, 33, 35, 47, 86, 88, 98, AL, MH, UC),
  //   then the ten $30 out-of-network ones ] }] }
  // #endregion fhir
  return resource;
};

export const tracing = () => {
  // #region trace
  const result = read271(SUBSCRIBER_271);
  if (result._tag === 'Right') {
    const response = result.right.responses[0];
    console.log(response?.member?.traceNumbers);
    // [{ type: '2', number: '93175-012547', originator: '9877281234' }]: the 270's TRN, echoed
    console.log(response?.payer); // { name: 'ABC COMPANY', id: '841610001', idQualifier: 'PI' }
    console.log(response?.provider.idQualifier, response?.member?.memberIdQualifier); // 'SV' 'MI'
  }
  // #endregion trace
  return result;
};

export const serviceTypeName = SERVICE_TYPE_CODES['98']; // 'Professional (Physician) Visit - Office'

if (process.argv[1]?.endsWith('insuranceX12.ts'))
  console.log(
    JSON.stringify(
      {
        reading: reading(),
        tracing: tracing(),
        rejection: rejection(),
        checking: checking(),
        owing: owing(),
        clearinghouse: clearinghouse(),
        asking: asking(),
        fhir: fhir(),
      },
      null,
      1,
    ).slice(0, 3000),
  );
