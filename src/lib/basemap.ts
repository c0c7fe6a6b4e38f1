import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Feature } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The two layers of the built-in basemap, as GeoJSON. */
export interface Basemap {
  /** Every country as a filled shape. */
  countries: FeatureCollection<Polygon | MultiPolygon>;
  /** Borders between countries, each drawn once. Coastlines are not included. */
  borders: MultiLineString;
}

/**
 * Turns a Natural Earth `world-atlas` countries topology into GeoJSON for
 * drawing. Throws if the topology has no `countries` object.
 */
export function basemapFromTopology(topology: Topology): Basemap {
  const countriesObject = topology.objects.countries as GeometryCollection | undefined;
  if (!countriesObject) throw new Error('the basemap topology has no "countries" object');
  const countries = feature(topology, countriesObject) as FeatureCollection<Polygon | MultiPolygon>;
  const borders = mesh(topology, countriesObject, (a, b) => a !== b);
  for (const country of countries.features) {
    const polygons =
      country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    for (const polygon of polygons) polygon.forEach(unwrapLongitudes);
  }
  borders.coordinates.forEach(unwrapLongitudes);
  return { countries, borders };
}

/**
 * Makes a line's longitudes continuous, in place: a step of more than 180°
 * is taken the short way round (179° then -179° becomes 179° then 181°).
 * Without this, shapes that cross the antimeridian (Russia's far east, Fiji)
 * are drawn as bands across the whole map.
 */
export function unwrapLongitudes(line: number[][]): void {
  let previous: number | undefined;
  for (const position of line) {
    let longitude = position[0];
    if (longitude === undefined) continue;
    if (previous !== undefined) {
      while (longitude - previous > 180) longitude -= 360;
      while (longitude - previous < -180) longitude += 360;
      position[0] = longitude;
    }
    previous = longitude;
  }
}

/** True for the polygons worth drawing on a rally map: everything but Antarctica. */
export function isDrawnCountry(country: Feature): boolean {
  // Web Mercator stretches Antarctica across the whole bottom of the map.
  return country.properties?.name !== 'Antarctica';
}
