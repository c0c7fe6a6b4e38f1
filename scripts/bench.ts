/**
 * `npm run bench`: builds the site, serves it as plain files (with the
 * build's precompressed copies, as a static host would), and prints one
 * table of the figures issue #7 asks for, each beside its budget:
 *
 * - first-view transfer per page (gzip), from scripts/check-size.ts;
 * - Lighthouse 12 (simulated throttling), mobile and desktop, median of 5
 *   runs per page: performance score, LCP, TBT, CLS;
 * - "map ready" (basemap and markers drawn, from the app's performance
 *   marks), median of 5 loads at CPU 1× and 4×, beside the first paint of a
 *   static HTML page measured in the same run;
 * - scale: with the real 8 rallies and generated files of 10,000 and
 *   100,000 real-size records (scripts/generate-rallies.ts --real, about 600
 *   bytes each, each built into its own folder), median of 3 loads: time
 *   until the city list and the map are usable (and its ratio to 8 rallies'),
 *   the longest main-thread task, and the page's JavaScript heap;
 * - the validator on the 100,000-rally file: its time and peak memory (RSS).
 *
 * It is a measurement, not a test: timings vary from run to run and machine
 * to machine, so CI runs only the size budget (`npm run size`). The table is
 * also written to tmp/bench-<date>.md; docs/benchmarks.md keeps past runs.
 *
 * Options: `--skip-lighthouse`, `--skip-scale`, `--only-scale` (the build,
 * then only the scale rows and the validator), `--only scale` (the same),
 * `--skip-validator`, `--runs=<n>`, and `--swap-data`: instead of building
 * a site from each large file (an hour for 100,000 rallies on a loaded
 * machine), build one many-rallies site from 400 real-size rallies and put
 * each large file in a copy of it as `data/rallies.geojson` (with a fresh
 * brotli copy). Pages with many rallies fetch that file, so the app does
 * the same work; only the pages' build-time text and picture are for 400.
 */
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './lib/chromium.ts';

const argument = (name: string) => process.argv.find((value) => value.startsWith(`--${name}`));
const runs = Number(argument('runs=')?.split('=')[1] ?? 5);
const onlyScale = argument('only-scale') !== undefined || process.argv.join(' ').includes('--only scale');
const swapData = argument('swap-data') !== undefined;
const scaleRuns = 3;
const sitePort = 4183;
const staticPort = 4184;
const scalePort = 4185;
const pages = ['/', '/city/london/', '/embed/city/london/'];

const median = (values: number[]) => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** One row of the table: what, on which page, the value, the budget and whether it holds. */
interface Row {
  measure: string;
  page: string;
  value: string;
  budget: string;
  met: boolean | null;
}
const rows: Row[] = [];
const add = (measure: string, page: string, value: string, budget = '', met: boolean | null = null) => {
  rows.push({ measure, page, value, budget, met });
  console.error(`  ${measure} ${page}: ${value}`);
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

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

function serve(folder: string, port: number): ChildProcess {
  return spawn('npx', ['tsx', 'scripts/serve-static.ts', folder, String(port)], { stdio: 'ignore', detached: true });
}

// ---------------------------------------------------------------- transfer
console.error('Building…');
execSync('npx vite build', { stdio: 'ignore', env: { ...process.env, LOCAL_BUILD: '1' } });
const sizeReport = onlyScale ? '' : execSync('npx tsx scripts/check-size.ts', { encoding: 'utf8' });
for (const block of sizeReport.split(/\n(?=\/)/)) {
  const page = /^(\/\S*)/.exec(block)?.[1];
  const total = /total\s+([\d.]+) kB/.exec(block)?.[1];
  const javascript = /javascript\s+([\d.]+) kB/.exec(block)?.[1];
  if (!page || !total || !javascript) continue;
  add('first view, gzip', page, `${total} kB`, '≤ 155 kB', Number(total) <= 155);
  add('first view JavaScript, gzip', page, `${javascript} kB`, '≤ 125 kB', Number(javascript) <= 125);
}
const embedScript = /embed\.js\s+([\d.]+) kB/.exec(sizeReport)?.[1];
if (embedScript) add('embed.js, gzip', '', `${embedScript} kB`, '≤ 1.5 kB', Number(embedScript) <= 1.5);

// ---------------------------------------------------------------- lighthouse
interface LighthouseResult {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
}

function lighthouse(url: string, preset: 'mobile' | 'desktop'): LighthouseResult {
  const output = join(tmpdir(), `rally-lighthouse-${String(process.pid)}.json`);
  execFileSync(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--only-categories=performance',
      '--output=json',
      `--output-path=${output}`,
      `--chrome-flags=${chromiumArgs.join(' ')}`,
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { stdio: 'ignore', env: { ...process.env, CHROME_PATH: chromiumPath } },
  );
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    categories: { performance: { score: number } };
    audits: Record<string, { numericValue: number }>;
  };
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round(report.categories.performance.score * 100),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
  };
}

// ---------------------------------------------------------------- map ready
async function mapReady(browser: Browser, url: string, slowdown: number, mark: 'map' | 'paint'): Promise<number> {
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

// ---------------------------------------------------------------- scale
interface ScaleResult {
  usable: number;
  longestTask: number;
  heapMegabytes: number;
}

/**
 * Loads the overview and waits until the city list shows the rallies and the
 * map has drawn its markers or clusters; records the longest main-thread task
 * seen until then (PerformanceObserver "longtask") and the JavaScript heap
 * in use afterwards (CDP, after a garbage collection), and the largest heap
 * sampled while loading.
 */
async function scaleRun(browser: Browser, url: string): Promise<ScaleResult & { peakMegabytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { benchTasks: number[] }).benchTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  let peak = 0;
  const sampling = { on: true };
  const sampler = (async () => {
    while (sampling.on) {
      try {
        const { metrics } = await session.send('Performance.getMetrics');
        peak = Math.max(peak, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
      } catch {
        // The page is between documents.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await page.goto(url);
  const usable = await page.evaluate(async () => {
    for (let tries = 0; tries < 1200; tries += 1) {
      const list = performance.getEntriesByName('rally-map:list-ready')[0]?.startTime;
      const map =
        performance.getEntriesByName('rally-map:clusters')[0]?.startTime ??
        performance.getEntriesByName('rally-map:markers')[0]?.startTime;
      if (list !== undefined && map !== undefined) return Math.max(list, map);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return Number.NaN;
  });
  // Let any task still running finish and be reported.
  await page.waitForTimeout(500);
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { benchTasks: number[] }).benchTasks),
  );
  sampling.on = false;
  await sampler;
  await session.send('HeapProfiler.collectGarbage');
  const { metrics } = await session.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  await context.close();
  return { usable, longestTask, heapMegabytes: heap / 2 ** 20, peakMegabytes: Math.max(peak, heap) / 2 ** 20 };
}

/** The generated file of `count` real-size rallies (made on first use). */
function realSizeFile(count: number): string {
  const file = `tmp/rallies-${String(count)}-real.geojson`;
  if (!existsSync(file)) {
    mkdirSync('tmp', { recursive: true });
    execSync(`npx tsx scripts/generate-rallies.ts ${String(count)} ${file} --real`, { stdio: 'ignore' });
  }
  return file;
}

/** Builds the site from `data` into `folder`, with city pages for the first `cityPages` rallies (the build's default when unset). */
function buildSite(data: string, folder: string, cityPages?: number): void {
  execSync(`npx vite build --outDir ${folder} --emptyOutDir`, {
    stdio: 'ignore',
    env: {
      ...process.env,
      LOCAL_BUILD: '1',
      RALLY_DATA: data,
      ...(cityPages === undefined ? {} : { CITY_PAGE_LIMIT: String(cityPages) }),
    },
  });
}

/**
 * With `--swap-data`: a copy of the many-rallies site built once from 400
 * rallies, with `data` as its rally file and a fresh brotli copy of it (the
 * build's own copies of the old file are removed).
 */
function siteWithData(data: string, folder: string): void {
  const base = 'tmp/bench-dist-many';
  // Only the overview is measured: a few city pages are enough.
  if (!existsSync(join(base, 'index.html'))) buildSite(realSizeFile(400), base, 10);
  rmSync(folder, { recursive: true, force: true });
  cpSync(base, folder, { recursive: true });
  const target = join(folder, 'data', 'rallies.geojson');
  const bytes = readFileSync(data);
  writeFileSync(target, bytes);
  rmSync(`${target}.gz`, { force: true });
  writeFileSync(`${target}.br`, brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
}

const staticDir = mkdtempSync(join(tmpdir(), 'rally-bench-'));
writeFileSync(
  join(staticDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head>' +
    '<body><h1>Rallies against the anti-gay purge in Chechnya</h1><p>A static page for comparison.</p></body></html>',
);
const servers = [serve('dist', sitePort), serve(staticDir, staticPort)];
const site = `http://127.0.0.1:${String(sitePort)}`;
try {
  await waitFor(`${site}/`);
  await waitFor(`http://127.0.0.1:${String(staticPort)}/`);

  if (!argument('skip-lighthouse') && !onlyScale) {
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const path of pages) {
        console.error(`Lighthouse ${preset} ${path}…`);
        const results = Array.from({ length: runs }, () => lighthouse(`${site}${path}`, preset));
        const score = median(results.map((result) => result.score));
        const lcp = median(results.map((result) => result.lcp));
        const tbt = median(results.map((result) => result.tbt));
        const cls = median(results.map((result) => result.cls));
        if (preset === 'mobile') {
          add('Lighthouse mobile: performance', path, String(score), '≥ 98', score >= 98);
          add('Lighthouse mobile: LCP', path, seconds(lcp), '≤ 1.2 s', lcp <= 1200);
          add('Lighthouse mobile: TBT', path, ms(tbt), '≤ 50 ms', tbt <= 50);
          add('Lighthouse mobile: CLS', path, cls.toFixed(3), '0', cls === 0);
        } else {
          add('Lighthouse desktop: performance', path, String(score));
          add('Lighthouse desktop: LCP', path, seconds(lcp), '≤ 0.5 s', lcp <= 500);
        }
      }
    }
  }

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const slowdown of onlyScale ? [] : [1, 4]) {
    console.error(`Map ready at CPU ${String(slowdown)}×…`);
    const staticPaints: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      staticPaints.push(await mapReady(browser, `http://127.0.0.1:${String(staticPort)}/`, slowdown, 'paint'));
    }
    const staticPaint = median(staticPaints);
    add(`static HTML page, first paint, CPU ${String(slowdown)}×`, '', ms(staticPaint));
    for (const path of pages) {
      const ready: number[] = [];
      for (let run = 0; run < runs; run += 1) ready.push(await mapReady(browser, `${site}${path}`, slowdown, 'map'));
      const value = median(ready);
      const ratio = value / staticPaint;
      const quickEnough = slowdown === 1 || value <= 1500;
      add(
        `map ready, CPU ${String(slowdown)}×`,
        path,
        `${ms(value)} (${ratio.toFixed(1)}× static)`,
        slowdown === 4 ? '≤ 1.5× static and ≤ 1.5 s' : '≤ 1.5× static',
        ratio <= 1.5 && quickEnough,
      );
    }
  }

  if (!argument('skip-scale')) {
    let usableWithEight = Number.NaN;
    for (const count of [8, 10_000, 100_000]) {
      console.error(`Scale: ${count.toLocaleString('en')} rallies…`);
      let folder = 'dist';
      if (count !== 8) {
        folder = `tmp/bench-dist-${String(count)}`;
        if (swapData) siteWithData(realSizeFile(count), folder);
        else buildSite(realSizeFile(count), folder);
      }
      const server = serve(folder, scalePort);
      try {
        await waitFor(`http://127.0.0.1:${String(scalePort)}/`);
        const results = [];
        for (let run = 0; run < scaleRuns; run += 1) {
          results.push(await scaleRun(browser, `http://127.0.0.1:${String(scalePort)}/`));
        }
        const label = `${count.toLocaleString('en')} ${count === 8 ? 'rallies' : 'real-size rallies'}`;
        const usable = median(results.map((result) => result.usable));
        if (count === 8) usableWithEight = usable;
        const longest = median(results.map((result) => result.longestTask));
        const heap = median(results.map((result) => result.heapMegabytes));
        const peak = median(results.map((result) => result.peakMegabytes));
        add(`scale ${label}: list and map usable`, '/', seconds(usable), '< 3 s', usable < 3000);
        if (count === 100_000) {
          const ratio = usable / usableWithEight;
          add(`scale ${label}: usable, × the time for 8`, '/', `${ratio.toFixed(1)}×`, '≤ 4×', ratio <= 4);
        }
        add(`scale ${label}: longest main-thread task`, '/', ms(longest), '≤ 200 ms', longest <= 200);
        add(
          `scale ${label}: JS heap after load (peak)`,
          '/',
          `${heap.toFixed(1)} MB (${peak.toFixed(1)} MB)`,
          '< 100 MB',
          peak < 100,
        );
      } finally {
        if (server.pid !== undefined) process.kill(-server.pid);
      }
    }
  }
  await browser.close();

  if (!argument('skip-scale') && !argument('skip-validator')) {
    // The validator, as `npm run validate` runs it, on the largest file; /usr/bin/time gives the peak memory.
    const data = realSizeFile(100_000);
    console.error('Validator: 100,000 real-size rallies…');
    const timing = join(tmpdir(), `rally-validate-time-${String(process.pid)}.txt`);
    const started = performance.now();
    try {
      execFileSync('/usr/bin/time', ['-f', '%M', '-o', timing, 'npx', 'tsx', 'scripts/validate.ts', data], {
        stdio: 'ignore',
      });
    } catch {
      // Exit 1 means errors in the file; the figures are still wanted.
    }
    const elapsed = performance.now() - started;
    const peakMegabytes = Number(readFileSync(timing, 'utf8').trim().split('\n').at(-1)) / 1024;
    add('validator, 100,000 real-size rallies: time', '', seconds(elapsed), '< 30 s', elapsed < 30_000);
    add(
      'validator, 100,000 real-size rallies: peak RSS',
      '',
      `${peakMegabytes.toFixed(0)} MB`,
      '< 1 GB',
      peakMegabytes < 1024,
    );
  }
} finally {
  for (const server of servers) if (server.pid !== undefined) process.kill(-server.pid);
}

const table = [
  '| measure | page | value | budget | met |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${row.measure} | ${row.page} | ${row.value} | ${row.budget} | ${row.met === null ? '' : row.met ? 'yes' : '**no**'} |`,
  ),
].join('\n');
const machine = `${String(cpus().length)} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}, ${execSync(`${chromiumPath} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
const heading = `## ${new Date().toISOString().slice(0, 10)} · ${machine}`;
console.log(`${heading}\n\n${table}\n`);
mkdirSync('tmp', { recursive: true });
writeFileSync(`tmp/bench-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.md`, `${heading}\n\n${table}\n`);
