import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';
export type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * Playwright's `test`, with one difference: `page.goto` and `page.reload` on
 * this site also wait until the app has taken over the page. A generated page
 * shows its text first and starts the app after that first paint
 * (src/boot.ts); until then its links are plain links, which is right for
 * readers but not for tests that press a key the moment a page has loaded.
 * Pages on other origins, and pages with JavaScript off, are not waited for;
 * a page where the app never starts is left to the test's own assertions.
 */
export const test = base.extend({
  page: async ({ page, baseURL, javaScriptEnabled }, use) => {
    const waitForApp = async () => {
      if (!javaScriptEnabled || !baseURL || new URL(page.url()).origin !== new URL(baseURL).origin) return;
      // src/app.tsx marks its layout once it has taken over the page.
      await page
        .locator('.app[data-interactive]')
        .waitFor({ state: 'attached', timeout: 10_000 })
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
