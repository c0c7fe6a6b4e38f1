/**
 * `npm run screenshots`: takes screenshots of the built app for people to
 * look at, after `npm run build:local`: the overview and London, in English
 * and Russian, at 320, 390 and 1280 px, with JavaScript on and off (writes
 * screenshots/<lang>-<page>-<width>-<js|nojs>.png), and Russian London
 * printed to A4 (screenshots/ru-london-print.pdf). It starts the static
 * server (scripts/serve-static.ts) on port 4173 itself and stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './lib/chromium.ts';

const base = 'http://127.0.0.1:4173';
const widths = [320, 390, 1280];
const pages = [
  { name: 'overview', path: '' },
  { name: 'london', path: 'city/london/' },
];
const languages = [
  { tag: 'en', prefix: '/' },
  { tag: 'ru', prefix: '/ru/' },
];

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not start`);
}

const server = spawn('npx', ['tsx', 'scripts/serve-static.ts', 'dist', '4173'], { stdio: 'ignore', detached: true });
try {
  await waitForServer(base);
  mkdirSync('screenshots', { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const scripts of [true, false]) {
    for (const width of widths) {
      const phone = width < 760;
      const context = await browser.newContext({
        viewport: { width, height: phone ? 844 : 800 },
        deviceScaleFactor: 1,
        hasTouch: phone,
        isMobile: phone,
        javaScriptEnabled: scripts,
      });
      const page = await context.newPage();
      for (const language of languages) {
        for (const target of pages) {
          await page.goto(`${base}${language.prefix}${target.path}`);
          // With scripts, reach for the map as a reader's pointer does (src/map/map-loader.ts), and wait until the
          // interactive map has drawn its markers and settled. Before that the map is the picture, as without scripts.
          if (scripts) {
            await page.locator('.app[data-interactive]').waitFor({ state: 'attached' });
            await page.evaluate(() => {
              document.querySelector('.map-picture')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
            });
            await page.locator('.leaflet-marker-icon.rally-marker').first().waitFor();
            await page.waitForTimeout(1200);
          }
          const file = `screenshots/${language.tag}-${target.name}-${String(width)}-${scripts ? 'js' : 'nojs'}.png`;
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
      await context.close();
    }
  }
  const printContext = await browser.newContext({ javaScriptEnabled: false });
  const printPage = await printContext.newPage();
  await printPage.goto(`${base}/ru/city/london/`);
  await printPage.pdf({ path: 'screenshots/ru-london-print.pdf', format: 'A4', printBackground: true });
  console.log('screenshots/ru-london-print.pdf');
  await printContext.close();
  await browser.close();
} finally {
  // npx starts the server as a child: stop the whole process group.
  if (server.pid !== undefined) process.kill(-server.pid);
}
