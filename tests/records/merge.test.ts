import { describe, expect, it } from 'vitest';
import { proposeMerge } from '../../src/records/index.js';
import { patient } from './support/patients.js';

describe('proposeMerge', () => {
  const existing = patient({
    id: 'pat-001',
    emails: ['ana.rivera@example.org'],
    identifiers: [{ kind: 'MRN', system: 'urn:clinic', value: 'A-1001' }],
    verifiedOn: '2025-02-01',
    createdOn: '2019-05-01',
  });
  const walkIn = patient({
    id: 'pat-219',
    name: { family: 'Rivera', given: 'Anna' },
    phones: [{ use: 'mobile', value: '+16175550199' }],
    identifiers: [{ kind: 'MRN', system: 'urn:clinic', value: 'A-2219' }],
    emergencyContact: { name: 'Jose Rivera', relationship: 'spouse', phone: '+16175550143' },
    verifiedOn: '2026-11-23',
    createdOn: '2026-11-23',
  });

  it('keeps the established chart, takes the most recently verified values, lists conflicts', () => {
    const r = proposeMerge(existing, walkIn);
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    const p = r.right;
    expect([p.survivorId, p.retiredId]).toEqual(['pat-001', 'pat-219']);
    expect(p.merged.id).toBe('pat-001');
    expect(p.merged.createdOn).toBe('2019-05-01');
    expect(p.merged.verifiedOn).toBe('2026-11-23');
    expect(p.merged.name.given).toBe('Anna');
    expect(p.merged.previousNames.map((n) => n.given)).toEqual(['Ana']);
    expect(p.merged.phones.map((x) => x.value)).toEqual(['+16175550199', '+16175550142']);
    expect(p.merged.emails).toEqual(['ana.rivera@example.org']);
    expect(p.merged.identifiers.map((i) => i.value)).toEqual(['A-2219', 'A-1001']);
    expect(p.merged.emergencyContact?.name).toBe('Jose Rivera');
    expect(p.conflicts).toEqual(['name', 'verifiedOn', 'phones', 'identifiers']);
    expect(p.fieldChoices.find((c) => c.field === 'emails')).toEqual({
      field: 'emails',
      source: 'both',
      reason: 'combined',
      conflict: false,
    });
    expect(p.fieldChoices.find((c) => c.field === 'birthDate')?.reason).toBe('equal');
    expect(p.fieldChoices.find((c) => c.field === 'emergencyContact')).toMatchObject({
      source: 'retired',
      reason: 'only-one-has-value',
    });
    expect(p.fieldChoices.find((c) => c.field === 'name')).toMatchObject({
      source: 'retired',
      conflict: true,
    });
    expect(p.score.decision).toBe('match');
  });

  it('counts an address once when the charts differ only in ZIP+4 or case, keeping the ZIP+4', () => {
    const home = { use: 'home', line: ['12 Elm St'], city: 'Boston', state: 'MA', country: 'US' } as const;
    const a = patient({ ...existing, addresses: [{ ...home, postalCode: '02118' }] });
    const b = patient({
      ...walkIn,
      addresses: [
        { ...home, line: ['12 ELM ST'], postalCode: '02118-2304' },
        { ...home, use: 'work', line: ['1 Main St'], postalCode: '02110' },
      ],
    });
    const r = proposeMerge(a, b);
    expect(r._tag === 'Right' && r.right.merged.addresses.map((x) => [x.line[0], x.postalCode])).toEqual([
      ['12 ELM ST', '02118-2304'],
      ['1 Main St', '02110'],
    ]);
  });

  it('is the same proposal whichever order the charts come in', () => {
    const ab = proposeMerge(existing, walkIn);
    const ba = proposeMerge(walkIn, existing);
    expect(ab._tag === 'Right' && ba._tag === 'Right' && ab.right.merged).toEqual(
      ba._tag === 'Right' && ba.right.merged,
    );
  });

  it('never merges twins, Jr/Sr, the same chart, or strangers', () => {
    const twinA = patient({ id: 't1', name: { family: 'Okafor', given: 'Chidi' }, multipleBirth: 1 });
    const twinB = patient({ id: 't2', name: { family: 'Okafor', given: 'Chioma' }, multipleBirth: 2 });
    const code = (r: ReturnType<typeof proposeMerge>) => (r._tag === 'Left' ? r.left.code : 'ok');
    expect(code(proposeMerge(twinA, twinB))).toBe('merge.twins');
    const sr = patient({
      id: 's1',
      name: { family: 'King', given: 'Robert', suffix: 'Sr' },
      birthDate: '1950-01-02',
    });
    const jr = patient({
      id: 's2',
      name: { family: 'King', given: 'Robert', suffix: 'Jr' },
      birthDate: '1980-06-02',
    });
    expect(code(proposeMerge(sr, jr))).toBe('merge.generational-suffix');
    expect(code(proposeMerge(existing, existing))).toBe('merge.same-record');
    const stranger = patient({
      id: 'x',
      name: { family: 'Nguyen', given: 'Bao' },
      birthDate: '1961-12-30',
      sex: 'male',
      addresses: [],
      phones: [],
    });
    expect(code(proposeMerge(existing, stranger))).toBe('merge.not-a-match');
  });
});
