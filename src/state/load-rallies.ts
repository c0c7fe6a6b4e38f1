import { decodeRallyJson, parseRallyCollection } from '../lib/parse-rallies.ts';
import { failLoading, finishLoading, startLoading } from './rally-store.ts';

/** Where the built app finds the rally file: `data/rallies.geojson` under the site root. */
export const rallyDataUrl = `${import.meta.env.BASE_URL}data/rallies.geojson`;

/** How long to wait for the rally file before giving up, in milliseconds. */
export const loadTimeoutMs = 10_000;

let latestLoad = 0;

/**
 * Fetches, decodes and validates the rally file, and puts the result in the
 * store. Never throws and never leaves the store loading: every failure
 * (network, HTTP status, HTML instead of JSON, truncated JSON, timeout)
 * becomes a message. If it is called again before finishing, only the
 * newest call's result is kept.
 */
export async function loadRallies(
  url: string = rallyDataUrl,
  fetchRallyFile: typeof fetch = fetch,
  timeoutMs: number = loadTimeoutMs,
): Promise<void> {
  const thisLoad = ++latestLoad;
  startLoading();
  const outcome = await fetchRallyText(url, fetchRallyFile, timeoutMs);
  if (thisLoad !== latestLoad) return;
  if (!outcome.ok) {
    failLoading(outcome.message);
    return;
  }
  const decoded = decodeRallyJson(outcome.text);
  if (!decoded.ok) {
    failLoading(`The rally data could not be read: ${decoded.message}.`);
    return;
  }
  finishLoading(parseRallyCollection(decoded.value));
}

async function fetchRallyText(
  url: string,
  fetchRallyFile: typeof fetch,
  timeoutMs: number,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // "no-cache" revalidates, so an edited file shows on the next visit.
    const response = await fetchRallyFile(url, { signal: controller.signal, cache: 'no-cache' });
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, message: `The server could not provide the rally data (HTTP ${status}).` };
    }
    return { ok: true, text: await response.text() };
  } catch {
    if (controller.signal.aborted) {
      return {
        ok: false,
        message: `The rally data took too long to arrive (over ${Math.round(timeoutMs / 1000)} seconds).`,
      };
    }
    return { ok: false, message: 'The rally data could not be reached. Check your connection.' };
  } finally {
    clearTimeout(timer);
  }
}
