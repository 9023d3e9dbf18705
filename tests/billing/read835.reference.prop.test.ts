// read835 (offset cursor, one object per fact) against the plain reader it replaced (parseX12's
// split segments, a spread per change; DESIGN rule 13): deep-equal results on every public 835, on
// random edits of them (delimiters, whitespace, junk, truncation) and on random 835 bodies with
// segments in and out of place. And the amount reader of read835 against x12Amount's pattern.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read835 } from '../../src/billing/x12/read835.js';
import { read835Reference } from '../../src/billing/x12/read835Reference.js';
import { centsOf, x12Amount, x12Quantity } from '../../src/billing/x12/values.js';
import { dataFile, dataFiles } from '../support/testData.js';
import { editedX12 } from '../support/x12Edits.js';
import { x835 } from './x835.js';

const files = dataFiles('x12/835').map((f) => dataFile(`x12/835/${f}`));
const written = x835({
  payment: '150',
  claims: [
    {
      id: 'CLM1',
      status: '1',
      charge: '200',
      paid: '150',
      patient: '20',
      cas: [{ group: 'OA', reason: '23', amount: '0' }],
      lines: [
        {
          code: '99213',
          modifiers: ['25'],
          charge: '200',
          paid: '150',
          cas: [
            { group: 'CO', reason: '45', amount: '30' },
            { group: 'PR', reason: '2', amount: '20' },
          ],
          ref6r: 'L1',
          remarks: ['N130'],
        },
      ],
      remarks: ['MA01'],
      crossover: 'MEDIGAP',
    },
  ],
  plb: [{ reason: 'WO', reference: 'PCN9', amount: '-5.5' }],
});
const corpus = [written, ...files];

/** Both readers on the same text: the same result, value for value. */
const same = (text: unknown): void => {
  expect(read835(text)).toStrictEqual(read835Reference(text));
};

describe('read835 agrees with the split-based reference reader', () => {
  it('on every public 835 file', () => {
    for (const f of corpus) same(f);
  });

  it('on anything that is not an interchange', () => {
    for (const t of [
      undefined,
      null,
      42,
      '',
      '   ',
      'ISA',
      'ISA*00',
      'GS*HP~ST*835*1~SE*2*1~',
      { text: 'x' },
    ])
      same(t);
  });

  it('on random edits of real files', () => {
    fc.assert(
      fc.property(
        editedX12(corpus, [
          '-',
          '0',
          'ST*835*9~',
          'GS*HC*A*B*20260101*1200*1*X*005010X222A1~',
          'CLP*X*1*1*1~',
          'SVC*HC:1*1*1~',
        ]),
        (t) => same(t),
      ),
      { numRuns: 400 },
    );
  });

  it('on random 835 bodies: claims, lines and their segments opened, repeated and misplaced', () => {
    const header = [
      'BPR*I*150*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261201',
      'BPR*H*0*D*NON************2026130',
      'BPR*I*1.234*C*CHK',
      'TRN*1*EFT1*1512345678',
      'TRN*2*X*Y',
      'DTM*405*20261201',
      'DTM*405*2026',
      'N1*PR*ACME HEALTH',
      'N1*PE*CLINIC*XX*1234567893',
      'N1*PE*',
      'N1*XX*OTHER*FI*1',
      'LX*1',
      'TS3*1234567893*11*20261231*1*200',
    ];
    const claims = [
      'CLP*CLM1*1*200*150*20*12*PCN1*11*1',
      'CLP*CLM2*22*-200*-150*-20*12*PCN1*11*7',
      'CLP*CLM3*4*100*0**12*PCN3',
      'CLP*CLM4*1*100.5*0*.5',
      'CLP**1*100*100',
      'CLP*CLM5*1*abc*0',
      'CLP*CLM6*1*100*100*1.234',
      'CLP* CLM7 *2*100*80*20*MC*PCN7*11*8',
    ];
    const adjustments = [
      'CAS*CO*45*30',
      'CAS*PR*1*10*1*2*10*1.5*3*5',
      'CAS*OA*23*0**97*-5',
      'CAS*PI*45*1.005',
      'CAS*XX*45*30',
      'CAS*CR*1*',
      'CAS*CO**10',
    ];
    const claimSegments = [
      ...adjustments,
      'NM1*QC*1*DOE*JANE****MI*W123',
      'NM1*QC*1*DOE*JANE',
      'NM1*TT*2*MEDIGAP*****PI*99999',
      'NM1*TT',
      'NM1*82*1*SMITH',
      'MOA***MA01*MA02',
      'MIA*0***100*MA01****************N1',
      'DTM*232*20261101',
      'DTM*233*20261130',
      'DTM*233*20261001',
      'DTM*050*20261101',
      'N1*PR*INSIDE A CLAIM',
      'AMT*AU*5',
    ];
    const services = [
      'SVC*HC:99213:25*200*150**1',
      'SVC*HC:99214*100*0*0450*2*HC:99215:25:59:76:77:78*3',
      'SVC*HC>99213*50*50',
      'SVC*HC*99213*50*50',
      'SVC*HC: 99213 : :25*50*50*',
      'SVC*:99213*10*10',
      'SVC*HC:99213*10*',
      'SVC*HC:99213*10*5*RC*x*HC*y',
    ];
    const lineSegments = [
      ...adjustments,
      'DTM*472*20261115',
      'DTM*150*20261110',
      'DTM*151*20261112',
      'DTM*151*20261399',
      'DTM*150*20261120',
      'REF*6R*LINE1',
      'REF*6R*',
      'REF*EV*1',
      'AMT*B6*120',
      'AMT*B6*1.234',
      'AMT*AU*5',
      'LQ*HE*N130',
      'LQ*HE*',
      'LQ*RX*X',
      'QTY*ZK*1',
      'NM1*QC*1*IN*A LINE',
    ];
    const trailer = [
      'PLB*1234567893*20261231*L6*-1.27*WO:PCN1*5.5*FB*1',
      'PLB*1234567893*2026*72:R1*x*CS*',
      'PLB*1234567893',
    ];
    const some = (pool: readonly string[], maxLength: number) =>
      fc.array(fc.constantFrom(...pool), { maxLength });
    const line = fc
      .tuple(fc.constantFrom(...services), some(lineSegments, 6))
      .map(([s, rest]) => [s, ...rest]);
    const claim = fc
      .tuple(fc.constantFrom(...claims), some(claimSegments, 5), fc.array(line, { maxLength: 4 }))
      .map(([c, rest, lines]) => [c, ...rest, ...lines.flat()]);
    const all = [...header, ...claims, ...claimSegments, ...services, ...lineSegments, ...trailer];
    const stray = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...all)), { maxLength: 3 });
    fc.assert(
      fc.property(
        some(header, 6),
        fc.array(claim, { maxLength: 5 }),
        some(trailer, 2),
        stray,
        fc.constantFrom('~', '\n', '~\r\n'),
        fc.boolean(),
        (head, claimBlocks, plb, strays, terminator, group) => {
          const segments = [...head, ...claimBlocks.flat(), ...plb];
          for (const [at, s] of strays) segments.splice(at % (segments.length + 1), 0, s);
          const body = ['ST*835*0001*005010X221A1', ...segments];
          const isa = `ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261201*1200*^*00501*000000001*0*T*:${terminator}`;
          const text = [
            isa.slice(0, -terminator.length),
            ...(group ? ['GS*HP*PAYER*PRACTICE*20261201*1200*1*X*005010X221A1'] : []),
            ...body,
            `SE*${body.length + 1}*0001`,
            ...(group ? ['GE*1*1'] : []),
            'IEA*1*000000001',
          ].join(terminator);
          same(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('centsOf reads amounts as x12Amount does', () => {
  it('on the documented forms', () => {
    for (const v of [
      '100',
      '100.0',
      '100.00',
      '.5',
      '5.',
      '-9',
      '-0',
      '-.05',
      '0',
      '',
      '-',
      '.',
      '1.234',
      '1,000',
    ])
      expect(centsOf(v)).toBe(x12Amount(v));
  });
  it('on random trimmed strings of digits, points and signs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' ', 'x'), { maxLength: 20 }),
        (chars) => {
          const v = chars.join('').trim();
          expect(centsOf(v)).toBe(x12Amount(v));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('on numbers written with 0 to 3 decimals, up to 17 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.nat({ max: 3 }), (n, decimals) => {
        const digits = (n < 0n ? -n : n).toString().padStart(decimals + 1, '0');
        const v = `${n < 0n ? '-' : ''}${digits.slice(0, digits.length - decimals)}${decimals > 0 ? '.' : ''}${digits.slice(digits.length - decimals)}`;
        expect(centsOf(v)).toBe(x12Amount(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('x12Quantity reads quantities as the pattern it replaced', () => {
  /** The pattern x12Quantity used before it read the characters itself. */
  const byPattern = (value: string): number | undefined => {
    const v = value.trim();
    return /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(v) ? Number(v) : undefined;
  };
  it('on the documented forms', () => {
    for (const v of [
      '1',
      '1.',
      '1.5',
      '.5',
      '-2',
      '-.5',
      ' 3 ',
      '',
      '-',
      '.',
      '-.',
      '1.2.3',
      '1e3',
      '+1',
      '0x1',
    ])
      expect(x12Quantity(v)).toBe(byPattern(v));
  });
  it('on random strings of digits, points, signs and spaces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '7', '.', '-', '+', 'e', ' ', '\t', 'x'), { maxLength: 12 }),
        (chars) => {
          const v = chars.join('');
          expect(x12Quantity(v)).toBe(byPattern(v));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
