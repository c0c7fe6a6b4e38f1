import { rallyDataPath } from '../lib/address.ts';
import { isoDateFromHttpDate, offlineCopyHeader } from '../lib/offline-copy.ts';
import type { parseRallyBytes, RallyCollection } from '../lib/parse-rallies.ts';
import type { RallySearchIndex } from '../lib/rally-search.ts';
import { workerParseBytes } from '../lib/scale.ts';
import { failLoading, finishLoading, reportDownloadProgress, startLoading, type LoadFailure } from './rally-store.ts';
import { followOpenCity } from './open-record.ts';
import { finishLoadingSummaries, setSearchIndex, type SummarizedCollection } from './worker-collection.ts';

/** Where the built app finds the rally file: `data/rallies.geojson` under the site root. */
export const rallyDataUrl = rallyDataPath(import.meta.env.BASE_URL);

/**
 * What the app reads its rallies from when the page does not carry them: a
 * rally file (the development server's pages), or a built site's rally
 * index (src/lib/rally-index.ts), with the absolute address of its record
 * shards' folder.
 */
export type RallySource = { format: 'geojson'; url: string } | { format: 'index'; url: string; recordsUrl: string };

let pageSource: RallySource = { format: 'geojson', url: rallyDataUrl };

/**
 * Makes `source` what `loadRallies()` reads from when called without one
 * (as "Try again" calls it). A rally index is read in the rally worker, so
 * the worker is started now, while the index downloads.
 */
export function setRallySource(source: RallySource): void {
  pageSource = source;
  if (source.format === 'index') {
    void import('./rally-worker-client.ts').then(({ startWorkerEarly }) => startWorkerEarly()).catch(() => undefined);
  }
}

/**
 * How long the download may stall, in milliseconds: waiting for the answer,
 * or between two pieces of its body. A slow but steady download never times out.
 */
export const loadTimeoutMs = 10_000;

/**
 * How long decoding and validating a downloaded file may take, in
 * milliseconds, before the load is given up (a worker that never answers).
 */
export const readDeadlineMs = 60_000;

let latestLoad = 0;
let cancelLatest: (() => void) | null = null;

type LoadResult =
  | { ok: true; collection: RallyCollection }
  | {
      ok: true;
      summarized: SummarizedCollection;
      searchIndex: Promise<RallySearchIndex | null>;
    }
  | { ok: false; failure: LoadFailure };

/**
 * Fetches, decodes and validates the rally file, and puts the result in the
 * store. Never throws and never leaves the store loading: every failure
 * (network, HTTP status, HTML instead of JSON, truncated JSON, a download
 * that stalls for `loadTimeoutMs`, a parser that throws, a worker that fails
 * or does not answer within `readDeadlineMs`) becomes a failure with "Try
 * again". While the body arrives, the store holds the bytes received and,
 * when the server sends a Content-Length, the total. If it is called again
 * before finishing, the earlier call is cancelled and only the newest call's
 * result is kept. This module, the validator and the worker load only with
 * the file, so pages that carry their data never load them. A file of
 * `workerParseBytes` or more is handed (moved, not copied) to the rally
 * worker, which decodes, validates and indexes it off the main thread, with
 * the same messages, and keeps the whole records: the store then holds the
 * rallies' summaries, and the open city's record is fetched from the worker
 * (src/state/open-record.ts). A rally index (`from`, or `setRallySource`)
 * always goes to the worker, which reads it and fetches records from its
 * shards. The answer's `Date` header becomes the data's date; an
 * answer the service worker marks as its offline copy (src/lib/offline-copy.ts)
 * is recorded as one.
 */
export async function loadRallies(
  from: RallySource | string = pageSource,
  fetchRallyFile: typeof fetch = fetch,
  stallMs: number = loadTimeoutMs,
  readMs: number = readDeadlineMs,
): Promise<void> {
  const source: RallySource = typeof from === 'string' ? { format: 'geojson', url: from } : from;
  const thisLoad = ++latestLoad;
  cancelLatest?.();
  const cancel = new AbortController();
  cancelLatest = () => cancel.abort();
  const isCurrent = () => thisLoad === latestLoad;
  startLoading();
  // Fetched alongside the file, so a small file is read as soon as it arrives.
  const parser = source.format === 'geojson' ? import('../lib/parse-rallies.ts') : Promise.resolve(null);
  parser.catch(() => undefined);
  try {
    const outcome = await fetchRallyBytes(source, fetchRallyFile, stallMs, cancel.signal, (progress) => {
      if (isCurrent()) reportDownloadProgress(progress.received, progress.total);
    });
    if (!isCurrent()) return;
    if (!outcome.ok) {
      failLoading(outcome.failure);
      return;
    }
    const result = await withDeadline(readBytes(outcome.bytes, source, parser, cancel.signal), readMs, cancel);
    if (!isCurrent()) return;
    if (!result.ok) {
      failLoading(result.failure);
      return;
    }
    const origin = { dataAsOf: outcome.dataAsOf, offlineCopy: outcome.offlineCopy };
    if ('summarized' in result) {
      const { rallies } = result.summarized;
      finishLoadingSummaries(result.summarized, origin);
      followOpenCity();
      void result.searchIndex.then((index) => {
        if (index) setSearchIndex(index, rallies);
      });
    } else {
      finishLoading(result.collection, origin);
    }
  } catch {
    // Whatever went wrong (a parser that threw, memory running out), the reader gets "Try again".
    if (isCurrent()) failLoading({ kind: 'reader' });
  } finally {
    if (isCurrent()) cancelLatest = null;
  }
}

/** Decodes and validates the bytes: in the worker for a rally index or a large file, here otherwise. */
async function readBytes(
  bytes: ArrayBuffer,
  source: RallySource,
  parser: Promise<{ parseRallyBytes: typeof parseRallyBytes } | null>,
  signal: AbortSignal,
): Promise<LoadResult> {
  const reader = await parser;
  if (source.format === 'index' || bytes.byteLength >= workerParseBytes || !reader) {
    const { loadCollectionInWorker } = await import('./rally-worker-client.ts');
    const answer = await loadCollectionInWorker(
      bytes,
      signal,
      source.format === 'index' ? source.recordsUrl : undefined,
    );
    if (answer.ok) return { ok: true, summarized: answer.collection, searchIndex: answer.collection.searchIndex };
    return { ok: false, failure: answer.crashed ? { kind: 'reader' } : { kind: 'invalid', detail: answer.message } };
  }
  const parsed = reader.parseRallyBytes(bytes);
  return parsed.ok ? parsed : { ok: false, failure: { kind: 'invalid', detail: parsed.message } };
}

/**
 * The result, or a "deadline" failure once `ms` have passed (which cancels
 * the work); a cancelled load stops waiting at once.
 */
function withDeadline(work: Promise<LoadResult>, ms: number, cancel: AbortController): Promise<LoadResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopWaiting: () => void = () => undefined;
  const deadline = new Promise<LoadResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, failure: { kind: 'deadline', seconds: Math.ceil(ms / 1000) } });
      cancel.abort();
    }, ms);
    stopWaiting = () => resolve({ ok: false, failure: { kind: 'reader' } });
    cancel.signal.addEventListener('abort', stopWaiting);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
    cancel.signal.removeEventListener('abort', stopWaiting);
  });
}

/** How much of the body has arrived; `total` is null when the server did not say. */
interface Progress {
  received: number;
  total: number | null;
}

async function fetchRallyBytes(
  source: RallySource,
  fetchRallyFile: typeof fetch,
  stallMs: number,
  cancelled: AbortSignal,
  onProgress: (progress: Progress) => void,
): Promise<
  { ok: true; bytes: ArrayBuffer; dataAsOf: string | null; offlineCopy: boolean } | { ok: false; failure: LoadFailure }
> {
  const controller = new AbortController();
  const abortOnCancel = () => controller.abort();
  cancelled.addEventListener('abort', abortOnCancel);
  const stalled = new Error('stalled');
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Restarted whenever bytes arrive: only a download that stops moving times out.
  const restartStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort(stalled);
    }, stallMs);
  };
  restartStallTimer();
  try {
    // "no-cache" revalidates, so an edited file shows on the next visit. The index is fetched as the page's
    // preload link asked for it, so the browser hands over the preloaded answer; the host marks it no-cache.
    const response = await fetchRallyFile(
      source.url,
      source.format === 'index' ? { signal: controller.signal } : { signal: controller.signal, cache: 'no-cache' },
    );
    if (!response.ok) {
      const status = `${String(response.status)}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, failure: { kind: 'http', status } };
    }
    // A host without the file often answers with its HTML home or error page, status 200.
    if (/^\s*text\/html/i.test(response.headers.get('Content-Type') ?? '')) {
      return { ok: false, failure: { kind: 'html' } };
    }
    restartStallTimer();
    const bytes = await readBody(response, restartStallTimer, onProgress, controller.signal);
    return {
      ok: true,
      bytes,
      dataAsOf: isoDateFromHttpDate(response.headers.get('Date')),
      offlineCopy: response.headers.get(offlineCopyHeader) === '1',
    };
  } catch {
    if (controller.signal.reason === stalled)
      return { ok: false, failure: { kind: 'timeout', seconds: Math.ceil(stallMs / 1000) } };
    return { ok: false, failure: { kind: 'network' } };
  } finally {
    clearTimeout(timer);
    cancelled.removeEventListener('abort', abortOnCancel);
  }
}

/**
 * The body's bytes, read piece by piece: each piece restarts the stall timer
 * and reports progress. The total is the Content-Length when the body is not
 * compressed on the way (a compressed length would not match the bytes read).
 */
async function readBody(
  response: Response,
  onBytes: () => void,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const declaredLength = Number(response.headers.get('Content-Length'));
  const encoded = (response.headers.get('Content-Encoding') ?? 'identity') !== 'identity';
  const total = declaredLength > 0 && !encoded ? declaredLength : null;
  const reader = response.body.getReader();
  const stopReading = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stopReading);
  const pieces: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  try {
    for (;;) {
      // An aborted fetch does not always end a body that has started: the abort listener cancels the read.
      const { done, value } = await reader.read();
      if (signal.aborted) throw new DOMException('The download was aborted.', 'AbortError');
      if (done) break;
      pieces.push(value);
      received += value.byteLength;
      onBytes();
      // About a hundred updates at most, so the store is not flooded on a fast connection.
      if (received - reported >= Math.max(64 * 1024, (total ?? 0) / 100)) {
        reported = received;
        onProgress({ received, total });
      }
    }
  } finally {
    signal.removeEventListener('abort', stopReading);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  return bytes.buffer;
}
