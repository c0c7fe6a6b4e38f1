import { rallyCoordinates, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import type { RallyCollection } from '../lib/parse-rallies.ts';
import type { Rally } from '../lib/rally-schema.ts';
import type { WorkerMessage, WorkerRequest } from './rally-worker.ts';

/*
 * The main thread's side of the rally worker (rally-worker.ts), loaded only
 * in "many rallies" mode: one worker for the page's life, started on first use.
 */

let worker: Worker | null = null;
let nextRequestId = 1;
const pendingAnswers = new Map<number, (message: Extract<WorkerMessage, { kind: 'answer' }>) => void>();
let loadListener: ((message: WorkerMessage) => void) | null = null;
/** The rally list whose positions the worker's index holds, by identity. */
let indexedRallies: readonly Rally[] | null = null;

function rallyWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./rally-worker.ts', import.meta.url), { type: 'module', name: 'rally-worker' });
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'answer') {
      pendingAnswers.get(message.id)?.(message);
      pendingAnswers.delete(message.id);
    } else {
      loadListener?.(message);
    }
  });
  return worker;
}

function send(request: WorkerRequest, transfer: Transferable[] = []): void {
  rallyWorker().postMessage(request, transfer);
}

function ask(request: WorkerRequest & { id: number }): Promise<Extract<WorkerMessage, { kind: 'answer' }>> {
  return new Promise((resolve) => {
    pendingAnswers.set(request.id, resolve);
    send(request);
  });
}

/**
 * Decodes and validates a rally file's bytes in the worker, which then
 * indexes the rallies for clustering. The bytes are moved to the worker, not
 * copied (`bytes` is unusable afterwards). The rallies come back in chunks,
 * each a short task on the main thread. Resolves with the collection and its
 * rallies by id (built chunk by chunk), or the decoding error message; never rejects.
 */
export function loadCollectionInWorker(
  bytes: ArrayBuffer,
): Promise<
  { ok: true; collection: RallyCollection; ralliesById: Map<string, Rally> } | { ok: false; message: string }
> {
  return new Promise((resolve) => {
    let collection: RallyCollection = { campaign: null, rallies: [], problems: [] };
    const ralliesById = new Map<string, Rally>();
    loadListener = (message) => {
      if (message.kind === 'load-failed') resolve({ ok: false, message: message.message });
      else if (message.kind === 'load-start') {
        collection = { campaign: message.campaign, rallies: [], problems: message.problems };
      } else if (message.kind === 'load-rallies') {
        for (const rally of message.rallies) {
          collection.rallies.push(rally);
          ralliesById.set(rally.id, rally);
        }
      } else if (message.kind === 'load-end') {
        indexedRallies = collection.rallies;
        resolve({ ok: true, collection, ralliesById });
      }
    };
    send({ kind: 'load', bytes }, [bytes]);
  });
}

/**
 * Makes sure the worker's cluster index holds these rallies' positions, in
 * this order; does nothing when it already does (the worker indexes a file
 * it loaded itself).
 */
export function indexRallies(rallies: readonly Rally[]): void {
  if (indexedRallies === rallies) return;
  indexedRallies = rallies;
  const coordinates = rallyCoordinates(rallies);
  send({ kind: 'index', coordinates }, [coordinates.buffer]);
}

/** The clusters and single rallies within a box at a zoom (rally items carry their index in the indexed list). */
export async function queryClusters(bbox: BoundingBox, zoom: number): Promise<ClusterItem[]> {
  return (await ask({ kind: 'clusters', id: nextRequestId++, bbox, zoom })).clusters ?? [];
}

/** The zoom at which a cluster splits. */
export async function clusterExpansionZoom(clusterId: number): Promise<number> {
  return (await ask({ kind: 'expansion-zoom', id: nextRequestId++, clusterId })).zoom ?? 0;
}

/** The lowest zoom from `fromZoom` up at which the rally at `index` is its own marker. */
export async function rallySeparationZoom(index: number, fromZoom: number): Promise<number> {
  return (await ask({ kind: 'separation-zoom', id: nextRequestId++, index, fromZoom })).zoom ?? fromZoom;
}
