import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { boundsOfRallies } from '../lib/rally-bounds.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { selectRallies, selectSelectedRally } from '../state/selectors.ts';

/** The zoom a selected city opens at, unless the reader is already closer. */
export const cityZoom = 5;

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Moves the map to follow the store: to the selected city, or back to all
 * rallies for the overview. The first move happens instantly; later ones fly,
 * except under `prefers-reduced-motion`, where they jump.
 */
export function FollowSelection() {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedRally);
  const hasMoved = useRef(false);

  useEffect(
    function moveToSelection() {
      const bounds = boundsOfRallies(rallies);
      if (!bounds) return;
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
    [map, rallies, selectedRally],
  );

  return null;
}
