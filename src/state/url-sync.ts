import {
  formatRoute,
  parseLanguageParam,
  parsePath,
  withLanguageParam,
  type Route,
  type SiteRoot,
} from '../lib/address.ts';
import { matchLanguage, type Language } from '../lib/i18n.ts';
import { pageTitle, type TitledPage } from '../lib/page-title.ts';
import { rallyStore, setPresentation, showRoute, type RallyState } from './rally-store.ts';
import { loadLanguage } from './language.ts';
import { selectIsNotFound, selectSelectedSummary } from './selectors.ts';
import { titleWords } from './use-t.ts';

/*
 * The browser's address: the only module that reads or writes `location`
 * and `history` (the lint config holds every other module to that). What an
 * address means, and every address the app builds, is the pure
 * src/lib/address.ts; this module only moves those values in and out of the
 * browser, and keeps the title and `<html lang>` in step.
 */

const basePath = import.meta.env.BASE_URL;

let startRoute: Route | null = null;

/**
 * The route of the address this page was loaded at (read by `startUrlSync`),
 * whatever the reader opened since; before that, the address's own.
 */
export function routeAtLoad(): Route {
  return startRoute ?? parsePath(window.location.pathname, basePath).route;
}

function titledPage(state: RallyState): TitledPage {
  const rally = selectSelectedSummary(state);
  if (rally) return { kind: 'city', rally };
  return selectIsNotFound(state) ? { kind: 'not-found' } : { kind: 'overview' };
}

/** The language the address bar names: its prefix (`/ru/…`), or English. */
function addressLanguage(): Language {
  return parsePath(window.location.pathname, basePath).language;
}

/** Loads the address's language when the page is not already in it. */
function followAddressLanguage(): void {
  const language = addressLanguage();
  if (language !== rallyStore.getState().language) void loadLanguage(language);
}

/**
 * Keeps the address bar, the history, the document title and `<html lang>`
 * in step with the store.
 *
 * - On start, the store takes the route and the presentation from the
 *   address, and the page's language from its prefix (`/ru/…`). An old link
 *   with `?lang=ru` is replaced by the Russian page's address, without a new
 *   history entry.
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
  const { route, presentation } = parsePath(window.location.pathname, basePath);
  setPresentation(presentation);
  startRoute = route;
  showRoute(route);

  const requested = parseLanguageParam(window.location.search);
  if (requested !== null) {
    const language = matchLanguage(requested) ?? addressLanguage();
    const path =
      route.kind === 'not-found' ? window.location.pathname : formatRoute(route, basePath, presentation, language);
    const query = withLanguageParam(window.location.search, 'en');
    window.history.replaceState(window.history.state, '', `${path}${query}${window.location.hash}`);
  }
  followAddressLanguage();

  const updateTitle = (state: RallyState) => {
    const words = titleWords(state.language, state.catalogue, state.translation);
    const title = pageTitle(titledPage(state), state.campaign, words);
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
    showRoute(parsePath(window.location.pathname, basePath).route);
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
 * without reloading. Resolves then. The choice is kept in the address only:
 * no cookie, no storage.
 */
export function switchLanguage(language: Language): Promise<void> {
  const { route, presentation } = rallyStore.getState();
  if (route.kind !== 'not-found') {
    const url = `${formatRoute(route, basePath, presentation, language)}${window.location.search}`;
    if (presentation === 'embed') window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }
  return loadLanguage(language);
}

/** Where the site lives: the build's base path, and its public origin (`SITE_URL`, or this page's own). */
export function siteRoot(): SiteRoot {
  return { basePath, origin: import.meta.env.SITE_URL || window.location.origin };
}

/** This page's query string (`?childId=…`, or empty), for src/lib/address.ts to read. */
export function pageQuery(): string {
  return window.location.search;
}

/** Loads this page again from the server. */
export function reloadPage(): void {
  window.location.reload();
}
