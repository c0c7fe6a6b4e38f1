import type { Feature, FeatureCollection, Point } from 'geojson';
import type { RallyCollection } from './parse-rallies.ts';
import type { Campaign, Rally } from './rally-schema.ts';

/** The validated collection as a GeoJSON document: the campaign as a foreign member, as in the rally file. */
export type RallyGeoJson = FeatureCollection<Point, Omit<Rally, 'id' | 'longitude' | 'latitude'>> & {
  campaign?: Campaign;
};

/**
 * The validated rallies as an RFC 7946 FeatureCollection, for download:
 * only rallies that passed validation, each with the fields the schema
 * knows (unknown fields dropped), in file order, and the campaign when it
 * is valid. Reading it back with `parseRallyCollection` gives the same
 * rallies and campaign, with no problems.
 */
export function rallyGeoJson({ campaign, rallies }: Pick<RallyCollection, 'campaign' | 'rallies'>): RallyGeoJson {
  const features = rallies.map(({ id, longitude, latitude, ...properties }): RallyGeoJson['features'][number] => {
    const feature: Feature<Point, typeof properties> = {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties,
    };
    return feature;
  });
  return campaign === null
    ? { type: 'FeatureCollection', features }
    : { type: 'FeatureCollection', campaign, features };
}
