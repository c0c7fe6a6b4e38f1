/// <reference lib="webworker" />
/*
 * The Web Worker for "many rallies" mode (see src/lib/scale.ts). It decodes
 * and validates a large rally file off the main thread, sends the result
 * back in chunks (so no single message takes long to receive), and keeps the
 * cluster index the map queries. Started only by rally-worker-client.ts.
 */
import { buildClusterIndex, type ClusterIndex } from '../lib/cluster-index.ts';
import { rallyCoordinates, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import { describeReadFailure, parseRallyBytes } from '../lib/parse-rallies.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import { hasManyRallies } from '../lib/scale.ts';

/** What the main thread asks the worker. Requests with an `id` are answered with an `answer` message of that id. */
export type WorkerRequest =
  | { kind: 'load'; bytes: ArrayBuffer }
  | { kind: 'index'; coordinates: Float64Array }
  | { kind: 'clusters'; id: number; bbox: BoundingBox; zoom: number }
  | { kind: 'expansion-zoom'; id: number; clusterId: number }
  | { kind: 'separation-zoom'; id: number; index: number; fromZoom: number };

/** What the worker sends back. */
export type WorkerMessage =
  | { kind: 'load-failed'; message: string }
  | { kind: 'load-start'; campaign: Campaign | null; problems: RallyProblem[]; total: number }
  | { kind: 'load-rallies'; rallies: Rally[] }
  | { kind: 'load-end' }
  | { kind: 'answer'; id: number; clusters?: ClusterItem[]; zoom?: number };

/** How many rallies go in one message: small enough that receiving one stays far below 50 ms. */
const chunkSize = 2000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let index: ClusterIndex | null = null;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
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
    post({ kind: 'load-rallies', rallies: rallies.slice(start, start + chunkSize) });
  }
  post({ kind: 'load-end' });
  // Built now, while the main thread takes in the rallies; queries wait in the queue until it is done.
  index = hasManyRallies(rallies.length) ? buildClusterIndex(rallyCoordinates(rallies)) : null;
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
  }
});
