// Writes small 835 interchanges from a compact description, so tests state their amounts once (in
// dollars, as an 835 does) and the reader is exercised on text, not on hand-built objects.
export interface CasSpec {
  readonly group: string;
  readonly reason: string;
  readonly amount: string;
}
export interface LineSpec {
  readonly code: string;
  readonly modifiers?: readonly string[];
  readonly charge: string;
  readonly paid: string;
  readonly cas?: readonly CasSpec[];
  readonly ref6r?: string;
  readonly remarks?: readonly string[];
}
export interface ClaimSpec {
  readonly id: string;
  readonly status: string;
  readonly charge: string;
  readonly paid: string;
  readonly patient?: string;
  readonly payerClaimNumber?: string;
  readonly frequency?: string;
  readonly cas?: readonly CasSpec[];
  readonly lines?: readonly LineSpec[];
  readonly crossover?: string;
  readonly remarks?: readonly string[];
}
export interface RemitSpec {
  readonly payment: string;
  readonly debit?: boolean;
  readonly claims: readonly ClaimSpec[];
  readonly plb?: readonly { readonly reason: string; readonly reference?: string; readonly amount: string }[];
}

const ISA =
  'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261201*1200*^*00501*000000001*0*T*:~';

const cas = (list: readonly CasSpec[] | undefined): string[] =>
  (list ?? []).map((c) => `CAS*${c.group}*${c.reason}*${c.amount}`);

export const x835 = (spec: RemitSpec): string => {
  const body: string[] = [
    'ST*835*0001*005010X221A1',
    `BPR*I*${spec.payment}*${spec.debit ? 'D' : 'C'}*CHK***********20261201`,
    'TRN*1*CHECK123*1512345678',
    'DTM*405*20261201',
    'N1*PR*ACME HEALTH PLAN',
    'N1*PE*MAIN STREET CLINIC*XX*1234567893',
    'LX*1',
  ];
  for (const c of spec.claims) {
    body.push(
      `CLP*${c.id}*${c.status}*${c.charge}*${c.paid}*${c.patient ?? ''}*12*${c.payerClaimNumber ?? 'PCN' + c.id}*11*${c.frequency ?? '1'}`,
    );
    body.push(...cas(c.cas));
    body.push('NM1*QC*1*DOE*JANE****MI*W123456789');
    if (c.crossover) body.push(`NM1*TT*2*${c.crossover}*****PI*99999`);
    if (c.remarks) body.push(`MOA***${c.remarks.join('*')}`);
    for (const l of c.lines ?? []) {
      body.push(`SVC*HC:${[l.code, ...(l.modifiers ?? [])].join(':')}*${l.charge}*${l.paid}**1`);
      body.push('DTM*472*20261115');
      body.push(...cas(l.cas));
      if (l.ref6r) body.push(`REF*6R*${l.ref6r}`);
      for (const r of l.remarks ?? []) body.push(`LQ*HE*${r}`);
    }
  }
  for (const p of spec.plb ?? [])
    body.push(`PLB*1234567893*20261231*${p.reason}${p.reference ? ':' + p.reference : ''}*${p.amount}`);
  body.push(`SE*${body.length + 1}*0001`);
  return (
    [ISA, 'GS*HP*PAYER*PRACTICE*20261201*1200*1*X*005010X221A1', ...body, 'GE*1*1', 'IEA*1*000000001'].join(
      '~',
    ) + '~'
  );
};
