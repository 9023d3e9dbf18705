import { describe, expect, it } from 'vitest';
import {
  areNicknames,
  buildPatientIndex,
  comparePatients,
  DEFAULT_MATCH_PARAMETERS,
  estimateMatchParameters,
  findDuplicates,
  matchFeatures,
  matchPatient,
  matchWeights,
  sampleRandomPairs,
  scoreMatch,
  type MatchablePatient,
} from '../../src/records/index.js';
import { doubleMetaphone } from '../../src/records/matching/doubleMetaphone.js';
import { damerauLevenshtein, jaro, jaroWinkler } from '../../src/records/matching/strings.js';

describe('string comparators', () => {
  it('Jaro and Jaro-Winkler match the published examples (Winkler 1990)', () => {
    // MARTHA/MARHTA: m = 6, t = 1 → (1 + 1 + 5/6) / 3 = 0.9444; prefix 3 → 0.9444 + 0.3 * 0.0556 = 0.9611
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    // DWAYNE/DUANE: m = 4, t = 0 → (4/6 + 4/5 + 1) / 3 = 0.8222; prefix 1 → 0.8222 + 0.1 * 0.1778 = 0.84
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    // DIXON/DICKSONX: m = 4, t = 0 → (4/5 + 4/8 + 1) / 3 = 0.7667; prefix 2 → 0.7667 + 0.2 * 0.2333 = 0.8133
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('ABC', '')).toBe(0);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });
  it('Damerau-Levenshtein (optimal string alignment)', () => {
    expect(damerauLevenshtein('19840309', '19840390')).toBe(1); // adjacent transposition
    expect(damerauLevenshtein('KITTEN', 'SITTING')).toBe(3);
    expect(damerauLevenshtein('CA', 'ABC')).toBe(3);
    expect(damerauLevenshtein('', 'ABC')).toBe(3);
  });
  it.each([
    ['Smith', ['SM0', 'XMT']],
    ['Schmidt', ['XMT', 'SMT']],
    ['Jose', ['HS', 'HS']],
    ['Xavier', ['SF', 'SFR']],
    ['Knight', ['NT', 'NT']],
    ['Philips', ['FLPS', 'FLPS']],
    ['Caesar', ['SSR', 'SSR']],
    ['Jones', ['JNS', 'ANS']],
    ['Wright', ['RT', 'RT']],
    ['', ['', '']],
  ])('Double Metaphone %s → %j', (name, keys) => expect(doubleMetaphone(name)).toEqual(keys));
  it('Double Metaphone hears Catherine and Katherine, Schneider and Snyder alike', () => {
    expect(doubleMetaphone('Catherine')).toEqual(doubleMetaphone('Katherine'));
    expect(doubleMetaphone('Schneider')[1]).toBe(doubleMetaphone('Snyder')[0]);
  });
  it('nicknames', () => {
    expect(areNicknames('Bill', 'William')).toBe(true);
    expect(areNicknames('PEPE', 'jose')).toBe(true);
    expect(areNicknames('Bill', 'Robert')).toBe(false);
    expect(areNicknames('Bill', 'Bill')).toBe(false);
    expect(areNicknames('Zebulon', 'Zeb')).toBe(false);
  });
});

const person = (over: Partial<MatchablePatient> & { id: string }): MatchablePatient => ({
  name: { given: 'William', family: 'Smith' },
  birthDate: '1980-03-04',
  sex: 'male',
  addresses: [{ line: ['12 Elm Street'], city: 'Boston', state: 'MA', postalCode: '02118' }],
  phones: [{ value: '+16175550100' }],
  ...over,
});

describe('comparePatients', () => {
  it('assigns the documented levels', () => {
    const c = comparePatients(
      person({ id: 'a' }),
      person({
        id: 'b',
        name: { given: 'Bill', family: 'Smyth' },
        birthDate: '1980-04-03',
        addresses: [{ line: ['12 Elm St'], city: 'BOSTON', state: 'MA', postalCode: '02119' }],
        phones: [{ value: '(508) 555-0100' }],
      }),
    );
    expect(c.levels).toMatchObject({
      given: 'nickname',
      family: 'jw-0.88', // SMITH/SMYTH: 0.8933, worked in the next test
      birthDate: 'day-month-swap',
      sex: 'exact',
      street: 'exact',
      city: 'exact',
      state: 'exact',
      postalCode: 'similar',
      phone: 'similar',
      email: 'missing',
      ssn: 'missing',
      mrn: 'missing',
    });
    expect(c.guards).toEqual([]);
  });
  it('Jaro-Winkler bands and the phonetic level', () => {
    // SMITH/SMYTH: 4 of 5 match, no transposition: (0.8 + 0.8 + 1) / 3 = 0.8667; prefix 2 → 0.8933 (≥ 0.88)
    const band = (x: string, y: string) =>
      comparePatients({ id: '1', name: { family: x } }, { id: '2', name: { family: y } }).levels.family;
    expect(band('Smith', 'Smyth')).toBe('jw-0.88');
    expect(band('Johnson', 'Jonson')).toBe('jw-0.92');
    expect(band('Schneider', 'Snyder')).toBe('phonetic');
    expect(band('Smith', 'Garcia')).toBe('different');
    expect(band('Smith', '')).toBe('missing');
    expect(band("O'Brien", 'OBRIEN')).toBe('exact');
    expect(band('Medhurst46', 'Medhurst')).toBe('exact'); // Synthea digits stripped
  });
  it('date levels: one edit, same year-month, within a year, different', () => {
    const level = (x: string, y: string) =>
      comparePatients({ id: '1', name: {}, birthDate: x }, { id: '2', name: {}, birthDate: y }).levels
        .birthDate;
    expect(level('1980-03-04', '1980-03-07')).toBe('one-edit');
    expect(level('1980-03-04', '1980-03-27')).toBe('same-year-month');
    expect(level('1980-03-04', '1980-11-30')).toBe('within-year');
    expect(level('1980-03-04', '1990-07-30')).toBe('different');
  });
  it('detects swapped given and family names, and a previous family name', () => {
    const swapped = comparePatients(
      person({ id: 'a' }),
      person({ id: 'b', name: { given: 'Smith', family: 'William' } }),
    );
    expect([swapped.levels.given, swapped.levels.family]).toEqual(['swapped', 'swapped']);
    const married = comparePatients(
      person({ id: 'a', name: { given: 'Ann', family: 'Jones' }, previousNames: [{ family: 'Garcia' }] }),
      person({ id: 'b', name: { given: 'Ann', family: 'Garcia' } }),
    );
    expect(married.levels.family).toBe('previous-name');
  });
  it('guards twins and Jr/Sr', () => {
    const twins = comparePatients(
      person({ id: 'a', name: { given: 'Amelia', family: 'Ryan' }, multipleBirth: 1 }),
      person({ id: 'b', name: { given: 'Edward', family: 'Ryan' }, multipleBirth: 2 }),
    );
    expect(twins.guards).toEqual(['twins']);
    const unflagged = comparePatients(
      person({ id: 'a', name: { given: 'Amelia', family: 'Ryan' } }),
      person({ id: 'b', name: { given: 'Edward', family: 'Ryan' } }),
    );
    expect(unflagged.guards).toEqual(['twins']);
    const juniorSenior = comparePatients(
      person({ id: 'a', name: { given: 'Robert', family: 'King', suffix: 'Jr' } }),
      person({ id: 'b', name: { given: 'Robert', family: 'King', suffix: 'Sr.' } }),
    );
    expect(juniorSenior.guards).toEqual(['generational-suffix']);
    expect(scoreMatch(juniorSenior).decision).toBe('non-match');
    expect(scoreMatch(juniorSenior).weight).toBeGreaterThan(10);
  });
  it('compares MRNs only within one system', () => {
    const mrn = (system: string, value: string) => [{ kind: 'MRN', system, value }];
    const level = (x: MatchablePatient['identifiers'], y: MatchablePatient['identifiers']) =>
      comparePatients({ id: '1', name: {}, identifiers: x }, { id: '2', name: {}, identifiers: y }).levels
        .mrn;
    expect(level(mrn('hosp-a', '1'), mrn('hosp-a', '1'))).toBe('exact');
    expect(level(mrn('hosp-a', '1'), mrn('hosp-a', '2'))).toBe('different');
    expect(level(mrn('hosp-a', '1'), mrn('hosp-b', '2'))).toBe('missing');
  });
});

describe('scoreMatch', () => {
  it('sums log2(m/u) and the prior', () => {
    const w = matchWeights(DEFAULT_MATCH_PARAMETERS);
    expect(w.prior).toBeCloseTo(Math.log2(0.01 / 0.99), 10);
    expect(w.fields['birthDate']?.['exact']).toBeCloseTo(Math.log2(0.88 / 0.00005), 10); // ≈ 14.1
    const c = comparePatients(
      { id: '1', name: {}, birthDate: '1980-03-04' },
      { id: '2', name: {}, birthDate: '1980-03-04' },
    );
    const s = scoreMatch(c);
    // Only the birth date is present: prior + DOB exact = -6.63 + 14.10 = 7.47 → review
    expect(s.weight).toBeCloseTo(Math.log2(0.01 / 0.99) + Math.log2(0.88 / 0.00005), 10);
    expect(s.decision).toBe('review');
    expect(s.grade).toBe('possible');
    expect(s.evidence[0]).toEqual({ field: 'birthDate', level: 'exact', weight: expect.closeTo(14.1, 1) });
    expect(s.probability).toBeCloseTo(1 / (1 + 2 ** -s.weight), 12);
  });
  it('classifies by thresholds', () => {
    const c = comparePatients(person({ id: 'a' }), person({ id: 'b' }));
    expect(scoreMatch(c).grade).toBe('certain');
    expect(scoreMatch(c, DEFAULT_MATCH_PARAMETERS, { match: 1000, review: 0 }).decision).toBe('review');
  });
});

describe('findDuplicates, matchPatient, estimation', () => {
  const people: MatchablePatient[] = [
    person({ id: 'p1' }),
    person({ id: 'p2', name: { given: 'Bill', family: 'Smith' }, phones: [] }),
    person({
      id: 'p3',
      name: { given: 'Maria', family: 'Lopez' },
      birthDate: '1975-09-12',
      addresses: [],
      phones: [],
    }),
    person({
      id: 'p4',
      name: { given: 'Mariah', family: 'Lopez' },
      birthDate: '1975-09-21',
      addresses: [],
      phones: [],
    }),
    person({
      id: 'p5',
      name: { given: 'Chen', family: 'Wei' },
      birthDate: '1990-01-01',
      addresses: [],
      phones: [],
    }),
  ];
  it('finds the planted pairs with explanations and clusters', () => {
    const report = findDuplicates(people);
    expect(report.pairs.map((p) => [p.a, p.b, p.decision])).toEqual([
      ['p1', 'p2', 'match'],
      ['p3', 'p4', 'match'],
    ]);
    expect(report.clusters).toEqual([
      ['p1', 'p2'],
      ['p3', 'p4'],
    ]);
    expect(report.pairs[0]?.evidence.find((e) => e.field === 'given')?.level).toBe('nickname');
  });
  it('matchPatient finds an existing chart for a walk-in and nothing for a stranger', () => {
    const index = buildPatientIndex(people);
    const [best] = matchPatient(person({ id: 'new', name: { given: 'Will', family: 'Smith' } }), index);
    expect(best?.patientId).toBe('p1');
    expect(best?.decision).toBe('match');
    expect(
      matchPatient({ id: 'x', name: { given: 'Zed', family: 'Quill' }, birthDate: '2001-02-03' }, index),
    ).toEqual([]);
  });
  it('EM recovers a sensible match rate among candidates', () => {
    const features = people.map((p) => matchFeatures(p));
    const params = estimateMatchParameters(
      [comparePatients(people[0] as MatchablePatient, people[1] as MatchablePatient)],
      sampleRandomPairs(features, 200, 7),
      { iterations: 10 },
    );
    expect(params.prior).toBeGreaterThan(0.5);
    expect(params.fields.birthDate?.['exact']?.m).toBeGreaterThan(params.fields.birthDate?.['exact']?.u ?? 1);
    expect(
      findDuplicates(people, { parameters: 'estimate', randomPairs: 200 }).parameters.prior,
    ).toBeGreaterThan(0);
  });
});
