import { useStore } from 'zustand';
import { rallyStore, type RallyState } from './rally-store.ts';

/** Reads one piece of the rally store and re-renders only when that piece changes. */
export function useRallyStore<T>(selector: (state: RallyState) => T): T {
  return useStore(rallyStore, selector);
}
