import { expect, test, type Page } from './test.ts';

test.use({ viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true });

const heights = async (page: Page) => {
  const map = await page.locator('.map-region').boundingBox();
  const sheet = await page.locator('#panel').boundingBox();
  return { map: map?.height ?? 0, sheet: sheet?.height ?? 0 };
};

test.describe('the bottom sheet on a 320 px phone', () => {
  test('opens at half height with at least 40% of the screen for the map', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    const { map } = await heights(page);
    expect(map / 568).toBeGreaterThanOrEqual(0.4);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  test('moves between peek, half and full with the handle and the arrow keys', async ({ page }) => {
    await page.goto('/');
    const handle = page.locator('.sheet-handle');
    const half = (await heights(page)).sheet;
    await handle.click();
    await expect.poll(async () => (await heights(page)).sheet).toBeGreaterThan(half + 150);
    await expect(handle).toHaveAccessibleName('Show more map');
    await handle.click();
    await expect.poll(async () => Math.round((await heights(page)).sheet)).toBe(Math.round(half));
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await heights(page)).sheet).toBeLessThan(170);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await heights(page)).sheet).toBeGreaterThan(half + 150);
  });

  test('dragging the handle snaps the sheet to the nearest height', async ({ page }) => {
    await page.goto('/');
    const handle = page.locator('.sheet-handle');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no handle');
    const startHeight = (await heights(page)).sheet;
    // Drag most of the way up: it should snap to full.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 180, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await heights(page)).sheet).toBeGreaterThan(startHeight + 150);
    const fullBox = await handle.boundingBox();
    if (!fullBox) throw new Error('no handle');
    // Drag to the bottom: it snaps to peek.
    await page.mouse.move(fullBox.x + fullBox.width / 2, fullBox.y + fullBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(fullBox.x + fullBox.width / 2, 540, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await heights(page)).sheet).toBeLessThan(170);
  });

  test('opening a city from the peeking sheet brings it back to half height', async ({ page }) => {
    await page.goto('/');
    await page.locator('.sheet-handle').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await heights(page)).sheet).toBeLessThan(170);
    await page.getByRole('button', { name: /^Rome, rally on/ }).click();
    await expect(page.locator('#city-heading')).toContainText('Rome');
    await expect.poll(async () => (await heights(page)).sheet).toBeGreaterThan(250);
  });

  test('dragging the map moves it', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    const marker = page.locator('.rally-marker[data-city-id="brasilia"]');
    const before = await marker.boundingBox();
    const map = await page.locator('.rally-map').boundingBox();
    if (!before || !map) throw new Error('no map');
    await page.mouse.move(map.x + map.width / 2, map.y + 60);
    await page.mouse.down();
    await page.mouse.move(map.x + map.width / 2 + 60, map.y + 100, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await marker.boundingBox())?.x ?? 0).toBeGreaterThan(before.x + 30);
  });
});

/** How far `selector`'s boxes reach past the right edge of the screen, in pixels (0 when they all fit). */
const overhang = (page: Page, selector: string) =>
  page.evaluate(
    (css) =>
      Math.max(
        0,
        ...[...document.querySelectorAll(css)].map(
          (element) => element.getBoundingClientRect().right - document.documentElement.clientWidth,
        ),
      ),
    selector,
  );

test.describe('the city toolbar on a 320 px phone, in the languages with the longest words', () => {
  // "Todas las manifestaciones" and "Compartir" side by side pushed the Share button off the screen.
  for (const prefix of ['/es/', '/pt-br/', '/it/']) {
    test(`${prefix}city/london/: the Share button stays on the screen`, async ({ page }) => {
      await page.goto(`${prefix}city/london/`);
      await expect(page.locator('.panel-toolbar .share-button')).toBeVisible();
      expect(await overhang(page, '.panel-toolbar > *')).toBeLessThanOrEqual(0);
    });
  }

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    // Nothing the reader can see reaches past the screen's edge, in any language (closed menus and text kept for
    // screen readers only are not seen).
    test('no page runs off a 320 px screen, in any of the seven languages', async ({ page }) => {
      for (const prefix of ['/', '/de/', '/es/', '/pt-br/', '/it/', '/sv/', '/ru/']) {
        for (const path of [prefix, `${prefix}city/london/`]) {
          await page.goto(path);
          const past = await page.evaluate(() =>
            [...document.querySelectorAll('.panel *')]
              .filter((element) => {
                const box = element.getBoundingClientRect();
                return box.width > 1 && element.checkVisibility() && box.right > document.documentElement.clientWidth;
              })
              .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
          );
          expect(past, path).toEqual([]);
        }
      }
    });

    // The header, language links included, used to be hidden on a phone's city page: no way to change language there.
    test('/pt-br/city/london/: the language links are in view and keep the city; the title stays for screen readers', async ({
      page,
    }) => {
      await page.goto('/pt-br/city/london/');
      const languages = page.locator('.language-switcher > summary');
      await expect(languages).toBeInViewport();
      await languages.click();
      await expect(page.locator('.language-list').getByRole('link', { name: 'Русский' })).toHaveAttribute(
        'href',
        '/ru/city/london/',
      );
      expect(await overhang(page, '.language-switcher, .language-switcher *')).toBeLessThanOrEqual(0);
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).not.toBeEmpty();
      expect((await title.boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
    });

    test('/es/city/london/: the share options open on the screen, over the text, not in the toolbar’s row', async ({
      page,
    }) => {
      await page.goto('/es/city/london/');
      const summary = page.locator('.panel-toolbar .share-static > summary');
      await summary.click();
      const options = page.locator('.share-static-body');
      await expect(options.getByRole('link', { name: 'WhatsApp' })).toBeVisible();
      expect(await overhang(page, '.panel-toolbar > *, .share-static-body, .share-static-body *')).toBeLessThanOrEqual(
        0,
      );
      // Below the Share button, and as wide as the screen allows, not squeezed beside the back link.
      const [button, body] = [await summary.boundingBox(), await options.boundingBox()];
      expect(body?.y ?? 0).toBeGreaterThan((button?.y ?? 0) + (button?.height ?? 0));
      expect(body?.width ?? 0).toBeGreaterThan(250);
      // A real button: the touch target of the other buttons.
      expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
    });
  });
});
