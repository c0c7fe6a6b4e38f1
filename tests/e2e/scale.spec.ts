import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from './test.ts';
import { serveWithoutEmbeddedData } from './rally-data.ts';
import { serveRallyFile, serveRallyIndex, syntheticRallyFile } from './synthetic-data.ts';

/*
 * "Many rallies" mode (issue #7): the built site, served as it is built with
 * a generated file of 10,000 (or 100,000) synthetic rallies: pages that read
 * the rally index and fetch a city's record from its shard
 * (src/lib/rally-index.ts). No timing is asserted here; `npm run bench`
 * measures speed.
 */

/** Collects uncaught page errors, to check that there are none. */
function recordPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** Opens `path` of the site as it is built with `count` synthetic rallies: its pages read the rally index. Returns the record shards asked for. */
async function openWithRallies(page: Page, count: number, path = '/'): Promise<string[]> {
  const shardsAsked = await serveRallyIndex(page, count);
  await page.goto(path);
  return shardsAsked;
}

/** The map's zoom, from the scale Leaflet gives its zoom-animation proxy (2 ** (zoom - 1)). */
async function mapZoom(page: Page): Promise<number> {
  return page.locator('.leaflet-proxy').evaluate((element) => {
    const scale = new DOMMatrix(getComputedStyle(element).transform).a;
    return Math.log2(scale) + 1;
  });
}

/** The counts the cluster markers name, from "1,250 rallies, zoom in". */
async function clusterCounts(page: Page): Promise<number[]> {
  const names = await page
    .locator('.rally-cluster')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  return names.map((name) => Number(/^([\d,]+) rallies/.exec(name)?.[1]?.replace(/,/g, '') ?? NaN));
}

const clusters = '.leaflet-marker-icon.rally-cluster';
const listRows = '.long-city-list li';

test.describe('with the real 8 rallies', () => {
  test('nothing of the many-rallies mode loads: no worker, no cluster or long-list code', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/');
    await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
    await expect(page.locator('.city-list li')).toHaveCount(8);
    await expect(page.locator('.basemap-land').first()).toBeAttached();
    expect(await page.evaluate(() => performance.getEntriesByName('rally-map:list-ready').length)).toBe(1);
    expect(await page.locator('.rally-cluster, .long-city-list, input[type="search"]').count()).toBe(0);
    expect(requested.filter((path) => /cluster|long-city-list|rally-worker|parse-rallies/.test(path))).toEqual([]);
    expect(requested.some((path) => /\/assets\/rally-map-/.test(path))).toBe(true);
    expect(workers).toEqual([]);
  });
});

test.describe('with 10,000 rallies', () => {
  test('the map shows clusters, not 10,000 markers, and the list stays short in the DOM', async ({ page }) => {
    const errors = recordPageErrors(page);
    await openWithRallies(page, 10_000);
    await expect(page.locator(clusters).first()).toBeVisible();
    const counts = await clusterCounts(page);
    expect(counts.every((count) => Number.isInteger(count) && count >= 2)).toBe(true);
    // Every rally is in some marker: the clusters add up to nearly all of them at world zoom.
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(9_000);
    expect(await page.locator('.leaflet-marker-icon').count()).toBeLessThan(300);
    await expect(page.getByRole('heading', { name: /^10,000 rallies on/ })).toBeVisible();
    await expect(page.locator(listRows).first()).toBeVisible();
    expect(await page.locator(listRows).count()).toBeLessThanOrEqual(100);
    await expect(page.locator(listRows).first()).toHaveAttribute('aria-setsize', '10000');
    await expect(page.locator(listRows).first()).toHaveAttribute('aria-posinset', '1');
    // The cluster is a named, focusable button.
    const firstCluster = page.locator(clusters).first();
    await expect(firstCluster).toHaveAttribute('role', 'button');
    await expect(firstCluster).toHaveAttribute('tabindex', '0');
    await expect(firstCluster).toHaveAttribute('aria-label', /^[\d,]+ rallies, zoom in$/);
    // The benchmark's marks: each set once (the basemap's when its borders are drawn, a task or two after the land).
    await expect
      .poll(() =>
        page.evaluate(() =>
          ['rally-map:list-ready', 'rally-map:clusters', 'rally-map:markers', 'rally-map:basemap'].map(
            (name) => performance.getEntriesByName(name).length,
          ),
        ),
      )
      .toEqual([1, 1, 1, 1]);
    expect(errors).toEqual([]);
  });

  test('clicking the biggest cluster zooms in until it splits', async ({ page }) => {
    const errors = recordPageErrors(page);
    await openWithRallies(page, 10_000);
    await expect(page.locator(clusters).first()).toBeVisible();
    const before = await mapZoom(page);
    const counts = await clusterCounts(page);
    const biggest = Math.max(...counts);
    await page.locator(clusters).nth(counts.indexOf(biggest)).click();
    await expect.poll(() => mapZoom(page)).toBeGreaterThan(before);
    // Clusters nest: once the biggest one has split, every cluster in view is smaller.
    await expect.poll(async () => Math.max(0, ...(await clusterCounts(page)))).toBeLessThan(biggest);
    expect(errors).toEqual([]);
  });

  test('Enter on a focused cluster zooms in', async ({ page }) => {
    await openWithRallies(page, 10_000);
    await expect(page.locator(clusters).first()).toBeVisible();
    const before = await mapZoom(page);
    await page.locator(clusters).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => mapZoom(page)).toBeGreaterThan(before);
  });

  test('the list filters to a rally, and choosing it opens its panel and its marker', async ({ page }) => {
    const errors = recordPageErrors(page);
    await openWithRallies(page, 10_000);
    await page.getByLabel('Find a city').fill('rome-07774');
    await expect(page.locator(listRows)).toHaveCount(1);
    await expect(page.getByText('1 of 10,000 rallies matches')).toBeVisible();
    await page.locator(`${listRows} a[data-city-id="rome-07774"]`).click();
    await expect(page).toHaveURL(/\/city\/rome-07774\/$/);
    await expect(page.locator('h2#city-heading')).toContainText('Rome test copy 07774');
    await expect(page.locator('.rally-marker[data-city-id="rome-07774"]')).toHaveClass(/is-selected/);
    // Closing the city returns focus to its row, though the list was rebuilt.
    await page.keyboard.press('Escape');
    await expect(page.locator(`${listRows} a[data-city-id="rome-07774"]`)).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('arrow keys move through the list past the rendered rows, and the open rally stays highlighted', async ({
    page,
  }) => {
    await openWithRallies(page, 10_000);
    await page.locator(`${listRows} a`).first().focus();
    for (let step = 0; step < 40; step += 1) await page.keyboard.press('ArrowDown');
    const focused = page.locator(`${listRows}:has(a:focus)`);
    await expect(focused).toHaveAttribute('aria-posinset', '41');
    expect(await page.locator(listRows).count()).toBeLessThanOrEqual(100);
    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('aria-posinset', '10000');
    await page.keyboard.press('Enter');
    await expect(page.locator('h2#city-heading')).toContainText('test copy 10000');
    await page.keyboard.press('Escape');
    await expect(page.locator(`${listRows}:has(a:focus)`)).toHaveAttribute('aria-posinset', '10000');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe-core finds no WCAG 2.1 A or AA violations in the clusters, search box and list (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await openWithRallies(page, 10_000);
      await expect(page.locator(clusters).first()).toBeVisible();
      await page.getByLabel('Find a city').fill('rome');
      await expect(page.getByText(/^1,250 of 10,000 rallies match$/)).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      expect(results.passes.map((rule) => rule.id)).toEqual(
        expect.arrayContaining(['color-contrast', 'label', 'aria-allowed-attr', 'link-name']),
      );
    });
  }

  test('a deep link to a rally inside a cluster opens it, zoomed in until it is its own marker', async ({ page }) => {
    const errors = recordPageErrors(page);
    // No page was built for this city: the static server answers with 404.html, and the app routes it.
    const shardsAsked = await openWithRallies(page, 10_000, '/city/munich-04004/');
    // The panel shows the whole record, from its shard alone: the 4,004th rally is in the fifth shard of 1,000.
    await expect(page.locator('h2#city-heading')).toContainText('Munich test copy 04004');
    expect(shardsAsked).toEqual(['4']);
    const marker = page.locator('.rally-marker[data-city-id="munich-04004"]');
    await expect(marker).toBeVisible();
    await expect(marker).toHaveClass(/is-selected/);
    await expect(marker).toHaveAttribute('aria-pressed', 'true');
    expect(await mapZoom(page)).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
  });
});

test.describe('a city whose record shard cannot be downloaded', () => {
  test('shows what its summary knows and says to check the connection; Try again brings the rest', async ({ page }) => {
    await serveRallyIndex(page, 10_000);
    // After serveRallyIndex's routes, so this one answers first: no connection for the shards.
    const offline = (route: Route) => route.abort('internetdisconnected');
    await page.route('**/data/records/*.geojson', offline);
    await page.goto('/city/munich-04004/');
    await expect(page.locator('h2#city-heading')).toContainText('Munich test copy 04004');
    await expect(page.getByRole('alert')).toContainText(
      'This rally’s quotes, photos and other details could not be downloaded. Check your connection.',
    );
    // Its venue and crowd are not known here: not shown, rather than "not reported". Nothing spins for ever.
    await expect(page.locator('.city-facts dt')).toHaveText(['Date', 'On the map']);
    await expect(page.locator('.spinner')).toHaveCount(0);
    // The rest of the data works: the map's markers, and the way back to every rally.
    await expect(page.locator('.rally-marker').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'All rallies' })).toBeVisible();

    await page.unroute('**/data/records/*.geojson', offline);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.city-facts dt')).toHaveText(['Date', 'Venue', 'Attendance', 'On the map']);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The button went with the notice: focus is on the city's heading, not lost.
    await expect(page.locator('h2#city-heading')).toBeFocused();
  });
});

test.describe('a rally file without its index, as the development server serves it', () => {
  test('10,000 rallies are read in the worker, and a deep link opens a city’s whole record and its marker', async ({
    page,
  }) => {
    const errors = recordPageErrors(page);
    await serveWithoutEmbeddedData(page);
    await serveRallyFile(page, syntheticRallyFile(10_000));
    const indexAsked: string[] = [];
    page.on('request', (request) => {
      if (/rally-index|\/records\//.test(request.url())) indexAsked.push(request.url());
    });
    await page.goto('/city/rome-07774/');
    await expect(page.locator('h2#city-heading')).toContainText('Rome test copy 07774');
    await expect(page.locator('.rally-marker[data-city-id="rome-07774"]')).toBeVisible();
    expect(indexAsked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('with 100,000 rallies', () => {
  test.setTimeout(90_000);

  test('the map and the list become usable: a cluster click zooms in and the list filters', async ({ page }) => {
    const errors = recordPageErrors(page);
    await openWithRallies(page, 100_000);
    await expect(page.getByRole('heading', { name: /^100,000 rallies on/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator(clusters).first()).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('.leaflet-marker-icon').count()).toBeLessThan(300);
    expect(await page.locator(listRows).count()).toBeLessThanOrEqual(100);

    const before = await mapZoom(page);
    await page.locator(clusters).first().click();
    await expect.poll(() => mapZoom(page)).toBeGreaterThan(before);

    await page.getByLabel('Find a city').fill('stockholm-099999');
    await expect(page.locator(listRows)).toHaveCount(1);
    await expect(page.locator(`${listRows} a[data-city-id="stockholm-099999"]`)).toBeVisible();
    expect(errors).toEqual([]);
  });
});
