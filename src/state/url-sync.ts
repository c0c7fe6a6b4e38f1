import { matchLanguage, type Language } from '../lib/i18n.ts';
import { pageTitle, type TitledPage } from '../lib/page-title.ts';
import {
  formatRoute,
  parseLanguage,
  parsePresentation,
  parseRoute,
  type Presentation,
  type Route,
} from '../lib/route.ts';
import { rallyStore, setPresentation, showRoute, type RallyState } from './rally-store.ts';
import { loadLanguage } from './language.ts';
import { selectIsNotFound, selectSelectedRally } from './selectors.ts';
import { titleWords } from './use-t.ts';

/** The site's base path, as set at build time (`BASE_PATH`). */
export const basePath = import.meta.env.BASE_URL;

function titledPage(state: RallyState): TitledPage {
  const rally = selectSelectedRally(state);
  if (rally) return { kind: 'city', rally };
  return selectIsNotFound(state) ? { kind: 'not-found' } : { kind: 'overview' };
}

/** The language the address bar names: its prefix, or English. */
function addressLanguage(): Language {
  return parseLanguage(window.location.pathname, basePath);
}

/** Loads the address's language when the page is not already in it. */
function followAddressLanguage(): void {
  const language = addressLanguage();
  if (language !== rallyStore.getState().language) void loadLanguage(language);
}

/**
 * Keeps the address bar, the history, the document title and `<html lang>`
 * in step with the store. This is the only code that reads or writes
 * `location` and `history`.
 *
 * - On start, the store takes the route from the address, and the page's
 *   language from its prefix (`/ru/…`). An old link with `?lang=ru` is
 *   replaced by the Russian page's address, without a new history entry.
 * - Opening a city or the overview pushes one history entry, in the
 *   address's language; the map's pans and zooms are not in the store, so
 *   they never do. In the embed version the address is replaced instead, so
 *   the host page's history is untouched.
 * - Back and Forward put the route and the language from the address back
 *   into the store.
 * - A not-found route leaves the address as the reader typed it.
 *
 * Returns a function that stops the syncing.
 */
export function startUrlSync(): () => void {
  const presentation = parsePresentation(window.location.pathname, basePath);
  setPresentation(presentation);
  const route = parseRoute(window.location.pathname, basePath);
  showRoute(route);

  const search = new URLSearchParams(window.location.search);
  const requested = search.get('lang');
  if (requested !== null) {
    search.delete('lang');
    const language = matchLanguage(requested) ?? addressLanguage();
    const path =
      route.kind === 'not-found' ? window.location.pathname : formatRoute(route, basePath, presentation, language);
    const query = search.size > 0 ? `?${search.toString()}` : '';
    window.history.replaceState(window.history.state, '', `${path}${query}${window.location.hash}`);
  }
  followAddressLanguage();

  const updateTitle = (state: RallyState) => {
    const title = pageTitle(
      titledPage(state),
      state.campaign,
      titleWords(state.language, state.catalogue, state.translation),
    );
    if (document.title !== title) document.title = title;
  };
  updateTitle(rallyStore.getState());

  const unsubscribe = rallyStore.subscribe(function followStore(state, previous) {
    if (state.route !== previous.route && state.route.kind !== 'not-found') {
      const path = formatRoute(state.route, basePath, presentation, addressLanguage());
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

  const onPopState = () => {
    showRoute(parseRoute(window.location.pathname, basePath));
    followAddressLanguage();
  };
  window.addEventListener('popstate', onPopState);

  return function stopUrlSync() {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}

/**
 * Follows a language link in place: the address becomes the same page's in
 * `language` (a new history entry; replaced in the embed version), and the
 * page switches to it once its catalogue and translation have loaded,
 * without reloading. Resolves then.
 */
export function switchLanguage(language: Language): Promise<void> {
  const { route, presentation } = rallyStore.getState();
  if (route.kind !== 'not-found') {
    const path = formatRoute(route, basePath, presentation, language);
    const url = `${path}${window.location.search}`;
    if (presentation === 'embed') window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }
  return loadLanguage(language);
}

/**
 * The absolute address of a route, for sharing and embedding: on the site's
 * public origin (`SITE_URL` at build time) or, when that was not set, on
 * this page's own, in the page's language. The full site's address unless
 * `presentation` says embed.
 */
export function absoluteRouteUrl(route: Route, presentation: Presentation = 'site'): string {
  return new URL(formatRoute(route, basePath, presentation, rallyStore.getState().language), siteOrigin()).href;
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
