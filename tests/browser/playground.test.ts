// The docs site's playground in headless Chromium: the week view and the cost-share calculator
// show the library's results, and changing an input changes them. Expected values are worked by
// hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumStatus, launchChromium, serveFiles, type StaticServer } from '../../scripts/browser.js';
import { buildPlayground } from '../../scripts/site.js';

const status = chromiumStatus();
if (!status.run) console.warn(status.reason);

describe.skipIf(!status.run)('playground page', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveFiles(await buildPlayground());
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/playground/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const text = (selector: string) => page.locator(selector).innerText();
  const rows = () =>
    page.$$eval('#breakdown tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );

  it('draws the sample clinic week with availability, booked visits and offered slots', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.locator('.day').count()).toBe(7);
    // Week of Monday 2026-11-23: Thanksgiving (Thursday 26th) is a clinic holiday: nothing open.
    expect(await page.locator('.day[data-date="2026-11-26"] .block.open').count()).toBe(0);
    expect(await page.locator('.day[data-date="2026-11-24"] .block.open').count()).toBeGreaterThan(0);
    expect(await page.locator('.day[data-date="2026-11-24"] .block.booked').count()).toBe(4); // appts 2001-2003, 2011
    expect(Number(await text('#slot-count'))).toBeGreaterThan(0);
    expect(await page.locator('.day[data-dst="true"]').count()).toBe(0); // no offset change that week
  });

  it('labels every input with a text of its own', async () => {
    const labels = await page.$$eval('label', (ls) => ls.map((l) => (l.textContent ?? '').trim()));
    expect(labels.length).toBeGreaterThan(8);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it('a different visit type gives a different set of slots', async () => {
    const before = await text('#slots');
    await page.selectOption('#type', 'echo-60');
    await page.waitForFunction((b) => document.getElementById('slots')?.innerText !== b, before);
    const slots = await text('#slots');
    // Echo needs a cardiologist: dr-patel is the clinic's only one.
    expect(slots).toContain('dr-patel');
    expect(slots).not.toContain('dr-okafor');
  });

  it('highlights DST days of the clinic and the patient zone, and shows slots in the patient zone', async () => {
    await page.selectOption('#type', 'follow-up-20');
    await page.selectOption('#zone', 'Europe/London');
    await page.fill('#date', '2026-10-21');
    await page.dispatchEvent('#date', 'change');
    // London falls back on Sunday 2026-10-25 (last Sunday of October); New York not until Nov 1.
    await page.waitForSelector('.day[data-date="2026-10-25"][data-dst="true"]');
    expect(
      await page.$$eval('.day[data-dst="true"]', (d) => d.map((x) => x.getAttribute('data-date'))),
    ).toEqual(['2026-10-25']);
    // Slot starts are written with the London offset: +01:00 (BST) before the 25th.
    expect(await text('#slots')).toMatch(/\+01:00 patient time/);
    await page.selectOption('#zone', 'America/Chicago');
    await page.waitForFunction(() => document.querySelectorAll('.day[data-dst="true"]').length === 0);
    await page.fill('#date', '2026-10-28');
    await page.dispatchEvent('#date', 'change');
    // Week of Oct 26: New York and Chicago both fall back on Sunday Nov 1 (a 25-hour day).
    await page.waitForSelector('.day[data-date="2026-11-01"][data-dst="true"]');
    expect(await text('.day[data-date="2026-11-01"] h3')).toContain('25 h');
  });

  it('the DST example week: the clinic is open on the Sunday New York falls back', async () => {
    await page.click('#dst-week');
    // Week of Monday 2026-10-26; Sunday 2026-11-01 is 25 hours long in New York.
    await page.waitForSelector('.day[data-date="2026-11-01"][data-dst="true"]');
    expect(await text('.day[data-date="2026-11-01"] h3')).toContain('25 h');
    // clinic.json: extra hours for dr-okafor on 2026-11-01, 08:00-12:00 New York time.
    expect(await page.locator('.day[data-date="2026-11-01"] .block.open').count()).toBe(1);
    expect(await page.locator('.day[data-date="2026-11-01"] .block.slot').count()).toBeGreaterThan(0);
    const slots = await text('#slots');
    // 08:00 EST (UTC-5) on Nov 1 is 13:00 UTC, and London is on GMT (+00:00) since Oct 25.
    expect(slots).toContain(
      'dr-okafor 2026-11-01 08:00 clinic time = 2026-11-01T13:00:00+00:00 patient time',
    );
    // A weekday before the change: 08:00 EDT (UTC-4) is 12:00 in London.
    expect(slots).toMatch(/2026-10-2\d 08:00 clinic time = 2026-10-2\dT12:00:00\+00:00 patient time/);
    expect(await page.locator('#zone').inputValue()).toBe('Europe/London');
  });

  it('lists the times not offered with the rule each breaks', async () => {
    await page.selectOption('#zone', 'America/New_York');
    await page.fill('#date', '2026-11-23');
    await page.dispatchEvent('#date', 'change');
    await page.waitForFunction(() => document.querySelectorAll('#exclusions tr').length > 0);
    const reasons = await text('#exclusions');
    expect(reasons).toMatch(/already booked|outside the provider’s hours|too soon/); // in words
    expect(reasons).not.toMatch(/booking\.[a-z-]+/); // not codes
  });

  it('cost share: the default claim, line by line', async () => {
    // Deductible $1,000 with $700 met, 20% coinsurance, no copay, OOP max $5,000 ($700 met).
    // Line 1 $180: all to the remaining $300 deductible → patient $180, plan $0.
    // Line 2 $650: $120 finishes the deductible; 20% of $530 = $106 → patient $226, plan $424.
    expect(await rows()).toEqual([
      ['1 (99214)', '$180.00', '$0.00', '$180.00', '$0.00', '$180.00', '$0.00', ''],
      ['2 (93306)', '$650.00', '$0.00', '$120.00', '$106.00', '$226.00', '$424.00', ''],
      ['total', '$830.00', '$0.00', '$300.00', '$106.00', '$406.00', '$424.00', ''],
    ]);
  });

  it('cost share: changing the coinsurance and clicking Estimate changes the breakdown', async () => {
    await page.fill('#coinsurance', '30');
    await page.click('#estimate');
    // 30% of $530 = $159 → line 2 patient $279, plan $371; total patient $459.
    await page.waitForFunction(
      () => document.querySelector('#breakdown tr:last-child td:nth-child(6)')?.textContent === '$459.00',
    );
    expect((await rows())[1]).toEqual([
      '2 (93306)',
      '$650.00',
      '$0.00',
      '$120.00',
      '$159.00',
      '$279.00',
      '$371.00',
      '',
    ]);
    await page.fill('#copay', 'abc');
    await page.click('#estimate');
    await page.waitForFunction(() => (document.getElementById('cost-error')?.textContent ?? '').length > 0);
    expect(await text('#cost-error')).toContain('copay');
  });
});
