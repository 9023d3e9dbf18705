// read271 (tokenize + loop tree + normalized facts) against node-x12's X12Parser (syntax only),
// side by side in one run: over the public 271 corpus and over a generated 5 MB interchange.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { X12Parser } from 'node-x12';
import { read271 } from '../src/insurance/x12/read271.js';
import { fmtMs, measure, table, writeSection } from './harness.js';

const DIR = resolve(import.meta.dirname, '../tests/data/x12/271');

/** node-x12 in its lenient mode; it throws on some real files, which then count as failures. */
const nodeX12 = (text: string): unknown => new X12Parser(false).parse(text);
const tries = (fn: () => unknown): boolean => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

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
const interchange = (bytes: number): string => {
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

const mbps = (bytes: number, ms: number): string => (bytes / 2 ** 20 / (ms / 1000)).toFixed(1);

const rows: string[][] = [];
{
  const files = readdirSync(DIR).map((f) => readFileSync(resolve(DIR, f), 'utf8'));
  const both = files.filter((t) => tries(() => nodeX12(t)));
  const bytes = both.reduce((s, t) => s + t.length, 0);
  const ours = measure('read271 corpus', () => both.map((t) => read271(t)), { samples: 31, inner: 20 });
  const theirs = measure('node-x12 corpus', () => both.map((t) => nodeX12(t)), { samples: 31, inner: 20 });
  const oursAll = files.filter((t) => read271(t)._tag === 'Right').length;
  rows.push([
    `public 271 corpus (${both.length} of ${files.length} files both read, ${(bytes / 1024).toFixed(0)} KB)`,
    `${fmtMs(ours.medianMs)} ms (${mbps(bytes, ours.medianMs)} MB/s)`,
    `${fmtMs(theirs.medianMs)} ms (${mbps(bytes, theirs.medianMs)} MB/s)`,
    `${(theirs.medianMs / ours.medianMs).toFixed(2)}x`,
  ]);
  console.log(`read271 read ${oursAll}/${files.length} files; node-x12 read ${both.length}/${files.length}`);
}
const big = interchange(5 * 2 ** 20);
const ours = measure('read271 5 MB', () => read271(big), { samples: 7, warmup: 1 });
const theirs = measure('node-x12 5 MB', () => nodeX12(big), { samples: 7, warmup: 1 });
rows.push([
  `generated 5 MB interchange (${(big.length / 2 ** 20).toFixed(1)} MB, one ISA/GS, many ST)`,
  `${fmtMs(ours.medianMs)} ms (${mbps(big.length, ours.medianMs)} MB/s)`,
  `${fmtMs(theirs.medianMs)} ms (${mbps(big.length, theirs.medianMs)} MB/s)`,
  `${(theirs.medianMs / ours.medianMs).toFixed(2)}x`,
]);

writeSection(
  'insurance-x12',
  `## Insurance: X12 271 reading

\`npx tsx bench/insurance-x12.bench.ts\`. Median per pass. \`read271\` tokenizes, builds the loop tree and
normalizes every EB into facts; \`node-x12\` (1.7.1, \`new X12Parser(false).parse\`) only tokenizes into its
segment model. Ratio = node-x12 time / read271 time (above 1 means read271 is faster).

${table(['input', 'read271 (interprets)', 'node-x12 (syntax only)', 'ratio'], rows)}`,
);
