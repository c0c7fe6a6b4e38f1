/**
 * The rally worker itself, run in Node with a stand-in for the worker's
 * global scope (`self`): what it sends back, and in what order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerMessage, WorkerRequest } from '../../src/state/rally-worker.ts';
import { readRallyFileText } from '../lib/rally-fixtures.ts';

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
