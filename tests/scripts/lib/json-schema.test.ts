import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rallyJsonSchema, rallyJsonSchemaText, rallySchemaPath } from '../../../scripts/lib/rally-json-schema.ts';

describe('data/rallies.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` to regenerate it)', async () => {
    expect(readFileSync(rallySchemaPath, 'utf8')).toBe(await rallyJsonSchemaText());
  });

  it('is the draft 7 schema of a FeatureCollection of Point features with slug ids', () => {
    const schema = rallyJsonSchema() as {
      $schema: string;
      required: string[];
      properties: {
        type: unknown;
        crs: unknown;
        features: {
          items: { required: string[]; properties: { id: { pattern: string }; geometry: { properties: object } } };
        };
      };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['type', 'campaign', 'features']);
    expect(schema.properties.type).toEqual({ type: 'string', const: 'FeatureCollection' });
    expect(schema.properties.crs).toMatchObject({ not: {} });
    const feature = schema.properties.features.items;
    expect(feature.required).toEqual(['type', 'id', 'geometry', 'properties']);
    expect(feature.properties.id.pattern).toBe('^[a-z0-9]+(?:-[a-z0-9]+)*$');
    expect(feature.properties.geometry.properties).toMatchObject({
      type: { const: 'Point' },
      coordinates: {
        items: [{ minimum: -180, maximum: 180 }, { minimum: -90, maximum: 90 }, { type: 'number' }],
        minItems: 2,
        maxItems: 3,
      },
    });
  });

  it('is what the data file points editors at', () => {
    const data = JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as { $schema?: string };
    expect(data.$schema).toBe('./rallies.schema.json');
  });
});
