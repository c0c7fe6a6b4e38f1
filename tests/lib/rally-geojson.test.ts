import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { rallyGeoJson } from '../../src/lib/rally-geojson.ts';
import { rallyDocumentWith } from './rally-fixtures.ts';

describe('rallyGeoJson', () => {
  it('keeps only the valid rallies, and reads back to the same collection with no problems', () => {
    const withBadRome = rallyDocumentWith(['features', 5, 'properties', 'date'], '7 April');
    const collection = parseRallyCollection(withBadRome);
    expect(collection.rallies.map((rally) => rally.id)).not.toContain('rome');

    const geoJson = rallyGeoJson(collection);
    expect(geoJson.features).toHaveLength(7);
    expect(geoJson.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [-0.1908, 51.5103] });
    const readBack = parseRallyCollection(JSON.parse(JSON.stringify(geoJson)));
    expect(readBack.problems).toEqual([]);
    expect(readBack.rallies).toEqual(collection.rallies);
    expect(readBack.campaign).toEqual(collection.campaign);
  });
});
