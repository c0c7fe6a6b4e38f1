import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Keeps the map's maximum zoom at `zoom` (from src/lib/max-zoom.ts):
 * `MapContainer` reads its `maxZoom` only when the map is created.
 */
export function MaxZoom({ zoom }: { zoom: number }) {
  const map = useMap();
  useEffect(
    function applyMaxZoom() {
      if (map.getMaxZoom() !== zoom) map.setMaxZoom(zoom);
    },
    [map, zoom],
  );
  return null;
}
