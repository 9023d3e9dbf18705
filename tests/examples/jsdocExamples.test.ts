// Every JSDoc @example of a public export type-checks as a user would paste it: a module of its own
// that imports the module's exports (and medoffice/core's) by name, under the repository's strict
// compiler options. Values an example calls a function on without building them (the referral,
// the calendar, the 271 text) are declared from EXAMPLE_CONTEXT with the library's types, so the
// call itself is still checked against the real signature. Every example must compile.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXAMPLE_CONTEXT } from './exampleContext.js';
import { snippetErrors, type Snippet } from './compileSnippets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = ['core', 'records', 'insurance', 'referrals', 'billing', 'scheduling', 'communications'];

/** Exported names of a module from its committed API report: values, or types. */
const exportsOf = (module: string, kind: 'value' | 'type'): string[] => {
  const report = readFileSync(join(ROOT, 'api', `${module}.api.md`), 'utf8');
  const keyword = kind === 'value' ? 'const|function|class|enum' : 'type|interface';
  // A function with overloads is listed once per signature.
  return [
    ...new Set(
      [...report.matchAll(new RegExp(`^export (?:declare )?(?:${keyword}) (\\w+)`, 'gmu'))].map(
        (m) => m[1] ?? '',
      ),
    ),
  ];
};

const EXAMPLE = /@example\n((?: \*(?: [^\n]*)?\n)+?) \*(?: @|\/)/gu;
const DOCUMENTED = /^\*\/\s*export (?:declare )?(?:const|function|interface|type|class) (\w+)/u;

/** Names a snippet binds itself (declarations and its own imports), which the prelude leaves out. */
const boundIn = (code: string): Set<string> =>
  new Set([
    ...[...code.matchAll(/\b(?:const|let|function|type|interface) (\w+)/gu)].map((m) => m[1] ?? ''),
    ...[...code.matchAll(/import (?:type )?\{([^}]*)\}/gu)].flatMap((m) =>
      (m[1] ?? '').split(',').map((n) => n.replace(/^\s*type\s+/u, '').trim()),
    ),
  ]);

const importLine = (names: readonly string[], spec: string, typeOnly: boolean): string =>
  names.length === 0 ? '' : `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${spec}';\n`;

/** The @example snippets of every public export, each with its prelude. */
const exampleSnippets = (): Snippet[] =>
  MODULES.flatMap((module) => {
    const values = exportsOf(module, 'value');
    const types = exportsOf(module, 'type');
    const coreValues = module === 'core' ? [] : exportsOf('core', 'value').filter((n) => !values.includes(n));
    const coreTypes = module === 'core' ? [] : exportsOf('core', 'type').filter((n) => !types.includes(n));
    const publicNames = new Set([...values, ...types]);
    const prelude = (code: string): string => {
      const bound = boundIn(code);
      const free = (names: readonly string[]) => names.filter((n) => !bound.has(n));
      const context = Object.entries(EXAMPLE_CONTEXT)
        .filter(([name]) => !bound.has(name) && new RegExp(`\\b${name}\\b`, 'u').test(code))
        .map(([name, type]) => `declare const ${name}: ${type};\n`)
        .join('');
      return (
        context +
        importLine(free(values), `medoffice/${module}`, false) +
        importLine(free(types), `medoffice/${module}`, true) +
        importLine(free(coreValues), 'medoffice/core', false) +
        importLine(free(coreTypes), 'medoffice/core', true)
      );
    };
    return readdirSync(join(ROOT, 'src', module), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .flatMap((e) => {
        const file = join(e.parentPath, e.name);
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(EXAMPLE)].flatMap((m) => {
          const end = (m.index ?? 0) + m[0].length - 2;
          const name = DOCUMENTED.exec(text.slice(end))?.[1];
          if (name === undefined || !publicNames.has(name)) return [];
          const code = (m[1] ?? '')
            .split('\n')
            .map((l) => l.replace(/^ \* ?/u, ''))
            .join('\n');
          return [{ name: `${relative(ROOT, file)} ${name}`, code: prelude(code) + code }];
        });
      });
  });

describe('JSDoc examples', () => {
  const snippets = exampleSnippets();

  it('are found for the public exports', () => {
    expect(snippets.length).toBeGreaterThan(300);
    expect(snippets.some((s) => s.name.endsWith(' findSlots'))).toBe(true);
  });

  it('type-check, every one', () => {
    const errors = snippetErrors(snippets);
    console.log(
      `JSDoc examples: ${snippets.length} of public exports, ${snippets.length - Object.keys(errors).length} type-check`,
    );
    expect(errors).toEqual({});
  }, 300_000);
});
