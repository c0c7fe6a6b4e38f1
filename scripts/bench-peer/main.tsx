/*
 * The peer `npm run bench` compares the app with (issue #12): a bare Vite +
 * React + react-leaflet page, with world-atlas's 1:110m country outlines and
 * a circle marker per rally, and nothing else. Built by scripts/bench.ts to a
 * temporary folder, never into dist/.
 */
import 'leaflet/dist/leaflet.css';
import { createRoot } from 'react-dom/client';
import { CircleMarker, GeoJSON, MapContainer } from 'react-leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

/** The rallies' positions, [latitude, longitude], written in by scripts/bench.ts from the rally file. */
declare const __PEER_RALLIES__: [number, number][];

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

function PeerMap() {
  return (
    <MapContainer center={[30, 0]} zoom={2}>
      <GeoJSON data={countries} style={{ color: '#888', weight: 1, fillColor: '#ddd', fillOpacity: 1 }} />
      {__PEER_RALLIES__.map((position) => (
        <CircleMarker key={position.join(',')} center={position} radius={8} />
      ))}
    </MapContainer>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<PeerMap />);
