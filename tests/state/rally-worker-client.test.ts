import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rally } from '../../src/lib/rally-schema.ts';
import { buildSearchIndex } from '../../src/lib/rally-search.ts';
import { packSummaries } from '../../src/lib/packed-summaries.ts';
import type { RallySummary } from '../../src/lib/rally-summary.ts';
import {
  clusterExpansionZoom,
  fetchRallyRecord,
  indexRallies,
  loadCollectionInWorker,
  queryClusters,
  rallySeparationZoom,
  setWorkerFactory,
} from '../../src/state/rally-worker-client.ts';
import type { WorkerMessage, WorkerRequest } from '../../src/state/rally-worker.ts';

/** A stand-in for the rally worker: records what it is sent, and answers when the test says. */
class FakeWorker extends EventTarget {
  sent: { request: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  postMessage(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.sent.push({ request, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: WorkerMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  fail(message: string): void {
    // Node has no ErrorEvent: an event with its `message` stands in for one.
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

const rally = (id: string, longitude: number, latitude: number) => ({ id, longitude, latitude }) as Rally;

const summary = (id: string, longitude: number, latitude: number): RallySummary => ({
  id,
  name: `City ${id}`,
  country: 'GB',
  date: '2018-04-07',
  locationPrecision: 'city',
  longitude,
  latitude,
  quoteCount: 0,
  photoCount: 0,
});

/** What the worker sends once it has read a file of these rallies, in chunks of `chunk`; its search index comes after. */
function answerLoad(worker: FakeWorker, rallies: RallySummary[], chunk = 2): void {
  worker.answer({ kind: 'load-start', campaign: null, problems: [], total: rallies.length });
  for (let start = 0; start < rallies.length; start += chunk) {
    worker.answer({ kind: 'load-rallies', summaries: packSummaries(rallies.slice(start, start + chunk)) });
  }
  worker.answer({ kind: 'load-end' });
}

let workers: FakeWorker[] = [];
const latest = () => workers.at(-1) as FakeWorker;

beforeEach(() => {
  workers = [];
  setWorkerFactory(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
});

afterEach(() => {
  setWorkerFactory();
});

describe('loadCollectionInWorker', () => {
  it('moves the bytes to the worker and unpacks the summaries it sends back', async () => {
    const bytes = new ArrayBuffer(8);
    const loading = loadCollectionInWorker(bytes);
    expect(latest().sent).toEqual([{ request: { kind: 'load', bytes }, transfer: [bytes] }]);
    const sent = [summary('a', 1, 2), summary('b', 3, 4), summary('c', 5, 6)];
    answerLoad(latest(), sent);
    const result = await loading;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.rallies).toEqual(sent);
    expect([...result.collection.ralliesById.keys()]).toEqual(['a', 'b', 'c']);
    expect(result.collection.ralliesById.get('b')).toBe(result.collection.rallies[1]);
    // The search index follows the list.
    const search = buildSearchIndex(sent);
    latest().answer({ kind: 'search-index', search });
    expect(await result.collection.searchIndex).toBe(search);
    // The worker indexed the file it loaded: indexing the same list sends nothing more.
    indexRallies(result.collection.rallies);
    expect(latest().sent).toHaveLength(1);
  });

  it("passes on the worker's decoding error, as the file's fault", async () => {
    const loading = loadCollectionInWorker(new ArrayBuffer(8));
    latest().answer({ kind: 'load-failed', message: 'the file is empty' });
    expect(await loading).toEqual({ ok: false, message: 'the file is empty', crashed: false });
  });

  it('fails, as the worker’s fault, when the worker errs (its code missing after a redeploy, a crash)', async () => {
    const loading = loadCollectionInWorker(new ArrayBuffer(8));
    latest().fail('Failed to load worker script');
    expect(await loading).toEqual({ ok: false, message: 'Failed to load worker script', crashed: true });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('fails when a message from the worker cannot be received', async () => {
    const loading = loadCollectionInWorker(new ArrayBuffer(8));
    latest().dispatchEvent(new MessageEvent('messageerror'));
    expect(await loading).toMatchObject({ ok: false, crashed: true });
  });

  it('fails when the worker cannot even be started', async () => {
    setWorkerFactory(() => {
      throw new DOMException('Worker scripts are blocked', 'SecurityError');
    });
    expect(await loadCollectionInWorker(new ArrayBuffer(8))).toMatchObject({ ok: false, crashed: true });
  });

  it('gathers every rally of a large list sent in chunks, in order', async () => {
    const sent = Array.from({ length: 12_345 }, (_, index) => summary(`r${String(index)}`, index % 180, 0));
    const loading = loadCollectionInWorker(new ArrayBuffer(8));
    answerLoad(latest(), sent, 5000);
    const result = await loading;
    expect(result.ok && result.collection.rallies.length).toBe(12_345);
    expect(result.ok && result.collection.rallies[5000]?.id).toBe('r5000');
    expect(result.ok && result.collection.ralliesById.get('r12344')?.longitude).toBe(12_344 % 180);
  });

  it('unpacks a list sent in one message (a rally index), in order, and a newer load stops it', async () => {
    const sent = Array.from({ length: 12_000 }, (_, index) => summary(`r${String(index)}`, index % 180, 0));
    const loading = loadCollectionInWorker(new ArrayBuffer(8), undefined, 'https://example.org/data/records/');
    expect(latest().sent[0]?.request.kind).toBe('load-index');
    answerLoad(latest(), sent, 12_000);
    const result = await loading;
    expect(result.ok && result.collection.rallies.map((rally) => rally.id)).toEqual(sent.map((rally) => rally.id));

    const replaced = loadCollectionInWorker(new ArrayBuffer(8));
    answerLoad(latest(), sent, 12_000);
    const newer = loadCollectionInWorker(new ArrayBuffer(8));
    expect(await replaced).toMatchObject({ ok: false, crashed: true });
    answerLoad(latest(), [summary('a', 1, 2)]);
    expect(await newer).toMatchObject({ ok: true, collection: { rallies: [summary('a', 1, 2)] } });
  });

  it('gives no search index when the worker fails before sending it', async () => {
    const loading = loadCollectionInWorker(new ArrayBuffer(8));
    answerLoad(latest(), [summary('a', 1, 2)]);
    const result = await loading;
    latest().fail('out of memory');
    expect(result.ok && (await result.collection.searchIndex)).toBeNull();
  });

  it('starts a fresh worker after one failed, so "Try again" can work', async () => {
    const first = loadCollectionInWorker(new ArrayBuffer(8));
    latest().fail('out of memory');
    await first;
    const second = loadCollectionInWorker(new ArrayBuffer(8));
    expect(workers).toHaveLength(2);
    answerLoad(latest(), []);
    expect((await second).ok).toBe(true);
  });

  it('cancels on its signal: the load fails and the worker is ended, so its work stops', async () => {
    const controller = new AbortController();
    const loading = loadCollectionInWorker(new ArrayBuffer(8), controller.signal);
    controller.abort();
    expect(await loading).toMatchObject({ ok: false, crashed: true });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('does not start at all for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await loadCollectionInWorker(new ArrayBuffer(8), controller.signal)).toMatchObject({ ok: false });
    expect(workers).toHaveLength(0);
  });

  it('settles an older load when a newer one starts, and gives the worker’s messages to the newer one', async () => {
    const older = loadCollectionInWorker(new ArrayBuffer(8));
    const newer = loadCollectionInWorker(new ArrayBuffer(8));
    expect(await older).toMatchObject({ ok: false, crashed: true });
    answerLoad(latest(), [summary('a', 1, 2)]);
    const result = await newer;
    expect(result.ok && result.collection.rallies.map((each) => each.id)).toEqual(['a']);
    expect(workers).toHaveLength(1);
  });
});

describe('fetchRallyRecord', () => {
  it("asks the worker for one city's whole record, and gives its answer", async () => {
    const record = rally('london', 0, 51);
    const asking = fetchRallyRecord('london');
    const request = latest().sent[0]?.request;
    expect(request).toMatchObject({ kind: 'record', cityId: 'london' });
    latest().answer({ kind: 'answer', id: request && 'id' in request ? request.id : -1, record });
    expect(await asking).toEqual({ record, unreachable: false });
  });

  it('passes on that the record’s shard could not be downloaded', async () => {
    const asking = fetchRallyRecord('london');
    const request = latest().sent[0]?.request;
    latest().answer({
      kind: 'answer',
      id: request && 'id' in request ? request.id : -1,
      record: null,
      unreachable: true,
    });
    expect(await asking).toEqual({ record: null, unreachable: true });
  });

  it('gives no record when the worker fails before answering', async () => {
    const asking = fetchRallyRecord('london');
    latest().fail('crashed');
    expect(await asking).toEqual({ record: null, unreachable: false });
  });
});

describe('cluster queries', () => {
  it('sends each question with its own id and matches the answers by id, in any order', async () => {
    const clusters = queryClusters([-180, -90, 180, 90], 2);
    const expansion = clusterExpansionZoom(7);
    const separation = rallySeparationZoom(3, 5);
    const [clustersRequest, expansionRequest, separationRequest] = latest().sent.map((sent) => sent.request);
    expect(clustersRequest).toMatchObject({ kind: 'clusters', bbox: [-180, -90, 180, 90], zoom: 2 });
    expect(expansionRequest).toMatchObject({ kind: 'expansion-zoom', clusterId: 7 });
    expect(separationRequest).toMatchObject({ kind: 'separation-zoom', index: 3, fromZoom: 5 });
    const id = (request: WorkerRequest | undefined) => (request && 'id' in request ? request.id : -1);
    expect(new Set([clustersRequest, expansionRequest, separationRequest].map(id)).size).toBe(3);
    latest().answer({ kind: 'answer', id: id(separationRequest), zoom: 9 });
    latest().answer({ kind: 'answer', id: id(expansionRequest), zoom: 4 });
    latest().answer({ kind: 'answer', id: id(clustersRequest), clusters: [] });
    expect(await separation).toBe(9);
    expect(await expansion).toBe(4);
    expect(await clusters).toEqual([]);
  });

  it('answers every waiting question with a safe default when the worker fails', async () => {
    const clusters = queryClusters([-180, -90, 180, 90], 2);
    const expansion = clusterExpansionZoom(7);
    const separation = rallySeparationZoom(3, 5);
    latest().fail('crashed');
    expect(await clusters).toEqual([]);
    expect(await expansion).toBe(0);
    expect(await separation).toBe(5);
  });

  it("moves a list's positions to the worker once, as longitude, latitude pairs", () => {
    const rallies = [rally('a', 1, 2), rally('b', 3, 4)];
    indexRallies(rallies);
    indexRallies(rallies);
    expect(latest().sent).toHaveLength(1);
    const sent = latest().sent[0];
    expect(sent?.request.kind).toBe('index');
    const coordinates = sent?.request.kind === 'index' ? sent.request.coordinates : null;
    expect([...(coordinates ?? [])]).toEqual([1, 2, 3, 4]);
    expect(sent?.transfer).toEqual([coordinates?.buffer]);
  });
});
