import 'leaflet/dist/leaflet.css';
import { MapContainer } from 'react-leaflet';
import { BasemapLayer } from './basemap-layer.tsx';
import { FollowSelection } from './follow-selection.tsx';
import { RallyMarkers } from './rally-markers.tsx';
import { WatchMapSize } from './watch-map-size.tsx';

/**
 * The rally map: the built-in basemap, one marker per rally, and a view that
 * follows the selected city. It reads the store and writes only selections.
 */
export default function RallyMap() {
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
      // The map is a region of the page; its markers and controls are what take focus.
      keyboard
    >
      <BasemapLayer />
      <RallyMarkers />
      <FollowSelection />
      <WatchMapSize />
    </MapContainer>
  );
}
