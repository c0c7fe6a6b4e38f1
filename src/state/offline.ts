import { serviceWorkerPath } from '../lib/address.ts';
import { offlineCopyTimingName, storeLoadedFilesMessage } from '../lib/offline-copy.ts';
import { markOfflineCopy, rallyStore } from './rally-store.ts';

/**
 * Records, at start, whether the service worker answered this page from its
 * offline copy because the network failed or was too slow: it says so in the
 * page's `Server-Timing` (src/service-worker/service-worker.ts). The
 * browser's own online flag is not used: it is false on any machine without
 * a network interface, even when the site itself (say, on localhost) answers.
 */
export function noteOfflineCopyPage(): void {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (navigation?.serverTiming.some((metric) => metric.name === offlineCopyTimingName)) markOfflineCopy();
}

/**
 * Registers the service worker (`sw.js`, built after the pages) so the site
 * works offline after this visit. Production builds only, never on the
 * development server; never in the embed version (a worker in an article's
 * iframe would store the whole site once per article site, for a reader who
 * came to read the article), nor in any other frame. It waits until the page has loaded and the
 * browser is idle, so storing the site never competes with the first view.
 */
export function registerServiceWorkerWhenIdle(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (rallyStore.getState().presentation === 'embed') return;
  // Nor in a full-site page framed by another page: the same reason, for whatever site frames it.
  if (!isTopLevelWindow()) return;
  const register = () => {
    navigator.serviceWorker
      .register(serviceWorkerPath(import.meta.env.BASE_URL), { scope: import.meta.env.BASE_URL })
      .catch(() => {
        // Without a service worker the site works as before, online only.
      });
  };
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 10_000 });
    else setTimeout(register, 2_000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/**
 * Once the interactive map's files have loaded, asks the service worker (as
 * soon as one is active) to store them from the browser's cache, so the map
 * works offline after this visit. A map loaded before the worker was
 * installed is stored by its install; this covers one loaded while the
 * worker was installing and not yet in charge of the page, whose requests it
 * never saw. Nothing is downloaded for it. Only where the worker is
 * registered (see `registerServiceWorkerWhenIdle`).
 */
export function storeLoadedMapFilesOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (rallyStore.getState().presentation === 'embed' || !isTopLevelWindow()) return;
  void navigator.serviceWorker.ready.then((registration) => {
    registration.active?.postMessage({ kind: storeLoadedFilesMessage });
  });
}

/** Whether this page is the browser tab's own page, not inside a frame (a cross-origin parent counts as a frame). */
function isTopLevelWindow(): boolean {
  try {
    return window.top === window.self;
  } catch {
    // Some browsers throw on reading a cross-origin `top`: that is a frame.
    return false;
  }
}
