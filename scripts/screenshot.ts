/**
 * `npm run screenshots`: takes screenshots of the built app at phone and
 * desktop sizes, for people to look at, after `npm run build:local` (writes
 * screenshots/*.png). It starts the static server (scripts/serve-static.ts)
 * on port 4173 itself and stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './lib/chromium.ts';

const base = 'http://127.0.0.1:4173';
const views = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];
const pages = [
  { name: 'overview', city: null },
  { name: 'london', city: 'london' },
  { name: 'rome', city: 'rome' },
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
  for (const view of views) {
    const context = await browser.newContext({
      viewport: { width: view.width, height: view.height },
      deviceScaleFactor: 1,
      hasTouch: view.name === 'phone',
      isMobile: view.name === 'phone',
    });
    const page = await context.newPage();
    for (const target of pages) {
      await page.goto(base);
      await page.locator('.rally-marker').first().waitFor();
      if (target.city) await page.locator(`.city-button[data-city-id="${target.city}"]`).click();
      await page.waitForTimeout(1200);
      const file = `screenshots/${target.name}-${view.name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
  await browser.close();
} finally {
  // npx starts vite as a child: stop the whole process group.
  if (server.pid !== undefined) process.kill(-server.pid);
}
