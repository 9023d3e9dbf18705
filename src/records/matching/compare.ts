/**
 * Field-by-field comparison of two patients into comparison levels (records reference §2.2,
 * Splink's default levels §2.3): Jaro-Winkler bands, nicknames and Double Metaphone on names,
 * exact / day-month swap / one edit on birth dates, address, phone and email levels.
 */
import { areNicknames } from './nicknames.js';
import { matchFeatures, type MatchFeatures, type MatchablePatient } from './features.js';
import { jaroWinkler as jaroWinklerOrdered, withinOneEdit } from './strings.js';

// Argument order fixed so that every comparison is exactly symmetric.
const jaroWinkler = (x: string, y: string): number =>
  x < y ? jaroWinklerOrdered(x, y) : jaroWinklerOrdered(y, x);

/** Comparison levels of a name, best first. */
export const NAME_LEVELS = [
  'exact',
  'nickname',
  'previous-name',
  'swapped',
  'jw-0.92',
  'jw-0.88',
  'phonetic',
  'jw-0.70',
  'different',
] as const;
/** Comparison levels of a birth date, best first. */
export const DATE_LEVELS = [
  'exact',
  'day-month-swap',
  'one-edit',
  'same-year-month',
  'within-year',
  'different',
] as const;
/**
 * Comparison levels of the middle name: the same name; an initial that agrees with the other's
 * name (`J` and `James`); Jaro-Winkler at least 0.88; different.
 */
export const MIDDLE_NAME_LEVELS = ['exact', 'initial', 'similar', 'different'] as const;
/** Comparison levels of fields compared exactly, with a `similar` level for near agreement. */
export const FUZZY_LEVELS = ['exact', 'similar', 'different'] as const;

/** A name comparison level (`missing` when either side is empty). */
export type NameLevel = (typeof NAME_LEVELS)[number] | 'missing';
/** A middle name comparison level (`missing` when either record has none: absent is neutral). */
export type MiddleNameLevel = (typeof MIDDLE_NAME_LEVELS)[number] | 'missing';
/** A birth date comparison level. */
export type DateLevel = (typeof DATE_LEVELS)[number] | 'missing';
/**
 * A level of the other fields. `similar` means: street or city Jaro-Winkler at least 0.9; postal
 * code, SSN one edit; phone same last 7 digits; email same local part.
 */
export type FuzzyLevel = (typeof FUZZY_LEVELS)[number] | 'missing';

/** The compared fields and the levels each can take. */
export interface PatientComparisonLevels {
  /** Given name. */
  readonly given: NameLevel;
  /** Family name (`previous-name`: matches an earlier family name of the other record). */
  readonly family: NameLevel;
  /** Date of birth. */
  readonly birthDate: DateLevel;
  /** Administrative sex (`similar` never occurs). */
  readonly sex: FuzzyLevel;
  /** First street line. */
  readonly street: FuzzyLevel;
  /** City. */
  readonly city: FuzzyLevel;
  /** State (`similar` never occurs). */
  readonly state: FuzzyLevel;
  /** Postal code. */
  readonly postalCode: FuzzyLevel;
  /** Any phone of one against any of the other. */
  readonly phone: FuzzyLevel;
  /** Any email of one against any of the other. */
  readonly email: FuzzyLevel;
  /** SSN (only when both records carry one). */
  readonly ssn: FuzzyLevel;
  /**
   * Last four SSN digits, when at least one record has only the last four (`missing` when
   * both have a full SSN, compared by `ssn`, or either has none). `similar` never occurs.
   */
  readonly ssnLast4: FuzzyLevel;
  /** First middle name or initial. */
  readonly middleName: MiddleNameLevel;
  /**
   * Earlier family names (maiden names): `exact` when the records share one, `different` when
   * both record earlier names and none is shared, `missing` otherwise. `similar` never occurs.
   */
  readonly previousFamily: FuzzyLevel;
  /** MRN within the same assigning system (`missing` when no system is shared). */
  readonly mrn: FuzzyLevel;
}

/** The name of a compared field. */
export type ComparisonField = keyof PatientComparisonLevels;

/**
 * Reasons two records must not be merged automatically, whatever their score.
 *
 * - `twins` (never a match): a multiple birth is recorded on either record and the given names
 *   are not the same, nicknames or close variants (Jaro-Winkler ≥ 0.92, unless the sexes
 *   differ: Alexander and Alexandra); or, unflagged, the same birth date, family name (or a
 *   typo of it) and street or phone with distinct given names (Jaro-Winkler below 0.88, or
 *   alike only in sound from different first letters: Owen and Wayne), when both records record
 *   their sex (registration data always does, and without it a replaced given name can't be
 *   told from a twin). An agreeing SSN does not lift it: twins' charts may both carry their
 *   guarantor's number.
 * - `generational-suffix` (never a match): different Jr / Sr / II / III.
 * - `household` (at most `review`): the records share household evidence (the same street line
 *   or phone, or the family name or a typo of it: family members and cousins share them, so they
 *   say little about identity) and either the given names are distinct (Jaro-Winkler below 0.88
 *   and neither a nickname nor a phonetic variant from the same first letter) without both an
 *   exactly agreeing birth date
 *   and a shared street or phone; or the birth dates differ by more than a plausible typo (digit
 *   transposition, day/month swap, one digit) while the given names are not one name (the same,
 *   a nickname of it, or given and family exchanged, with no sex disagreeing: Bryan and Ryan are
 *   two names), a suffix is recorded on one record only (Jr / Sr half recorded), or no street,
 *   phone or e-mail address is shared (a namesake elsewhere). Siblings, spouses, a parent and a
 *   child, cousins. The same name at the same street or phone with a birth date no typo explains
 *   stays a match: one keying error, which is also all that tells a father and son apart when
 *   neither suffix is recorded. A full SSN that agrees exactly lifts the guard when a second
 *   personal attribute agrees too: the same birth date (or day and month swapped), or one name
 *   with no suffix half recorded. It does not on its own: a dependent's chart may carry the
 *   guarantor's number, and a near miss (one digit) may be a twin's consecutive number.
 * - `identifier-conflict` (at most `review`): a partial identifier disagrees: the last four SSN
 *   digits, the middle name (not an initial or typo of it) or the earlier family names.
 */
export type MatchGuard = 'twins' | 'generational-suffix' | 'household' | 'identifier-conflict';

/** The comparison of two patients: a level per field and the guards that apply. */
export interface PatientComparison {
  /** Id of the first record. */
  readonly a: string;
  /** Id of the second record. */
  readonly b: string;
  /** Level per field. */
  readonly levels: PatientComparisonLevels;
  /** Never-merge guards that apply (empty for most pairs). */
  readonly guards: readonly MatchGuard[];
  /**
   * Fields whose agreement another field already implies, weighed 0: the city when both US ZIP
   * Codes (five digits) agree, since the ZIP names the USPS city (counted twice, it lets a
   * namesake in the same ZIP reach `match`). A 4-digit Australian postcode spans suburbs, so there
   * the suburb still counts.
   */
  readonly implied: readonly ComparisonField[];
}

const jwLevel = (jw: number): NameLevel =>
  jw >= 0.92 ? 'jw-0.92' : jw >= 0.88 ? 'jw-0.88' : jw >= 0.7 ? 'jw-0.70' : 'different';

const keysMeet = (x: readonly [string, string], y: readonly [string, string]): boolean =>
  x[0] !== '' && (x[0] === y[0] || x[0] === y[1] || (x[1] !== '' && (x[1] === y[0] || x[1] === y[1])));

const nameLevel = (
  x: string,
  y: string,
  kx: readonly [string, string],
  ky: readonly [string, string],
  nick: boolean,
): NameLevel => {
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'exact';
  if (nick && areNicknames(x, y)) return 'nickname';
  const level = jwLevel(jaroWinkler(x, y));
  if ((level === 'jw-0.70' || level === 'different') && keysMeet(kx, ky)) return 'phonetic';
  return level;
};

const RANK: Readonly<Record<NameLevel, number>> = {
  exact: 0,
  nickname: 1,
  'previous-name': 2,
  swapped: 3,
  'jw-0.92': 4,
  'jw-0.88': 5,
  phonetic: 6,
  'jw-0.70': 7,
  different: 8,
  missing: 9,
};

const dateLevel = (x: string, y: string): DateLevel => {
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'exact';
  if (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6))
    return 'day-month-swap';
  if (withinOneEdit(x, y)) return 'one-edit';
  if (x.slice(0, 6) === y.slice(0, 6)) return 'same-year-month';
  const days = (s: string): number =>
    Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
  return Math.abs(days(x) - days(y)) <= 366 * 86_400_000 ? 'within-year' : 'different';
};

const exactLevel = (x: string, y: string): FuzzyLevel =>
  x === '' || y === '' ? 'missing' : x === y ? 'exact' : 'different';

const jwFuzzy = (x: string, y: string): FuzzyLevel => {
  const e = exactLevel(x, y);
  return e === 'different' && jaroWinkler(x, y) >= 0.9 ? 'similar' : e;
};

const editFuzzy = (x: string, y: string): FuzzyLevel => {
  const e = exactLevel(x, y);
  return e === 'different' && withinOneEdit(x, y) ? 'similar' : e;
};

const listLevel = (
  xs: readonly string[],
  ys: readonly string[],
  near: (x: string, y: string) => boolean,
): FuzzyLevel => {
  if (xs.length === 0 || ys.length === 0) return 'missing';
  if (xs.some((x) => ys.includes(x))) return 'exact';
  return xs.some((x) => ys.some((y) => near(x, y))) ? 'similar' : 'different';
};

const middleLevel = (x: string, y: string): MiddleNameLevel => {
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'exact';
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return 'initial';
  return x.length > 1 && y.length > 1 && jaroWinkler(x, y) >= 0.88 ? 'similar' : 'different';
};

const sharedLevel = (xs: readonly string[], ys: readonly string[]): FuzzyLevel =>
  xs.length === 0 || ys.length === 0 ? 'missing' : xs.some((x) => ys.includes(x)) ? 'exact' : 'different';

/** Given-name levels that say "another person's name", not a variant of the same one. */
const DISTINCT_GIVEN: ReadonlySet<NameLevel> = new Set(['jw-0.70', 'different']);
/** Birth-date levels no single keying error explains. */
const BEYOND_TYPO: ReadonlySet<DateLevel> = new Set(['same-year-month', 'within-year', 'different']);
/**
 * Birth-date levels of one date: exact, or day and month swapped within the year. Not one edit:
 * siblings born on one day four years apart (2011-11-20 and 2015-11-20) are one edit apart.
 */
const SAME_DATE: ReadonlySet<DateLevel> = new Set(['exact', 'day-month-swap']);
/**
 * Given-name levels of one name written another way (beside `exact`): a nickname, or given and
 * family name exchanged. Not a close spelling: Bryan and Ryan, a father and his son, are
 * Jaro-Winkler 0.93.
 */
const SAME_NAME: ReadonlySet<NameLevel> = new Set(['nickname', 'swapped']);

const US_ZIP = /^\d{5}$/;

const localPart = (e: string): string => (e.split('@')[0] ?? '').replace(/\./g, '');

const mrnLevel = (xs: readonly string[], ys: readonly string[]): FuzzyLevel => {
  let shared = false;
  for (const x of xs) {
    const system = x.slice(0, x.indexOf('|') + 1);
    for (const y of ys) {
      if (!y.startsWith(system)) continue;
      if (x === y) return 'exact';
      shared = true;
    }
  }
  return shared ? 'different' : 'missing';
};

/**
 * Compares two records' precomputed features (the fast path behind {@link comparePatients}).
 *
 * @param a - features of the first record
 * @param b - features of the second record
 * @returns levels per field and guards
 * @example
 * compareFeatures(matchFeatures(p1), matchFeatures(p2)).levels.birthDate; // 'day-month-swap'
 */
export const compareFeatures = (a: MatchFeatures, b: MatchFeatures): PatientComparison => {
  let given = nameLevel(a.given, b.given, a.givenKeys, b.givenKeys, true);
  let family = nameLevel(a.family, b.family, a.familyKeys, b.familyKeys, false);
  if (RANK[family] > RANK['jw-0.92'] && family !== 'missing') {
    if (a.previousFamilies.includes(b.family) || b.previousFamilies.includes(a.family))
      family = 'previous-name';
  }
  if (RANK[given] > RANK['jw-0.92'] && given !== 'missing' && family !== 'missing') {
    const crossGiven = jaroWinkler(a.given, b.family);
    const crossFamily = jaroWinkler(a.family, b.given);
    if (crossGiven >= 0.92 && crossFamily >= 0.92) {
      given = 'swapped';
      family = 'swapped';
    }
  }
  const birthDate = dateLevel(a.dob, b.dob);
  const levels: PatientComparisonLevels = {
    given,
    family,
    birthDate,
    sex: exactLevel(a.sex, b.sex),
    street: jwFuzzy(a.street, b.street),
    city: jwFuzzy(a.city, b.city),
    state: exactLevel(a.state, b.state),
    postalCode: editFuzzy(a.zip, b.zip),
    phone: listLevel(a.phones, b.phones, (x, y) => x.slice(-7) === y.slice(-7)),
    email: listLevel(a.emails, b.emails, (x, y) => localPart(x) === localPart(y)),
    ssn: editFuzzy(a.ssn, b.ssn),
    ssnLast4: a.ssn !== '' && b.ssn !== '' ? 'missing' : exactLevel(a.ssnLast4, b.ssnLast4),
    middleName: middleLevel(a.middle, b.middle),
    previousFamily: sharedLevel(a.previousFamilies, b.previousFamilies),
    mrn: mrnLevel(a.mrns, b.mrns),
  };
  const guards: MatchGuard[] = [];
  const givenDiffers =
    given !== 'exact' && given !== 'nickname' && given !== 'missing' && given !== 'jw-0.92';
  // Two names that only sound alike from different first letters are two names (Owen and Wayne,
  // twins of the household set): a misspelling keeps the first letter far more often than not.
  const givenDistinct =
    DISTINCT_GIVEN.has(given) || (given === 'phonetic' && a.given.charAt(0) !== b.given.charAt(0));
  // Alexander and Alexandra are close strings but, with different sexes, two names.
  const namesDiffer =
    givenDistinct ||
    (levels.sex === 'different' && given !== 'exact' && given !== 'nickname' && given !== 'missing');
  const sameHousehold = levels.street === 'exact' || levels.phone === 'exact';
  if (
    ((a.multipleBirth || b.multipleBirth) && (givenDiffers || namesDiffer)) ||
    (birthDate === 'exact' &&
      family !== 'different' &&
      family !== 'missing' &&
      namesDiffer &&
      sameHousehold &&
      levels.sex !== 'missing')
  )
    guards.push('twins');
  if (a.suffix !== '' && b.suffix !== '' && a.suffix !== b.suffix) guards.push('generational-suffix');
  // Household fields agree for every member of a family (and a family name is shared by
  // cousins across town), so with them the identity evidence left is the given name and the
  // birth date. Not enough to merge: a distinct given name without both an exactly agreeing
  // birth date and a shared street or phone; a birth date no keying error explains with a
  // given name that differs, a suffix on one record only (Jr / Sr half recorded), or no shared
  // street or phone (a namesake elsewhere). The same name and street with a wrong birth date
  // stays a match: one keying error. A shared e-mail address places a namesake as a shared street
  // or phone does (the only family members with one full name are a Jr and Sr, guarded when one
  // chart records the suffix); it does not lift the guard on distinct given names, where twins
  // with a family address would otherwise merge.
  const householdEvidence = sameHousehold || (family !== 'different' && family !== 'missing');
  const suffixOnOneSide = (a.suffix === '') !== (b.suffix === '');
  const namesakePlaced = sameHousehold || levels.email === 'exact';
  // One name written two ways (a nickname, given and family exchanged) is the same name, unless
  // the sexes differ (Alexander and Alexandra, both Alex).
  const sameName = given === 'exact' || (SAME_NAME.has(given) && levels.sex !== 'different');
  const householdGuard =
    householdEvidence &&
    ((givenDistinct && !(birthDate === 'exact' && sameHousehold)) ||
      (BEYOND_TYPO.has(birthDate) && (!sameName || suffixOnOneSide || !namesakePlaced)));
  // A full SSN that agrees exactly belongs to one person: twins and siblings have their own
  // (twins' numbers are often consecutive, so a near miss says nothing). What a family does
  // share is a number keyed from the wrong chart (the guarantor's SSN on a dependent's), so it
  // identifies only with a second personal attribute that agrees: the birth date (exact, or day
  // and month swapped), or the given name (exact, a nickname, or given and family exchanged) when
  // no suffix is half recorded. A parent and child, or siblings, under one keyed number differ on
  // both; a Jr under his father's number shares the name, and the suffix on one chart keeps them
  // apart. A missing value agrees with nothing. The twins and Jr / Sr guards stay whatever the
  // SSN: twins under their guarantor's number share the birth date.
  const identifiedBySsn =
    levels.ssn === 'exact' && (SAME_DATE.has(birthDate) || (sameName && !suffixOnOneSide));
  if (householdGuard && !identifiedBySsn) guards.push('household');
  if (
    levels.ssnLast4 === 'different' ||
    levels.middleName === 'different' ||
    levels.previousFamily === 'different'
  )
    guards.push('identifier-conflict');
  const implied: ComparisonField[] = levels.postalCode === 'exact' && US_ZIP.test(a.zip) ? ['city'] : [];
  return { a: a.id, b: b.id, levels, guards, implied };
};

/**
 * Compares two patients field by field into comparison levels.
 *
 * Names: cleaned (no diacritics, digits, titles, punctuation), then exact; nickname (given
 * names); previous-name (family name equals an earlier family name of the other); swapped (given
 * and family exchanged, Jaro-Winkler ≥ 0.92 crosswise); Jaro-Winkler ≥ 0.92, ≥ 0.88; phonetic
 * (Double Metaphone keys meet); ≥ 0.70; different. Birth date: exact; day-month swap; one edit
 * (Damerau-Levenshtein ≤ 1 on YYYYMMDD); same year and month; within a year; different. Other
 * fields as in {@link FuzzyLevel}. Empty values compare as `missing`. The comparison is
 * symmetric: swapping `a` and `b` gives the same levels. No time zone is involved.
 *
 * @param a - a patient (or partial record)
 * @param b - another patient
 * @returns the levels per field and the never-merge guards
 * @example
 * comparePatients(
 *   { id: '1', name: { given: 'William', family: 'Smith' }, birthDate: '1980-03-04' },
 *   { id: '2', name: { given: 'Bill', family: 'Smyth' }, birthDate: '1980-04-03' },
 * ).levels; // { given: 'nickname', family: 'jw-0.92', birthDate: 'day-month-swap', ... }
 */
export const comparePatients = (a: MatchablePatient, b: MatchablePatient): PatientComparison =>
  compareFeatures(matchFeatures(a), matchFeatures(b));
