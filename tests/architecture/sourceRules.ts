// Shared by the purity and layering tests: reads src/ and finds rule violations, so each test can
// also show that a planted violation is caught.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

export const SRC = resolve(import.meta.dirname, '../../src');

export const sourceFiles = (dir = SRC): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Removes comments and string contents so rules only see code. */
export const codeOnly = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, (m) => (m.startsWith('`') ? '``' : `${m[0]}${m[0]}`));

const IMPURE: readonly { readonly rule: string; readonly pattern: RegExp }[] = [
  { rule: 'clock: Date.now()', pattern: /\bDate\.now\s*\(/ },
  { rule: 'clock: new Date() without an argument', pattern: /\bnew\s+Date\s*\(\s*\)/ },
  { rule: 'randomness: Math.random', pattern: /\bMath\.random\b/ },
  { rule: 'console', pattern: /\bconsole\s*\./ },
  { rule: 'process', pattern: /\bprocess\s*\./ },
  { rule: 'network: fetch', pattern: /\bfetch\s*\(/ },
];

const IMPORT_RE =
  /(?:import|export)\s[^;]*?from\s*(['"])([^'"]+)\1|import\s*\(\s*(['"])([^'"]+)\3\s*\)|require\s*\(\s*(['"])([^'"]+)\5\s*\)/g;

export const importsOf = (text: string): string[] => {
  const out: string[] = [];
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  for (const m of noComments.matchAll(IMPORT_RE)) out.push(m[2] ?? m[4] ?? m[6] ?? '');
  return out;
};

/** Purity violations of one file's text (DESIGN.md rule 1). */
export const purityViolations = (text: string): string[] => {
  const code = codeOnly(text);
  const found = IMPURE.filter((r) => r.pattern.test(code)).map((r) => r.rule);
  for (const spec of importsOf(text))
    if (spec.startsWith('node:')) found.push(`Node built-in import ${spec}`);
  return found;
};

/** Module order of DESIGN.md: a module may import only modules at its rank or below. */
export const RANK: Readonly<Record<string, number>> = {
  internal: 0,
  core: 1,
  records: 2,
  insurance: 3,
  referrals: 4,
  billing: 5,
  scheduling: 6,
  communications: 7,
  // Test support sits on top: it may import every module, and none imports it.
  testing: 8,
};

const moduleOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0] ?? '';

/** Upward imports of one file: `from -> to` pairs that break the order. */
export const layeringViolations = (file: string, text: string): string[] => {
  const from = moduleOf(file);
  if (from.endsWith('.ts')) return []; // the root barrel re-exports everything
  const fromRank = RANK[from];
  return importsOf(text)
    .filter((s) => s.startsWith('.'))
    .map((s) => moduleOf(resolve(dirname(file), s)))
    .filter((to) => to !== from && (fromRank === undefined || (RANK[to] ?? Infinity) > fromRank))
    .map((to) => `${from} -> ${to}`);
};

export const readSource = (file: string): string => readFileSync(file, 'utf8');
