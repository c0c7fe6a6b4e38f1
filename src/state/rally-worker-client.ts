import { rallyCoordinates, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import type { RallySearchIndex } from '../lib/rally-search.ts';
import { unpackSummaries } from '../lib/packed-summaries.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
import type { WorkerMessage, WorkerRequest } from './rally-worker.ts';

/*
 * The main thread's side of the rally worker (rally-worker.ts), loaded only
 * in "many rallies" mode: one worker at a time, started on first use. A
 * worker that fails (its code missing after a redeploy, a crash, running out
 * of memory, a message that cannot be received) is dropped: whatever waited
 * for it is answered, and the next use starts a fresh one.
 */

/** An answer to a request with an id. */
type WorkerAnswer = Extract<WorkerMessage, { kind: 'answer' }>;

/**
 * A file loaded in the worker, as the page holds it: the campaign, the
 * problems, every rally's summary (the whole records stay in the worker,
 * see `fetchRallyRecord`) and the summaries by id. The search index comes a
 * moment later (after the cluster index): `searchIndex` resolves with it,
 * or with null if the worker fails first or a newer load starts.
 */
export interface WorkerCollection {
  campaign: Campaign | null;
  problems: RallyProblem[];
  rallies: RallySummary[];
  ralliesById: Map<string, RallySummary>;
  searchIndex: Promise<RallySearchIndex | null>;
}

/** What loading a file in the worker gives: `crashed` when the worker failed rather than the file. */
export type WorkerLoadResult =
  { ok: true; collection: WorkerCollection } | { ok: false; message: string; crashed: boolean };

/** How many summaries are unpacked in one task: a few milliseconds' work. */
const unpackSlice = 5000;

/** Resolves in a new task (a message to itself: not slowed down as nested timers are), so the page can paint and answer. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Makes the worker; replaced in tests. */
export type WorkerFactory = () => Worker;

const startRallyWorker: WorkerFactory = () =>
  new Worker(new URL('./rally-worker.ts', import.meta.url), { type: 'module', name: 'rally-worker' });

let makeWorker: WorkerFactory = startRallyWorker;
let worker: Worker | null = null;
let nextRequestId = 1;
const pendingAnswers = new Map<number, (answer: WorkerAnswer | null) => void>();
/** The load under way, to hand the worker's load messages to, or to fail when the worker does. */
let currentLoad: { receive: (message: WorkerMessage) => void; fail: (message: string) => void } | null = null;
/** Who waits for the search index of the last load. */
let awaitingSearchIndex: ((index: RallySearchIndex | null) => void) | null = null;
/** The rally list whose positions the worker's index holds, by identity. */
let indexedRallies: readonly Pick<Rally, 'longitude' | 'latitude'>[] | null = null;

/** Replaces how the worker is made (tests give a fake), and drops any worker already started. */
export function setWorkerFactory(factory: WorkerFactory = startRallyWorker): void {
  dropWorker('the worker was replaced');
  makeWorker = factory;
}

/** Ends the worker and answers everything that waited for it: loads fail, queries get empty answers. */
function dropWorker(reason: string): void {
  worker?.terminate();
  worker = null;
  indexedRallies = null;
  const load = currentLoad;
  currentLoad = null;
  load?.fail(reason);
  stopAwaitingSearchIndex();
  const waiting = [...pendingAnswers.values()];
  pendingAnswers.clear();
  for (const answer of waiting) answer(null);
}

function stopAwaitingSearchIndex(): void {
  awaitingSearchIndex?.(null);
  awaitingSearchIndex = null;
}

function rallyWorker(): Worker {
  if (worker) return worker;
  const started = makeWorker();
  worker = started;
  started.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'answer') {
      pendingAnswers.get(message.id)?.(message);
      pendingAnswers.delete(message.id);
    } else if (message.kind === 'search-index') {
      awaitingSearchIndex?.(message.search);
      awaitingSearchIndex = null;
    } else {
      currentLoad?.receive(message);
    }
  });
  // An error event comes when the worker's code cannot be loaded (a 404 after a redeploy) or it throws.
  started.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    if (worker === started) dropWorker(event.message || 'the worker failed');
  });
  started.addEventListener('messageerror', () => {
    if (worker === started) dropWorker('a message from the worker could not be received');
  });
  return started;
}

function send(request: WorkerRequest, transfer: Transferable[] = []): void {
  rallyWorker().postMessage(request, transfer);
}

/** The worker's answer, or null when the worker failed before answering. */
function ask(request: WorkerRequest & { id: number }): Promise<WorkerAnswer | null> {
  return new Promise((resolve) => {
    try {
      pendingAnswers.set(request.id, resolve);
      send(request);
    } catch {
      pendingAnswers.delete(request.id);
      resolve(null);
    }
  });
}

/**
 * Decodes and validates a rally file's bytes in the worker, which keeps the
 * whole records and indexes the rallies for clustering and search. The
 * bytes are moved to the worker, not copied (`bytes` is unusable
 * afterwards). The page receives packed summaries in chunks, each unpacked
 * in a short task of its own. Resolves with the collection, or a message:
 * the file's decoding error, or with `crashed` the worker's failure. Never
 * rejects. A newer load cancels an older one, and so does `signal`; a
 * cancelled load resolves as failed, and cancelling stops the worker's work.
 * With `recordsUrl` (the absolute address of its record shards' folder) the
 * bytes are a rally index (src/lib/rally-index.ts), not a rally file: the
 * worker then fetches a city's whole record from its shard when asked.
 */
export function loadCollectionInWorker(
  bytes: ArrayBuffer,
  signal?: AbortSignal,
  recordsUrl?: string,
): Promise<WorkerLoadResult> {
  return new Promise((resolve) => {
    currentLoad?.fail('a newer load replaced this one');
    stopAwaitingSearchIndex();
    let campaign: Campaign | null = null;
    let problems: RallyProblem[] = [];
    let rallies: RallySummary[] = [];
    let ralliesById = new Map<string, RallySummary>();
    let unpacking = Promise.resolve();
    const searchIndex = new Promise<RallySearchIndex | null>((resolveIndex) => {
      awaitingSearchIndex = resolveIndex;
    });
    const settle = (result: WorkerLoadResult) => {
      if (currentLoad === load) currentLoad = null;
      signal?.removeEventListener('abort', cancel);
      if (!result.ok) stopAwaitingSearchIndex();
      resolve(result);
    };
    const load: NonNullable<typeof currentLoad> = {
      fail: (message) => settle({ ok: false, message, crashed: true }),
      receive: (message) => {
        if (message.kind === 'load-failed') settle({ ok: false, message: message.message, crashed: false });
        else if (message.kind === 'load-start') {
          ({ campaign, problems } = message);
          rallies = [];
          ralliesById = new Map();
        } else if (message.kind === 'load-rallies') {
          const packed = message.summaries;
          // In slices, each in a task of its own: 100,000 summaries at once would hold the page for too long.
          unpacking = unpacking.then(async () => {
            for (let start = 0; start < packed.count && currentLoad === load; start += unpackSlice) {
              if (start > 0) await nextTask();
              for (const summary of unpackSummaries(packed, start, start + unpackSlice)) {
                rallies.push(summary);
                ralliesById.set(summary.id, summary);
              }
            }
          });
        } else if (message.kind === 'load-end') {
          void unpacking.then(() => {
            if (currentLoad !== load) return;
            indexedRallies = rallies;
            settle({ ok: true, collection: { campaign, problems, rallies, ralliesById, searchIndex } });
          });
        }
      },
    };
    // The worker may be deep in parsing: ending it is the only way to stop it.
    const cancel = () => {
      if (currentLoad === load) dropWorker('the load was cancelled');
    };
    if (signal?.aborted) {
      settle({ ok: false, message: 'the load was cancelled', crashed: true });
      return;
    }
    signal?.addEventListener('abort', cancel);
    currentLoad = load;
    try {
      send(recordsUrl === undefined ? { kind: 'load', bytes } : { kind: 'load-index', bytes, recordsUrl }, [bytes]);
    } catch (error) {
      dropWorker(error instanceof Error ? error.message : 'the worker could not be started');
    }
  });
}

/**
 * Starts the worker now, if it is not running, so its code loads while the
 * file it will read is still downloading. Does nothing when it cannot start.
 */
export function startWorkerEarly(): void {
  try {
    rallyWorker();
  } catch {
    // Loading will try again, and report the failure.
  }
}

/** A city's whole record as the worker gave it; see `fetchRallyRecord`. */
export interface RecordAnswer {
  record: Rally | null;
  /** With no record: its shard could not be downloaded (offline, or the server failed), not that the worker lost it. */
  unreachable: boolean;
}

/**
 * The whole record of the rally `cityId` from the file the worker loaded
 * (or, for a rally index, from its record shard). No record when the worker
 * cannot give it: it failed and was restarted, it never loaded a file with
 * that rally, or (`unreachable`) the shard could not be downloaded.
 */
export async function fetchRallyRecord(cityId: string): Promise<RecordAnswer> {
  const answer = await ask({ kind: 'record', id: nextRequestId++, cityId });
  return { record: answer?.record ?? null, unreachable: answer?.unreachable ?? false };
}

/**
 * Makes sure the worker's cluster index holds these rallies' positions, in
 * this order; does nothing when it already does (the worker indexes a file
 * it loaded itself).
 */
export function indexRallies(rallies: readonly Pick<Rally, 'longitude' | 'latitude'>[]): void {
  if (indexedRallies === rallies) return;
  const coordinates = rallyCoordinates(rallies);
  try {
    send({ kind: 'index', coordinates }, [coordinates.buffer]);
    indexedRallies = rallies;
  } catch {
    // The worker could not start; queries answer empty, and the next call tries again.
  }
}

/** The clusters and single rallies within a box at a zoom (rally items carry their index in the indexed list); none when the worker failed. */
export async function queryClusters(bbox: BoundingBox, zoom: number): Promise<ClusterItem[]> {
  return (await ask({ kind: 'clusters', id: nextRequestId++, bbox, zoom }))?.clusters ?? [];
}

/** The zoom at which a cluster splits (0 when the worker failed). */
export async function clusterExpansionZoom(clusterId: number): Promise<number> {
  return (await ask({ kind: 'expansion-zoom', id: nextRequestId++, clusterId }))?.zoom ?? 0;
}

/** The lowest zoom from `fromZoom` up at which the rally at `index` is its own marker (`fromZoom` when the worker failed). */
export async function rallySeparationZoom(index: number, fromZoom: number): Promise<number> {
  return (await ask({ kind: 'separation-zoom', id: nextRequestId++, index, fromZoom }))?.zoom ?? fromZoom;
}
