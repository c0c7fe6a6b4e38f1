import { supportedLanguages, type Language } from './i18n.ts';
import { slugPattern } from './slug.ts';

/*
 * Every address the app builds comes from this module: the path of each
 * page (and of its embed version), the `?lang=` and `?childId=` parts of the
 * query, absolute share URLs, and the addresses of the site's own files (the
 * data file, embed.js, the service worker). All of it is pure: the base path
 * and the origin are arguments, never read from the page.
 *
 * Adding a page kind the app renders means a new member of `Route` and one
 * case each in `routeFromSegments` and `routeSegments`; the compiler points
 * at both. Every page exists in each language: English at the addresses
 * without a prefix, the others under their segment (`ru/`, `pt-br/`),
 * written by `pathPrefix` and read by `parsePath`. The campaign tools'
 * static pages (quote pages and posters, which the app does not render) and
 * files (data downloads, downloadable images) are addressed at the end of
 * this module, with the same prefixes, and read back by `parseToolPath`.
 */

/** What an address asks for. Whether a city exists is for the data to say, not the address. */
export type Route =
  | { kind: 'overview' }
  | { kind: 'city'; cityId: string }
  /** A path this site has no page for, or a city slug that is not a valid slug. */
  | { kind: 'not-found' };

/** The overview route, shared so comparisons need no allocation. */
export const overviewRoute: Route = { kind: 'overview' };

/** Which version of the site a page is: the full site, or the compact one for iframes in articles. */
export type Presentation = 'site' | 'embed';

/** Everything a path says: which page, in which version of the site, in which language. */
export interface PagePath {
  route: Route;
  presentation: Presentation;
  language: Language;
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function pathSegments(pathname: string, basePath: string): string[] | null {
  const base = withTrailingSlash(basePath);
  const path = withTrailingSlash(pathname);
  if (!path.startsWith(base)) return null;
  return path
    .slice(base.length)
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index.html');
}

/**
 * The address segment of a language's pages: its tag in lower case (`ru`,
 * `pt-br`), or `null` for English, whose pages keep the addresses without a
 * prefix.
 */
export function languageSegment(language: Language): string | null {
  return language === 'en' ? null : language.toLowerCase();
}

/** The language whose pages live under `segment` (`pt-br` gives `pt-BR`), or `null`. English has no segment. */
function languageOfSegment(segment: string | undefined): Language | null {
  if (segment === undefined) return null;
  return supportedLanguages.find((language) => languageSegment(language) === segment) ?? null;
}

/** The route the segments after the base path (and after `embed/`) name. */
function routeFromSegments(segments: readonly string[]): Route {
  if (segments.length === 0) return overviewRoute;
  const [first, slug, ...rest] = segments;
  if (first === 'city' && slug !== undefined && rest.length === 0 && slugPattern.test(slug)) {
    return { kind: 'city', cityId: slug };
  }
  return { kind: 'not-found' };
}

/** The segments of a route's path, the reverse of `routeFromSegments`. */
function routeSegments(route: Route): string[] {
  switch (route.kind) {
    case 'city':
      return ['city', route.cityId];
    case 'overview':
    case 'not-found':
      return [];
  }
}

/**
 * Reads a path such as `/city/london/` or `/embed/city/london/`, either of
 * them under a language's prefix (`/ru/city/london/`, `/pt-br/embed/`; no
 * prefix is English), given the site's base path (`/` or
 * `/chechnya-rallies/`). Accepts the path with or without its trailing
 * slash and with `index.html`. Anything else, including encoded or hostile
 * slugs, is a `not-found` route. Never throws.
 */
export function parsePath(pathname: string, basePath = '/'): PagePath {
  const allSegments = pathSegments(pathname, basePath);
  if (allSegments === null) return { route: { kind: 'not-found' }, presentation: 'site', language: 'en' };
  const prefixLanguage = languageOfSegment(allSegments[0]);
  const segments = prefixLanguage === null ? allSegments : allSegments.slice(1);
  const embedded = segments[0] === 'embed';
  return {
    route: routeFromSegments(embedded ? segments.slice(1) : segments),
    presentation: embedded ? 'embed' : 'site',
    language: prefixLanguage ?? 'en',
  };
}

/** The language of a page's address: its prefix's (`/ru/…` is Russian), English without one. Never throws. */
export function parseLanguage(pathname: string, basePath = '/'): Language {
  return parsePath(pathname, basePath).language;
}

/** Whether a path is under `embed/`, the version of every page made for iframes. */
export function parsePresentation(pathname: string, basePath = '/'): Presentation {
  return parsePath(pathname, basePath).presentation;
}

/** The route a path asks for (see `parsePath`). Never throws. */
export function parseRoute(pathname: string, basePath = '/'): Route {
  return parsePath(pathname, basePath).route;
}

/** The start of every path of one version of the site in one language, with a trailing slash. */
function pathPrefix(basePath: string, presentation: Presentation, language: Language): string {
  const segment = languageSegment(language);
  return `${withTrailingSlash(basePath)}${segment === null ? '' : `${segment}/`}${presentation === 'embed' ? 'embed/' : ''}`;
}

/**
 * The path of a route under the base path, always with a trailing slash, so
 * that a static host serves `city/<slug>/index.html` directly; under
 * `embed/` for the embed version, and under the language's segment for
 * every language but English (`/ru/embed/city/london/`). `not-found` has no
 * address of its own; it formats as the overview's. `parsePath` reads it back.
 */
export function formatRoute(
  route: Route,
  basePath = '/',
  presentation: Presentation = 'site',
  language: Language = 'en',
): string {
  return routeSegments(route).reduce(
    (path, segment) => `${path}${segment}/`,
    pathPrefix(basePath, presentation, language),
  );
}

/**
 * A short text naming what a page shows, such as `site ru city/london`,
 * `embed en overview` or `site de not-found`: written into each generated
 * page, so the app can tell whether the HTML it finds is the page its
 * address asks for (an offline copy of another page is not).
 */
export function pageIdentity(route: Route, presentation: Presentation, language: Language): string {
  return `${presentation} ${language} ${route.kind === 'city' ? `city/${route.cityId}` : route.kind}`;
}

/** True when two routes lead to the same page. */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.kind === 'city' && b.kind === 'city') return a.cityId === b.cityId;
  return a.kind === b.kind;
}

/** Where the site lives: its base path (`BASE_PATH`) and public origin (`SITE_URL`, or the page's own). */
export interface SiteRoot {
  basePath: string;
  origin: string;
}

/**
 * The absolute address of a route, for sharing and embedding: the full
 * site's page unless `presentation` says embed, in `language` (English by
 * default). `parsePath` reads its path back.
 */
export function absoluteRouteUrl(
  route: Route,
  site: SiteRoot,
  presentation: Presentation = 'site',
  language: Language = 'en',
): string {
  return new URL(formatRoute(route, site.basePath, presentation, language), site.origin).href;
}

/** The root-relative path of one of the site's own files, such as `data/rallies.geojson`. */
export function siteFilePath(file: string, basePath = '/'): string {
  return `${withTrailingSlash(basePath)}${file.replace(/^\/+/, '')}`;
}

/** The rally file's path: `data/rallies.geojson` under the base path. */
export function rallyDataPath(basePath = '/'): string {
  return siteFilePath('data/rallies.geojson', basePath);
}

/**
 * The rally index's path (src/lib/rally-index.ts): `data/rally-index.bin`
 * under the base path. Only sites with many rallies have one.
 */
export function rallyIndexPath(basePath = '/'): string {
  return siteFilePath('data/rally-index.bin', basePath);
}

/** The folder of the rally index's record shards: `data/records/` under the base path. */
export function rallyRecordsPath(basePath = '/'): string {
  return siteFilePath('data/records/', basePath);
}

/** The address of record shard `shard` inside the records folder `recordsFolder` (a path or address ending in "/"). */
export function rallyRecordShardPath(recordsFolder: string, shard: number): string {
  return `${recordsFolder}${String(shard)}.geojson`;
}

/** The service worker's path, `sw.js` under the base path. Its scope is the base path. */
export function serviceWorkerPath(basePath = '/'): string {
  return siteFilePath('sw.js', basePath);
}

/**
 * The absolute address of the script host pages load to size the iframe:
 * `file` under the base path, the build's versioned `assets/embed.<hash>.js`
 * (build/embed-script.ts), or `embed.js`, which snippets pasted before name.
 */
export function embedScriptUrl(site: SiteRoot, file = 'embed.js'): string {
  return new URL(siteFilePath(file, site.basePath), site.origin).href;
}

/** The `?lang=` value of a query string (`?a=1&lang=de`), or `null` without one. Not checked against the languages. */
export function parseLanguageParam(search: string): string | null {
  return new URLSearchParams(search).get('lang');
}

/**
 * The query string with `?lang=` set to `language`, keeping every other
 * parameter; English, the default, is removed instead. Empty when nothing
 * is left, else starting with `?`. `parseLanguageParam` reads it back.
 */
export function withLanguageParam(search: string, language: Language): string {
  const params = new URLSearchParams(search);
  if (language === 'en') params.delete('lang');
  else params.set('lang', language);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * The Pym.js child id the host page gave an embed (`?childId=`), if any, so
 * height messages can also be spoken in Pym's format. Only a short
 * identifier (letters, digits, `_`, `-`; at most 64) is accepted.
 */
export function parsePymChildId(search: string): string | null {
  const id = new URLSearchParams(search).get('childId');
  return id !== null && /^[\w-]{1,64}$/.test(id) ? id : null;
}

/**
 * The one id an embed names itself by in Datawrapper's height message, for
 * the whole time it is open: from the host's Pym.js child id when it gave one,
 * else from the page the embed was loaded at
 * (`rally-map-london`, `rally-map-all`). It never follows the cities the
 * reader opens afterwards, so the host page cannot learn them from the messages.
 */
export function embedId(routeAtLoad: Route, pymChildId: string | null = null): string {
  if (pymChildId !== null) return `rally-map-${pymChildId}`;
  return `rally-map-${routeAtLoad.kind === 'city' ? routeAtLoad.cityId : 'all'}`;
}

// ---------------------------------------------------------------------------
// The campaign tools (issue 14): data downloads, quote pages, posters and
// downloadable images. Plain pages and files written at build, in every
// language; the app links to them but never renders them.

/** The validated rally collection as GeoJSON, for download: `data/rallies-validated.geojson`. */
export const validatedGeoJsonFile = 'data/rallies-validated.geojson';
/** One row per rally, for spreadsheets: `data/rallies.csv`. */
export const rallyCsvFile = 'data/rallies.csv';

/** The path of a data download under the base path (the same file for every language). */
export function dataFilePath(file: typeof validatedGeoJsonFile | typeof rallyCsvFile, basePath = '/'): string {
  return siteFilePath(file, basePath);
}

/** Which quote a quote page shows: a city's (`cityId`) or the campaign's (`cityId: null`); `number` counts from 1. */
export interface QuoteAddress {
  cityId: string | null;
  number: number;
}

/**
 * A quote page's path in `language`: `/city/london/quote/2/`, `/quote/1/`
 * for a campaign quote, `/ru/city/london/quote/2/` in Russian. `parseToolPath`
 * reads it back.
 */
export function quotePagePath({ cityId, number }: QuoteAddress, basePath = '/', language: Language = 'en'): string {
  const prefix = pathPrefix(basePath, 'site', language);
  return cityId === null ? `${prefix}quote/${number}/` : `${prefix}city/${cityId}/quote/${number}/`;
}

/** The anchor of a quote on its city's page (or on the overview, for a campaign quote): `quote-2`. */
export function quoteAnchor(number: number): string {
  return `quote-${number}`;
}

/** Which paper a poster page is laid out for. */
export type PaperSize = 'a4' | 'letter';

/**
 * A city's poster page in `language`: `/city/london/poster/` (A4),
 * `/city/london/poster/letter/` (US Letter), `/ru/city/london/poster/`.
 * `parseToolPath` reads it back.
 */
export function posterPagePath(
  cityId: string,
  paper: PaperSize = 'a4',
  basePath = '/',
  language: Language = 'en',
): string {
  return `${pathPrefix(basePath, 'site', language)}city/${cityId}/poster/${paper === 'letter' ? 'letter/' : ''}`;
}

/** The shape of a downloadable image: the 1200×630 link-preview card, or the 1080×1080 square. */
export type ImageShape = 'wide' | 'square';

/** What a downloadable image shows: a city (its share card) or one quote. */
export type ImageSubject = { kind: 'city'; cityId: string } | { kind: 'quote'; quote: QuoteAddress };

/**
 * The file of a downloadable image in `language`, relative to the site's
 * root: `share/london.png` (the city's link-preview card, the city page's
 * `og:image`), `share/square/london.png`, `share/quote/london-2.png`,
 * `share/quote/square/campaign-1.png`; every language but English under its
 * segment: `share/ru/london.png`, `share/ru/quote/london-2.png`.
 */
export function imageFile(subject: ImageSubject, shape: ImageShape, language: Language = 'en'): string {
  const segment = languageSegment(language);
  const folder = `share/${segment === null ? '' : `${segment}/`}`;
  const square = shape === 'square' ? 'square/' : '';
  if (subject.kind === 'city') return `${folder}${square}${subject.cityId}.png`;
  const { cityId, number } = subject.quote;
  return `${folder}quote/${square}${cityId ?? 'campaign'}-${number}.png`;
}

/** The path of a downloadable image under the base path (see `imageFile`). */
export function imagePath(subject: ImageSubject, shape: ImageShape, basePath = '/', language: Language = 'en'): string {
  return siteFilePath(imageFile(subject, shape, language), basePath);
}

/** A campaign-tools page, as read back from its path: which quote or poster, and in which language. */
export type ToolPage = (
  { kind: 'quote'; quote: QuoteAddress } | { kind: 'poster'; cityId: string; paper: PaperSize }
) & { language: Language };

const quoteNumberPattern = /^[1-9][0-9]{0,3}$/;

/**
 * Reads a quote or poster page's path back (with or without its trailing
 * slash or `index.html`, under a language's prefix or none for English),
 * or `null` for any other path, including the app's own pages. Never throws.
 */
export function parseToolPath(pathname: string, basePath = '/'): ToolPage | null {
  const allSegments = pathSegments(pathname, basePath);
  if (allSegments === null) return null;
  const prefixLanguage = languageOfSegment(allSegments[0]);
  const language = prefixLanguage ?? 'en';
  const segments = prefixLanguage === null ? allSegments : allSegments.slice(1);
  const [first, second, third, fourth, ...rest] = segments;
  if (rest.length > 0) return null;
  const isNumber = (segment: string | undefined): segment is string =>
    segment !== undefined && quoteNumberPattern.test(segment);
  if (first === 'quote' && isNumber(second) && third === undefined) {
    return { kind: 'quote', quote: { cityId: null, number: Number(second) }, language };
  }
  if (first !== 'city' || second === undefined || !slugPattern.test(second)) return null;
  if (third === 'quote' && isNumber(fourth)) {
    return { kind: 'quote', quote: { cityId: second, number: Number(fourth) }, language };
  }
  if (third === 'poster' && (fourth === undefined || fourth === 'letter')) {
    return { kind: 'poster', cityId: second, paper: fourth === 'letter' ? 'letter' : 'a4', language };
  }
  return null;
}
