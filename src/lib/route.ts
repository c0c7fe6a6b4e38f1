import { supportedLanguages, type Language } from './i18n.ts';
import { slugPattern } from './slug.ts';

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

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
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

/** The path's segments under the base path, without `index.html`, or `null` outside the base path. */
function allPathSegments(pathname: string, basePath: string): string[] | null {
  const base = withTrailingSlash(basePath);
  const path = withTrailingSlash(pathname);
  if (!path.startsWith(base)) return null;
  return path
    .slice(base.length)
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index.html');
}

/** The segments after the language prefix, if any. */
function pathSegments(pathname: string, basePath: string): string[] | null {
  const segments = allPathSegments(pathname, basePath);
  if (segments === null) return null;
  return languageOfSegment(segments[0]) === null ? segments : segments.slice(1);
}

/**
 * The language of a page's address: the one named by its first segment
 * (`/ru/city/london/` is Russian, `/pt-br/` Brazilian Portuguese), English
 * for every address without a language prefix. Never throws.
 */
export function parseLanguage(pathname: string, basePath = '/'): Language {
  return languageOfSegment(allPathSegments(pathname, basePath)?.[0]) ?? 'en';
}

/** Whether a path is under `embed/` (after its language prefix), the version of every page made for iframes. */
export function parsePresentation(pathname: string, basePath = '/'): Presentation {
  return pathSegments(pathname, basePath)?.[0] === 'embed' ? 'embed' : 'site';
}

/**
 * Reads a route from a path such as `/city/london/` (or its embed version
 * `/embed/city/london/`, or either under a language prefix such as
 * `/ru/city/london/`; see `parseLanguage`), given the site's base path (`/` or
 * `/chechnya-rallies/`). Accepts the path with or without its trailing slash
 * and with `index.html`. Anything else, including encoded or hostile slugs,
 * is `not-found`. Never throws.
 */
export function parseRoute(pathname: string, basePath = '/'): Route {
  const allSegments = pathSegments(pathname, basePath);
  if (allSegments === null) return { kind: 'not-found' };
  const segments = allSegments[0] === 'embed' ? allSegments.slice(1) : allSegments;
  if (segments.length === 0) return overviewRoute;
  const [first, slug, ...rest] = segments;
  if (first === 'city' && slug !== undefined && rest.length === 0 && slugPattern.test(slug)) {
    return { kind: 'city', cityId: slug };
  }
  return { kind: 'not-found' };
}

/**
 * The path of a route under the base path, always with a trailing slash, so
 * that a static host serves `city/<slug>/index.html` directly; under
 * `embed/` for the embed version, and under the language's segment for
 * every language but English (`/ru/embed/city/london/`). `not-found` has no
 * address of its own; it formats as the overview's.
 */
export function formatRoute(
  route: Route,
  basePath = '/',
  presentation: Presentation = 'site',
  language: Language = 'en',
): string {
  const segment = languageSegment(language);
  const base = `${withTrailingSlash(basePath)}${segment === null ? '' : `${segment}/`}${presentation === 'embed' ? 'embed/' : ''}`;
  return route.kind === 'city' ? `${base}city/${route.cityId}/` : base;
}

/** True when two routes lead to the same page. */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.kind === 'city' && b.kind === 'city') return a.cityId === b.cityId;
  return a.kind === b.kind;
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
