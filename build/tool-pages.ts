import type { QuotePage } from '../src/lib/quote-pages.ts';
import { citationLine } from '../src/lib/quote-pages.ts';
import type { Rally } from '../src/lib/rally-schema.ts';
import {
  formatRoute,
  imagePath,
  overviewRoute,
  posterPagePath,
  quoteAnchor,
  quotePagePath,
  type PaperSize,
} from '../src/lib/address.ts';
import { openGraphLocales, supportedLanguages, type Language } from '../src/lib/i18n.ts';
import { shareLinks } from '../src/lib/share-links.ts';
import type { ToolPageText } from '../src/lib/tool-page-text.ts';
import { escapeHtml, languageAlternates, shorten } from './page-meta.ts';

/** What every tool page's `<head>` needs beyond its own content. */
export interface ToolPageContext {
  /** The page's language: `<html lang>`, its addresses' prefix and its text's. */
  language: Language;
  /** The site's origin, e.g. `https://rallies.example.org`. */
  siteUrl: string;
  basePath: string;
  /** The Content Security Policy `<meta>` tag, first in `<head>`. */
  policyMeta: string;
  /** The campaign's title in the page's language (our translation where there is one), for `og:site_name`. */
  siteName: string;
  text: ToolPageText;
}

/** The stylesheet every tool page links to, relative to the site's root. */
export const toolStylesheet = 'tool-pages.css';

interface Shell {
  title: string;
  description: string;
  /** Path of the page under the base path. */
  path: string;
  /** The same page's path in each language, for the `hreflang` links. */
  pathIn: (language: Language) => string;
  /** Path of its share image, or `null` for none (posters). */
  imagePath: string | null;
  imageAlt: string;
  bodyClass: string;
  body: string;
  /** Extra `<head>` content, already escaped. */
  head?: string;
}

function page(context: ToolPageContext, shell: Shell): string {
  const absolute = (path: string) => new URL(path, context.siteUrl).href;
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const url = absolute(shell.path);
  const image = shell.imagePath
    ? [
        meta('property', 'og:image', absolute(shell.imagePath)),
        meta('property', 'og:image:type', 'image/png'),
        meta('property', 'og:image:width', '1200'),
        meta('property', 'og:image:height', '630'),
        meta('property', 'og:image:alt', shell.imageAlt),
        meta('name', 'twitter:card', 'summary_large_image'),
        meta('name', 'twitter:image', absolute(shell.imagePath)),
        meta('name', 'twitter:image:alt', shell.imageAlt),
      ]
    : [meta('name', 'twitter:card', 'summary')];
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(context.language)}">`,
    '  <head>',
    '    <meta charset="utf-8" />',
    `    ${context.policyMeta}`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(shell.title)}</title>`,
    `    ${meta('name', 'description', shell.description)}`,
    `    <link rel="canonical" href="${escapeHtml(url)}" />`,
    `    <link rel="stylesheet" href="${escapeHtml(`${formatRoute(overviewRoute, context.basePath)}${toolStylesheet}`)}" />`,
    // The site's icon, as the app's pages name it: without it the browser asks for /favicon.ico, which is not there.
    `    <link rel="icon" href="${escapeHtml(`${formatRoute(overviewRoute, context.basePath)}favicon.svg`)}" type="image/svg+xml" />`,
    `    ${meta('property', 'og:site_name', context.siteName)}`,
    `    ${meta('property', 'og:type', 'article')}`,
    `    ${meta('property', 'og:title', shell.title)}`,
    `    ${meta('property', 'og:description', shell.description)}`,
    `    ${meta('property', 'og:url', url)}`,
    `    ${meta('property', 'og:locale', openGraphLocales[context.language])}`,
    ...languageAlternates(
      Object.fromEntries(supportedLanguages.map((language) => [language, absolute(shell.pathIn(language))])) as Record<
        Language,
        string
      >,
    ).map((link) => `    ${link}`),
    `    ${meta('name', 'twitter:title', shell.title)}`,
    `    ${meta('name', 'twitter:description', shell.description)}`,
    ...image.map((tag) => `    ${tag}`),
    shell.head ? `    ${shell.head}` : null,
    '  </head>',
    `  <body class="${shell.bodyClass}">`,
    shell.body,
    '  </body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

function sourceHtml(text: ToolPageText, source: QuotePage['source']): string {
  if (!source) return '';
  return `<p class="tool-source">${escapeHtml(text.sourceLabel)} <a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${escapeHtml(source.title)}</a>, ${escapeHtml(source.publisher)}</p>`;
}

/** The note under a translated campaign title or fact ("Translated from English by rally-map"), or nothing. */
function translationNote(text: ToolPageText, translated: boolean, className: string): string {
  return translated && text.translatedBy !== null ? `<p class="${className}">${escapeHtml(text.translatedBy)}</p>` : '';
}

/**
 * A quote's speaker's role as the source gives it, in the quote's language;
 * or our translation, marked as one, with the English beside it.
 */
function roleHtml(text: ToolPageText, quote: QuotePage): string {
  const english = quote.quote.role;
  const translated = text.roleTranslation(quote.address.cityId, quote.address.number - 1, english);
  if (translated === null)
    return `<span class="tool-role" lang="${escapeHtml(quote.quote.lang)}">${escapeHtml(english)}</span>`;
  return `<span class="tool-role">${escapeHtml(translated)} (${escapeHtml(text.translatedFrom)}: <span lang="en">${escapeHtml(english)}</span>)</span>`;
}

/**
 * A quote's own page in the context's language, plain HTML that needs no
 * script: the quote verbatim in its own language, then, on pages in another
 * language, our translation where there is one (outside the `<blockquote>`,
 * labelled "Translation:", as the city pages do); speaker and role (see `roleHtml`), city
 * and date, the source with its link, a link back to the quote on its
 * city's page (or the overview) in the same language, and the sharing tools
 * as plain links and text: the service links, the image downloads (wide and
 * square, with this language's chrome) and the quote with its citation to
 * copy. Its description is the quote (and the labelled translation), its
 * share image the language's quote card, its `hreflang` links the page in
 * every language.
 */
export function quotePageHtml(
  quote: QuotePage,
  context: ToolPageContext,
  campaignTitle: ReturnType<ToolPageText['campaignTitle']>,
): string {
  const { text, basePath, siteUrl, language } = context;
  const url = new URL(quote.path, siteUrl).href;
  const dateText = text.date(quote.date);
  const place = quote.rally
    ? `${text.city(quote.rally)}, ${text.country(quote.rally)}`
    : (text.placeAndDate(null, quote.date).split(' · ')[0] ?? '');
  const backRoute = quote.rally ? { kind: 'city' as const, cityId: quote.rally.id } : overviewRoute;
  const back = `${formatRoute(backRoute, basePath, 'site', language)}#${quoteAnchor(quote.address.number)}`;
  const backLabel = quote.rally ? text.backToCity(quote.rally) : text.allRallies;
  const subject = { kind: 'quote' as const, quote: quote.address };
  const shareLine = `“${shorten(quote.quote.text, 200)}” — ${quote.quote.speaker}`;
  const foreign = quote.quote.lang.split('-')[0] !== language.split('-')[0];
  const translated = text.quoteTranslation(quote.address.cityId, quote.address.number - 1, quote.quote.text);
  const body = `    <main class="tool tool-quote-page">
      <p class="tool-kicker"><a href="${escapeHtml(formatRoute(overviewRoute, basePath, 'site', language))}">${escapeHtml(campaignTitle.text)}</a></p>
      ${translationNote(text, campaignTitle.translated, 'tool-translation-note')}
      <figure class="tool-quote">
        <blockquote lang="${escapeHtml(quote.quote.lang)}" cite="${escapeHtml(quote.source?.url ?? '')}"><p>${escapeHtml(quote.quote.text)}</p></blockquote>
        <figcaption><cite>${escapeHtml(quote.quote.speaker)}</cite>, ${roleHtml(text, quote)}${foreign ? ` <span class="tool-language">${escapeHtml(text.quotedIn(quote.quote.lang))}</span>` : ''}</figcaption>
      </figure>
      ${translated === null ? '' : `<p class="tool-translation"><span class="tool-translation-label">${escapeHtml(text.translationLabel)}</span> ${escapeHtml(translated)}</p>`}
      <p class="tool-where">${escapeHtml(place)} · <time datetime="${escapeHtml(quote.date)}">${escapeHtml(dateText)}</time></p>
      ${sourceHtml(text, quote.source)}
      <p class="tool-back"><a href="${escapeHtml(back)}"><span aria-hidden="true">‹</span> ${escapeHtml(backLabel)}</a></p>
      <section class="tool-share" aria-labelledby="share-heading">
        <h2 id="share-heading">${escapeHtml(text.shareQuote)}</h2>
        <p class="tool-share-label">${escapeHtml(text.shareOn)}</p>
        <ul class="tool-links">
${shareLinks({ url, text: shareLine })
  .map(
    (link) =>
      `          <li><a href="${escapeHtml(link.href)}" rel="noopener noreferrer" data-share="${link.id}">${escapeHtml(link.id === 'email' ? text.email : link.label)}</a></li>`,
  )
  .join('\n')}
        </ul>
        <p class="tool-share-label">${escapeHtml(text.downloadImage)}</p>
        <ul class="tool-links">
          <li><a href="${escapeHtml(imagePath(subject, 'wide', basePath, language))}" download data-image="wide">${escapeHtml(text.imageWide)}</a></li>
          <li><a href="${escapeHtml(imagePath(subject, 'square', basePath, language))}" download data-image="square">${escapeHtml(text.imageSquare)}</a></li>
        </ul>
        <label class="tool-citation">${escapeHtml(text.copyWithCitation)}: ${escapeHtml(text.citationHint)}
          <textarea readonly rows="4">${escapeHtml(citationLine(quote, dateText, url))}</textarea>
        </label>
      </section>
    </main>`;
  const description = shorten(
    translated === null ? quote.quote.text : `${quote.quote.text} ${text.translationLabel} ${translated}`,
    300,
  );
  return page(context, {
    title: `“${shorten(quote.quote.text, 90)}” — ${quote.quote.speaker}`,
    description,
    path: quote.path,
    pathIn: (other) => quotePagePath(quote.address, basePath, other),
    imagePath: imagePath(subject, 'wide', basePath, language),
    imageAlt: `${quote.quote.speaker}: “${shorten(quote.quote.text, 300)}”`,
    bodyClass: 'tool-body',
    body,
  });
}

/** What a poster shows besides its rally. */
export interface PosterContent {
  /** The campaign's title in the poster's language (`translated` when it is our translation). */
  campaignTitle: ReturnType<ToolPageText['campaignTitle']>;
  /** The map picture, an `<svg>` element with the city marked (already safe markup). */
  mapSvg: string;
  /** The QR code for the city page's address in the poster's language, an `<svg>` element made by `qrcode`. */
  qrSvg: string;
}

/**
 * A city's printable poster in the context's language, plain HTML: the city
 * (its name in the language, and its local name) and date, the day of
 * action's title, one line of what happened (venue and crowd, or "not
 * reported"; the title and the line in our translation where there is one,
 * with a note saying so), the map picture with the city marked, and a QR
 * code for the city page's address in the same language on `SITE_URL`.
 * Laid out for one portrait sheet of `paper` (`@page` size through a named
 * page), and fitting the other size too.
 */
export function posterPageHtml(
  rally: Rally,
  paper: PaperSize,
  context: ToolPageContext,
  content: PosterContent,
): string {
  const { text, basePath, siteUrl, language } = context;
  const cityPath = formatRoute({ kind: 'city', cityId: rally.id }, basePath, 'site', language);
  const cityUrl = new URL(cityPath, siteUrl).href;
  const names = text.cityNames(rally);
  const city = names.name;
  const whatHappened = text.whatHappened(rally);
  const other: PaperSize = paper === 'a4' ? 'letter' : 'a4';
  const localName =
    names.localName === null
      ? ''
      : ` <span class="poster-local-name"${names.localLanguage ? ` lang="${escapeHtml(names.localLanguage)}"` : ''}>${escapeHtml(names.localName)}</span>`;
  const body = `    <nav class="poster-controls" aria-label="${escapeHtml(text.printPoster)}">
      <p><a href="${escapeHtml(cityPath)}"><span aria-hidden="true">‹</span> ${escapeHtml(text.backToCity(rally))}</a></p>
      <p>${escapeHtml(text.paper)} <strong>${escapeHtml(text.paperName(paper))}</strong> · <a href="${escapeHtml(posterPagePath(rally.id, other, basePath, language))}">${escapeHtml(text.paperName(other))}</a></p>
      <p>${escapeHtml(text.printHint)}</p>
    </nav>
    <main class="poster poster-${paper}">
      <p class="poster-campaign">${escapeHtml(content.campaignTitle.text)}</p>
      <h1 class="poster-city">${escapeHtml(city)}${localName}</h1>
      <p class="poster-date"><time datetime="${escapeHtml(rally.date)}">${escapeHtml(text.date(rally.date))}</time> · ${escapeHtml(text.country(rally))}</p>
      <p class="poster-line">${escapeHtml(whatHappened.text)}</p>
      ${translationNote(text, content.campaignTitle.translated || whatHappened.translated, 'poster-translation-note')}
      <figure class="poster-map" role="img" aria-label="${escapeHtml(text.posterMapAlt(rally))}">${content.mapSvg}</figure>
      <div class="poster-footer">
        <figure class="poster-qr">${content.qrSvg}</figure>
        <div class="poster-link">
          <p>${escapeHtml(text.scanToOpen)}</p>
          <p class="poster-url">${escapeHtml(cityUrl)}</p>
        </div>
      </div>
    </main>`;
  return page(context, {
    title: `${text.printPoster}: ${city} — ${content.campaignTitle.text}`,
    description: `${city}, ${text.date(rally.date)}: ${whatHappened.text}`,
    path: posterPagePath(rally.id, paper, basePath, language),
    pathIn: (other) => posterPagePath(rally.id, paper, basePath, other),
    imagePath: null,
    imageAlt: '',
    bodyClass: `tool-body poster-body poster-body-${paper}`,
    body,
    head: '<meta name="robots" content="noindex" />',
  });
}
