import 'leaflet/dist/leaflet.css';
import { lazy, Suspense, useCallback, useState } from 'react';
import { MapContainer } from 'react-leaflet';
import { mapMaxZoom } from '../lib/max-zoom.ts';
import { selectHasManyRallies, selectIsEmbed } from '../state/selectors.ts';
import { moduleLoader, useLoadedModule } from '../state/module-loader.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { BasemapLayer } from './basemap-layer.tsx';
import { ControlsFirst } from './controls-first.tsx';
import { EmbedGestures } from './embed-gestures.tsx';
import { FollowSelection, zoomSnap } from './follow-selection.tsx';
import { MaxZoom } from './max-zoom.tsx';
import { prefersReducedMotion } from './motion.ts';
import { RallyMarkers } from './rally-markers.tsx';
import { WatchMapSize } from './watch-map-size.tsx';

/**
 * Only in "many rallies" mode: the cluster layer, its worker and supercluster
 * are separate files. A page that knows it has many rallies asks for it with the map (src/map/map-loader.ts).
 */
export const clusterMarkers = moduleLoader(() => import('./cluster-markers.tsx'));

// Read once: Leaflet takes its animation options when the map is created.
const reducedMotion = prefersReducedMotion();

// The optional street-level tiles (TILE_URL at build time). Without them this
// is `null` and the build drops the tile code entirely.
const tileLayer = import.meta.env.TILE_LAYER;
const StreetTileLayer = tileLayer ? lazy(() => import('./street-tile-layer.tsx')) : null;

/**
 * The rally map: the built-in basemap, optional street tiles, one marker per
 * rally (or clusters of them when there are many), and a view that follows
 * the selected city. It reads the store and writes only selections.
 */
export default function RallyMap() {
  const isEmbed = useRallyStore(selectIsEmbed);
  const manyRallies = useRallyStore(selectHasManyRallies);
  const ClusterMarkers = useLoadedModule(clusterMarkers, manyRallies)?.default;
  const [tilesFailed, setTilesFailed] = useState(false);
  const markTilesFailed = useCallback(() => setTilesFailed(true), []);
  const maxZoom = mapMaxZoom({ tileMaxZoom: tileLayer?.maxZoom ?? null, manyRallies, tilesFailed });
  return (
    <MapContainer
      className="rally-map"
      center={[30, 0]}
      zoom={2}
      minZoom={1}
      // Only at creation; MaxZoom applies later changes.
      maxZoom={maxZoom}
      zoomSnap={zoomSnap}
      zoomDelta={1}
      wheelPxPerZoomLevel={120}
      // No maxBounds: Leaflet would re-centre the first view on a phone, away from the map picture's.
      attributionControl={false}
      // Under prefers-reduced-motion nothing slides, fades or coasts.
      zoomAnimation={!reducedMotion}
      fadeAnimation={!reducedMotion}
      markerZoomAnimation={!reducedMotion}
      inertia={!reducedMotion}
      // In an article the wheel must scroll the page; EmbedGestures zooms on Ctrl + wheel.
      scrollWheelZoom={!isEmbed}
      // Touch dragging in an embed starts only with two fingers (see EmbedGestures).
      dragging={!isEmbed}
      // The map is a region of the page; its markers and controls are what take focus.
      keyboard
    >
      <MaxZoom zoom={maxZoom} />
      <BasemapLayer />
      {StreetTileLayer && tileLayer ? (
        <Suspense fallback={null}>
          <StreetTileLayer config={tileLayer} maxZoom={maxZoom} failed={tilesFailed} onFail={markTilesFailed} />
        </Suspense>
      ) : null}
      {manyRallies ? ClusterMarkers ? <ClusterMarkers /> : null : <RallyMarkers />}
      <FollowSelection />
      <WatchMapSize />
      <ControlsFirst />
      {isEmbed ? <EmbedGestures /> : null}
    </MapContainer>
  );
}
