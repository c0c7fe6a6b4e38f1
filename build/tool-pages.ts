import type { QuotePage } from '../src/lib/quote-pages.ts';
import { citationLine } from '../src/lib/quote-pages.ts';
import type { Rally } from '../src/lib/rally-schema.ts';
import { formatRoute, overviewRoute } from '../src/lib/address.ts';
import { imagePath, posterPagePath, quoteAnchor, type PaperSize } from '../src/lib/campaign-paths.ts';
import { shareLinks } from '../src/lib/share-links.ts';
import type { ToolPageText } from '../src/lib/tool-page-text.ts';
import { escapeHtml, shorten } from './page-meta.ts';

/** What every tool page's `<head>` needs beyond its own content. */
export interface ToolPageContext {
  /** The page's language tag, for `<html lang>`. */
  language: string;
  /** The site's origin, e.g. `https://rallies.example.org`. */
  siteUrl: string;
  basePath: string;
  /** The Content Security Policy `<meta>` tag, first in `<head>`. */
  policyMeta: string;
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
    `    ${meta('property', 'og:site_name', context.siteName)}`,
    `    ${meta('property', 'og:type', 'article')}`,
    `    ${meta('property', 'og:title', shell.title)}`,
    `    ${meta('property', 'og:description', shell.description)}`,
    `    ${meta('property', 'og:url', url)}`,
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

/**
 * A quote's own page, plain HTML that needs no script: the quote verbatim in
 * its language, speaker and role, city and date, the source with its link, a
 * link back to the quote on its city's page (or the overview), and the
 * sharing tools as plain links and text: the service links, the image
 * downloads (wide and square) and the quote with its citation to copy.
 * Its description is the quote, its share image the quote card.
 */
export function quotePageHtml(quote: QuotePage, context: ToolPageContext, campaignTitle: string): string {
  const { text, basePath, siteUrl } = context;
  const url = new URL(quote.path, siteUrl).href;
  const dateText = text.date(quote.date);
  const place = quote.rally
    ? `${text.city(quote.rally)}, ${text.country(quote.rally)}`
    : (text.placeAndDate(null, quote.date).split(' · ')[0] ?? '');
  const backRoute = quote.rally ? { kind: 'city' as const, cityId: quote.rally.id } : overviewRoute;
  const back = `${formatRoute(backRoute, basePath)}#${quoteAnchor(quote.address.number)}`;
  const backLabel = quote.rally ? text.backToCity(quote.rally) : text.allRallies;
  const subject = { kind: 'quote' as const, quote: quote.address };
  const shareLine = `“${shorten(quote.quote.text, 200)}” — ${quote.quote.speaker}`;
  const foreign = quote.quote.lang.split('-')[0] !== context.language.split('-')[0];
  const body = `    <main class="tool tool-quote-page">
      <p class="tool-kicker"><a href="${escapeHtml(formatRoute(overviewRoute, basePath))}">${escapeHtml(campaignTitle)}</a></p>
      <figure class="tool-quote">
        <blockquote lang="${escapeHtml(quote.quote.lang)}" cite="${escapeHtml(quote.source?.url ?? '')}"><p>${escapeHtml(quote.quote.text)}</p></blockquote>
        <figcaption><cite>${escapeHtml(quote.quote.speaker)}</cite>, <span class="tool-role" lang="${escapeHtml(quote.quote.lang)}">${escapeHtml(quote.quote.role)}</span>${foreign ? ` <span class="tool-language">${escapeHtml(text.quotedIn(quote.quote.lang))}</span>` : ''}</figcaption>
      </figure>
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
          <li><a href="${escapeHtml(imagePath(subject, 'wide', basePath))}" download data-image="wide">${escapeHtml(text.imageWide)}</a></li>
          <li><a href="${escapeHtml(imagePath(subject, 'square', basePath))}" download data-image="square">${escapeHtml(text.imageSquare)}</a></li>
        </ul>
        <label class="tool-citation">${escapeHtml(text.copyWithCitation)}: ${escapeHtml(text.citationHint)}
          <textarea readonly rows="4">${escapeHtml(citationLine(quote, dateText, url))}</textarea>
        </label>
      </section>
    </main>`;
  return page(context, {
    title: `“${shorten(quote.quote.text, 90)}” — ${quote.quote.speaker}`,
    description: shorten(quote.quote.text, 300),
    path: quote.path,
    imagePath: imagePath(subject, 'wide', basePath),
    imageAlt: `${quote.quote.speaker}: “${shorten(quote.quote.text, 300)}”`,
    bodyClass: 'tool-body',
    body,
  });
}

/** What a poster shows besides its rally. */
export interface PosterContent {
  campaignTitle: string;
  /** The map picture, an `<svg>` element with the city marked (already safe markup). */
  mapSvg: string;
  /** The QR code for the city page's address, an `<svg>` element made by `qrcode`. */
  qrSvg: string;
}

/**
 * A city's printable poster, plain HTML: the city and date, the day of
 * action's title, one line of what happened (venue and crowd, or "not
 * reported"), the map picture with the city marked, and a QR code for the
 * city page's address on `SITE_URL`. Laid out for one portrait sheet of
 * `paper` (`@page` size through a named page), and fitting the other size too.
 */
export function posterPageHtml(
  rally: Rally,
  paper: PaperSize,
  context: ToolPageContext,
  content: PosterContent,
): string {
  const { text, basePath, siteUrl } = context;
  const cityUrl = new URL(formatRoute({ kind: 'city', cityId: rally.id }, basePath), siteUrl).href;
  const city = text.city(rally);
  const other: PaperSize = paper === 'a4' ? 'letter' : 'a4';
  const paperName = (size: PaperSize) => (size === 'a4' ? 'A4' : 'US Letter');
  const body = `    <nav class="poster-controls" aria-label="${escapeHtml(text.printPoster)}">
      <p><a href="${escapeHtml(formatRoute({ kind: 'city', cityId: rally.id }, basePath))}"><span aria-hidden="true">‹</span> ${escapeHtml(text.backToCity(rally))}</a></p>
      <p>${escapeHtml(text.paper)} <strong>${paperName(paper)}</strong> · <a href="${escapeHtml(posterPagePath(rally.id, other, basePath))}">${paperName(other)}</a></p>
      <p>${escapeHtml(text.printHint)}</p>
    </nav>
    <main class="poster poster-${paper}">
      <p class="poster-campaign">${escapeHtml(content.campaignTitle)}</p>
      <h1 class="poster-city">${escapeHtml(city)}</h1>
      <p class="poster-date"><time datetime="${escapeHtml(rally.date)}">${escapeHtml(text.date(rally.date))}</time> · ${escapeHtml(text.country(rally))}</p>
      <p class="poster-line">${escapeHtml(text.whatHappened(rally))}</p>
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
    title: `${text.printPoster}: ${city} — ${content.campaignTitle}`,
    description: `${city}, ${text.date(rally.date)}: ${text.whatHappened(rally)}`,
    path: posterPagePath(rally.id, paper, basePath),
    imagePath: null,
    imageAlt: '',
    bodyClass: `tool-body poster-body poster-body-${paper}`,
    body,
    head: '<meta name="robots" content="noindex" />',
  });
}
