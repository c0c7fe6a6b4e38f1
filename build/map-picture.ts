import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';
import Supercluster from 'supercluster';
import type { MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import { merge } from 'topojson-client';
import { decodeBasemap, decodeLines, unwrapLongitudes, type CompactBasemap } from '../src/lib/basemap.ts';
import { formatClusterCount } from '../src/lib/cluster-view.ts';
import {
  initialView,
  pictureFrame,
  pictureUnitsPerWorld,
  projectToWorld,
  viewTargetFor,
  type PictureFrame,
  type ViewTarget,
} from '../src/lib/map-view.ts';
import type { Rally } from '../src/lib/rally-schema.ts';
import { formatRoute, type Presentation } from '../src/lib/address.ts';
import { cityName } from '../src/lib/city-name.ts';
import { formatMessage, type LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import englishMessages from '../src/i18n/messages/en.json' with { type: 'json' };
import { pictureElement, type PictureElement } from '../src/lib/picture-tree.ts';

/** The basemap's two layers as SVG path data, in picture units (see `pictureUnitsPerWorld`). */
export interface PicturePaths {
  land: string;
  borders: string;
}

/**
 * A d3 path context that writes integer coordinates, every point after a
 * subpath's first as a step from the one before ("M12 34l3-2 1 0z"), which
 * is about half the text of absolute decimals. src/lib/basemap.ts reads it back.
 */
class CompactPathContext {
  private text = '';
  private x = 0;
  private y = 0;
  private open = false;

  moveTo(x: number, y: number): void {
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.text += `M${String(this.x)} ${String(this.y)}`;
    this.open = false;
  }

  lineTo(x: number, y: number): void {
    const nextX = Math.round(x);
    const nextY = Math.round(y);
    const dx = nextX - this.x;
    const dy = nextY - this.y;
    if (dx === 0 && dy === 0) return;
    const pair = `${String(dx)}${dy < 0 ? '' : ' '}${String(dy)}`;
    this.text += this.open ? `${dx < 0 ? '' : ' '}${pair}` : `l${pair}`;
    this.open = true;
    this.x = nextX;
    this.y = nextY;
  }

  closePath(): void {
    this.text += 'z';
    this.open = false;
  }

  beginPath(): void {}

  arc(): void {}

  result(): string {
    return this.text;
  }
}

/**
 * The basemap's land and borders (data/basemap-110m.json) as SVG path data in
 * Web Mercator, the projection Leaflet shows: a d3-geo transform, planar (no
 * clipping or resampling), so every point lands where Leaflet puts it, and
 * shapes that cross the antimeridian stay in one piece as the interactive map
 * draws them. The land is the countries merged, so only coastlines are
 * outlines; the lines countries share are drawn once, as borders.
 */
export function basemapPicturePaths(file: CompactBasemap): PicturePaths {
  const topology: Topology = {
    type: 'Topology',
    arcs: decodeLines(file),
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: file.countries.map((arcs): TopoMultiPolygon => ({ type: 'MultiPolygon', arcs })),
      },
    },
  };
  const countries = topology.objects.countries;
  const land = merge(
    topology,
    countries?.type === 'GeometryCollection' ? (countries.geometries as TopoMultiPolygon[]) : [],
  );
  for (const polygon of land.coordinates) for (const ring of polygon) unwrapLongitudes(ring);
  const mercator = geoTransform({
    point(longitude, latitude) {
      const { x, y } = projectToWorld(latitude, longitude);
      this.stream.point(x * pictureUnitsPerWorld, y * pictureUnitsPerWorld);
    },
  });
  const draw = (shape: GeoPermissibleObjects) => {
    const context = new CompactPathContext();
    geoPath(mercator, context)(shape);
    return context.result();
  };
  return { land: draw(land), borders: draw(decodeBasemap(file).borders) };
}

/** A marker the picture draws: one rally, or (with many rallies) a cluster of them. */
type PictureMarker =
  { kind: 'rally'; rally: Rally; x: number; y: number } | { kind: 'cluster'; count: number; x: number; y: number };

/** What `mapPictureTree` draws. */
export interface MapPictureOptions {
  /** The basemap as path data, from `basemapPicturePaths` (the same for every page of a build). */
  paths: PicturePaths;
  rallies: readonly Rally[];
  /** The first view: the same one the interactive map will take (src/lib/map-view.ts). */
  target: ViewTarget;
  /** The page's own city, drawn highlighted, or `null`. */
  selectedId: string | null;
  /** The address of a rally's page, in the page's language and presentation. */
  href: (rally: Rally) => string;
  /** A rally's accessible name: its city, in the page's language. */
  name: (rally: Rally) => string;
  /** A cluster's accessible name, in the page's language, e.g. "87 rallies". */
  clusterName: (count: number) => string;
  /** With many rallies (src/lib/scale.ts), the markers are clusters at the first view's zoom. */
  clustered: boolean;
}

/** A zoom the first view has at a typical desktop map, for choosing clusters at build time. */
function typicalZoom(frame: PictureFrame, target: ViewTarget): number {
  return frame.kind === 'fixed' ? frame.zoom : initialView(target, { width: 880, height: 800 }).zoom;
}

/** The cluster index of each rally list, made once: every page of a build draws from the same one. */
const clusterIndexes = new WeakMap<readonly Rally[], Supercluster<{ index: number }>>();

function clusterIndexOf(rallies: readonly Rally[]): Supercluster<{ index: number }> {
  let index = clusterIndexes.get(rallies);
  if (!index) {
    index = new Supercluster<{ index: number }>({ radius: 60, maxZoom: 16 }).load(
      rallies.map((rally, position) => ({
        type: 'Feature',
        properties: { index: position },
        geometry: { type: 'Point', coordinates: [rally.longitude, rally.latitude] },
      })),
    );
    clusterIndexes.set(rallies, index);
  }
  return index;
}

function pictureMarkers(options: MapPictureOptions, frame: PictureFrame): PictureMarker[] {
  const { rallies, clustered } = options;
  const toPicture = (latitude: number, longitude: number) => {
    const { x, y } = projectToWorld(latitude, longitude);
    return { x: x * pictureUnitsPerWorld, y: y * pictureUnitsPerWorld };
  };
  if (!clustered)
    return rallies.map((rally) => ({ kind: 'rally', rally, ...toPicture(rally.latitude, rally.longitude) }));
  return clusterIndexOf(rallies)
    .getClusters([-180, -85, 180, 85], Math.floor(typicalZoom(frame, options.target)))
    .map((feature): PictureMarker => {
      const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
      const properties = feature.properties as { cluster?: boolean; point_count?: number; index?: number };
      const rally = properties.index === undefined ? undefined : rallies[properties.index];
      if (properties.cluster || !rally) {
        return { kind: 'cluster', count: properties.point_count ?? 1, ...toPicture(latitude, longitude) };
      }
      return { kind: 'rally', rally, ...toPicture(latitude, longitude) };
    });
}

function markerElement(marker: PictureMarker, options: MapPictureOptions): PictureElement {
  // A speck, a tenth of a unit across: round caps and joins make its stroke a dot
  // that many pixels wide, and it has an area, so the link has a box to click and to outline.
  const x = String(Math.round(marker.x));
  const y = String(Math.round(marker.y));
  const at = `M${x} ${y}h.1v.1h-.1z`;
  if (marker.kind === 'cluster') {
    const size = marker.count < 100 ? 'small' : marker.count < 1000 ? 'medium' : 'large';
    return pictureElement(
      'g',
      {
        class: `picture-cluster picture-cluster--${size}`,
        role: 'img',
        'aria-label': options.clusterName(marker.count),
      },
      [
        pictureElement('path', { d: at, class: 'picture-cluster-dot' }),
        pictureElement('text', { x, y, 'aria-hidden': 'true' }, [formatClusterCount(marker.count)]),
      ],
    );
  }
  const { rally } = marker;
  const selected = rally.id === options.selectedId;
  const classes = ['picture-marker', `picture-marker--${rally.locationPrecision}`, selected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
  return pictureElement(
    'a',
    {
      href: options.href(rally),
      class: classes,
      'aria-label': options.name(rally),
      'aria-current': selected ? 'page' : undefined,
      'data-city-id': rally.id,
    },
    ['focus', 'outline', 'ring', 'dot'].map((part) =>
      pictureElement('path', { d: at, class: `picture-marker-${part}` }),
    ),
  );
}

/**
 * The picture of a page's map, as an element tree (src/lib/picture-tree.ts)
 * that the page's React tree renders where the interactive map will be:
 * land, borders and a marker per rally (or per cluster), drawn in the
 * projection and first view the interactive map takes, so nothing moves when
 * it takes over. The sea is the map area's own background. It needs no script
 * and no request. Each rally's marker links to its city page, named for
 * screen readers by the city; the page's own city is highlighted. The
 * picture is laid out by CSS (src/styles/map-picture.css) from its frame's class.
 */
export function mapPictureTree(options: MapPictureOptions): PictureElement {
  const frame = pictureFrame(options.target);
  const [x, y, width, height] = frame.viewBox.map((value) => value * pictureUnitsPerWorld);
  const viewBox = [x, y, width, height].map((value) => (value ?? 0).toFixed(1)).join(' ');
  const markers = pictureMarkers(options, frame);
  // The highlighted city is drawn last, so no other marker covers it.
  markers.sort(
    (a, b) =>
      Number(a.kind === 'rally' && a.rally.id === options.selectedId) -
      Number(b.kind === 'rally' && b.rally.id === options.selectedId),
  );
  return pictureElement(
    'svg',
    {
      class: `map-picture-svg map-picture-svg--${frame.kind}`,
      viewBox,
      width: frame.kind === 'fixed' ? String(frame.width) : undefined,
      height: frame.kind === 'fixed' ? String(frame.height) : undefined,
      preserveAspectRatio: 'xMidYMid meet',
    },
    [
      pictureElement('g', { 'aria-hidden': 'true' }, [
        pictureElement('path', { class: 'picture-land', 'data-basemap': 'land', d: options.paths.land }),
        pictureElement('path', { class: 'picture-border', 'data-basemap': 'borders', d: options.paths.borders }),
      ]),
      pictureElement(
        'g',
        { class: 'picture-markers' },
        markers.map((marker) => markerElement(marker, options)),
      ),
    ],
  );
}

/**
 * The picture of one page's map: its first view (the page's city, or every
 * rally), with a marker linking to every rally's page in the same
 * presentation and language, named by the city's name in that language. `null` without rallies.
 */
export function pageMapPicture(options: {
  collection: RallyCollection;
  rally: Rally | null;
  presentation: Presentation;
  paths: PicturePaths;
  basePath: string;
  clustered: boolean;
  /** The page's language, for the links, the city names and the cluster labels. */
  pack: LanguagePack;
}): PictureElement | null {
  const { collection, rally, presentation, pack } = options;
  const target = viewTargetFor(collection.rallies, rally ?? undefined);
  if (!target) return null;
  return mapPictureTree({
    paths: options.paths,
    rallies: collection.rallies,
    target,
    selectedId: rally?.id ?? null,
    href: (other) => formatRoute({ kind: 'city', cityId: other.id }, options.basePath, presentation, pack.language),
    name: (other) => cityName(other, pack.translation).name,
    clusterName: (count) => formatMessage(pack.catalogue, englishMessages, pack.language, 'cityList.total', { count }),
    clustered: options.clustered,
  });
}
