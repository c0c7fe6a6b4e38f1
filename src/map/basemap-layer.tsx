import type { PathOptions } from 'leaflet';
import { useEffect, useState } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import basemapUrl from '../../data/basemap-110m.json?url';
import { decodeBasemap, landShape, linesFromPicturePath, type CompactBasemap } from '../lib/basemap.ts';
import { pictureToLngLat } from '../lib/map-view.ts';
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
 * The basemap the page's own map picture carries (build/map-picture.ts), read
 * back from its paths, or `null` when the page has no picture (the
 * development server's page).
 */
function basemapFromPicture(): { land: MultiPolygon; borders: MultiLineString } | null {
  const landPath = document.querySelector('.map-picture [data-basemap="land"]')?.getAttribute('d');
  const bordersPath = document.querySelector('.map-picture [data-basemap="borders"]')?.getAttribute('d');
  if (!landPath || !bordersPath) return null;
  // Each ring is a polygon of its own: drawn as one path with even-odd filling, as Leaflet does, holes stay holes.
  const land = linesFromPicturePath(landPath, pictureToLngLat).lines.map((ring) => [ring]);
  return {
    land: { type: 'MultiPolygon', coordinates: land },
    borders: { type: 'MultiLineString', coordinates: linesFromPicturePath(bordersPath, pictureToLngLat).lines },
  };
}

/**
 * The built-in basemap: Natural Earth 1:110m countries (data/basemap-110m.json,
 * made from the `world-atlas` package), served with the app itself. It asks no other host for anything.
 * A generated page's map picture already carries it, so then it is read from
 * there and not downloaded again. Until it is drawn (or if it fails) the map
 * shows the picture, or plain sea, and still works.
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
    const fromPicture = basemapFromPicture();
    if (fromPicture) {
      later(() => {
        setLand(fromPicture.land);
        later(() => {
          setBorders(fromPicture.borders);
        });
      });
      return function cancelBasemapDrawing() {
        cancelled = true;
        timers.forEach(clearTimeout);
      };
    }
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
