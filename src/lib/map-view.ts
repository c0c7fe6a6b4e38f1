import { boundsOfRallies, type LatLngBounds } from './rally-bounds.ts';

/**
 * The map's projection and first view, shared by the picture drawn into every
 * page at build time (build/map-picture.ts) and the interactive map that takes
 * over from it (src/map/follow-selection.tsx), so a marker stays on the same
 * pixel when Leaflet replaces the picture.
 *
 * Coordinates are Leaflet's: Web Mercator (EPSG:3857) in "world units", the
 * pixels of zoom 0, where the world is 256 × 256 and x grows east, y south.
 * At zoom z one world unit is 2^z screen pixels.
 */

/** The width and height of the world at zoom 0, in world units (Leaflet's tile size). */
export const worldSize = 256;

/**
 * Picture units per world unit: the picture's paths use whole numbers of
 * these, a twentieth of a world unit, about the basemap's own grid
 * (build/basemap-file.ts: 5,000 steps across the world).
 */
export const pictureUnitsPerWorld = 20;

/** Leaflet's latitude limit for Web Mercator: the world is square between ±this. */
export const maxLatitude = 85.0511287798;

/** The zoom a selected city opens at, unless the reader is already closer. */
export const cityZoom = 5;

/** The margin, in screen pixels, kept between the rallies and the map's edge on the overview. */
export const overviewPadding = 40;

/**
 * The largest map a first view is planned for, in CSS pixels. A city's
 * picture covers this much around the city; an overview whose rallies are
 * too close together to fill this at `cityZoom` is centred at `cityZoom` instead.
 */
export const largestMapSize: MapSize = { width: 2000, height: 1400 };

/** A map's size on screen, in CSS pixels. */
export interface MapSize {
  width: number;
  height: number;
}

/** A point in world units. */
export interface WorldPoint {
  x: number;
  y: number;
}

/** What Leaflet's `setView` takes: the centre as `[latitude, longitude]` and a (fractional) zoom. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** What the first view shows: every rally (the overview), or one city at `cityZoom`. */
export type ViewTarget =
  { kind: 'bounds'; bounds: LatLngBounds } | { kind: 'point'; latitude: number; longitude: number; zoom: number };

/**
 * How the picture is laid out so that it shows the view `initialView` gives,
 * at any size, with CSS alone:
 * - `fit`: an `<svg>` inset by `padding` pixels on every side, whose `viewBox`
 *   is the rallies' box, scaled to fit and centred (`xMidYMid meet`), which is
 *   what Leaflet's `fitBounds` does with that padding and no zoom steps;
 * - `fixed`: an `<svg>` of `width` × `height` pixels centred in the map, its
 *   `viewBox` the same area in world units at `zoom`, which is `setView`.
 * `viewBox` is `[x, y, width, height]` in world units.
 */
export type PictureFrame =
  | { kind: 'fit'; viewBox: [number, number, number, number]; padding: number }
  | { kind: 'fixed'; viewBox: [number, number, number, number]; width: number; height: number; zoom: number };

/** Latitude and longitude to world units, as Leaflet's `map.project(latLng, 0)`. */
export function projectToWorld(latitude: number, longitude: number): WorldPoint {
  const clamped = Math.max(-maxLatitude, Math.min(maxLatitude, latitude));
  const sine = Math.sin((clamped * Math.PI) / 180);
  const mercatorY = Math.log((1 + sine) / (1 - sine)) / 2;
  return {
    x: ((longitude + 180) / 360) * worldSize,
    y: (0.5 - mercatorY / (2 * Math.PI)) * worldSize,
  };
}

/** World units back to `[latitude, longitude]`, the inverse of `projectToWorld`. */
export function unprojectFromWorld(x: number, y: number): [number, number] {
  const longitude = (x / worldSize) * 360 - 180;
  const mercatorY = (0.5 - y / worldSize) * 2 * Math.PI;
  const latitude = (2 * Math.atan(Math.exp(mercatorY)) - Math.PI / 2) * (180 / Math.PI);
  return [latitude, longitude];
}

/** The rallies' box in world units: `[x, y, width, height]`. */
function worldBox(bounds: LatLngBounds): [number, number, number, number] {
  const [[south, west], [north, east]] = bounds;
  const northWest = projectToWorld(north, west);
  const southEast = projectToWorld(south, east);
  return [northWest.x, northWest.y, southEast.x - northWest.x, southEast.y - northWest.y];
}

/**
 * The zoom at which a box of world units just fits `size` less `padding` on
 * each side: no zoom steps, as Leaflet's `getBoundsZoom` with `zoomSnap: 0`.
 */
function fitZoom(boxWidth: number, boxHeight: number, size: MapSize, padding: number): number {
  const scale = Math.min(
    (size.width - 2 * padding) / Math.max(boxWidth, 1e-9),
    (size.height - 2 * padding) / Math.max(boxHeight, 1e-9),
  );
  return Math.log2(scale);
}

/**
 * How to show `target`: a box of rallies is fitted, unless they are so close
 * together that even the largest map would zoom past `cityZoom`; then, like a
 * single city, it is centred at that zoom. The choice depends on the target
 * only, never on the map's size, so the picture and the map always agree.
 */
function settledTarget(target: ViewTarget): ViewTarget {
  if (target.kind === 'point') return target;
  const [, , width, height] = worldBox(target.bounds);
  if (fitZoom(width, height, largestMapSize, overviewPadding) <= cityZoom) return target;
  const [[south, west], [north, east]] = target.bounds;
  const northWest = projectToWorld(north, west);
  const southEast = projectToWorld(south, east);
  const [latitude, longitude] = unprojectFromWorld((northWest.x + southEast.x) / 2, (northWest.y + southEast.y) / 2);
  return { kind: 'point', latitude, longitude, zoom: cityZoom };
}

/**
 * The interactive map's first view for a map of `size` pixels: the centre and
 * the exact (unstepped) zoom that put every point where `pictureFrame(target)`
 * draws it at that size.
 */
export function initialView(target: ViewTarget, size: MapSize): MapView {
  const settled = settledTarget(target);
  if (settled.kind === 'point') return { center: [settled.latitude, settled.longitude], zoom: settled.zoom };
  const [x, y, width, height] = worldBox(settled.bounds);
  return {
    center: unprojectFromWorld(x + width / 2, y + height / 2),
    zoom: fitZoom(width, height, size, overviewPadding),
  };
}

/** How the build-time picture frames `target` (see `PictureFrame`). */
export function pictureFrame(target: ViewTarget): PictureFrame {
  const settled = settledTarget(target);
  if (settled.kind === 'point') {
    const center = projectToWorld(settled.latitude, settled.longitude);
    const scale = 2 ** settled.zoom;
    const { width, height } = largestMapSize;
    return {
      kind: 'fixed',
      viewBox: [center.x - width / scale / 2, center.y - height / scale / 2, width / scale, height / scale],
      width,
      height,
      zoom: settled.zoom,
    };
  }
  return { kind: 'fit', viewBox: worldBox(settled.bounds), padding: overviewPadding };
}

/**
 * Where a world point lands, in pixels from the map's top-left corner, when
 * the map of `size` shows `view`: what Leaflet's `latLngToContainerPoint` gives.
 */
export function viewPixel(view: MapView, size: MapSize, point: WorldPoint): WorldPoint {
  const scale = 2 ** view.zoom;
  const center = projectToWorld(view.center[0], view.center[1]);
  return {
    x: size.width / 2 + (point.x - center.x) * scale,
    y: size.height / 2 + (point.y - center.y) * scale,
  };
}

/**
 * Where a world point lands, in pixels from the map's top-left corner, in a
 * picture laid out by `frame` in a map of `size`: what the browser draws.
 */
export function picturePixel(frame: PictureFrame, size: MapSize, point: WorldPoint): WorldPoint {
  const [boxX, boxY, boxWidth, boxHeight] = frame.viewBox;
  if (frame.kind === 'fixed') {
    const scale = 2 ** frame.zoom;
    return {
      x: size.width / 2 + (point.x - (boxX + boxWidth / 2)) * scale,
      y: size.height / 2 + (point.y - (boxY + boxHeight / 2)) * scale,
    };
  }
  const innerWidth = size.width - 2 * frame.padding;
  const innerHeight = size.height - 2 * frame.padding;
  const scale = Math.min(innerWidth / boxWidth, innerHeight / boxHeight);
  return {
    x: frame.padding + innerWidth / 2 + (point.x - (boxX + boxWidth / 2)) * scale,
    y: frame.padding + innerHeight / 2 + (point.y - (boxY + boxHeight / 2)) * scale,
  };
}

/**
 * What the first view shows for a page: the selected city at `cityZoom`, or
 * every rally; `null` when there are no rallies and nothing is selected.
 */
export function viewTargetFor(
  rallies: readonly { latitude: number; longitude: number }[],
  selected: { latitude: number; longitude: number } | undefined,
): ViewTarget | null {
  if (selected) return { kind: 'point', latitude: selected.latitude, longitude: selected.longitude, zoom: cityZoom };
  const bounds = boundsOfRallies(rallies);
  return bounds ? { kind: 'bounds', bounds } : null;
}

/** Picture units (see `pictureUnitsPerWorld`) to `[longitude, latitude]`, as GeoJSON orders them. */
export function pictureToLngLat(x: number, y: number): [number, number] {
  const [latitude, longitude] = unprojectFromWorld(x / pictureUnitsPerWorld, y / pictureUnitsPerWorld);
  return [longitude, latitude];
}
