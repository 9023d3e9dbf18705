// Writes the `mutation` section of docs/benchmarks.md from Stryker's JSON report
// (reports/mutation/mutation.json, mutation-testing-report-schema): per file and in total, killed,
// survived, timed out, without coverage, and the score = detected / (detected + undetected).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { table, writeSection } from '../bench/harness.js';
import { ROOT } from './browser.js';

interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

const report = JSON.parse(readFileSync(resolve(ROOT, 'reports/mutation/mutation.json'), 'utf8')) as Report;
const count = (mutants: readonly { readonly status: string }[], ...statuses: string[]) =>
  mutants.filter((m) => statuses.includes(m.status)).length;
const row = (name: string, mutants: readonly { readonly status: string }[]): string[] => {
  const detected = count(mutants, 'Killed', 'Timeout');
  const undetected = count(mutants, 'Survived', 'NoCoverage');
  return [
    name,
    String(count(mutants, 'Killed')),
    String(count(mutants, 'Survived')),
    String(count(mutants, 'Timeout')),
    String(count(mutants, 'NoCoverage')),
    detected + undetected === 0 ? 'n/a' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`,
  ];
};
const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
const all = files.flatMap(([, f]) => f.mutants);
writeSection(
  'mutation',
  `## Mutation score

\`npm run mutation\` (Stryker with the vitest runner, stryker.config.mjs; static mutants ignored). Target: 85% or more per file.

${table(
  ['file', 'killed', 'survived', 'timed out', 'no coverage', 'score'],
  [...files.map(([name, f]) => row(name.replace(`${ROOT}/`, ''), f.mutants)), row('**total**', all)],
)}`,
);
