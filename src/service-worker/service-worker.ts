/**
 * The service worker (built to `sw.js` by build/service-worker.ts, after the
 * pages are written). After one visit the full site works offline:
 *
 * - At install it stores the code and styles every page loads at start
 *   (build/precache-manifest.ts), which the page has just loaded, so they
 *   come from the browser's cache, and the page the reader has open (from
 *   the browser's cache too): only the reader's language, not all seven.
 *   The interactive map's code, loaded only when the reader reaches for the
 *   map, is stored at install if the browser's cache holds it (never
 *   downloaded for it), else when the page first asks for it.
 *   Each page carries the rally data and its language's texts. So the
 *   first visit downloads nothing for the worker but the worker itself.
 * - Pages and the rally file are asked from the network first, so an online
 *   reader always gets the current deploy; each page of the full site that
 *   is opened is stored, after it has gone to the page. When the network
 *   fails, answers with a server error (5xx) or takes longer than
 *   `networkTimeoutMs`, the stored copy answers, marked so the page can say
 *   it is showing an offline copy (src/lib/offline-copy.ts). A page never
 *   opened (another city, `/city/london` without its slash) is answered
 *   with a stored page of its language, from whose data the app renders the
 *   page the address asks for (src/main.tsx): so after one visit every page
 *   in that language works offline, and every page of a language the reader
 *   switched to in place. Quote pages and posters (in every language) are
 *   stored as they are opened like any page, but never stand in for
 *   another: they carry no app.
 * - A good answer for the rally file goes to the page at once, and is stored
 *   for offline use while the page reads it.
 * - Every other file of the app (`assets/`: another language's catalogue
 *   and translation, the share menu, the validator, the basemap file, …)
 *   and the favicon, web app manifest and icons are stored when the page
 *   first asks for them, and answered from the store after that.
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
import {
  networkTimeoutMs,
  offlineCopyHeader,
  offlineCopyTimingName,
  storeLoadedFilesMessage,
} from '../lib/offline-copy.ts';
import { parseLanguage, parsePresentation, parseToolPath, type Presentation } from '../lib/address.ts';

interface PrecacheEntry {
  url: string;
  revision: string | null;
}
declare const __SERVICE_WORKER_CONFIG__: {
  basePath: string;
  dataPath: string;
  indexPath: string;
  recordsPath: string;
  precache: PrecacheEntry[];
  storedIfLoaded: string[];
  version: string;
};

// The DOM types describe a window; these are the few service-worker parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  location: Location;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<{ url: string }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableEvent & { data: unknown }) => void): void;
}

const worker = self as unknown as WorkerScope;
const {
  basePath,
  dataPath,
  indexPath,
  recordsPath,
  precache: precacheEntries,
  storedIfLoaded,
  version,
} = __SERVICE_WORKER_CONFIG__;
const dataCacheName = 'rally-map-data';
// Named by the deploy: pages and files stored by another deploy are dropped.
const pageCacheName = `rally-map-pages-${version}`;
const fileCacheName = `rally-map-files-${version}`;

/** A page of the full site on this origin (not an embed, which the worker leaves alone). */
function isSitePage(url: URL): boolean {
  return (
    url.origin === worker.location.origin &&
    url.pathname.startsWith(basePath) &&
    !/\.[a-z0-9]+$/i.test(url.pathname.replace(/\/index\.html$/, '/')) &&
    parsePresentation(url.pathname, basePath) === ('site' satisfies Presentation)
  );
}

/** The key a page is stored under: its address without search or hash, ending in "/". */
function pageKey(url: URL): string {
  const path = url.pathname.replace(/\/index\.html$/, '/');
  return `${url.origin}${path.endsWith('/') ? path : `${path}/`}`;
}

/** Stores the pages open in the reader's windows (the visit that registered this worker), in their language. */
async function storeOpenPages(): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const cache = await caches.open(pageCacheName);
  await Promise.all(
    windows.map(async (client) => {
      const url = new URL(client.url);
      if (!isSitePage(url)) return;
      try {
        // The page was just loaded: the browser's cache has it, so it is not downloaded again.
        const response = await fetch(pageKey(url), { credentials: 'same-origin', cache: 'force-cache' });
        if (response.ok) await cache.put(pageKey(url), response);
      } catch {
        // Offline already: the page is stored the next time it is opened.
      }
    }),
  );
}

/**
 * A stored page for `url` when the network cannot answer: the page itself,
 * else a stored page of its language (the overview first), else any stored
 * page, whose app then loads the address's language from the store (a
 * language the reader switched to in place); `undefined` when the reader
 * never opened a page.
 */
async function storedPageFor(url: URL): Promise<Response | undefined> {
  const cache = await caches.open(pageCacheName);
  const exact = await cache.match(pageKey(url));
  if (exact) return exact;
  const language = parseLanguage(url.pathname, basePath);
  // Quote pages and posters carry no app: they answer for their own address only.
  const stored = (await cache.keys()).filter(
    (request) => parseToolPath(new URL(request.url).pathname, basePath) === null,
  );
  const sameLanguage = stored.filter((request) => parseLanguage(new URL(request.url).pathname, basePath) === language);
  const overview = sameLanguage.find((request) => !new URL(request.url).pathname.includes('/city/'));
  const fallback = overview ?? sameLanguage[0] ?? stored[0];
  return fallback ? cache.match(fallback) : undefined;
}

/**
 * Stores the interactive map's files that the browser's cache already holds
 * (`storedIfLoaded`): a reader who reached for the map before this worker
 * was in charge has them, and keeps them offline; nothing is downloaded.
 */
async function storeLoadedFiles(): Promise<void> {
  const cache = await caches.open(fileCacheName);
  await Promise.all(
    storedIfLoaded.map(async (url) => {
      try {
        const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
        if (response.ok) await cache.put(url, response);
      } catch {
        // Not in the browser's cache: stored when the page first asks for it.
      }
    }),
  );
}

worker.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([storeOpenPages(), storeLoadedFiles()]));
  void worker.skipWaiting();
});

// A page whose map loaded while this worker was installing (its requests passed by): stored now, from the cache.
worker.addEventListener('message', (event) => {
  const data = event.data as { kind?: unknown } | null;
  if (data?.kind === storeLoadedFilesMessage) event.waitUntil(storeLoadedFiles());
});

// Pages of an earlier deploy name code files this one no longer has: drop them once this worker is in charge.
worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          .filter((name) => /^rally-map-(pages|languages|files)-/.test(name))
          .filter((name) => name !== pageCacheName && name !== fileCacheName)
          .map((name) => caches.delete(name)),
      ),
    ),
  );
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

/** The rally file, or with many rallies the rally index and its record shards: what pages without their data fetch. */
function isDataFile(url: URL): boolean {
  if (url.origin !== worker.location.origin) return false;
  const path = url.pathname;
  return path === dataPath || path === indexPath || (path.startsWith(recordsPath) && path.endsWith('.geojson'));
}

// The rally data (fetched by pages that do not carry it): network first; the newest good answer is kept for
// offline use. A record shard is kept once a city in it has been opened.
registerRoute(
  ({ url }) => isDataFile(url),
  async ({ request, url, event }) => {
    const key = url.pathname;
    try {
      const response = await fetchWithTimeout(request, networkTimeoutMs);
      if (response.ok) {
        // Answer first: the page reads the body while the copy is stored.
        const copy = response.clone();
        event.waitUntil(caches.open(dataCacheName).then((cache) => cache.put(key, copy)));
      }
      return response;
    } catch {
      const cache = await caches.open(dataCacheName);
      const copy = (await cache.match(key)) ?? (await matchPrecache(key));
      if (!copy) return Response.error();
      return markAsCopy(copy, { [offlineCopyHeader]: '1' });
    }
  },
);

// Pages of the full site: network first, each page stored as it is opened; then a stored page of its language.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isSitePage(url),
  async ({ request, url, event }) => {
    try {
      const response = await fetchWithTimeout(request, networkTimeoutMs);
      if (response.ok) {
        // Answer first: the page is stored while the browser reads it.
        const copy = response.clone();
        event.waitUntil(caches.open(pageCacheName).then((cache) => cache.put(pageKey(url), copy)));
      }
      return response;
    } catch {
      const copy = await storedPageFor(url);
      if (!copy) return Response.error();
      return markAsCopy(copy, { 'Server-Timing': offlineCopyTimingName });
    }
  },
);

// Everything stored at install (the code every page loads at start): from the store.
precache(precacheEntries);
addRoute({ directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });

/** A file of the app stored when first asked for: a hashed file under `assets/`, the favicon, manifest or an icon. */
function isStoredOnUse(url: URL): boolean {
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(basePath)) return false;
  const path = url.pathname.slice(basePath.length);
  return path.startsWith('assets/') || /^(favicon\.svg|manifest\.webmanifest|icons\/[^/]+\.png)$/.test(path);
}

/** A name without a content hash: its stored copy may be out of date, so the network is asked first. */
function isUnhashed(url: URL): boolean {
  return !url.pathname.startsWith(`${basePath}assets/`);
}

// The rest of the app (another language, the share menu, the validator, icons, …), registered after the
// precache route so that it only sees files not stored at install: stored when first asked for, then
// answered from the store (hashed files) or from the network with the store as fallback (the others).
registerRoute(
  ({ url }) => isStoredOnUse(url),
  async ({ request, url }) => {
    const cache = await caches.open(fileCacheName);
    const stored = await cache.match(request);
    if (stored && !isUnhashed(url)) return stored;
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      if (stored) return stored;
      throw error;
    }
  },
);
