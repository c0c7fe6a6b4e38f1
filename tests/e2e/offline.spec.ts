import { expect, reachForTheMap, test, type BrowserContext, type Page } from './test.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { mapFileUrls, startFiles } from '../../build/precache-manifest.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { cityName } from '../../src/lib/city-name.ts';
import { formatCalendarDate } from '../../src/lib/format-date.ts';
import { readRallyData, withoutEmbeddedData } from './rally-data.ts';

// The rest of the suite blocks service workers (page.route cannot see what a worker answers).
test.use({ serviceWorkers: 'allow' });

const rallyData = readRallyData();
const builtOn = /data-as-of="(\d{4}-\d{2}-\d{2})"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1] ?? '';

/** Collects page errors from every page of the context. */
function watchPageErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  return errors;
}

/** Waits until the service worker has stored the site and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test.describe('offline after one visit', () => {
  test('the map, every city, the note and a language switched to work offline', async ({ page, context }) => {
    const errors = watchPageErrors(context);
    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await expect(page.locator('.offline-note')).toHaveCount(0);
    await waitForServiceWorker(page);
    // Switched to in place, German's files come through the worker, which keeps them.
    await page.locator('.language-switcher summary').click();
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.locator('.language-switcher summary').click();
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await expect(page.locator('.basemap-land').first()).toBeAttached();
    await expect(page.locator('.offline-note')).toHaveText(
      `Offline: data as of ${formatCalendarDate(builtOn, 'en-GB')}`,
    );

    // Never opened, each city is drawn by the app from the data of the stored page.
    for (const feature of rallyData.features) {
      await page.goto(`/city/${feature.id}/`);
      const properties = feature.properties as unknown as Parameters<typeof cityName>[0];
      await expect(page.locator('#city-heading')).toContainText(cityName(properties).name);
      await expect(page.locator('#panel blockquote')).toHaveCount(feature.properties.quotes.length);
      await expect(page.locator('.offline-note')).toBeVisible();
    }

    // The language switched to before: its pages, never opened, come in German from the stored files.
    await page.goto('/de/city/munich/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('#city-heading')).toHaveText('München');
    await expect(page.locator('.offline-note')).toHaveText(`Offline: Datenstand ${formatCalendarDate(builtOn, 'de')}`);

    // Back online, a fresh page comes from the network again, without the note.
    await context.setOffline(false);
    await page.goto('/city/york/');
    await expect(page.locator('#city-heading')).toHaveText('York');
    await expect(page.locator('.offline-note')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the reader’s language is stored, not all seven', async ({ page, context }) => {
    const requested: string[] = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/ru/city/london/');
    // The map's files have loaded before the connection goes (a file cut off mid-load reloads the page).
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await waitForServiceWorker(page);
    const stored = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(stored).toContain('/ru/city/london/');
    // No page of another language, no other language's files, no other page: the app draws those from the data.
    expect(stored.filter((path) => path.endsWith('/') || path.endsWith('.html'))).toEqual(['/ru/city/london/']);
    expect(stored.filter((path) => path.includes('/assets/language-'))).toEqual([]);
    expect(requested.filter((path) => path.includes('/assets/language-'))).toEqual([]);

    await context.setOffline(true);
    await page.goto('/ru/city/rome/');
    await expect(page.locator('#city-heading')).toContainText('Рим');
    await expect(page.locator('.offline-note')).toBeVisible();
  });

  test('the first visit downloads nothing for the worker but the worker: it stores what the page loaded', async ({
    browser,
  }) => {
    // A proxy in front of the site records what reaches the server; what the browser's cache answers does not.
    const downloaded: string[] = [];
    const proxy = createServer((request, response) => {
      downloaded.push(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const upstream = httpRequest(
        { host: '127.0.0.1', port: 4173, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${String((proxy.address() as AddressInfo).port)}/ru/city/london/`);
      // The reader reaches for the map at once, before the worker is in charge: the worker keeps the map's code too.
      await reachForTheMap(page);
      await expect(page.locator('.rally-marker')).toHaveCount(8);
      await waitForServiceWorker(page);
      await page.waitForLoadState('networkidle');
      // The worker has stored the page and the code: offline, another city of the language opens.
      await context.setOffline(true);
      await page.goto(page.url().replace('/london/', '/rome/'));
      await expect(page.locator('#city-heading')).toContainText('Рим');
      await expect(page.locator('.rally-marker')).toHaveCount(8);

      const start = startFiles(readFileSync('dist/ru/city/london/index.html', 'utf8'), '/').map((file) => `/${file}`);
      const map = mapFileUrls('dist', '/');
      expect(start.length).toBeGreaterThan(3);
      expect(map.length).toBeGreaterThan(0);
      // Each file once (the worker stored the page and the code, the map's included, from the browser's cache), and
      // no code or data the page did not use (the share menu, the validator, the basemap file, other languages).
      expect(downloaded.filter((path, index) => downloaded.indexOf(path) !== index)).toEqual([]);
      expect(downloaded).toContain('/sw.js');
      expect(downloaded).toEqual(expect.arrayContaining(map));
      expect(downloaded.filter((path) => path.startsWith('/assets/') && ![...start, ...map].includes(path))).toEqual(
        [],
      );
    } finally {
      await context.close();
      await new Promise((done) => {
        proxy.close(done);
        proxy.closeAllConnections();
      });
    }
  });

  test('a page without embedded data gets the rally file from the offline copy, with the note', async ({
    page,
    context,
  }) => {
    const errors = watchPageErrors(context);
    await page.goto('/');
    await waitForServiceWorker(page);
    // The page arrives without its data (as on the development server), so it fetches the rally file, which the
    // worker keeps.
    await context.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: withoutEmbeddedData(await response.text()) });
      },
    );
    await page.reload();
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    // The date the stored copy of the rally file was current: its answer's Date header.
    const storedCopyDate = () =>
      page.evaluate(async () => {
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (new URL(request.url).pathname !== '/data/rallies.geojson') continue;
            const date = (await cache.match(request))?.headers.get('Date');
            if (date) return new Date(date).toISOString().slice(0, 10);
          }
        }
        return '';
      });
    await expect.poll(storedCopyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const storedOn = await storedCopyDate();

    // The worker's own requests: the rally file cannot be reached, as with no network.
    const dataRequests: string[] = [];
    await context.route('**/data/rallies.geojson', async (route) => {
      dataRequests.push(route.request().url());
      await route.abort('internetdisconnected');
    });
    await page.reload();
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await expect(page.locator('#rally-data')).toHaveCount(0);
    expect(dataRequests.length).toBeGreaterThan(0);
    await expect(page.locator('.offline-note')).toHaveText(
      `Offline: data as of ${formatCalendarDate(storedOn, 'en-GB')}`,
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('offline, an address it does not hold gets the stored not-found page, which still opens the city', async ({
    page,
    context,
  }) => {
    const errors = watchPageErrors(context);
    await page.goto('/');
    // The reader used the map on this visit: its files have loaded (and are stored, however that was timed with the
    // worker's install) before the connection goes.
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    // Without its trailing slash, no stored page matches the address.
    await page.goto('/city/london');
    await expect(page.locator('#city-heading')).toContainText('London');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await page.goto('/city/atlantis/');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a server error (5xx) for a page or the rally file is answered with the stored copy', async ({
    page,
    context,
  }) => {
    const errors = watchPageErrors(context);
    await page.goto('/');
    await waitForServiceWorker(page);
    // The worker's own requests: the server is up but failing.
    await context.route('**/city/rome/', (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }),
    );
    await page.goto('/city/rome/');
    await expect(page.locator('#city-heading')).toContainText('Rome');
    await expect(page.locator('.offline-note')).toBeVisible();

    await context.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: withoutEmbeddedData(await response.text()) });
      },
    );
    // Pages carry the data, so the rally file is stored only once a page without it has fetched it.
    await page.goto('/');
    await expect(page.locator('#rally-data')).toHaveCount(0);
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await expect(page.locator('.offline-note')).toHaveCount(0);
    await context.route('**/data/rallies.geojson', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    );
    await page.reload();
    await expect(page.locator('#rally-data')).toHaveCount(0);
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.offline-note')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the full site registers the service worker; embeds never do', async ({ browser }) => {
    /** Registrations after the page has loaded and the browser has been idle (when the app registers). */
    const registrationsAfterIdle = async (path: string) => {
      const context = await browser.newContext({ serviceWorkers: 'allow' });
      const page = await context.newPage();
      await page.goto(path);
      await page.locator('.app[data-interactive]').waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await page.waitForLoadState('networkidle');
      const count = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
      await context.close();
      return count;
    };
    expect(await registrationsAfterIdle('/city/rome/')).toBe(1);
    expect(await registrationsAfterIdle('/embed/')).toBe(0);
    expect(await registrationsAfterIdle('/embed/city/london/')).toBe(0);
  });

  test('a full-site page framed by another page never registers the service worker', async ({ browser }) => {
    // Another port on 127.0.0.1: a same-site, cross-origin parent, where Chromium would allow a worker.
    const host = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Article</title><iframe src="http://127.0.0.1:4173/city/rome/"></iframe>');
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${String((host.address() as AddressInfo).port)}/`);
      const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
      if (!frame) throw new Error('the framed page was not found');
      await frame.locator('.app[data-interactive]').waitFor({ state: 'attached' });
      await frame.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await page.waitForLoadState('networkidle');
      expect(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    } finally {
      await context.close();
      await new Promise((done) => {
        host.close(done);
        host.closeAllConnections();
      });
    }
  });
});

test.describe('offline, when the map was never used', () => {
  test.use({ reachForMap: false });

  test('the picture stays the map, with a note, and the page does not reload', async ({ page, context }) => {
    const errors = watchPageErrors(context);
    await page.goto('/city/london/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto('/city/london/');
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.mouse.move(100, 100);
    await expect(page.locator('.map-failed')).toContainText('this is a picture of it');
    await expect(page.locator('.map-picture a.picture-marker')).toHaveCount(8);
    await expect(page.locator('.map-picture')).not.toHaveAttribute('inert');
    expect(loads).toBe(0);
    expect(errors).toEqual([]);
  });
});

test.describe('after a redeploy', () => {
  const port = 4177;
  const origin = `http://127.0.0.1:${port}`;
  const siteLink = 'test-results/redeploy-site';
  const deployB = 'test-results/dist-redeploy-b';
  let server: StaticServer | undefined;

  test.beforeAll(async () => {
    // A whole build: 20 to 50 s on a busy two-core machine.
    test.setTimeout(300_000);
    // Deploy B differs from A (dist/) in its public address, so its pages and main script differ.
    const built = spawnSync('npx', ['vite', 'build', '--outDir', deployB, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, SITE_URL: 'https://deploy-b.example.org' },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build B failed: ${built.stderr}`);
    rmSync(siteLink, { force: true });
    symlinkSync(resolve('dist'), siteLink);
    server = await startStaticServer({ folder: siteLink, port });
  });

  test.afterAll(async () => {
    await server?.close();
    rmSync(siteLink, { force: true });
  });

  test('the next navigation shows the new deploy, online and then offline, without a reload loop', async ({
    page,
    context,
  }) => {
    const errors = watchPageErrors(context);
    const canonical = () => page.locator('link[rel="canonical"]').getAttribute('href');
    await page.goto(`${origin}/`);
    await reachForTheMap(page);
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await waitForServiceWorker(page);
    expect(await canonical()).toBe('http://127.0.0.1:4173/');
    const pageCaches = () =>
      page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('rally-map-pages-')));
    const deployAPageCaches = await pageCaches();
    expect(deployAPageCaches).toHaveLength(1);

    // Swap the served folder: deploy B replaces deploy A, and A's main script is gone.
    rmSync(siteLink, { force: true });
    symlinkSync(resolve(deployB), siteLink);
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.goto(`${origin}/city/rome/`);
    await expect(page.locator('#city-heading')).toContainText('Rome');
    await reachForTheMap(page);
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    expect(await canonical()).toBe('https://deploy-b.example.org/city/rome/');

    // The new worker takes over, drops deploy A's stored pages and stores B's; offline, the stored page is B's
    // (the Rome page, from which the app draws the overview).
    await expect.poll(pageCaches).not.toEqual(deployAPageCaches);
    await expect.poll(pageCaches).toHaveLength(1);
    await context.setOffline(true);
    await page.goto(`${origin}/`);
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    expect(await canonical()).toMatch(/^https:\/\/deploy-b\.example\.org\//);
    await expect(page.locator('.offline-note')).toBeVisible();
    expect(loads).toBe(2);
    expect(errors).toEqual([]);
  });
});
