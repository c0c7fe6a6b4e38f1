import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Map as LeafletMap } from 'leaflet';
import { cityZoom, initialView, viewTargetFor, type MapView } from '../lib/map-view.ts';
import { boundsOfRallies } from '../lib/rally-bounds.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
import { selectHasManyRallies, selectRallies, selectSelectedSummary } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { flyOrJump, flyOrJumpToBounds } from './motion.ts';

/** The zoom steps the reader's own zooming snaps to; the first view is exact (see `setExactView`). */
export const zoomSnap = 0.25;

/** Shows `view` at once, at its exact zoom rather than the nearest zoom step. */
function setExactView(map: LeafletMap, view: MapView): void {
  const snap = map.options.zoomSnap;
  map.options.zoomSnap = 0;
  map.setView(view.center, view.zoom, { animate: false });
  map.options.zoomSnap = snap;
}

/** In "many rallies" mode: the first zoom from `cityZoom` up at which `rally` is no longer in a cluster. */
async function separationZoom(rallies: readonly RallySummary[], rally: RallySummary): Promise<number> {
  const { indexRallies, rallySeparationZoom } = await import('../state/rally-worker-client.ts');
  // The cluster layer may not have indexed them yet; the worker answers in the order it is asked.
  indexRallies(rallies);
  return rallySeparationZoom(rallies.indexOf(rally), cityZoom);
}

/**
 * The one component that moves the map to follow the store: to the selected
 * city (at `cityZoom`, or where its rally stands alone among clusters, unless
 * the reader is already closer), or back to all rallies for the overview.
 * The first move is instant, to the view the page's map picture shows
 * (src/lib/map-view.ts); later ones fly, except under
 * `prefers-reduced-motion`, where they jump (src/map/motion.ts).
 */
export function FollowSelection() {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedSummary);
  const manyRallies = useRallyStore(selectHasManyRallies);
  const hasMoved = useRef(false);

  useEffect(
    function moveToSelection() {
      const bounds = boundsOfRallies(rallies);
      if (!bounds) return;
      const target = viewTargetFor(rallies, selectedRally);
      if (!hasMoved.current && target && !(selectedRally && manyRallies)) {
        hasMoved.current = true;
        // The first view is the one the page's map picture shows (src/lib/map-view.ts),
        // at its exact zoom, so nothing moves when the map replaces the picture.
        setExactView(map, initialView(target, { width: map.getSize().x, height: map.getSize().y }));
        return;
      }
      const move = () => {
        const animate = hasMoved.current;
        hasMoved.current = true;
        return { animate, duration: 0.9 };
      };
      if (!selectedRally) {
        flyOrJumpToBounds(map, bounds, { padding: [40, 40], maxZoom: cityZoom }, move());
        return;
      }
      const city: [number, number] = [selectedRally.latitude, selectedRally.longitude];
      if (!manyRallies) {
        flyOrJump(map, city, Math.max(map.getZoom(), cityZoom), move());
        return;
      }
      let cancelled = false;
      void separationZoom(rallies, selectedRally).then((aloneZoom) => {
        // The selection changed while the cluster index was asked: the newer move wins.
        if (!cancelled) flyOrJump(map, city, Math.max(map.getZoom(), aloneZoom), move());
      });
      return function cancelMove() {
        cancelled = true;
      };
    },
    [map, rallies, selectedRally, manyRallies],
  );

  return null;
}
