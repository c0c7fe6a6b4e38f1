import { describe, expect, it } from 'vitest';
import { collectionSchemas } from '../../scripts/lib/rally-json-schema.ts';
import { lenientSchemas, strictSchemas } from '../../src/lib/rally-schema.ts';
import { readRallyDocument } from './rally-fixtures.ts';

describe('strict and lenient schemas', () => {
  const quote = {
    text: 'International solidarity is so important.',
    speaker: 'Peter Tatchell',
    role: 'Campaigner',
    lang: 'en',
  };
  const campaign = {
    title: 'Rallies',
    date: '2018-04-07',
    summary: 'Summary',
    calledBy: [{ name: 'All Out' }],
    quotes: [quote],
    source: { title: 'Article', publisher: 'Gay Star News', url: 'https://example.org/article' },
  };

  it('the strict schema reports an unknown field', () => {
    const result = strictSchemas.campaign.safeParse({ ...campaign, colour: 'red' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });

  it('the lenient schema drops an unknown field and keeps the rest', () => {
    const result = lenientSchemas.campaign.safeParse({ ...campaign, colour: 'red' });
    expect(result.success).toBe(true);
    expect(result.data).toEqual(campaign);
  });

  it.each(['en', 'pt-BR', 'deu'])('accepts %j as a quote language', (lang) => {
    expect(strictSchemas.campaign.safeParse({ ...campaign, quotes: [{ ...quote, lang }] }).success).toBe(true);
  });

  it.each(['EN', 'English', 'e'])('refuses %j as a quote language', (lang) => {
    expect(strictSchemas.campaign.safeParse({ ...campaign, quotes: [{ ...quote, lang }] }).success).toBe(false);
  });
});

describe('the schema of the whole collection', () => {
  const document = readRallyDocument();

  it('accepts the real file, with its $schema member', () => {
    expect(document.$schema).toBe('./rallies.schema.json');
    expect(collectionSchemas.strict.safeParse(document).success).toBe(true);
  });

  it('refuses a crs member', () => {
    expect(collectionSchemas.lenient.safeParse({ ...document, crs: null }).success).toBe(false);
  });

  it('refuses two features with the same id, at the second one', () => {
    const features = document.features as { id: string }[];
    const twice = { ...document, features: [...features, { ...features[0] }] };
    const result = collectionSchemas.lenient.safeParse(twice);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['features', 8, 'id'], '"london" is already used by an earlier feature; ids must be unique'],
    ]);
  });

  it('refuses a point given as [latitude, longitude] when the latitude is out of range', () => {
    const features = structuredClone(document.features) as { geometry: { coordinates: number[] } }[];
    features[2] = { ...features[2], geometry: { ...features[2]?.geometry, coordinates: [19.4326, -99.1332] } };
    expect(collectionSchemas.lenient.safeParse({ ...document, features }).success).toBe(false);
  });
});
