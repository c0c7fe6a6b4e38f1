import {
  formatRoute,
  parseLanguageParam,
  parsePath,
  withLanguageParam,
  type Route,
  type SiteRoot,
} from '../lib/address.ts';
import { chooseLanguage, type Language } from '../lib/i18n.ts';
import { pageTitle, type TitledPage } from '../lib/page-title.ts';
import { rallyStore, setPresentation, showRoute, type RallyState } from './rally-store.ts';
import { loadLanguage } from './language.ts';
import { selectIsNotFound, selectSelectedRally } from './selectors.ts';

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
  const rally = selectSelectedRally(state);
  if (rally) return { kind: 'city', rally };
  return selectIsNotFound(state) ? { kind: 'not-found' } : { kind: 'overview' };
}

/**
 * Keeps the address bar, the history, the document title and `<html lang>`
 * in step with the store.
 *
 * - On start, the store takes the route, the presentation and the language from the address.
 * - Opening a city or the overview pushes one history entry; the map's pans
 *   and zooms are not in the store, so they never do. In the embed version
 *   the address is replaced instead, so the host page's history is untouched.
 * - Back and Forward put the route from the address back into the store.
 * - A not-found route leaves the address as the reader typed it.
 *
 * Returns a function that stops the syncing.
 */
export function startUrlSync(): () => void {
  const { route, presentation } = parsePath(window.location.pathname, basePath);
  setPresentation(presentation);
  startRoute = route;
  showRoute(route);

  const language = chooseLanguage(parseLanguageParam(window.location.search), navigator.languages);
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

  const onPopState = () => showRoute(parsePath(window.location.pathname, basePath).route);
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
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${withLanguageParam(search, language)}${hash}`);
  void loadLanguage(language);
}

/** Where the site lives: the build's base path, and its public origin (`SITE_URL`, or this page's own). */
export function siteRoot(): SiteRoot {
  return { basePath, origin: import.meta.env.SITE_URL || window.location.origin };
}

/** This page's query string (`?childId=…&lang=…`, or empty), for src/lib/address.ts to read. */
export function pageQuery(): string {
  return window.location.search;
}

/** Loads this page again from the server. */
export function reloadPage(): void {
  window.location.reload();
}
