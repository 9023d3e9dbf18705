// read271 (offset cursor, structure walk now, each transaction's benefits and warnings walked when
// first read) against the plain reader (the same interpreter fed by parseX12's split tokenizer,
// everything walked at once; DESIGN rule 13): equal JSON and deep-equal results on every public
// file, on random edits of them (delimiters, whitespace, junk, truncation) and on random text
// after an ISA header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read271 } from '../../../src/insurance/x12/read271.js';
import { read271Reference } from '../../../src/insurance/x12/read271Reference.js';
import { dataFile, dataFiles } from '../../support/testData.js';
import { editedX12 } from '../../support/x12Edits.js';
import { isa, wrap271 } from './build.js';

const files = dataFiles('x12/271').map((f) => dataFile(`x12/271/${f}`));
const corpus = [
  wrap271(['TRN*2*T1*9877281234', 'DMG*D8*19781345*F', 'EB*1**1>33^35*HM', 'DTP*290*RD8*20250101-20271231']),
  wrap271(['EB*B**98*HM**27*25*****Y', ' LS*2120 ', 'NM1*P3*1*JONES*M', 'PER*IC**TE*5551234', 'LE*2120'], {
    repetition: '>',
  }),
  ...files.filter((f) => !f.includes('gainwell')),
];

const same = (text: unknown): void => {
  const fast = read271(text);
  const plain = read271Reference(text);
  // Serialised first (read271 walks benefits and warnings when they are first read, so this also
  // checks that JSON sees them), then compared as values.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
  expect(fast).toEqual(plain);
};

describe('read271 agrees with the split-based reference reader', () => {
  it('in any order of reading: the benefits and warnings of one response, then the others', () => {
    for (const f of files) {
      const fast = read271(f);
      const plain = read271Reference(f);
      if (fast._tag === 'Left' || plain._tag === 'Left') {
        expect(fast).toEqual(plain);
        continue;
      }
      const n = fast.right.responses.length;
      // Last response first, warnings before benefits: each response reads its own person.
      for (let i = n - 1; i >= 0; i--) {
        expect(fast.right.responses[i]?.warnings).toEqual(plain.right.responses[i]?.warnings);
        expect(fast.right.responses[i]?.benefits).toEqual(plain.right.responses[i]?.benefits);
      }
    }
  });

  it('on every public 271 file, including the 76 KB batch', () => {
    for (const f of files) same(f);
  });
  it('on random edits of real files', () => {
    fc.assert(
      fc.property(editedX12(corpus, ['ST*271*9~']), (t) => same(t)),
      { numRuns: 400 },
    );
  });

  it('on random 271 bodies: loops opened, closed and misplaced (LS before EB, EB before a member, AAA anywhere)', () => {
    const pool = [
      'HL*4*3*23*0',
      'HL*5**22*0',
      'HL*6*1*21*1',
      'HL*7**20*1',
      'HL*8**99*0',
      'EB*1**30',
      'EB*6',
      'EB*B**98*HM**27*25*****Y',
      'EB*ZZ**1>33',
      'EB*C*IND*30***29*1.5',
      'EB*A***HM**27**abc',
      'LS*2120',
      'LE*2120',
      'NM1*P3*1*JONES*M',
      'NM1*IL*1*DOE*JOHN*Q***MI*X1',
      'NM1*PR*2*PAYER*****PI*1',
      'PER*IC**TE*5551234',
      'AAA*N**72*C',
      'AAA*Y**ZZ*Q',
      'DTP*346*D8*20260101',
      'DTP*999*D8*20261345',
      'DMG*D8*19781345*F',
      'MSG*HELLO',
      'REF*6P*G1',
      'III*ZZ*11',
      'HSD*VS*20***27',
      'TRN*2*T1*123',
      'INS*Y*18*001*25',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), (segments) =>
        same(wrap271(segments)),
      ),
      { numRuns: 500 },
    );
  });
  it('on truncations and on random segments after an ISA header', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.nat(), (text, n) =>
        same(text.slice(0, n % (text.length + 1))),
      ),
      { numRuns: 200 },
    );
    const segment = fc
      .array(
        fc.oneof(
          fc.constantFrom('EB', 'HL', 'NM1', 'DTP', 'MSG', 'ST', 'SE', '22', '23', '1', ' ', ''),
          fc.string({ maxLength: 4 }),
        ),
        {
          maxLength: 8,
        },
      )
      .map((els) => els.join('*'));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 20 }), (segs) =>
        same(`${isa()}${segs.join('~')}~IEA*1*000000001~`),
      ),
      { numRuns: 300 },
    );
  });
});
