import { readFileSync } from 'node:fs';
import { expect, test } from './test.ts';

/** A language's catalogue, read as the app ships it; a missing key fails the test at once. */
const catalogue = (language: string) => {
  const messages = JSON.parse(readFileSync(`src/i18n/messages/${language}.json`, 'utf8')) as Record<string, string>;
  return (key: string): string => {
    const text = messages[key];
    if (text === undefined) throw new Error(`${language} has no ${key}`);
    return text;
  };
};
const german = catalogue('de');

test.describe('seven languages', () => {
  for (const language of ['en', 'de', 'es', 'pt-BR', 'it', 'sv', 'ru']) {
    test(`?lang=${language} switches the interface and <html lang>`, async ({ page }) => {
      const messages = catalogue(language);
      await page.goto(`/?lang=${language}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { name: messages('overview.whatHappened') })).toBeVisible();
      await expect(page.getByRole('button', { name: messages('share.button'), exact: true })).toBeVisible();
      await expect(page.locator('.language-switcher select')).toHaveValue(language);
    });
  }

  test('a German city page: dates, countries and labels in German, quotes verbatim in English', async ({ page }) => {
    await page.goto('/city/london/?lang=de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const panel = page.locator('#panel');
    await expect(panel).toContainText('Vereinigtes Königreich');
    await expect(panel).toContainText('7. April 2018');
    await expect(panel.locator('dt').first()).toHaveText(german('city.date'));
    await expect(panel.locator('blockquote').first()).toHaveText('International solidarity is so important.');
    await expect(panel.locator('blockquote').first()).toHaveAttribute('lang', 'en');
    await expect(panel.locator('.quote-language').first()).toHaveText('Zitat auf Englisch');
    await expect(page.getByRole('button', { name: 'London, Kundgebung am 7. April 2018' })).toBeVisible();
    await page.goto('/city/rome/?lang=de');
    await expect(panel).toContainText(german('city.venueNotReported'));
    await expect(panel).toContainText('Italien');
  });

  test('the browser’s languages choose the interface when there is no ?lang=', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { name: catalogue('sv')('overview.whatHappened') })).toBeVisible();
    expect(page.url()).not.toContain('lang=');
    await context.close();
  });

  test('the switcher changes the language, keeps it in the address only, and across navigation', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await page.locator('.language-switcher select').selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page).toHaveURL(/\?lang=ru$/);
    await page.locator('.city-button[data-city-id="berlin"]').click();
    await expect(page).toHaveURL(/\/city\/berlin\/\?lang=ru$/);
    await expect(page.locator('#panel')).toContainText('Германия');
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.locator('.language-switcher select').selectOption('en');
    await expect(page).toHaveURL(/\/city\/berlin\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the embed follows ?lang= too', async ({ page }) => {
    await page.goto('/embed/city/york/?lang=it');
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByRole('link', { name: catalogue('it')('app.viewFullMap') })).toBeVisible();
  });

  test('generated pages stay English, with hreflang alternates for every language', async ({ page, baseURL }) => {
    await page.goto('/city/rome/');
    const alternates = page.locator('link[rel="alternate"][hreflang]');
    await expect(alternates).toHaveCount(8);
    await expect(page.locator('link[hreflang="ru"]')).toHaveAttribute('href', `${baseURL ?? ''}/city/rome/?lang=ru`);
    await expect(page.locator('link[hreflang="x-default"]')).toHaveAttribute('href', `${baseURL ?? ''}/city/rome/`);
  });
});
