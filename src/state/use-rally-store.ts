import { useSyncExternalStore } from 'react';
import { rallyStore, type RallyState } from './rally-store.ts';

/**
 * Reads one piece of the rally store and re-renders only when that piece
 * changes. The server snapshot is the store's current state, not its initial
 * one: pages are rendered at build time from a loaded store, and the browser
 * fills its store from the same data before hydrating, so both agree.
 * The selector must return a stable value for an unchanged state.
 */
export function useRallyStore<T>(selector: (state: RallyState) => T): T {
  const snapshot = () => selector(rallyStore.getState());
  return useSyncExternalStore(rallyStore.subscribe, snapshot, snapshot);
}
