import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workerParseBytes } from '../../src/lib/scale.ts';
import {
  loadRallies,
  loadTimeoutMs,
  rallyDataUrl,
  readDeadlineMs,
  setRallySource,
} from '../../src/state/load-rallies.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { encodeRallyIndex } from '../../src/lib/rally-index.ts';
import { initialRallyState, rallyStore, selectCity, showRoute } from '../../src/state/rally-store.ts';
import { selectSelectedCityId, selectSelectedRally, selectShowOfflineNote } from '../../src/state/selectors.ts';
import { readRallyDocument, readRallyFileText, replaceOnce } from '../lib/rally-fixtures.ts';

const url = '/data/rallies.geojson';

// Node has no Web Worker: the worker's side is replaced here, and tested in Chromium (tests/e2e/scale.spec.ts).
const workerLoads = vi.hoisted(() => ({
  sizes: [] as number[],
  /** The cities whose records were asked of the worker. */
  records: [] as string[],
  /** The whole records the fake worker holds, by id. */
  held: new Map<string, unknown>(),
  signals: [] as (AbortSignal | undefined)[],
  /** Replaces the worker's answer when set. */
  answer: null as null | (() => Promise<unknown>),
  /** The record shards' folder given with each load (undefined: the bytes were a rally file). */
  recordsUrls: [] as (string | undefined)[],
  startedEarly: 0,
  /** Whether the fake worker says a record's shard could not be downloaded. */
  unreachable: false,
}));
vi.mock('../../src/state/rally-worker-client.ts', async () => {
  const { parseRallyBytes } = await import('../../src/lib/parse-rallies.ts');
  const { summarizeRally } = await import('../../src/lib/rally-summary.ts');
  const { buildSearchIndex } = await import('../../src/lib/rally-search.ts');
  const { decodeRallyIndex } = await import('../../src/lib/rally-index.ts');
  const { unpackSummaries } = await import('../../src/lib/packed-summaries.ts');
  /** What the worker's load resolves with: the summaries and their search index, as the real client does. */
  const loaded = (campaign: unknown, problems: unknown, rallies: { id: string; name: string }[]) =>
    Promise.resolve({
      ok: true,
      collection: {
        campaign,
        problems,
        rallies,
        ralliesById: new Map(rallies.map((rally) => [rally.id, rally])),
        searchIndex: Promise.resolve(buildSearchIndex(rallies)),
      },
    });
  return {
    startWorkerEarly: () => {
      workerLoads.startedEarly += 1;
    },
    loadCollectionInWorker: (bytes: ArrayBuffer, signal?: AbortSignal, recordsUrl?: string) => {
      workerLoads.sizes.push(bytes.byteLength);
      workerLoads.signals.push(signal);
      workerLoads.recordsUrls.push(recordsUrl);
      if (workerLoads.answer) return workerLoads.answer();
      if (recordsUrl !== undefined) {
        const decoded = decodeRallyIndex(bytes);
        if (!decoded.ok) return Promise.resolve({ ...decoded, crashed: false });
        const { campaign, problems, summaries } = decoded.index;
        return loaded(campaign, problems, unpackSummaries(summaries, 0, summaries.count));
      }
      const parsed = parseRallyBytes(bytes);
      if (!parsed.ok) return Promise.resolve({ ...parsed, crashed: false });
      // As the worker does: the page gets summaries and the search index, the records stay behind.
      const { campaign, problems } = parsed.collection;
      workerLoads.held = new Map(parsed.collection.rallies.map((rally) => [rally.id, rally]));
      return loaded(campaign, problems, parsed.collection.rallies.map(summarizeRally));
    },
    fetchRallyRecord: (cityId: string) => {
      workerLoads.records.push(cityId);
      return Promise.resolve({ record: workerLoads.held.get(cityId) ?? null, unreachable: workerLoads.unreachable });
    },
  };
});

/** A fetch that answers with this body and status. */
function respondWith(body: string, init: ResponseInit = { status: 200 }) {
  return vi.fn<typeof fetch>(() => Promise.resolve(new Response(body, init)));
}

/** A fetch that never answers until its request is aborted, as a stalled network would. */
function stalledFetch() {
  return vi.fn<typeof fetch>(
    (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      }),
  );
}

/** A promise and the functions that settle it, to decide when a fake request finishes. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const loadState = () => rallyStore.getState().load;
const rallyIdsInStore = () => rallyStore.getState().rallies.map((rally) => rally.id);

beforeEach(() => {
  rallyStore.setState(initialRallyState());
  workerLoads.sizes = [];
  workerLoads.records = [];
  workerLoads.held = new Map();
  workerLoads.signals = [];
  workerLoads.answer = null;
  workerLoads.recordsUrls = [];
  workerLoads.startedEarly = 0;
  workerLoads.unreachable = false;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('loadRallies', () => {
  it('fetches data/rallies.geojson under the site root by default', () => {
    expect(rallyDataUrl).toBe('/data/rallies.geojson');
    expect(loadTimeoutMs).toBe(10_000);
  });

  it('stores the rallies from a good file', async () => {
    const fetchFile = respondWith(readRallyFileText());
    await loadRallies(url, fetchFile, 1000);
    const state = rallyStore.getState();
    expect(state.load).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).toEqual([
      'london',
      'brasilia',
      'mexico-city',
      'munich',
      'berlin',
      'rome',
      'stockholm',
      'york',
    ]);
    expect(state.problems).toEqual([]);
    expect(state.campaign?.quotes).toHaveLength(3);
  });

  it('records the day of the answer as the data’s date, and no offline copy', async () => {
    const fetchFile = respondWith(readRallyFileText(), {
      status: 200,
      headers: { Date: 'Tue, 24 Nov 2026 10:43:53 GMT' },
    });
    await loadRallies(url, fetchFile, 1000);
    expect(rallyStore.getState()).toMatchObject({ dataAsOf: '2026-11-24', offlineCopy: false });
  });

  it('stores the data and its date in one update, so no subscriber sees it ready without its date', async () => {
    const fetchFile = respondWith(readRallyFileText(), {
      status: 200,
      headers: { Date: 'Tue, 24 Nov 2026 10:43:53 GMT' },
    });
    const seenWhenReady: (string | null)[] = [];
    const unsubscribe = rallyStore.subscribe((state, previous) => {
      if (state.load.status === 'ready' || previous.load.status === 'ready') seenWhenReady.push(state.dataAsOf);
    });
    await loadRallies(url, fetchFile, 1000);
    unsubscribe();
    expect(seenWhenReady).toEqual(['2026-11-24']);
  });

  it('records an answer the service worker marks as its offline copy', async () => {
    const fetchFile = respondWith(readRallyFileText(), {
      status: 200,
      headers: { Date: 'Mon, 02 Nov 2026 08:00:00 GMT', 'X-Rally-Offline-Copy': '1' },
    });
    await loadRallies(url, fetchFile, 1000);
    expect(rallyStore.getState()).toMatchObject({ dataAsOf: '2026-11-02', offlineCopy: true });
    expect(selectShowOfflineNote(rallyStore.getState())).toBe(true);
  });

  it('parses the real file on the main thread, without starting the worker', async () => {
    await loadRallies(url, respondWith(readRallyFileText()), 1000);
    expect(workerLoads.sizes).toEqual([]);
    expect(rallyIdsInStore()).toHaveLength(8);
  });

  it('hands a file of workerParseBytes or more to the worker, and stores what it returns', async () => {
    // The real file, padded with spaces (valid JSON) to the threshold.
    const text = readRallyFileText().padEnd(workerParseBytes, ' ');
    await loadRallies(url, respondWith(text), 1000);
    expect(workerLoads.sizes).toEqual([new TextEncoder().encode(text).byteLength]);
    expect(workerLoads.sizes[0]).toBeGreaterThanOrEqual(workerParseBytes);
    expect(rallyStore.getState().load).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).toHaveLength(8);
    // The whole records stay in the worker.
    expect(rallyStore.getState().records).toBeNull();
    // The search index follows.
    await vi.waitFor(() => expect(rallyStore.getState().searchIndex?.count).toBe(8));
  });

  it("asks the worker for the open city's whole record, and only for that one", async () => {
    showRoute({ kind: 'city', cityId: 'berlin' });
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    await vi.waitFor(() => expect(selectSelectedRally(rallyStore.getState())?.id).toBe('berlin'));
    expect(workerLoads.records).toEqual(['berlin']);
    expect(selectSelectedRally(rallyStore.getState())?.quotes).toBeInstanceOf(Array);
    showRoute({ kind: 'city', cityId: 'rome' });
    await vi.waitFor(() => expect(selectSelectedRally(rallyStore.getState())?.id).toBe('rome'));
    expect(workerLoads.records).toEqual(['berlin', 'rome']);
  });

  it('shows "Try again" when the worker no longer holds the open city’s record (it failed and restarted)', async () => {
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    workerLoads.held = new Map();
    showRoute({ kind: 'city', cityId: 'york' });
    await vi.waitFor(() => expect(loadState()).toMatchObject({ status: 'error', failure: { kind: 'reader' } }));
    // The summaries stay: the list and the map still work.
    expect(rallyIdsInStore()).toHaveLength(8);
  });

  it('marks the open city alone when its record could not be downloaded (offline), keeping the data', async () => {
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    workerLoads.held = new Map();
    workerLoads.unreachable = true;
    showRoute({ kind: 'city', cityId: 'york' });
    await vi.waitFor(() => expect(rallyStore.getState().openRecordUnreachable).toBe('york'));
    expect(loadState()).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).toHaveLength(8);
  });

  it('reports what the worker could not decode, in the same words', async () => {
    const text = readRallyFileText().slice(0, 500).padEnd(workerParseBytes, ' ');
    await loadRallies(url, respondWith(text), 1000);
    expect(workerLoads.sizes).toHaveLength(1);
    const load = rallyStore.getState().load;
    expect(load.status === 'error' && load.failure.kind).toBe('invalid');
    expect(load.status === 'error' && load.message).toMatch(
      /^The rally data could not be read: the data is not valid JSON/,
    );
  });

  it('asks for a revalidated copy, with a signal to abort it', async () => {
    const fetchFile = respondWith(readRallyFileText());
    await loadRallies('/base/data/rallies.geojson', fetchFile, 1000);
    expect(fetchFile).toHaveBeenCalledTimes(1);
    const [requested, init] = fetchFile.mock.calls[0] ?? [];
    expect(requested).toBe('/base/data/rallies.geojson');
    expect(init?.cache).toBe('no-cache');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('shows the data as loading while the request is under way', async () => {
    const response = deferred<Response>();
    const loading = loadRallies(url, () => response.promise, 1000);
    expect(loadState()).toEqual({ status: 'loading' });
    response.resolve(new Response(readRallyFileText()));
    await loading;
    expect(loadState()).toEqual({ status: 'ready' });
  });

  it('stores a file with a bad feature as ready, with the problem and the other rallies', async () => {
    const text = replaceOnce(readRallyFileText(), '"country": "SE"', '"country": "Sweden"');
    await loadRallies(url, respondWith(text), 1000);
    const state = rallyStore.getState();
    expect(state.load).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).not.toContain('stockholm');
    expect(state.rallies).toHaveLength(7);
    expect(state.problems.map((problem) => [problem.featureId, problem.path.at(-1)])).toEqual([
      ['stockholm', 'country'],
    ]);
  });

  it('reports a network failure', async () => {
    const fetchFile = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('fetch failed')));
    await expect(loadRallies(url, fetchFile, 1000)).resolves.toBeUndefined();
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The rally data could not be reached. Check your connection.',
    });
  });

  it('reports an HTTP error status', async () => {
    await loadRallies(url, respondWith('Not Found', { status: 404, statusText: 'Not Found' }), 1000);
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The server could not provide the rally data (HTTP 404 Not Found).',
    });
  });

  it('reports an HTTP error status without a status text', async () => {
    await loadRallies(url, respondWith('', { status: 503 }), 1000);
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The server could not provide the rally data (HTTP 503).',
    });
  });

  it('reports an HTML page served in place of the data, by its content type', async () => {
    const page = '<!DOCTYPE html>\n<html><head><title>rally-map</title></head><body></body></html>';
    await loadRallies(url, respondWith(page, { status: 200, headers: { 'Content-Type': 'text/html' } }), 1000);
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The server sent a web page (HTML) instead of the rally data (JSON).',
    });
  });

  it('reports an HTML page served in place of the data, by its content', async () => {
    const page = '<!DOCTYPE html>\n<html><head><title>rally-map</title></head><body></body></html>';
    await loadRallies(
      url,
      respondWith(page, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }),
      1000,
    );
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The rally data could not be read: the server sent a web page (HTML) instead of the rally data (JSON).',
    });
  });

  it('keeps the last good data when a later load fails', async () => {
    await loadRallies(url, respondWith(readRallyFileText()), 1000);
    await loadRallies(url, respondWith('down', { status: 503 }), 1000);
    expect(loadState().status).toBe('error');
    expect(rallyStore.getState().rallies).toHaveLength(8);
  });

  it('reports a truncated file', async () => {
    await loadRallies(url, respondWith(readRallyFileText().slice(0, 1200)), 1000);
    const load = loadState();
    expect(load.status).toBe('error');
    expect(load.status === 'error' ? load.message : '').toMatch(
      /^The rally data could not be read: the data is not valid JSON \(.+\)\.$/,
    );
    expect(rallyStore.getState().rallies).toEqual([]);
  });

  it('reports an empty file', async () => {
    await loadRallies(url, respondWith(''), 1000);
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The rally data could not be read: the file is empty.',
    });
  });

  it('gives up on a request that takes too long, and aborts it', async () => {
    const fetchFile = stalledFetch();
    await loadRallies(url, fetchFile, 20);
    const load = loadState();
    expect(load.status).toBe('error');
    expect(load.status === 'error' ? load.message : '').toMatch(
      /^No rally data arrived for \d+ seconds\. Check your connection\.$/,
    );
    expect(fetchFile.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('waits the full default timeout, then says how long it waited', async () => {
    vi.useFakeTimers();
    const loading = loadRallies(url, stalledFetch());
    await vi.advanceTimersByTimeAsync(loadTimeoutMs - 1);
    expect(loadState()).toEqual({ status: 'loading' });
    await vi.advanceTimersByTimeAsync(1);
    await loading;
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'No rally data arrived for 10 seconds. Check your connection.',
    });
  });

  it('does not time out a request that has already answered', async () => {
    vi.useFakeTimers();
    await loadRallies(url, respondWith(readRallyFileText()), 50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loadState()).toEqual({ status: 'ready' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the newest result when an earlier call finishes last', async () => {
    const first = deferred<Response>();
    const second = deferred<Response>();
    const firstLoad = loadRallies(url, () => first.promise, 1000);
    const secondLoad = loadRallies(url, () => second.promise, 1000);
    second.resolve(new Response(readRallyFileText()));
    await secondLoad;
    first.resolve(new Response('gone', { status: 500, statusText: 'Internal Server Error' }));
    await firstLoad;
    expect(loadState()).toEqual({ status: 'ready' });
    expect(rallyStore.getState().rallies).toHaveLength(8);
  });

  it('ignores an earlier call that finishes first, and waits for the newest', async () => {
    const first = deferred<Response>();
    const second = deferred<Response>();
    const firstLoad = loadRallies(url, () => first.promise, 1000);
    const secondLoad = loadRallies(url, () => second.promise, 1000);
    first.resolve(new Response(readRallyFileText()));
    await firstLoad;
    expect(loadState()).toEqual({ status: 'loading' });
    expect(rallyStore.getState().rallies).toEqual([]);
    second.reject(new TypeError('fetch failed'));
    await secondLoad;
    expect(loadState()).toMatchObject({
      status: 'error',
      message: 'The rally data could not be reached. Check your connection.',
    });
    expect(rallyStore.getState().rallies).toEqual([]);
  });

  it('keeps the open city across a reload that still has it', async () => {
    await loadRallies(url, respondWith(readRallyFileText()), 1000);
    selectCity('munich');
    await loadRallies(url, respondWith(readRallyFileText()), 1000);
    expect(selectSelectedCityId(rallyStore.getState())).toBe('munich');
  });
});

/** A response whose body arrives in these pieces, each after the given delay (ms); `stopAfter` pieces, then nothing. */
function trickle(pieces: { text: string; afterMs: number }[], headers: HeadersInit = {}, stopAfter = pieces.length) {
  const encoder = new TextEncoder();
  return vi.fn<typeof fetch>((_input, init) => {
    // As a real fetch does, aborting the request ends its body with an error.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        init?.signal?.addEventListener('abort', () => {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        });
        for (const [index, piece] of pieces.entries()) {
          if (index >= stopAfter || init?.signal?.aborted) return;
          await new Promise((resolve) => setTimeout(resolve, piece.afterMs));
          if (init?.signal?.aborted) return;
          controller.enqueue(encoder.encode(piece.text));
        }
        controller.close();
      },
    });
    return Promise.resolve(new Response(body, { status: 200, headers }));
  });
}

/** The real file cut into `count` pieces, each arriving `afterMs` after the one before. */
function realFileInPieces(count: number, afterMs: number) {
  const text = readRallyFileText();
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, index) => ({ text: text.slice(index * size, (index + 1) * size), afterMs }));
}

describe('loadRallies never hangs', () => {
  it('reports a file nested 100,000 levels deep instead of staying on "Loading…"', async () => {
    const text = `{"type":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    await loadRallies(url, respondWith(text), 1000);
    expect(loadState().status).toBe('ready');
    expect(rallyStore.getState().problems[0]).toMatchObject({
      path: ['type'],
      message: 'must be "FeatureCollection", not an array',
    });
  });

  it('reports the same deep file read by the worker', async () => {
    const text = `{"type":${'['.repeat(100_000)}${']'.repeat(100_000)}}`.padEnd(workerParseBytes, ' ');
    await loadRallies(url, respondWith(text), 1000);
    expect(workerLoads.sizes).toHaveLength(1);
    expect(loadState().status).toBe('ready');
  });

  it('reports a worker that failed (its code missing, a crash, a lost message) as a reader failure', async () => {
    workerLoads.answer = () =>
      Promise.resolve({ ok: false, message: 'Failed to fetch a worker script', crashed: true });
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    expect(loadState()).toMatchObject({
      status: 'error',
      failure: { kind: 'reader' },
      message: 'The page could not read the rally data: its reader stopped or ran out of memory.',
    });
  });

  it('reports anything that throws while reading, such as running out of memory', async () => {
    workerLoads.answer = () => Promise.reject(new RangeError('Array buffer allocation failed'));
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    expect(loadState()).toMatchObject({ status: 'error', failure: { kind: 'reader' } });
  });

  it('gives up on a worker that never answers, at the deadline, and cancels it', async () => {
    workerLoads.answer = () => new Promise(() => undefined);
    await loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000, 30);
    expect(loadState()).toMatchObject({
      status: 'error',
      failure: { kind: 'deadline', seconds: 1 },
      message: 'Reading the rally data took too long (over 1 seconds).',
    });
    expect(workerLoads.signals[0]?.aborted).toBe(true);
    expect(readDeadlineMs).toBe(60_000);
  });

  it('cancels the worker of a load that a newer one replaced', async () => {
    workerLoads.answer = () => new Promise(() => undefined);
    const first = loadRallies(url, respondWith(readRallyFileText().padEnd(workerParseBytes, ' ')), 1000);
    await vi.waitFor(() => expect(workerLoads.signals).toHaveLength(1));
    workerLoads.answer = null;
    await loadRallies(url, respondWith(readRallyFileText()), 1000);
    expect(workerLoads.signals[0]?.aborted).toBe(true);
    expect(loadState()).toEqual({ status: 'ready' });
    await first;
    expect(loadState()).toEqual({ status: 'ready' });
  });

  it('does not time out a slow download that keeps moving: the timeout is for a stall', async () => {
    // 10 pieces 15 ms apart: 150 ms in all, but never 40 ms without bytes.
    await loadRallies(url, trickle(realFileInPieces(10, 15)), 40);
    expect(loadState()).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).toHaveLength(8);
  });

  it('times out a download that stops moving halfway, and says how long nothing came', async () => {
    await loadRallies(url, trickle(realFileInPieces(10, 5), {}, 5), 40);
    expect(loadState()).toMatchObject({
      status: 'error',
      failure: { kind: 'timeout', seconds: 1 },
      message: 'No rally data arrived for 1 seconds. Check your connection.',
    });
  });

  it('reports the bytes received and the total while the body arrives', async () => {
    const pieces = [{ text: ' '.repeat(100_000), afterMs: 0 }, ...realFileInPieces(2, 20)];
    const total = new TextEncoder().encode(pieces.map((piece) => piece.text).join('')).byteLength;
    const seen: unknown[] = [];
    const unsubscribe = rallyStore.subscribe((state) => seen.push(state.load));
    await loadRallies(url, trickle(pieces, { 'Content-Length': String(total) }), 1000);
    unsubscribe();
    expect(seen).toContainEqual({ status: 'loading', progress: { received: 100_000, total } });
    expect(loadState()).toEqual({ status: 'ready' });
  });

  it('reports the bytes received without a total when the length is unknown or compressed', async () => {
    const pieces = [{ text: ' '.repeat(100_000), afterMs: 0 }, ...realFileInPieces(2, 20)];
    const seen: unknown[] = [];
    const unsubscribe = rallyStore.subscribe((state) => seen.push(state.load));
    await loadRallies(url, trickle(pieces, { 'Content-Length': '3000', 'Content-Encoding': 'gzip' }), 1000);
    unsubscribe();
    expect(seen).toContainEqual({ status: 'loading', progress: { received: 100_000, total: null } });
  });
});

describe('loadRallies from a rally index', () => {
  const indexUrl = '/data/rally-index.bin';
  const recordsUrl = 'https://example.org/data/records/';
  const indexBytes = () => encodeRallyIndex(parseRallyCollection(readRallyDocument()));
  const respondWithIndex = () =>
    vi.fn<typeof fetch>(() => Promise.resolve(new Response(indexBytes(), { status: 200 })));

  it('reads even a small index in the worker, with its records folder, fetched as the preload link asked', async () => {
    const fetchIndex = respondWithIndex();
    await loadRallies({ format: 'index', url: indexUrl, recordsUrl }, fetchIndex, 1000);
    expect(rallyIdsInStore()).toHaveLength(8);
    expect(workerLoads.recordsUrls).toEqual([recordsUrl]);
    // No cache mode: a request that differs from the page's preload would download the index a second time.
    expect(fetchIndex.mock.calls[0]?.[0]).toBe(indexUrl);
    expect(fetchIndex.mock.calls[0]?.[1]).not.toHaveProperty('cache');
  });

  it('is what "Try again" reads once the page has named it, and the worker starts at once', async () => {
    setRallySource({ format: 'index', url: indexUrl, recordsUrl });
    try {
      await vi.waitFor(() => expect(workerLoads.startedEarly).toBe(1));
      const fetchIndex = respondWithIndex();
      await loadRallies(undefined, fetchIndex, 1000);
      expect(fetchIndex.mock.calls[0]?.[0]).toBe(indexUrl);
      expect(workerLoads.recordsUrls).toEqual([recordsUrl]);
    } finally {
      setRallySource({ format: 'geojson', url: rallyDataUrl });
    }
  });

  it('reports a damaged index with "Try again", not a hang', async () => {
    await loadRallies(
      { format: 'index', url: indexUrl, recordsUrl },
      respondWith('{"type":"FeatureCollection"}'),
      1000,
    );
    expect(loadState()).toMatchObject({ status: 'error', failure: { kind: 'invalid' } });
  });
});
