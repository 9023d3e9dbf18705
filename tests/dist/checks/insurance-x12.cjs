// X12 270/271, eligibility, clearinghouse JSON and FHIR against the built medoffice/insurance.
module.exports = (insurance, assert) => {
  const isa = 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261123*0800*^*00501*000000001*0*T*:~';
  const body = ['ST*271*0001*005010X279A1', 'BHT*0022*11*R1*20261123*0800', 'HL*1**20*1', 'NM1*PR*2*ACME*****PI*1',
    'HL*2*1*21*1', 'NM1*1P*2*CLINIC*****XX*1234567893', 'HL*3*2*22*0', 'NM1*IL*1*DOE*JANE****MI*W1',
    'EB*1**30', 'EB*B**1^98*HM**27*25*****Y', 'EB*I**41^54'];
  const text = [isa, 'GS*HB*PAYER*CLINIC*20261123*0800*1*X*005010X279A1~', ...body.map((s) => `${s}~`),
    `SE*${body.length + 1}*0001~`, 'GE*1*1~', 'IEA*1*000000001~'].join('\n');
  assert.equal(insurance.parseX12(text)._tag, 'Right');
  assert.equal(insurance.parseX12('').left.code, 'x12.empty');
  const read = insurance.read271(text);
  const response = read.right.responses[0];
  assert.equal(response.status, 'active');
  assert.deepEqual(response.benefits[1].serviceTypes, ['1', '98']);
  assert.equal(response.benefits[1].amount, 2500);
  const q = { serviceType: '41', dateOfService: '2026-11-23', providerNetwork: 'in' };
  assert.equal(insurance.checkEligibility(response, q).reasons[0].code, 'eligibility.service-not-covered');
  assert.equal(insurance.checkEligibility(response, { ...q, serviceType: '98', providerNetwork: 'out' }).outcome, 'not-eligible');
  const inputs = insurance.benefitsFromEligibility(response, { serviceType: '98', network: 'in', dateOfService: '2026-11-23' });
  assert.equal(inputs.right.benefitSet.benefits[0].copay, 2500);
  const built = insurance.build270({ interchangeControlNumber: 1, reference: 'R1', createdAt: { date: '2026-11-23', time: '08:00' },
    sender: { id: 'CLINIC' }, receiver: { id: 'ACME' }, payer: { name: 'ACME', id: '1' },
    provider: { name: 'CLINIC', npi: '1234567893' }, subscriber: { memberId: 'W1', lastName: 'DOE' } });
  assert.equal(insurance.parseX12(built.right).right.groups[0].transactions[0].type, '270');
  const json = insurance.fromClearinghouseEligibility({ benefitsInformation: [{ code: '6', serviceTypeCodes: ['30'] }] });
  assert.equal(json.right.status, 'inactive');
  const cer = insurance.toFhirCoverageEligibilityResponse(response, { patient: 'Patient/p', insurer: 'Organization/o', created: '2026-11-23' });
  assert.equal(cer.outcome, 'complete');
  assert.equal(insurance.SERVICE_TYPE_CODES['98'], 'Professional (Physician) Visit - Office');
};
