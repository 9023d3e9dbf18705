// Tree-shaking, checked with esbuild's metafile: an app that imports `validateNpi` alone must not
// carry luxon, rrule or the X12 reader. Checked twice: through the built package (what users
// bundle, chunk by chunk, with each chunk's sourcemap naming the sources inside it) and from the
// sources (file by file).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, bundleForBrowser, includedInputs } from '../../scripts/browser.js';

const HEAVY = /node_modules\/(luxon|rrule)\//;
const X12 = /src\/insurance\/x12\//;

/** Sources inside a dist chunk, from its sourcemap. */
const sourcesOf = (distFile: string): readonly string[] => {
  const map = JSON.parse(readFileSync(resolve(ROOT, `${distFile}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((s) => resolve(ROOT, 'dist', s).slice(ROOT.length + 1));
};

describe.each([
  ['medoffice/records', 'the records subpath'],
  ['medoffice', 'the root barrel'],
])('import { validateNpi } from %s (%s)', (spec) => {
  it('bundles neither luxon, rrule nor any chunk holding X12 code', async () => {
    const { metafile, js } = await bundleForBrowser({
      contents: `import { validateNpi } from '${spec}'; document.title = String(validateNpi('1234567893')._tag);`,
    });
    const inputs = includedInputs(metafile);
    expect(inputs.some((f) => f.startsWith('dist/'))).toBe(true); // the package really was bundled
    expect(inputs.filter((f) => HEAVY.test(f))).toEqual([]);
    const chunks = inputs.filter((f) => f.startsWith('dist/'));
    expect(
      chunks.flatMap((c) => sourcesOf(c)).filter((s) => X12.test(s) || /src\/internal\/(zone|rrule)/.test(s)),
    ).toEqual([]);
    expect(js).not.toMatch(/IANAZone|RRule/);
  });
});

describe('from the sources', () => {
  it('validateNpi needs only records/npi.ts and core result/errors', async () => {
    const { metafile } = await bundleForBrowser({
      contents:
        "import { validateNpi } from './src/index.ts'; document.title = String(validateNpi('1')._tag);",
    });
    const ours = includedInputs(metafile).filter((f) => f.startsWith('src/'));
    expect(
      ours.filter((f) => X12.test(f) || /^src\/(insurance|referrals|scheduling|internal)\//.test(f)),
    ).toEqual([]);
    expect(ours).toContain('src/records/npi.ts');
    expect(includedInputs(metafile).filter((f) => HEAVY.test(f))).toEqual([]);
  });

  it('the check would see luxon and rrule when they are used', async () => {
    const { metafile } = await bundleForBrowser({
      contents:
        "import { zoneOffset, recurrenceDates } from './src/index.ts'; document.title = String([zoneOffset, recurrenceDates]);",
    });
    const heavy = includedInputs(metafile).filter((f) => HEAVY.test(f));
    expect(heavy.some((f) => f.includes('luxon'))).toBe(true);
    expect(heavy.some((f) => f.includes('rrule'))).toBe(true);
  });
});
