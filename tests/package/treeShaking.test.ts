// Tree-shaking: an app that imports `validateNpi` alone must not carry luxon, rrule or the X12
// reader. esbuild bundles the built package (dist/, as users do); its metafile shows which
// dependency files contributed bytes, and the output sourcemap (composed through dist's own maps)
// shows which of our source files still have code in the bundle.
import { runInNewContext } from 'node:vm';
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

describe('rrule in a browser bundle', () => {
  it("comes through rrule's RRule file (the package's #rrule import map), without RRuleSet and rrulestr, and still expands a monthly rule", async () => {
    const b = await bundleForBrowser({
      contents:
        "import { recurrenceDates } from 'medoffice/scheduling'; globalThis.dates = JSON.stringify(recurrenceDates('FREQ=MONTHLY;BYDAY=2TU', '2026-01-01', '2026-01-01', '2026-04-30'));",
    });
    const rrule = includedInputs(b.metafile)
      .filter((f) => f.includes('node_modules/rrule/'))
      .map((f) => f.slice(f.indexOf('node_modules/rrule/') + 'node_modules/rrule/'.length));
    expect(rrule).toContain('dist/esm/rrule.js');
    // rrule's index, and the modules only it reaches (rrule declares no sideEffects: false, so a
    // bundle that goes through the index keeps them although nothing uses them).
    expect(rrule.filter((f) => /^dist\/esm\/(index|rruleset|rrulestr|iterset)\.js$/.test(f))).toEqual([]);
    // The bundle runs: everything is inlined, so it evaluates as a script in a fresh context.
    const context: { dates?: string } = {};
    runInNewContext(b.js, context);
    // 2026-01-01 is a Thursday: second Tuesdays Jan 13, Feb 10, Mar 10 (Feb 1 and Mar 1 are
    // Sundays), Apr 14 (Apr 1 is a Wednesday).
    expect(context.dates).toBe(
      '{"_tag":"Right","right":["2026-01-13","2026-02-10","2026-03-10","2026-04-14"]}',
    );
  });
});
