// The generated interchange of the 271 benchmarks (bench/insurance-x12.bench.ts and its isolated
// runner): deterministic, so every process reads the same text.
// A realistic 5010 subscriber reply (IG HMO example plus deductible / OOP / coinsurance lines),
// repeated with distinct control numbers until the interchange reaches 5 MB.
const transaction = (n: number): string => {
  const id = String(n).padStart(9, '0');
  const body = [
    `ST*271*${id}*005010X279A1`,
    `BHT*0022*11*REQ${id}*20261123*0800`,
    'HL*1**20*1',
    'NM1*PR*2*ACME HEALTH*****PI*842610001',
    'HL*2*1*21*1',
    'NM1*1P*2*MAPLE FAMILY CLINIC*****XX*1234567893',
    'HL*3*2*22*0',
    `TRN*2*TRACE${id}*9877281234`,
    `NM1*IL*1*MEMBER${n}*TEST****MI*W${id}`,
    'DMG*D8*19800402*F',
    'DTP*346*D8*20260101',
    'EB*1**30**GOLD 123 PLAN',
    'EB*L',
    'LS*2120',
    'NM1*P3*1*JONES*MARCUS****SV*0202034',
    'LE*2120',
    'EB*1**1^33^35^47^86^88^98^AL^MH^UC',
    'EB*B**1^33^35^47^86^88^98^AL^MH^UC*HM*GOLD 123 PLAN*27*25.00*****Y',
    'EB*B**1^33^35^47^86^88^98^AL^MH^UC*HM*GOLD 123 PLAN*27*60.00*****N',
    'EB*C*IND*30*HM**23*1500.00*****Y',
    'EB*C*IND*30*HM**29*412.35*****Y',
    'EB*G*IND*30*HM**23*6000.00*****Y',
    'EB*G*IND*30*HM**29*4875.10*****Y',
    'EB*A**98*HM**27**0.2****Y*Y',
    'MSG*COINSURANCE APPLIES AFTER DEDUCTIBLE',
    'EB*I**41^54',
  ];
  return [...body, `SE*${body.length + 1}*${id}`].map((s) => `${s}~`).join('');
};
export const interchange = (bytes: number): string => {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const t = transaction(++n);
    parts.push(t);
    size += t.length;
  }
  return [
    'ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*MAPLECLINIC    *261123*0800*^*00501*000000001*0*P*:~',
    'GS*HB*ACMEHEALTH*MAPLECLINIC*20261123*0800*1*X*005010X279A1~',
    ...parts,
    `GE*${n}*1~IEA*1*000000001~`,
  ].join('');
};
