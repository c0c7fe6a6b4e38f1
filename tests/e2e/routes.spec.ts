import { expect, test } from './test.ts';
import { readRallyData } from './rally-data.ts';

const rallyData = readRallyData();
const cityHeading = 'h2#city-heading';

test.describe('a page for every city, served as plain static files', () => {
  for (const feature of rallyData.features) {
    test(`/city/${feature.id}/ opens ${feature.properties.name}`, async ({ page }) => {
      const response = await page.goto(`/city/${feature.id}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator(cityHeading)).toContainText(
        feature.id === 'brasilia' ? 'Brasília' : feature.properties.name,
      );
      await expect(page).toHaveTitle(
        new RegExp(`^${feature.id === 'brasilia' ? 'Brasília' : feature.properties.name}, 7 April 2018 · `),
      );
      await expect(page.locator(`.rally-marker[data-city-id="${feature.id}"]`)).toHaveClass(/is-selected/);
    });
  }

  test('selecting cities pushes history entries; Back and Forward restore them', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await page.locator('.city-button[data-city-id="rome"]').click();
    await expect(page).toHaveURL(/\/city\/rome\/$/);
    await expect(page.locator(cityHeading)).toContainText('Rome');
    await page.getByRole('link', { name: 'All rallies' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('button', { name: /^York, rally on/ }).click();
    await expect(page).toHaveURL(/\/city\/york\/$/);

    await page.goBack();
    await expect(page).toHaveURL(/127\.0\.0\.1:4173\/$/);
    await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible();
    await expect(page).toHaveTitle(/^Rallies against the anti-gay purge in Chechnya · 7 April 2018$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/city\/rome\/$/);
    await expect(page.locator(cityHeading)).toContainText('Rome');
    await expect(page.locator('.rally-marker[data-city-id="rome"]')).toHaveClass(/is-selected/);
    await page.goForward();
    await page.goForward();
    await expect(page.locator(cityHeading)).toHaveText('York');
    await expect(page).toHaveTitle(/^York, 7 April 2018/);
  });

  test('panning and zooming the map never add history entries', async ({ page }) => {
    await page.goto('/city/berlin/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    const before = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const map = page.locator('.rally-map');
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => history.length)).toBe(before);
    await expect(page).toHaveURL(/\/city\/berlin\/$/);
  });

  test('the app takes over the generated page without replacing its content', async ({ page }) => {
    await page.addInitScript(() => {
      const removed: string[] = [];
      (window as unknown as { removedNodes: string[] }).removedNodes = removed;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.removedNodes) {
            if (node instanceof Element && node.querySelector('#city-heading, blockquote'))
              removed.push(node.className);
            if (node instanceof Element && node.matches('#city-heading, blockquote, .city'))
              removed.push(node.className);
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The suite blocks service workers (playwright.config.ts); Playwright reports that itself.
      if (message.text() === 'Service Worker registration blocked by Playwright') return;
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    await page.goto('/city/london/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { removedNodes: string[] }).removedNodes)).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const hostile of [
    '/city/atlantis/',
    '/city/__proto__/',
    '/city/constructor/',
    '/city/toString/',
    '/city/%3Cscript%3Ealert(1)%3C%2Fscript%3E/',
    '/city/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E/',
    '/nowhere/at/all',
  ]) {
    test(`${hostile} shows a friendly not-found page with zero page errors`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const response = await page.goto(hostile);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page).toHaveTitle(/^Page not found · /);
      const cityLinks = page.locator('.not-found .city-button');
      await expect(cityLinks).toHaveCount(8);
      await expect(page.locator('.rally-marker')).toHaveCount(8);
      // The map stays usable: a marker still opens its city.
      await page.getByRole('button', { name: /^Rome, rally on/ }).click();
      await expect(page.locator(cityHeading)).toContainText('Rome');
      await expect(page).toHaveURL(/\/city\/rome\/$/);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("London's page is readable: heading, venue, every quote and photo caption", async ({ page }) => {
    await page.goto('/city/london/');
    const london = rallyData.features.find((feature) => feature.id === 'london');
    if (!london) throw new Error('no London');
    await expect(page.locator(cityHeading)).toHaveText('London');
    await expect(page.locator('#panel')).toContainText('Outside the Russian Embassy');
    await expect(page.locator('#panel')).toContainText('About 50 people');
    await expect(page.locator('blockquote')).toHaveText(london.properties.quotes.map((quote) => quote.text));
    for (const photo of london.properties.photos) {
      await expect(page.locator('#panel')).toContainText(photo.caption);
    }
    // The map is there too, as a picture (tests/e2e/map-picture.spec.ts).
    await expect(page.locator('.map-region .map-picture svg')).toBeVisible();
  });

  test('the overview lists every city as a link to its own page', async ({ page }) => {
    await page.goto('/');
    const links = page.locator('.city-button');
    await expect(links).toHaveCount(8);
    await links.filter({ hasText: 'Stockholm' }).click();
    await expect(page).toHaveURL(/\/city\/stockholm\/$/);
    await expect(page.locator(cityHeading)).toHaveText('Stockholm');
    await expect(page.locator('#panel')).toContainText('Venue not reported');
  });
});

test.describe('preview cards', () => {
  const pages = ['/', ...rallyData.features.map((feature) => `/city/${feature.id}/`)];

  for (const path of pages) {
    test(`${path} has its meta tags, and its share image is a real 1200×630 PNG`, async ({
      page,
      request,
      baseURL,
    }) => {
      await page.goto(path);
      const origin = baseURL ?? '';
      const content = (selector: string) => page.locator(selector).getAttribute('content');
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}${path}`);
      expect(await content('meta[property="og:url"]')).toBe(`${origin}${path}`);
      expect(await content('meta[property="og:type"]')).toBe(path === '/' ? 'website' : 'article');
      expect(await content('meta[property="og:site_name"]')).toBe('Rallies against the anti-gay purge in Chechnya');
      expect(await content('meta[property="og:title"]')).toBe(await page.title());
      expect(await content('meta[name="twitter:card"]')).toBe('summary_large_image');
      const description = (await content('meta[name="description"]')) ?? '';
      expect(description.length).toBeGreaterThan(40);
      expect(await content('meta[property="og:description"]')).toBe(description);
      expect(await content('meta[property="og:image:width"]')).toBe('1200');
      expect(await content('meta[property="og:image:height"]')).toBe('630');
      expect((await content('meta[property="og:image:alt"]'))?.length).toBeGreaterThan(20);
      await expect(page.locator('meta[name="description"]')).toHaveCount(1);

      const imageUrl = (await content('meta[property="og:image"]')) ?? '';
      const slug = path === '/' ? 'overview' : path.split('/')[2];
      expect(imageUrl).toBe(`${origin}/share/${slug ?? ''}.png`);
      const image = await request.get(imageUrl);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
      const bytes = await image.body();
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(bytes.readUInt32BE(16)).toBe(1200);
      expect(bytes.readUInt32BE(20)).toBe(630);
    });
  }

  test("London's description is its first quote; Rome's says what is not reported", async ({ page }) => {
    await page.goto('/city/london/');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      '“International solidarity is so important.” (Peter Tatchell, London)',
    );
    await page.goto('/city/rome/');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /^A rally in Rome, Italy on 7 April 2018.*The source reports no venue or crowd size\.$/,
    );
  });
});
