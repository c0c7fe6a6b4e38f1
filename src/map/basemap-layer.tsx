import type { PathOptions } from 'leaflet';
import { useEffect, useState } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import basemapUrl from '../../data/basemap-110m.json?url';
import { decodeBasemap, landShape, type CompactBasemap } from '../lib/basemap.ts';
import type { MultiLineString, MultiPolygon } from 'geojson';

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
 * The built-in basemap: Natural Earth 1:110m countries (data/basemap-110m.json,
 * made from the `world-atlas` package), served with the app itself. It asks no other host for anything.
 * Until it arrives (or if it fails) the map shows plain sea and still works.
 */
export function BasemapLayer() {
  const [basemap, setBasemap] = useState<{ land: MultiPolygon; borders: MultiLineString } | null>(null);

  useEffect(function loadBasemap() {
    let cancelled = false;
    fetch(basemapUrl)
      .then((response) =>
        response.ok ? (response.json() as Promise<CompactBasemap>) : Promise.reject(new Error(String(response.status))),
      )
      .then((file) => {
        if (cancelled) return;
        const decoded = decodeBasemap(file);
        setBasemap({ land: landShape(decoded), borders: decoded.borders });
      })
      .catch(() => {
        // The markers and panel do not depend on the basemap; a bare sea is a usable fallback.
      });
    return function cancelBasemapLoad() {
      cancelled = true;
    };
  }, []);

  useEffect(
    function markBasemapDrawn() {
      // For the benchmark's "map ready" figure (npm run bench).
      if (basemap) performance.mark('rally-map:basemap');
    },
    [basemap],
  );

  if (!basemap) return null;
  return (
    <Pane name="basemap" style={{ zIndex: 200 }}>
      <GeoJSON data={basemap.land} style={landStyle} />
      <GeoJSON data={basemap.borders} style={borderStyle} />
    </Pane>
  );
}
