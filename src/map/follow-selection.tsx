import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { boundsOfRallies } from '../lib/rally-bounds.ts';
import type { Rally } from '../lib/rally-schema.ts';
import { selectHasManyRallies, selectRallies, selectSelectedRally } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { flyOrJump, flyOrJumpToBounds } from './motion.ts';

/** The zoom a selected city opens at, unless the reader is already closer. */
export const cityZoom = 5;

/** In "many rallies" mode: the first zoom from `cityZoom` up at which `rally` is no longer in a cluster. */
async function separationZoom(rallies: readonly Rally[], rally: Rally): Promise<number> {
  const { indexRallies, rallySeparationZoom } = await import('../state/rally-worker-client.ts');
  // The cluster layer may not have indexed them yet; the worker answers in the order it is asked.
  indexRallies(rallies);
  return rallySeparationZoom(rallies.indexOf(rally), cityZoom);
}

/**
 * The one component that moves the map to follow the store: to the selected
 * city (at `cityZoom`, or where its rally stands alone among clusters, unless
 * the reader is already closer), or back to all rallies for the overview.
 * The first move is instant; later ones fly, except under
 * `prefers-reduced-motion`, where they jump (src/map/motion.ts).
 */
export function FollowSelection() {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedRally);
  const manyRallies = useRallyStore(selectHasManyRallies);
  const hasMoved = useRef(false);

  useEffect(
    function moveToSelection() {
      const bounds = boundsOfRallies(rallies);
      if (!bounds) return;
      const move = () => {
        const animate = hasMoved.current;
        hasMoved.current = true;
        return { animate, duration: 0.9 };
      };
      if (!selectedRally) {
        flyOrJumpToBounds(map, bounds, { padding: [40, 40], maxZoom: cityZoom }, move());
        return;
      }
      const target: [number, number] = [selectedRally.latitude, selectedRally.longitude];
      if (!manyRallies) {
        flyOrJump(map, target, Math.max(map.getZoom(), cityZoom), move());
        return;
      }
      let cancelled = false;
      void separationZoom(rallies, selectedRally).then((aloneZoom) => {
        // The selection changed while the cluster index was asked: the newer move wins.
        if (!cancelled) flyOrJump(map, target, Math.max(map.getZoom(), aloneZoom), move());
      });
      return function cancelMove() {
        cancelled = true;
      };
    },
    [map, rallies, selectedRally, manyRallies],
  );

  return null;
}
