// Writes the `mutation` section of docs/benchmarks.md from Stryker's JSON reports
// (mutation-testing-report-schema): per file and in total, killed, survived, timed out, without
// coverage, and the score = detected / (detected + undetected).
//
// Every reports/mutation/*.json counts: the full run's mutation.json and the per-file runs
// (`npx stryker run --mutate src/core/time.ts` writes core-time.json, see stryker.config.mjs).
// Each file's row comes from the newest report that mutated it. Files the config mutates but no
// report covers are listed as not run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { table, writeSection } from '../bench/harness.js';
import { ROOT } from './browser.js';
import config from '../stryker.config.mjs';

interface Mutant {
  readonly status: string;
}
interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly Mutant[] }>>;
}

const DIR = resolve(ROOT, 'reports/mutation');
const reports = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, mtime: statSync(join(DIR, f)).mtimeMs }))
  .sort((a, b) => a.mtime - b.mtime);

// Oldest first, so a newer report's file replaces an older one.
const latest = new Map<string, { mutants: readonly Mutant[]; report: string; at: number }>();
for (const { name, mtime } of reports) {
  const report = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Report;
  for (const [file, { mutants }] of Object.entries(report.files))
    latest.set(relative(ROOT, resolve(ROOT, file)), { mutants, report: name, at: mtime });
}

/** The files stryker.config.mjs mutates (its `dir/**\/*.ts` globs and exact paths, minus `!` ones). */
const targets = (): string[] => {
  const patterns = (config as { mutate: readonly string[] }).mutate;
  const excluded = new Set(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  const files = patterns
    .filter((p) => !p.startsWith('!'))
    .flatMap((p) => {
      if (!p.includes('*')) return [p];
      const dir = p.slice(0, p.indexOf('*')).replace(/\/$/, '');
      return readdirSync(resolve(ROOT, dir), { recursive: true })
        .map((f) => `${dir}/${String(f)}`)
        .filter((f) => f.endsWith('.ts'));
    });
  return [...new Set(files)].filter((f) => !excluded.has(f));
};

const count = (mutants: readonly Mutant[], ...statuses: string[]) =>
  mutants.filter((m) => statuses.includes(m.status)).length;
const score = (mutants: readonly Mutant[]): string => {
  const detected = count(mutants, 'Killed', 'Timeout');
  const undetected = count(mutants, 'Survived', 'NoCoverage');
  return detected + undetected === 0 ? 'n/a' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`;
};
const row = (name: string, mutants: readonly Mutant[], from: string): string[] => [
  name,
  String(count(mutants, 'Killed')),
  String(count(mutants, 'Survived')),
  String(count(mutants, 'Timeout')),
  String(count(mutants, 'NoCoverage')),
  String(count(mutants, 'Ignored')),
  score(mutants),
  from,
];

// An optional note on how these runs were made: `tsx scripts/mutationReport.ts "<note>"`.
const note = process.argv.slice(2).join(' ');

const names = [...new Set([...targets(), ...latest.keys()])].sort((a, b) => a.localeCompare(b));
const rows = names.map((name) => {
  const found = latest.get(name);
  return found
    ? row(name, found.mutants, `${found.report}, ${new Date(found.at).toISOString().slice(0, 16)}Z`)
    : [name, '', '', '', '', '', 'not run', ''];
});
const all = names.flatMap((name) => latest.get(name)?.mutants ?? []);
writeSection(
  'mutation',
  `## Mutation score

Stryker with the vitest runner (stryker.config.mjs, coverage analysis per test). Ignored: static
mutants (unless \`STRYKER_STATIC=1\`) and mutants marked equivalent in the source with a
\`// Stryker disable next-line <mutator>: <why>\` comment. Target: 85% or more per file. Score = (killed +
timed out) / (killed + timed out + survived + no coverage). \`npm run mutation\` runs every file at
once; rows may also come from runs of one file (\`npx stryker run --mutate <file>\`), each row from the
newest report that mutated its file (last column). A report named \`....only-tests-core\` ran with
\`MUTATION_TESTS=tests/core\`: only the kernel's own tests, not the insurance and referral suites
that also call it, so its score is a lower bound.

${table(
  ['file', 'killed', 'survived', 'timed out', 'no coverage', 'ignored', 'score', 'report'],
  [...rows, row('**total**', all, '')],
)}

${note}`,
);
