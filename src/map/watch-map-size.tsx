import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Tells Leaflet when its container changes size (the bottom sheet grows, the
 * window rotates), so the map never shows a grey strip or a stale centre.
 */
export function WatchMapSize() {
  const map = useMap();
  useEffect(
    function observeContainer() {
      const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
      observer.observe(map.getContainer());
      return function stopObserving() {
        observer.disconnect();
      };
    },
    [map],
  );
  return null;
}
