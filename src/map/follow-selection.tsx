import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Map as LeafletMap } from 'leaflet';
import { cityZoom, initialView, viewTargetFor, type MapView } from '../lib/map-view.ts';
import { boundsOfRallies } from '../lib/rally-bounds.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { selectRallies, selectSelectedRally } from '../state/selectors.ts';

/** The zoom steps the reader's own zooming snaps to; the first view is exact (see below). */
export const zoomSnap = 0.25;

/** True when the reader asked for reduced motion: the map then jumps instead of flying. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Shows `view` at once, at its exact zoom rather than the nearest zoom step. */
function setExactView(map: LeafletMap, view: MapView): void {
  const snap = map.options.zoomSnap;
  map.options.zoomSnap = 0;
  map.setView(view.center, view.zoom, { animate: false });
  map.options.zoomSnap = snap;
}

/**
 * Moves the map to follow the store: to the selected city, or back to all
 * rallies for the overview. The first move happens instantly, to the view
 * the page's map picture shows (src/lib/map-view.ts); later ones fly,
 * except under `prefers-reduced-motion`, where they jump. With
 * `followCities` false (clustered mode) it moves only for the overview: the
 * cluster layer brings a city into view itself, at a zoom where it is not
 * clustered.
 */
export function FollowSelection({ followCities = true }: { followCities?: boolean }) {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedRally);
  const hasMoved = useRef(false);

  useEffect(
    function moveToSelection() {
      const bounds = boundsOfRallies(rallies);
      if (!bounds || (selectedRally && !followCities)) return;
      const animate = hasMoved.current && !prefersReducedMotion();
      if (!hasMoved.current) {
        hasMoved.current = true;
        // The first view is the one the page's map picture shows (src/lib/map-view.ts),
        // at its exact zoom, so nothing moves when the map replaces the picture.
        const target = viewTargetFor(rallies, selectedRally);
        if (target) {
          setExactView(map, initialView(target, { width: map.getSize().x, height: map.getSize().y }));
        }
        return;
      }
      if (selectedRally) {
        const target: [number, number] = [selectedRally.latitude, selectedRally.longitude];
        const zoom = Math.max(map.getZoom(), cityZoom);
        if (animate) map.flyTo(target, zoom, { duration: 0.9 });
        else map.setView(target, zoom, { animate: false });
      } else if (animate) {
        map.flyToBounds(bounds, { padding: [40, 40], maxZoom: cityZoom, duration: 0.9 });
      } else {
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: cityZoom, animate: false });
      }
    },
    [map, rallies, selectedRally, followCities],
  );

  return null;
}
