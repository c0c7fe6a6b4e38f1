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

function pathSegments(pathname: string, basePath: string): string[] | null {
  const base = withTrailingSlash(basePath);
  const path = withTrailingSlash(pathname);
  if (!path.startsWith(base)) return null;
  return path
    .slice(base.length)
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index.html');
}

/** Whether a path is under `embed/`, the version of every page made for iframes. */
export function parsePresentation(pathname: string, basePath = '/'): Presentation {
  return pathSegments(pathname, basePath)?.[0] === 'embed' ? 'embed' : 'site';
}

/**
 * Reads a route from a path such as `/city/london/` (or its embed version
 * `/embed/city/london/`), given the site's base path (`/` or
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
 * `embed/` for the embed version. `not-found` has no address of its own; it
 * formats as the overview's.
 */
export function formatRoute(route: Route, basePath = '/', presentation: Presentation = 'site'): string {
  const base = `${withTrailingSlash(basePath)}${presentation === 'embed' ? 'embed/' : ''}`;
  return route.kind === 'city' ? `${base}city/${route.cityId}/` : base;
}

/** True when two routes lead to the same page. */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.kind === 'city' && b.kind === 'city') return a.cityId === b.cityId;
  return a.kind === b.kind;
}
