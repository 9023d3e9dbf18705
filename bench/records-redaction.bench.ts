// Records: free-text redaction recall per Safe Harbor identifier kind and precision, on the
// deterministic 320-note corpus of tests/records/support/redactionCorpus.ts, and its speed; and
// redactFhir over Synthea's 13 patients and 1,215 encounters as one Bundle, 1x, 2x and 4x.
// `npx tsx bench/records-redaction.bench.ts`.
import { loadavg } from 'node:os';
import type { IsoDate } from '../src/core/calendar.js';
import { redact, redactFhir } from '../src/records/index.js';
import { dataFile } from '../tests/support/testData.js';
import {
  buildRedactionCorpus,
  NAME_ADDRESS_KINDS,
  scoreRedaction,
} from '../tests/records/support/redactionCorpus.js';
import { fmtMs, table, writeSection } from './harness.js';

const asOf = '2026-11-23' as IsoDate;
const notes = buildRedactionCorpus();
const score = scoreRedaction(notes, asOf);
const nameKinds: readonly string[] = NAME_ADDRESS_KINDS;
const rows = [...score.byKind].map(([kind, { placed, caught }]) => [
  kind,
  String(placed),
  String(caught),
  (caught / placed).toFixed(4),
  nameKinds.includes(kind) ? '≥ 0.95' : '≥ 0.99',
]);
const chars = notes.reduce((s, n) => s + n.text.length, 0);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const n of notes) redact(n.text, { asOf, patient: n.patient });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

// FHIR: one collection Bundle of the vendored Synthea patients and encounters, then the same
// entries twice and four times over (growth shows the walk is linear in the input). Best of 3.
const ndjson = (name: string): unknown[] =>
  dataFile(`fhir/bulk-ndjson-10-patients/${name}`)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l): unknown => JSON.parse(l));
const synthea = [...ndjson('Patient.000.ndjson'), ...ndjson('Encounter.000.ndjson')];
const fhirRows = [1, 2, 4].map((times) => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: Array.from({ length: times }, () => synthea)
      .flat()
      .map((resource) => ({ resource })),
  };
  const bytes = JSON.stringify(bundle).length;
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    redactFhir(bundle, { asOf });
    best = Math.min(best, performance.now() - s0);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return [
    `${bundle.entry.length.toLocaleString('en-US')} resources`,
    `${(bytes / 1e6).toFixed(1)} MB`,
    `${fmtMs(best)} ms`,
    `${fmtMs(bestCpu)} ms`,
    `${(bytes / 1e6 / (bestCpu / 1000)).toFixed(1)} MB/s`,
  ];
});

writeSection(
  'records-redaction',
  `## Records: free-text redaction

\`npx tsx bench/records-redaction.bench.ts\`. ${notes.length} synthetic notes built from templates
(tests/records/support/redactionCorpus.ts, seeded): each places every Safe Harbor identifier kind once or twice, in a format
picked from several (dates as ISO, \`MM/DD/YYYY\`, \`YYYY/MM/DD\`, \`DD.MM.YYYY\`, \`YYYYMMDD\`, \`July 4, 1961\`, \`4 Jul 61\`; SSNs
with dashes, spaces or none after \`SSN\`, \`SSN#\`, \`SS#\`, "social security no."; MBIs upper, lower and dashed; names in any
case and half of them in decomposed Unicode; street addresses and PO boxes; IPv4 and IPv6; labelled MRN, member, account,
licence, plate / VIN, device serial and UDI), with the record passed (\`{ patient }\`), between clinical text that must stay
(vitals, doses, lab values, ICD-10 and CPT codes, scores). A placed identifier counts as caught when neither it nor any of
its words of 4+ characters is left in the output (a date may keep its year); precision is caught identifiers over caught
identifiers plus altered clinical spans (${score.kept.placed} placed, ${score.kept.altered} altered).

${table(['kind', 'placed', 'caught', 'recall', 'target'], rows)}

Precision: **${score.precision.toFixed(4)}** (target ≥ 0.9). The corpus and the patterns come from the same project, so
these figures say every listed format is handled, not how a real note archive will fare: names not in the passed record
(no NER) and formats nobody listed are not measured. Speed: ${notes.length} notes (${chars.toLocaleString('en-US')} characters) in ${fmtMs(ms)} ms
(CPU ${fmtMs((cpu.user + cpu.system) / 1000)} ms), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} on a 2-core machine shared with other jobs.

### FHIR resources and Bundles: \`redactFhir\`

Synthea's 13 patients and their 1,215 encounters (tests/data/fhir/bulk-ndjson-10-patients) as one collection Bundle, then
the same entries twice and four times over; best of 3 runs. What it removes and keeps is tested, not measured here
(tests/records/fhirRedaction.test.ts: none of the identifying strings of 1,312 public resources survives, every coding and
Quantity does).

${table(['input', 'JSON size', 'wall', 'CPU', 'CPU throughput'], fhirRows)}`,
);
