// Loaders for the FEBRL and Splink fake_1000 ground-truth sets (tests/data/matching) and
// pairwise precision / recall / F1. Shared by the quality tests and bench/records.bench.ts.
// FEBRL's soc_sec_id (a 7-digit social security number, corrupted in some duplicates like the
// other fields) is loaded only when asked: the main figures are measured without it, as before,
// and the runs with it are reported beside them.
import { readFileSync } from 'node:fs';
import { dataPath } from '../../support/testData.js';
import { resolve } from 'node:path';
import {
  buildPatientIndex,
  findDuplicates,
  matchPatient,
  mergeClusters,
  type DuplicateReport,
  type MatchablePatient,
} from '../../../src/records/index.js';

export const MATCHING_DIR = dataPath('matching');

export interface LabelledRecord {
  readonly record: MatchablePatient;
  /** Entity id: records with the same entity are the same person. */
  readonly entity: string;
}

const rows = (file: string): string[][] =>
  readFileSync(resolve(MATCHING_DIR, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));

const isoOrUndefined = (yyyymmdd: string): string | undefined =>
  /^\d{8}$/.test(yyyymmdd)
    ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
    : undefined;

/** How FEBRL's soc_sec_id is recorded on a patient: an SSN identifier of its own system. */
export const FEBRL_SSN_SYSTEM = 'urn:febrl:soc_sec_id';

/**
 * FEBRL: rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
 * date_of_birth, soc_sec_id. With `ssn`, soc_sec_id becomes an SSN identifier.
 */
export const loadFebrl = (file: string, { ssn = false }: { readonly ssn?: boolean } = {}): LabelledRecord[] =>
  rows(file).map(
    ([
      recId = '',
      given = '',
      surname = '',
      number = '',
      a1 = '',
      a2 = '',
      suburb = '',
      postcode = '',
      state = '',
      dob = '',
      socSecId = '',
    ]) => {
      const street = [number, a1].filter((s) => s !== '').join(' ');
      return {
        entity: /^rec-(\d+)/.exec(recId)?.[1] ?? recId,
        record: {
          id: recId,
          name: { given, family: surname },
          birthDate: isoOrUndefined(dob),
          addresses: [
            {
              line: street === '' ? [] : [street, ...(a2 === '' ? [] : [a2])],
              city: suburb === '' ? undefined : suburb,
              state: state === '' ? undefined : state,
              postalCode: postcode === '' ? undefined : postcode,
            },
          ],
          ...(ssn && socSecId !== ''
            ? { identifiers: [{ kind: 'SSN', system: FEBRL_SSN_SYSTEM, value: socSecId }] }
            : {}),
        },
      };
    },
  );

/** Splink fake_1000: unique_id, first_name, surname, dob, city, email, cluster. */
export const loadFake1000 = (): LabelledRecord[] =>
  rows('fake_1000.csv').map(
    ([id = '', first = '', surname = '', dob = '', city = '', email = '', cluster = '']) => ({
      entity: cluster,
      record: {
        id,
        name: { given: first, family: surname },
        birthDate: /^\d{4}-\d{2}-\d{2}$/.test(dob) ? dob : undefined,
        addresses: city === '' ? [] : [{ city }],
        emails: email === '' ? [] : [email],
      },
    }),
  );

/** fake_1000_labels.csv: the clerical pairs with score 1.0 (true matches). */
export const loadFake1000LabelledMatches = (): Set<string> =>
  new Set(
    rows('fake_1000_labels.csv')
      .filter((r) => r[4] === '1.0')
      .map((r) => pairKey(r[0] ?? '', r[2] ?? '')),
  );

export const pairKey = (a: string, b: string): string => (a < b ? `${a}~${b}` : `${b}~${a}`);

/** All within-entity pairs of a labelled set. */
export const truePairs = (records: readonly LabelledRecord[]): Set<string> => {
  const byEntity = new Map<string, string[]>();
  for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.record.id]);
  const out = new Set<string>();
  for (const ids of byEntity.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) out.add(pairKey(ids[i] as string, ids[j] as string));
  return out;
};

export interface PairMetrics {
  readonly truePositives: number;
  readonly predicted: number;
  readonly actual: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export const pairMetrics = (predicted: ReadonlySet<string>, actual: ReadonlySet<string>): PairMetrics => {
  let tp = 0;
  for (const p of predicted) if (actual.has(p)) tp++;
  const precision = predicted.size === 0 ? 0 : tp / predicted.size;
  const recall = actual.size === 0 ? 0 : tp / actual.size;
  return {
    truePositives: tp,
    predicted: predicted.size,
    actual: actual.size,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
};

/** One decision threshold (match weight, log2 odds) for every data set, in tests and bench. */
export const MATCH_THRESHOLD = 5;
const thresholds = { match: MATCH_THRESHOLD, review: MATCH_THRESHOLD };

const clusterPairs = (clusters: readonly (readonly string[])[]): Set<string> => {
  const out = new Set<string>();
  for (const c of clusters)
    for (let i = 0; i < c.length; i++)
      for (let j = i + 1; j < c.length; j++) out.add(pairKey(c[i] as string, c[j] as string));
  return out;
};

/**
 * findDuplicates on a labelled set. `pairs` and `clusters` count the pairs found as duplicates
 * (decided `match`, or `review` at or above the threshold: with match = review the guards are
 * the only source of `review`, and a guarded pair goes to a person instead of merging) and the
 * transitive clusters of those; `autoMatch` counts the `match` decisions only (what would merge
 * without a person).
 */
export const dedupeQuality = (
  data: readonly LabelledRecord[],
  parameters?: 'estimate',
): {
  readonly report: DuplicateReport;
  readonly pairs: PairMetrics;
  readonly clusters: PairMetrics;
  readonly autoMatch: PairMetrics;
} => {
  const report = findDuplicates(
    data.map((d) => d.record),
    parameters === undefined ? { thresholds } : { thresholds, parameters },
  );
  const truth = truePairs(data);
  const found = report.pairs.filter((p) => p.decision !== 'non-match');
  return {
    report,
    pairs: pairMetrics(new Set(found.map((p) => pairKey(p.a, p.b))), truth),
    clusters: pairMetrics(clusterPairs(mergeClusters([found.map((p) => [p.a, p.b])])), truth),
    autoMatch: pairMetrics(
      new Set(found.filter((p) => p.decision === 'match').map((p) => pairKey(p.a, p.b))),
      truth,
    ),
  };
};

/** FEBRL 4 linkage: each 4b record against an index of 4a, best candidate only (found, and auto-matched). */
export const febrl4LinkQuality = (
  options: { readonly ssn?: boolean } = {},
): PairMetrics & { readonly autoMatch: PairMetrics } => {
  const a = loadFebrl('dataset4a.csv', options);
  const b = loadFebrl('dataset4b.csv', options);
  const idOfA = new Map(a.map((r) => [r.entity, r.record.id]));
  const truth = new Set(
    b.flatMap((r) => (idOfA.has(r.entity) ? [pairKey(idOfA.get(r.entity) as string, r.record.id)] : [])),
  );
  const index = buildPatientIndex(a.map((r) => r.record));
  const links = new Set<string>();
  const matched = new Set<string>();
  for (const r of b) {
    const [best] = matchPatient(r.record, index, { thresholds, limit: 1 });
    if (best === undefined || best.decision === 'non-match') continue;
    links.add(pairKey(best.patientId, r.record.id));
    if (best.decision === 'match') matched.add(pairKey(best.patientId, r.record.id));
  }
  return { ...pairMetrics(links, truth), autoMatch: pairMetrics(matched, truth) };
};
