import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, reachForTheMap, test, type Frame, type Page } from './test.ts';

const mapOrigin = 'http://127.0.0.1:4173';
// The newsroom's article is served by a server of its own on another origin ("localhost", another port).
let hostOrigin = '';
let articleHtml = '';
let articleServer: Server;

test.beforeAll(async () => {
  articleServer = createServer((request, response) => {
    response.writeHead(request.url === '/article.html' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(request.url === '/article.html' ? articleHtml : 'not found');
  });
  await new Promise<void>((resolve) => articleServer.listen(0, 'localhost', resolve));
  hostOrigin = `http://localhost:${String((articleServer.address() as AddressInfo).port)}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => articleServer.close(resolve));
});

/** Gets the embed code from the share menu of a full-site page, as a newsroom would. */
async function embedCodeFor(page: Page, path: string, mode: 'responsive' | 'fixed' = 'responsive'): Promise<string> {
  await page.goto(`${mapOrigin}${path}`);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  if (mode === 'fixed') await page.getByRole('radio', { name: 'Fixed' }).check();
  return page.getByLabel('Code to paste').inputValue();
}

/** Serves an article on the host origin with the code pasted in its middle. */
async function openArticle(page: Page, code: string): Promise<void> {
  articleHtml = `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head>
    <body style="margin:0;font:16px sans-serif">
    <div style="height:400px">An article about the rallies.</div>
    <div id="slot">${code}</div>
    <div style="height:2400px">More article.</div></body></html>`;
  await page.goto(`${hostOrigin}/article.html`);
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#slot iframe').first().elementHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no embed frame');
  await reachForTheMap(frame);
  await frame.locator('.rally-marker').first().waitFor();
  return frame;
}

async function contentHeight(frame: Frame): Promise<number> {
  return frame.evaluate(() => Math.ceil(document.getElementById('root')?.getBoundingClientRect().height ?? 0));
}

async function iframeHeight(page: Page): Promise<number> {
  return (await page.locator('#slot iframe').first().boundingBox())?.height ?? 0;
}

test.describe('the embed code on a newsroom page', () => {
  for (const width of [360, 1000]) {
    test(`at ${width} px the pasted code shows the city and sizes itself to its content`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const code = await embedCodeFor(page, '/city/london/');
      expect(code).toContain(`src="${mapOrigin}/embed/city/london/"`);
      expect(code).toMatch(
        /\n<script async src="http:\/\/127\.0\.0\.1:4173\/assets\/embed\.[0-9a-f]{12}\.js" integrity="sha384-[\w+/]{64}" crossorigin="anonymous"><\/script>$/,
      );
      expect(code).toMatch(/width="100%" height="640" loading="lazy" style="border:0"/);
      expect(code).toContain('referrerpolicy="strict-origin-when-cross-origin"');
      expect(code).toContain('allow="clipboard-write; web-share"');

      const errors: string[] = [];
      const offOrigin: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        const origin = new URL(request.url()).origin;
        if (origin !== mapOrigin && origin !== hostOrigin && !request.url().startsWith('data:')) {
          offOrigin.push(request.url());
        }
      });
      await openArticle(page, code);
      const frame = await embedFrame(page);
      await expect(frame.locator('#city-heading')).toHaveText('London');
      await expect
        .poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))))
        .toBeLessThanOrEqual(3);
      expect(await iframeHeight(page)).toBeGreaterThan(640);

      // Another city inside the embed: the panel changes, the height follows, the host page stays put.
      const hostUrl = page.url();
      const hostHistory = await page.evaluate(() => history.length);
      await frame.getByRole('link', { name: 'All rallies' }).click();
      await frame.locator('.city-button[data-city-id="rome"]').click();
      await expect(frame.locator('#city-heading')).toContainText('Rome');
      await expect
        .poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))))
        .toBeLessThanOrEqual(3);
      expect(page.url()).toBe(hostUrl);
      expect(await page.evaluate(() => history.length)).toBe(hostHistory);
      expect(frame.url()).toBe(`${mapOrigin}/embed/city/rome/`);

      // No horizontal scroll inside the embed.
      expect(
        await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      expect(offOrigin).toEqual([]);
    });
  }

  test('the script the code names is the file served, by its integrity value, and runs in the article', async ({
    page,
    request,
  }) => {
    const code = await embedCodeFor(page, '/city/london/');
    const [, scriptUrl = '', integrity = ''] = /<script async src="([^"]+)" integrity="([^"]+)"/.exec(code) ?? [];
    const served = await request.get(scriptUrl);
    expect(served.headers()['access-control-allow-origin']).toBe('*');
    expect(
      `sha384-${createHash('sha384')
        .update(await served.body())
        .digest('base64')}`,
    ).toBe(integrity);
    // The article's page loads it (a wrong value or a missing CORS header would block it) and it resizes the map.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/integrity|CORS/i.test(message.text())) refused.push(message.text());
    });
    await openArticle(page, code);
    const frame = await embedFrame(page);
    await expect
      .poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))))
      .toBeLessThanOrEqual(3);
    expect(await iframeHeight(page)).toBeGreaterThan(640);
    expect(refused).toEqual([]);
    // Snippets pasted before keep working: embed.js is the same script.
    expect((await (await request.get(`${mapOrigin}/embed.js`)).body()).equals(await served.body())).toBe(true);
  });

  test('the height messages name the embed as loaded, never the city the reader opens', async ({ page }) => {
    // The host page keeps every id Datawrapper's message names.
    await page.addInitScript(() => {
      const ids: string[] = [];
      (window as unknown as { embedIds: string[] }).embedIds = ids;
      window.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as Record<string, unknown> | null;
        const heights = data && typeof data === 'object' ? data['datawrapper-height'] : undefined;
        if (heights && typeof heights === 'object') ids.push(...Object.keys(heights));
      });
    });
    await openArticle(page, await embedCodeFor(page, '/city/london/'));
    const frame = await embedFrame(page);
    const ids = () => page.evaluate(() => (window as unknown as { embedIds: string[] }).embedIds.slice());
    await expect.poll(async () => (await ids()).length).toBeGreaterThan(0);
    const before = (await ids()).length;
    await frame.getByRole('link', { name: 'All rallies' }).click();
    await frame.locator('.city-button[data-city-id="rome"]').click();
    await expect(frame.locator('#city-heading')).toContainText('Rome');
    // Rome's panel has another height, so the embed posts again.
    await expect.poll(async () => (await ids()).length).toBeGreaterThan(before);
    expect(new Set(await ids())).toEqual(new Set(['rally-map-london']));
  });

  test('forged height messages change nothing', async ({ page }) => {
    const code = await embedCodeFor(page, '/city/york/');
    // A second frame from the map's origin that is not an embed: a wrong source.
    await openArticle(page, `${code}<iframe id="other" src="${mapOrigin}/" width="300" height="200"></iframe>`);
    const frame = await embedFrame(page);
    await expect
      .poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))))
      .toBeLessThanOrEqual(3);
    const settled = await iframeHeight(page);

    // Another origin: the host page itself.
    await page.evaluate(() => window.postMessage({ type: 'rally-map:height', height: 900 }, '*'));
    // The right origin but the wrong frame.
    const other = await (await page.locator('#other').elementHandle()).contentFrame();
    if (!other) throw new Error('the second frame from the map origin was not found');
    await expect(other.locator('.app[data-interactive]')).toBeAttached();
    expect(other.url()).toBe(`${mapOrigin}/`);
    await other.evaluate(() => window.parent.postMessage({ type: 'rally-map:height', height: 901 }, '*'));
    // The embed itself, with heights out of range or of the wrong type.
    for (const height of [99999, -500, Number.NaN, '900', null, 150, Infinity]) {
      await frame.evaluate(
        (value) => window.parent.postMessage({ type: 'rally-map:height', height: value }, '*'),
        height,
      );
    }
    await frame.evaluate(() => window.parent.postMessage({ navigateTo: 'https://evil.example/' }, '*'));
    await page.waitForTimeout(400);
    expect(await iframeHeight(page)).toBe(settled);
    expect(page.url()).toBe(`${hostOrigin}/article.html`);

    // The same channel still works for a genuine message from the embed.
    await frame.evaluate(() => window.parent.postMessage({ type: 'rally-map:height', height: 777 }, '*'));
    await expect.poll(() => iframeHeight(page)).toBe(777);
  });

  test('two maps on one page each size themselves', async ({ page }) => {
    const london = await embedCodeFor(page, '/city/london/');
    const stockholm = await embedCodeFor(page, '/city/stockholm/');
    // Two snippets, each with its own copy of embed.js, as a CMS would paste them.
    await openArticle(page, `${london}<p>Between the maps.</p>${stockholm}`);
    const frames = page.locator('#slot iframe');
    await expect(frames).toHaveCount(2);
    const heights = async () =>
      Promise.all([0, 1].map(async (index) => (await frames.nth(index).boundingBox())?.height ?? 0));
    for (const index of [0, 1]) {
      // The iframes load lazily: bring each into view, as a reader scrolling the article would.
      await frames.nth(index).scrollIntoViewIfNeeded();
      const frame = await (await frames.nth(index).elementHandle()).contentFrame();
      if (!frame) throw new Error(`no frame ${String(index)}`);
      await frame.locator('.app[data-interactive]').waitFor({ state: 'attached' });
      await expect
        .poll(async () =>
          Math.abs(((await frames.nth(index).boundingBox())?.height ?? 0) - (await contentHeight(frame))),
        )
        .toBeLessThanOrEqual(3);
    }
    const [londonHeight, stockholmHeight] = await heights();
    // London has quotes and photos, Stockholm only its name: each frame got its own height.
    expect(londonHeight).toBeGreaterThan((stockholmHeight ?? 0) + 500);
  });

  test('View full map opens the matching full-site page in a new tab', async ({ page }) => {
    await openArticle(page, await embedCodeFor(page, '/city/berlin/'));
    const frame = await embedFrame(page);
    const link = frame.getByRole('link', { name: 'View full map' });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    expect(await link.evaluate((anchor: HTMLAnchorElement) => anchor.href)).toBe(`${mapOrigin}/city/berlin/`);
    await expect(frame.locator('.embed-credit')).toContainText('Source: Gay Star News');
  });

  test('the mouse wheel over the embed scrolls the article, not the map', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openArticle(page, await embedCodeFor(page, '/city/london/'));
    const frame = await embedFrame(page);
    // Once the iframe fits its content, nothing scrolls inside it.
    await expect
      .poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))))
      .toBeLessThanOrEqual(3);
    await page.evaluate(() => window.scrollTo(0, 300));
    const zoomBefore = await frame.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style'));
    const box = await page.locator('#slot iframe').boundingBox();
    if (!box) throw new Error('no iframe');
    await page.mouse.move(box.x + box.width / 2, box.y + 120);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect(await frame.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style'))).toBe(
      zoomBefore,
    );
  });

  test('the fixed-height code has no script and keeps its height', async ({ page }) => {
    const code = await embedCodeFor(page, '/', 'fixed');
    expect(code).not.toContain('<script');
    expect(code).toContain(`src="${mapOrigin}/embed/"`);
    await openArticle(page, code);
    await embedFrame(page);
    await page.waitForTimeout(500);
    expect(await iframeHeight(page)).toBe(640);
  });
});

test.describe('embed pages', () => {
  test('/embed/ and /embed/city/<slug>/ are real pages, readable without JavaScript, with a CSP', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, heading] of [
      ['/embed/city/london/', 'London'],
      ['/embed/', 'What happened'],
    ] as const) {
      const response = await page.goto(`${mapOrigin}${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      expect(await page.locator('head > :nth-child(2)').getAttribute('http-equiv')).toBe('Content-Security-Policy');
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        `${mapOrigin}${path.replace('/embed/', '/')}`,
      );
      await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveCount(1);
    }
    await context.close();
  });

  test('every page links its oEmbed document, with the embed code as html', async ({ page, request }) => {
    await page.goto(`${mapOrigin}/city/rome/`);
    const href = (await page.locator('link[type="application/json+oembed"]').getAttribute('href')) ?? '';
    expect(href).toBe(`${mapOrigin}/oembed/city/rome.json`);
    const oembed = (await (await request.get(href)).json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: 800, height: 640 });
    expect(oembed.title).toBe('Rome, 7 April 2018 · Rallies against the anti-gay purge in Chechnya');
    expect(oembed.provider_name).toBe('Rallies against the anti-gay purge in Chechnya');
    expect(oembed.html).toContain(`<iframe src="${mapOrigin}/embed/city/rome/"`);
    expect(oembed.html).toMatch(
      /<script async src="http:\/\/127\.0\.0\.1:4173\/assets\/embed\.[0-9a-f]{12}\.js" integrity="sha384-/,
    );
  });

  test('Share inside an embed offers the full-site link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${mapOrigin}/embed/city/munich/`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${mapOrigin}/city/munich/`);
  });

  test('embed.js is tiny', async ({ request }) => {
    const response = await request.get(`${mapOrigin}/embed.js`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('javascript');
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(await response.body()).length).toBeLessThan(1536);
  });
});
