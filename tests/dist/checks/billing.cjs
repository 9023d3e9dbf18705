// One real call per capability of medoffice/billing, against the built output.
module.exports = (billing, assert) => {
  const isa = 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261201*1200*^*00501*000000001*0*T*:~';
  const text = [
    isa,
    'GS*HP*PAYER*PRACTICE*20261201*1200*1*X*005010X221A1',
    'ST*835*0001*005010X221A1',
    'BPR*I*80*C*CHK***********20261201',
    'TRN*1*CHK1*1512345678',
    'N1*PR*ACME HEALTH PLAN',
    'N1*PE*MAIN STREET CLINIC*XX*1234567893',
    'CLP*C1*1*100*80*0*12*PCN1',
    'SVC*HC:99213*100*80',
    'CAS*CO*45*20',
    'SE*9*0001',
    'GE*1*1',
    'IEA*1*000000001',
  ].join('~');
  const file = billing.read835(text);
  assert.equal(file._tag, 'Right');
  const remittance = file.right.remittances[0];
  assert.equal(billing.checkBalance(remittance).balanced, true);
  const posting = billing.postRemittance(remittance, []);
  assert.equal(posting.right.claims[0].lines[0].outcome, 'paid');
  assert.equal(posting.right.totals.contractual, 2000);
  assert.equal(billing.read835('nonsense')._tag, 'Left');
};
