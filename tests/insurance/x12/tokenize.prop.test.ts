// The offset cursor of read271 against the split tokenizer of parseX12 (DESIGN rule 13): on
// random segment text (delimiters, whitespace, long and non-ASCII ids, empty elements), every
// segment has the same id, index and elements, and `elIs` answers exactly what comparing the
// split element would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { X12Delimiters } from '../../../src/insurance/x12/parse.js';
import { ArraySegmentView, SegmentCursor, splitSegments } from '../../../src/insurance/x12/tokenize.js';

const d: X12Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

const piece = fc.oneof(
  fc.constantFrom('EB', 'NM1', 'HL', 'SE', 'ISA', 'ABCD', 'É', ' EB', 'EB ', '', ' ', '\t', '22', 'PR'),
  fc.string({ maxLength: 5 }),
);
const text = fc
  .array(fc.array(piece, { maxLength: 7 }), { maxLength: 8 })
  .map((segments) => segments.map((els) => els.join('*')).join('~'));

describe('SegmentCursor', () => {
  it('cuts the segments and elements splitSegments cuts, and elIs is el(n) === value', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat({ max: 9 }), piece), { maxLength: 6 }), (t, probes) => {
        const split = splitSegments(t, 0, d).map((s) => new ArraySegmentView(s, d.element));
        const cursor = new SegmentCursor(t, 0, d);
        for (const expected of split) {
          const s = cursor.next();
          expect(s?.id).toBe(expected.id);
          expect(s?.index).toBe(expected.index);
          for (const [n, other] of probes) {
            const value = expected.el(n);
            expect(s?.elIs(n, value)).toBe(true);
            expect(s?.elIs(n, other)).toBe(value === other);
            expect(expected.elIs(n, other)).toBe(value === other);
          }
          expect(s?.length).toBe(expected.length);
          for (let n = 0; n <= expected.length; n++) expect(s?.el(n)).toBe(expected.el(n));
        }
        expect(cursor.next()).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
