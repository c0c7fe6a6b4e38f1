import englishCatalogue from '../src/i18n/messages/en.json' with { type: 'json' };
import { cityName } from '../src/lib/city-name.ts';
import { campaignTitle, quoteTextId, translatedText } from '../src/lib/content-translation.ts';
import { countryName } from '../src/lib/country-name.ts';
import { formatCalendarDate } from '../src/lib/format-date.ts';
import { pageTitle, type TitleWords } from '../src/lib/page-title.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import type { Rally } from '../src/lib/rally-schema.ts';
import { embedCode, startingEmbedHeight } from '../src/lib/embed-code.ts';
import {
  formatMessage,
  openGraphLocales,
  supportedLanguages,
  type Language,
  type LanguagePack,
  type MessageParams,
} from '../src/lib/i18n.ts';
import {
  formatRoute,
  imageFile,
  imagePath,
  languageSegment,
  overviewRoute,
  pageIdentity,
  type Presentation,
  type Route,
} from '../src/lib/address.ts';
import { shareCardSize } from './share-card.ts';

/** The English pages' language pack: the built-in catalogue, and no translation. */
export const englishPack: LanguagePack = { language: 'en', catalogue: englishCatalogue, translation: null };

/** A page language's words: its messages (English where one is missing), `Intl` locale and title words. */
export interface PageLanguage {
  pack: LanguagePack;
  locale: string;
  t: (key: string, params?: MessageParams) => string;
  titles: TitleWords;
}

/** The words of a language pack, for the build's texts (titles, descriptions, image descriptions). */
export function pageLanguage(pack: LanguagePack): PageLanguage {
  const locale = pack.language === 'en' ? 'en-GB' : pack.language;
  const t = (key: string, params?: MessageParams) =>
    formatMessage(pack.catalogue, englishCatalogue, pack.language, key, params);
  return {
    pack,
    locale,
    t,
    titles: { locale, notFound: t('notFound.title'), siteName: t('app.siteName'), translation: pack.translation },
  };
}

/** Everything needed to write one generated page and its share image. */
export interface PageSpec {
  route: Route;
  /** The full site's page, or its embed version for iframes. */
  presentation: Presentation;
  /** The page's language. */
  language: Language;
  /** The site's name in the page's language (the campaign's title), for `og:site_name` and oEmbed. */
  siteName: string;
  /** Absolute URL of the same page in each language, for `hreflang` links; `null` for the 404 page. */
  alternates: Readonly<Record<Language, string>> | null;
  /** The rally on this page, for city pages. */
  rally: Rally | null;
  /** Where the page is written, relative to the output folder: `city/london/index.html`, `ru/city/london/index.html`. */
  outputFile: string;
  /** Where its share image is written, relative to the output folder (`share/ru/london.png`), or `null`. */
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
 * The description of a city page, in the page's language: its first quote,
 * verbatim, with the speaker, and on pages in another language our
 * translation after it, labelled as one; or a factual line that says what
 * the source does and does not report.
 */
export function cityDescription(
  rally: Rally,
  campaignTitleText: string,
  words: PageLanguage = pageLanguage(englishPack),
): string {
  const { t, locale, pack } = words;
  const name = cityName(rally, pack.translation).name;
  const [firstQuote] = rally.quotes;
  if (firstQuote) {
    const quoted = `“${firstQuote.text}” (${firstQuote.speaker}, ${name})`;
    const translated = translatedText(pack.translation, quoteTextId(rally.id, 0), firstQuote.text);
    return shorten(translated === null ? quoted : `${quoted} ${t('content.translation')} ${translated}`, 200);
  }
  const place = `${name}, ${countryName(rally.country, locale)}`;
  const gap =
    rally.venue === null && rally.attendance === null
      ? 'meta.gapBoth'
      : rally.venue === null
        ? 'meta.gapVenue'
        : rally.attendance === null
          ? 'meta.gapCrowd'
          : null;
  const line = t('meta.cityDescription', {
    place,
    date: formatCalendarDate(rally.date, locale),
    campaign: campaignTitleText,
  });
  return gap === null ? line : `${line} ${t(gap)}`;
}

/** Where a language's files go under the output folder: `""` for English, `ru/` for Russian. */
export function languageFolder(language: Language): string {
  const segment = languageSegment(language);
  return segment === null ? '' : `${segment}/`;
}

/**
 * Describes every page the build writes in one language (English unless
 * `pack` says otherwise): the overview, one page per rally (for the first
 * `cityLimit` rallies only, when given), their embed versions and the 404
 * page, under the language's folder (`ru/…`), with its titles and
 * descriptions and absolute URLs built from the site URL and base path.
 */
export function pageSpecs(
  collection: RallyCollection,
  siteUrl: string,
  basePath: string,
  cityLimit: number = Infinity,
  pack: LanguagePack = englishPack,
): PageSpec[] {
  const words = pageLanguage(pack);
  const { language } = pack;
  const { t, locale, titles } = words;
  const folder = languageFolder(language);
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const siteRoot = formatRoute(overviewRoute, basePath);
  const title = collection.campaign ? campaignTitle(collection.campaign, pack.translation) : t('app.siteName');
  const dateText = collection.campaign ? formatCalendarDate(collection.campaign.date, locale) : '';
  const imageUrl = (name: string) => absolute(`${siteRoot}share/${folder}${name}.png`);
  const alternatesOf = (route: Route) =>
    Object.fromEntries(
      supportedLanguages.map((other) => [other, absolute(formatRoute(route, basePath, 'site', other))]),
    ) as Record<Language, string>;

  const oembedFor = (route: Route) => {
    const file = `oembed/${folder}${route.kind === 'city' ? `city/${route.cityId}.json` : 'index.json'}`;
    return { file, url: absolute(`${siteRoot}${file}`) };
  };

  const summary = collection.campaign
    ? (translatedText(pack.translation, 'campaign.summary', collection.campaign.summary) ?? collection.campaign.summary)
    : title;
  const overview: PageSpec = {
    route: overviewRoute,
    presentation: 'site',
    language,
    siteName: title,
    alternates: alternatesOf(overviewRoute),
    rally: null,
    outputFile: `${folder}index.html`,
    imageFile: `share/${folder}overview.png`,
    title: pageTitle({ kind: 'overview' }, collection.campaign, titles),
    description: shorten(summary, 300),
    canonicalUrl: absolute(formatRoute(overviewRoute, basePath, 'site', language)),
    imageUrl: imageUrl('overview'),
    imageAlt: t('meta.overviewImageAlt', { date: dateText, campaign: title }),
    ogType: 'website',
    oembed: oembedFor(overviewRoute),
  };

  const cities = collection.rallies.slice(0, cityLimit).map((rally): PageSpec => {
    const route: Route = { kind: 'city', cityId: rally.id };
    const name = cityName(rally, pack.translation).name;
    return {
      route,
      presentation: 'site',
      language,
      siteName: title,
      alternates: alternatesOf(route),
      rally,
      outputFile: `${folder}city/${rally.id}/index.html`,
      // The same file the share menu offers as "Download image" (src/lib/address.ts).
      imageFile: imageFile({ kind: 'city', cityId: rally.id }, 'wide', language),
      title: pageTitle({ kind: 'city', rally }, collection.campaign, titles),
      description: cityDescription(rally, title, words),
      canonicalUrl: absolute(formatRoute(route, basePath, 'site', language)),
      imageUrl: absolute(imagePath({ kind: 'city', cityId: rally.id }, 'wide', basePath, language)),
      imageAlt: t('meta.cityImageAlt', { city: name, date: formatCalendarDate(rally.date, locale), campaign: title }),
      ogType: 'article',
      oembed: oembedFor(route),
    };
  });

  // The embed version of each page: same content and card, canonical address on the full site.
  const embeds = [overview, ...cities].map((spec): PageSpec => ({
    ...spec,
    presentation: 'embed',
    outputFile: `${folder}embed/${spec.outputFile.slice(folder.length)}`,
    imageFile: null,
  }));

  const notFound: PageSpec = {
    route: { kind: 'not-found' },
    presentation: 'site',
    language,
    siteName: title,
    alternates: null,
    rally: null,
    outputFile: `${folder}404.html`,
    imageFile: null,
    title: pageTitle({ kind: 'not-found' }, collection.campaign, titles),
    description: t('meta.notFoundDescription', { campaign: title }),
    canonicalUrl: null,
    imageUrl: imageUrl('overview'),
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
      embedUrl: new URL(formatRoute(spec.route, basePath, 'embed', spec.language), siteUrl).href,
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
 * `hreflang` alternates of a page: the same page in each of the seven
 * languages, and the English page as the default for every other.
 */
export function languageAlternates(alternates: Readonly<Record<Language, string>>): string[] {
  const links = supportedLanguages.map(
    (language) => `<link rel="alternate" hreflang="${language}" href="${escapeHtml(alternates[language])}" />`,
  );
  return [...links, `<link rel="alternate" hreflang="x-default" href="${escapeHtml(alternates.en)}" />`];
}

/** The `<head>` tags for a page: description, canonical link, Open Graph and Twitter card. */
export function headTags(spec: PageSpec, siteName: string): string {
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('name', 'description', spec.description),
    spec.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(spec.canonicalUrl)}" />` : null,
    spec.canonicalUrl ? null : meta('name', 'robots', 'noindex'),
    ...(spec.alternates ? languageAlternates(spec.alternates) : []),
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
    meta('property', 'og:locale', openGraphLocales[spec.language]),
    ...supportedLanguages
      .filter((language) => language !== spec.language)
      .map((language) => meta('property', 'og:locale:alternate', openGraphLocales[language])),
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
 * The preload link by which a page of a site with many rallies names its
 * rally index (src/lib/rally-index.ts): src/main.tsx finds it by its id,
 * and the browser downloads the index while the app starts.
 */
export function rallyIndexLink(href: string): string {
  return `<link rel="preload" href="${escapeHtml(href)}" as="fetch" crossorigin="anonymous" id="rally-index">`;
}

/**
 * Fills the built `index.html` template for one page: `<html lang>`,
 * `<meta charset>` as the first element of `<head>` and the Content
 * Security Policy right after it, its title and head tags, the rendered
 * app inside `#root`, and the validated rally collection (as JSON) it was
 * rendered from, so the browser can take over without a second render.
 * The collection is stamped with `dataAsOf` (YYYY-MM-DD, the build's date)
 * as `data-as-of`, for the offline note. With `collectionJson` null the
 * page carries no data and fetches the file. `#root` says which page it is
 * (`data-page`, see `pageIdentity`). A page in another language than
 * English also carries its language pack (`languagePackJson`: catalogue
 * and translation) as `#rally-language`, so it is taken over in its
 * language with no request. A page with data also carries the names of its
 * countries and its quotes' languages in its language (`namesJson`, see
 * src/lib/page-names.ts) as `#rally-names`. A page of a site with many
 * rallies names its rally index (`rallyIndexHref`, src/lib/rally-index.ts)
 * in a preload link, `#rally-index`, so the index downloads while the app
 * starts, and the app reads it instead of the rally file.
 */
export function assemblePage(
  template: string,
  spec: PageSpec,
  siteName: string,
  appHtml: string,
  collectionJson: string | null,
  policyMeta: string,
  dataAsOf: string,
  languagePackJson: string | null = null,
  namesJson: string | null = null,
  rallyIndexHref: string | null = null,
) {
  // Replacer functions, not strings: "$&" or "$'" in the data must stay literal text.
  const withTitle = template
    .replace(/<html\s+lang="[^"]*"/, () => `<html lang="${escapeHtml(spec.language)}"`)
    // The charset first, within the first 1024 bytes as browsers require, then the policy.
    .replace(/\s*<meta\s+charset=[^>]*>/i, '')
    .replace(/<head>\s*/, () => `<head>\n    ${charsetMeta}\n    ${policyMeta}\n    `)
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(spec.title)}</title>`)
    .replace(/\s*<meta\s+name="description"[^>]*>/, '');
  const indexLink = rallyIndexHref === null ? '' : `\n    ${rallyIndexLink(rallyIndexHref)}`;
  const withHead = withTitle.replace('</head>', () => `    ${headTags(spec, siteName)}${indexLink}\n  </head>`);
  const identity = pageIdentity(spec.route, spec.presentation, spec.language);
  const withApp = withHead.replace(
    '<div id="root"></div>',
    () => `<div id="root" data-page="${escapeHtml(identity)}">${appHtml}</div>`,
  );
  const scripts = [
    collectionJson === null
      ? null
      : `<script type="application/json" id="rally-data" data-as-of="${escapeHtml(dataAsOf)}">${jsonForScript(collectionJson)}</script>`,
    languagePackJson === null
      ? null
      : `<script type="application/json" id="rally-language">${jsonForScript(languagePackJson)}</script>`,
    collectionJson === null || namesJson === null
      ? null
      : `<script type="application/json" id="rally-names">${jsonForScript(namesJson)}</script>`,
  ].filter((script) => script !== null);
  if (scripts.length === 0) return withApp;
  return withApp.replace('</body>', () => `  ${scripts.join('\n  ')}\n  </body>`);
}
