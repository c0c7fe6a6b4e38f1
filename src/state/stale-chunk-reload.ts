import { reloadPage } from './url-sync.ts';

const reloadKey = 'rally-map:stale-chunk-reload';

/**
 * After a redeploy, an open page may ask for code files that no longer
 * exist. Vite reports that as `vite:preloadError`; the page then reloads
 * once to get the new version. A second failure within a minute does not
 * reload again, so a broken deploy cannot cause a reload loop. Offline
 * (`navigator.onLine` false) it never reloads.
 */
export function reloadOnceOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    // Offline, a file that is not stored is no sign of a new deploy: the part that needs it says it is unavailable.
    if (!navigator.onLine) return;
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
