// Registration desk: a walk-in registered as new turns out to be an existing patient (with the
// merge proposal), twins and a Jr/Sr pair that must stay apart, check-in readiness, a
// de-identified record for a research export, and the morning fax routed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IsoDate } from '../../src/core/time.js';
import {
  buildPatientIndex,
  checkInReadiness,
  DEFAULT_DOCUMENT_ROUTING_RULES,
  matchPatient,
  normalizePatient,
  parseDocument,
  proposeMerge,
  redact,
  routeDocument,
  type Patient,
} from '../../src/records/index.js';
import { DATA_DIR, type SampleClinic } from './clinic.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

/** The clinic's charts, normalized on load exactly as registration would. */
export const loadPatients = (asOf: IsoDate): Patient[] => {
  const data = JSON.parse(readFileSync(resolve(DATA_DIR, 'patients.json'), 'utf8')) as {
    patients: unknown[];
  };
  return data.patients.map((p) => must(normalizePatient(p, asOf)).patient);
};

export const run = (clinic: SampleClinic): void => {
  const today = clinic.today;
  console.log(`\n== Records: registration desk, ${today} ==`);
  const charts = loadPatients(today);
  const index = buildPatientIndex(charts);
  const byId = new Map<string, Patient>(charts.map((p) => [p.id, p]));
  console.log(`${charts.length} charts indexed for matching.`);

  // 08:12 a walk-in fills in the tablet form; the clerk creates a new chart.
  const form = {
    id: 'pat-101',
    name: { family: 'CHEN', given: 'bill' },
    birthDate: '1957-02-11', // typed day and month the other way round
    sex: 'male',
    addresses: [{ line: ['77 W 85th St.'], city: 'new york', state: 'New York', postalCode: '10024' }],
    phones: [{ use: 'mobile', value: '(917) 555-0177' }],
    consents: [{ kind: 'privacy-notice', signedOn: today }],
    verifiedOn: today,
    createdOn: today,
  };
  const { patient: walkIn, warnings } = must(normalizePatient(form, today));
  console.log(
    `\nWalk-in registered as ${walkIn.id}: ${walkIn.name.given} ${walkIn.name.family}, ${walkIn.addresses[0]?.line[0]}, ` +
      `${walkIn.phones[0]?.value} (${warnings.length} normalization warnings)`,
  );
  const [best] = matchPatient(walkIn, index);
  if (best === undefined) console.log('No existing chart matches: a new patient.');
  else {
    console.log(
      `Possible existing chart ${best.patientId}: ${best.grade} (weight ${best.weight.toFixed(1)}, ` +
        `probability ${best.probability.toFixed(4)}). Evidence:`,
    );
    for (const e of best.evidence.filter((x) => x.weight !== 0))
      console.log(
        `  ${e.field.padEnd(10)} ${e.level.padEnd(15)} ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`,
      );
    const existing = byId.get(best.patientId);
    if (existing) {
      const proposal = must(proposeMerge(existing, walkIn));
      console.log(
        `Merge proposal: keep chart ${proposal.survivorId} (the established one), retire ${proposal.retiredId}; ` +
          `values from the chart verified most recently; ` +
          `conflicts for review: ${proposal.conflicts.join(', ')}.`,
      );
      console.log(
        `  merged chart: ${proposal.merged.name.given} ${proposal.merged.name.family}, born ${proposal.merged.birthDate}, ` +
          `phones ${proposal.merged.phones.map((p) => p.value).join(' / ')}, ids ${proposal.merged.identifiers.map((i) => i.value).join(', ')}`,
      );
      console.log('  (the birth dates disagree: the clerk confirms with the patient before approving)');
    }
  }

  // Twins and a father and son: high scores, never merged.
  const noah = byId.get('pat-005');
  if (noah) {
    const twin = matchPatient(noah, index).find((m) => m.patientId === 'pat-004');
    console.log(
      `\nTwins pat-004 / pat-005: weight ${twin?.weight.toFixed(1)}, decision ${twin?.decision}, guard ${twin?.guards.join(', ')}`,
    );
  }
  const sr = byId.get('pat-006');
  const jr = byId.get('pat-007');
  if (sr && jr) {
    const r = proposeMerge(sr, jr);
    console.log(`Robert King Sr / Jr: ${r._tag === 'Left' ? `refused (${r.left.code})` : 'proposed?!'}`);
  }

  // Check-in readiness for the morning's first patients.
  for (const id of ['pat-002', 'pat-003', 'pat-007']) {
    const p = byId.get(id);
    if (!p) continue;
    const r = checkInReadiness(p, { verifyEveryDays: 365 }, today);
    console.log(
      `\nCheck-in ${id}: ${r.ready ? 'ready' : 'not ready'}` +
        r.items.map((i) => `\n  [${i.severity}] ${i.code}: ${i.message}`).join(''),
    );
  }

  // A de-identified record and note for the quality-improvement export.
  const grace = byId.get('pat-008');
  if (grace) {
    console.log('\nSafe Harbor export of pat-008:', JSON.stringify(redact(grace, { asOf: today })));
    const note =
      `Grace Kowalski, 91 years old, seen ${today}. Son Tomasz at 732-555-0189 or grace.kowalski@example.net; ` +
      `MBI 2QF7-UN4-KD59, MRN RV-100008. Lives at 9 BAYARD ST, New Brunswick, NJ 08901.`;
    console.log('Note, redacted:', redact(note, { asOf: today, patient: grace }).text);
  }

  // The 07:55 fax from the lab.
  const fax = must(
    parseDocument({
      id: 'doc-5531',
      type: 'lab-result',
      receivedAt: `${today}T07:55:00-05:00`,
      source: { channel: 'fax', sender: 'Hudson Valley Labs' },
      pages: 3,
      patientId: 'pat-001',
      orderingProviderId: 'dr-okafor',
    }),
  );
  const route = must(routeDocument(fax, DEFAULT_DOCUMENT_ROUTING_RULES));
  console.log(
    `\nFax ${fax.id} (${fax.type}, ${fax.pages} pages) → ${JSON.stringify(route.destination)} by rule ${route.ruleId}`,
  );
};
