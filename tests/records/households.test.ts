// Matching that never merges two people: the household guard, partial identifiers, a
// 10,000-household test set built to provoke merges of family members, an order that does not
// depend on the host locale, and a run split by blocking key over partitions that equals the
// whole run.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  blockingKeys,
  combineDuplicatePairs,
  comparePatients,
  findDuplicates,
  matchFeatures,
  mergeClusters,
  partitionBlocks,
  partitionOfKey,
  scoreBlock,
  scoreMatch,
  type MatchablePatient,
} from '../../src/records/index.js';
import { generateHouseholds, householdPairKey } from './support/households.js';

// One household: 12 Elm Street, one home phone, family name Ward.
const home = {
  addresses: [{ line: ['12 Elm Street'], city: 'Denver', state: 'CO', postalCode: '80203' }],
  phones: [{ value: '303-555-2841' }],
};
const member = (
  id: string,
  given: string,
  birthDate: string,
  { name, ...extra }: Partial<MatchablePatient> = {},
): MatchablePatient => ({
  id,
  name: { given, family: 'Ward', ...name },
  birthDate,
  sex: 'female',
  ...home,
  ...extra,
});

describe('household guard', () => {
  it('siblings (different given names and birth years, same address, phone, family name) are at most review', () => {
    const c = comparePatients(member('a', 'Emily', '2012-04-09'), member('b', 'Hannah', '2015-10-22'));
    expect(c.guards).toContain('household');
    // Without the guard the shared household alone would carry the pair far past the match threshold.
    const s = scoreMatch(c, undefined, { match: -100, review: -100 });
    expect(s.decision).toBe('review');
    expect(scoreMatch(c).decision).not.toBe('match');
  });

  it.each([
    ['digit transposition', '2012-04-09', '2012-04-90'],
    ['day/month swap', '2012-04-09', '2012-09-04'],
    ['one digit', '2012-04-09', '2013-04-09'],
  ])('a distinct given name with a birth date off by a typo (%s) is not a match either', (_, x, y) => {
    const c = comparePatients(member('a', 'Emily', x), member('b', 'Hannah', y));
    expect(c.guards).toContain('household');
    expect(scoreMatch(c, undefined, { match: -100, review: -100 }).decision).toBe('review');
  });

  it('a nickname or a typo of the given name with a typo in the birth date still matches', () => {
    for (const [given, birthDate] of [
      ['Liz', '2012-04-09'],
      ['Elizabth', '2012-09-04'],
    ] as const) {
      const c = comparePatients(member('a', 'Elizabeth', '2012-04-09'), member('b', given, birthDate));
      expect(c.guards).toEqual([]);
      expect(scoreMatch(c).decision).toBe('match');
    }
  });

  it('a father and son of one name with the suffix on one chart only are at most review', () => {
    const sr = member('a', 'Robert', '1961-05-02', {
      sex: 'male',
      name: { given: 'Robert', family: 'Ward', suffix: 'Sr' },
    });
    const jr = member('b', 'Robert', '1990-08-17', { sex: 'male' });
    const c = comparePatients(sr, jr);
    expect(c.guards).toEqual(['household']);
    expect(scoreMatch(c, undefined, { match: -100, review: -100 }).decision).toBe('review');
  });

  it('a namesake elsewhere (same name, a birth date no typo explains, no shared street or phone) is at most review', () => {
    const other = {
      addresses: [{ line: ['940 Pine Ave'], city: 'Denver', state: 'CO', postalCode: '80203' }],
      phones: [],
    };
    const c = comparePatients(member('a', 'Emily', '1984-02-11'), member('b', 'Emily', '1979-08-30', other));
    expect(c.guards).toContain('household');
  });

  it('a shared e-mail places a namesake as a shared street or phone does; it never lifts the guard on siblings or a half-recorded Jr / Sr', () => {
    const moved = {
      addresses: [{ line: ['940 Pine Ave'], city: 'Denver', state: 'CO', postalCode: '80203' }],
      phones: [],
      emails: ['wardfamily@example.org'],
    };
    const withEmail = (id: string, given: string, birthDate: string, extra: Partial<MatchablePatient> = {}) =>
      member(id, given, birthDate, { emails: ['wardfamily@example.org'], ...extra });
    // Same full name, moved house, birth date mistyped beyond a typo, same e-mail: one person.
    const same = comparePatients(
      withEmail('a', 'Emily', '1984-02-11'),
      member('b', 'Emily', '1979-08-30', moved),
    );
    expect(same.guards).toEqual([]);
    // Siblings on the family e-mail (and address): still at most review.
    const siblings = comparePatients(
      withEmail('a', 'Emily', '2012-04-09'),
      withEmail('b', 'Hannah', '2015-10-22'),
    );
    expect(siblings.guards).toContain('household');
    // Father and son on the family e-mail, the suffix recorded on one chart: still at most review.
    const sr = withEmail('a', 'Robert', '1961-05-02', {
      sex: 'male',
      name: { given: 'Robert', family: 'Ward', suffix: 'Sr' },
    });
    const jr = member('b', 'Robert', '1990-08-17', { ...moved, sex: 'male' });
    expect(comparePatients(sr, jr).guards).toContain('household');
  });

  it('the same person with a mistyped birth date at the same address still matches (one keying error)', () => {
    const c = comparePatients(member('a', 'Emily', '1984-02-11'), member('b', 'Emily', '1948-07-30'));
    expect(c.guards).toEqual([]);
  });

  it('twins stay a never-merge guard, also with similar names and different sexes', () => {
    const a = member('a', 'Alexander', '2010-03-03', { sex: 'male' });
    const b = member('b', 'Alexandra', '2010-03-03', { multipleBirth: true });
    expect(comparePatients(a, b).guards).toContain('twins');
    expect(scoreMatch(comparePatients(a, b)).decision).toBe('non-match');
  });

  it('a city implied by an agreeing US ZIP Code weighs nothing; a suburb beside a 4-digit postcode still counts', () => {
    const at = (postalCode: string) => ({ id: 'x', name: {}, addresses: [{ city: 'Denver', postalCode }] });
    const us = comparePatients(at('80203'), { ...at('80203'), id: 'y' });
    expect(us.implied).toEqual(['city']);
    expect(scoreMatch(us).evidence.find((e) => e.field === 'city')?.weight).toBe(0);
    expect(comparePatients(at('2600'), { ...at('2600'), id: 'y' }).implied).toEqual([]);
  });
});

describe('a full SSN as identity evidence', () => {
  // One household (12 Elm Street, one home phone, family name Ward); every chart records its sex.
  const ssn = (value: string) => ({
    identifiers: [{ kind: 'SSN', system: 'http://hl7.org/fhir/sid/us-ssn', value }],
  });
  const GUARANTOR = '512-40-1057';
  const decide = (a: MatchablePatient, b: MatchablePatient) => {
    const c = comparePatients(a, b);
    return { guards: c.guards, ssn: c.levels.ssn, decision: scoreMatch(c).decision };
  };

  it('siblings with SSNs of their own stay out of match', () => {
    const r = decide(
      member('a', 'Emily', '2012-04-09', ssn('512-40-2231')),
      member('b', 'Hannah', '2015-10-22', ssn('498-17-5520')),
    );
    expect(r.ssn).toBe('different');
    expect(r.guards).toContain('household');
    expect(r.decision).not.toBe('match');
  });

  it('twins with consecutive SSNs (one digit apart) are never a match', () => {
    const r = decide(
      member('a', 'Emily', '2012-04-09', ssn('512-40-2231')),
      member('b', 'Grace', '2012-04-09', ssn('512-40-2232')),
    );
    expect(r.ssn).toBe('similar');
    expect(r.guards).toContain('twins');
    expect(r.decision).toBe('non-match');
  });

  it("twins whose charts both carry the guarantor's SSN are still never a match", () => {
    const r = decide(
      member('a', 'Emily', '2012-04-09', ssn(GUARANTOR)),
      member('b', 'Grace', '2012-04-09', ssn(GUARANTOR)),
    );
    expect(r.ssn).toBe('exact');
    expect(r.guards).toContain('twins');
    expect(r.decision).toBe('non-match');
  });

  it("a parent and a child, or two siblings, under the guarantor's SSN are at most review", () => {
    const mother = member('m', 'Laura', '1979-06-30', ssn(GUARANTOR));
    const emily = member('a', 'Emily', '2012-04-09', ssn(GUARANTOR));
    const hannah = member('b', 'Hannah', '2015-10-22', ssn(GUARANTOR));
    // Born on one day four years apart: the birth dates are one digit apart.
    const grace = member('c', 'Grace', '2016-04-09', ssn(GUARANTOR));
    for (const [x, y] of [
      [mother, emily],
      [emily, hannah],
      [emily, grace],
    ] as const) {
      const r = decide(x, y);
      expect(r.ssn).toBe('exact');
      expect(r.guards).toContain('household');
      expect(r.decision).toBe('review');
    }
  });

  it("a son named after his father, under his father's SSN, suffix on one chart: at most review", () => {
    const sr = member('a', 'Robert', '1961-05-02', {
      sex: 'male',
      name: { given: 'Robert', family: 'Ward', suffix: 'Sr' },
      ...ssn(GUARANTOR),
    });
    const jr = member('b', 'Robert', '1990-08-17', { sex: 'male', ...ssn(GUARANTOR) });
    const r = decide(sr, jr);
    expect(r.guards).toEqual(['household']);
    expect(r.decision).toBe('review');
  });

  it('the same person with another given name on one chart (the middle name she goes by) and the same SSN reaches match', () => {
    // She moved house in between (no street or phone shared, family name kept): without the SSN
    // the distinct given name holds the pair at review; with it, it is one person.
    const moved = {
      addresses: [{ line: ['940 Pine Ave'], city: 'Denver', state: 'CO', postalCode: '80209' }],
      phones: [{ value: '720-555-0188' }],
    };
    const first = member('a', 'Margaret', '1984-02-11', {
      name: { middle: ['Anne'] },
      ...ssn('498-17-5520'),
    });
    const second = member('b', 'Anne', '1984-02-11', { ...moved, ...ssn('498-17-5520') });
    const without = decide({ ...first, identifiers: [] }, { ...second, identifiers: [] });
    expect(without.guards).toContain('household');
    expect(without.decision).toBe('review');
    const r = decide(first, second);
    expect(r.guards).toEqual([]);
    expect(r.decision).toBe('match');
  });

  it('the same person with a garbled given name, the same birth date and SSN, and no sex recorded (FEBRL-style) reaches match', () => {
    const at = (line: string) => ({
      addresses: [{ line: [line], city: 'Kinross', state: 'NSW', postalCode: '2795' }],
      phones: [],
    });
    const a = member('a', 'Archie', '1974-08-21', {
      sex: undefined,
      ...at('1 Wellington Street'),
      ...ssn('4372981'),
    });
    const b = member('b', 'Areceih', '1974-08-21', {
      sex: undefined,
      ...at('1 Wellingtfn Street'),
      ...ssn('4372981'),
    });
    const r = decide(a, b);
    expect(r.ssn).toBe('exact');
    expect(r.guards).toEqual([]);
    expect(r.decision).toBe('match');
    // One digit off the SSN (a twin's next number) is no identity evidence.
    const twin = decide(a, { ...b, ...ssn('4372982') });
    expect(twin.decision).not.toBe('match');
  });
});

describe('one name written two ways', () => {
  it('given and family name exchanged with a birth date beyond a typo, at the same street, is one name and matches', () => {
    const a = member('a', 'Gabriel', '1977-09-13', { name: { given: 'Gabriel', family: 'Thomas' } });
    const b = member('b', 'Thomas', '1976-09-15', { name: { given: 'Thomas', family: 'Gabriel' } });
    const c = comparePatients(a, b);
    expect(c.levels.given).toBe('swapped');
    expect(c.guards).toEqual([]);
  });

  it('Bryan and Ryan, a father and his son at one address, are two names (Jaro-Winkler 0.93): at most review', () => {
    const c = comparePatients(
      member('a', 'Bryan', '1953-12-17', { sex: 'male' }),
      member('b', 'Ryan', '1988-05-23', { sex: 'male' }),
    );
    expect(c.levels.given).toBe('jw-0.92');
    expect(c.guards).toContain('household');
    expect(scoreMatch(c).decision).toBe('review');
  });

  it('twins whose names only sound alike (Owen and Wayne) are never a match', () => {
    const c = comparePatients(
      member('a', 'Owen', '1986-11-05', { sex: 'male' }),
      member('b', 'Wayne', '1986-11-05', { sex: 'male' }),
    );
    expect(c.levels.given).toBe('phonetic');
    expect(c.guards).toContain('twins');
    expect(scoreMatch(c).decision).toBe('non-match');
  });
});

describe('partial identifiers', () => {
  const base = (id: string, { name, ...extra }: Partial<MatchablePatient> = {}): MatchablePatient => ({
    id,
    name: { given: 'Maria', family: 'Lopez', ...name },
    birthDate: '1975-06-14',
    sex: 'female',
    addresses: [{ line: ['5 Oak Road'], city: 'Austin', state: 'TX', postalCode: '78701' }],
    ...extra,
  });
  const ssn4 = (value: string) => [{ kind: 'SSN', system: 'ssn', value }];
  const weightOf = (a: MatchablePatient, b: MatchablePatient) => scoreMatch(comparePatients(a, b)).weight;

  it('absent is neutral: a last four, middle name or earlier name on one record only changes nothing', () => {
    const plain = weightOf(base('a'), base('b'));
    expect(weightOf(base('a', { identifiers: ssn4('1234') }), base('b'))).toBe(plain);
    expect(weightOf(base('a', { name: { middle: ['Elena'] } }), base('b'))).toBe(plain);
    expect(weightOf(base('a', { previousNames: [{ family: 'Ruiz' }] }), base('b'))).toBe(plain);
  });

  it('disagreeing is strong negative evidence and needs review; agreeing is positive', () => {
    const plain = weightOf(base('a'), base('b'));
    const cases: [Partial<MatchablePatient>, Partial<MatchablePatient>, string][] = [
      [{ identifiers: ssn4('1234') }, { identifiers: ssn4('9876') }, 'ssnLast4'],
      [{ identifiers: ssn4('123-45-6789') }, { identifiers: ssn4('xxx-xx-9876') }, 'ssnLast4'],
      [{ name: { middle: ['Elena'] } }, { name: { middle: ['Teresa'] } }, 'middleName'],
      [
        { previousNames: [{ family: 'Ruiz' }] },
        { previousNames: [{ family: 'Castillo' }] },
        'previousFamily',
      ],
    ];
    for (const [x, y, field] of cases) {
      const c = comparePatients(base('a', x), base('b', y));
      expect(c.levels[field as 'ssnLast4']).toBe('different');
      expect(c.guards).toEqual(['identifier-conflict']);
      // log2(m / u) of a disagreement is below -5: strong, not a veto.
      expect(weightOf(base('a', x), base('b', y))).toBeLessThan(plain - 5);
      expect(scoreMatch(c).decision).not.toBe('match');
    }
    expect(
      weightOf(base('a', { identifiers: ssn4('1234') }), base('b', { identifiers: ssn4('1234') })),
    ).toBeGreaterThan(plain + 5);
  });

  it('a middle initial agrees with the full middle name; the last four of a full SSN compare with a recorded last four', () => {
    const c = comparePatients(
      base('a', { name: { middle: ['E.'] } }),
      base('b', { name: { middle: ['Elena'] } }),
    );
    expect(c.levels.middleName).toBe('initial');
    expect(c.guards).toEqual([]);
    const s = comparePatients(
      base('a', { identifiers: ssn4('123-45-6789') }),
      base('b', { identifiers: ssn4('6789') }),
    );
    expect(s.levels.ssnLast4).toBe('exact');
    const both = comparePatients(
      base('a', { identifiers: ssn4('123-45-6789') }),
      base('b', { identifiers: ssn4('123-45-6789') }),
    );
    // Both full: compared once, as the SSN, not again as the last four.
    expect([both.levels.ssn, both.levels.ssnLast4]).toEqual(['exact', 'missing']);
  });
});

describe('10,000 households (siblings, twins, Jr/Sr, spouses) with planted duplicates', () => {
  it('never decides match between different people; finds ≥ 95% of true duplicates at match or review', () => {
    const set = generateHouseholds(10_000);
    expect(new Set(set.records.map((r) => r.household)).size).toBe(10_000);
    const report = findDuplicates(set.records.map((r) => r.record));
    const personOf = new Map(set.records.map((r) => [r.record.id, r.person]));
    const wrongMatches = report.pairs.filter(
      (p) => p.decision === 'match' && personOf.get(p.a) !== personOf.get(p.b),
    );
    expect(wrongMatches).toEqual([]);
    const found = new Set(report.pairs.map((p) => householdPairKey(p.a, p.b)));
    const recalled = [...set.truePairs].filter((k) => found.has(k)).length;
    expect(set.truePairs.size).toBeGreaterThan(5000);
    expect(recalled / set.truePairs.size).toBeGreaterThanOrEqual(0.95);
    // The set does provoke: family members score as candidates and the guards hold them back.
    const familyPairs = report.pairs.filter((p) => personOf.get(p.a) !== personOf.get(p.b));
    expect(familyPairs.some((p) => p.guards.includes('household'))).toBe(true);
    expect(familyPairs.some((p) => p.guards.includes('twins'))).toBe(true);
    expect(familyPairs.some((p) => p.guards.includes('generational-suffix'))).toBe(true);
    // It provokes with SSNs too: family members under one keyed (guarantor's) number, and twins
    // with consecutive numbers, are among the candidates, and none of them is a match.
    const byId = new Map(set.records.map((r) => [r.record.id, r.record]));
    const ssnLevels = familyPairs.map((p) => {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      return a === undefined || b === undefined ? 'missing' : comparePatients(a, b).levels.ssn;
    });
    expect(ssnLevels.filter((l) => l === 'exact').length).toBeGreaterThan(100);
    expect(ssnLevels.filter((l) => l === 'similar').length).toBeGreaterThan(50);
  }, 120_000);
});

describe('findDuplicates order', () => {
  afterEach(() => vi.restoreAllMocks());
  it('does not depend on the host locale (no localeCompare): ids in code-unit order', () => {
    vi.spyOn(String.prototype, 'localeCompare').mockImplementation(() => {
      throw new Error('locale-dependent comparison');
    });
    // In Lithuanian collation y sorts between i and j; in code-unit order it comes after both.
    const pair = (id: string, given: string): MatchablePatient[] =>
      [1, 2].map((n) => ({
        id: `${id}-${n}`,
        name: { given, family: 'Jonaitis' },
        birthDate: '1980-01-0' + (given.length % 9),
        addresses: [{ line: ['1 Main St'], postalCode: '6000' + given.length }],
      }));
    const report = findDuplicates([...pair('y', 'Vytautas'), ...pair('j', 'Jonas'), ...pair('i', 'Ieva')]);
    expect(report.clusters).toEqual([
      ['i-1', 'i-2'],
      ['j-1', 'j-2'],
      ['y-1', 'y-2'],
    ]);
  });
});

describe('partitioned duplicate search', () => {
  const GIVEN = ['Ann', 'Anne', 'Bill', 'William', 'Chris', 'Ana'];
  const FAMILY = ['Ward', 'Word', 'Lopez', 'Lopes'];
  const recordArb = fc.record({
    given: fc.constantFrom(...GIVEN),
    family: fc.constantFrom(...FAMILY),
    day: fc.integer({ min: 1, max: 3 }),
    street: fc.constantFrom('1 Elm St', '1 Elm Street', '9 Oak Ave'),
    phone: fc.constantFrom('303-555-2841', '303-555-2842', ''),
    sex: fc.constantFrom('female', 'male', ''),
  });
  const records = fc.array(recordArb, { minLength: 2, maxLength: 40 }).map((rs) =>
    rs.map((r, i): MatchablePatient => ({
      id: `p${i}`,
      name: { given: r.given, family: r.family },
      birthDate: `1980-01-0${r.day}`,
      sex: r.sex,
      addresses: [{ line: [r.street], city: 'Denver', state: 'CO', postalCode: '80203' }],
      phones: r.phone === '' ? [] : [{ value: r.phone }],
    })),
  );

  it('blocks scored per partition, combined, give exactly the whole run (pairs and clusters)', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 5 }), fc.boolean(), (ps, k, reversed) => {
        const whole = findDuplicates(ps);
        const input = reversed ? [...ps].reverse() : ps;
        const perPartition = partitionBlocks(input, k).map((blocks) =>
          combineDuplicatePairs([...blocks.values()].map((block) => scoreBlock(block))),
        );
        const pairs = combineDuplicatePairs(perPartition);
        expect(pairs).toEqual(whole.pairs);
        const clusters = mergeClusters(
          perPartition.map((part) => part.filter((p) => p.decision === 'match').map((p) => [p.a, p.b])),
        );
        expect(clusters).toEqual(whole.clusters);
      }),
      { numRuns: 150 },
    );
  });

  it('blockingKeys of a patient equal those of its features; keys go to a fixed partition', () => {
    const p: MatchablePatient = { id: 'a', name: { given: 'Ann', family: 'Ward' }, birthDate: '1980-03-04' };
    expect(blockingKeys(p)).toEqual(blockingKeys(matchFeatures(p)));
    expect(blockingKeys(p, ['birth-date'])).toEqual(['B|19800304']);
    for (const key of blockingKeys(p)) {
      expect(partitionOfKey(key, 4)).toBe(partitionOfKey(key, 4));
      expect(partitionOfKey(key, 4)).toBeGreaterThanOrEqual(0);
      expect(partitionOfKey(key, 4)).toBeLessThan(4);
    }
  });

  it('mergeClusters joins overlapping clusters from different partitions, whatever their order', () => {
    const expected = [
      ['a', 'b', 'c', 'd'],
      ['x', 'y'],
    ];
    expect(
      mergeClusters([
        [['c', 'd']],
        [
          ['x', 'y'],
          ['b', 'c'],
        ],
        [['a', 'b']],
      ]),
    ).toEqual(expected);
    expect(
      mergeClusters([
        [['a', 'b']],
        [
          ['y', 'x'],
          ['b', 'c'],
        ],
        [['d', 'c']],
      ]),
    ).toEqual(expected);
  });
});
