import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBasemap, resetBasemapLoad } from '../../src/state/load-basemap.ts';
import { initialRallyState, rallyStore, setBasemap } from '../../src/state/rally-store.ts';
import { selectBasemap } from '../../src/state/selectors.ts';

const basemapText = readFileSync(new URL('../../data/basemap-110m.json', import.meta.url), 'utf8');
const url = '/assets/basemap-110m.json';
const basemap = () => selectBasemap(rallyStore.getState());

/** A fetch that answers with this body and status. */
function respondWith(body: string, init: ResponseInit = { status: 200 }) {
  return vi.fn<typeof fetch>(() => Promise.resolve(new Response(body, init)));
}

beforeEach(() => {
  rallyStore.setState(initialRallyState());
  resetBasemapLoad();
});

describe('loadBasemap', () => {
  it('puts the land in the store, then the borders', async () => {
    const seen: string[] = [];
    const unsubscribe = rallyStore.subscribe((state) => {
      const { basemap } = state;
      seen.push(basemap.status === 'ready' ? (basemap.borders ? 'land and borders' : 'land') : basemap.status);
    });
    await loadBasemap(setBasemap, url, respondWith(basemapText), 1000);
    unsubscribe();
    expect(seen).toEqual(['land', 'land and borders']);
    const loaded = basemap();
    expect(loaded.status === 'ready' && loaded.land.coordinates.length).toBeGreaterThan(100);
  });

  it('fetches once per page, however often it is asked', async () => {
    const fetchFile = respondWith(basemapText);
    await Promise.all([loadBasemap(setBasemap, url, fetchFile, 1000), loadBasemap(setBasemap, url, fetchFile, 1000)]);
    await loadBasemap(setBasemap, url, fetchFile, 1000);
    expect(fetchFile).toHaveBeenCalledTimes(1);
  });

  it('records an HTTP error status as a failure, and never throws', async () => {
    await loadBasemap(setBasemap, url, respondWith('gone', { status: 404 }), 1000);
    expect(basemap()).toEqual({ status: 'failed', failure: { kind: 'http', status: '404' } });
  });

  it('records a network error as a failure', async () => {
    await loadBasemap(
      setBasemap,
      url,
      vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch'))),
      1000,
    );
    expect(basemap()).toEqual({ status: 'failed', failure: { kind: 'network' } });
  });

  it('records a file that is not JSON as invalid', async () => {
    await loadBasemap(setBasemap, url, respondWith('<!doctype html><title>Home</title>'), 1000);
    expect(basemap()).toMatchObject({ status: 'failed', failure: { kind: 'invalid' } });
  });

  it('gives up after the timeout when the network stalls', async () => {
    const stalled = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    await loadBasemap(setBasemap, url, stalled, 20);
    expect(basemap()).toEqual({ status: 'failed', failure: { kind: 'timeout', seconds: 1 } });
  });
});
