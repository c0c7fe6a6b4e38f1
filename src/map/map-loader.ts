import type { ComponentType } from 'react';

/**
 * Where loading the map's code has got to: not asked for yet, on its way,
 * done, or failed with an error.
 */
export type MapLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; RallyMap: ComponentType }
  | { status: 'failed'; error: unknown };

let mapLoad: MapLoad = { status: 'idle' };
let withClusters = false;

/**
 * Tells the loader that the page has many rallies (src/main.tsx, from the
 * page's rally index link): the cluster layer's code then loads with the
 * map's, not after the rallies arrive.
 */
export function loadClustersWithMap(): void {
  withClusters = true;
}
const listeners = new Set<() => void>();

/**
 * Starts loading the map's code (Leaflet and src/map/), once; later calls do
 * nothing. Until it is called, a generated page's map is the build's picture
 * of it; src/app.tsx calls this when the reader reaches for the map (see
 * `wantsInteractiveMap`), and src/main.tsx at start on a page that has no
 * picture, or whose picture is not of the page the address asks for.
 *
 * The map is not a `React.lazy` component on purpose: React holds back
 * content that replaces a Suspense fallback for up to 300 ms, which delayed
 * the map by that much (measured with the app's performance marks).
 */
export function loadRallyMap(): void {
  if (mapLoad.status !== 'idle') return;
  finish({ status: 'loading' });
  void (async () => {
    // Awaited, not `import(…).then(loaded, failed)`: the build wraps the import, with the preloading of its styles,
    // around such a `.then`, so a style sheet that fails to load (offline, the map never used) would reject a
    // promise nobody handles and leave the map loading for ever.
    try {
      const [module] = await Promise.all([
        import('./rally-map.tsx'),
        // Only warmed here: the map asks for it again when it has the rallies, and copes if it fails.
        withClusters ? import('./cluster-markers.tsx').catch(() => null) : null,
      ]);
      if (withClusters) module.clusterMarkers.load();
      finish({ status: 'loaded', RallyMap: module.default });
    } catch (error) {
      finish({ status: 'failed', error });
    }
  })();
}

function finish(outcome: MapLoad): void {
  mapLoad = outcome;
  for (const listener of listeners) listener();
}

/** The current state of the map's code, for `useSyncExternalStore`. */
export function getMapLoad(): MapLoad {
  return mapLoad;
}

/** Calls `listener` whenever the map's code is asked for, has loaded or has failed; returns the unsubscribe function. */
export function subscribeToMapLoad(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The events that mean a reader is reaching for the map: a pointer coming
 * over it or pressing it, a wheel turned over it, focus moving into it (a
 * marker link of the picture, by keyboard), or a key pressed in it.
 */
export const reachForMapEvents = ['pointerover', 'pointerdown', 'wheel', 'focusin', 'keydown'] as const;
