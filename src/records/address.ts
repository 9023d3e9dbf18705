/**
 * US address standardization after USPS Publication 28: upper case, no punctuation, street
 * suffixes (Appendix C1), directionals (§233) and secondary unit designators (Appendix C2)
 * abbreviated, states as two-letter codes.
 */
import type { Address } from './model.js';

/** USPS Pub 28 Appendix C1: common street suffixes (full word → standard abbreviation). */
const STREET_SUFFIX: ReadonlyMap<string, string> = new Map(Object.entries({
  ALLEY: 'ALY', AVENUE: 'AVE', AV: 'AVE', BOULEVARD: 'BLVD', BRIDGE: 'BRG', CIRCLE: 'CIR', COURT: 'CT',
  COVE: 'CV', CREEK: 'CRK', CRESCENT: 'CRES', CROSSING: 'XING', DRIVE: 'DR', EXPRESSWAY: 'EXPY',
  FREEWAY: 'FWY', GARDENS: 'GDNS', HEIGHTS: 'HTS', HIGHWAY: 'HWY', HILL: 'HL', LANE: 'LN', LOOP: 'LOOP',
  MOUNTAIN: 'MTN', PARKWAY: 'PKWY', PLACE: 'PL', PLAZA: 'PLZ', POINT: 'PT', ROAD: 'RD', ROUTE: 'RTE',
  SQUARE: 'SQ', STREET: 'ST', STR: 'ST', TERRACE: 'TER', TRAIL: 'TRL', TURNPIKE: 'TPKE', VIEW: 'VW',
  VILLAGE: 'VLG', WAY: 'WAY', RIDGE: 'RDG', RUN: 'RUN', PATH: 'PATH', WALK: 'WALK',
})); // prettier-ignore

/** USPS Pub 28 §233: directionals. */
const DIRECTIONAL: ReadonlyMap<string, string> = new Map(Object.entries({
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', NORTHEAST: 'NE', NORTHWEST: 'NW', SOUTHEAST: 'SE', SOUTHWEST: 'SW',
})); // prettier-ignore
const DIRECTIONAL_ABBREVIATIONS: ReadonlySet<string> = new Set(DIRECTIONAL.values());

/** USPS Pub 28 Appendix C2: secondary unit designators. */
const UNIT_DESIGNATOR: ReadonlyMap<string, string> = new Map(Object.entries({
  APARTMENT: 'APT', APT: 'APT', BUILDING: 'BLDG', BLDG: 'BLDG', DEPARTMENT: 'DEPT', DEPT: 'DEPT', FLOOR: 'FL',
  FL: 'FL', ROOM: 'RM', RM: 'RM', SUITE: 'STE', STE: 'STE', UNIT: 'UNIT', SPACE: 'SPC', LOT: 'LOT', '#': '#',
})); // prettier-ignore

/**
 * Two-letter codes of the states, DC, territories and military "states" (USPS Pub 28 Appendix B),
 * by full name.
 */
const US_STATE_CODES: ReadonlyMap<string, string> = new Map(Object.entries({
  ALABAMA: 'AL', ALASKA: 'AK', ARIZONA: 'AZ', ARKANSAS: 'AR', CALIFORNIA: 'CA', COLORADO: 'CO', CONNECTICUT: 'CT',
  DELAWARE: 'DE', 'DISTRICT OF COLUMBIA': 'DC', FLORIDA: 'FL', GEORGIA: 'GA', HAWAII: 'HI', IDAHO: 'ID',
  ILLINOIS: 'IL', INDIANA: 'IN', IOWA: 'IA', KANSAS: 'KS', KENTUCKY: 'KY', LOUISIANA: 'LA', MAINE: 'ME',
  MARYLAND: 'MD', MASSACHUSETTS: 'MA', MICHIGAN: 'MI', MINNESOTA: 'MN', MISSISSIPPI: 'MS', MISSOURI: 'MO',
  MONTANA: 'MT', NEBRASKA: 'NE', NEVADA: 'NV', 'NEW HAMPSHIRE': 'NH', 'NEW JERSEY': 'NJ', 'NEW MEXICO': 'NM',
  'NEW YORK': 'NY', 'NORTH CAROLINA': 'NC', 'NORTH DAKOTA': 'ND', OHIO: 'OH', OKLAHOMA: 'OK', OREGON: 'OR',
  PENNSYLVANIA: 'PA', 'RHODE ISLAND': 'RI', 'SOUTH CAROLINA': 'SC', 'SOUTH DAKOTA': 'SD', TENNESSEE: 'TN',
  TEXAS: 'TX', UTAH: 'UT', VERMONT: 'VT', VIRGINIA: 'VA', WASHINGTON: 'WA', 'WEST VIRGINIA': 'WV',
  WISCONSIN: 'WI', WYOMING: 'WY', 'PUERTO RICO': 'PR', 'VIRGIN ISLANDS': 'VI', GUAM: 'GU',
  'AMERICAN SAMOA': 'AS', 'NORTHERN MARIANA ISLANDS': 'MP', 'ARMED FORCES AMERICAS': 'AA',
  'ARMED FORCES EUROPE': 'AE', 'ARMED FORCES PACIFIC': 'AP',
})); // prettier-ignore
const STATE_CODE_SET: ReadonlySet<string> = new Set(US_STATE_CODES.values());

/**
 * Upper-cases, strips punctuation other than `#` and `-`, and collapses spaces.
 *
 * @param s - free text
 * @returns the cleaned text
 * @example
 * standardizeAddressText(' 12  Main St., Apt. 4 '); // '12 MAIN ST APT 4'
 */
export const standardizeAddressText = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9#\-/ ]+/g, ' ')
    .replace(/#/g, ' # ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Standardizes one street line per USPS Pub 28: upper case, no punctuation, the street suffix
 * (the word before a trailing directional or unit designator) and directionals abbreviated, unit
 * designators abbreviated, `POST OFFICE BOX` / `P.O. BOX` as `PO BOX`. Applying it twice gives the
 * same line.
 *
 * @param line - a street line as typed
 * @returns the standardized line
 * @example
 * standardizeStreetLine('123 North Main Street, Apartment 4B'); // '123 N MAIN ST APT 4B'
 */
export const standardizeStreetLine = (line: string): string => {
  const cleaned = standardizeAddressText(line)
    .replace(/\bP ?O BOX\b/g, 'PO BOX')
    .replace(/\bPOST OFFICE BOX\b/g, 'PO BOX');
  const tokens = cleaned.split(' ').filter((t) => t !== '');
  if (tokens[0] === 'PO' && tokens[1] === 'BOX') return tokens.join(' ');
  let unit = tokens.findIndex((t, i) => i > 0 && UNIT_DESIGNATOR.has(t));
  if (unit < 0) unit = tokens.length;
  const out = tokens.map((t, i) => (i >= unit ? (UNIT_DESIGNATOR.get(t) ?? t) : t));
  let last = unit - 1;
  const dirAt = (i: number): void => {
    const t = out[i];
    const abbreviation = t === undefined ? undefined : DIRECTIONAL.get(t);
    if (abbreviation !== undefined) out[i] = abbreviation;
  };
  // Trailing directional (`MAIN ST NW`), then the suffix before it; a leading one after the number.
  if (last > 1) dirAt(last);
  if (last > 1 && DIRECTIONAL_ABBREVIATIONS.has(out[last] ?? '')) last -= 1;
  if (last > 0) {
    const t = out[last] ?? '';
    const suffix = STREET_SUFFIX.get(t);
    if (suffix !== undefined) out[last] = suffix;
  }
  if (/^\d/.test(out[0] ?? '') && last > 1) dirAt(1);
  return out.join(' ');
};

/**
 * Two-letter USPS code for a state given by code or full name, or undefined when unknown.
 *
 * @param state - `ma`, `MA`, `Massachusetts`
 * @returns `MA`, or undefined
 * @example
 * usStateCode('Massachusetts'); // 'MA'
 */
export const usStateCode = (state: string): string | undefined => {
  const s = standardizeAddressText(state);
  if (STATE_CODE_SET.has(s)) return s;
  return US_STATE_CODES.get(s);
};

/**
 * A one-line comparison key of an address for matching: standardized first line, city and the
 * first five characters of the postal code.
 *
 * @param address - an address
 * @returns `123 N MAIN ST APT 4B|BOSTON|02139`
 * @example
 * addressMatchKey({ use: 'home', line: ['123 Main Street'], city: 'Boston', state: 'MA', postalCode: '02139', country: 'US' });
 */
export const addressMatchKey = (address: Address): string =>
  `${standardizeStreetLine(address.line[0] ?? '')}|${standardizeAddressText(address.city)}|${(address.postalCode ?? '').slice(0, 5)}`;
