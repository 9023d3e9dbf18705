// The package in a real browser: bundle tests/browser/app/main.ts (which imports every subpath)
// with esbuild for the browser, serve it on 127.0.0.1 and read the results the page prints in
// Debian's headless Chromium. Needs dist/ (run after `npm run build`; see vitest.dist.config.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import {
  bundleForBrowser,
  chromiumStatus,
  includedInputs,
  serveFiles,
  withChromium,
  type BrowserBundle,
} from '../../scripts/browser.js';

const status = chromiumStatus();
if (!status.run) console.warn(status.reason);

let app: BrowserBundle;
beforeAll(async () => {
  app = await bundleForBrowser({ file: resolve(import.meta.dirname, 'app/main.ts') });
});

describe('browser bundle', () => {
  it('goes through the built package (dist/), not the sources', () => {
    const inputs = includedInputs(app.metafile);
    expect(inputs.some((f) => f.startsWith('dist/'))).toBe(true);
    expect(inputs.filter((f) => f.startsWith('src/'))).toEqual([]);
  });

  it('contains no Node built-in', () => {
    const all = Object.keys(app.metafile.inputs);
    expect(all.filter((f) => f.startsWith('node:') || f.includes('(disabled)'))).toEqual([]);
  });

  it('refuses a planted Node built-in', async () => {
    await expect(
      bundleForBrowser({ contents: "import { readFileSync } from 'node:fs'; readFileSync('x');" }),
    ).rejects.toThrow(/Node built-in "node:fs"/);
    await expect(bundleForBrowser({ contents: "import { join } from 'path'; join('a');" })).rejects.toThrow(
      /Node built-in "path"/,
    );
  });
});

describe.skipIf(!status.run)('every subpath runs in headless Chromium', () => {
  let results: Record<string, string> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const server = await serveFiles({
      '/index.html':
        '<!doctype html><meta charset="utf-8"><title>medoffice</title><script type="module" src="/app.js"></script>',
      '/app.js': app.js,
    });
    try {
      results = await withChromium(async (context) => {
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await page.goto(`${server.url}/`);
        await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
        return page.$$eval('dd[data-check]', (dds) =>
          Object.fromEntries(
            dds.map((d) => [(d as HTMLElement).dataset['check'] ?? '', d.textContent ?? '']),
          ),
        );
      });
    } finally {
      await server.close();
    }
  }, 90_000);

  it('loads without page errors and imports all six subpaths and the root', () => {
    expect(pageErrors).toEqual([]);
    expect(results['subpaths']).toBe('[true,true,true,true,true,true]');
    expect(results['rootReexports']).toBe('true');
  });

  it('core money: 20% of $123.45 is $24.69, $10 in three shares is 3.34 + 3.33 + 3.33', () => {
    // 12345 × 2000 / 10000 = 2469 cents; 1000 / 3 = 333 r 1, the remainder goes to the first share.
    expect(results['rate']).toBe('$24.69');
    expect(results['allocate']).toBe('{"_tag":"Right","right":[334,333,333]}');
  });

  it('core DST policy with the browser Intl data: gap → 03:00 EDT, overlap → earlier 01:30 EDT', () => {
    expect(results['dstGap']).toBe('2026-03-08T03:00:00-04:00');
    expect(results['dstOverlap']).toBe('2026-11-01T01:30:00-04:00');
    expect(results['kolkataOffset']).toBe('2026-01-01T05:30:00+05:30'); // IST is UTC+05:30
  });

  it('core interval algebra: [0,60) minus [20,30)', () => {
    expect(results['subtract']).toBe('[{"start":0,"end":20},{"start":30,"end":60}]');
  });

  it('records: validateNpi accepts the CMS example 1234567893 and refuses a bad check digit', () => {
    expect(results['npiValid']).toBe('{"_tag":"Right","right":"1234567893"}');
    expect(results['npiInvalid']).toBe('npi.check-digit');
  });

  it('records: findDuplicates pairs William and Bill Smith (nickname, same birth date and address), not Chen Wei', () => {
    expect(results['duplicates']).toBe('{"clusters":[["p1","p2"]],"decisions":[["p1","p2","match"]]}');
  });

  it('scheduling: findSlots offers 09:00, 09:20 and 09:40 in a Monday 09:00-10:00 window', () => {
    // 60 minutes / 20-minute visits on the default grid = 3 starts; EST is UTC-05:00 on Nov 30.
    expect(results['slots']).toBe(
      '["2026-11-30T09:00:00-05:00","2026-11-30T09:20:00-05:00","2026-11-30T09:40:00-05:00"]',
    );
  });

  it('scheduling: a monthly rule through rrule, second Tuesdays of January to April 2026', () => {
    // 2026-01-01 is a Thursday: Tuesdays 6 and 13; Feb 1 and Mar 1 are Sundays: 3 and 10;
    // Apr 1 is a Wednesday: 7 and 14.
    expect(results['monthlyRule']).toBe(
      '{"_tag":"Right","right":["2026-01-13","2026-02-10","2026-03-10","2026-04-14"]}',
    );
  });

  it('insurance: estimateCostShare of a $500 line with $300 deductible left and 20% coinsurance', () => {
    // $300 deductible + 20% × $200 = $340 patient; $500 − $340 = $160 plan (reference case T10).
    expect(results['costShare']).toBe('$340.00 / $160.00');
  });

  it('referrals: a draft is submitted, and closing a draft is refused by the table', () => {
    expect(results['referral']).toBe('["submitted","referral.invalid-event"]');
  });

  it('testing: a generated patient parses; the transition table answers', () => {
    expect(results['testing']).toBe('["Right",["submitted"]]');
  });
});
