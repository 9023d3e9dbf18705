// read837P and read277 (the envelope read once with the offset cursor, each segment handed to the
// transaction reader as the cursor reaches it) against the same readers fed by parseX12's split
// segments (DESIGN rule 13): deep-equal results on every public 837P and 277 and on random edits
// of them (delimiters, whitespace, junk, truncation, transactions of another type).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read277, read277Reference } from '../../src/billing/x12/read277.js';
import { read837P, read837PReference } from '../../src/billing/x12/read837P.js';
import { dataFile, dataFiles } from '../support/testData.js';
import { editedX12 } from '../support/x12Edits.js';

const corpus = (dir: string): string[] => dataFiles(dir).map((f) => dataFile(`${dir}/${f}`));

// Segments of the 837P, 277 and 835 kinds, so an edit can open a transaction of another type.
const SEGMENTS = [
  'ST*837*9~',
  'ST*277*9~',
  'ST*835*9~',
  'BHT*0010*08*1*20260101*1200*TH~',
  'GS*HP*A*B*20260101*1200*1*X*005010X221A1~',
  'CLM*X*10***11:B:1~',
  'SV1*HC:99213*10*UN*1~',
  'STC*A1:19*20260101*WQ*10~',
  'HL*3*2*22*0~',
];
const edited = (files: readonly string[]) => editedX12(files, SEGMENTS);

describe('read837P agrees with its split-based reference', () => {
  const files = corpus('x12/837p');
  it('on every public 837P file', () => {
    for (const f of files) expect(read837P(f)).toStrictEqual(read837PReference(f));
  });
  it('on random edits of them', () => {
    fc.assert(
      fc.property(edited(files), (t) => {
        expect(read837P(t)).toStrictEqual(read837PReference(t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('read277 agrees with its split-based reference', () => {
  const files = corpus('x12/277');
  it('on every public 277 file', () => {
    for (const f of files) expect(read277(f)).toStrictEqual(read277Reference(f));
  });
  it('on random edits of them', () => {
    fc.assert(
      fc.property(edited(files), (t) => {
        expect(read277(t)).toStrictEqual(read277Reference(t));
      }),
      { numRuns: 300 },
    );
  });
});
