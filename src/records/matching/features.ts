/**
 * Per-record matching features, computed once per record so that comparing two records does no
 * string cleaning: names without digits or punctuation, phonetic keys, the birth date as
 * YYYYMMDD, standardized address parts, NANP phone digits, lower-case emails, identifiers.
 */
import { standardizeAddressText, standardizeStreetLine } from '../address.js';
import { generationalSuffix } from '../names.js';
import { doubleMetaphone } from './doubleMetaphone.js';

/**
 * The fields of a patient that matching reads. `Patient` satisfies it; so does a partial record
 * from another system (missing fields compare as `missing`, weight 0).
 */
export interface MatchablePatient {
  /** Chart id, returned in results. */
  readonly id: string;
  /** Current name. */
  readonly name: {
    readonly family?: string | undefined;
    readonly given?: string | undefined;
    /** Middle names or initials; the first is compared. */
    readonly middle?: readonly string[] | undefined;
    readonly suffix?: string | undefined;
  };
  /** Earlier names (maiden name, before a name change). */
  readonly previousNames?: readonly { readonly family?: string | undefined }[] | undefined;
  /** `YYYY-MM-DD`. */
  readonly birthDate?: string | undefined;
  /** Administrative sex (`male`, `female`, `M`, `F`, other values count as missing). */
  readonly sex?: string | undefined;
  /** Twins and other multiple births. */
  readonly multipleBirth?: boolean | number | undefined;
  /** Addresses; the first is compared. */
  readonly addresses?:
    | readonly {
        readonly line?: readonly string[] | undefined;
        readonly city?: string | undefined;
        readonly state?: string | undefined;
        readonly postalCode?: string | undefined;
      }[]
    | undefined;
  /** Phones, any format; compared as NANP digits. */
  readonly phones?: readonly { readonly value: string }[] | undefined;
  /** Email addresses. */
  readonly emails?: readonly string[] | undefined;
  /**
   * Identifiers; SSN compared as digits (a value with only four digits, such as `xxx-xx-1234`,
   * is the last four; seven to nine digits are a full number: nine for a US SSN, seven or eight
   * for another country's social security number, such as FEBRL's `soc_sec_id`), MRN only within
   * one system.
   */
  readonly identifiers?:
    readonly { readonly kind: string; readonly system: string; readonly value: string }[] | undefined;
}

/** Precomputed matching features of one record. */
export interface MatchFeatures {
  /** Record id. */
  readonly id: string;
  /** Given name: upper case, letters only. */
  readonly given: string;
  /** Family name: upper case, letters only. */
  readonly family: string;
  /** Double Metaphone keys of the given name. */
  readonly givenKeys: readonly [string, string];
  /** Double Metaphone keys of the family name. */
  readonly familyKeys: readonly [string, string];
  /** First middle name, cleaned (an initial is one letter), or ''. */
  readonly middle: string;
  /** Cleaned earlier family names. */
  readonly previousFamilies: readonly string[];
  /** Generational suffix (`Jr`, `Sr`, `II`..) or ''. */
  readonly suffix: string;
  /** `YYYYMMDD` or ''. */
  readonly dob: string;
  /** `M`, `F` or ''. */
  readonly sex: string;
  /** A multiple birth is recorded. */
  readonly multipleBirth: boolean;
  /** Standardized first street line or ''. */
  readonly street: string;
  /** City, upper case. */
  readonly city: string;
  /** State, upper case. */
  readonly state: string;
  /** First five characters of the postal code. */
  readonly zip: string;
  /** Phones as 10 NANP digits (or all digits for other numbers). */
  readonly phones: readonly string[];
  /** Emails, lower case. */
  readonly emails: readonly string[];
  /** Full SSN digits (seven to nine) or ''. */
  readonly ssn: string;
  /** Last four SSN digits (of a full SSN or of a recorded last four) or ''. */
  readonly ssnLast4: string;
  /** MRNs as `system|value`. */
  readonly mrns: readonly string[];
}

const TITLES = /^(MR|MRS|MS|MISS|DR|PROF|REV|SR|JR|II|III|IV)$/;

/**
 * Cleans a name for comparison: diacritics removed, upper case, titles and generational suffixes
 * dropped, digits (Synthea appends them: `Medhurst46`) and punctuation removed, spaces removed.
 *
 * @param name - a name as stored
 * @returns `MEDHURST`; '' for nothing left
 * @example
 * cleanNameForMatching("O'Brien-Smith 46"); // 'OBRIENSMITH'
 */
export const cleanNameForMatching = (name: string | undefined): string => {
  if (name === undefined) return '';
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .split(' ')
    .filter((t) => t !== '' && !TITLES.test(t))
    .join('');
};

const phoneDigits = (v: string): string => {
  const d = v.replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
};

const sexCode = (s: string | undefined): string => {
  const u = (s ?? '').trim().toUpperCase();
  return u === 'M' || u === 'MALE' ? 'M' : u === 'F' || u === 'FEMALE' ? 'F' : '';
};

/** Phonetic keys already computed in one batch, by cleaned name (names repeat a lot). */
export type PhoneticCache = Map<string, readonly [string, string]>;

const phonetic = (name: string, cache: PhoneticCache | undefined): readonly [string, string] => {
  if (cache === undefined) return doubleMetaphone(name);
  let keys = cache.get(name);
  if (keys === undefined) {
    keys = doubleMetaphone(name);
    cache.set(name, keys);
  }
  return keys;
};

/**
 * Computes the matching features of a record.
 *
 * @param p - a patient or partial record
 * @param cache - optional phonetic-key cache shared across a batch (a plain Map the caller owns)
 * @returns its features
 * @example
 * matchFeatures({ id: 'a', name: { family: 'Smith', given: 'Bill' }, birthDate: '1980-01-02' }).dob; // '19800102'
 */
export const matchFeatures = (p: MatchablePatient, cache?: PhoneticCache): MatchFeatures => {
  const given = cleanNameForMatching(p.name.given);
  const family = cleanNameForMatching(p.name.family);
  const address = p.addresses?.[0];
  const dob = /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate ?? '') ? (p.birthDate as string).replace(/-/g, '') : '';
  const ssn = p.identifiers?.find((i) => i.kind === 'SSN')?.value.replace(/\D/g, '') ?? '';
  // A full number has seven to nine digits (a US SSN nine; other social security numbers, such
  // as FEBRL's soc_sec_id, seven or eight); four digits are a recorded last four.
  const FULL_MIN = 7;
  const FULL_MAX = 9;
  const LAST_FOUR = 4;
  const full = ssn.length >= FULL_MIN && ssn.length <= FULL_MAX;
  return {
    id: p.id,
    given,
    family,
    givenKeys: phonetic(given, cache),
    familyKeys: phonetic(family, cache),
    middle: cleanNameForMatching(p.name.middle?.[0]),
    previousFamilies: (p.previousNames ?? [])
      .map((n) => cleanNameForMatching(n.family))
      .filter((n) => n !== ''),
    suffix: generationalSuffix(p.name.suffix ?? '') ?? '',
    dob,
    sex: sexCode(p.sex),
    multipleBirth: p.multipleBirth !== undefined && p.multipleBirth !== false,
    street: address?.line?.[0] === undefined ? '' : standardizeStreetLine(address.line[0]),
    city: address?.city === undefined ? '' : standardizeAddressText(address.city),
    state: address?.state === undefined ? '' : standardizeAddressText(address.state),
    zip: (address?.postalCode ?? '').trim().slice(0, 5),
    phones: (p.phones ?? []).map((ph) => phoneDigits(ph.value)).filter((d) => d.length >= 7),
    emails: (p.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')),
    ssn: full ? ssn : '',
    ssnLast4: full || ssn.length === LAST_FOUR ? ssn.slice(-LAST_FOUR) : '',
    mrns: (p.identifiers ?? []).filter((i) => i.kind === 'MRN').map((i) => `${i.system}|${i.value.trim()}`),
  };
};
