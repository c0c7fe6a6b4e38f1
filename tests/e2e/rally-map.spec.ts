import { expect, test, type Page } from './test.ts';
import { solidPng } from './png.ts';
import { rallyIds as cityIds } from '../lib/rally-fixtures.ts';
import { readRallyData, serveWithoutEmbeddedData } from './rally-data.ts';

const rallyData = readRallyData();

const markers = (page: Page) => page.locator('.leaflet-marker-icon.rally-marker');
const marker = (page: Page, cityName: string) =>
  page.getByRole('button', { name: new RegExp(`^${cityName}, rally on`) });
const cityHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

/** Serves `data` in place of the rally file for this page, and pages without built-in data, so it is fetched. */
async function serveRallyFile(page: Page, data: unknown): Promise<void> {
  await serveWithoutEmbeddedData(page);
  await page.route('**/data/rallies.geojson', (route) =>
    route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(data) }),
  );
}

test.describe('the map and the panel', () => {
  test('shows one focusable, named marker for each of the eight rallies', async ({ page }) => {
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    for (const id of cityIds) {
      const element = page.locator(`.rally-marker[data-city-id="${id}"]`);
      await expect(element).toHaveAttribute('role', 'button');
      await expect(element).toHaveAttribute('tabindex', '0');
    }
    await expect(marker(page, 'London')).toHaveAttribute('aria-label', 'London, rally on 7 April 2018');
    await expect(marker(page, 'Brasília')).toBeVisible();
    await expect(marker(page, 'Mexico City')).toBeVisible();
  });

  test('fits all rallies on load, with crowded markers spread apart', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    const map = await page.locator('.rally-map').boundingBox();
    if (!map) throw new Error('no map');
    const centres = new Map<string, { x: number; y: number }>();
    for (const id of cityIds) {
      const box = await page.locator(`.rally-marker[data-city-id="${id}"]`).boundingBox();
      if (!box) throw new Error(`no marker for ${id}`);
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      expect(centre.x, `${id} inside the map horizontally`).toBeGreaterThan(map.x);
      expect(centre.x).toBeLessThan(map.x + map.width);
      expect(centre.y, `${id} inside the map vertically`).toBeGreaterThan(map.y);
      expect(centre.y).toBeLessThan(map.y + map.height);
      centres.set(id, centre);
    }
    const distance = (a: string, b: string) => {
      const first = centres.get(a);
      const second = centres.get(b);
      if (!first || !second) throw new Error('missing centre');
      return Math.hypot(first.x - second.x, first.y - second.y);
    };
    expect(distance('london', 'york')).toBeGreaterThanOrEqual(24);
    expect(distance('munich', 'berlin')).toBeGreaterThanOrEqual(24);
  });

  test('clicking the London marker opens London with its venue, crowd, quotes and photo captions', async ({ page }) => {
    await page.goto('/');
    await marker(page, 'London').click();
    await expect(cityHeading(page)).toHaveText('London');
    const panel = page.locator('#panel');
    await expect(panel).toContainText('Outside the Russian Embassy');
    await expect(panel).toContainText('About 50 people');
    await expect(panel).toContainText('7 April 2018');

    const london = rallyData.features.find((feature) => feature.id === 'london');
    if (!london) throw new Error('London is missing from the data');
    const quotes = panel.locator('blockquote');
    await expect(quotes).toHaveCount(london.properties.quotes.length);
    await expect(quotes).toHaveText(london.properties.quotes.map((quote) => quote.text));
    await expect(panel.locator('cite')).toHaveText(['Peter Tatchell', 'Alix Paul']);
    await expect(quotes.first()).toHaveAttribute('lang', 'en');

    const figures = panel.locator('figure.photo');
    await expect(figures).toHaveCount(4);
    for (const [index, photo] of london.properties.photos.entries()) {
      await expect(figures.nth(index).locator('figcaption')).toContainText(photo.caption);
      await expect(figures.nth(index).locator('figcaption')).toContainText('Photo: David Hudson');
      await expect(figures.nth(index)).toContainText('Photo not included');
    }
    await expect(panel.locator('figure.photo img')).toHaveCount(0);
    await expect(page.locator('.rally-marker[data-city-id="london"]')).toHaveClass(/is-selected/);
  });

  test('selecting Rome from the keyboard opens Rome and says what was not reported', async ({ page }) => {
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    let focusedName = '';
    for (let presses = 0; presses < 40 && !focusedName.startsWith('Rome,'); presses += 1) {
      await page.keyboard.press('Tab');
      focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(focusedName).toBe('Rome, rally on 7 April 2018');
    await page.keyboard.press('Enter');
    await expect(cityHeading(page)).toContainText('Rome');
    const panel = page.locator('#panel');
    await expect(panel).toContainText('Venue not reported');
    await expect(panel).toContainText('Attendance not reported');
    await expect(panel).toContainText('The source quotes no one from this rally.');
    await expect(panel).toContainText('The source has no photos from this rally.');
    await expect(panel.locator('blockquote')).toHaveCount(0);
  });

  test('Space on a focused marker selects it too', async ({ page }) => {
    await page.goto('/');
    await marker(page, 'Stockholm').focus();
    await page.keyboard.press('Space');
    await expect(cityHeading(page)).toHaveText('Stockholm');
  });

  test('the city list and the markers stay in step, and Back returns to the overview', async ({ page }) => {
    await page.goto('/');
    const berlinButton = page.locator('.city-button[data-city-id="berlin"]');
    await berlinButton.click();
    await expect(cityHeading(page)).toHaveText('Berlin');
    await expect(page.locator('.rally-marker[data-city-id="berlin"]')).toHaveClass(/is-selected/);
    await expect(page.locator('.rally-marker.is-selected')).toHaveCount(1);

    await page.getByRole('link', { name: 'All rallies' }).click();
    await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible();
    await expect(page.locator('.city-button[aria-current]')).toHaveCount(0);
    await expect(page.locator('.rally-marker.is-selected')).toHaveCount(0);

    await marker(page, 'Munich').click();
    await expect(cityHeading(page)).toContainText('Munich');
    await expect(cityHeading(page)).toContainText('München');
  });

  test('the overview shows the campaign, who called it, the organisers quotes and the source', async ({ page }) => {
    await page.goto('/');
    const panel = page.locator('#panel');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rallies against the anti-gay purge in Chechnya');
    await expect(panel).toContainText('All Out and Amnesty International');
    await expect(panel.locator('blockquote')).toHaveText(rallyData.campaign.quotes.map((quote) => quote.text));
    await expect(panel.locator('cite')).toHaveText(['Matt Beard']);
    await expect(panel.locator('.city-button')).toHaveCount(8);
    const sourceLink = panel.getByRole('link', {
      name: 'International protests call for stop to anti-gay purge in Chechnya',
    });
    await expect(sourceLink).toHaveAttribute(
      'href',
      'https://gaytourism.travel/international-protests-call-for-stop-to-anti-gay-purge-in-chechnya/',
    );
  });

  test('under prefers-reduced-motion the map jumps to the city instead of flying', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    await page.locator('.city-button[data-city-id="rome"]').click();
    // Read the position in the very next frames: a fly animation would still be far from the target.
    const offset = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const map = document.querySelector('.rally-map')?.getBoundingClientRect();
      const rome = document.querySelector('.rally-marker[data-city-id="rome"]')?.getBoundingClientRect();
      if (!map || !rome) return Infinity;
      return Math.hypot(
        rome.x + rome.width / 2 - (map.x + map.width / 2),
        rome.y + rome.height / 2 - (map.y + map.height / 2),
      );
    });
    expect(offset).toBeLessThan(2);
  });
});

test.describe('loading the data', () => {
  test.beforeEach(async ({ page }) => {
    await serveWithoutEmbeddedData(page);
  });

  for (const failure of [
    { name: 'a server error', body: 'Internal error', status: 500, type: 'text/plain', message: 'HTTP 500' },
    {
      name: 'an HTML page instead of JSON',
      body: '<!doctype html><p>Not here</p>',
      status: 200,
      type: 'text/html',
      message: 'HTML',
    },
    {
      name: 'an HTML page sent as JSON',
      body: '<!doctype html><p>Not here</p>',
      status: 200,
      type: 'application/json',
      message: 'HTML',
    },
    {
      name: 'a truncated file',
      body: '{"type":"FeatureCollection","features":[{"type":',
      status: 200,
      type: 'application/geo+json',
      message: 'not valid JSON',
    },
  ]) {
    test(`${failure.name} shows a clear message, and Try again recovers`, async ({ page }) => {
      await page.route('**/data/rallies.geojson', (route) =>
        route.fulfill({ status: failure.status, contentType: failure.type, body: failure.body }),
      );
      await page.goto('/');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The rallies could not be loaded');
      await expect(alert).toContainText(failure.message);
      await expect(markers(page)).toHaveCount(0);

      await page.unroute('**/data/rallies.geojson');
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(markers(page)).toHaveCount(8);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }

  test('a network failure shows a clear message, and Try again recovers', async ({ page }) => {
    await page.route('**/data/rallies.geojson', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('could not be reached');
    await page.unroute('**/data/rallies.geojson');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(markers(page)).toHaveCount(8);
  });

  test('a server that never answers times out after about 10 seconds, and Try again recovers', async ({ page }) => {
    await page.clock.install();
    await page.route('**/data/rallies.geojson', () => {
      // Never answer: the app must give up on its own.
    });
    await page.goto('/');
    await expect(page.getByRole('status')).toContainText('Loading the rallies');
    // The installed clock also moves with real time, so the quiet check leaves a margin for a slow machine.
    await page.clock.runFor(8_000);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.clock.runFor(2_500);
    await expect(page.getByRole('alert')).toContainText('No rally data arrived for 10 seconds');
    await page.unroute('**/data/rallies.geojson');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(markers(page)).toHaveCount(8);
  });

  test('an empty collection says there are no rallies', async ({ page }) => {
    await serveRallyFile(page, { ...rallyData, features: [] });
    await page.goto('/');
    await expect(page.locator('#panel')).toContainText('There are no rallies to show yet.');
    await expect(markers(page)).toHaveCount(0);
  });

  test('an invalid feature is left out with a notice, and the others still show', async ({ page }) => {
    const broken = structuredClone(rallyData);
    const berlin = broken.features.find((feature) => feature.id === 'berlin');
    if (!berlin) throw new Error('Berlin is missing from the data');
    berlin.properties.quotes = [{ text: '', speaker: 'Nobody' }];
    await serveRallyFile(page, broken);
    await page.goto('/');
    await expect(markers(page)).toHaveCount(7);
    await expect(page.locator('.rally-marker[data-city-id="berlin"]')).toHaveCount(0);
    const notice = page.locator('.problems-notice');
    await expect(notice).toContainText('1 rally could not be shown');
    await notice.locator('summary').click();
    await expect(notice).toContainText('features[4] (berlin) .properties.quotes[0].text: must not be empty');
  });
});

test.describe('photos', () => {
  test('a photo that ships with the site shows as a sized, lazy image with alt text', async ({ page }) => {
    const withPhoto = structuredClone(rallyData);
    const london = withPhoto.features.find((feature) => feature.id === 'london');
    const firstPhoto = london?.properties.photos[0];
    if (!firstPhoto) throw new Error('London has no photos');
    Object.assign(firstPhoto, { src: 'photos/test-protest.png', width: 320, height: 200 });
    await serveRallyFile(page, withPhoto);
    await page.route('**/photos/test-protest.png', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: solidPng(320, 200, [176, 18, 75]) }),
    );
    await page.goto('/');
    await marker(page, 'London').click();

    const image = page.locator('figure.photo img');
    await expect(image).toHaveCount(1);
    await expect(image).toHaveAttribute('width', '320');
    await expect(image).toHaveAttribute('height', '200');
    await expect(image).toHaveAttribute('loading', 'lazy');
    await expect(image).toHaveAttribute('alt', firstPhoto.alt);
    // Before the file arrives, the box already has the photo's proportions: no layout shift.
    const box = await image.boundingBox();
    if (!box) throw new Error('no image box');
    expect(box.width / box.height).toBeCloseTo(320 / 200, 1);
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(320);
    await expect(page.locator('figure.photo')).toHaveCount(4);
    await expect(page.getByText('Photo not included')).toHaveCount(3);
  });
});

test.describe('when the map cannot load', () => {
  test('the picture stays, usable, with a note, and every city can still be opened from the list', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(/\/assets\/rally-map-[\w-]+\.js$/, (route) => route.abort('connectionrefused'));
    // The page has just reloaded once for a missing file (src/state/stale-chunk-reload.ts, tested in
    // security.spec.ts), so this failure is shown, not reloaded.
    await page.addInitScript(() => {
      sessionStorage.setItem('rally-map:stale-chunk-reload', String(Date.now()));
    });
    await page.goto('/');
    // The picture stays, with a note.
    await expect(page.getByRole('note')).toHaveText(
      'The map can’t be moved or zoomed now: this is a picture of it. Every rally is listed in the panel.',
    );
    await expect(page.locator('.map-picture svg')).toBeVisible();
    await expect(page.locator('.map-picture')).not.toHaveAttribute('inert');
    await page.locator('.city-button[data-city-id="stockholm"]').click();
    await expect(cityHeading(page)).toHaveText('Stockholm');
    await expect(page).toHaveURL(/\/city\/stockholm\/$/);
    await page.locator('.map-picture a.picture-marker[data-city-id="york"]').click();
    await expect(cityHeading(page)).toHaveText('York');
    expect(errors).toEqual([]);
  });
});

test.describe('privacy', () => {
  test('no request leaves the local origin', async ({ page, baseURL }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    await marker(page, 'London').click();
    await expect(cityHeading(page)).toHaveText('London');
    for (const city of ['rome', 'mexico-city']) {
      await page.getByRole('link', { name: 'All rallies' }).click();
      await page.locator(`.city-button[data-city-id="${city}"]`).click();
      await expect(page.locator(`.rally-marker[data-city-id="${city}"]`)).toHaveClass(/is-selected/);
    }
    await page.mouse.wheel(0, -400);
    await page.waitForLoadState('networkidle');
    const origin = new URL(baseURL ?? '').origin;
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The generated page carries its rally data, so the first view does not fetch it.
    expect(requests.some((url) => url.includes('/data/rallies.geojson'))).toBe(false);
    // The basemap comes with the page, in its map picture (tests/e2e/map-picture.spec.ts).
    expect(requests.some((url) => /basemap-110m.*\.json$/.test(url))).toBe(false);
  });
});

test.describe('loading fast', () => {
  test('the page paints with its own styles, then preloads the app (not the map), each file fetched once', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/city/london/');
    await expect(markers(page)).toHaveCount(8);
    await expect(page.locator('.basemap-land').first()).toBeAttached();
    await page.waitForLoadState('networkidle');
    const preloaded = await page
      .locator('link[rel="preload"], link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    // The map's code loads when the reader reaches for the map (the test fixture does at once), not before.
    expect(preloaded.some((path) => /\/rally-map-[\w-]+\.(js|css)$/.test(path))).toBe(false);
    // The page's map picture carries the basemap: it is not preloaded.
    expect(preloaded.some((path) => /\/basemap-110m-[\w-]+\.json$/.test(path))).toBe(false);
    expect(preloaded.some((path) => /\/main-[\w-]+\.js$/.test(path))).toBe(true);
    for (const path of preloaded)
      expect(
        requests.filter((request) => request === path),
        path,
      ).toHaveLength(1);
    // The page's own stylesheet is inlined; the file is never fetched, not even by the app's code loader.
    const inlined = await page
      .locator('link[rel="stylesheet"][disabled]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    expect(inlined).toHaveLength(1);
    expect(requests.filter((request) => inlined.includes(request))).toEqual([]);
  });
});

test.describe('phones', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

  test('at 320 px the page has no horizontal scroll and touch targets are at least 44 px', async ({ page }) => {
    await page.goto('/');
    await expect(markers(page)).toHaveCount(8);
    const overflow = async () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const button of await page.locator('.city-button').all()) {
      const box = await button.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    for (const element of await markers(page).all()) {
      const box = await element.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    await page.locator('.city-button[data-city-id="london"]').tap();
    await expect(cityHeading(page)).toHaveText('London');
    expect(await overflow()).toBeLessThanOrEqual(0);
    const back = await page.getByRole('link', { name: 'All rallies' }).boundingBox();
    expect(back?.height).toBeGreaterThanOrEqual(44);
    const handle = await page.locator('.sheet-handle').boundingBox();
    expect(handle?.height).toBeGreaterThanOrEqual(44);
  });
});
