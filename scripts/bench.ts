/**
 * `npm run bench`: builds the site, serves it as plain files (with the
 * build's precompressed copies, as a static host would), and prints one
 * table of the figures issue #7 asks for, each beside its budget:
 *
 * - first-view and first-visit transfer per page (gzip), from
 *   scripts/check-size.ts;
 * - the first visit as Chromium downloads it, service worker included: every
 *   byte the server sends (through a counting proxy) from opening the page
 *   until the worker is ready and nothing has arrived for 2 s;
 * - Lighthouse 12 (simulated throttling), mobile and desktop, median of 5
 *   runs per page: performance score, LCP, TBT, CLS; on mobile, the same
 *   figures for a bare Vite + React + react-leaflet page (scripts/bench-peer/,
 *   built to a temporary folder), in the same rounds, for TBT side by side;
 * - "map visible" (the first paint: the page's HTML carries the map's
 *   picture, so its first contentful paint shows the map), beside the first
 *   paint of the same page as a static page without its map, i.e. with its
 *   picture and its script taken out (the budget: map visible within 1.2×
 *   of it, as the median of the ratios of 41 rounds (`--paint-rounds`), each loading the pages
 *   one after the other, with a 95 % bootstrap interval for that median:
 *   scripts/lib/paired-ratios.ts), and, for reference, of the same page with scripts
 *   off (its picture kept) and of a bare static page (a heading and a line);
 *   each round's first paints are written to tmp/bench-paints-<date>.json;
 *   and
 *   "map ready" (basemap and markers drawn by Leaflet, from the app's
 *   performance marks, the reader reaching for the map as soon as the app
 *   can answer), median of 5 loads; at CPU 1× and 4×;
 * - scale: with the real 8 rallies and generated files of 10,000 and
 *   100,000 real-size records (scripts/generate-rallies.ts --real, about 600
 *   bytes each, each built into its own folder), median of 3 loads: time
 *   until the city list and the map are usable (and its ratio to 8 rallies'),
 *   the longest main-thread task, the page's JavaScript heap and the rally
 *   worker's (reported beside it: the 100 MB budget is the page's);
 * - the validator on the 100,000-rally file, as `npm run validate` runs it:
 *   its time (median of 3 runs, with the machine's load beside it) and its
 *   peak memory (the largest resident set of the process tree, from
 *   /usr/bin/time).
 *
 * It is a measurement, not a test: timings vary from run to run and machine
 * to machine, so CI runs only the size budget (`npm run size`). The table is
 * also written to tmp/bench-<date>.md; docs/benchmarks.md keeps past runs.
 *
 * Options: `--only=<parts>`, a comma-separated list of `size`, `first-visit`,
 * `lighthouse` (`lighthouse-mobile`: without desktop), `map`, `scale` (the
 * scale rows and the validator) and `validator` (the validator alone: no
 * build, no browser; also `--only validator`), e.g. `--only=lighthouse,map`;
 * `--skip-lighthouse`, `--skip-scale`, `--skip-validator`, `--only-scale`
 * (the same as `--only=scale` or `--only scale`); `--runs=<n>`;
 * `--paint-rounds=<n>` (rounds of first paints for "map visible", 41 by
 * default, or `--runs` if more);
 * `--pool=<file>,<file>…`: no measuring, only the "map visible" rows of the
 * rounds of several runs' tmp/bench-paints-*.json files taken together (the
 * rounds are paired, so runs on a busier or quieter machine can be pooled);
 * and
 * `--swap-data`: instead of building a site from each large file (about 4
 * minutes for 100,000 rallies on a quiet machine, with CITY_PAGE_LIMIT=10), build one many-rallies site from
 * 400 real-size rallies and put each large file in a copy of it as
 * `data/rallies.geojson` (with a fresh brotli copy), with the rally index and
 * record shards the build would write from it (build/steps/write-rally-index.ts).
 * Pages with many rallies fetch that index, so the app does the same work;
 * only the pages' build-time text and picture are for 400.
 */
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build as viteBuild } from 'vite';
import { loadCollection } from '../build/steps/load-collection.ts';
import { writeRallyIndexFiles } from '../build/steps/write-rally-index.ts';
import { chromiumArgs, chromiumPath } from './lib/chromium.ts';
import { median, medianInterval, roundRatios } from './lib/paired-ratios.ts';
import { watchWorkerHeaps } from './lib/worker-heap.ts';

const argument = (name: string) => process.argv.find((value) => value.startsWith(`--${name}`));
const runs = Number(argument('runs=')?.split('=')[1] ?? 5);
/**
 * Rounds of first paints for "map visible" (see the map part): `--paint-rounds=<n>`, else at least 41. With 21,
 * the median of the rounds' ratios still moved by up to ±0.1 between runs (docs/benchmarks.md, session 8).
 */
const paintRounds = Number(argument('paint-rounds=')?.split('=')[1] ?? Math.max(41, runs));
const onlyParts = argument('only=')?.split('=')[1]?.split(',');
const onlyScale = argument('only-scale') !== undefined || process.argv.join(' ').includes('--only scale');
const swapData = argument('swap-data') !== undefined;
/** `--only validator` (or `--only=validator`): the validator rows alone, without building or a browser. */
const onlyValidator =
  onlyParts?.join() === 'validator' || process.argv[process.argv.indexOf('--only') + 1] === 'validator';
const knownParts = ['size', 'first-visit', 'lighthouse', 'lighthouse-mobile', 'map', 'scale', 'validator'];
const unknownPart = onlyParts?.find((part) => !knownParts.includes(part));
if (unknownPart !== undefined) {
  console.error(`Unknown part for --only: ${unknownPart} (the parts are: ${knownParts.join(', ')})`);
  process.exit(2);
}
const validatorRuns = 3;
/** Whether this run measures `part` (see Options above). */
const measures = (part: 'size' | 'first-visit' | 'lighthouse' | 'map' | 'scale') => {
  if (onlyParts) return onlyParts.includes(part) || (part === 'lighthouse' && onlyParts.includes('lighthouse-mobile'));
  if (onlyScale) return part === 'scale';
  return !argument(`skip-${part}`);
};
const scaleRuns = 3;
const sitePort = 4183;
const staticPort = 4184;
const scalePort = 4185;
const peerPort = 4186;
const withoutPicturePort = 4187;
const scriptsOffPort = 4188;
const pages = ['/', '/city/london/', '/ru/city/london/', '/embed/city/london/'];
/** The pages whose first visit issue #12 budgets (embeds never register the service worker). */
const firstVisitPages = ['/', '/city/london/', '/ru/', '/ru/city/london/'];
const peerLabel = 'peer: bare react-leaflet page';

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

// ---------------------------------------------------------------- validator
/** The generated file of `count` real-size rallies (made on first use). */
function realSizeFile(count: number): string {
  const data = `tmp/rallies-${String(count)}-real.geojson`;
  if (!existsSync(data)) {
    mkdirSync('tmp', { recursive: true });
    execSync(`npx tsx scripts/generate-rallies.ts ${String(count)} ${data} --real`, { stdio: 'ignore' });
  }
  return data;
}

/**
 * The validator, as `npm run validate` runs it, on the 100,000-rally file:
 * the median time of a few runs, with the load average beside it (the figure
 * depends on what else the machine runs), and the largest peak memory, which
 * /usr/bin/time reads from the kernel for the whole process tree.
 */
function measureValidator(): void {
  const data = realSizeFile(100_000);
  console.error('Validator: 100,000 real-size rallies…');
  const timing = join(tmpdir(), `rally-validate-time-${String(process.pid)}.txt`);
  const times: number[] = [];
  const peaks: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < validatorRuns; run += 1) {
    loads.push(loadavg()[0] ?? Number.NaN);
    const started = performance.now();
    try {
      execFileSync('/usr/bin/time', ['-f', '%M', '-o', timing, 'npx', 'tsx', 'scripts/validate.ts', data], {
        stdio: 'ignore',
      });
    } catch {
      // Exit 1 means errors in the file; the figures are still wanted.
    }
    times.push(performance.now() - started);
    peaks.push(Number(readFileSync(timing, 'utf8').trim().split('\n').at(-1)) / 1024);
  }
  const elapsed = median(times);
  const peakMegabytes = Math.max(...peaks);
  add(
    'validator, 100,000 real-size rallies: time',
    '',
    `${seconds(elapsed)} (median of ${String(validatorRuns)}; load ${median(loads).toFixed(1)} on ${String(cpus().length)} cores)`,
    '< 30 s',
    elapsed < 30_000,
  );
  add(
    'validator, 100,000 real-size rallies: peak RSS',
    '',
    `${peakMegabytes.toFixed(0)} MB (largest of ${String(validatorRuns)})`,
    '< 1 GB',
    peakMegabytes < 1024,
  );
}

if (onlyValidator) {
  measureValidator();
  printTable();
  process.exit(0);
}

// ---------------------------------------------------------------- map visible: the rounds
/** One page's first paints at one CPU slowdown, round by round (the same index is the same round). */
interface PaintRounds {
  cpu: string;
  page: string;
  /** The page as a static page without its map (no picture, no script). */
  plain: number[];
  /** The page as it is: its first paint shows the map's picture. */
  visible: number[];
  /** The page with scripts off, its picture kept. */
  scriptsOff: number[];
  /** The bare static page (a heading and a line), loaded at the start of the same round. */
  bare: number[];
}

/** Adds the "map visible" rows of `rounds`: the medians, the ratios of the rounds and the budget's interval. */
function addPaintRows({ cpu, page, plain, visible, scriptsOff, bare }: PaintRounds): void {
  add(
    `the same page as a static page without its map (no picture, no script), first paint, ${cpu}`,
    page,
    ms(median(plain)),
  );
  add(`the same page with scripts off (its map picture kept), first paint, ${cpu}`, page, ms(median(scriptsOff)));
  const ratios = roundRatios(visible, plain);
  const ratio = median(ratios);
  const [low, high] = medianInterval(ratios);
  const ratioTo = (others: number[]) => median(roundRatios(visible, others)).toFixed(2);
  add(
    `map visible (first paint, with the map's picture), ${cpu}`,
    page,
    `${ms(median(visible))} (${ratio.toFixed(2)}× the static page without its map, 95 % interval ` +
      `${low.toFixed(2)}–${high.toFixed(2)} over ${String(ratios.length)} rounds; ` +
      `${ratioTo(scriptsOff)}× the page with scripts off; ${ratioTo(bare)}× the bare page)`,
    '≤ 1.2× the static page without its map',
    ratio <= 1.2,
  );
}

const poolFiles = argument('pool=')?.split('=')[1]?.split(',');
if (poolFiles) {
  const pooled = new Map<string, PaintRounds>();
  for (const file of poolFiles) {
    for (const rounds of JSON.parse(readFileSync(file, 'utf8')) as PaintRounds[]) {
      const key = `${rounds.cpu} ${rounds.page}`;
      const into = pooled.get(key) ?? { ...rounds, plain: [], visible: [], scriptsOff: [], bare: [] };
      into.plain.push(...rounds.plain);
      into.visible.push(...rounds.visible);
      into.scriptsOff.push(...rounds.scriptsOff);
      into.bare.push(...rounds.bare);
      pooled.set(key, into);
    }
  }
  add(`runs pooled (${poolFiles.join(', ')})`, '', String(poolFiles.length));
  for (const rounds of pooled.values()) addPaintRows(rounds);
  printTable();
  process.exit(0);
}

// ---------------------------------------------------------------- transfer
console.error('Building…');
execSync('npx vite build', { stdio: 'ignore', env: { ...process.env, LOCAL_BUILD: '1' } });
// check-size exits 1 over its ceilings; its table is wanted all the same.
const sizeReport = measures('size')
  ? execSync('npx tsx scripts/check-size.ts || true', { encoding: 'utf8', shell: '/bin/sh' })
  : '';
for (const block of sizeReport.split(/\n(?=\/)/)) {
  const page = /^(\/\S*)/.exec(block)?.[1];
  const total = /total\s+([\d.]+) kB/.exec(block)?.[1];
  const javascript = /javascript\s+([\d.]+) kB/.exec(block)?.[1];
  const firstVisit = /first visit\s+([\d.]+) kB/.exec(block)?.[1];
  if (!page || !total || !javascript) continue;
  add('first view, gzip', page, `${total} kB`, '≤ 155 kB', Number(total) <= 155);
  add('first view JavaScript, gzip', page, `${javascript} kB`, '≤ 125 kB', Number(javascript) <= 125);
  if (firstVisit) {
    add('first visit with the service worker, gzip', page, `${firstVisit} kB`, '≤ 150 kB', Number(firstVisit) <= 150);
  }
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

// ---------------------------------------------------------------- peer
/**
 * Builds scripts/bench-peer/ (a bare Vite + React + react-leaflet page with
 * world-atlas's 1:110m countries and a circle marker per rally) into a
 * temporary folder, with gzipped copies as the site has, and returns it.
 */
async function buildPeer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rally-bench-peer-'));
  const collection = JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };
  const rallies = collection.features.map(({ geometry }) => [geometry.coordinates[1], geometry.coordinates[0]]);
  await viteBuild({
    configFile: false,
    root: resolve('scripts/bench-peer'),
    logLevel: 'warn',
    plugins: [react()],
    define: { __PEER_RALLIES__: JSON.stringify(rallies) },
    build: { outDir, emptyOutDir: true },
  });
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  for (const file of files(outDir).filter((name) => /\.(html|js|css|json|svg)$/.test(name))) {
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
  return outDir;
}

// ---------------------------------------------------------------- first visit
/**
 * Opens `url` (on the site at `port`) in a fresh context with service
 * workers allowed, through a proxy that counts every byte the server sends
 * (headers included), until the service worker is ready and nothing more
 * has arrived for 2 s. Returns the bytes and the requests seen (the page's
 * and the worker's).
 */
async function firstVisit(browser: Browser, port: number, path: string): Promise<{ bytes: number; requests: number }> {
  let bytes = 0;
  const proxy = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const proxyPort = (proxy.address() as AddressInfo).port;
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 390, height: 844 } });
  let requests = 0;
  context.on('request', () => {
    requests += 1;
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${String(proxyPort)}${path}`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let seen = -1; seen !== bytes;) {
    seen = bytes;
    await page.waitForTimeout(2000);
  }
  await context.close();
  await new Promise<void>((done) => {
    proxy.close(() => done());
  });
  return { bytes, requests };
}

// ---------------------------------------------------------------- map ready
/**
 * One load of `url` at `slowdown`× CPU, caches off: its first contentful
 * paint, and (with `mark` "map") when Leaflet has drawn the basemap and the
 * markers, the reader having reached for the map (src/map/map-loader.ts) as
 * soon as the app had taken over the page.
 */
async function mapReady(
  browser: Browser,
  url: string,
  slowdown: number,
  mark: 'map' | 'paint',
): Promise<{ paint: number; map: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.goto(url);
  // Polled from here: the page's own timers may wait behind its start-up.
  let value = { paint: Number.NaN, map: Number.NaN };
  let reached = false;
  for (let tries = 0; tries < 300; tries += 1) {
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const seen = await page.evaluate(
      ([kind, reachNow]) => {
        // The reader reaches for the map as soon as the app can answer: the interactive map starts loading then.
        const canReach = kind === 'map' && document.querySelector('.app[data-interactive]') !== null;
        if (canReach && reachNow) {
          document.querySelector('.map-picture')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        }
        return {
          canReach,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          basemap: performance.getEntriesByName('rally-map:basemap')[0]?.startTime,
          markers: performance.getEntriesByName('rally-map:markers')[0]?.startTime,
        };
      },
      [mark, !reached] as const,
    );
    if (seen.canReach) reached = true;
    if (mark === 'paint' && seen.paint !== undefined) {
      value = { paint: seen.paint, map: Number.NaN };
      break;
    }
    if (mark === 'map' && seen.paint !== undefined && seen.basemap !== undefined && seen.markers !== undefined) {
      value = { paint: seen.paint, map: Math.max(seen.basemap, seen.markers) };
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await context.close();
  return value;
}

// ---------------------------------------------------------------- scale
interface ScaleResult {
  usable: number;
  longestTask: number;
  heapMegabytes: number;
  /** The rally worker's heap after the load (0 when the page started none: 8 rallies). */
  workerHeapMegabytes: number;
  workerPeakMegabytes: number;
}

/**
 * Loads the overview, reaches for the map as soon as the app has taken over
 * the page (the interactive map loads then), and waits until the city list
 * shows the rallies and the map has drawn its markers or clusters; records the longest main-thread task
 * seen until then (PerformanceObserver "longtask") and the JavaScript heap
 * in use afterwards (CDP, after a garbage collection), and the largest heap
 * sampled while loading; the same two for the rally worker (scripts/lib/worker-heap.ts).
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
  const workerHeaps = await watchWorkerHeaps(session);
  let peak = 0;
  let workerPeak = 0;
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
  // A busy worker answers between its tasks, so it is sampled on its own loop, not the page's.
  const workerSampler = (async () => {
    while (sampling.on) {
      workerPeak = Math.max(workerPeak, await workerHeaps.used());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await page.goto(url);
  const usable = await page.evaluate(async () => {
    let reached = false;
    for (let tries = 0; tries < 1200; tries += 1) {
      // The reader reaches for the map as soon as the app can answer: the interactive map starts loading then.
      if (!reached && document.querySelector('.app[data-interactive]')) {
        reached = true;
        document.querySelector('.map-picture')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      }
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
  await Promise.all([sampler, workerSampler]);
  await session.send('HeapProfiler.collectGarbage');
  const { metrics } = await session.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const workerHeap = await workerHeaps.used(true);
  await context.close();
  return {
    usable,
    longestTask,
    heapMegabytes: heap / 2 ** 20,
    peakMegabytes: Math.max(peak, heap) / 2 ** 20,
    workerHeapMegabytes: workerHeap / 2 ** 20,
    workerPeakMegabytes: Math.max(workerPeak, workerHeap) / 2 ** 20,
  };
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
 * build's own copies of the old file are removed), and the rally index and
 * record shards made from it as the build makes them.
 */
function siteWithData(data: string, folder: string): void {
  const base = 'tmp/bench-dist-many';
  // Only the overview is measured: a few city pages are enough.
  if (!existsSync(join(base, 'index.html'))) buildSite(realSizeFile(400), base, 10);
  rmSync(folder, { recursive: true, force: true });
  cpSync(base, folder, { recursive: true });
  const withBrotliCopy = (target: string, bytes: Uint8Array) => {
    writeFileSync(target, bytes);
    rmSync(`${target}.gz`, { force: true });
    writeFileSync(`${target}.br`, brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
  };
  withBrotliCopy(join(folder, 'data', 'rallies.geojson'), readFileSync(data));
  // The pages read the rally index the build writes from the file, as the build does it.
  rmSync(join(folder, 'data', 'records'), { recursive: true, force: true });
  writeRallyIndexFiles(loadCollection(data), folder);
  const written = [join(folder, 'data', 'rally-index.bin')];
  for (const name of readdirSync(join(folder, 'data', 'records'))) written.push(join(folder, 'data', 'records', name));
  for (const file of written) withBrotliCopy(file, readFileSync(file));
}

/**
 * A copy of the built site in which each of `paths` is its own page as a
 * static page: no script, and, unless `keepPicture`, no map picture either
 * (the `<svg class="map-picture-svg">` the build draws in); precompressed
 * again as the build does. Without its picture it is the static page "map
 * visible" is held to: the same text, styles and layout, and nothing else.
 * With it, it is what a reader with scripts off gets.
 */
function staticCopy(paths: string[], keepPicture: boolean): string {
  const folder = mkdtempSync(join(tmpdir(), `rally-bench-static-${keepPicture ? 'with' : 'without'}-picture-`));
  cpSync('dist', folder, { recursive: true });
  for (const path of paths) {
    const file = join(folder, path, 'index.html');
    const html = readFileSync(file, 'utf8');
    const withoutMap = keepPicture ? html : html.replace(/<svg class="map-picture-svg[\s\S]*?<\/svg>/, '');
    if (withoutMap === html && !keepPicture) throw new Error(`${path} has no map picture to take out`);
    const plain = withoutMap.replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, '');
    if (plain === withoutMap) throw new Error(`${path} has no script to take out`);
    writeFileSync(file, plain);
    writeFileSync(`${file}.gz`, gzipSync(plain, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(plain));
  }
  return folder;
}

const staticDir = mkdtempSync(join(tmpdir(), 'rally-bench-'));
writeFileSync(
  join(staticDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head>' +
    '<body><h1>Rallies against the anti-gay purge in Chechnya</h1><p>A static page for comparison.</p></body></html>',
);
const peerDir = measures('lighthouse') ? await buildPeer() : null;
/** The static copies of the site, without and with map pictures (see staticCopy), removed at the end. */
const staticCopies: string[] = [];
/** Each page's rounds of first paints, written to tmp/bench-paints-<date>.json for `--pool`. */
const recordedPaints: PaintRounds[] = [];
const servers = [serve('dist', sitePort), serve(staticDir, staticPort), ...(peerDir ? [serve(peerDir, peerPort)] : [])];
const site = `http://127.0.0.1:${String(sitePort)}`;
const peer = `http://127.0.0.1:${String(peerPort)}/`;
try {
  await waitFor(`${site}/`);
  await waitFor(`http://127.0.0.1:${String(staticPort)}/`);
  if (peerDir) await waitFor(peer);

  if (measures('lighthouse')) {
    const presets = onlyParts?.includes('lighthouse-mobile') ? (['mobile'] as const) : (['mobile', 'desktop'] as const);
    for (const preset of presets) {
      // In rounds (every page once, then again), so a change in the machine's load touches every page alike;
      // on mobile the peer is measured in the same rounds.
      const targets = preset === 'mobile' ? [...pages, peer] : pages;
      const results = new Map<string, LighthouseResult[]>(targets.map((target) => [target, []]));
      for (let run = 0; run < runs; run += 1) {
        for (const target of targets) {
          console.error(`Lighthouse ${preset} ${target}, run ${String(run + 1)} of ${String(runs)}…`);
          results.get(target)?.push(lighthouse(target === peer ? peer : `${site}${target}`, preset));
        }
      }
      const medians = (target: string) => {
        const list = results.get(target) ?? [];
        return {
          score: median(list.map((result) => result.score)),
          lcp: median(list.map((result) => result.lcp)),
          tbt: median(list.map((result) => result.tbt)),
          cls: median(list.map((result) => result.cls)),
        };
      };
      if (preset === 'mobile') {
        const peerFigures = medians(peer);
        add('Lighthouse mobile: performance', peerLabel, String(peerFigures.score));
        add('Lighthouse mobile: LCP', peerLabel, seconds(peerFigures.lcp));
        add('Lighthouse mobile: TBT', peerLabel, ms(peerFigures.tbt));
        add('Lighthouse mobile: CLS', peerLabel, peerFigures.cls.toFixed(3));
        for (const path of pages) {
          const { score, lcp, tbt, cls } = medians(path);
          add('Lighthouse mobile: performance', path, String(score), '≥ 98', score >= 98);
          add('Lighthouse mobile: LCP', path, seconds(lcp), '≤ 1.2 s', lcp <= 1200);
          add(
            'Lighthouse mobile: TBT',
            path,
            `${ms(tbt)} (peer ${ms(peerFigures.tbt)})`,
            '≤ the peer’s, aim 100 ms',
            tbt <= peerFigures.tbt,
          );
          add('Lighthouse mobile: CLS', path, cls.toFixed(3), '0', cls === 0);
        }
      } else {
        for (const path of pages) {
          const { score, lcp } = medians(path);
          add('Lighthouse desktop: performance', path, String(score));
          add('Lighthouse desktop: LCP', path, seconds(lcp), '≤ 0.5 s', lcp <= 500);
        }
      }
    }
  }

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  if (measures('first-visit')) {
    for (const path of firstVisitPages) {
      console.error(`First visit ${path}…`);
      const { bytes, requests } = await firstVisit(browser, sitePort, path);
      add(
        'first visit as downloaded, with the service worker (headers included)',
        path,
        `${(bytes / 1024).toFixed(1)} kB in ${String(requests)} requests`,
        '≤ 150 kB',
        bytes <= 150 * 1024,
      );
    }
  }
  const withoutPictureSite = `http://127.0.0.1:${String(withoutPicturePort)}`;
  const scriptsOffSite = `http://127.0.0.1:${String(scriptsOffPort)}`;
  if (measures('map')) {
    staticCopies.push(staticCopy(pages, false), staticCopy(pages, true));
    servers.push(serve(staticCopies[0] ?? '', withoutPicturePort), serve(staticCopies[1] ?? '', scriptsOffPort));
    await waitFor(`${withoutPictureSite}/`);
    await waitFor(`${scriptsOffSite}/`);
  }
  for (const slowdown of measures('map') ? [1, 4] : []) {
    console.error(`Map visible and ready at CPU ${String(slowdown)}×…`);
    const cpu = `CPU ${String(slowdown)}×`;
    // First paints only: cheap loads, so more of them. A single first paint varies by ±30 % from load to load here
    // (parsing, the frame it lands in, the server), more than the differences measured. So each round loads the
    // bare page, then each page three ways right after each other: as a static page without its map, as it is,
    // and with scripts off (which goes first turns with the round). The ratios are the medians of the rounds'
    // ratios: a change in the machine's load touches the loads of one round alike.
    const barePaints: number[] = [];
    const paintsOf = () => new Map<string, number[]>(pages.map((path) => [path, []]));
    const plainPaints = paintsOf();
    const visiblePaints = paintsOf();
    const scriptsOffPaints = paintsOf();
    const paint = async (url: string) => (await mapReady(browser, url, slowdown, 'paint')).paint;
    for (let round = 0; round < paintRounds; round += 1) {
      barePaints.push(await paint(`http://127.0.0.1:${String(staticPort)}/`));
      for (const path of pages) {
        const ways: [Map<string, number[]>, string][] = [
          [plainPaints, withoutPictureSite],
          [visiblePaints, site],
          [scriptsOffPaints, scriptsOffSite],
        ];
        // Turned by the round, so each way goes first as often as the others.
        const turned = [...ways.slice(round % ways.length), ...ways.slice(0, round % ways.length)];
        for (const [paints, origin] of turned) paints.get(path)?.push(await paint(`${origin}${path}`));
      }
    }
    // "Map ready" waits for Leaflet: dearer loads, `runs` of them, in rounds.
    const readyLoads = new Map<string, number[]>(pages.map((path) => [path, []]));
    for (let run = 0; run < runs; run += 1) {
      for (const path of pages)
        readyLoads.get(path)?.push((await mapReady(browser, `${site}${path}`, slowdown, 'map')).map);
    }
    const barePaint = median(barePaints);
    add(`bare static HTML page (a heading and a line), first paint, ${cpu}`, '', ms(barePaint));
    for (const path of pages) {
      const rounds: PaintRounds = {
        cpu,
        page: path,
        plain: plainPaints.get(path) ?? [],
        visible: visiblePaints.get(path) ?? [],
        scriptsOff: scriptsOffPaints.get(path) ?? [],
        bare: barePaints,
      };
      recordedPaints.push(rounds);
      addPaintRows(rounds);
      const value = median(readyLoads.get(path) ?? []);
      const readyRatio = value / barePaint;
      const quickEnough = slowdown === 1 || value <= 1500;
      add(
        `map ready, ${cpu}`,
        path,
        `${ms(value)} (${readyRatio.toFixed(1)}× the bare page)`,
        slowdown === 4 ? '≤ 1.5× static and ≤ 1.5 s' : '≤ 1.5× static',
        readyRatio <= 1.5 && quickEnough,
      );
    }
  }
  if (recordedPaints.length > 0) {
    mkdirSync('tmp', { recursive: true });
    const file = `tmp/bench-paints-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
    writeFileSync(file, `${JSON.stringify(recordedPaints)}\n`);
    console.error(`The rounds' first paints are in ${file} (for --pool).`);
  }

  if (measures('scale')) {
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
        const workerHeap = median(results.map((result) => result.workerHeapMegabytes));
        const workerPeak = median(results.map((result) => result.workerPeakMegabytes));
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
        // The worker's own heap: issue 13's 100 MB budget is the page's, so the worker's is reported, not judged.
        if (count !== 8) {
          add(
            `scale ${label}: rally worker's JS heap after load (peak)`,
            '/',
            `${workerHeap.toFixed(1)} MB (${workerPeak.toFixed(1)} MB)`,
            'none (100 MB is the page’s)',
          );
        }
      } finally {
        if (server.pid !== undefined) process.kill(-server.pid);
      }
    }
  }
  await browser.close();

  if (measures('scale') && !argument('skip-validator')) measureValidator();
} finally {
  for (const server of servers) if (server.pid !== undefined) process.kill(-server.pid);
  if (peerDir) rmSync(peerDir, { recursive: true, force: true });
  for (const folder of staticCopies) rmSync(folder, { recursive: true, force: true });
}

printTable();

/** Prints the table under a heading naming the day and the machine, and keeps a copy in tmp/. */
function printTable(): void {
  const table = [
    '| measure | page | value | budget | met |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.measure} | ${row.page} | ${row.value} | ${row.budget} | ${row.met === null ? '' : row.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  const machine = `${String(cpus().length)} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}, ${execSync(`${chromiumPath} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const heading = `## ${new Date().toISOString().slice(0, 10)}, commit ${commit} · ${machine}`;
  console.log(`${heading}\n\n${table}\n`);
  mkdirSync('tmp', { recursive: true });
  writeFileSync(`tmp/bench-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.md`, `${heading}\n\n${table}\n`);
}
