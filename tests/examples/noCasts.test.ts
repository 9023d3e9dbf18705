// What a user copies holds no casts to the library's types (DESIGN.md rule 12): the README, the
// guides, the examples and the JSDoc examples build branded values with the literal constructors (`isoDate(...)`,
// `zone(...)`, `cents(...)`) or parse outside data. A cast would compile where a typo in a date or
// a zone does not throw, so the copied code would carry the bug silently.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every type the package exports, read from the committed API reports. */
const libraryTypes = (): Set<string> => {
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'api')))
    for (const m of readFileSync(join(ROOT, 'api', file), 'utf8').matchAll(
      /^export (?:type|interface) (\w+)/gmu,
    ))
      names.add(m[1] ?? '');
  return names;
};

const filesUnder = (dir: string, suffix: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name));

const EXAMPLE = /@example\n((?: \*(?: [^\n]*)?\n)+?) \*(?: @|\/)/gu;

/** Code a reader copies: example programs, the markdown pages' code blocks, JSDoc examples. */
const copiedCode = (): { readonly file: string; readonly code: string }[] => [
  ...filesUnder('src', '.ts').map((file) => ({
    file,
    code: [...readFileSync(file, 'utf8').matchAll(EXAMPLE)].map((m) => m[1] ?? '').join('\n'),
  })),
  ...filesUnder('examples', '.ts').map((file) => ({ file, code: readFileSync(file, 'utf8') })),
  ...[join(ROOT, 'README.md'), ...filesUnder('docs/guides', '.md')].map((file) => ({
    file,
    code: [...readFileSync(file, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gmu)]
      .map((m) => m[1] ?? '')
      .join('\n'),
  })),
];

/** `as T`, `as T[]`, `as T['field']`, `as unknown as T` where T is one of `types`. */
const castsTo = (code: string, types: ReadonlySet<string>): string[] =>
  [...code.matchAll(/\bas (?:unknown as )?(\w+)/gu)].map((m) => m[1] ?? '').filter((name) => types.has(name));

describe('no casts to library types in what users copy', () => {
  const types = libraryTypes();

  it('reads the exported types', () => {
    for (const name of ['IsoInstant', 'IsoDate', 'IanaZone', 'Cents', 'SlotQuery', 'Appointment'])
      expect(types.has(name), name).toBe(true);
  });

  it('finds a planted cast, and leaves `as const` and casts to other types alone', () => {
    const code = "const a = '2026-11-23' as IsoDate; const b = [1] as const; const c = x as Response;";
    expect(castsTo(code, types)).toEqual(['IsoDate']);
    expect(castsTo("const s = {} as unknown as Slot['type'];", types)).toEqual(['Slot']);
  });

  it('README, guides, examples and JSDoc examples have none', () => {
    const found = copiedCode().flatMap(({ file, code }) =>
      castsTo(code, types).map((t) => `${relative(ROOT, file)}: as ${t}`),
    );
    expect(found).toEqual([]);
  });
});
