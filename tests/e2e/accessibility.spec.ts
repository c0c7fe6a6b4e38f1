import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test.ts';
import { readRallyData, serveWithoutEmbeddedData } from './rally-data.ts';

/** The WCAG 2.1 A and AA rules of axe-core. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const pages = [
  { path: '/', what: 'the overview' },
  { path: '/city/london/', what: 'a city with quotes and photos' },
  { path: '/city/rome/', what: 'a city with nothing reported' },
  { path: '/city/atlantis/', what: 'the not-found page' },
  { path: '/embed/city/london/', what: 'an embed' },
] as const;

const viewports = [
  { name: 'phone', width: 390, height: 844, hasTouch: true },
  { name: 'desktop', width: 1280, height: 800, hasTouch: false },
] as const;

const colorSchemes = ['light', 'dark'] as const;
type ColorScheme = (typeof colorSchemes)[number];

/** Opens a page in a colour scheme and waits until the map has drawn its basemap and all 8 markers. */
async function openPage(page: Page, path: string, colorScheme: ColorScheme): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.goto(path);
  await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
  await expect(page.locator('.basemap-land').first()).toBeAttached();
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
}

/** Runs axe on the page as it is and fails with a readable list of every violation. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  test.info().annotations.push({
    type: 'axe',
    description: `${String(results.passes.length)} rules passed, ${String(results.incomplete.length)} need a person, ${String(results.violations.length)} violations`,
  });
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: JSON.stringify(node.target), why: node.failureSummary })),
  }));
  expect(violations).toEqual([]);
  // axe really ran: contrast, link names, the language and the title were each checked and passed.
  expect(results.passes.map((rule) => rule.id)).toEqual(
    expect.arrayContaining(['color-contrast', 'link-name', 'html-has-lang', 'document-title']),
  );
}

test.describe('axe-core finds no WCAG 2.1 A or AA violations', () => {
  for (const colorScheme of colorSchemes) {
    for (const viewport of viewports) {
      test.describe(`${colorScheme} scheme, ${viewport.name} ${String(viewport.width)}×${String(viewport.height)}`, () => {
        test.use({
          viewport: { width: viewport.width, height: viewport.height },
          hasTouch: viewport.hasTouch,
        });

        for (const target of pages) {
          test(`${target.path} (${target.what})`, async ({ page }) => {
            await openPage(page, target.path, colorScheme);
            await expectNoAxeViolations(page);
          });
        }
      });
    }

    test(`${colorScheme} scheme: the load error and the problems notice`, async ({ page }) => {
      await serveWithoutEmbeddedData(page);
      await page.route('**/data/rallies.geojson', (route) => route.fulfill({ status: 500, body: 'Server error' }));
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expect(page.getByRole('alert')).toContainText('The rallies could not be loaded');
      await expectNoAxeViolations(page);

      await page.unroute('**/data/rallies.geojson');
      const broken = readRallyData();
      const secondRally = broken.features[1];
      if (!secondRally) throw new Error('the rally file has fewer than two rallies');
      secondRally.properties.quotes = [{ text: '', speaker: 'Someone' }];
      await page.route('**/data/rallies.geojson', (route) =>
        route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(broken) }),
      );
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(7);
      await page.getByText('1 rally could not be shown').click();
      await expectNoAxeViolations(page);
    });

    test(`${colorScheme} scheme: a city page with the share menu open`, async ({ page }) => {
      await openPage(page, '/city/london/', colorScheme);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await expect(page.getByRole('group', { name: 'Share this page' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

/** The computed style of a marker's visible dot (its ::after) and of the marker itself. */
function markerStyle(page: Page, cityId: string) {
  return page.locator(`.rally-marker[data-city-id="${cityId}"]`).evaluate((marker) => {
    const dot = getComputedStyle(marker, '::after');
    return {
      transform: dot.transform,
      borderWidth: dot.borderTopWidth,
      background: dot.backgroundColor,
      borderColor: dot.borderTopColor,
      boxShadow: dot.boxShadow,
      focusVisible: marker.matches(':focus-visible'),
    };
  });
}

/** The value of a custom property on the root, as the browser resolves a colour (rgb(…)). */
function rootColour(page: Page, property: string) {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, property);
}

test.describe('what axe cannot check', () => {
  for (const colorScheme of colorSchemes) {
    test(`${colorScheme} scheme: colour is never the only signal on the map`, async ({ page }) => {
      await openPage(page, '/city/london/', colorScheme);
      const accent = await rootColour(page, '--accent');
      const london = await markerStyle(page, 'london'); // open, venue reported
      const york = await markerStyle(page, 'york'); // city only
      const rome = await markerStyle(page, 'rome'); // city only

      // Venue and city markers differ in shape: a filled dot against a ring with a hollow centre.
      expect(london.borderWidth).toBe('0px');
      expect(london.background).toBe(accent);
      expect(parseFloat(york.borderWidth)).toBeGreaterThanOrEqual(4);
      expect(york.borderColor).toBe(accent);
      expect(york.background).not.toBe(accent);

      // The open city is larger and has an extra outer ring, not only another colour.
      expect(london.transform).not.toBe('none');
      expect(rome.transform).toBe('none');
      expect(london.boxShadow.split('px,').length).toBeGreaterThan(rome.boxShadow.split('px,').length);
    });

    test(`${colorScheme} scheme: keyboard focus shows a ring on markers, zoom buttons and the share menu`, async ({
      page,
    }) => {
      await openPage(page, '/city/london/', colorScheme);
      const focus = await rootColour(page, '--focus');
      await page.keyboard.press('Tab');

      for (const cityId of ['rome', 'london']) {
        await page.locator(`.rally-marker[data-city-id="${cityId}"]`).focus();
        const marker = await markerStyle(page, cityId);
        expect(marker.focusVisible).toBe(true);
        expect(marker.boxShadow).toContain(focus);
      }

      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      await zoomIn.focus();
      const zoomRing = await zoomIn.evaluate((element) => {
        const style = getComputedStyle(element);
        return { style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor };
      });
      expect(zoomRing).toEqual({ style: 'solid', width: '3px', colour: focus });

      await page.getByRole('button', { name: 'Share', exact: true }).click();
      const copyLink = page.getByRole('button', { name: 'Copy link' });
      await copyLink.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await expect(copyLink).toBeFocused();
      expect(await copyLink.evaluate((element) => getComputedStyle(element).outlineColor)).toBe(focus);
    });
  }

  test('under prefers-reduced-motion nothing is animated: the sheet, the markers, the spinner, the map', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/city/london/');
    await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
    await page.getByRole('button', { name: 'Share', exact: true }).click();

    const moving = await page.evaluate(() => {
      // The spinner shows only while the data loads; add one to check its style.
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      document.body.append(spinner);
      const seconds = (value: string) =>
        Math.max(
          ...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))),
        );
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          const animated = style.animationName !== 'none' && seconds(style.animationDuration) > 0.001;
          if (animated || seconds(style.transitionDuration) > 0.001) {
            found.push(`${element.tagName.toLowerCase()}.${element.classList.value}${pseudo ?? ''}`);
          }
        }
      }
      const spinnerAnimation = getComputedStyle(spinner).animationName;
      spinner.remove();
      return { found, spinnerAnimation };
    });
    expect(moving).toEqual({ found: [], spinnerAnimation: 'none' });
  });

  test('without the preference the spinner spins and the sheet slides (so the check above means something)', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/');
    await expect(page.locator('.leaflet-marker-icon.rally-marker')).toHaveCount(8);
    const styles = await page.evaluate(() => {
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      document.body.append(spinner);
      const result = {
        spinner: getComputedStyle(spinner).animationName,
        sheet: getComputedStyle(document.querySelector('.app') ?? document.body).transitionDuration,
      };
      spinner.remove();
      return result;
    });
    expect(styles).toEqual({ spinner: 'spin', sheet: '0.25s' });
  });
});

test.describe('axe-core finds no WCAG 2.1 A or AA violations in any language', () => {
  const prefixes = ['/de/', '/es/', '/pt-br/', '/it/', '/sv/', '/ru/'];

  for (const prefix of prefixes) {
    for (const path of [prefix, `${prefix}city/london/`]) {
      test(`${path} with the app running`, async ({ page }) => {
        await openPage(page, path, 'light');
        await expectNoAxeViolations(page);
      });
    }
  }
});

/**
 * A page as a browser with scripting off reads it: its scripts removed and
 * its `<noscript>` content made part of the page. JavaScript stays on in the
 * browser, so axe's own timers run (with `javaScriptEnabled: false` a page's
 * timers never fire, and axe waits on them); the page's code never arrives.
 */
function asWithoutScripts(html: string): string {
  return html
    .replace(/<script\b(?![^>]*type="application\/json")[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<\/?noscript>/g, '');
}

test('axe-core finds no WCAG 2.1 A or AA violations without JavaScript, in every language', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), serviceWorkers: 'block' });
  const blockedScripts: string[] = [];
  await context.route('**/*.js', async (route) => {
    blockedScripts.push(route.request().url());
    await route.abort();
  });
  await context.route(
    (url) => url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: asWithoutScripts(await response.text()) });
    },
  );
  const page = await context.newPage();
  const paths = ['', 'de/', 'es/', 'pt-br/', 'it/', 'sv/', 'ru/'].flatMap((prefix) => [
    `/${prefix}`,
    `/${prefix}city/london/`,
  ]);
  for (const path of [...paths, '/embed/city/london/', '/ru/embed/city/london/']) {
    await test.step(path, async () => {
      await page.goto(path);
      // The page as it is without scripts: the map picture and its links, no control that needs a script.
      await expect(page.locator('.map-picture a.picture-marker')).toHaveCount(8);
      await expect(page.locator('.leaflet-container')).toHaveCount(0);
      await expect(page.locator('button:visible, select:visible')).toHaveCount(0);
      // The credit names only what is drawn: the basemap, not Leaflet, which is not running.
      await expect(page.locator('.map-credit')).toContainText('Natural Earth', { useInnerText: true });
      await expect(page.locator('.map-credit')).not.toContainText('Leaflet', { useInnerText: true });
      await expectNoAxeViolations(page);
    });
  }
  // No script of the page ran (the module script was removed before it could even be asked for).
  expect(blockedScripts).toEqual([]);
  expect(await page.evaluate(() => document.querySelector('.app[data-interactive]'))).toBeNull();
  await context.close();
});
