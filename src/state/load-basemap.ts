import basemapUrl from '../../data/basemap-110m.json?url';
import { decodeBasemap, landShape, type CompactBasemap } from '../lib/basemap.ts';
import type { BasemapState, LoadFailure } from './rally-store.ts';

/*
 * The basemap's loader: a small module of its own, so another source of the
 * same shapes (say, the page's own map picture) can replace it.
 */

/** How long to wait for the basemap file before giving up, in milliseconds. */
export const basemapTimeoutMs = 10_000;

/** The next step, in a task of its own: decoding, the land and the borders each are, so none holds up a tap for long. */
function inNextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Fetches the built-in basemap (Natural Earth 1:110m countries,
 * data/basemap-110m.json, served with the app) and reports its shapes to
 * `setBasemap` (the store's action, given by main.tsx so this module stays
 * out of the store's code chunk): the land first, the borders a task later. Never throws: a network
 * error, an HTTP error status, a timeout or a file that is not the
 * basemap's JSON is reported as a failure, and the map shows
 * plain sea. The map needs the basemap only once per page, so later calls
 * return the first call's promise.
 */
export function loadBasemap(
  setBasemap: (basemap: BasemapState) => void,
  url: string = basemapUrl,
  fetchBasemap: typeof fetch = fetch,
  timeoutMs: number = basemapTimeoutMs,
): Promise<void> {
  started ??= fetchAndReport(setBasemap, url, fetchBasemap, timeoutMs);
  return started;
}

let started: Promise<void> | undefined;

async function fetchAndReport(
  setBasemap: (basemap: BasemapState) => void,
  url: string,
  fetchBasemap: typeof fetch,
  timeoutMs: number,
): Promise<void> {
  const outcome = await fetchBasemapFile(url, fetchBasemap, timeoutMs);
  if (!outcome.ok) {
    setBasemap({ status: 'failed', failure: outcome.failure });
    return;
  }
  try {
    await inNextTask();
    const decoded = decodeBasemap(outcome.file);
    await inNextTask();
    const land = landShape(decoded);
    setBasemap({ status: 'ready', land, borders: null });
    await inNextTask();
    setBasemap({ status: 'ready', land, borders: decoded.borders });
  } catch (error) {
    setBasemap({ status: 'failed', failure: { kind: 'invalid', detail: String(error) } });
  }
}

async function fetchBasemapFile(
  url: string,
  fetchBasemap: typeof fetch,
  timeoutMs: number,
): Promise<{ ok: true; file: CompactBasemap } | { ok: false; failure: LoadFailure }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchBasemap(url, { signal: controller.signal });
    if (!response.ok) return { ok: false, failure: { kind: 'http', status: String(response.status) } };
    const text = await response.text();
    try {
      return { ok: true, file: JSON.parse(text) as CompactBasemap };
    } catch {
      return { ok: false, failure: { kind: 'invalid', detail: 'the basemap file is not JSON' } };
    }
  } catch {
    if (controller.signal.aborted)
      return { ok: false, failure: { kind: 'timeout', seconds: Math.ceil(timeoutMs / 1000) } };
    return { ok: false, failure: { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
}

/** Forgets an earlier load, so tests can load again. */
export function resetBasemapLoad(): void {
  started = undefined;
}
