import { pageTitle, type TitledPage } from '../lib/page-title.ts';
import { formatRoute, parseRoute, type Route } from '../lib/route.ts';
import { rallyStore, showRoute, type RallyState } from './rally-store.ts';
import { selectIsNotFound, selectSelectedRally } from './selectors.ts';

/** The site's base path, as set at build time (`BASE_PATH`). */
export const basePath = import.meta.env.BASE_URL;

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
 *   and zooms are not in the store, so they never do.
 * - Back and Forward put the route from the address back into the store.
 * - A not-found route leaves the address as the reader typed it.
 *
 * Returns a function that stops the syncing.
 */
export function startUrlSync(): () => void {
  showRoute(parseRoute(window.location.pathname, basePath));

  const updateTitle = (state: RallyState) => {
    const title = pageTitle(titledPage(state), state.campaign);
    if (document.title !== title) document.title = title;
  };
  updateTitle(rallyStore.getState());

  const unsubscribe = rallyStore.subscribe(function followStore(state, previous) {
    if (state.route !== previous.route && state.route.kind !== 'not-found') {
      const path = formatRoute(state.route, basePath);
      // Equal when the change came from the address itself (start-up, Back, Forward).
      if (path !== window.location.pathname) {
        window.history.pushState(null, '', `${path}${window.location.search}`);
      }
    }
    updateTitle(state);
  });

  const onPopState = () => showRoute(parseRoute(window.location.pathname, basePath));
  window.addEventListener('popstate', onPopState);

  return function stopUrlSync() {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}

/**
 * The absolute address of a route, for sharing: on the site's public origin
 * (`SITE_URL` at build time) or, when that was not set, on this page's own.
 */
export function absoluteRouteUrl(route: Route): string {
  const origin = import.meta.env.SITE_URL || window.location.origin;
  return new URL(formatRoute(route, basePath), origin).href;
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
