import { rallyStore } from './rally-store.ts';
import { reloadPage } from './url-sync.ts';

const reloadKey = 'rally-map:stale-chunk-reload';

/**
 * After a redeploy, an open page may ask for code files that no longer
 * exist. Vite reports that as `vite:preloadError`; the page then reloads
 * once to get the new version. A second failure within a minute does not
 * reload again, so a broken deploy cannot cause a reload loop. A page
 * that is the service worker's offline copy never reloads.
 */
export function reloadOnceOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    // A page the service worker answered from its store (offline): a file it does not hold is no sign of a new
    // deploy, and the part that needs it says it is unavailable. (`navigator.onLine` is not trusted: a machine
    // with no network but the site's own says false, and a dead connection can say true.)
    if (rallyStore.getState().offlineCopy) return;
    try {
      const lastReload = Number(window.sessionStorage.getItem(reloadKey) ?? 0);
      if (Date.now() - lastReload < 60_000) return;
      window.sessionStorage.setItem(reloadKey, String(Date.now()));
    } catch {
      // Without session storage there is no way to know about an earlier reload: do not risk a loop.
      return;
    }
    event.preventDefault();
    reloadPage();
  });
}
