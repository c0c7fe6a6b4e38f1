/**
 * CLI-only check (it needs Node to read the Natural Earth shapes, ~750 kB,
 * which the browser does not ship): each rally's point must lie in the
 * country its `properties.country` declares, within a tolerance for coastal
 * cities. A point that is not, but would be with its two numbers swapped,
 * gets "did you swap longitude and latitude?".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoDistance } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
// A CommonJS module: Node gives it to ES modules as a default export only.
import isoCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryName } from '../../src/lib/country-name.ts';
import type { PathSegment } from '../../src/lib/rally-problem.ts';
import { prepareGeometry, type PointTest } from './spherical-polygon.ts';

/** A point this close to its country's outline counts as inside: coastlines at 1:50m are coarse. */
export const countryToleranceKm = 25;

const earthRadiusKm = 6371.0088;
const kmPerDegree = (Math.PI * earthRadiusKm) / 180;

type CountryShape = Feature<Polygon | MultiPolygon, { name: string }>;

const pointTests = new WeakMap<CountryShape, PointTest>();

/** True when the point is inside the shape, as d3-geo's geoContains says (the shape is prepared once). */
function shapeContains(shape: CountryShape, position: readonly [number, number]): boolean {
  let test = pointTests.get(shape);
  if (!test) {
    test = prepareGeometry(shape.geometry);
    pointTests.set(shape, test);
  }
  return test(position);
}

/**
 * Natural Earth outlines that have no ISO 3166-1 numeric id in world-atlas,
 * or that cover a code which has no outline of its own at 1:50m, keyed by the
 * alpha-2 code they count for. A short table rather than a package, because
 * it describes how Natural Earth draws the map, not ISO codes.
 */
const extraOutlines: Readonly<Record<string, { names?: readonly string[]; numeric?: readonly string[] }>> = {
  XK: { names: ['Kosovo'] },
  CY: { names: ['N. Cyprus'] },
  SO: { names: ['Somaliland'] },
  IN: { names: ['Siachen Glacier'] },
  PK: { names: ['Siachen Glacier'] },
  CX: { names: ['Indian Ocean Ter.'] },
  CC: { names: ['Indian Ocean Ter.'] },
  // Drawn as part of France, Norway and the Netherlands.
  GF: { numeric: ['250'] },
  GP: { numeric: ['250'] },
  MQ: { numeric: ['250'] },
  YT: { numeric: ['250'] },
  RE: { numeric: ['250'] },
  SJ: { numeric: ['578'] },
  BQ: { numeric: ['528'] },
};

/** The code an outline without an ISO id counts for, when it counts for exactly one ("Kosovo" is XK). */
function codeByOutlineName(name: string): string | null {
  const codes = Object.entries(extraOutlines).flatMap(([code, extra]) => (extra.names?.includes(name) ? [code] : []));
  return codes.length === 1 ? (codes[0] ?? null) : null;
}

/** Country outlines from the `world-atlas` package, looked up by ISO 3166-1 alpha-2 code. */
export interface CountryAtlas {
  /** The outlines for a code: empty when Natural Earth has none, undefined when the code is not ISO 3166-1. */
  outlines(code: string): CountryShape[] | undefined;
  /** The country (code and name) a point lies in, or null at sea. */
  countryAt(position: readonly [number, number]): { code: string | null; name: string } | null;
}

let cachedAtlas: CountryAtlas | null = null;

/** Loads (once) the Natural Earth 1:50m countries from node_modules/world-atlas. */
export function loadCountryAtlas(): CountryAtlas {
  if (cachedAtlas) return cachedAtlas;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const countriesObject = topology.objects.countries as GeometryCollection<{ name: string }>;
  const shapes = (feature(topology, countriesObject) as FeatureCollection<Polygon | MultiPolygon, { name: string }>)
    .features;
  const byNumeric = new Map<string, CountryShape[]>();
  const byName = new Map<string, CountryShape[]>();
  for (const shape of shapes) {
    const id = shape.id === undefined ? null : String(shape.id);
    if (id !== null) byNumeric.set(id, [...(byNumeric.get(id) ?? []), shape]);
    byName.set(shape.properties.name, [...(byName.get(shape.properties.name) ?? []), shape]);
  }
  cachedAtlas = {
    outlines(code) {
      const numeric = isoCountries.alpha2ToNumeric(code);
      const extra = Object.hasOwn(extraOutlines, code) ? extraOutlines[code] : undefined;
      if (numeric === undefined && extra === undefined) return undefined;
      return [
        ...(numeric === undefined ? [] : (byNumeric.get(numeric) ?? [])),
        ...(extra?.numeric ?? []).flatMap((id) => byNumeric.get(id) ?? []),
        ...(extra?.names ?? []).flatMap((name) => byName.get(name) ?? []),
      ];
    },
    countryAt(position) {
      // The shape that contains the point, or else the nearest within the tolerance: at 1:50m a city
      // on the water (Stockholm) can fall just outside every outline.
      const shape =
        shapes.find((candidate) => shapeContains(candidate, position)) ??
        shapes
          .filter((candidate) => isNearBoundingBox(candidate, position))
          .map((candidate) => ({ candidate, distance: distanceToOutlineKm([candidate], position) }))
          .filter(({ distance }) => distance <= countryToleranceKm)
          .sort((a, b) => a.distance - b.distance)[0]?.candidate;
      if (!shape) return null;
      const code =
        shape.id === undefined
          ? codeByOutlineName(shape.properties.name)
          : (isoCountries.numericToAlpha2(String(shape.id)) ?? null);
      return { code, name: code === null ? shape.properties.name : countryName(code) };
    },
  };
  return cachedAtlas;
}

/**
 * A strict test for generated points (scripts/generate-rallies.ts): true
 * when the point is inside one of the country's outlines, with no tolerance,
 * so a point that passes is sure to pass `checkPointCountry`.
 */
export function insideCountry(atlas: CountryAtlas): (code: string, position: [number, number]) => boolean {
  return (code, position) => (atlas.outlines(code) ?? []).some((shape) => shapeContains(shape, position));
}

/** True when the point is within about a degree of the shape's bounding box: a cheap test before measuring. */
function isNearBoundingBox(shape: CountryShape, position: readonly [number, number]): boolean {
  const [[west, south], [east, north]] = geoBounds(shape);
  const [longitude, latitude] = position;
  if (latitude < south - 1 || latitude > north + 1) return false;
  // A box with west > east crosses the antimeridian.
  return west <= east ? longitude >= west - 2 && longitude <= east + 2 : longitude >= west - 2 || longitude <= east + 2;
}

function rings(shape: CountryShape): Position[][] {
  return shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
}

/** One ring of an outline, with its edges (by the index of their first point) in bands of one degree of latitude. */
interface BandedRing {
  ring: Position[];
  bands: Map<number, number[]>;
}

const bandedRings = new WeakMap<CountryShape, BandedRing[]>();

/** The shape's rings with their latitude bands (made once): each edge is in every band its latitudes reach. */
function ringsInBands(shape: CountryShape): BandedRing[] {
  let banded = bandedRings.get(shape);
  if (!banded) {
    banded = rings(shape).map((ring) => {
      const bands = new Map<number, number[]>();
      for (let index = 0; index + 1 < ring.length; index += 1) {
        const a = ring[index]?.[1] ?? 0;
        const b = ring[index + 1]?.[1] ?? 0;
        for (let band = Math.floor(Math.min(a, b)); band <= Math.floor(Math.max(a, b)); band += 1) {
          const list = bands.get(band);
          if (list) list.push(index);
          else bands.set(band, [index]);
        }
      }
      return { ring, bands };
    });
    bandedRings.set(shape, banded);
  }
  return banded;
}

/**
 * Distance in km from the point to the nearest edge of the shapes, each edge
 * measured in a flat projection centred on the point (good near it). Stops
 * early once an edge is within `enough` km. Edges are read band by band of
 * latitude outwards from the point, until the next bands lie farther away
 * than the nearest edge so far: in that projection the difference in latitude
 * alone is a lower bound of the distance, so the edges left cannot be nearer.
 */
function nearestEdgeKm(shapes: readonly CountryShape[], position: readonly [number, number], enough = 0): number {
  const [longitude, latitude] = position;
  const xScale = Math.cos((latitude * Math.PI) / 180) * kmPerDegree;
  const project = (point: Position): [number, number] => {
    const deltaLongitude = (((((point[0] ?? 0) - longitude + 540) % 360) + 360) % 360) - 180;
    return [deltaLongitude * xScale, ((point[1] ?? 0) - latitude) * kmPerDegree];
  };
  const banded = shapes.flatMap(ringsInBands);
  let nearestEdge = Infinity;
  const home = Math.floor(latitude);
  for (let step = 0; home - step >= -90 || home + step <= 90; step += 1) {
    // Every edge not read yet lies wholly in bands `step` or more away from the point's: no nearer in latitude.
    if (step > 0 && Math.min(latitude - (home - step + 1), home + step - latitude) * kmPerDegree >= nearestEdge) break;
    for (const { ring, bands } of banded) {
      for (const band of step === 0 ? [home] : [home - step, home + step]) {
        for (const index of bands.get(band) ?? []) {
          const start = ring[index];
          const end = ring[index + 1];
          if (!start || !end) continue;
          const [ax, ay] = project(start);
          const [bx, by] = project(end);
          const dx = bx - ax;
          const dy = by - ay;
          const lengthSquared = dx * dx + dy * dy;
          const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
          nearestEdge = Math.min(nearestEdge, Math.hypot(ax + t * dx, ay + t * dy));
          if (nearestEdge <= enough) return nearestEdge;
        }
      }
    }
  }
  return nearestEdge;
}

/** Distance in km on the sphere from the point to the nearest vertex of the shapes. */
function nearestVertexKm(shapes: readonly CountryShape[], position: readonly [number, number]): number {
  let nearestVertex = Infinity;
  for (const shape of shapes) {
    for (const ring of rings(shape)) {
      for (let index = 0; index + 1 < ring.length; index += 1) {
        const start = ring[index];
        if (!start) continue;
        nearestVertex = Math.min(
          nearestVertex,
          geoDistance([position[0], position[1]], [start[0] ?? 0, start[1] ?? 0]) * earthRadiusKm,
        );
      }
    }
  }
  return nearestVertex;
}

/** Beyond this distance from every edge, the distance is measured to the nearest vertex on the sphere instead. */
const flatDistanceLimitKm = 100;

/**
 * Distance in km from a point outside the shapes to their nearest edge.
 * Near the point (where the tolerance is decided) each edge is measured in a
 * local flat projection; beyond 100 km, to the nearest vertex on the sphere,
 * which is plenty for "about 250 km".
 */
export function distanceToOutlineKm(shapes: readonly CountryShape[], position: readonly [number, number]): number {
  const nearestEdge = nearestEdgeKm(shapes, position);
  return nearestEdge <= flatDistanceLimitKm ? nearestEdge : nearestVertexKm(shapes, position);
}

/**
 * True when the point is inside one of the shapes, or within the tolerance of
 * one: `distanceToOutlineKm(...) <= countryToleranceKm`, without measuring
 * every edge and vertex when one near edge settles it.
 */
function isInOrNear(shapes: readonly CountryShape[], position: readonly [number, number]): boolean {
  if (shapes.some((shape) => shapeContains(shape, position))) return true;
  const nearestEdge = nearestEdgeKm(shapes, position, countryToleranceKm);
  if (nearestEdge <= flatDistanceLimitKm) return nearestEdge <= countryToleranceKm;
  return nearestVertexKm(shapes, position) <= countryToleranceKm;
}

/** A problem found by the country check, with the path it concerns. */
export interface CountryProblem {
  severity: 'error' | 'warning';
  path: PathSegment[];
  message: string;
}

/** Commonly used codes that are not ISO 3166-1 alpha-2, with the code meant. */
const mistakenCodes: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

function formatPosition(position: readonly [number, number]): string {
  return `[${position[0]}, ${position[1]}]`;
}

function roundedKm(km: number): string {
  const rounded = km < 100 ? Math.round(km) : Math.round(km / 10) * 10;
  return `${rounded.toLocaleString('en-GB')} km`;
}

/**
 * Checks one rally's point against the country it declares. `position` is
 * [longitude, latitude] as written in the file; `code` a two-letter code.
 * Returns null when the point is in (or near) the country.
 */
export function checkPointCountry(
  atlas: CountryAtlas,
  code: string,
  position: readonly [number, number],
): CountryProblem | null {
  const outlines = atlas.outlines(code);
  if (outlines === undefined) {
    const meant = Object.hasOwn(mistakenCodes, code) ? mistakenCodes[code] : undefined;
    return {
      severity: 'error',
      path: ['properties', 'country'],
      message: `"${code}" is not an ISO 3166-1 alpha-2 country code${
        meant === undefined ? '' : `: did you mean "${meant}" (${countryName(meant)})?`
      }`,
    };
  }
  // Named only when needed: countryName is slow beside the point test, and most points pass.
  const declared = () => `${countryName(code)} (${code})`;
  if (outlines.length === 0) {
    return {
      severity: 'warning',
      path: ['properties', 'country'],
      message: `cannot check that the point is in ${declared()}: Natural Earth has no outline for it at 1:50m`,
    };
  }
  if (isInOrNear(outlines, position)) return null;

  const swapped: [number, number] = [position[1], position[0]];
  if (Math.abs(swapped[1]) <= 90 && isInOrNear(outlines, swapped)) {
    return {
      severity: 'error',
      path: ['geometry', 'coordinates'],
      message: `${formatPosition(position)} is not in ${declared()}, but ${formatPosition(swapped)} is: did you swap longitude and latitude? GeoJSON puts longitude first`,
    };
  }
  const actual = atlas.countryAt(position);
  const distance = roundedKm(distanceToOutlineKm(outlines, position));
  const place =
    actual === null ? 'is in no country (at sea?)' : `is in ${actual.name}${actual.code ? ` (${actual.code})` : ''}`;
  return {
    severity: 'error',
    path: ['geometry', 'coordinates'],
    message: `${formatPosition(position)} ${place}, about ${distance} from ${declared()}, the country in .properties.country: check the coordinates or the country`,
  };
}
