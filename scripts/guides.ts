// Guides that read on GitHub: each `{@includeCode ../../examples/...#region}` line of a guide in
// docs/guides becomes a TypeScript block holding the region's code with its imports and every
// declaration it reads (scripts/guideSnippets.ts), between two HTML comments that name the region.
// `npm run guides` writes the guides; `npm run guides -- --check` (run by tests/examples in
// `npm test`) fails when a committed guide differs from what its examples give. Running it again on
// its own output changes nothing, and a guide section added later with a plain `{@includeCode}`
// line is filled in by the next run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { SnippetWriter, type RegionRef } from './guideSnippets.js';

const ROOT = resolve(import.meta.dirname, '..');
export const GUIDES = resolve(ROOT, 'docs/guides');
export const FIX_COMMAND = 'npm run guides';

/** A directive as an author writes it, or a generated block as this script writes it. */
const DIRECTIVE = /^\{@includeCode ([^}#\s]+)(?:#([\w-]+))?\}[ \t]*$/;
const OPEN = /^<!-- example: ([^#\s]+)(?:#([\w-]+))? \(written by npm run guides[^)]*\) -->$/;
const CLOSE = '<!-- end of example -->';

interface Part {
  readonly kind: 'text' | 'example';
  readonly text: string;
  readonly ref?: { readonly path: string; readonly name: string | undefined };
}

/** Splits a guide into text and example places (directives or blocks written before). */
const parts = (markdown: string): Part[] => {
  const out: Part[] = [];
  const lines = markdown.split('\n');
  let text: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = DIRECTIVE.exec(line) ?? OPEN.exec(line);
    if (!m) {
      text.push(line);
      continue;
    }
    if (OPEN.test(line)) {
      const end = lines.indexOf(CLOSE, i);
      if (end < 0) throw new Error(`an example block opened at line ${i + 1} is not closed by "${CLOSE}"`);
      i = end;
    }
    out.push({ kind: 'text', text: text.join('\n') });
    text = [];
    out.push({ kind: 'example', text: line, ref: { path: m[1] ?? '', name: m[2] } });
  }
  out.push({ kind: 'text', text: text.join('\n') });
  return out;
};

const exampleRefs = (guide: string, markdown: string): RegionRef[] =>
  parts(markdown).flatMap((p) =>
    p.ref ? [{ file: resolve(dirname(guide), p.ref.path), name: p.ref.name }] : [],
  );

/** The guide with every example place filled from its region, formatted as the repository is. */
export const renderGuide = async (
  guide: string,
  markdown: string,
  writer: SnippetWriter,
): Promise<string> => {
  const body = parts(markdown)
    .map((p) => {
      if (!p.ref) return p.text;
      const where = `${p.ref.path}${p.ref.name === undefined ? '' : `#${p.ref.name}`}`;
      const code = writer.snippet({ file: resolve(dirname(guide), p.ref.path), name: p.ref.name });
      return [
        `<!-- example: ${where} (written by npm run guides: edit the example, not this block) -->`,
        '',
        '```ts',
        code,
        '```',
        '',
        CLOSE,
      ].join('\n');
    })
    .join('\n');
  const options = (await resolveConfig(guide)) ?? {};
  return format(body, { ...options, filepath: guide });
};

/** Every guide with its rendered text, read with one type checker. */
export const renderGuides = async (): Promise<{ file: string; current: string; rendered: string }[]> => {
  const guides = readdirSync(GUIDES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => resolve(GUIDES, f));
  const texts = guides.map((g) => readFileSync(g, 'utf8'));
  const files = [...new Set(guides.flatMap((g, i) => exampleRefs(g, texts[i] ?? '').map((r) => r.file)))];
  const writer = new SnippetWriter(files);
  return Promise.all(
    guides.map(async (file, i) => ({
      file,
      current: texts[i] ?? '',
      rendered: await renderGuide(file, texts[i] ?? '', writer),
    })),
  );
};

if (process.argv[1]?.endsWith('guides.ts')) {
  const check = process.argv.includes('--check');
  const results = await renderGuides();
  const stale = results.filter((r) => r.rendered !== r.current);
  for (const r of stale) {
    const name = relative(ROOT, r.file);
    if (check) console.error(`${name} is out of date with its examples: run ${FIX_COMMAND}`);
    else {
      writeFileSync(r.file, r.rendered);
      console.log(`${name} written`);
    }
  }
  if (check && stale.length > 0) process.exitCode = 1;
  else console.log(`guides: ${results.length} guides, ${stale.length} ${check ? 'stale' : 'rewritten'}`);
}
