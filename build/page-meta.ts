import { cityName } from '../src/lib/city-name.ts';
import { countryName } from '../src/lib/country-name.ts';
import { formatCalendarDate } from '../src/lib/format-date.ts';
import { pageTitle } from '../src/lib/page-title.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import type { Rally } from '../src/lib/rally-schema.ts';
import { embedCode, startingEmbedHeight } from '../src/lib/embed-code.ts';
import { supportedLanguages } from '../src/lib/i18n.ts';
import { formatRoute, overviewRoute, type Presentation, type Route } from '../src/lib/address.ts';
import { shareCardSize } from './share-card.ts';

/** Everything needed to write one generated page and its share image. */
export interface PageSpec {
  route: Route;
  /** The full site's page, or its embed version for iframes. */
  presentation: Presentation;
  /** The rally on this page, for city pages. */
  rally: Rally | null;
  /** Where the page is written, relative to the output folder: `city/london/index.html`. */
  outputFile: string;
  /** Where its share image is written, relative to the output folder, or `null` (the 404 page). */
  imageFile: string | null;
  title: string;
  description: string;
  /** Absolute URL of the page, or `null` for the 404 page, which has no address of its own. */
  canonicalUrl: string | null;
  /** Absolute URL of the share image (the overview's for the 404 page). */
  imageUrl: string;
  imageAlt: string;
  ogType: 'website' | 'article';
  /** The page's oEmbed document, relative to the output folder and absolute; `null` for the 404 page. */
  oembed: { file: string; url: string } | null;
}

/** Shortens text to at most `limit` characters at a word boundary, adding an ellipsis when it cuts. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The description of a city page: its first quote with the speaker, or a
 * factual line that says what the source does and does not report.
 */
export function cityDescription(rally: Rally, campaignTitle: string): string {
  const [firstQuote] = rally.quotes;
  if (firstQuote) return shorten(`“${firstQuote.text}” (${firstQuote.speaker}, ${rally.name})`, 200);
  const place = `${cityName(rally).name}, ${countryName(rally.country)}`;
  const missing = [rally.venue === null ? 'venue' : null, rally.attendance === null ? 'crowd size' : null].filter(
    (item) => item !== null,
  );
  const gap = missing.length > 0 ? ` The source reports no ${missing.join(' or ')}.` : '';
  return `A rally in ${place} on ${formatCalendarDate(rally.date)}, one of the ${campaignTitle.charAt(0).toLowerCase()}${campaignTitle.slice(1)}.${gap}`;
}

/**
 * Describes every page the build writes: the overview, one page per rally
 * (for the first `cityLimit` rallies only, when given) and the 404 page,
 * with absolute URLs built from the site URL and base path.
 */
export function pageSpecs(
  collection: RallyCollection,
  siteUrl: string,
  basePath: string,
  cityLimit: number = Infinity,
): PageSpec[] {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const campaignTitle = collection.campaign?.title ?? 'Rally map';
  const dateText = collection.campaign ? formatCalendarDate(collection.campaign.date) : '';
  const overviewImage = `${formatRoute(overviewRoute, basePath)}share/overview.png`;

  const oembedFor = (route: Route) => {
    const file = route.kind === 'city' ? `oembed/city/${route.cityId}.json` : 'oembed/index.json';
    return { file, url: absolute(`${formatRoute(overviewRoute, basePath)}${file}`) };
  };

  const overview: PageSpec = {
    route: overviewRoute,
    presentation: 'site',
    rally: null,
    outputFile: 'index.html',
    imageFile: 'share/overview.png',
    title: pageTitle({ kind: 'overview' }, collection.campaign),
    description: shorten(collection.campaign?.summary ?? campaignTitle, 300),
    canonicalUrl: absolute(formatRoute(overviewRoute, basePath)),
    imageUrl: absolute(overviewImage),
    imageAlt: `Map of the ${collection.rallies.length} rallies${dateText ? ` of ${dateText}` : ''}: ${campaignTitle}`,
    ogType: 'website',
    oembed: oembedFor(overviewRoute),
  };

  const cities = collection.rallies.slice(0, cityLimit).map((rally): PageSpec => {
    const route: Route = { kind: 'city', cityId: rally.id };
    const name = cityName(rally).name;
    return {
      route,
      presentation: 'site',
      rally,
      outputFile: `city/${rally.id}/index.html`,
      imageFile: `share/${rally.id}.png`,
      title: pageTitle({ kind: 'city', rally }, collection.campaign),
      description: cityDescription(rally, campaignTitle),
      canonicalUrl: absolute(formatRoute(route, basePath)),
      imageUrl: absolute(`${formatRoute(overviewRoute, basePath)}share/${rally.id}.png`),
      imageAlt: `Map with ${name} highlighted: the rally of ${formatCalendarDate(rally.date)}, ${campaignTitle}`,
      ogType: 'article',
      oembed: oembedFor(route),
    };
  });

  // The embed version of each page: same content and card, canonical address on the full site.
  const embeds = [overview, ...cities].map((spec): PageSpec => ({
    ...spec,
    presentation: 'embed',
    outputFile: `embed/${spec.outputFile}`,
    imageFile: null,
  }));

  const notFound: PageSpec = {
    route: { kind: 'not-found' },
    presentation: 'site',
    rally: null,
    outputFile: '404.html',
    imageFile: null,
    title: pageTitle({ kind: 'not-found' }, collection.campaign),
    description: `This page does not exist. ${campaignTitle}: every rally is listed here.`,
    canonicalUrl: null,
    imageUrl: absolute(overviewImage),
    imageAlt: overview.imageAlt,
    ogType: 'website',
    oembed: null,
  };

  return [overview, ...cities, ...embeds, notFound];
}

/**
 * The oEmbed document for a page (`type: rich`): the same responsive embed
 * code the share menu gives, so tools that speak oEmbed embed it correctly.
 */
export function oembedDocument(
  spec: PageSpec,
  siteName: string,
  siteUrl: string,
  basePath: string,
  embedScript: { file: string; integrity: string },
) {
  const base = new URL(formatRoute(overviewRoute, basePath), siteUrl).href;
  return {
    version: '1.0',
    type: 'rich',
    title: spec.title,
    provider_name: siteName,
    provider_url: base,
    width: 800,
    height: startingEmbedHeight,
    thumbnail_url: spec.imageUrl,
    thumbnail_width: shareCardSize.width,
    thumbnail_height: shareCardSize.height,
    html: embedCode({
      embedUrl: new URL(formatRoute(spec.route, basePath, 'embed'), siteUrl).href,
      scriptUrl: `${base}${embedScript.file}`,
      scriptIntegrity: embedScript.integrity,
      title: spec.title,
      mode: { kind: 'responsive' },
    }),
  };
}

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * `hreflang` alternates of a page: the same address with `?lang=` for each
 * interface language, and the page itself as the default (English).
 */
export function languageAlternates(canonicalUrl: string): string[] {
  const links = supportedLanguages.map((language) => {
    const url = new URL(canonicalUrl);
    if (language !== 'en') url.searchParams.set('lang', language);
    return `<link rel="alternate" hreflang="${language}" href="${escapeHtml(url.href)}" />`;
  });
  return [...links, `<link rel="alternate" hreflang="x-default" href="${escapeHtml(canonicalUrl)}" />`];
}

/** The `<head>` tags for a page: description, canonical link, Open Graph and Twitter card. */
export function headTags(spec: PageSpec, siteName: string): string {
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('name', 'description', spec.description),
    spec.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(spec.canonicalUrl)}" />` : null,
    spec.canonicalUrl ? null : meta('name', 'robots', 'noindex'),
    ...(spec.canonicalUrl ? languageAlternates(spec.canonicalUrl) : []),
    spec.oembed
      ? `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(spec.oembed.url)}" title="${escapeHtml(spec.title)}" />`
      : null,
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:type', spec.ogType),
    meta('property', 'og:title', spec.title),
    meta('property', 'og:description', spec.description),
    spec.canonicalUrl ? meta('property', 'og:url', spec.canonicalUrl) : null,
    meta('property', 'og:image', spec.imageUrl),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(shareCardSize.width)),
    meta('property', 'og:image:height', String(shareCardSize.height)),
    meta('property', 'og:image:alt', spec.imageAlt),
    meta('property', 'og:locale', 'en_GB'),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', spec.title),
    meta('name', 'twitter:description', spec.description),
    meta('name', 'twitter:image', spec.imageUrl),
    meta('name', 'twitter:image:alt', spec.imageAlt),
  ];
  return tags.filter((tag) => tag !== null).join('\n    ');
}

/** JSON that is safe inside a `<script type="application/json">` element. */
export function jsonForScript(text: string): string {
  // "<" is escaped so no "</script>" or "<!--" in the data can end the element.
  return text
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page's character encoding declaration, the first element of every generated page's `<head>`. */
export const charsetMeta = '<meta charset="utf-8" />';

/**
 * Fills the built `index.html` template for one page: `<meta charset>` as the
 * first element of `<head>` and the Content Security Policy right after it, its title and head tags, the
 * rendered app inside `#root`, and the validated rally collection (as JSON)
 * it was rendered from, so the browser can take over without a second render.
 * The collection is stamped with `dataAsOf` (YYYY-MM-DD, the build's date) as
 * `data-as-of`, for the offline note. With `collectionJson` null the page
 * carries no data and fetches the file.
 */
export function assemblePage(
  template: string,
  spec: PageSpec,
  siteName: string,
  appHtml: string,
  collectionJson: string | null,
  policyMeta: string,
  dataAsOf: string,
) {
  // Replacer functions, not strings: "$&" or "$'" in the data must stay literal text.
  const withTitle = template
    // The charset first, within the first 1024 bytes as browsers require, then the policy.
    .replace(/\s*<meta\s+charset=[^>]*>/i, '')
    .replace(/<head>\s*/, () => `<head>\n    ${charsetMeta}\n    ${policyMeta}\n    `)
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(spec.title)}</title>`)
    .replace(/\s*<meta\s+name="description"[^>]*>/, '');
  const withHead = withTitle.replace('</head>', () => `    ${headTags(spec, siteName)}\n  </head>`);
  const withApp = withHead.replace('<div id="root"></div>', () => `<div id="root">${appHtml}</div>`);
  if (collectionJson === null) return withApp;
  const dataScript = `<script type="application/json" id="rally-data" data-as-of="${escapeHtml(dataAsOf)}">${jsonForScript(collectionJson)}</script>`;
  return withApp.replace('</body>', () => `  ${dataScript}\n  </body>`);
}
