import type { PathOptions } from 'leaflet';
import { useEffect } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import { selectBasemap } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

const landStyle: PathOptions = {
  className: 'basemap-land',
  stroke: true,
  weight: 0.6,
  fill: true,
  fillOpacity: 1,
  interactive: false,
};
const borderStyle: PathOptions = { className: 'basemap-border', weight: 0.8, fill: false, interactive: false };

/**
 * Draws the built-in basemap, Natural Earth 1:110m countries, once
 * src/state/load-basemap.ts has put its shapes in the store: the land, then
 * the borders. Until then (or if it fails) the map shows plain sea and still
 * works. It asks no other host for anything.
 */
export function BasemapLayer() {
  const basemap = useRallyStore(selectBasemap);
  const land = basemap.status === 'ready' ? basemap.land : null;
  const borders = basemap.status === 'ready' ? basemap.borders : null;

  useEffect(
    function markBasemapDrawn() {
      // For the benchmark's "map ready" figure (npm run bench).
      if (land && borders) performance.mark('rally-map:basemap');
    },
    [land, borders],
  );

  return (
    <Pane name="basemap" style={{ zIndex: 200 }}>
      {land ? <GeoJSON data={land} style={landStyle} /> : null}
      {borders ? <GeoJSON data={borders} style={borderStyle} /> : null}
    </Pane>
  );
}
