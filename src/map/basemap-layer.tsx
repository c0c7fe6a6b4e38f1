import type { PathOptions } from 'leaflet';
import { useEffect, useState } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import type { Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import { basemapFromTopology, isDrawnCountry, type Basemap } from '../lib/basemap.ts';

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
 * The built-in basemap: Natural Earth 1:110m countries from the `world-atlas`
 * package, served with the app itself. It asks no other host for anything.
 * Until it arrives (or if it fails) the map shows plain sea and still works.
 */
export function BasemapLayer() {
  const [basemap, setBasemap] = useState<Basemap | null>(null);

  useEffect(function loadBasemap() {
    let cancelled = false;
    fetch(countriesUrl)
      .then((response) =>
        response.ok ? (response.json() as Promise<Topology>) : Promise.reject(new Error(String(response.status))),
      )
      .then((topology) => {
        if (!cancelled) setBasemap(basemapFromTopology(topology));
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
      <GeoJSON data={basemap.countries} style={landStyle} filter={isDrawnCountry} />
      <GeoJSON data={basemap.borders} style={borderStyle} />
    </Pane>
  );
}
