import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test.ts';

const cities = ['london', 'brasilia', 'mexico-city', 'munich', 'berlin', 'rome', 'stockholm', 'york'];

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

type Positions = Record<string, { x: number; y: number }>;

/** Where the picture draws each city's marker: the centre of its dot, in page pixels. */
async function picturePositions(page: Page): Promise<Positions> {
  return page.evaluate(() => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const marker of document.querySelectorAll<SVGAElement>('.map-picture .picture-marker')) {
      const dot = marker.querySelector('.picture-marker-dot')?.getBoundingClientRect();
      if (dot) positions[marker.dataset.cityId ?? ''] = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
    }
    return positions;
  });
}

/** Where the interactive map draws each city's marker, in page pixels. */
async function mapPositions(page: Page): Promise<Positions> {
  return page.evaluate(() => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const marker of document.querySelectorAll<HTMLElement>('.leaflet-marker-icon.rally-marker')) {
      const box = marker.getBoundingClientRect();
      positions[marker.dataset.cityId ?? ''] = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return positions;
  });
}

function expectSamePositions(before: Positions, after: Positions): void {
  expect(Object.keys(after).sort()).toEqual([...cities].sort());
  for (const city of cities) {
    const [a, b] = [before[city], after[city]];
    expect(a, city).toBeDefined();
    expect(b, city).toBeDefined();
    expect(Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0)), city).toBeLessThanOrEqual(3);
  }
}

/** Opens a page with the interactive map drawn: its markers and its own basemap. */
async function openInteractive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
  await expect(page.locator('.leaflet-container .basemap-land').first()).toBeAttached();
}

/** Runs axe on the page as it is (pages without JavaScript: tests/e2e/accessibility.spec.ts, every language). */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => ({ rule: violation.id, nodes: violation.nodes.length }))).toEqual([]);
  expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['link-name', 'color-contrast']));
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, selected } of [
    { path: '/', selected: null },
    { path: '/city/london/', selected: 'London' },
  ]) {
    test(`${path} shows the map picture with 8 markers linking to their cities, and no dead controls`, async ({
      page,
    }) => {
      await page.goto(path);
      const picture = page.locator('.map-picture svg');
      await expect(picture).toBeVisible();
      const box = await picture.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      // The land is drawn, not only the sea.
      await expect(page.locator('.map-picture .picture-land')).toHaveAttribute('d', /^M\d/);
      const markers = page.locator('.map-picture a.picture-marker');
      await expect(markers).toHaveCount(8);
      for (const [name, city] of [
        ['London', 'london'],
        ['Mexico City', 'mexico-city'],
        ['York', 'york'],
      ] as const) {
        const link = page.getByRole('link', { name, exact: true }).and(markers);
        await expect(link).toHaveAttribute('href', `/city/${city}/`);
      }
      if (selected) {
        await expect(markers.and(page.locator('[aria-current="page"]'))).toHaveAccessibleName(selected);
      } else {
        await expect(page.locator('.map-picture [aria-current]')).toHaveCount(0);
      }
      // No button or menu that needs a script is shown.
      await expect(page.locator('button:visible, select:visible')).toHaveCount(0);
      // The share options are plain links and text.
      await page.locator('summary', { hasText: 'Share' }).click();
      await expect(page.locator('.share-static a[href^="http"]').first()).toBeVisible();
      await expect(page.locator('.share-static textarea[readonly]')).toContainText('embed.js');
    });
  }

  test('a marker in the picture opens its city page', async ({ page }) => {
    await page.goto('/');
    await page.locator('.map-picture a.picture-marker[data-city-id="rome"]').click();
    await expect(page).toHaveURL(/\/city\/rome\/$/);
    await expect(page.getByRole('heading', { level: 2, name: /Rome/ })).toBeVisible();
  });

  test('printing a city page gives the map picture, the quotes and the page address, without buttons', async ({
    page,
  }) => {
    await page.goto('/city/london/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.map-picture svg')).toBeVisible();
    await expect(page.locator('blockquote').first()).toBeVisible();
    await expect(page.locator('.print-address')).toHaveText(/^https?:\/\/.+\/city\/london\/$/);
    await expect(page.locator('button:visible, select:visible, summary:visible, textarea:visible')).toHaveCount(0);
    // A photo not included is its caption and credit alone on paper, its translation on a line of its own.
    const photo = page.locator('.photo--missing').first();
    await expect(photo.locator('.photo-placeholder')).toBeHidden();
    await expect(photo.locator('figcaption')).toBeVisible();
    // A quote stays whole on paper; a speaker's group of quotes may break between them (kept whole, a long group
    // left most of the first page empty).
    const breakInside = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).breakInside);
    expect(await breakInside('.quote-item')).toBe('avoid');
    expect(await breakInside('.quote-group')).toBe('auto');
    // The address is under the title, so on the first sheet; and the page ends with its last line, so no padding
    // spills onto a blank last sheet (it did: 32 px under the source line made a third, empty A4 sheet in Russian).
    const edges = await page.evaluate(() => ({
      address: document.querySelector('.print-address')?.getBoundingClientRect().bottom ?? Number.NaN,
      heading: document.querySelector('.city h2')?.getBoundingClientRect().top ?? Number.NaN,
      lastLine: (document.querySelector('.source-line')?.getBoundingClientRect().bottom ?? Number.NaN) + scrollY,
      end: document.documentElement.scrollHeight,
    }));
    expect(edges.address).toBeLessThan(edges.heading);
    expect(edges.end - edges.lastLine).toBeLessThanOrEqual(1);
    // The overview's list keeps its filled dots (a venue reported) on paper, which drops backgrounds by default,
    // and not the arrows that say "open" on a screen.
    await page.goto('/');
    await expect(page.locator('.city-button-arrow').first()).toBeHidden();
    expect(
      await page
        .locator('.city-dot:not(.city-dot--city)')
        .first()
        .evaluate((dot) => getComputedStyle(dot).printColorAdjust),
    ).toBe('exact');
  });

  test('in Russian, a caption’s translation starts a line of its own, below the credit', async ({ page }) => {
    await page.goto('/ru/city/london/');
    const caption = page.locator('.photo figcaption').first();
    const credit = await caption.locator('.photo-credit').boundingBox();
    const translation = await caption.locator('.caption-translation').boundingBox();
    expect(translation?.y ?? 0).toBeGreaterThanOrEqual((credit?.y ?? 0) + (credit?.height ?? 0) - 1);
  });
});

test.describe('when the interactive map takes over', () => {
  for (const viewport of viewports) {
    test.describe(`${viewport.name} ${String(viewport.width)} px`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height } });

      for (const path of ['/', '/city/london/']) {
        test(`${path}: every marker stays where the picture drew it`, async ({ page }) => {
          await openInteractive(page, path);
          // The picture is still in the page, hidden, laid out in the same box.
          expectSamePositions(await picturePositions(page), await mapPositions(page));
          await expect(page.locator('.map-picture')).toBeHidden();
          // Leaflet draws the map now, and is credited (not in the picture without JavaScript).
          await expect(page.locator('.map-credit')).toContainText('Natural Earth · Leaflet', { useInnerText: true });
        });
      }
    });
  }

  test('at 1280 px, the markers are where the page without JavaScript drew them', async ({ page, browser }) => {
    const staticContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
    });
    const staticPage = await staticContext.newPage();
    await staticPage.goto('/');
    const before = await picturePositions(staticPage);
    await staticContext.close();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openInteractive(page, '/');
    expectSamePositions(before, await mapPositions(page));
  });

  test('the app takes the picture over as it is: no element of it is redrawn, and no hydration error', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // Before any of the page's scripts: keep the picture's elements as the parser made them.
    await page.addInitScript(() => {
      const parsed: Element[] = [];
      (window as unknown as { parsedPicture: Element[] }).parsedPicture = parsed;
      const observer = new MutationObserver(() => {
        const svg = document.querySelector('.map-picture svg');
        if (svg && document.readyState !== 'loading') return;
        if (svg) parsed.splice(0, parsed.length, svg, ...svg.querySelectorAll('*'));
      });
      observer.observe(document, { childList: true, subtree: true });
      document.addEventListener('readystatechange', () => observer.disconnect(), { once: true });
    });
    await openInteractive(page, '/city/london/');
    const kept = await page.evaluate(() => {
      const parsed = (window as unknown as { parsedPicture: Element[] }).parsedPicture;
      const svg = document.querySelector('.map-picture svg');
      const now = svg ? [svg, ...svg.querySelectorAll('*')] : [];
      return {
        parsed: parsed.length,
        same: parsed.length === now.length && parsed.every((node, i) => node === now[i]),
      };
    });
    expect(kept.parsed).toBeGreaterThan(8 * 5);
    expect(kept.same).toBe(true);
    expect(errors).toEqual([]);
  });

  test('the basemap is not downloaded again: the map draws the picture’s shapes', async ({ page }) => {
    const basemapRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('basemap')) basemapRequests.push(request.url());
    });
    await openInteractive(page, '/city/london/');
    expect(basemapRequests).toEqual([]);
  });

  test('axe finds no WCAG 2.1 A or AA violations with the picture under the map', async ({ page }) => {
    await openInteractive(page, '/');
    await expectNoAxeViolations(page);
  });
});

test.describe('before the reader reaches for the map', () => {
  test.use({ reachForMap: false });
  const mapCode = /\/assets\/(rally-map|leaflet)[^/]*\.(js|css)$/;

  test('the picture is the map and Leaflet is not downloaded; a pointer coming over the map brings it', async ({
    page,
  }) => {
    const mapRequests: string[] = [];
    page.on('request', (request) => {
      if (mapCode.test(new URL(request.url()).pathname)) mapRequests.push(request.url());
    });
    await page.goto('/');
    // The app has taken over (the fixture waited for it), and nothing more is loading: still no map code.
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.map-picture a.picture-marker')).toHaveCount(8);
    expect(mapRequests).toEqual([]);
    await expect(page.locator('.leaflet-container')).toHaveCount(0);
    await page.mouse.move(300, 300);
    await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
    expect(mapRequests.length).toBeGreaterThan(0);
  });

  test('a picture marker focused by keyboard hands its focus to the same city’s marker on the map', async ({
    page,
  }) => {
    await page.goto('/');
    await page.locator('.map-picture a.picture-marker[data-city-id="berlin"]').focus();
    await expect(page.locator('.leaflet-marker-icon.rally-marker[data-city-id="berlin"]')).toBeFocused();
    await expect(page.locator('.map-picture')).toHaveAttribute('inert', '');
  });

  test('opening another city in place brings the interactive map, which moves to it', async ({ page }) => {
    await page.goto('/');
    await page.locator('#panel').getByRole('link', { name: /Rome/ }).first().click();
    await expect(page).toHaveURL(/\/city\/rome\/$/);
    await expect(page.locator('.leaflet-marker-icon.rally-marker[data-city-id="rome"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
