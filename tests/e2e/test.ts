import { test as base, type Frame, type Page } from '@playwright/test';

export { expect } from '@playwright/test';
export type { BrowserContext, Frame, Page, Route } from '@playwright/test';

/**
 * Playwright's `test`, with two differences: `page.goto` and `page.reload` on
 * this site also wait until the app has taken over the page, and then reach
 * for the map, as a reader's pointer coming over it does.
 * - A generated page shows its text first and starts the app after that first
 *   paint (src/boot.ts); until then its links are plain links, which is right
 *   for readers but not for tests that press a key the moment a page has loaded.
 * - Its map is the build's picture until the reader reaches for it; only then
 *   does the interactive map (Leaflet) load (src/map/map-loader.ts). Most tests
 *   are about the interactive map, so they start with it on its way; a test of
 *   the page before that sets `test.use({ reachForMap: false })`.
 * Pages on other origins, and pages with JavaScript off, are not waited for;
 * a page where the app never starts is left to the test's own assertions.
 */
export const test = base.extend<{ reachForMap: boolean }>({
  reachForMap: [true, { option: true }],
  page: async ({ page, baseURL, javaScriptEnabled, reachForMap }, use) => {
    const waitForApp = async () => {
      if (!javaScriptEnabled || !baseURL || new URL(page.url()).origin !== new URL(baseURL).origin) return;
      // src/app.tsx marks its layout once it has taken over the page.
      await page
        .locator('.app[data-interactive]')
        .waitFor({ state: 'attached', timeout: 10_000 })
        .then(() => (reachForMap ? reachForTheMap(page) : undefined))
        .catch(() => undefined);
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    Object.assign(page, {
      goto: async (...args: Parameters<Page['goto']>) => {
        const response = await goto(...args);
        await waitForApp();
        return response;
      },
      reload: async (...args: Parameters<Page['reload']>) => {
        const response = await reload(...args);
        await waitForApp();
        return response;
      },
    });
    await use(page);
  },
});

/**
 * Does what a pointer coming over the map does (src/map/map-loader.ts's
 * `reachForMapEvents`), once the app has taken over the page or frame: the
 * interactive map starts loading. Nothing happens on a page without the
 * build's picture, whose map loads at once anyway.
 */
export async function reachForTheMap(page: Page | Frame): Promise<void> {
  await page.locator('.app[data-interactive]').waitFor({ state: 'attached', timeout: 10_000 });
  await page.evaluate(() => {
    document.querySelector('.map-picture')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  });
}
