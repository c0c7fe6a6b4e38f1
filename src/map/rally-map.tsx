import 'leaflet/dist/leaflet.css';
import { lazy, Suspense } from 'react';
import { MapContainer } from 'react-leaflet';
import { selectHasManyRallies, selectIsEmbed } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { BasemapLayer } from './basemap-layer.tsx';
import { ControlsFirst } from './controls-first.tsx';
import { EmbedGestures } from './embed-gestures.tsx';
import { FollowSelection } from './follow-selection.tsx';
import { RallyMarkers } from './rally-markers.tsx';
import { WatchMapSize } from './watch-map-size.tsx';

/**
 * The rally map: the built-in basemap, one marker per rally (or clusters of
 * them when there are many), and a view that follows the selected city. It reads the store and writes only selections.
 */
// Only in "many rallies" mode: the cluster layer, its worker and supercluster are separate files.
const ClusterMarkers = lazy(() => import('./cluster-markers.tsx'));

// Read once: Leaflet takes its animation options when the map is created.
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export default function RallyMap() {
  const isEmbed = useRallyStore(selectIsEmbed);
  const manyRallies = useRallyStore(selectHasManyRallies);
  return (
    <MapContainer
      className="rally-map"
      center={[30, 0]}
      zoom={2}
      minZoom={1}
      maxZoom={8}
      zoomSnap={0.25}
      zoomDelta={1}
      wheelPxPerZoomLevel={120}
      maxBounds={[
        [-75, -240],
        [85, 240],
      ]}
      maxBoundsViscosity={0.8}
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
      <BasemapLayer />
      {manyRallies ? (
        <Suspense fallback={null}>
          <ClusterMarkers />
        </Suspense>
      ) : (
        <RallyMarkers />
      )}
      <FollowSelection followCities={!manyRallies} />
      <WatchMapSize />
      <ControlsFirst />
      {isEmbed ? <EmbedGestures /> : null}
    </MapContainer>
  );
}
