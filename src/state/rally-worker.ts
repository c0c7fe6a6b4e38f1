/// <reference lib="webworker" />
/*
 * The Web Worker for "many rallies" mode (see src/lib/scale.ts). It reads
 * either a large rally file (decoded and validated here, off the main
 * thread; the whole records are kept) or a built site's rally index
 * (src/lib/rally-index.ts: summaries only; a city's whole record is fetched
 * from its record shard when asked for). The page receives only what it
 * lists and draws (packed summaries, in typed arrays it takes over without
 * copying) and the search index, and asks for one city's record when that
 * city is opened. It also keeps the cluster index the map queries. Started
 * only by rally-worker-client.ts.
 */
import { buildClusterIndex, type ClusterIndex } from '../lib/cluster-index.ts';
import { rallyCoordinates, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import { describeReadFailure, parseRallyBytes } from '../lib/parse-rallies.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import { buildSearchIndex, type RallySearchIndex } from '../lib/rally-search.ts';
import {
  packedBuffers,
  packSummaries,
  summaryPositionsById,
  unpackSummaries,
  type PackedSummaries,
} from '../lib/packed-summaries.ts';
import { decodeRallyIndex, recordShardOf } from '../lib/rally-index.ts';
import { rallyRecordShardPath } from '../lib/address.ts';
import { hasManyRallies } from '../lib/scale.ts';

/** What the main thread asks the worker. Requests with an `id` are answered with an `answer` message of that id. */
export type WorkerRequest =
  | { kind: 'load'; bytes: ArrayBuffer }
  /** A rally index; `recordsUrl` is the absolute address of its record shards' folder. */
  | { kind: 'load-index'; bytes: ArrayBuffer; recordsUrl: string }
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
  | {
      kind: 'answer';
      id: number;
      clusters?: ClusterItem[];
      zoom?: number;
      record?: Rally | null;
      /** With a null `record`: its shard could not be downloaded (offline, or the server failed). */
      unreachable?: boolean;
    };

/** How many rallies' summaries go in one message: receiving and unpacking one stays far below 50 ms. */
const chunkSize = 5000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let index: ClusterIndex | null = null;
/** The loaded file's records by id, for `record` requests. */
let records = new Map<string, Rally>();
/** How many files have been read, so a search index still to be built for an older one is dropped. */
let loads = 0;
/** For a rally index: where its record shards are, and the rallies' summaries in list order (a shard holds a run of them). */
let recordShardSource: { recordsUrl: string; shardSize: number; summaries: PackedSummaries } | null = null;
let shardIndexById: Map<string, number> | null = null;
/** The record shards read lately, newest last, each as its records by id ('unreachable' when it could not be downloaded). */
const shards = new Map<number, Promise<Map<string, Rally> | 'unreachable'>>();
/** How many shards are kept: a reader going from city to city nearby finds the next one read already. */
const shardsKept = 4;
/** How long a shard's download may take before the record is given up (the page then offers "Try again"). */
const shardTimeoutMs = 30_000;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Reads a file and sends it back; whatever throws (a file too deep or too large to read) becomes `load-failed`. */
function load(read: () => void): void {
  try {
    read();
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
  sendRallies(campaign, problems, rallies, rallyCoordinates(rallies));
  records = new Map(rallies.map((rally) => [rally.id, rally]));
  recordShardSource = null;
}

/** Reads a rally index and sends its summaries; a file that is not one becomes `load-failed`. */
function sendIndex(bytes: ArrayBuffer, recordsUrl: string): void {
  const decoded = decodeRallyIndex(bytes);
  if (!decoded.ok) {
    post({ kind: 'load-failed', message: decoded.message });
    return;
  }
  const { campaign, problems, summaries, shardSize } = decoded.index;
  records = new Map();
  shards.clear();
  shardIndexById = null;
  // Sent as they are, in one message (the page unpacks them in slices): copies of the file's arrays, moved.
  const sent: PackedSummaries = {
    ...summaries,
    textEnds: summaries.textEnds.slice(),
    fields: summaries.fields.slice(),
    positions: summaries.positions.slice(),
  };
  post({ kind: 'load-start', campaign, problems, total: summaries.count });
  post({ kind: 'load-rallies', summaries: sent }, packedBuffers(sent));
  post({ kind: 'load-end' });
  recordShardSource = { recordsUrl, shardSize, summaries };
  buildIndexes(summaries.positions, () => unpackSummaries(summaries, 0, summaries.count));
}

/**
 * Sends the rallies' summaries in chunks, then builds the cluster index
 * and the search index (`buildIndexes`).
 */
function sendRallies(
  campaign: Campaign | null,
  problems: RallyProblem[],
  rallies: readonly Rally[],
  positions: Float64Array,
): void {
  post({ kind: 'load-start', campaign, problems, total: rallies.length });
  for (let start = 0; start < rallies.length; start += chunkSize) {
    const summaries = packSummaries(rallies.slice(start, start + chunkSize));
    post({ kind: 'load-rallies', summaries }, packedBuffers(summaries));
  }
  post({ kind: 'load-end' });
  buildIndexes(positions, () => rallies);
}

/**
 * Builds the cluster index of `positions` (`[longitude0, latitude0, …]`)
 * now, and the search index of `rallies()` in a task of its own.
 */
function buildIndexes(
  positions: Float64Array,
  rallies: () => readonly Pick<Rally, 'id' | 'name' | 'localName'>[],
): void {
  const count = positions.length / 2;
  // Built now, while the main thread takes in the summaries; queries wait in the queue until it is done.
  index = hasManyRallies(count) ? buildClusterIndex(positions) : null;
  // In a task of its own, so the map's questions queued meanwhile are answered first. The list works without
  // it; only its search box waits. A file loaded in between makes it moot.
  const load = ++loads;
  setTimeout(() => {
    if (load !== loads) return;
    const search = buildSearchIndex(rallies());
    post({ kind: 'search-index', search }, [search.starts.buffer as ArrayBuffer]);
    // Then the deep zooms' part of the cluster index, before the reader zooms in that far.
    setTimeout(() => {
      if (load === loads) index?.prepareDeepZooms();
    }, 0);
  }, 0);
}

/**
 * The records of record shard `shard`, by id ('unreachable' when it cannot
 * be downloaded: no connection, a timeout or an error status; none when it
 * is not a rally file).
 */
function readShard(
  source: NonNullable<typeof recordShardSource>,
  shard: number,
): Promise<Map<string, Rally> | 'unreachable'> {
  const kept = shards.get(shard);
  if (kept) {
    shards.delete(shard);
    shards.set(shard, kept);
    return kept;
  }
  const reading = (async () => {
    try {
      const response = await fetch(rallyRecordShardPath(source.recordsUrl, shard), {
        signal: AbortSignal.timeout(shardTimeoutMs),
      });
      if (!response.ok) return 'unreachable';
      const parsed = parseRallyBytes(await response.arrayBuffer());
      return new Map(parsed.ok ? parsed.collection.rallies.map((rally) => [rally.id, rally]) : []);
    } catch {
      return 'unreachable';
    }
  })();
  shards.set(shard, reading);
  // A shard that could not be downloaded is not kept: the next request tries again.
  void reading.then((read) => {
    if (read === 'unreachable' && shards.get(shard) === reading) shards.delete(shard);
  });
  for (const old of shards.keys()) {
    if (shards.size <= shardsKept) break;
    shards.delete(old);
  }
  return reading;
}

/** The whole record of `cityId`: from the file read, or from its record shard; null when there is none. */
async function findRecord(cityId: string): Promise<{ record: Rally | null; unreachable: boolean }> {
  const none = { record: null, unreachable: false };
  const kept = records.get(cityId);
  if (kept) return { record: kept, unreachable: false };
  const source = recordShardSource;
  if (!source) return none;
  shardIndexById ??= summaryPositionsById(source.summaries);
  const position = shardIndexById.get(cityId);
  if (position === undefined) return none;
  const shard = await readShard(source, recordShardOf(position, source.shardSize));
  if (shard === 'unreachable') return { record: null, unreachable: true };
  return { record: shard.get(cityId) ?? null, unreachable: false };
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'load':
      load(() => sendCollection(request.bytes));
      return;
    case 'load-index':
      load(() => sendIndex(request.bytes, request.recordsUrl));
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
      void findRecord(request.cityId).then((found) => post({ kind: 'answer', id: request.id, ...found }));
      return;
  }
});
