import { expect, test, type Page } from './test.ts';

const shareButton = (page: Page) => page.getByRole('button', { name: 'Share', exact: true });

test.describe('the share menu', () => {
  test('Copy link puts the exact city URL on the clipboard and confirms it', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/city/mexico-city/');
    await shareButton(page).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL ?? ''}/city/mexico-city/`);
  });

  test('where the Clipboard API is refused, the link is shown selected to copy by hand', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
      });
    });
    await page.goto('/city/york/');
    await shareButton(page).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const fallback = page.getByLabel(/Copying was blocked/);
    await expect(fallback).toHaveValue(`${baseURL ?? ''}/city/york/`);
    await expect(fallback).toBeFocused();
    expect(
      await fallback.evaluate((input: HTMLInputElement) => (input.selectionEnd ?? 0) - (input.selectionStart ?? 0)),
    ).toBe(`${baseURL ?? ''}/city/york/`.length);
  });

  test('offers plain links with the city, the date and the campaign title', async ({ page, baseURL }) => {
    await page.goto('/city/london/');
    await shareButton(page).click();
    const whatsapp = page.locator('a[data-share="whatsapp"]');
    const href = (await whatsapp.getAttribute('href')) ?? '';
    expect(new URL(href).searchParams.get('text')).toBe(
      `London, 7 April 2018 · Rallies against the anti-gay purge in Chechnya ${baseURL ?? ''}/city/london/`,
    );
    for (const id of ['whatsapp', 'telegram', 'bluesky', 'x', 'facebook', 'email']) {
      const link = page.locator(`a[data-share="${id}"]`);
      await expect(link).toBeVisible();
      if (id !== 'email') await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  test('the overview has a Share button too, sharing the overview address', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await shareButton(page).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL ?? ''}/`);
  });

  test('is keyboard-operable: Esc closes it and focus returns to the button', async ({ page }) => {
    await page.goto('/city/berlin/');
    await shareButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(shareButton(page)).toHaveAttribute('aria-expanded', 'true');
    // The menu's contents load on demand; they are next in the tab order once shown.
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
    // Tab moves on through the menu and out of it: no trap.
    let insideMenu = true;
    for (let presses = 0; presses < 40 && insideMenu; presses += 1) {
      await page.keyboard.press('Tab');
      insideMenu = await page.evaluate(() => Boolean(document.activeElement?.closest('.share-panel')));
    }
    expect(insideMenu).toBe(false);
    await page.getByRole('button', { name: 'Copy link' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('.share-panel')).toHaveCount(0);
    await expect(shareButton(page)).toBeFocused();
    await expect(shareButton(page)).toHaveAttribute('aria-expanded', 'false');
  });

  test('Mastodon asks for the reader’s server and refuses anything but a host name', async ({ page }) => {
    // Record what the menu opens instead of leaving the machine.
    await page.addInitScript(() => {
      const opened: string[][] = [];
      (window as unknown as { opened: string[][] }).opened = opened;
      window.open = (...args: (string | URL | undefined)[]) => {
        opened.push(args.map((arg) => String(arg)));
        return null;
      };
    });
    await page.goto('/city/rome/');
    await shareButton(page).click();
    const server = page.getByLabel('Mastodon: your server');
    await server.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect(page.getByText('Enter a server name such as mastodon.social')).toBeVisible();
    await expect(server).toHaveAttribute('aria-invalid', 'true');

    await server.fill('@someone@mastodon.social');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[][] }).opened)).toHaveLength(1);
    const [opened] = await page.evaluate(() => (window as unknown as { opened: string[][] }).opened);
    const [href, target, features] = opened ?? [];
    const url = new URL(href ?? '');
    expect(url.origin + url.pathname).toBe('https://mastodon.social/share');
    expect(url.searchParams.get('text')).toMatch(/^Rome, 7 April 2018 · .* http:\/\/127\.0\.0\.1:4173\/city\/rome\/$/);
    expect(target).toBe('_blank');
    expect(features).toContain('noopener');
  });
});
