/**
 * Blocking (records reference §2.4): only records sharing a blocking key are compared, so that
 * 100,000 records don't need 5 billion comparisons. Several rules are combined (a union): a true
 * pair is found if any one rule puts both records in one block.
 */
import type { MatchFeatures } from './features.js';

/** A blocking rule: which key puts two records in the same block. */
export type BlockingRule =
  | 'name-phonetic'
  | 'birth-date'
  | 'postcode-family'
  | 'postcode-given'
  | 'family-birth-year'
  | 'given-birth-year'
  | 'street-postcode'
  | 'street-number-name'
  | 'street-number-postcode'
  | 'city-family'
  | 'phone'
  | 'email'
  | 'email-local';

/**
 * The default union of rules: phonetic family + given name (in either order); birth date;
 * postcode + phonetic family; postcode + phonetic given; phonetic family + birth year; phonetic
 * given + birth year; street + postcode; house number + first 3 letters of the street; house
 * number + postcode; city + phonetic family; phone; email; email local part. Each rule survives the errors the others can't: a typo in the
 * birth date, a moved household, a changed family name.
 */
export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  'name-phonetic',
  'birth-date',
  'postcode-family',
  'postcode-given',
  'family-birth-year',
  'given-birth-year',
  'street-number-name',
  'street-number-postcode',
  'city-family',
  'phone',
  'email',
  'email-local',
];

const join = (rule: string, ...parts: string[]): string | undefined =>
  parts.every((p) => p !== '') ? `${rule}|${parts.join('|')}` : undefined;

/**
 * The blocking keys of one record under the given rules (no key when a needed field is empty).
 *
 * @param f - the record's features
 * @param rules - blocking rules
 * @returns keys such as `B|19800304`
 * @example
 * blockingKeys(matchFeatures(patient), ['birth-date']); // ['B|19800304']
 */
export const blockingKeys = (f: MatchFeatures, rules: readonly BlockingRule[]): string[] => {
  const keys: (string | undefined)[] = [];
  const year = f.dob.slice(0, 4);
  const street = /^(\d+)\s*(.*)$/.exec(f.street);
  const number = street?.[1] ?? '';
  const streetStart = (street?.[2] ?? '').replace(/ /g, '').slice(0, 3);
  for (const rule of rules) {
    switch (rule) {
      case 'name-phonetic': {
        // Order-free, so that a given/family swap lands in the same block.
        const [x, y] = [f.familyKeys[0], f.givenKeys[0]].sort() as [string, string];
        keys.push(join('N', x, y));
        break;
      }
      case 'birth-date':
        keys.push(join('B', f.dob));
        break;
      case 'postcode-family':
        keys.push(join('PF', f.zip, f.familyKeys[0]));
        break;
      case 'postcode-given':
        keys.push(join('PG', f.zip, f.givenKeys[0]));
        break;
      case 'family-birth-year':
        keys.push(join('FY', f.familyKeys[0], year));
        break;
      case 'given-birth-year':
        keys.push(join('GY', f.givenKeys[0], year));
        break;
      case 'street-postcode':
        keys.push(join('S', f.street, f.zip));
        break;
      case 'street-number-name':
        keys.push(join('SN', number, streetStart));
        break;
      case 'street-number-postcode':
        keys.push(join('SP', number, f.zip));
        break;
      case 'city-family':
        keys.push(join('CF', f.city.replace(/ /g, '').slice(0, 5), f.familyKeys[0]));
        break;
      case 'phone':
        for (const p of f.phones) keys.push(join('T', p));
        break;
      case 'email':
        for (const e of f.emails) keys.push(join('E', e));
        break;
      case 'email-local':
        // The part before @ without dots: survives a typo in the domain.
        for (const e of f.emails) keys.push(join('EL', (e.split('@')[0] ?? '').replace(/\./g, '')));
        break;
    }
  }
  return keys.filter((k): k is string => k !== undefined);
};

/**
 * Groups records by blocking key.
 *
 * @param features - the records' features
 * @param rules - blocking rules
 * @returns key → indexes into `features`
 * @example
 * buildBlocks(features, DEFAULT_BLOCKING_RULES).get('B|19800304'); // [3, 17]
 */
export const buildBlocks = (
  features: readonly MatchFeatures[],
  rules: readonly BlockingRule[],
): Map<string, number[]> => {
  const blocks = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const key of blockingKeys(f, rules)) {
      const list = blocks.get(key);
      if (list === undefined) blocks.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return blocks;
};
