import type { ComponentType } from 'react';
import { moduleLoader, type ModuleLoad } from '../state/module-loader.ts';

/** Where loading the map's code has got to; once loaded, `module` is the map component. */
export type MapLoad = ModuleLoad<ComponentType>;

let withClusters = false;

/**
 * Tells the loader that the page has many rallies (src/main.tsx, from the
 * page's rally index link): the cluster layer's code then loads with the
 * map's, not after the rallies arrive.
 */
export function loadClustersWithMap(): void {
  withClusters = true;
}

// A failure stays: the map's error boundary (src/map/map-error-boundary.tsx) says so, and the picture, where the page
// has one, and the panel stay.
const rallyMapLoader = moduleLoader(
  async () => {
    // Awaited, not `import(…).then(…)`: the build wraps the import, with the preloading of its styles, around such
    // a `.then`, so a style sheet that fails to load (offline, the map never used) would reject a promise nobody
    // handles and leave the map loading for ever.
    const [module] = await Promise.all([
      import('./rally-map.tsx'),
      // Only warmed here: the map asks for it again when it has the rallies, and copes if it fails.
      withClusters ? import('./cluster-markers.tsx').catch(() => null) : null,
    ]);
    if (withClusters) module.clusterMarkers.load();
    return module.default;
  },
  { keepFailure: true },
);

/**
 * Starts loading the map's code (Leaflet and src/map/), once; later calls do
 * nothing. Until it is called, a generated page's map is the build's picture
 * of it; src/app.tsx calls this when the reader reaches for the map (see
 * `wantsInteractiveMap`), and src/main.tsx at start on a page that has no
 * picture, or whose picture is not of the page the address asks for.
 */
export const loadRallyMap: () => void = rallyMapLoader.load;

/** The current state of the map's code, for `useSyncExternalStore`. */
export const getMapLoad: () => MapLoad = rallyMapLoader.state;

/** Calls `listener` whenever the map's code is asked for, has loaded or has failed; returns the unsubscribe function. */
export const subscribeToMapLoad: (listener: () => void) => () => void = rallyMapLoader.subscribe;

/**
 * The events that mean a reader is reaching for the map: a pointer coming
 * over it or pressing it, a wheel turned over it, focus moving into it (a
 * marker link of the picture, by keyboard), or a key pressed in it.
 */
export const reachForMapEvents = ['pointerover', 'pointerdown', 'wheel', 'focusin', 'keydown'] as const;
