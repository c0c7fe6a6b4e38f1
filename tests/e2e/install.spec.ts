import { expect, test } from './test.ts';

// Installability needs the service worker, which the rest of the suite blocks.
test.use({ serviceWorkers: 'allow' });

test('Chromium finds the web app manifest with its icons, and can install the site', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.rally-marker')).toHaveCount(8);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const session = await page.context().newCDPSession(page);
  const manifest = await session.send('Page.getAppManifest');
  expect(manifest.url).toBe('http://127.0.0.1:4173/manifest.webmanifest');
  expect(manifest.errors).toEqual([]);
  const icon = await page.request.get('/icons/icon-512.png');
  expect(icon.headers()['content-type']).toBe('image/png');
  // A Playwright context is like an incognito window, where Chromium never installs; every other reason counts.
  await expect
    .poll(async () =>
      (await session.send('Page.getInstallabilityErrors')).installabilityErrors
        .map((error) => error.errorId)
        .filter((id) => id !== 'in-incognito'),
    )
    .toEqual([]);
});
