/**
 * The rally worker itself, run in Node with a stand-in for the worker's
 * global scope (`self`): what it sends back, and in what order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerMessage, WorkerRequest } from '../../src/state/rally-worker.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { encodeRallyIndex, recordShards } from '../../src/lib/rally-index.ts';
import { unpackSummaries } from '../../src/lib/packed-summaries.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { readRallyDocument, readRallyFileText } from '../lib/rally-fixtures.ts';

const posted: WorkerMessage[] = [];
let receive: (request: WorkerRequest) => void = () => {
  throw new Error('the worker has not started');
};

beforeAll(async () => {
  vi.stubGlobal('self', {
    addEventListener(type: string, listener: (event: { data: WorkerRequest }) => void) {
      if (type === 'message') receive = (request) => listener({ data: request });
    },
    postMessage(message: WorkerMessage) {
      posted.push(message);
    },
  });
  await import('../../src/state/rally-worker.ts');
});

afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  posted.length = 0;
});

const fileBytes = () => new TextEncoder().encode(readRallyFileText()).buffer;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const kinds = () => posted.map((message) => message.kind);

describe('the rally worker', () => {
  it('answers the map’s questions sent during a load before it builds the search index', async () => {
    receive({ kind: 'load', bytes: fileBytes() });
    receive({ kind: 'clusters', id: 1, bbox: [-180, -85, 180, 85], zoom: 2 });
    expect(kinds()).toEqual(['load-start', 'load-rallies', 'load-end', 'answer']);
    await nextTask();
    expect(kinds()).toEqual(['load-start', 'load-rallies', 'load-end', 'answer', 'search-index']);
    const search = posted.at(-1);
    expect(search?.kind === 'search-index' ? search.search.count : null).toBe(8);
  });

  it('drops the search index of a file when another is loaded before it is built', async () => {
    receive({ kind: 'load', bytes: fileBytes() });
    receive({ kind: 'load', bytes: new TextEncoder().encode('{"type": "FeatureCollection", "features": []}').buffer });
    await nextTask();
    const counts = posted.flatMap((message) => (message.kind === 'search-index' ? [message.search.count] : []));
    expect(counts).toEqual([0]);
  });
});

describe('the rally worker, reading a rally index', () => {
  const collection = () => parseRallyCollection(readRallyDocument());
  const recordsUrl = 'https://example.org/data/records/';
  /** The shards as the build writes them (3 rallies each), answered by a stand-in for fetch that counts requests. */
  function serveShards(available = true) {
    const shards = recordShards(collection(), 3).map((shard) => JSON.stringify(shard));
    const requested: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        requested.push(url);
        const body = shards[Number(/(\d+)\.geojson$/.exec(url)?.[1])];
        if (!available) return Promise.reject(new TypeError('Failed to fetch'));
        return Promise.resolve(new Response(body ?? 'Not found', { status: body === undefined ? 404 : 200 }));
      }),
    );
    return requested;
  }
  const answerOf = async (id: number) => {
    await vi.waitFor(() => expect(posted.some((message) => message.kind === 'answer' && message.id === id)).toBe(true));
    const answer = posted.find((message) => message.kind === 'answer' && message.id === id);
    return answer?.kind === 'answer' ? answer : undefined;
  };
  const answerTo = async (id: number) => (await answerOf(id))?.record;

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('sends every summary and the campaign, then the search index', async () => {
    receive({ kind: 'load-index', bytes: encodeRallyIndex(collection(), 3).slice().buffer, recordsUrl });
    expect(kinds()).toEqual(['load-start', 'load-rallies', 'load-end']);
    const [start, chunk] = posted;
    expect(start?.kind === 'load-start' ? start.campaign : null).toEqual(collection().campaign);
    const summaries = chunk?.kind === 'load-rallies' ? unpackSummaries(chunk.summaries, 0, 8) : [];
    expect(summaries).toEqual(collection().rallies.map(summarizeRally));
    await nextTask();
    expect(kinds().at(-1)).toBe('search-index');
  });

  it('fetches an opened city’s whole record from its shard, once per shard', async () => {
    const requested = serveShards();
    receive({ kind: 'load-index', bytes: encodeRallyIndex(collection(), 3).slice().buffer, recordsUrl });
    receive({ kind: 'record', id: 11, cityId: 'rome' });
    expect(await answerTo(11)).toEqual(collection().rallies.find((rally) => rally.id === 'rome'));
    receive({ kind: 'record', id: 12, cityId: 'munich' });
    expect((await answerTo(12))?.quotes).toEqual(collection().rallies.find((rally) => rally.id === 'munich')?.quotes);
    // Rome is the sixth rally and Munich the fourth: both in the second shard of three.
    expect(requested).toEqual([`${recordsUrl}1.geojson`]);
    receive({ kind: 'record', id: 13, cityId: 'nowhere' });
    expect(await answerOf(13)).toMatchObject({ record: null, unreachable: false });
  });

  it('answers null when the shard cannot be downloaded, and tries again on the next request', async () => {
    const requested = serveShards(false);
    receive({ kind: 'load-index', bytes: encodeRallyIndex(collection(), 3).slice().buffer, recordsUrl });
    receive({ kind: 'record', id: 21, cityId: 'london' });
    expect(await answerOf(21)).toMatchObject({ record: null, unreachable: true });
    serveShards(true);
    receive({ kind: 'record', id: 22, cityId: 'london' });
    expect((await answerTo(22))?.id).toBe('london');
    expect(requested).toEqual([`${recordsUrl}0.geojson`]);
  });

  it('reports a damaged index as a failed load', () => {
    receive({
      kind: 'load-index',
      bytes: new TextEncoder().encode('{"type": "FeatureCollection"}').buffer,
      recordsUrl,
    });
    expect(posted).toEqual([{ kind: 'load-failed', message: 'the rally index is not a rally index file' }]);
  });
});
