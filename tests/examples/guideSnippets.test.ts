// The guides read on GitHub: their code is written into the markdown by `npm run guides`, and it is
// the code of the examples as it is now. Each block compiles on its own, as a reader copies it, with
// its imports and every name it uses defined.
import { beforeAll, describe, expect, it } from 'vitest';
import { relative, resolve } from 'node:path';
import { FIX_COMMAND, renderGuide, renderGuides } from '../../scripts/guides.js';
import { SnippetWriter } from '../../scripts/guideSnippets.js';
import { snippetErrors } from './compileSnippets.js';

const ROOT = resolve(import.meta.dirname, '../..');
let guides: Awaited<ReturnType<typeof renderGuides>> = [];
beforeAll(async () => {
  guides = await renderGuides();
}, 120_000);

const BLOCK = /^<!-- example: (\S+) [^\n]*-->\n\n```ts\n([\s\S]*?)\n```\n\n<!-- end of example -->$/gm;

describe('guides with their code written in', () => {
  it('are up to date with the examples', () => {
    const stale = guides.filter((g) => g.rendered !== g.current).map((g) => relative(ROOT, g.file));
    expect(stale, `guides out of date with their examples: run ${FIX_COMMAND}`).toEqual([]);
  });

  it('have no {@includeCode} left: GitHub shows the code', () => {
    for (const g of guides) expect(g.current).not.toContain('{@includeCode');
    expect(guides.flatMap((g) => [...g.current.matchAll(BLOCK)]).length).toBeGreaterThanOrEqual(50);
  });

  it('come out the same from a plain {@includeCode} line as from a block written before', async () => {
    const g = guides.find((x) => x.file.endsWith('getting-started.md'));
    if (!g) throw new Error('getting-started.md is missing');
    const directives = g.current.replace(BLOCK, (_, where: string) => `{@includeCode ${where}}`);
    expect(directives).not.toBe(g.current);
    const files = [...g.current.matchAll(BLOCK)].map((m) =>
      resolve(ROOT, 'docs/guides', (m[1] ?? '').split('#')[0] ?? ''),
    );
    const writer = new SnippetWriter([...new Set(files)]);
    expect(await renderGuide(g.file, directives, writer)).toBe(g.current);
    expect(await renderGuide(g.file, g.current, writer)).toBe(g.current);
  }, 120_000);

  it('hold code that compiles on its own, imports and all', () => {
    const snippets = guides.flatMap((g) =>
      [...g.current.matchAll(BLOCK)].map((m) => ({
        name: `${relative(ROOT, g.file)} ${m[1]}`,
        code: m[2] ?? '',
      })),
    );
    expect(snippetErrors(snippets)).toEqual({});
  }, 120_000);
});
