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
  const [land, setLand] = useState<MultiPolygon | null>(null);
  const [borders, setBorders] = useState<MultiLineString | null>(null);

  useEffect(function loadBasemap() {
    let cancelled = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    // Decoding, the land and the borders each run in a task of their own, so
    // none of them holds up a tap for long on a slow phone.
    const later = (step: () => void) => {
      timers.push(
        setTimeout(() => {
          if (!cancelled) step();
        }, 0),
      );
    };
    fetch(basemapUrl)
      .then((response) =>
        response.ok ? (response.json() as Promise<CompactBasemap>) : Promise.reject(new Error(String(response.status))),
      )
      .then((file) => {
        later(() => {
          const decoded = decodeBasemap(file);
          later(() => {
            setLand(landShape(decoded));
            later(() => {
              setBorders(decoded.borders);
            });
          });
        });
      })
      .catch(() => {
        // The markers and panel do not depend on the basemap; a bare sea is a usable fallback.
      });
    return function cancelBasemapLoad() {
      cancelled = true;
      timers.forEach(clearTimeout);
    };
  }, []);

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
