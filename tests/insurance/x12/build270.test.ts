// build270 produces a 5010 270 that our own reader accepts without a warning and whose segment
// structure matches the LinuxForHealth 5010 IG samples.
import { describe, expect, it } from 'vitest';
import { build270, type EligibilityRequest } from '../../../src/insurance/x12/build270.js';
import { parseX12 } from '../../../src/insurance/x12/parse.js';
import { request270 } from './build.js';
import { dataFile } from '../../support/testData.js';

const request = request270;

const built = (r: EligibilityRequest): string => {
  const b = build270(r);
  if (b._tag === 'Left') throw new Error(b.left.message);
  return b.right;
};
const ids = (text: string): string[] => {
  const ix = parseX12(text);
  if (ix._tag === 'Left') throw new Error(ix.left.message);
  return ix.right.groups[0]!.transactions[0]!.segments.map((s) => s.id);
};

describe('build270', () => {
  it('round-trips through parseX12 with no warning', () => {
    const ix = parseX12(built(request));
    expect(ix._tag).toBe('Right');
    if (ix._tag !== 'Right') return;
    expect(ix.right.warnings).toEqual([]);
    expect(ix.right.delimiters).toEqual({ element: '*', repetition: '^', component: ':', segment: '~' });
    expect(ix.right.controlNumber).toBe('000000907');
    const t = ix.right.groups[0]!.transactions[0]!;
    expect(ix.right.groups[0]!.functionalId).toBe('HS');
    expect(t).toMatchObject({ type: '270', implementation: '005010X279A1' });
    const eq = t.segments.find((s) => s.id === 'EQ');
    expect(eq?.elements).toEqual(['EQ', '30']);
    expect(t.segments.find((s) => s.id === 'DTP')?.elements).toEqual(['DTP', '291', 'D8', '20261123']);
    expect(t.segments.find((s) => s.id === 'NM1' && s.elements[1] === 'IL')?.elements[9]).toBe('W123456789');
  });

  it('writes a 106-character ISA', () => {
    expect(built(request).split('\n')[0]).toHaveLength(106);
  });

  it('matches the segment structure of the IG subscriber and dependent samples', () => {
    expect(ids(built(request))).toEqual(
      ids(dataFile('x12/270/LinuxForHealth__x12__subscriber-health-benefit-check.270')),
    );
    const dep = built({
      ...request,
      subscriber: { memberId: 'W123456789', lastName: 'SMITH', firstName: 'ROBERT' },
      dependent: { lastName: 'SMITH', firstName: 'MARY', birthDate: '1978-10-14' },
    });
    expect(ids(dep)).toEqual(
      ids(dataFile('x12/270/LinuxForHealth__x12__dependent-health-benefit-check.270')),
    );
  });

  it('sends several service types as EQ01 repetitions', () => {
    const t = built({ ...request, serviceTypes: ['98', 'UC', '86'] });
    expect(t).toContain('EQ*98^UC^86~');
  });

  it('rejects delimiters inside values and bad NPIs, naming the fields', () => {
    const r = build270({
      ...request,
      payer: { name: 'ACME*HEALTH', id: '1' },
      provider: { name: 'X', npi: '123' },
    });
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual(['payer.name', 'provider.npi']);
  });
});
