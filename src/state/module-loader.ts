import { useSyncExternalStore } from 'react';

/**
 * A code file loaded on demand, which can be asked for ahead of the render
 * that needs it. Not `React.lazy` on purpose: React holds back content that
 * replaces a Suspense fallback for up to 300 ms, which delayed the many-rallies
 * list and clusters by that much after their data arrived (the same reason
 * src/map/map-loader.ts gives for the map).
 */
export interface ModuleLoader<T> {
  /** Starts loading, once; a load that failed (offline, a redeploy) is tried again on the next call. */
  load: () => void;
  /** The module once loaded, else null. */
  get: () => T | null;
  /** Calls `listener` when the module has loaded; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/** A `ModuleLoader` for `importModule` (a dynamic `import()` of one file). */
export function moduleLoader<T>(importModule: () => Promise<T>): ModuleLoader<T> {
  let loaded: T | null = null;
  let loading = false;
  const listeners = new Set<() => void>();
  return {
    load: () => {
      if (loaded !== null || loading) return;
      loading = true;
      importModule().then(
        (module) => {
          loaded = module;
          for (const listener of listeners) listener();
        },
        () => {
          loading = false;
        },
      );
    },
    get: () => loaded,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The module of `loader` once loaded, else null; with `wanted`, starts
 * loading it (after the render, so rendering stays pure). Renders again when
 * it arrives. Null while a page is rendered at build time.
 */
export function useLoadedModule<T>(loader: ModuleLoader<T>, wanted: boolean): T | null {
  const module = useSyncExternalStore(loader.subscribe, loader.get, () => null);
  if (wanted && module === null) queueMicrotask(loader.load);
  return module;
}
