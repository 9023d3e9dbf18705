// A deterministic corpus of synthetic clinical notes for measuring free-text redaction: templates
// place every Safe Harbor identifier kind (45 CFR §164.514(b)(2)) in several written formats,
// between clinical text that must survive (doses, vitals, lab values, codes, counts). The truth is
// which spans were placed, never what the redactor does. Shared by the redaction test and
// bench/records-redaction.bench.ts.
import type { IsoDate } from '../../../src/core/calendar.js';
import { parsePatient, redact, type Patient } from '../../../src/records/index.js';
import { seededRandom } from '../../../src/records/matching/duplicates.js';

/** Identifier kinds measured; the first group is the structured kinds (recall target 0.99). */
export const STRUCTURED_KINDS = ['DATE', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN', 'HEALTH_PLAN', 'MBI', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'URL', 'IP', 'ZIP', 'AGE_OVER_89'] as const; // prettier-ignore
/** Names and addresses (recall target 0.95). */
export const NAME_ADDRESS_KINDS = ['NAME', 'ADDRESS', 'CITY'] as const;
export type IdentifierKind = (typeof STRUCTURED_KINDS)[number] | (typeof NAME_ADDRESS_KINDS)[number];

/** A piece of a note: plain text, an identifier of a kind, or clinical text that must stay. */
export type Segment =
  string | { readonly kind: IdentifierKind; readonly text: string } | { readonly keep: string };

export interface CorpusNote {
  readonly segments: readonly Segment[];
  readonly text: string;
  /** The record passed to `redact` (its names and city are found from it). */
  readonly patient: Patient;
}

const GIVEN = ['José', 'Ana', 'Zoë', 'William', 'Mei', 'Olusegun', 'Siobhan', 'Dmitri', 'Priya', 'Renée', 'Tomás', 'Aaliyah']; // prettier-ignore
const FAMILY = ['Muñoz', 'Rivera', 'Chen', 'Okafor', "O'Connell", 'Nguyen', 'Kowalski', 'Lindqvist', 'Haddad', 'García', 'Abernathy', 'Yamamoto']; // prettier-ignore
const CITIES: readonly (readonly [string, string, string])[] = [
  ['Springfield', 'IL', '62704'],
  ['Bogotá Springs', 'TX', '78704'],
  ['Cambridge', 'MA', '02139'],
  ['Saint Paul', 'MN', '55104'],
  ['Española', 'NM', '87532'],
];
const STREETS = ['Evergreen Terrace', 'Maple Street', 'Lake Shore Drive', 'Elm St', 'Old Mill Road', 'Sunset Blvd', 'Cedar Ln', 'Harbor View Ct']; // prettier-ignore
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore
const CLINICAL = [
  'BP 128/82, HR 74',
  'A1c 7.2%',
  'metformin 500 mg twice daily',
  'ICD-10 E11.9',
  'follow up in 3 months',
  'LDL 131 mg/dL',
  'lisinopril 10 mg daily',
  'weight 82.5 kg',
  '2 tablets at bedtime',
  'CPT 99214',
  'SpO2 97% on room air',
  'temp 37.2 C',
  'Hb 13.2 g/dL',
  'INR 2.5 on warfarin 5 mg',
  'lesion 2.1 x 3.4 cm',
  'PHQ-9 score 12',
  'seen at 10:30 in room 4',
  'eGFR 58 mL/min/1.73m2',
  'Stage 2 of 4',
  'vitamin D 1000 IU daily',
]; // prettier-ignore

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Builds `count` notes (deterministic for a seed). Each note names the patient from its record,
 * in varied case and Unicode normalization, and carries one identifier of every kind in a format
 * picked from several.
 */
export const buildRedactionCorpus = (count = 320, seed = 5): readonly CorpusNote[] => {
  const next = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const notes: CorpusNote[] = [];
  for (let n = 0; n < count; n++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const [city, state, zip] = pick(CITIES);
    const house = int(1, 9999);
    const street = pick(STREETS);
    const y = int(1930, 2005);
    const m = int(1, 12);
    const d = int(1, 28);
    const patientRecord = parsePatient({
      id: `pat-${n}`,
      name: { given, family },
      birthDate: `${y}-${pad(m)}-${pad(d)}`,
      sex: 'female',
      addresses: [{ line: [`${house} ${street}`], city, state, postalCode: zip }],
    });
    if (patientRecord._tag === 'Left') throw new Error('corpus patient invalid');
    // Names as people write them: any case, and decomposed (NFD) half the time.
    const nameForm = (s: string): string => {
      const cased = pick([s, s.toUpperCase(), s.toLowerCase()]);
      return next() < 0.5 ? cased.normalize('NFD') : cased;
    };
    const area = pick(['617', '312', '415', '512', '720']);
    const phoneDigits = `${int(2, 9)}${int(0, 9)}${int(0, 9)}${pad(int(0, 9999), 4)}`;
    const phone = pick([
      `${area}-${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}`,
      `(${area}) ${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}`,
      `${area}.${phoneDigits.slice(0, 3)}.${phoneDigits.slice(3)}`,
      `+1 ${area} ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3)}`,
    ]);
    const fax = `${area}-${int(2, 9)}${pad(int(0, 99))}-${pad(int(0, 9999), 4)}`;
    const ssnDigits = [pad(int(1, 665), 3), pad(int(1, 99)), pad(int(1, 9999), 4)];
    const ssn = pick([
      ['SSN ', ssnDigits.join('-')],
      ['SSN: ', ssnDigits.join(' ')],
      ['SSN# ', ssnDigits.join('')],
      ['social security no. ', ssnDigits.join('')],
      ['Social Security Number ', ssnDigits.join('-')],
      ['SS# ', ssnDigits.join('-')],
    ] as const);
    const mbiRaw = `${int(1, 9)}EG${int(0, 9)}TE${int(0, 9)}MK${pad(int(0, 99))}`;
    const mbi = pick([
      mbiRaw,
      mbiRaw.toLowerCase(),
      `${mbiRaw.slice(0, 4)}-${mbiRaw.slice(4, 7)}-${mbiRaw.slice(7)}`,
    ]);
    const dateText = pick([
      `${y}-${pad(m)}-${pad(d)}`,
      `${pad(m)}/${pad(d)}/${y}`,
      `${y}/${pad(m)}/${pad(d)}`,
      `${pad(d)}.${pad(m)}.${y}`,
      `${y}${pad(m)}${pad(d)}`,
      `${MONTHS[m - 1]} ${d}, ${y}`,
      `${d} ${(MONTHS[m - 1] ?? '').slice(0, 3)} ${String(y).slice(2)}`,
      `${d} ${MONTHS[m - 1]} ${y}`,
    ]);
    const admit = pick([
      `${pad(int(1, 12))}/${pad(int(1, 28))}/2026`,
      `2026-${pad(int(1, 12))}-${pad(int(1, 28))}`,
    ]);
    const email = pick([
      `${given.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}.${n}@example.org`,
      `pt${n}+notes@mail.example.com`,
    ]);
    const url = pick([`https://portal.example.org/patients/${n}`, `www.example-clinic.org/p?id=${n}`]);
    const ip = pick([
      `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
      `2001:0db8:85a3:0000:0000:8a2e:0370:${pad(int(0, 9999), 4)}`,
    ]);
    const mrn = pick([['MRN ', `A-${int(10000, 99999)}`], ['MRN: ', `${int(1000000, 9999999)}`], ['medical record number ', `RV${int(100000, 999999)}`]] as const); // prettier-ignore
    const plan = pick([['member ID ', `XGH${int(100000000, 999999999)}`], ['policy # ', `P${int(1000000, 9999999)}`], ['subscriber id: ', `S${int(1000000, 9999999)}`]] as const); // prettier-ignore
    const account = pick([['account # ', `${int(1000, 9999)}-${int(1000, 9999)}`], ['acct ', `${int(10000000, 99999999)}`], ['invoice ', `INV${int(10000, 99999)}`]] as const); // prettier-ignore
    const license = pick([['DL ', `D${int(1000000, 9999999)}`], ["driver's license ", `${int(100000000, 999999999)}`], ['license no. ', `L${int(100000, 999999)}`]] as const); // prettier-ignore
    const vehicle = pick([['plate ', `${pick(['ABC', 'XYZ', 'KLM'])}${int(1000, 9999)}`], ['VIN ', `1HGCM82633A${int(100000, 999999)}`]] as const); // prettier-ignore
    const device = pick([['pacemaker serial no. ', `PJN${int(1000000, 9999999)}`], ['UDI: ', `(01)00643169${int(100000, 999999)}`], ['device id ', `DEV-${int(10000, 99999)}`]] as const); // prettier-ignore
    const address = next() < 0.8 ? `${house} ${street}` : `P.O. Box ${int(10, 9999)}`;
    const age = int(90, 104);
    const keep = (): Segment => ({ keep: pick(CLINICAL) });
    const segments: Segment[] = [
      'Pt ',
      { kind: 'NAME', text: nameForm(given) },
      ' ',
      { kind: 'NAME', text: nameForm(family) },
      ', DOB ',
      { kind: 'DATE', text: dateText },
      ', seen ',
      { kind: 'DATE', text: admit },
      '. ',
      keep(),
      '. Lives at ',
      { kind: 'ADDRESS', text: address },
      ', ',
      { kind: 'CITY', text: nameForm(city) },
      `, ${state} `,
      { kind: 'ZIP', text: zip },
      '. Call ',
      { kind: 'PHONE', text: phone },
      ', fax ',
      { kind: 'FAX', text: fax },
      ', email ',
      { kind: 'EMAIL', text: email },
      '. ',
      keep(),
      `. ${ssn[0]}`,
      { kind: 'SSN', text: ssn[1] },
      `, ${mrn[0]}`,
      { kind: 'MRN', text: mrn[1] },
      `, ${plan[0]}`,
      { kind: 'HEALTH_PLAN', text: plan[1] },
      ', Medicare ',
      { kind: 'MBI', text: mbi },
      `, ${account[0]}`,
      { kind: 'ACCOUNT', text: account[1] },
      '. ',
      keep(),
      `. Drives (${license[0]}`,
      { kind: 'LICENSE', text: license[1] },
      `, ${vehicle[0]}`,
      { kind: 'VEHICLE', text: vehicle[1] },
      `). ${device[0]}`,
      { kind: 'DEVICE', text: device[1] },
      '. Web ',
      { kind: 'URL', text: url },
      ' from ',
      { kind: 'IP', text: ip },
      '. Mother is ',
      { kind: 'AGE_OVER_89', text: String(age) },
      ' years old. ',
      keep(),
      '.',
    ];
    const text = segments.map((s) => (typeof s === 'string' ? s : 'kind' in s ? s.text : s.keep)).join('');
    notes.push({ segments, text, patient: patientRecord.right });
  }
  return notes;
};

// Street words the template and other spans share: not evidence of a leak on their own.
const SHARED = /^(?:street|drive|road|blvd|terrace|view|mill|harbor|lake|shore|cedar|maple|sunset)$/;
const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const present = (t: string, out: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, 'u').test(out);

/**
 * Whether a placed identifier survives in the output: the span itself, or one of its words of 4
 * or more characters. A date may keep its 4-digit year (Safe Harbor allows it): what must go is
 * the rest (`July 4`, `07/04`, `0704`). An age over 89 must not be left before "years".
 */
const leaks = (kind: IdentifierKind, span: string, output: string): boolean => {
  const out = output.normalize('NFC').toLowerCase();
  const whole = span.normalize('NFC').toLowerCase();
  if (kind === 'AGE_OVER_89') return new RegExp(`(?<!\\d)${whole} years`).test(out);
  if (kind === 'DATE') {
    const rest = whole.replace(/(?<!\d)\d{4}(?!\d)/, ' ').replace(/^[\s,./-]+|[\s,./-]+$/g, '');
    return rest !== '' && present(rest, out);
  }
  const words = whole.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 4 && !SHARED.test(t));
  return present(whole, out) || words.some((t) => present(t, out));
};

export interface RedactionScore {
  /** Per kind: placed spans and those fully removed. */
  readonly byKind: ReadonlyMap<IdentifierKind, { readonly placed: number; readonly caught: number }>;
  /** Clinical spans placed, and those altered (false positives). */
  readonly kept: { readonly placed: number; readonly altered: number };
  /** Caught identifiers / (caught + altered clinical spans). */
  readonly precision: number;
}

/** Redacts every note (with its record) and scores recall per kind and precision. */
export const scoreRedaction = (notes: readonly CorpusNote[], asOf: IsoDate): RedactionScore => {
  const byKind = new Map<IdentifierKind, { placed: number; caught: number }>();
  let keptPlaced = 0;
  let altered = 0;
  let caught = 0;
  for (const note of notes) {
    const output = redact(note.text, { asOf, patient: note.patient }).text;
    for (const s of note.segments) {
      if (typeof s === 'string') continue;
      if ('keep' in s) {
        keptPlaced++;
        if (!output.includes(s.keep)) altered++;
        continue;
      }
      const entry = byKind.get(s.kind) ?? { placed: 0, caught: 0 };
      entry.placed++;
      if (!leaks(s.kind, s.text, output)) {
        entry.caught++;
        caught++;
      }
      byKind.set(s.kind, entry);
    }
  }
  return { byKind, kept: { placed: keptPlaced, altered }, precision: caught / (caught + altered) };
};
