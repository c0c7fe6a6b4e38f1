import { useT } from '../state/use-t.ts';
import { divIcon, type Map as LeafletMap, type Marker as LeafletMarker } from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CircleMarker, Marker, Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { cityName } from '../lib/city-name.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { initialView, viewTargetFor } from '../lib/map-view.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
import { spreadMarkers } from '../lib/spread-markers.ts';
import { finishFocusRequest, selectCity } from '../state/rally-store.ts';
import { selectFocusRequest, selectRallies, selectSelectedSummary } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { coarsePointer } from './motion.ts';
import { useMarkerButton } from './use-marker-button.ts';

/** From this zoom on, every marker shows its city's name. */
const labelZoom = 4;

// Touch screens get a 44 px hit area; the visible dot stays the same size.
const hitSize = coarsePointer ? 44 : 28;
/** Markers closer than this on screen are spread apart, so each can be seen and hit. */
const minimumSpacing = coarsePointer ? 40 : 26;

function markerIcon(rally: RallySummary, selected: boolean) {
  // No `html` option: the icon is an empty element styled by CSS, never markup built from data.
  return divIcon({
    className: `rally-marker rally-marker--${rally.locationPrecision}${selected ? ' is-selected' : ''}`,
    iconSize: [hitSize, hitSize],
    iconAnchor: [hitSize / 2, hitSize / 2],
  });
}

interface PlacedRally {
  rally: RallySummary;
  position: [number, number];
  displaced: boolean;
}

function placeRallies(map: LeafletMap, rallies: readonly RallySummary[], zoom: number, spacing: number): PlacedRally[] {
  const points = rallies.map((rally) => {
    const point = map.project([rally.latitude, rally.longitude], zoom);
    return { id: rally.id, x: point.x, y: point.y };
  });
  const spread = spacing > 0 ? spreadMarkers(points, spacing) : points;
  return rallies.map((rally, index) => {
    const original = points[index];
    const moved = spread[index];
    if (!original || !moved || (moved.x === original.x && moved.y === original.y)) {
      return { rally, position: [rally.latitude, rally.longitude], displaced: false };
    }
    const latLng = map.unproject([moved.x, moved.y], zoom);
    return { rally, position: [latLng.lat, latLng.lng], displaced: true };
  });
}

/**
 * One focusable marker per rally. Once the reader zooms, crowded markers
 * (London and York, Munich and Berlin at world zoom) are spread apart, with a
 * thin line to the true position. In the first view they stay where the
 * page's map picture drew them (src/lib/map-view.ts), so nothing moves when
 * the map takes over. Click, Enter or Space selects the city.
 */
export function RallyMarkers() {
  const map = useMap();
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedSummary);
  const selectedCityId = selectedRally?.id ?? null;
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents(useMemo(() => ({ zoomend: () => setZoom(map.getZoom()) }), [map]));

  const placed = useMemo(() => {
    const target = viewTargetFor(rallies, selectedRally);
    const size = map.getSize();
    // The reader's zooming snaps to steps; only the first view has this exact zoom.
    const atFirstView =
      target !== null && Math.abs(initialView(target, { width: size.x, height: size.y }).zoom - zoom) < 1e-6;
    return placeRallies(map, rallies, zoom, atFirstView ? 0 : minimumSpacing);
  }, [map, rallies, selectedRally, zoom]);

  useEffect(
    function markMarkersDrawn() {
      // For the benchmark's "map ready" figure (npm run bench).
      if (placed.length > 0 && performance.getEntriesByName('rally-map:markers').length === 0) {
        performance.mark('rally-map:markers');
      }
    },
    [placed],
  );

  return (
    <>
      {placed.map(({ rally, position, displaced }) =>
        displaced ? (
          <Polyline
            key={`leader-${rally.id}`}
            positions={[[rally.latitude, rally.longitude], position]}
            // Path options given as props apply at creation; className is read only then.
            className="rally-leader"
            weight={1}
            interactive={false}
          />
        ) : null,
      )}
      {placed.map(({ rally, displaced }) =>
        displaced ? (
          <CircleMarker
            key={`true-position-${rally.id}`}
            center={[rally.latitude, rally.longitude]}
            radius={2}
            className="rally-true-position"
            weight={0}
            fillOpacity={1}
            interactive={false}
          />
        ) : null,
      )}
      {placed.map(({ rally, position }) => (
        <RallyMarker
          key={rally.id}
          rally={rally}
          position={position}
          selected={rally.id === selectedCityId}
          showLabel={zoom >= labelZoom || rally.id === selectedCityId}
        />
      ))}
    </>
  );
}

/** What one rally marker shows: its rally, where it is drawn, and whether it is open and labelled. */
export interface RallyMarkerProps {
  rally: RallySummary;
  position: [number, number];
  selected: boolean;
  showLabel: boolean;
}

/**
 * One rally's focusable marker, named for screen readers ("London, rally on
 * 7 April 2018"). Click, Enter or Space opens the city; focus returns here
 * when the city was opened from it and is closed.
 */
export function RallyMarker({ rally, position, selected, showLabel }: RallyMarkerProps) {
  const markerRef = useRef<LeafletMarker>(null);
  const icon = useMemo(() => markerIcon(rally, selected), [rally, selected]);
  const { t, locale, translation } = useT();
  const names = cityName(rally, translation);

  const onPress = useCallback(() => selectCity(rally.id, 'marker'), [rally.id]);
  const eventHandlers = useMarkerButton(markerRef, {
    name: t('map.markerName', { city: names.name, date: formatCalendarDate(rally.date, locale) }),
    icon,
    attributes: { 'data-city-id': rally.id, 'aria-pressed': String(selected) },
    onPress,
  });

  const focusRequest = useRallyStore(selectFocusRequest);
  useEffect(
    function returnFocusToMarker() {
      if (focusRequest?.kind !== 'marker' || focusRequest.cityId !== rally.id) return;
      markerRef.current?.getElement()?.focus();
      finishFocusRequest(focusRequest);
    },
    [focusRequest, rally.id],
  );

  return (
    <Marker
      ref={markerRef}
      position={position}
      icon={icon}
      keyboard
      zIndexOffset={selected ? 1000 : 0}
      eventHandlers={eventHandlers}
    >
      <Tooltip
        key={`${showLabel ? 'label' : 'hover'}-${selected ? 'selected' : 'plain'}`}
        permanent={showLabel}
        direction="right"
        offset={[8, 0]}
        className={`rally-label${selected ? ' is-selected' : ''}`}
      >
        {names.localName === null ? names.name : `${names.name} · ${names.localName}`}
      </Tooltip>
    </Marker>
  );
}
