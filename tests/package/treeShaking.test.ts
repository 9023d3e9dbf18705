// Tree-shaking: an app that imports `validateNpi` alone must not carry luxon, rrule or the X12
// reader. esbuild bundles the built package (dist/, as users do); its metafile shows which
// dependency files contributed bytes, and the output sourcemap (composed through dist's own maps)
// shows which of our source files still have code in the bundle.
import { describe, expect, it } from 'vitest';
import { bundleForBrowser, includedInputs } from '../../scripts/browser.js';

const HEAVY_DEPENDENCY = /node_modules\/(luxon|rrule)\//;
const HEAVY_SOURCE = /^src\/(insurance\/x12\/|internal\/(zone|rrule)\.ts)/;

const bundle = async (code: string) => {
  const b = await bundleForBrowser({ contents: code });
  return {
    dependencies: includedInputs(b.metafile).filter((f) => HEAVY_DEPENDENCY.test(f)),
    sources: Object.keys(b.mappedSources).filter((f) => f.startsWith('src/')),
  };
};

describe.each(['medoffice/records', 'medoffice'])('import { validateNpi } from %s', (spec) => {
  it('bundles neither luxon, rrule nor the X12 reader', async () => {
    const { dependencies, sources } = await bundle(
      `import { validateNpi } from '${spec}'; document.title = String(validateNpi('1234567893')._tag);`,
    );
    expect(sources).toContain('src/records/npi.ts'); // the package really was bundled, through dist/
    expect(dependencies).toEqual([]);
    expect(sources.filter((f) => HEAVY_SOURCE.test(f))).toEqual([]);
  });
});

describe('the check sees heavy code when it is used', () => {
  it('formatInstant brings luxon, recurrenceDates rrule, read271 the X12 reader', async () => {
    const { dependencies, sources } = await bundle(
      "import { formatInstant, recurrenceDates, read271 } from 'medoffice'; document.title = String([formatInstant, recurrenceDates, read271]);",
    );
    expect(dependencies.some((f) => f.includes('/luxon/'))).toBe(true);
    expect(dependencies.some((f) => f.includes('/rrule/'))).toBe(true);
    expect(sources).toContain('src/internal/zone.ts');
    expect(sources).toContain('src/insurance/x12/read271.ts');
  });
});
