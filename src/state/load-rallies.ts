import { decodeRallyJson, parseRallyCollection } from '../lib/parse-rallies.ts';
import { failLoading, finishLoading, startLoading, type LoadFailure } from './rally-store.ts';

/** Where the built app finds the rally file: `data/rallies.geojson` under the site root. */
export const rallyDataUrl = `${import.meta.env.BASE_URL}data/rallies.geojson`;

/** How long to wait for the rally file before giving up, in milliseconds. */
export const loadTimeoutMs = 10_000;

let latestLoad = 0;
/** The text the store's rallies were last read from, so an unchanged file is not re-read. */
let loadedText: string | null = null;

/**
 * Fills the store from rally data embedded in a page generated at build time,
 * synchronously, so the page can be hydrated without a loading state.
 * Returns false (and changes nothing) if the text is not valid JSON.
 */
export function loadEmbeddedRallies(text: string): boolean {
  const decoded = decodeRallyJson(text);
  if (!decoded.ok) return false;
  loadedText = text;
  finishLoading(parseRallyCollection(decoded.value));
  return true;
}

/**
 * Fetches, decodes and validates the rally file, and puts the result in the
 * store. Never throws and never leaves the store loading: every failure
 * (network, HTTP status, HTML instead of JSON, truncated JSON, timeout)
 * becomes a message. If it is called again before finishing, only the
 * newest call's result is kept.
 *
 * With `mode` "refresh" the store already holds rallies (embedded in the
 * page): the file is fetched to pick up edits made since the build, without
 * a loading state, and a failure keeps what is shown.
 */
export async function loadRallies(
  url: string = rallyDataUrl,
  fetchRallyFile: typeof fetch = fetch,
  timeoutMs: number = loadTimeoutMs,
  mode: 'load' | 'refresh' = 'load',
): Promise<void> {
  const thisLoad = ++latestLoad;
  if (mode === 'load') startLoading();
  const outcome = await fetchRallyText(url, fetchRallyFile, timeoutMs);
  if (thisLoad !== latestLoad) return;
  const decoded = outcome.ok ? decodeRallyJson(outcome.text) : null;
  if (mode === 'refresh' && (!outcome.ok || !decoded?.ok || outcome.text === loadedText)) return;
  if (!outcome.ok) {
    failLoading(outcome.failure);
    return;
  }
  if (!decoded?.ok) {
    failLoading({ kind: 'invalid', detail: decoded?.message ?? 'unknown error' });
    return;
  }
  loadedText = outcome.text;
  finishLoading(parseRallyCollection(decoded.value));
}

async function fetchRallyText(
  url: string,
  fetchRallyFile: typeof fetch,
  timeoutMs: number,
): Promise<{ ok: true; text: string } | { ok: false; failure: LoadFailure }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // "no-cache" revalidates, so an edited file shows on the next visit.
    const response = await fetchRallyFile(url, { signal: controller.signal, cache: 'no-cache' });
    if (!response.ok) {
      const status = `${String(response.status)}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, failure: { kind: 'http', status } };
    }
    // A host without the file often answers with its HTML home or error page, status 200.
    if (/^\s*text\/html/i.test(response.headers.get('Content-Type') ?? '')) {
      return { ok: false, failure: { kind: 'html' } };
    }
    return { ok: true, text: await response.text() };
  } catch {
    if (controller.signal.aborted)
      return { ok: false, failure: { kind: 'timeout', seconds: Math.ceil(timeoutMs / 1000) } };
    return { ok: false, failure: { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
}
