import { rallyDataPath } from '../lib/address.ts';
import { isoDateFromHttpDate, offlineCopyHeader } from '../lib/offline-copy.ts';
import type { RallyCollection } from '../lib/parse-rallies.ts';
import type { Rally } from '../lib/rally-schema.ts';
import { workerParseBytes } from '../lib/scale.ts';
import { failLoading, finishLoading, startLoading, type LoadFailure } from './rally-store.ts';

/** Where the built app finds the rally file: `data/rallies.geojson` under the site root. */
export const rallyDataUrl = rallyDataPath(import.meta.env.BASE_URL);

/** How long to wait for the rally file before giving up, in milliseconds. */
export const loadTimeoutMs = 10_000;

let latestLoad = 0;

type LoadResult =
  { ok: true; collection: RallyCollection; ralliesById?: ReadonlyMap<string, Rally> } | { ok: false; message: string };

/**
 * Fetches, decodes and validates the rally file, and puts the result in the
 * store. Never throws and never leaves the store loading: every failure
 * (network, HTTP status, HTML instead of JSON, truncated JSON, timeout)
 * becomes a message. If it is called again before finishing, only the
 * newest call's result is kept. This module, the validator and the worker
 * load only with the file, so pages that carry their data never load them. A file of `workerParseBytes`
 * or more is handed (moved, not copied) to the rally worker, which decodes,
 * validates and indexes it off the main thread, with the same messages.
 * The answer's `Date` header becomes the data's date; an answer the service
 * worker marks as its offline copy (src/lib/offline-copy.ts) is recorded as one.
 */
export async function loadRallies(
  url: string = rallyDataUrl,
  fetchRallyFile: typeof fetch = fetch,
  timeoutMs: number = loadTimeoutMs,
): Promise<void> {
  const thisLoad = ++latestLoad;
  startLoading();
  const validator = import('../lib/parse-rallies.ts');
  const outcome = await fetchRallyBytes(url, fetchRallyFile, timeoutMs);
  if (thisLoad !== latestLoad) return;
  if (!outcome.ok) {
    failLoading(outcome.failure);
    return;
  }
  // A large file is decoded and validated in a worker, so the page never freezes while it is read.
  const result: LoadResult =
    outcome.bytes.byteLength >= workerParseBytes
      ? await (await import('./rally-worker-client.ts')).loadCollectionInWorker(outcome.bytes)
      : (await validator).parseRallyBytes(outcome.bytes);
  if (thisLoad !== latestLoad) return;
  if (!result.ok) {
    failLoading({ kind: 'invalid', detail: result.message });
    return;
  }
  finishLoading(
    result.collection,
    { dataAsOf: outcome.dataAsOf, offlineCopy: outcome.offlineCopy },
    result.ralliesById,
  );
}

async function fetchRallyBytes(
  url: string,
  fetchRallyFile: typeof fetch,
  timeoutMs: number,
): Promise<
  { ok: true; bytes: ArrayBuffer; dataAsOf: string | null; offlineCopy: boolean } | { ok: false; failure: LoadFailure }
> {
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
    return {
      ok: true,
      bytes: await response.arrayBuffer(),
      dataAsOf: isoDateFromHttpDate(response.headers.get('Date')),
      offlineCopy: response.headers.get(offlineCopyHeader) === '1',
    };
  } catch {
    if (controller.signal.aborted)
      return { ok: false, failure: { kind: 'timeout', seconds: Math.ceil(timeoutMs / 1000) } };
    return { ok: false, failure: { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
}
