import { chooseLanguage, type Language } from '../lib/i18n.ts';
import { pageTitle, type TitledPage } from '../lib/page-title.ts';
import {
  formatRoute,
  overviewRoute,
  parsePresentation,
  parseRoute,
  type Presentation,
  type Route,
} from '../lib/route.ts';
import { rallyStore, setPresentation, showRoute, type RallyState } from './rally-store.ts';
import { loadLanguage } from './language.ts';
import { selectIsNotFound, selectSelectedRally } from './selectors.ts';

/** The site's base path, as set at build time (`BASE_PATH`). */
export const basePath = import.meta.env.BASE_URL;

let startRoute: Route = overviewRoute;

/** The route of the address this page was loaded at (by `startUrlSync`), whatever the reader opened since. */
export function routeAtLoad(): Route {
  return startRoute;
}

function titledPage(state: RallyState): TitledPage {
  const rally = selectSelectedRally(state);
  if (rally) return { kind: 'city', rally };
  return selectIsNotFound(state) ? { kind: 'not-found' } : { kind: 'overview' };
}

/**
 * Keeps the address bar, the history and the document title in step with the
 * store. This is the only code that reads or writes `location` and `history`.
 *
 * - On start, the store takes the route from the address.
 * - Opening a city or the overview pushes one history entry; the map's pans
 *   and zooms are not in the store, so they never do. In the embed version
 *   the address is replaced instead, so the host page's history is untouched.
 * - Back and Forward put the route from the address back into the store.
 * - A not-found route leaves the address as the reader typed it.
 *
 * Returns a function that stops the syncing.
 */
export function startUrlSync(): () => void {
  const presentation = parsePresentation(window.location.pathname, basePath);
  setPresentation(presentation);
  startRoute = parseRoute(window.location.pathname, basePath);
  showRoute(startRoute);

  const requestedLanguage = new URLSearchParams(window.location.search).get('lang');
  const language = chooseLanguage(requestedLanguage, navigator.languages);
  if (language !== 'en') void loadLanguage(language);

  const updateTitle = (state: RallyState) => {
    const title = pageTitle(titledPage(state), state.campaign);
    if (document.title !== title) document.title = title;
  };
  updateTitle(rallyStore.getState());

  const unsubscribe = rallyStore.subscribe(function followStore(state, previous) {
    if (state.route !== previous.route && state.route.kind !== 'not-found') {
      const path = formatRoute(state.route, basePath, presentation);
      // Equal when the change came from the address itself (start-up, Back, Forward).
      if (path !== window.location.pathname) {
        // Inside an iframe, history entries would hijack the host article's Back button.
        if (presentation === 'embed') window.history.replaceState(null, '', `${path}${window.location.search}`);
        else window.history.pushState(null, '', `${path}${window.location.search}`);
      }
    }
    updateTitle(state);
    if (state.language !== previous.language) document.documentElement.lang = state.language;
  });

  const onPopState = () => showRoute(parseRoute(window.location.pathname, basePath));
  window.addEventListener('popstate', onPopState);

  return function stopUrlSync() {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}

/**
 * Switches the interface language at the reader's request, and keeps the
 * choice in the address (`?lang=`), the only place it is remembered: no
 * cookie, no storage. English, the default, is removed from the address.
 */
export function switchLanguage(language: Language): void {
  const url = new URL(window.location.href);
  if (language === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', language);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  void loadLanguage(language);
}

/**
 * The absolute address of a route, for sharing and embedding: on the site's
 * public origin (`SITE_URL` at build time) or, when that was not set, on
 * this page's own. The full site's address unless `presentation` says embed.
 */
export function absoluteRouteUrl(route: Route, presentation: Presentation = 'site'): string {
  return new URL(formatRoute(route, basePath, presentation), siteOrigin()).href;
}

/** The site's public origin: `SITE_URL` at build time, or this page's own origin. */
export function siteOrigin(): string {
  return import.meta.env.SITE_URL || window.location.origin;
}

/**
 * The Pym.js child id the host page gave this embed (`?childId=`), if any,
 * so height messages can also be spoken in Pym's format. Only a short
 * identifier is accepted.
 */
export function pymChildId(): string | null {
  const id = new URLSearchParams(window.location.search).get('childId');
  return id !== null && /^[\w-]{1,64}$/.test(id) ? id : null;
}

const reloadKey = 'rally-map:stale-chunk-reload';

/**
 * After a redeploy, an open page may ask for code files that no longer
 * exist. Vite reports that as `vite:preloadError`; the page then reloads
 * once to get the new version. A second failure within a minute does not
 * reload again, so a broken deploy cannot cause a reload loop.
 */
export function reloadOnceOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    try {
      const lastReload = Number(window.sessionStorage.getItem(reloadKey) ?? 0);
      if (Date.now() - lastReload < 60_000) return;
      window.sessionStorage.setItem(reloadKey, String(Date.now()));
    } catch {
      // Without session storage there is no way to know about an earlier reload: do not risk a loop.
      return;
    }
    event.preventDefault();
    window.location.reload();
  });
}
