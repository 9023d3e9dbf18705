// parseX12: delimiters from ISA, tolerance of real files (with warnings), coded errors for
// unreadable input.
import { describe, expect, it } from 'vitest';
import { parseX12, x12Components, x12Repetitions } from '../../../src/insurance/x12/parse.js';
import { dataFile, dataFiles } from '../../support/testData.js';
import { wrap271 } from './build.js';

const right = (text: string) => {
  const r = parseX12(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const warningCodes = (text: string) => right(text).warnings.map((w) => w.code);

describe('parseX12', () => {
  it('reads delimiters, groups and transactions of a clean 5010 interchange', () => {
    const ix = right(wrap271(['EB*1**30']));
    expect(ix.delimiters).toEqual({ element: '*', repetition: '^', component: ':', segment: '~' });
    expect(ix.version).toBe('00501');
    expect(ix.groups[0]?.functionalId).toBe('HB');
    expect(ix.groups[0]?.transactions[0]).toMatchObject({
      type: '271',
      controlNumber: '0001',
      implementation: '005010X279A1',
    });
    expect(ix.groups[0]?.transactions[0]?.segments).toHaveLength(10);
    expect(ix.warnings).toEqual([]);
  });

  it('tolerates a BOM, CRLF + indentation, and 0x1D or CR terminators', () => {
    const base = wrap271(['EB*1**30']);
    expect(warningCodes(`\uFEFF${base}`)).toEqual(['x12.bom']);
    const indented = base.replace(/~\n/g, '~\r\n    ');
    expect(right(indented).groups[0]?.transactions[0]?.segments).toHaveLength(10);
    const gs = base.replace(/~/g, '\x1D');
    expect(right(gs).delimiters.segment).toBe('\x1D');
    const cr = base.replace(/~\n/g, '\r\n').replace(/~/g, '\r');
    expect(right(cr).groups[0]?.transactions[0]?.segments).toHaveLength(10);
  });

  it('reads an ISA one character short by counting elements, with a warning', () => {
    const short = wrap271(['EB*1**30']).replace('*ZZ*PAYER          *', '*ZZ*PAYER         *');
    const ix = right(short);
    expect(ix.warnings.map((w) => w.code)).toEqual(['x12.isa-length']);
    expect(ix.delimiters.component).toBe(':');
  });

  it('reports wrong SE counts, control mismatches and GS/ST mismatches as warnings', () => {
    const text = wrap271(['EB*1**30']).replace('SE*10*0001', 'SE*22*0002').replace('GS*HB', 'GS*HS');
    expect(warningCodes(text)).toEqual(['x12.se-count', 'x12.control-mismatch', 'x12.functional-id']);
  });

  it('has no repetition separator in 4010 (ISA11 U)', () => {
    const text = wrap271(['EB*1**30']).replace('*^*00501*', '*U*00401*');
    expect(right(text).delimiters.repetition).toBeUndefined();
  });

  it('returns coded errors for input it cannot read, never a throw', () => {
    const full = wrap271(['EB*1**30']);
    const code = (t: unknown) => {
      const r = parseX12(t);
      return r._tag === 'Left' ? r.left.code : 'read';
    };
    expect(code('')).toBe('x12.empty');
    expect(code(42)).toBe('x12.empty');
    expect(code('GS*HB*X~')).toBe('x12.missing-isa');
    expect(code(full.slice(0, 50))).toBe('x12.isa-truncated');
    expect(code(full.slice(0, full.indexOf('SE*')))).toBe('x12.truncated');
    expect(code(full.slice(0, full.indexOf('IEA')))).toBe('x12.truncated');
  });

  it('reads every shared 270 and 271 file; 12 have a wrong SE01 (README)', () => {
    let wrongSe = 0;
    for (const dir of ['x12/270', 'x12/271'])
      for (const f of dataFiles(dir)) {
        const ix = right(dataFile(`${dir}/${f}`));
        if (ix.warnings.some((w) => w.code === 'x12.se-count' && /^SE01/.test(w.message))) wrongSe++;
      }
    expect(wrongSe).toBe(12);
  });

  it('reads the 0x1D-terminated 270 and the 105-character ISA', () => {
    expect(right(dataFile('x12/270/Inteligenz__X12Parser__Example1_IG_0x1D.txt')).delimiters.segment).toBe(
      '\x1D',
    );
    const tcplex = right(dataFile('x12/271/Inteligenz__X12Parser__From_tcplex.txt'));
    expect(tcplex.delimiters).toEqual({ element: '*', component: '>', segment: '~' });
    expect(tcplex.warnings.map((w) => w.code)).toContain('x12.isa-length');
  });

  it('splits repetitions and components', () => {
    const d = { element: '*', repetition: '^', component: ':', segment: '~' };
    expect(x12Repetitions('1^33^^35 ', d)).toEqual(['1', '33', '35']);
    expect(x12Repetitions('1^33', { element: '*', component: ':', segment: '~' })).toEqual(['1^33']);
    expect(x12Components('HC:99213:25', d)).toEqual(['HC', '99213', '25']);
  });
});
