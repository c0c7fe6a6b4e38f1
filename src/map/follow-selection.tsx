import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { boundsOfRallies } from '../lib/rally-bounds.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { selectRallies, selectSelectedRally } from '../state/selectors.ts';

/** The zoom a selected city opens at, unless the reader is already closer. */
export const cityZoom = 5;

/** True when the reader asked for reduced motion: the map then jumps instead of flying. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Moves the map to follow the store: to the selected city, or back to all
 * rallies for the overview. The first move happens instantly; later ones fly,
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
      hasMoved.current = true;
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
