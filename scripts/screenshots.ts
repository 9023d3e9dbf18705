// `npm run screenshots` (after `npm run docs`): photographs two pages of the built site in
// Debian's Chromium, the findSlots API page and a guide, into docs/screenshots/, so a review can
// see what a reader sees without building the site.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, serveFiles, withChromium } from './browser.js';

const SITE = join(ROOT, 'docs/site');
const PAGES = [
  ['/functions/scheduling.findSlots.html', 'docs/screenshots/api-findSlots.png'],
  [
    '/documents/Insurance_-_cost_share_and_coordination_of_benefits.html',
    'docs/screenshots/guide-insurance.png',
  ],
] as const;

const siteFiles = (dir: string, out: Record<string, string> = {}): Record<string, string> => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) siteFiles(path, out);
    else out[`/${relative(SITE, path)}`] = readFileSync(path, 'utf8');
  }
  return out;
};

const server = await serveFiles(siteFiles(SITE));
try {
  await withChromium(async (context) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [path, file] of PAGES) {
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(ROOT, file) });
      console.log(`screenshots: ${file}`);
    }
  });
} finally {
  await server.close();
}
