import { useSyncExternalStore } from 'react';

/** Where loading a module has got to: not asked for yet, on its way, done, or failed with an error. */
export type ModuleLoad<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; module: T } | { status: 'failed'; error: unknown };

/**
 * A code file loaded on demand, which can be asked for ahead of the render
 * that needs it. Not `React.lazy` on purpose: React holds back content that
 * replaces a Suspense fallback for up to 300 ms, which delayed the map, and
 * the many-rallies list and clusters, by that much after their code or data
 * arrived (measured with the app's performance marks).
 */
export interface ModuleLoader<T> {
  /**
   * Starts loading, once. After a failure (offline, a redeploy) the next
   * call tries again, unless the loader was made to keep its failure.
   */
  load: () => void;
  /** The module once loaded, else null. */
  get: () => T | null;
  /** Where loading has got to; the same object until it changes, as `useSyncExternalStore` needs. */
  state: () => ModuleLoad<T>;
  /** Calls `listener` whenever the state changes; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * A `ModuleLoader` for `importModule` (a dynamic `import()`, or an async
 * function around one). With `keepFailure`, a failed load stays failed, for
 * a caller that shows the failure and offers its own way to try again.
 */
export function moduleLoader<T>(importModule: () => Promise<T>, { keepFailure = false } = {}): ModuleLoader<T> {
  let current: ModuleLoad<T> = { status: 'idle' };
  const listeners = new Set<() => void>();
  const become = (next: ModuleLoad<T>) => {
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    load: () => {
      if (current.status === 'loading' || current.status === 'loaded') return;
      if (current.status === 'failed' && keepFailure) return;
      become({ status: 'loading' });
      importModule().then(
        (module) => {
          become({ status: 'loaded', module });
        },
        (error: unknown) => {
          become({ status: 'failed', error });
        },
      );
    },
    get: () => (current.status === 'loaded' ? current.module : null),
    state: () => current,
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
