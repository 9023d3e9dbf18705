// Any valid request builds a 270 that parseX12 reads back without a warning, with the member id,
// the service types and the dependent loop where they were put.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build270 } from '../../../src/insurance/x12/build270.js';
import { parseX12 } from '../../../src/insurance/x12/parse.js';
import { request270 } from './build.js';

const word = fc.stringMatching(/^[A-Z][A-Z .'-]{0,20}[A-Z]$/);
const stc = fc.constantFrom('30', '98', 'UC', '86', '47', 'AL', 'MH', 'BZ', 'PT', '33');

describe('build270 round trip', () => {
  it('parses back with no warning and the same member, service types and levels', () => {
    fc.assert(
      fc.property(
        word,
        fc.stringMatching(/^[A-Z0-9]{3,20}$/),
        fc.uniqueArray(stc, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 999_999_999 }),
        (last, memberId, types, dependent, control) => {
          const { dateOfService: _d, ...base } = request270;
          const built = build270({
            ...base,
            interchangeControlNumber: control,
            subscriber: { memberId, lastName: last },
            ...(dependent
              ? { dependent: { lastName: last, firstName: 'KID', birthDate: '2015-06-01' } }
              : {}),
            serviceTypes: types,
          });
          expect(built._tag).toBe('Right');
          if (built._tag !== 'Right') return;
          const ix = parseX12(built.right);
          expect(ix._tag === 'Right' && ix.right.warnings).toEqual([]);
          if (ix._tag !== 'Right') return;
          const segs = ix.right.groups[0]!.transactions[0]!.segments;
          expect(segs.find((s) => s.id === 'NM1' && s.elements[1] === 'IL')?.elements[9]).toBe(memberId);
          expect(segs.find((s) => s.id === 'EQ')?.elements[1]?.split('^')).toEqual(types);
          expect(segs.filter((s) => s.id === 'HL').map((s) => s.elements[3])).toEqual(
            dependent ? ['20', '21', '22', '23'] : ['20', '21', '22'],
          );
          expect(ix.right.controlNumber).toBe(String(control).padStart(9, '0'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
