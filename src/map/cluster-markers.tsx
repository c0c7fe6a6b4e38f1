import { divIcon, type Marker as LeafletMarker } from 'leaflet';
import '../styles/clusters.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { useT } from '../state/use-t.ts';
import { clusterMaxZoom, formatClusterCount, type BoundingBox, type ClusterItem } from '../lib/cluster-view.ts';
import { clusterExpansionZoom, indexRallies, queryClusters } from '../state/rally-worker-client.ts';
import { selectRallies, selectSelectedSummary } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { coarsePointer, flyOrJump } from './motion.ts';
import { RallyMarker } from './rally-markers.tsx';
import { useMarkerButton } from './use-marker-button.ts';

function clusterIcon(count: number) {
  const size = count < 100 ? 36 : count < 1000 ? 44 : 52;
  // Touch screens get a 44 px hit area, as the rally markers do.
  const hit = Math.max(size, coarsePointer ? 44 : 0);
  // No `html` option: the count is shown by CSS from data-count, never markup built from data.
  return divIcon({
    className: `rally-cluster rally-cluster--${size}`,
    iconSize: [hit, hit],
    iconAnchor: [hit / 2, hit / 2],
  });
}

/** The part of the world in view, widened by half a screen each way so short pans need no new query. */
function paddedBounds(map: ReturnType<typeof useMap>): BoundingBox {
  const bounds = map.getBounds().pad(0.5);
  return [
    Math.max(-180, bounds.getWest()),
    Math.max(-85, bounds.getSouth()),
    Math.min(180, bounds.getEast()),
    Math.min(85, bounds.getNorth()),
  ];
}

/**
 * The markers of "many rallies" mode: clusters from the worker's index for
 * the part of the map in view, and single rallies (the same markers as in
 * the few-rallies mode) where they stand alone. A cluster is a focusable
 * button named "12 rallies, zoom in"; click, Enter or Space zooms to where it
 * splits. (Opening a city is FollowSelection's move: it asks the same index
 * for the zoom where the rally stands alone.) Nothing in the DOM grows with
 * the number of rallies.
 */
export default function ClusterMarkers() {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedSummary);
  const [items, setItems] = useState<ClusterItem[]>([]);
  const [zoom, setZoom] = useState(() => map.getZoom());
  const latestQuery = useRef(0);

  const refresh = useCallback(() => {
    const query = ++latestQuery.current;
    const currentZoom = map.getZoom();
    void queryClusters(paddedBounds(map), currentZoom).then((found) => {
      // A later pan or zoom has asked again: its answer wins.
      if (query !== latestQuery.current) return;
      setItems(found);
      setZoom(currentZoom);
    });
  }, [map]);

  useEffect(
    function indexAndDraw() {
      indexRallies(rallies);
      refresh();
    },
    [map, rallies, refresh],
  );
  useMapEvents(useMemo(() => ({ moveend: refresh }), [refresh]));

  useEffect(
    function markClustersDrawn() {
      // For the benchmark (npm run bench): the first time cluster markers are on the map. They are
      // this mode's markers, so "rally-map:markers" (the few-rallies mode's mark) is set with it.
      if (!items.some((item) => item.kind === 'cluster')) return;
      for (const mark of ['rally-map:clusters', 'rally-map:markers']) {
        if (performance.getEntriesByName(mark).length === 0) performance.mark(mark);
      }
    },
    [items],
  );

  const zoomInto = useCallback(
    (clusterId: number, position: [number, number]) => {
      void clusterExpansionZoom(clusterId).then((expansionZoom) => {
        const targetZoom = Math.min(clusterMaxZoom + 1, Math.max(expansionZoom, Math.floor(map.getZoom()) + 1));
        // The reader's own zoom, like the + button's: not a move that follows the store.
        flyOrJump(map, position, targetZoom, { animate: true, duration: 0.6 });
        // The cluster's button goes away as it splits; keep keyboard focus on the map.
        map.getContainer().focus({ preventScroll: true });
      });
    },
    [map],
  );

  const selectedId = selectedRally?.id ?? null;
  return (
    <>
      {items.map((item) => {
        if (item.kind === 'cluster') {
          return (
            <ClusterMarker
              key={`cluster-${item.clusterId}`}
              clusterId={item.clusterId}
              count={item.count}
              position={[item.latitude, item.longitude]}
              onZoom={zoomInto}
            />
          );
        }
        const rally = rallies[item.index];
        if (!rally) return null;
        return (
          <RallyMarker
            key={rally.id}
            rally={rally}
            position={[rally.latitude, rally.longitude]}
            selected={rally.id === selectedId}
            showLabel={rally.id === selectedId || zoom > clusterMaxZoom}
          />
        );
      })}
    </>
  );
}

interface ClusterMarkerProps {
  clusterId: number;
  count: number;
  position: [number, number];
  onZoom: (clusterId: number, position: [number, number]) => void;
}

function ClusterMarker({ clusterId, count, position, onZoom }: ClusterMarkerProps) {
  const markerRef = useRef<LeafletMarker>(null);
  const icon = useMemo(() => clusterIcon(count), [count]);
  const { t } = useT();

  const onPress = useCallback(() => onZoom(clusterId, position), [clusterId, onZoom, position]);
  const eventHandlers = useMarkerButton(markerRef, {
    name: t('map.clusterName', { count }),
    icon,
    attributes: { 'data-count': formatClusterCount(count) },
    onPress,
  });

  return <Marker ref={markerRef} position={position} icon={icon} keyboard eventHandlers={eventHandlers} />;
}
