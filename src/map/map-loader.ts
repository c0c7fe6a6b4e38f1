import type { ComponentType } from 'react';

/** Where loading the map's code has got to: not finished, done, or failed with an error. */
export type MapLoad =
  { status: 'loading' } | { status: 'loaded'; RallyMap: ComponentType } | { status: 'failed'; error: unknown };

let mapLoad: MapLoad = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();

/**
 * Starts loading the map's code (Leaflet and src/map/), once; later calls do
 * nothing. main.tsx calls it at start-up; boot.ts has already preloaded it.
 *
 * The map is not a `React.lazy` component on purpose: React holds back
 * content that replaces a Suspense fallback for up to 300 ms, which delayed
 * the map by that much on every page load (measured with the app's
 * performance marks).
 */
export function loadRallyMap(): void {
  if (started) return;
  started = true;
  import('./rally-map.tsx').then(
    (module) => {
      finish({ status: 'loaded', RallyMap: module.default });
    },
    (error: unknown) => {
      finish({ status: 'failed', error });
    },
  );
}

function finish(outcome: MapLoad): void {
  mapLoad = outcome;
  for (const listener of listeners) listener();
}

/** The current state of the map's code, for `useSyncExternalStore`. */
export function getMapLoad(): MapLoad {
  return mapLoad;
}

/** Calls `listener` when the map's code has loaded or failed; returns the unsubscribe function. */
export function subscribeToMapLoad(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
