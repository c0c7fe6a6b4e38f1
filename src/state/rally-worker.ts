/// <reference lib="webworker" />
/*
 * The Web Worker for "many rallies" mode (see src/lib/scale.ts). It decodes
 * and validates a large rally file off the main thread and keeps the whole
 * records: the page receives only what it lists and draws (packed
 * summaries, in typed arrays it takes over without copying) and the search
 * index, and asks for one city's record when that city is opened. It also
 * keeps the cluster index the map queries. Started only by
 * rally-worker-client.ts.
 */
import { buildClusterIndex, type ClusterIndex } from '../lib/cluster-index.ts';
import { rallyCoordinates, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import { describeReadFailure, parseRallyBytes } from '../lib/parse-rallies.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import { buildSearchIndex, type RallySearchIndex } from '../lib/rally-search.ts';
import { packedBuffers, packSummaries, type PackedSummaries } from '../lib/packed-summaries.ts';
import { hasManyRallies } from '../lib/scale.ts';

/** What the main thread asks the worker. Requests with an `id` are answered with an `answer` message of that id. */
export type WorkerRequest =
  | { kind: 'load'; bytes: ArrayBuffer }
  | { kind: 'index'; coordinates: Float64Array }
  | { kind: 'clusters'; id: number; bbox: BoundingBox; zoom: number }
  | { kind: 'expansion-zoom'; id: number; clusterId: number }
  | { kind: 'separation-zoom'; id: number; index: number; fromZoom: number }
  | { kind: 'record'; id: number; cityId: string };

/**
 * What the worker sends back. A file read without error comes as
 * `load-start`, `load-rallies` chunks and `load-end`; then, once the cluster
 * index is built and the questions sent meanwhile are answered, `search-index`.
 */
export type WorkerMessage =
  | { kind: 'load-failed'; message: string }
  | { kind: 'load-start'; campaign: Campaign | null; problems: RallyProblem[]; total: number }
  | { kind: 'load-rallies'; summaries: PackedSummaries }
  | { kind: 'load-end' }
  | { kind: 'search-index'; search: RallySearchIndex }
  | { kind: 'answer'; id: number; clusters?: ClusterItem[]; zoom?: number; record?: Rally | null };

/** How many rallies' summaries go in one message: receiving and unpacking one stays far below 50 ms. */
const chunkSize = 5000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let index: ClusterIndex | null = null;
/** The loaded file's records by id, for `record` requests. */
let records = new Map<string, Rally>();
/** How many files have been read, so a search index still to be built for an older one is dropped. */
let loads = 0;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Reads a file and sends it back; whatever throws (a file too deep or too large to read) becomes `load-failed`. */
function load(bytes: ArrayBuffer): void {
  try {
    sendCollection(bytes);
  } catch (error) {
    post({
      kind: 'load-failed',
      message: describeReadFailure(error),
    });
  }
}

function sendCollection(bytes: ArrayBuffer): void {
  const parsed = parseRallyBytes(bytes);
  if (!parsed.ok) {
    post({ kind: 'load-failed', message: parsed.message });
    return;
  }
  const { campaign, rallies, problems } = parsed.collection;
  post({ kind: 'load-start', campaign, problems, total: rallies.length });
  for (let start = 0; start < rallies.length; start += chunkSize) {
    const summaries = packSummaries(rallies.slice(start, start + chunkSize));
    post({ kind: 'load-rallies', summaries }, packedBuffers(summaries));
  }
  post({ kind: 'load-end' });
  records = new Map(rallies.map((rally) => [rally.id, rally]));
  // Built now, while the main thread takes in the summaries; queries wait in the queue until it is done.
  index = hasManyRallies(rallies.length) ? buildClusterIndex(rallyCoordinates(rallies)) : null;
  // In a task of its own, so the map's questions queued meanwhile are answered first. The list works without
  // it; only its search box waits. A file loaded in between makes it moot.
  const load = ++loads;
  setTimeout(() => {
    if (load !== loads) return;
    const search = buildSearchIndex(rallies);
    post({ kind: 'search-index', search }, [search.starts.buffer as ArrayBuffer]);
  }, 0);
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'load':
      load(request.bytes);
      return;
    case 'index':
      index = buildClusterIndex(request.coordinates);
      return;
    case 'clusters':
      post({ kind: 'answer', id: request.id, clusters: index?.query(request.bbox, request.zoom) ?? [] });
      return;
    case 'expansion-zoom':
      post({ kind: 'answer', id: request.id, zoom: index?.expansionZoom(request.clusterId) ?? 0 });
      return;
    case 'separation-zoom':
      post({ kind: 'answer', id: request.id, zoom: index?.separationZoom(request.index, request.fromZoom) ?? 0 });
      return;
    case 'record':
      post({ kind: 'answer', id: request.id, record: records.get(request.cityId) ?? null });
      return;
  }
});
