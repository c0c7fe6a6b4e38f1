/**
 * `npm run bench`: builds the site, serves it as plain files, and prints the
 * figures the issues ask for. It is a measurement, not a test: CI runs only
 * the size budget (`npm run size`).
 *
 * - first-view transfer per page (gzip), from scripts/check-size.ts;
 * - "map ready" (basemap and markers drawn, from the app's performance
 *   marks), median of 5 loads, at CPU 1× and 4× slowdown, next to the first
 *   paint of a static HTML page measured in the same run.
 *
 * Not measured yet: Lighthouse, and the 10,000 / 100,000 rally scale runs.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium.ts';

const runs = 5;
const sitePort = 4183;
const staticPort = 4184;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function waitFor(url: string): Promise<void> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch (error) {
      // Not up yet.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not start`, { cause: lastError });
}

async function measure(browser: Browser, url: string, slowdown: number, mark: 'map' | 'paint'): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.goto(url);
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const value = await page.evaluate(async (kind) => {
    for (let tries = 0; tries < 300; tries += 1) {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (kind === 'paint' && paint !== undefined) return paint;
      const basemap = performance.getEntriesByName('rally-map:basemap')[0]?.startTime;
      const markers = performance.getEntriesByName('rally-map:markers')[0]?.startTime;
      if (kind === 'map' && basemap !== undefined && markers !== undefined) return Math.max(basemap, markers);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Number.NaN;
  }, mark);
  await context.close();
  return value;
}

execSync('npx vite build', { stdio: 'ignore' });
console.log('## Transfer (first view, gzip)\n');
console.log(execSync('npx tsx scripts/check-size.ts', { encoding: 'utf8' }));

const staticDir = mkdtempSync(join(tmpdir(), 'rally-bench-'));
writeFileSync(
  join(staticDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head>' +
    '<body><h1>Rallies against the anti-gay purge in Chechnya</h1><p>A static page for comparison.</p></body></html>',
);
const servers = [
  spawn('npx', ['tsx', 'scripts/serve-static.ts', 'dist', String(sitePort)], { stdio: 'ignore', detached: true }),
  spawn('npx', ['tsx', 'scripts/serve-static.ts', staticDir, String(staticPort)], { stdio: 'ignore', detached: true }),
];
try {
  await waitFor(`http://127.0.0.1:${String(sitePort)}/`);
  await waitFor(`http://127.0.0.1:${String(staticPort)}/`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  console.log(`## Map ready (median of ${String(runs)} loads, 390×844, cache off)\n`);
  console.log('| page | CPU | map ready | static page first paint | ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const slowdown of [1, 4]) {
    const staticPaint: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      staticPaint.push(await measure(browser, `http://127.0.0.1:${String(staticPort)}/`, slowdown, 'paint'));
    }
    for (const path of ['/', '/city/london/', '/embed/city/london/']) {
      const ready: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        ready.push(await measure(browser, `http://127.0.0.1:${String(sitePort)}${path}`, slowdown, 'map'));
      }
      const ratio = median(ready) / median(staticPaint);
      console.log(
        `| ${path} | ${String(slowdown)}× | ${median(ready).toFixed(0)} ms | ${median(staticPaint).toFixed(0)} ms | ${ratio.toFixed(2)}× |`,
      );
    }
  }
  await browser.close();
} finally {
  for (const server of servers) if (server.pid !== undefined) process.kill(-server.pid);
}
