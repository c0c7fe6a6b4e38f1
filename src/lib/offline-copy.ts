/**
 * What the service worker and the page agree on about offline copies: how a
 * response served from the service worker's cache is marked, and how the
 * date a copy was current is read. Pure; used by both sides.
 */

/** Response header the service worker sets on a copy it answered from its cache because the network failed or was too slow. */
export const offlineCopyHeader = 'X-Rally-Offline-Copy';

/**
 * `Server-Timing` metric name the service worker adds to a page it answered
 * from its cache; the page reads it from its navigation timing entry.
 */
export const offlineCopyTimingName = 'rally-offline-copy';

/** How long the service worker waits for the network before answering from its cache, in milliseconds. */
export const networkTimeoutMs = 3_000;

/**
 * The calendar day (YYYY-MM-DD, UTC) of an HTTP date such as a response's
 * `Date` header ("Tue, 24 Nov 2026 10:43:53 GMT"), or `null` when the value
 * is missing or not a date.
 */
export function isoDateFromHttpDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a plain ISO calendar date, YYYY-MM-DD. */
export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * The file a static host serves for a page address: a path ending in "/"
 * means its `index.html`. The search and hash are not part of it, so
 * `/city/london/?lang=de` is `/city/london/index.html`.
 */
export function pageFileForPath(pathname: string): string {
  return pathname.endsWith('/') ? `${pathname}index.html` : pathname;
}

/**
 * The `kind` of the message a page sends its service worker once the
 * interactive map's files have loaded: the worker then stores those it is
 * meant to keep (`storedIfLoaded`) from the browser's cache.
 */
export const storeLoadedFilesMessage = 'rally-map:store-loaded-files';
