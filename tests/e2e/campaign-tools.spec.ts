import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { csvParse } from 'd3-dsv';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { rallyCsvColumns } from '../../src/lib/rally-csv.ts';
import russianCatalogue from '../../src/i18n/messages/ru.json' with { type: 'json' };
import russianTranslation from '../../data/translations/ru.json' with { type: 'json' };
import { readRallyData } from './rally-data.ts';
import { expect, test, type Page } from './test.ts';

const data = readRallyData();
const london = data.features.find((feature) => feature.id === 'london');
if (!london) throw new Error('the rally file has no London');
const quotePages = [
  ...london.properties.quotes.map((quote, index) => ({
    path: `/city/london/quote/${index + 1}/`,
    quote,
    city: 'London',
  })),
  ...data.campaign.quotes.map((quote, index) => ({ path: `/quote/${index + 1}/`, quote, city: null })),
];

/** The pixel size of a PNG, from its header. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function metaContent(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).getAttribute('content')) ?? '';
}

test.describe('data downloads, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the overview links the CSV and the validated GeoJSON with the source and a reuse note', async ({ page }) => {
    await page.goto('/');
    const section = page.locator('section.data-downloads');
    await expect(section.getByRole('heading', { name: 'The data' })).toBeVisible();
    await expect(section.getByRole('link', { name: /International protests call for stop/ })).toHaveAttribute(
      'href',
      'https://gaytourism.travel/international-protests-call-for-stop-to-anti-gay-purge-in-chechnya/',
    );
    await expect(section).toContainText('see docs/data.md');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'CSV', exact: true }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('rallies.csv');
    const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\ufeff/, '');
    const rows = csvParse(csv);
    expect(rows.columns).toEqual([...rallyCsvColumns]);
    expect(rows.map((row) => row.id)).toEqual(data.features.map((feature) => feature.id));
    expect(rows[0]).toMatchObject({ city: 'London', venue: 'Outside the Russian Embassy', quotes: '7', photos: '4' });
    expect(rows[0]?.page).toBe('http://127.0.0.1:4173/city/london/');

    const [geoJsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'GeoJSON', exact: true }).click(),
    ]);
    expect(geoJsonDownload.suggestedFilename()).toBe('rallies.geojson');
    const geoJson = JSON.parse(readFileSync(await geoJsonDownload.path(), 'utf8')) as unknown;
    const collection = parseRallyCollection(geoJson);
    expect(collection.problems).toEqual([]);
    expect(collection.rallies.map((rally) => rally.id)).toEqual(data.features.map((feature) => feature.id));
  });
});

test.describe('quote pages, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, quote, city } of quotePages) {
    test(`${path} shows its quote, share meta and cards`, async ({ page, request }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('blockquote')).toHaveText(quote.text);
      await expect(page.locator('figcaption cite')).toHaveText(quote.speaker);
      await expect(page.locator('.tool-where')).toContainText('7 April 2018');
      if (city) await expect(page.locator('.tool-where')).toContainText(city);
      await expect(page.locator('.tool-source a')).toHaveAttribute('href', /^https:\/\/gaytourism\.travel\//);
      const back = page.locator('.tool-back a');
      await expect(back).toHaveAttribute('href', city ? /^\/city\/london\/#quote-\d$/ : /^\/#quote-\d$/);

      expect(await metaContent(page, 'meta[name="description"]')).toBe(quote.text);
      expect(await metaContent(page, 'meta[property="og:description"]')).toBe(quote.text);
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`http://127.0.0.1:4173${path}`);
      const card = await request.get(await metaContent(page, 'meta[property="og:image"]'));
      expect(card.status()).toBe(200);
      expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });
      const square = await request.get(
        (await page.locator('a[data-image="square"]').getAttribute('href')) ?? 'missing',
      );
      expect(pngSize(await square.body())).toEqual({ width: 1080, height: 1080 });

      const citation = await page.getByRole('textbox').inputValue();
      expect(citation).toContain(`“${quote.text}” — ${quote.speaker}`);
      expect(citation).toContain('Gay Star News, 7 April 2018.');
      expect(citation.endsWith(`http://127.0.0.1:4173${path}`)).toBe(true);
    });
  }

  test('a Russian quote page keeps the quote verbatim, with a labelled translation, Russian chrome and its own card', async ({
    page,
    request,
  }) => {
    const path = '/ru/city/london/quote/2/';
    const quote = london.properties.quotes[1];
    const translation = russianTranslation.texts['london.quotes.1'];
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('blockquote')).toHaveText(quote?.text ?? 'missing');
    await expect(page.locator('blockquote')).toHaveAttribute('lang', 'en');
    expect(translation.en).toBe(quote?.text);
    await expect(page.locator('.tool-translation')).toHaveText(
      `${russianCatalogue['content.translation']} ${translation.text}`,
    );
    await expect(page.locator('.tool-where')).toHaveText('Лондон, Великобритания · 7 апреля 2018 г.');
    // The role in our translation, marked as one, with the source's English beside it.
    const role = russianTranslation.texts['london.quotes.1.role'];
    expect(role.en).toBe(quote?.role);
    await expect(page.locator('.tool-role')).toHaveText(
      `${role.text} (${russianCatalogue['content.translatedFrom']}: ${role.en})`,
    );
    await expect(page.locator('.tool-role [lang="en"]')).toHaveText(role.en);
    // The site's icon, so the browser does not ask for a /favicon.ico that is not there.
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
    await expect(page.getByRole('heading', { name: russianCatalogue['tools.shareQuote'] })).toBeVisible();
    await expect(page.locator('.tool-back a')).toHaveAttribute('href', '/ru/city/london/#quote-2');

    const alternates = page.locator('link[rel="alternate"][hreflang]');
    await expect(alternates).toHaveCount(8);
    for (const [hreflang, prefix] of [
      ['ru', '/ru'],
      ['pt-BR', '/pt-br'],
      ['en', ''],
      ['x-default', ''],
    ] as const) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`)).toHaveAttribute(
        'href',
        `http://127.0.0.1:4173${prefix}/city/london/quote/2/`,
      );
    }

    const image = await metaContent(page, 'meta[property="og:image"]');
    expect(image).toBe('http://127.0.0.1:4173/share/ru/quote/london-2.png');
    const [card, englishCard] = await Promise.all([
      request.get(image),
      request.get('http://127.0.0.1:4173/share/quote/london-2.png'),
    ]);
    expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });
    expect((await card.body()).equals(await englishCard.body())).toBe(false);
    expect((await page.getByRole('textbox').inputValue()).endsWith(`http://127.0.0.1:4173${path}`)).toBe(true);
  });

  test('a city page’s quotes and share options link to its language’s pages, claiming to expand nothing', async ({
    page,
  }) => {
    await page.goto('/ru/city/london/');
    for (const [index] of london.properties.quotes.entries()) {
      const item = page.locator(`#quote-${index + 1}`);
      await expect(item.locator('blockquote')).toHaveText(london.properties.quotes[index]?.text ?? '');
      const link = item.getByRole('link', { name: russianCatalogue['tools.shareQuote'] });
      await expect(link).toHaveAttribute('href', `/ru/city/london/quote/${index + 1}/`);
      // A plain link navigates: without the script nothing expands.
      await expect(link).not.toHaveAttribute('aria-expanded');
      await expect(link).not.toHaveAttribute('aria-controls');
    }
    const options = page.locator('.panel-toolbar .share-static');
    await options.locator('summary').click();
    await expect(options.locator('a[href^="http"]').first()).toHaveAttribute(
      'href',
      'http://127.0.0.1:4173/ru/city/london/',
    );
    await expect(options.getByRole('link', { name: russianCatalogue['tools.printPoster'] })).toHaveAttribute(
      'href',
      '/ru/city/london/poster/',
    );
    const downloads = options.locator('a[download]');
    await expect(downloads).toHaveCount(2);
    for (const download of await downloads.all()) await expect(download).toHaveAttribute('href', /^\/share\/ru\//);
  });
});

test.describe('sharing a quote and downloading images, with JavaScript', () => {
  test('Share this quote opens the quote’s menu, and Copy with citation copies one line', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/city/london/');
    await page.locator('#quote-2').getByRole('link', { name: 'Share this quote' }).click();
    await expect(page).toHaveURL(/\/city\/london\/$/);
    const menu = page.locator('#quote-2').getByRole('group', { name: 'Share this page' });
    await menu.getByRole('button', { name: 'Copy with citation' }).click();
    await expect(menu.getByRole('status')).toHaveText('Quote and citation copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '“It is such a morale boost for people in Russia and Chechnya to know that we care about their plight.” — Peter Tatchell, Human rights campaigner. “International protests call for stop to anti-gay purge in Chechnya”, Gay Star News, 7 April 2018. http://127.0.0.1:4173/city/london/quote/2/',
    );
    const whatsapp = (await menu.locator('a[data-share="whatsapp"]').getAttribute('href')) ?? '';
    expect(new URL(whatsapp).searchParams.get('text')).toContain('http://127.0.0.1:4173/city/london/quote/2/');
  });

  test('Download image gives the city card, wide and square, and each quote’s', async ({ page }) => {
    await page.goto('/city/york/');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    for (const [name, size] of [
      ['1200×630, for posts', { width: 1200, height: 630 }],
      ['1080×1080 square, for stories', { width: 1080, height: 1080 }],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      expect(download.suggestedFilename()).toMatch(/^york\.png$/);
      expect(pngSize(readFileSync(await download.path()))).toEqual(size);
    }

    await page.goto('/city/london/');
    await page.locator('#quote-1').getByRole('link', { name: 'Share this quote' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#quote-1').getByRole('link', { name: '1080×1080 square, for stories' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('london-1.png');
    expect(pngSize(readFileSync(await download.path()))).toEqual({ width: 1080, height: 1080 });
  });
  test('the Russian city page’s menus link to the Russian quote page, images and poster', async ({ page }) => {
    await page.goto('/ru/city/london/');
    const quoteLink = page.locator('#quote-2').getByRole('link', { name: russianCatalogue['tools.shareQuote'] });
    await expect(quoteLink).toHaveAttribute('aria-expanded', 'false');
    await quoteLink.click();
    await expect(quoteLink).toHaveAttribute('aria-expanded', 'true');
    const quoteMenu = page.locator('#quote-2').getByRole('group', { name: russianCatalogue['share.menuLabel'] });
    const whatsapp = (await quoteMenu.locator('a[data-share="whatsapp"]').getAttribute('href')) ?? '';
    expect(new URL(whatsapp).searchParams.get('text')).toContain('http://127.0.0.1:4173/ru/city/london/quote/2/');
    await expect(quoteMenu.locator('a[data-image="square"]')).toHaveAttribute(
      'href',
      '/share/ru/quote/square/london-2.png',
    );

    await page.locator('.panel-toolbar').getByRole('button', { name: russianCatalogue['share.button'] }).click();
    const cityMenu = page.locator('.panel-toolbar').getByRole('group', { name: russianCatalogue['share.menuLabel'] });
    await expect(cityMenu.locator('a[data-image="wide"]')).toHaveAttribute('href', '/share/ru/london.png');
    await cityMenu.getByRole('link', { name: russianCatalogue['tools.printPoster'] }).click();
    await expect(page).toHaveURL(/\/ru\/city\/london\/poster\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });

  test('the city page’s share menu links to the poster', async ({ page }) => {
    await page.goto('/city/rome/');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('link', { name: 'Print a poster' }).click();
    await expect(page).toHaveURL(/\/city\/rome\/poster\/$/);
    await expect(page.locator('main.poster')).toContainText('Venue not reported · Attendance not reported');
  });
});

test.describe('posters', () => {
  test.use({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2, javaScriptEnabled: false });

  const english = {
    heading: 'London',
    title: 'Rallies against the anti-gay purge in Chechnya',
    date: '7 April 2018',
    line: 'Outside the Russian Embassy · About 50 people',
    map: 'Map with London marked',
    note: null,
  };
  const russian = {
    // The city's Russian name, and its own after it.
    heading: 'Лондон London',
    title: russianTranslation.texts['campaign.title'].text,
    date: '7 апреля 2018 г.',
    line: `${russianTranslation.texts['london.venue'].text} · ${russianTranslation.texts['london.attendance'].text}`,
    map: russianCatalogue['tools.posterMapAlt'].replace('{city}', 'Лондон'),
    note: russianCatalogue['content.translatedBy'].replace('{translator}', russianTranslation.translatedBy),
  };
  for (const [paper, path, text] of [
    ['A4', '/city/london/poster/', english],
    ['US Letter', '/city/london/poster/letter/', english],
    ['Russian A4', '/ru/city/london/poster/', russian],
  ] as const) {
    test(`the ${paper} poster prints the city, its facts, the map and a QR code for its address`, async ({ page }) => {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      const poster = page.locator('main.poster');
      await expect(poster.getByRole('heading', { level: 1 })).toHaveText(text.heading);
      await expect(poster.locator('.poster-campaign')).toHaveText(text.title);
      await expect(poster).toContainText(text.date);
      await expect(poster.locator('.poster-line')).toHaveText(text.line, { ignoreCase: true });
      if (text.note === null) await expect(poster.locator('.poster-translation-note')).toHaveCount(0);
      else await expect(poster.locator('.poster-translation-note')).toHaveText(text.note);
      await expect(poster.getByRole('img', { name: text.map })).toBeVisible();
      await expect(page.locator('.poster-controls')).toBeHidden();
      // Printed, the poster fits one portrait sheet of either size: 186 × 250 mm inside 12 mm margins.
      const box = await poster.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(Math.ceil((186 / 25.4) * 96));
      expect(box?.height).toBeLessThanOrEqual(Math.ceil((250 / 25.4) * 96));

      // The QR code opens the city page in the poster's language.
      const png = PNG.sync.read(await page.locator('.poster-qr').screenshot());
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data).toBe(`http://127.0.0.1:4173${path.replace(/poster\/(letter\/)?$/, '')}`);
    });
  }
});
