/**
 * The service worker (built to `sw.js` by build/service-worker.ts, after the
 * pages are written). After one visit the full site works offline:
 *
 * - At install it stores the app's code and styles, the basemap, the
 *   language catalogues, every page of the full site and the rally file
 *   (unless it is too large: build/precache-manifest.ts).
 * - Pages and the rally file are asked from the network first, so an online
 *   reader always gets the current deploy. When the network fails, answers
 *   with a server error (5xx) or takes longer than `networkTimeoutMs`, the
 *   stored copy answers, marked so the page can say it is showing an offline
 *   copy (src/lib/offline-copy.ts). A page it does not hold (a city beyond
 *   the stored pages, `/city/london` without its slash) gets the stored
 *   not-found page, whose app still opens the city from the address.
 * - A good answer for the rally file goes to the page at once, and is stored
 *   for offline use while the page reads it.
 * - Hashed code files are answered from the store, and from the network when
 *   they are not in it (a newer deploy's files, before this worker updates).
 * - A new worker takes over at once and drops files the new deploy no longer
 *   has; a page still running old code that then misses a file reloads once
 *   (src/state/url-sync.ts), so updates apply on the next navigation.
 * - Requests to other hosts (tiles, photos) are not touched, and never stored.
 * - Embed pages (`embed/`) are passed through: the worker is not registered
 *   in embeds, and does not store them.
 */
import { clientsClaim } from 'workbox-core';
import { addRoute, cleanupOutdatedCaches, matchPrecache, precache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { networkTimeoutMs, offlineCopyHeader, offlineCopyTimingName, pageFileForPath } from '../lib/offline-copy.ts';

interface PrecacheEntry {
  url: string;
  revision: string | null;
}
declare const __SERVICE_WORKER_CONFIG__: { basePath: string; dataPath: string; precache: PrecacheEntry[] };

// The DOM types describe a window; these are the few service-worker parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: ExtendableEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const { basePath, dataPath, precache: precacheEntries } = __SERVICE_WORKER_CONFIG__;
const dataCacheName = 'rally-map-data';

worker.addEventListener('install', () => {
  void worker.skipWaiting();
});
clientsClaim();
cleanupOutdatedCaches();

/**
 * The network's answer, or a rejection when it fails, answers with a server
 * error (5xx: the stored copy is better) or takes longer than `timeoutMs`.
 */
function fetchWithTimeout(request: Request, timeoutMs: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('timeout'));
    }, timeoutMs);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        if (response.status >= 500) reject(new Error(`server error ${String(response.status)}`));
        else resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A stored response, with headers added to say it is an offline copy. */
function markAsCopy(response: Response, headers: Record<string, string>): Response {
  const marked = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) marked.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: marked });
}

// The rally file: network first; the newest good answer is kept, and the
// copy stored at install is the last resort.
registerRoute(
  ({ url }) => url.origin === worker.location.origin && url.pathname === dataPath,
  async ({ request, event }) => {
    try {
      const response = await fetchWithTimeout(request, networkTimeoutMs);
      if (response.ok) {
        // Answer first: the page reads the body while the copy is stored.
        const copy = response.clone();
        event.waitUntil(caches.open(dataCacheName).then((cache) => cache.put(dataPath, copy)));
      }
      return response;
    } catch {
      const cache = await caches.open(dataCacheName);
      const copy = (await cache.match(dataPath)) ?? (await matchPrecache(dataPath));
      if (!copy) return Response.error();
      return markAsCopy(copy, { [offlineCopyHeader]: '1' });
    }
  },
);

// Pages of the full site: network first, then the page stored at install, or the stored not-found page.
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    url.origin === worker.location.origin &&
    !url.pathname.startsWith(`${basePath}embed/`),
  async ({ request, url }) => {
    try {
      return await fetchWithTimeout(request, networkTimeoutMs);
    } catch {
      const copy = (await matchPrecache(pageFileForPath(url.pathname))) ?? (await matchPrecache(`${basePath}404.html`));
      if (!copy) return Response.error();
      return markAsCopy(copy, { 'Server-Timing': offlineCopyTimingName });
    }
  },
);

// Everything stored at install (code, styles, basemap): from the store.
precache(precacheEntries);
addRoute({ directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
