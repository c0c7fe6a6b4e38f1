import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect, test } from './test.ts';

/** The seven languages, with the address segment each one's pages live under and their `og:locale`. */
const languages = [
  { language: 'en', prefix: '/', locale: 'en_GB' },
  { language: 'de', prefix: '/de/', locale: 'de_DE' },
  { language: 'es', prefix: '/es/', locale: 'es_ES' },
  { language: 'pt-BR', prefix: '/pt-br/', locale: 'pt_BR' },
  { language: 'it', prefix: '/it/', locale: 'it_IT' },
  { language: 'sv', prefix: '/sv/', locale: 'sv_SE' },
  { language: 'ru', prefix: '/ru/', locale: 'ru_RU' },
] as const;

/** A language's catalogue, read as the app ships it; a missing key fails the test at once. */
function catalogue(language: string): (key: string) => string {
  const messages = JSON.parse(readFileSync(`src/i18n/messages/${language}.json`, 'utf8')) as Record<string, string>;
  return (key) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`${language} has no ${key}`);
    return text;
  };
}

interface Translation {
  cityNames: { names: Record<string, string> };
  texts: Record<string, { en: string; text: string }>;
}

/** A language's translation file, or `null` for English; a missing entry fails the test at once. */
function translation(language: string) {
  if (language === 'en') return null;
  const file = JSON.parse(readFileSync(`data/translations/${language}.json`, 'utf8')) as Translation;
  return {
    city: (id: string) => file.cityNames.names[id] ?? `${language} has no name for ${id}`,
    text: (id: string) => file.texts[id]?.text ?? `${language} has no ${id}`,
  };
}

test.describe('a page for every language, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const { language, prefix, locale } of languages) {
    const messages = catalogue(language);
    const translated = translation(language);

    test(`${prefix}: the overview is in ${language} from the first byte`, async ({ page }) => {
      await page.goto(prefix);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { name: messages('overview.whatHappened') })).toBeVisible();
      const panel = page.locator('#panel');
      const berlin = panel.locator('a.city-button[data-city-id="berlin"]');
      await expect(berlin).toHaveAttribute('href', `${prefix}city/berlin/`);
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', locale);
      if (translated) {
        await expect(page.locator('h1')).toHaveText(translated.text('campaign.title'));
        await expect(panel.locator('.translation-note').first()).toBeVisible();
        await expect(panel.locator('a.city-button[data-city-id="munich"] .city-button-name')).toContainText(
          translated.city('munich'),
        );
        await expect(panel.locator('.overview-summary')).toHaveText(translated.text('campaign.summary'));
      } else {
        await expect(panel.locator('.translation-note')).toHaveCount(0);
      }
    });

    test(`${prefix}city/london/: quotes verbatim, with a labelled translation in ${language}`, async ({ page }) => {
      await page.goto(`${prefix}city/london/`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const panel = page.locator('#panel');
      await expect(panel.locator('dt').first()).toHaveText(messages('city.date'));
      const firstQuote = panel.locator('.quote-item').first();
      await expect(firstQuote.locator('blockquote')).toHaveText('International solidarity is so important.');
      await expect(firstQuote.locator('blockquote')).toHaveAttribute('lang', 'en');
      if (translated) {
        await expect(panel.locator('#city-heading')).toContainText(translated.city('london'));
        await expect(firstQuote.locator('.quote-translation')).toHaveText(
          `${messages('content.translation')} ${translated.text('london.quotes.0')}`,
        );
        // The translation is outside the quotation: never presented as the speaker's words.
        await expect(panel.locator('blockquote .quote-translation')).toHaveCount(0);
        await expect(panel.locator('.quote-translation')).toHaveCount(7);
        await expect(panel.locator('.caption-translation')).toHaveCount(4);
        await expect(panel.locator('.city-facts')).toContainText(translated.text('london.venue'));
        // Roles: ours marked as a translation with the source's English beside it; an organisation's name as it is.
        const roles = panel.locator('.quote-group figcaption .quote-role');
        await expect(roles.first()).toHaveText(
          `${translated.text('london.quotes.0.role')} (${messages('content.translatedFrom')}: Human rights campaigner)`,
        );
        await expect(roles.first().locator('[lang="en"]')).toHaveText('Human rights campaigner');
        await expect(roles.nth(1)).toHaveText('Amnesty International');
        await expect(roles.nth(1)).toHaveAttribute('lang', 'en');
      } else {
        await expect(panel.locator('#city-heading')).toHaveText('London');
        await expect(panel.locator('.quote-role').first()).toHaveText('Human rights campaigner');
        await expect(panel.locator('.quote-translation, .caption-translation, .translation-note')).toHaveCount(0);
      }
      await page.goto(`${prefix}city/rome/`);
      await expect(panel).toContainText(messages('city.venueNotReported'));
      if (translated) await expect(panel.locator('#city-heading')).toContainText(translated.city('rome'));
    });
  }

  test('the language links are plain links to the same city in every language', async ({ page }) => {
    await page.goto('/ru/city/london/');
    const links = page.locator('.language-switcher a');
    await expect(links).toHaveCount(7);
    expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual(
      languages.map(({ prefix }) => `${prefix}city/london/`),
    );
    await expect(page.locator('.language-switcher a[aria-current="true"]')).toHaveText('Русский');
    await page.locator('.language-switcher summary').click();
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await expect(page).toHaveURL(/\/de\/city\/london\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('#city-heading')).toContainText('London');
    await expect(page.locator('.city-facts')).toContainText('Vor der russischen Botschaft');
  });

  test('every page links to itself in all seven languages, and the embeds are translated too', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/city/rome/');
    await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(8);
    await expect(page.locator('link[hreflang="ru"]')).toHaveAttribute('href', `${baseURL ?? ''}/ru/city/rome/`);
    await expect(page.locator('link[hreflang="pt-BR"]')).toHaveAttribute('href', `${baseURL ?? ''}/pt-br/city/rome/`);
    await expect(page.locator('link[hreflang="x-default"]')).toHaveAttribute('href', `${baseURL ?? ''}/city/rome/`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL ?? ''}/city/rome/`);

    await page.goto('/it/embed/city/york/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByRole('link', { name: catalogue('it')('app.viewFullMap') })).toHaveAttribute(
      'href',
      '/it/city/york/',
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL ?? ''}/it/city/york/`);
  });

  test('the share card of a Russian page is a 1200×630 PNG of its own, with Cyrillic text drawn', async ({
    page,
    request,
  }) => {
    await page.goto('/ru/city/london/');
    const imageUrl = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(imageUrl).toMatch(/\/share\/ru\/london\.png$/);
    const russian = await request.get(new URL(imageUrl ?? '').pathname);
    const english = await request.get('/share/london.png');
    expect(russian.headers()['content-type']).toBe('image/png');
    const russianPng = PNG.sync.read(await russian.body());
    const englishPng = PNG.sync.read(await english.body());
    expect([russianPng.width, russianPng.height]).toEqual([1200, 630]);
    // The title panel differs where "Лондон" stands instead of "London" (about x 64–520, y 130–230).
    let differing = 0;
    for (let y = 130; y < 230; y++) {
      for (let x = 64; x < 520; x++) {
        const offset = (y * 1200 + x) * 4;
        if (Math.abs((russianPng.data[offset] ?? 0) - (englishPng.data[offset] ?? 0)) > 64) differing++;
      }
    }
    expect(differing).toBeGreaterThan(2000);
  });
});

test.describe('languages with the app running', () => {
  test('a language link switches in place: no reload, the city stays, one history entry', async ({ page }) => {
    await page.goto('/city/berlin/');
    await page.evaluate(() => {
      (window as unknown as { samePage: boolean }).samePage = true;
    });
    const entries = await page.evaluate(() => history.length);
    await page.locator('.language-switcher summary').click();
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/ru\/city\/berlin\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('#city-heading')).toHaveText('БерлинBerlin');
    await expect(page.locator('#panel')).toContainText('Германия');
    await expect(page).toHaveTitle(/^Берлин, 7 апреля 2018 г\. · /);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);

    // The open city's links now lead to Russian pages.
    await page.getByRole('link', { name: /Все акции|All rallies/ }).click();
    await page.locator('.city-button[data-city-id="rome"]').click();
    await expect(page).toHaveURL(/\/ru\/city\/rome\/$/);
    await expect(page.locator('#city-heading')).toHaveText('РимRoma');

    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(/\/ru\/city\/berlin\/$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/city\/berlin\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#city-heading')).toHaveText('Berlin');
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  });

  test('an old ?lang=ru link lands on the Russian page, replacing the address', async ({ page }) => {
    await page.goto('/');
    const entries = await page.evaluate(() => history.length);
    await page.goto('/city/london/?lang=ru');
    await expect(page).toHaveURL(/\/ru\/city\/london\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('#city-heading')).toContainText('Лондон');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);

    await page.goto('/embed/city/york/?lang=it&childId=x1');
    await expect(page).toHaveURL(/\/it\/embed\/city\/york\/\?childId=x1$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  });

  test('the reader’s browser language does not override the page’s own', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('.app[data-interactive]')).toBeAttached();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveURL(/\/$/);
    await context.close();
  });
});

test.describe('taking over a page in its language', () => {
  test.use({ reachForMap: false });

  test('builds no Intl formatter: numbers, lists, plurals, dates and names come from the page and tables', async ({
    page,
  }) => {
    // Each formatter Chromium builds first costs tens of milliseconds on a slow phone (docs/architecture.md).
    await page.addInitScript(() => {
      const built: string[] = [];
      (window as unknown as { intlBuilt: string[] }).intlBuilt = built;
      for (const name of ['NumberFormat', 'ListFormat', 'PluralRules', 'DisplayNames', 'DateTimeFormat'] as const) {
        const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
        const Counted = new Proxy(Original, {
          construct(target, args: unknown[]) {
            built.push(name);
            return new target(...args);
          },
        });
        Object.defineProperty(Intl, name, { value: Counted, configurable: true, writable: true });
      }
    });
    for (const path of ['/', '/ru/city/london/', '/es/city/berlin/']) {
      await page.goto(path);
      await expect(page.locator('.app[data-interactive]')).toBeAttached();
      await expect(page.locator('.city-list a, .city-country').first()).toBeVisible();
      // The panel renders in slices: wait until the page has nothing left to do.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
      expect(await page.evaluate(() => (window as unknown as { intlBuilt: string[] }).intlBuilt), path).toEqual([]);
    }
  });
});
