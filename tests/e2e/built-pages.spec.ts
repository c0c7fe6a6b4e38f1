import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { hostileData, payloads, watchForTrouble } from './hostile-data.ts';
import { syntheticRallyFile } from './synthetic-data.ts';
import { expect, reachForTheMap, test } from './test.ts';

/*
 * The pages the build writes, read as files and served as a static host would:
 * the real build in dist/, and two builds of their own, one from a rally file
 * with a payload in every text and one from 400 rallies: many-rallies mode,
 * with its city pages capped at 20 (`CITY_PAGE_LIMIT`; 100 by default), so
 * the build writes 280 pages in 7 languages rather than 1,400.
 */

/** Every HTML page under `folder`, as paths relative to it. */
function htmlPages(folder: string): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.html') ? [relative(folder, path)] : [];
    });
  return walk(folder).sort();
}

/** A local build (`npm run build:local`) of `rallyFile` into `outDir`, with `settings` added; throws with Vite's output when it fails. */
function buildWith(rallyFile: string, outDir: string, settings: Record<string, string> = {}): void {
  const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, ...settings, LOCAL_BUILD: '1', RALLY_DATA: resolve(rallyFile) },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the build of ${rallyFile} failed: ${built.stderr}`);
}

test('every page declares its charset first in <head>, within its first 1024 bytes', () => {
  const pages = htmlPages('dist');
  expect(pages).toContain('embed/city/london/index.html');
  for (const page of pages) {
    const html = readFileSync(join('dist', page), 'utf8');
    const firstInHead = /<head>\s*(<[^>]*>)/.exec(html)?.[1] ?? '';
    expect(firstInHead, page).toBe('<meta charset="utf-8" />');
    expect(Buffer.byteLength(html.slice(0, html.indexOf('<meta charset')))).toBeLessThan(1024 - 30);
  }
});

test.describe('a build from hostile data', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  const outDir = 'test-results/dist-hostile';
  let server: StaticServer | undefined;

  test.beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/hostile-rallies.geojson', JSON.stringify(hostileData()));
    buildWith('test-results/hostile-rallies.geojson', outDir);
    server = await startStaticServer({ folder: outDir, port: 0 });
  });

  test.afterAll(async () => {
    await server?.close();
  });

  test('writes every payload into the pages as text: in meta tags, the title and the embedded data', async ({
    browser,
  }) => {
    const data = hostileData();
    const campaignTitle = String(data.campaign.title);
    const pages = htmlPages(outDir);
    // Berlin and Rome carry hostile URLs and are left out; the other six cities get pages.
    expect(pages.filter((page) => /^city\/[^/]+\/index\.html$/.test(page))).toHaveLength(6);
    // Read as a browser reads the files, without running them.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const file of pages) {
      await page.goto(`${server?.origin ?? ''}/${file}`);
      const head = await page.evaluate(() => ({
        title: document.title,
        metas: [...document.head.querySelectorAll('meta[content]')].map((meta) => meta.getAttribute('content') ?? ''),
        elements: [...document.head.children].map((element) => element.tagName.toLowerCase()),
        scripts: [...document.querySelectorAll('script')].map((script) => script.type || 'classic'),
        injected: document.querySelectorAll('svg[onload], img[onerror], [href^="javascript"]').length,
      }));
      // Nothing in <head> but what the build puts there, and no script but its own two.
      expect(
        head.elements.filter((name) => !['meta', 'title', 'link', 'style', 'script', 'noscript'].includes(name)),
        file,
      ).toEqual([]);
      expect(
        head.scripts.filter((type) => type !== 'module' && type !== 'application/json'),
        file,
      ).toEqual([]);
      expect(head.injected, file).toBe(0);
      // The title, descriptions and card texts carry the payloads as they were written, as text.
      const texts = [head.title, ...head.metas].join('\n');
      expect(payloads.filter((payload) => texts.includes(payload)).length, file).toBeGreaterThan(0);
      expect(texts, file).not.toMatch(/&(lt|gt|quot|amp);/);
      // Quote pages and posters are print and share pages: they carry no map, so no data.
      if (/(^|\/)(quote|poster)\//.test(file)) continue;
      const embedded = await page.locator('#rally-data').textContent({ timeout: 10_000 });
      const collection = JSON.parse(embedded ?? 'null') as { campaign: { title: string } } | null;
      expect(collection?.campaign.title, file).toBe(campaignTitle);
    }
    await context.close();
  });

  test('runs nothing from the data when the pages are opened', async ({ page }) => {
    const trouble = await watchForTrouble(page);
    for (const path of ['/', '/city/london/', '/embed/city/york/', '/city/atlantis/']) {
      await page.goto(`${server?.origin ?? ''}${path}`);
      await reachForTheMap(page);
      await expect(page.locator('.rally-marker')).toHaveCount(6);
    }
    await page.waitForLoadState('networkidle');
    expect(await trouble()).toEqual([]);
  });
});

test.describe('a build with many rallies', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  const cityPageLimit = 20;
  const outDir = 'test-results/dist-many';
  const rallyFile = syntheticRallyFile(400);
  const ids = (JSON.parse(readFileSync(rallyFile, 'utf8')) as { features: { id: string }[] }).features.map(
    (feature) => feature.id,
  );
  let server: StaticServer | undefined;

  test.beforeAll(async () => {
    buildWith(rallyFile, outDir, { CITY_PAGE_LIMIT: String(cityPageLimit) });
    server = await startStaticServer({ folder: outDir, port: 0 });
  });

  test.afterAll(async () => {
    await server?.close();
  });

  test('writes pages, cards and posters for the first CITY_PAGE_LIMIT cities only, no page carrying the data', () => {
    const pages = htmlPages(outDir);
    const cityPages = pages.filter((page) => /^city\/[^/]+\/index\.html$/.test(page));
    const firstCities = ids.slice(0, cityPageLimit);
    expect(cityPages.sort()).toEqual(firstCities.map((id) => `city/${id}/index.html`).sort());
    expect(pages.filter((page) => /^ru\/city\/[^/]+\/index\.html$/.test(page))).toHaveLength(cityPageLimit);
    expect(pages.filter((page) => page.startsWith('embed/city/'))).toHaveLength(cityPageLimit);
    expect(pages.filter((page) => /^city\/[^/]+\/poster\/index\.html$/.test(page)).sort()).toEqual(
      firstCities.map((id) => `city/${id}/poster/index.html`).sort(),
    );
    expect(readdirSync(join(outDir, 'share')).filter((name) => name.endsWith('.png'))).toHaveLength(cityPageLimit + 1);
    for (const page of pages.filter((path) => !/poster|quote|print/.test(path))) {
      const html = readFileSync(join(outDir, page), 'utf8');
      expect(html, page).not.toContain('id="rally-data"');
      // Each page preloads the rally index instead (src/lib/rally-index.ts).
      expect(html, page).toContain(
        '<link rel="preload" href="/data/rally-index.bin" as="fetch" crossorigin="anonymous" id="rally-index">',
      );
    }
    const dataFile = JSON.parse(readFileSync(join(outDir, 'data/rallies.geojson'), 'utf8')) as { features: unknown[] };
    expect(dataFile.features).toHaveLength(ids.length);
    // 400 rallies: one record shard of (up to) 1,000.
    expect(readdirSync(join(outDir, 'data/records')).filter((name) => name.endsWith('.geojson'))).toEqual([
      '0.geojson',
    ]);
  });

  test('a city beyond them opens from 404.html, which routes by its address', async ({ page }) => {
    const late = ids[300] ?? '';
    const dataRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/data/')) dataRequests.push(path);
    });
    const response = await page.goto(`${server?.origin ?? ''}/city/${late}/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('#city-heading')).toBeVisible({ timeout: 30_000 });
    // The rally index and the city's record shard, not the rally file.
    expect(dataRequests.sort()).toEqual(['/data/rally-index.bin', '/data/records/0.geojson']);
    const early = await page.request.get(`${server?.origin ?? ''}/city/${ids[0] ?? ''}/`);
    expect(early.status()).toBe(200);
  });

  test.describe('offline', () => {
    // The rest of the suite blocks service workers (page.route cannot see what a worker answers).
    test.use({ serviceWorkers: 'allow' });

    test('after a visit, the stored index and record shard open a city never opened online', async ({
      page,
      context,
    }) => {
      const origin = server?.origin ?? '';
      await page.goto(`${origin}/`);
      await expect(page.locator('.long-city-list li').first()).toBeVisible({ timeout: 30_000 });
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // Now through the service worker: the page, the index it preloads and the shard of its city are stored.
      await page.goto(`${origin}/city/${ids[5] ?? ''}/`);
      await expect(page.locator('#city-heading')).toBeVisible();
      // The worker stores its copies after answering the page.
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const cache = await caches.open('rally-map-data');
            return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
          }),
        )
        .toEqual(['/data/rally-index.bin', '/data/records/0.geojson']);
      await context.setOffline(true);
      await page.goto(`${origin}/city/${ids[7] ?? ''}/`);
      await expect(page.locator('#city-heading')).toContainText(/test copy 00008$/);
      await expect(page.locator('.offline-note')).toBeVisible();
      await context.setOffline(false);
    });
  });
});
