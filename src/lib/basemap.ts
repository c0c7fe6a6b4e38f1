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
  return { countries, borders };
}

/** True for the polygons worth drawing on a rally map: everything but Antarctica. */
export function isDrawnCountry(country: Feature): boolean {
  // Web Mercator stretches Antarctica across the whole bottom of the map.
  return country.properties?.name !== 'Antarctica';
}
