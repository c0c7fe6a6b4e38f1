import type { PathOptions } from 'leaflet';
import { useEffect, useState } from 'react';
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
 * Draws the built-in basemap, Natural Earth 1:110m countries, once its
 * shapes are in the store (from the page's map picture, or
 * src/state/load-basemap.ts): the land, then the borders, each in a task of
 * its own after the one that built the map, so no single task does it all
 * (a tap during start-up is answered sooner; Lighthouse's TBT). Until then
 * (or if it fails) the map shows plain sea and still works. It asks no
 * other host for anything.
 */
export function BasemapLayer() {
  const basemap = useRallyStore(selectBasemap);
  const land = basemap.status === 'ready' ? basemap.land : null;
  const borders = basemap.status === 'ready' ? basemap.borders : null;
  // 0: nothing drawn yet, 1: the land, 2: the land and the borders.
  const [step, setStep] = useState(0);

  useEffect(
    function drawNextLayerInNextTask() {
      if (!land || !borders || step === 2) return;
      const timer = setTimeout(() => {
        setStep(step + 1);
      }, 0);
      return function cancelNextLayer() {
        clearTimeout(timer);
      };
    },
    [land, borders, step],
  );

  useEffect(
    function markBasemapDrawn() {
      // For the benchmark's "map ready" figure (npm run bench).
      if (step === 2) performance.mark('rally-map:basemap');
    },
    [step],
  );

  return (
    <Pane name="basemap" style={{ zIndex: 200 }}>
      {land && step >= 1 ? <GeoJSON data={land} style={landStyle} /> : null}
      {borders && step >= 2 ? <GeoJSON data={borders} style={borderStyle} /> : null}
    </Pane>
  );
}
