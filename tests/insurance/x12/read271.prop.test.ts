// Mutated or truncated 271 text never throws: read271 returns Right or a coded Left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read271 } from '../../../src/insurance/x12/read271.js';
import { dataFile, dataFiles } from '../../support/testData.js';
import { wrap271 } from './build.js';

const corpus = [
  wrap271([
    'DTP*346*D8*20260101',
    'EB*1**30**GOLD',
    'EB*B**98*HM**27*25*****Y',
    'LS*2120',
    'NM1*P3*1*JONES*M',
    'LE*2120',
  ]),
  ...dataFiles('x12/271')
    .filter((f) => !f.includes('gainwell'))
    .map((f) => dataFile(`x12/271/${f}`)),
];
const CODES = new Set(['x12.empty', 'x12.missing-isa', 'x12.isa-truncated', 'x12.truncated']);

const settles = (text: string): boolean => {
  const r = read271(text);
  // The benefits and warnings are walked when first read: reading them must not throw either.
  return r._tag === 'Right'
    ? r.right.responses.every((x) => Array.isArray(x.benefits) && Array.isArray(x.warnings))
    : CODES.has(r.left.code);
};

describe('read271 never throws', () => {
  it('on any truncation of a real file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.nat(), (text, n) =>
        settles(text.slice(0, n % (text.length + 1))),
      ),
      { numRuns: 300 },
    );
  });

  it('on random edits (delete, insert delimiters or junk, duplicate)', () => {
    const edit = fc.record({
      at: fc.nat(),
      len: fc.nat({ max: 20 }),
      insert: fc.oneof(
        fc.constantFrom(
          '*',
          '~',
          '^',
          ':',
          '|',
          '\r\n',
          'HL*9*9*23*0~',
          'EB*',
          'LS*2120~',
          'DTP*347*RD8*2026',
        ),
        fc.string({ maxLength: 8 }),
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (text, edits) => {
          let t = text;
          for (const e of edits) {
            const at = e.at % (t.length + 1);
            t = t.slice(0, at) + e.insert + t.slice(at + e.len);
          }
          return settles(t);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings and non-strings', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => settles(x as string)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.string().map((s) => `ISA${s}`),
        (s) => settles(s),
      ),
      { numRuns: 200 },
    );
    expect(settles('ISA')).toBe(true);
  });
});
