import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

/**
 * `false` while a page is rendered at build time and during the render that
 * hydrates it, `true` from the render after: what only a running script can
 * do (or claim, like `aria-expanded` on a toggle) goes in when it is `true`,
 * so the page takes over without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
