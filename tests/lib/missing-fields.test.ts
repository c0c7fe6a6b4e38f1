import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unreportedDate } from '../../src/lib/format-date.ts';
import { slugFromName, unknownCountry, withMissingFields } from '../../src/lib/missing-fields.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';

const plainPoints = JSON.parse(
  readFileSync(new URL('../fixtures/plain/geojson-io-points.geojson', import.meta.url), 'utf8'),
) as unknown;

describe('a plain GeoJSON of points (geojson.io, uMap): a name and nothing else', () => {
  const result = parseRallyCollection(plainPoints);

  it('keeps every point as a rally, with what is missing read as not reported', () => {
    expect(result.rallies.map((rally) => rally.id)).toEqual(['oslo', 'krakow', 'lisbon']);
    expect(result.rallies[1]).toEqual({
      id: 'krakow',
      name: 'Kraków',
      longitude: 19.945,
      latitude: 50.0647,
      country: unknownCountry,
      date: unreportedDate,
      venue: null,
      locationPrecision: 'city',
      attendance: null,
      quotes: [],
      photos: [],
      sources: [],
    });
    expect(result.campaign).toBeNull();
  });

  it('reports only warnings: the campaign to set, and each field it read as not reported', () => {
    expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(result.problems[0]?.path).toEqual(['campaign']);
    expect(result.problems[0]?.message).toMatch(/set the campaign/);
    expect(
      result.problems.filter((problem) => problem.featureIndex === 0).map((problem) => problem.path.at(-1)),
    ).toEqual(['id', 'country', 'venue', 'locationPrecision', 'attendance', 'quotes', 'photos', 'sources', 'date']);
  });

  it('takes a missing date from the campaign when there is one', () => {
    const withCampaign = {
      ...(plainPoints as object),
      campaign: {
        title: 'Vigils',
        date: '2019-05-17',
        summary: 'Vigils.',
        calledBy: [],
        quotes: [],
        source: { title: 'A report', publisher: 'A paper', url: 'https://example.org/report' },
      },
    };
    const { rallies, problems } = parseRallyCollection(withCampaign);
    expect(rallies.map((rally) => rally.date)).toEqual(['2019-05-17', '2019-05-17', '2019-05-17']);
    expect(problems.find((problem) => problem.path.at(-1) === 'date')?.message).toBe(
      'is missing: read as the day of action, 2019-05-17',
    );
  });
});

describe('slugFromName', () => {
  it.each([
    ['São Paulo', 'sao-paulo'],
    ['Mexico City', 'mexico-city'],
    ['  --Kraków!! ', 'krakow'],
    ['Москва', 'moskva'],
    ['Грозный', 'groznyy'],
    ['Санкт-Петербург', 'sankt-peterburg'],
    ['Львів', 'lviv'],
    ['Щёлково 2018', 'shchelkovo-2018'],
    ['東京', 'rally'],
  ])('makes %s into %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});

describe('withMissingFields', () => {
  const complete = {
    name: 'Oslo',
    country: 'NO',
    date: '2018-04-07',
    venue: null,
    locationPrecision: 'city',
    attendance: null,
    quotes: [],
    photos: [],
    sources: [],
  };

  it('returns complete properties as they are, without a copy (a large file has 100,000 of them)', () => {
    const result = withMissingFields(complete, null);
    expect(result.properties).toBe(complete);
    expect(result.filled).toEqual([]);
    expect(result.dateUnreported).toBe(false);
  });

  it('fills what is missing in a copy, leaving the properties as they were', () => {
    const properties = { name: 'Oslo', date: '2018-04-07' };
    const result = withMissingFields(properties, null);
    expect(result.properties).not.toBe(properties);
    expect(properties).toEqual({ name: 'Oslo', date: '2018-04-07' });
    expect(result.properties).toMatchObject({ name: 'Oslo', country: unknownCountry, quotes: [] });
  });

  it('fills a missing date alone in a copy too', () => {
    const undated: Record<string, unknown> = { ...complete };
    delete undated.date;
    const result = withMissingFields(undated, '2018-04-07');
    expect(result.properties).not.toBe(undated);
    expect(undated).not.toHaveProperty('date');
    expect(result.properties.date).toBe('2018-04-07');
    expect(result.filled).toEqual(['date']);
  });
});
