import { expect, test } from './test.ts';
import { hostileData, watchForTrouble } from './hostile-data.ts';
import { readRallyData, serveWithoutEmbeddedData } from './rally-data.ts';

const rallyData = readRallyData();

test.describe('the Content Security Policy', () => {
  const pages = [
    '/',
    ...rallyData.features.map((feature) => `/city/${feature.id}/`),
    '/city/atlantis/',
    '/embed/',
    '/embed/city/london/',
    '/embed/city/mexico-city/',
  ];

  for (const path of pages) {
    test(`${path} runs with zero policy violations`, async ({ page }) => {
      const trouble = await watchForTrouble(page);
      await page.goto(path);
      const policy = await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      await expect(page.locator('.rally-marker')).toHaveCount(8);
      // Exercise the map: zoom, open a city and the share menu.
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.locator('.leaflet-marker-icon.rally-marker').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForLoadState('networkidle');
      expect(await trouble()).toEqual([]);
    });
  }

  test('the policy is enforced: an injected inline script is blocked and reported', async ({ page }) => {
    const trouble = await watchForTrouble(page);
    await page.goto('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ran()';
      document.body.append(script);
    });
    await expect.poll(trouble).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
  });

  test('without JavaScript the no-script layout is allowed by the policy', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await page.goto('/city/london/');
    // The policy allows the <noscript> style: the scripted share button gives way to the plain links.
    await expect(page.locator('.share-button.needs-script')).toBeHidden();
    await expect(page.locator('.share-static')).toBeVisible();
    expect(blocked).toEqual([]);
    await context.close();
  });
});

test.describe('hostile data renders inert', () => {
  test('payloads in every text field show as literal text, hostile URLs never reach the DOM', async ({ page }) => {
    const trouble = await watchForTrouble(page);
    await serveWithoutEmbeddedData(page);
    await page.route('**/data/rallies.geojson', (route) =>
      route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(hostileData()) }),
    );
    await page.goto('/');
    // The campaign's texts are poisoned too: they show as text.
    const campaign = hostileData().campaign;
    await expect(page.locator('#panel')).toContainText(String(campaign.title));
    await expect(page.locator('#panel')).toContainText(String(campaign.summary));
    // Berlin and Rome carry hostile URLs and are dropped; the other six still show.
    await expect(page.locator('.rally-marker')).toHaveCount(6);
    await expect(page.locator('.problems-notice')).toContainText('2 rallies could not be shown');
    await page.locator('.problems-notice summary').click();

    await page.locator('.city-button[data-city-id="london"]').click();
    const panel = page.locator('#panel');
    await expect(panel.locator('.city-heading')).toContainText('London <script>window.ran()</script>');
    await expect(panel).toContainText('<img src=x onerror="window.ran()">');
    await expect(panel.locator('blockquote').first()).toContainText('International solidarity is so important.');
    expect(await panel.locator('script, svg[onload], img[onerror]').count()).toBe(0);
    await page.getByRole('button', { name: /^York.*rally on/ }).click();
    await page.waitForLoadState('networkidle');

    const dangerousHrefs = await page.evaluate(() =>
      [...document.querySelectorAll('[href], [src]')]
        .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
        .filter((value) => /^\s*(javascript|data:text|vbscript)/i.test(value.replace(/[\t\n\r]/g, ''))),
    );
    expect(dangerousHrefs).toEqual([]);
    expect(await trouble()).toEqual([]);
  });
});

test.describe('faults', () => {
  for (const failure of [
    { name: '404', status: 404, contentType: 'text/plain', body: 'Not found', message: 'HTTP 404' },
    {
      name: 'HTML with status 200',
      status: 200,
      contentType: 'text/html',
      body: '<p>Home</p>',
      message: 'web page (HTML)',
    },
    { name: 'JSON that is not GeoJSON', status: 200, contentType: 'application/json', body: '[1,2]', message: '' },
  ]) {
    test(`a ${failure.name} answer shows the right message with zero page errors`, async ({ page }) => {
      const trouble = await watchForTrouble(page);
      await serveWithoutEmbeddedData(page);
      await page.route('**/data/rallies.geojson', (route) =>
        route.fulfill({ status: failure.status, contentType: failure.contentType, body: failure.body }),
      );
      await page.goto('/');
      if (failure.message) {
        await expect(page.getByRole('alert')).toContainText(failure.message);
        await page.unroute('**/data/rallies.geojson');
        await page.getByRole('button', { name: 'Try again' }).click();
        await expect(page.locator('.rally-marker')).toHaveCount(8);
      } else {
        await expect(page.locator('.problems-notice')).toContainText('The rally file has errors');
        await expect(page.locator('#panel')).toContainText('There are no rallies to show yet.');
      }
      expect(await trouble()).toEqual([]);
    });
  }

  test('a generated page uses the data it was built with, and never fetches the data file', async ({ page }) => {
    const trouble = await watchForTrouble(page);
    const dataRequests: string[] = [];
    await page.route('**/data/rallies.geojson', (route) => {
      dataRequests.push(route.request().url());
      return route.fulfill({ status: 500, body: 'down' });
    });
    await page.goto('/city/london/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#city-heading')).toHaveText('London');
    await expect(page.locator('blockquote')).toHaveCount(7);
    expect(dataRequests).toEqual([]);
    expect(await trouble()).toEqual([]);
  });

  test('a stale code file after a redeploy reloads the page once, never in a loop', async ({ page }) => {
    await page.goto('/city/rome/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    const staleChunk = () =>
      page.evaluate(() => window.dispatchEvent(new Event('vite:preloadError', { cancelable: true })));
    await Promise.all([page.waitForEvent('load'), staleChunk()]);
    await expect(page.locator('#city-heading')).toContainText('Rome');
    // A second failure right after the reload must not reload again.
    let reloaded = false;
    page.on('load', () => {
      reloaded = true;
    });
    await staleChunk();
    await page.waitForTimeout(1000);
    expect(reloaded).toBe(false);
  });

  test('a code file that cannot be reached (offline) does not reload the page; one that is gone does', async ({
    page,
  }) => {
    await page.goto('/city/rome/');
    await expect(page.locator('.app[data-interactive]')).toBeAttached();
    let reloads = 0;
    page.on('load', () => (reloads += 1));
    const probes: string[] = [];
    // The share menu's code, as the reader would be without a connection: no answer at all.
    await page.route('**/assets/share-panel-*.js', (route) => {
      probes.push(route.request().method());
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    // The page asked for the file, then asked the server whether it is gone.
    await expect.poll(() => probes.slice(0, 2)).toEqual(['GET', 'HEAD']);
    await page.waitForTimeout(1000);
    expect(reloads).toBe(0);
    // After a redeploy: the server says the file is gone. (A fresh page: the failed part keeps its error.)
    await page.unroute('**/assets/share-panel-*.js');
    await page.route('**/assets/share-panel-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.reload();
    await expect(page.locator('.app[data-interactive]')).toBeAttached();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Share', exact: true }).click()]);
    expect(reloads).toBe(2);
  });

  test('a photo that fails to load keeps its caption and credit, with a placeholder', async ({ page }) => {
    const data = structuredClone(rallyData);
    const photo = data.features.find((feature) => feature.id === 'london')?.properties.photos[1];
    if (!photo) throw new Error('no photo');
    Object.assign(photo, { src: 'photos/missing-file.jpg', width: 400, height: 300 });
    await serveWithoutEmbeddedData(page);
    await page.route('**/data/rallies.geojson', (route) =>
      route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(data) }),
    );
    await page.goto('/city/london/');
    const figure = page.locator('figure.photo').nth(1);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toContainText('Photo could not be loaded');
    await expect(figure.locator('figcaption')).toContainText(photo.caption);
    await expect(figure.locator('figcaption')).toContainText('Photo: David Hudson');
    await expect(figure.locator('img')).toHaveCount(0);
  });
});
