import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  decimalPlaces,
  decodeRallyJson,
  parseRallyCollection,
  type RallyCollection,
} from '../../src/lib/parse-rallies.ts';
import type { RallyProblem } from '../../src/lib/rally-problem.ts';
import { lenientSchemas, strictSchemas } from '../../src/lib/rally-schema.ts';
import {
  deleteAt,
  rallyDocumentWith,
  rallyDocumentWithout,
  rallyIds,
  readRallyDocument,
  readRallyFileText,
  replaceOnce,
  setAt,
  type JsonPath,
} from './rally-fixtures.ts';

function idsOf(collection: RallyCollection): string[] {
  return collection.rallies.map((rally) => rally.id);
}

function allRalliesExcept(...dropped: string[]): string[] {
  return rallyIds.filter((id) => !dropped.includes(id));
}

function featureError(featureIndex: number, featureId: string | null, path: JsonPath, message: string): RallyProblem {
  return { severity: 'error', featureIndex, featureId, path: ['features', featureIndex, ...path], message };
}

function documentError(path: JsonPath, message: string): RallyProblem {
  return { severity: 'error', featureIndex: null, featureId: null, path: [...path], message };
}

describe('decodeRallyJson', () => {
  it('decodes valid JSON text', () => {
    expect(decodeRallyJson('{"type": "FeatureCollection", "features": []}')).toEqual({
      ok: true,
      value: { type: 'FeatureCollection', features: [] },
    });
  });

  it('skips a leading byte-order mark', () => {
    expect(decodeRallyJson('\ufeff{"features": [1]}')).toEqual({ ok: true, value: { features: [1] } });
  });

  it.each(['', '   \n\t'])('reports an empty file (%j) as empty', (text) => {
    expect(decodeRallyJson(text)).toEqual({ ok: false, message: 'the file is empty' });
  });

  it('recognises an HTML error page, even after leading whitespace', () => {
    expect(decodeRallyJson('\n  <!doctype html><html><body>404 Not Found</body></html>')).toEqual({
      ok: false,
      message: 'the server sent a web page (HTML) instead of the rally data (JSON)',
    });
  });

  it('reports a truncated file as invalid JSON instead of throwing', () => {
    const truncated = readRallyFileText().slice(0, 500);
    const result = decodeRallyJson(truncated);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^the data is not valid JSON \(.+\)$/);
  });

  it('reports a trailing comma as invalid JSON', () => {
    const result = decodeRallyJson('{"features": [1, 2,]}');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^the data is not valid JSON \(/);
  });
});

describe('parseRallyCollection on data/rallies.geojson', () => {
  const collection = parseRallyCollection(readRallyDocument());
  const byId = new Map(collection.rallies.map((rally) => [rally.id, rally]));

  it('finds the eight rallies in file order and no problems', () => {
    expect(idsOf(collection)).toEqual(rallyIds);
    expect(collection.problems).toEqual([]);
  });

  it('gives London its venue, attendance and seven quotes by two speakers', () => {
    const london = byId.get('london');
    expect(london?.venue).toBe('Outside the Russian Embassy');
    expect(london?.attendance?.count).toBe(50);
    expect(london?.quotes).toHaveLength(7);
    expect(london?.quotes.map((quote) => quote.speaker)).toEqual([
      'Peter Tatchell',
      'Peter Tatchell',
      'Peter Tatchell',
      'Peter Tatchell',
      'Alix Paul',
      'Alix Paul',
      'Alix Paul',
    ]);
  });

  it('gives London four photos, each credited to David Hudson', () => {
    const photos = byId.get('london')?.photos ?? [];
    expect(photos.map((photo) => photo.credit)).toEqual([
      'David Hudson',
      'David Hudson',
      'David Hudson',
      'David Hudson',
    ]);
  });

  it('places London at its longitude and latitude, not swapped', () => {
    expect(byId.get('london')).toMatchObject({ longitude: -0.1908, latitude: 51.5103 });
  });

  it.each(rallyIds.filter((id) => id !== 'london'))('reports nothing the article does not say for %s', (id) => {
    const rally = byId.get(id);
    expect(rally).toBeDefined();
    expect(rally?.venue).toBeNull();
    expect(rally?.attendance).toBeNull();
    expect(rally?.quotes).toEqual([]);
    expect(rally?.photos).toEqual([]);
  });

  it('reads the campaign with three quotes by Matt Beard', () => {
    expect(collection.campaign?.date).toBe('2018-04-07');
    expect(collection.campaign?.quotes.map((quote) => quote.speaker)).toEqual([
      'Matt Beard',
      'Matt Beard',
      'Matt Beard',
    ]);
  });
});

describe('parseRallyCollection: problems with the whole document', () => {
  it.each([
    { input: [], described: 'an array' },
    { input: null, described: 'null' },
    { input: 'FeatureCollection', described: 'a string' },
    { input: 42, described: 'a whole number' },
  ])('refuses $described as the document, without throwing', ({ input, described }) => {
    expect(parseRallyCollection(input)).toEqual({
      campaign: null,
      rallies: [],
      problems: [documentError([], `must be a GeoJSON FeatureCollection (an object), not ${described}`)],
    });
  });

  it('reports a wrong top-level type and keeps every rally', () => {
    const result = parseRallyCollection(rallyDocumentWith(['type'], 'Feature'));
    expect(result.problems).toEqual([documentError(['type'], 'must be "FeatureCollection", not "Feature"')]);
    expect(idsOf(result)).toEqual(rallyIds);
    expect(result.campaign).not.toBeNull();
  });

  it('reports a missing top-level type as missing', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['type']));
    expect(result.problems).toEqual([documentError(['type'], 'must be "FeatureCollection", not missing')]);
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('refuses a crs member (RFC 7946) and keeps every rally', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['crs'], { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }),
    );
    expect(result.problems).toEqual([
      documentError(['crs'], 'is not allowed: GeoJSON (RFC 7946) coordinates are always WGS 84 longitude, latitude'),
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('warns of a missing campaign, asking for one, and keeps every rally', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['campaign']));
    expect(result.problems).toEqual([
      {
        ...documentError(
          ['campaign'],
          'is missing: a generic title is shown; set the campaign’s title, date, summary and source here',
        ),
        severity: 'warning',
      },
    ]);
    expect(result.campaign).toBeNull();
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('drops an invalid campaign but keeps every rally', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['campaign', 'title']));
    expect(result.problems).toEqual([documentError(['campaign', 'title'], 'is missing')]);
    expect(result.campaign).toBeNull();
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('reports a campaign that is not an object', () => {
    const result = parseRallyCollection(rallyDocumentWith(['campaign'], 'Chechnya'));
    expect(result.problems).toEqual([documentError(['campaign'], 'must be an object, not a string')]);
    expect(result.campaign).toBeNull();
  });

  it('reports features that are not an array, keeping the campaign', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features'], { london: {} }));
    expect(result.problems).toEqual([documentError(['features'], 'must be an array of features, not an object')]);
    expect(result.rallies).toEqual([]);
    expect(result.campaign?.title).toBe('Rallies against the anti-gay purge in Chechnya');
  });

  it('warns about an unknown campaign field and keeps the campaign', () => {
    const result = parseRallyCollection(rallyDocumentWith(['campaign', 'organiser'], 'All Out'));
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        featureIndex: null,
        featureId: null,
        path: ['campaign', 'organiser'],
        message: 'is not a known field and is ignored (a typo?)',
      },
    ]);
    expect(result.campaign?.quotes).toHaveLength(3);
  });
});

describe('parseRallyCollection: a bad feature is dropped and the others are kept', () => {
  it.each([
    { value: 'mexico-city', described: 'a string' },
    { value: null, described: 'null' },
    { value: [], described: 'an array' },
  ])('reports a feature that is $described', ({ value, described }) => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 2], value));
    expect(result.problems).toEqual([
      featureError(2, null, [], `must be a GeoJSON Feature (an object), not ${described}`),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('mexico-city'));
  });

  it('reports a wrong feature type', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 3, 'type'], 'feature'));
    expect(result.problems).toEqual([featureError(3, 'munich', ['type'], 'must be "Feature", not "feature"')]);
    expect(idsOf(result)).toEqual(allRalliesExcept('munich'));
  });

  it('makes a missing id from the name, with a warning', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['features', 4, 'id']));
    expect(result.problems).toEqual([
      {
        ...featureError(
          4,
          'berlin',
          ['id'],
          'is missing: "berlin", made from the name, is used in its link; set an id so the link never changes',
        ),
        severity: 'warning',
      },
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('reports a missing id when there is no name to make one from', () => {
    const document = rallyDocumentWithout(['features', 4, 'id']);
    deleteAt(document, ['features', 4, 'properties', 'name']);
    const result = parseRallyCollection(document);
    expect(result.problems[0]).toEqual(
      featureError(4, null, ['id'], 'is missing: each rally needs an id such as "london", used in its link'),
    );
    expect(idsOf(result)).toEqual(allRalliesExcept('berlin'));
  });

  it.each(['Mexico City', '__proto__', 'mexico--city', '-york', 'york-', 'München', ''])(
    'refuses %j as an id: it is not a slug',
    (id) => {
      const result = parseRallyCollection(rallyDocumentWith(['features', 2, 'id'], id));
      expect(result.problems).toEqual([
        featureError(
          2,
          null,
          ['id'],
          'must be a slug of lowercase letters, digits and single hyphens, such as "mexico-city"',
        ),
      ]);
      expect(idsOf(result)).toEqual(allRalliesExcept('mexico-city'));
    },
  );

  it('refuses a number as an id', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 0, 'id'], 7));
    expect(result.problems).toEqual([
      featureError(
        0,
        null,
        ['id'],
        'must be a slug of lowercase letters, digits and single hyphens, such as "mexico-city"',
      ),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('keeps the first of two features with the same id and drops the second', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 7, 'id'], 'london'));
    expect(result.problems).toEqual([
      featureError(7, 'london', ['id'], '"london" is already used by an earlier feature; ids must be unique'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('york'));
    // The London that is kept is the first feature, not York's data under London's id.
    expect(result.rallies[0]).toMatchObject({ id: 'london', name: 'London', venue: 'Outside the Russian Embassy' });
  });

  it('reports a missing geometry', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['features', 5, 'geometry']));
    expect(result.problems).toEqual([featureError(5, 'rome', ['geometry'], 'is missing: a rally needs a Point')]);
    expect(idsOf(result)).toEqual(allRalliesExcept('rome'));
  });

  it('reports a null geometry as missing', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 5, 'geometry'], null));
    expect(result.problems).toEqual([featureError(5, 'rome', ['geometry'], 'is missing: a rally needs a Point')]);
    expect(idsOf(result)).toEqual(allRalliesExcept('rome'));
  });

  it('reports a geometry that is not an object', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 5, 'geometry'], 'Point'));
    expect(result.problems).toEqual([featureError(5, 'rome', ['geometry'], 'must be an object, not a string')]);
  });

  it('refuses a geometry that is not a Point', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 6, 'geometry'], {
        type: 'LineString',
        coordinates: [
          [18, 59],
          [18.1, 59.3],
        ],
      }),
    );
    expect(result.problems).toEqual([
      featureError(6, 'stockholm', ['geometry', 'type'], 'must be "Point", not "LineString"'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('stockholm'));
  });

  it.each([
    { coordinates: [13.405], count: 1 },
    { coordinates: [13.405, 52.52, 34, 1], count: 4 },
    { coordinates: [], count: 0 },
  ])('refuses $count coordinate numbers', ({ coordinates, count }) => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], coordinates));
    expect(result.problems).toEqual([
      featureError(
        4,
        'berlin',
        ['geometry', 'coordinates'],
        `must hold 2 numbers [longitude, latitude] (or 3 with altitude), not ${count}`,
      ),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('berlin'));
  });

  it('accepts a third coordinate as altitude', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], [13.405, 52.52, 34]),
    );
    expect(result.problems).toEqual([]);
    expect(result.rallies[4]).toMatchObject({ id: 'berlin', longitude: 13.405, latitude: 52.52 });
  });

  it('refuses coordinates that are not an array', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], '13.405, 52.52'));
    expect(result.problems).toEqual([
      featureError(4, 'berlin', ['geometry', 'coordinates'], 'must be an array [longitude, latitude], not a string'),
    ]);
  });

  it('names the coordinate that is a string rather than a number', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], [13.405, '52.52']),
    );
    expect(result.problems).toEqual([
      featureError(4, 'berlin', ['geometry', 'coordinates', 1], 'must be a number, not a string'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('berlin'));
  });

  it('refuses a longitude out of range', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 1, 'geometry', 'coordinates'], [-200, -15.7939]),
    );
    expect(result.problems).toEqual([
      featureError(1, 'brasilia', ['geometry', 'coordinates', 0], 'longitude must be between -180 and 180, not -200'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('brasilia'));
  });

  it('refuses a latitude out of range, without a swap hint when swapping would not help', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 2, 'geometry', 'coordinates'], [170, 95]));
    expect(result.problems).toEqual([
      featureError(2, 'mexico-city', ['geometry', 'coordinates', 1], 'latitude must be between -90 and 90, not 95'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('mexico-city'));
  });

  it('suggests a swap when latitude and longitude were written the wrong way round', () => {
    // Mexico City is [-99.1332, 19.4326]; swapped, the latitude is out of range.
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 2, 'geometry', 'coordinates'], [19.4326, -99.1332]),
    );
    expect(result.problems).toEqual([
      featureError(
        2,
        'mexico-city',
        ['geometry', 'coordinates', 1],
        'latitude must be between -90 and 90, not -99.1332 (did you swap longitude and latitude?)',
      ),
    ]);
  });

  it('reports missing properties', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['features', 7, 'properties']));
    expect(result.problems).toEqual([featureError(7, 'york', ['properties'], 'is missing')]);
    expect(idsOf(result)).toEqual(allRalliesExcept('york'));
  });

  it('reports properties that are not an object', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 7, 'properties'], ['York']));
    expect(result.problems).toEqual([featureError(7, 'york', ['properties'], 'must be an object, not an array')]);
  });

  it('refuses an empty (blank) quote text', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 0, 'properties', 'quotes', 2, 'text'], '  '));
    expect(result.problems).toEqual([
      featureError(0, 'london', ['properties', 'quotes', 2, 'text'], 'must not be empty'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('says a number is "not a whole number" where text is expected', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 0, 'properties', 'quotes', 1, 'speaker'], 5));
    expect(result.problems).toEqual([
      featureError(0, 'london', ['properties', 'quotes', 1, 'speaker'], 'must be text (a string), not a whole number'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('says a missing required field "is missing"', () => {
    const result = parseRallyCollection(rallyDocumentWithout(['features', 3, 'properties', 'name']));
    expect(result.problems).toEqual([featureError(3, 'munich', ['properties', 'name'], 'is missing')]);
    expect(idsOf(result)).toEqual(allRalliesExcept('munich'));
  });

  it('refuses a fractional attendance count', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 0, 'properties', 'attendance', 'count'], 49.5));
    expect(result.problems).toEqual([
      featureError(0, 'london', ['properties', 'attendance', 'count'], 'must be a whole number'),
    ]);
  });

  it.each(['7 April 2018', '2018-4-7', '2018-02-30', '2018-13-01'])('refuses %j as a date', (date) => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 5, 'properties', 'date'], date));
    expect(result.problems).toEqual([
      featureError(5, 'rome', ['properties', 'date'], 'must be a date in the form YYYY-MM-DD'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('rome'));
  });

  it.each(['gb', 'GBR', 'G1'])('refuses %j as a country code', (country) => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 7, 'properties', 'country'], country));
    expect(result.problems).toEqual([
      featureError(7, 'york', ['properties', 'country'], 'must be an ISO 3166-1 alpha-2 code such as "GB"'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('york'));
  });

  it('requires width and height for a photo with a src', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 0, 'properties', 'photos', 1, 'src'], 'photos/london-2.jpg'),
    );
    expect(result.problems).toEqual([
      featureError(0, 'london', ['properties', 'photos', 1, 'width'], 'is required when the photo has a src'),
      featureError(0, 'london', ['properties', 'photos', 1, 'height'], 'is required when the photo has a src'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('accepts a photo under photos/ with its size', () => {
    const photo = { caption: 'A photo', credit: 'David Hudson', alt: 'Protesters', src: 'photos/london-1.jpg' };
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 0, 'properties', 'photos', 0], { ...photo, width: 1200, height: 800 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.rallies[0]?.photos[0]).toEqual({ ...photo, width: 1200, height: 800 });
  });

  it('refuses a javascript: photo src', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 0, 'properties', 'photos', 0], {
        caption: 'x',
        credit: 'y',
        alt: 'z',
        src: 'javascript:alert(1)',
        width: 10,
        height: 10,
      }),
    );
    expect(result.problems).toEqual([
      featureError(
        0,
        'london',
        ['properties', 'photos', 0, 'src'],
        'must be a relative path under photos/ or an https: URL (not javascript:)',
      ),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('refuses a source url that is not https:', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 6, 'properties', 'sources', 0, 'url'], 'http://gaytourism.travel/'),
    );
    expect(result.problems).toEqual([
      featureError(6, 'stockholm', ['properties', 'sources', 0, 'url'], 'must be an https: URL (not http:)'),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('stockholm'));
  });

  it('warns about an unknown property and keeps the feature, without the unknown field', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 1, 'properties', 'colour'], 'green'));
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        featureIndex: 1,
        featureId: 'brasilia',
        path: ['features', 1, 'properties', 'colour'],
        message: 'is not a known field and is ignored (a typo?)',
      },
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
    expect(Object.hasOwn(result.rallies[1] ?? {}, 'colour')).toBe(false);
  });

  it('warns about an unknown field inside a quote and keeps the quote', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 0, 'properties', 'quotes', 0, 'speakr'], 'x'));
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        featureIndex: 0,
        featureId: 'london',
        path: ['features', 0, 'properties', 'quotes', 0, 'speakr'],
        message: 'is not a known field and is ignored (a typo?)',
      },
    ]);
    expect(result.rallies[0]?.quotes).toHaveLength(7);
  });

  it('treats a "__proto__" property key as an unknown field, not as a prototype', () => {
    const text = replaceOnce(
      readRallyFileText(),
      '"name": "York",',
      '"__proto__": { "polluted": true }, "name": "York",',
    );
    const result = parseRallyCollection(JSON.parse(text));
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        featureIndex: 7,
        featureId: 'york',
        path: ['features', 7, 'properties', '__proto__'],
        message: 'is not a known field and is ignored (a typo?)',
      },
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
    expect(Object.getPrototypeOf(result.rallies[7])).toBe(Object.prototype);
    expect('polluted' in {}).toBe(false);
  });

  it('drops a feature with an error even when it also has a warning', () => {
    const document = rallyDocumentWith(['features', 1, 'properties', 'colour'], 'green');
    deleteAt(document, ['features', 1, 'properties', 'name']);
    const result = parseRallyCollection(document);
    expect(result.problems.map((problem) => [problem.severity, problem.path.at(-1)])).toEqual([
      ['error', 'name'],
      ['warning', 'colour'],
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('brasilia'));
  });

  it('reports every bad feature, not just the first', () => {
    const document = rallyDocumentWith(['features', 2, 'properties', 'country'], 'mx');
    deleteAt(document, ['features', 6, 'geometry']);
    const result = parseRallyCollection(document);
    expect(result.problems.map((problem) => [problem.featureIndex, problem.featureId])).toEqual([
      [2, 'mexico-city'],
      [6, 'stockholm'],
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('mexico-city', 'stockholm'));
  });
});

describe('parseRallyCollection: rules added with the validator', () => {
  it('accepts a $schema member for editors, without a problem', () => {
    expect(readRallyDocument().$schema).toBe('./rallies.schema.json');
    expect(parseRallyCollection(rallyDocumentWith(['$schema'], 'https://example.org/s.json')).problems).toEqual([]);
    expect(parseRallyCollection(rallyDocumentWithout(['$schema'])).problems).toEqual([]);
  });

  it('refuses a $schema that is not text, keeping every rally', () => {
    const result = parseRallyCollection(rallyDocumentWith(['$schema'], { url: './rallies.schema.json' }));
    expect(result.problems).toEqual([
      documentError(
        ['$schema'],
        'must be text: the path or URL of the JSON Schema, such as "./rallies.schema.json", not an object',
      ),
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('refuses locationPrecision "venue" when no venue is reported', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 6, 'properties', 'locationPrecision'], 'venue'));
    expect(result.problems).toEqual([
      featureError(
        6,
        'stockholm',
        ['properties', 'locationPrecision'],
        'is "venue", but no venue is reported (venue is null): use "city", or name the venue',
      ),
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('stockholm'));
  });

  it('accepts a reported venue with only city precision', () => {
    const result = parseRallyCollection(rallyDocumentWith(['features', 6, 'properties', 'venue'], 'Sergels torg'));
    expect(result.problems).toEqual([]);
  });

  it('warns about a coordinate given to more than 6 decimals, and keeps the rally', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], [13.4049541, 52.520008]),
    );
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        featureIndex: 4,
        featureId: 'berlin',
        path: ['features', 4, 'geometry', 'coordinates', 0],
        message: "has 7 decimals; 6 (about 10 cm) are already more precise than a rally's place can be: round it",
      },
    ]);
    expect(idsOf(result)).toEqual(rallyIds);
  });

  it('does not warn about 6 decimals', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 4, 'geometry', 'coordinates'], [13.404954, 52.520008]),
    );
    expect(result.problems).toEqual([]);
  });

  it('says why an SVG photo is refused', () => {
    const result = parseRallyCollection(
      rallyDocumentWith(['features', 0, 'properties', 'photos', 0, 'src'], 'photos/london.svg'),
    );
    expect(result.problems.map((problem) => [problem.path.at(-1), problem.message])).toEqual([
      ['src', 'must not be an SVG file (an SVG image can carry scripts): use JPEG, PNG or WebP'],
    ]);
  });

  it('still reports an error in an object that also has an unknown field', () => {
    // The strict parse stops checking a photo once it finds an unknown field; the error must not be lost.
    const document = rallyDocumentWith(['features', 0, 'properties', 'photos', 0, 'src'], 'photos/london-1.jpg');
    setAt(document, ['features', 0, 'properties', 'photos', 0, 'colour'], 'red');
    const result = parseRallyCollection(document);
    expect(result.problems.map((problem) => [problem.severity, problem.path.at(-1)])).toEqual([
      ['error', 'width'],
      ['error', 'height'],
      ['warning', 'colour'],
    ]);
    expect(idsOf(result)).toEqual(allRalliesExcept('london'));
  });

  it('reports venue "venue" precision even when the rally also has an unknown field', () => {
    const document = rallyDocumentWith(['features', 6, 'properties', 'locationPrecision'], 'venue');
    setAt(document, ['features', 6, 'properties', 'colour'], 'blue');
    const result = parseRallyCollection(document);
    expect(result.problems.map((problem) => [problem.severity, problem.path.at(-1)])).toEqual([
      ['error', 'locationPrecision'],
      ['warning', 'colour'],
    ]);
  });
});

describe('decimalPlaces', () => {
  it.each([
    [13, 0],
    [13.405, 3],
    [-0.1908, 4],
    [52.5200066, 7],
    [1.5e-7, 8],
    [1e-7, 7],
    [1e21, 0],
    [Number.NaN, 0],
  ])('counts %d as %d decimals', (value, decimals) => {
    expect(decimalPlaces(value)).toBe(decimals);
  });
});

describe('coordinate precision', () => {
  /** The real file with London's coordinates replaced: the warnings about decimals it gets. */
  const decimalWarnings = (longitude: number, latitude: number) =>
    parseRallyCollection(rallyDocumentWith(['features', 0, 'geometry', 'coordinates'], [longitude, latitude]))
      .problems.filter((problem) => problem.message.includes('decimals'))
      .map((problem) => problem.path.at(-1));

  it('warns about a coordinate exactly when it has more than 6 decimals (decimalPlaces), for any number in range', () => {
    const inRange = (limit: number) =>
      fc.oneof(
        fc.double({ min: -limit, max: limit, noNaN: true }),
        // Numbers written with 0 to 9 decimals: the usual case, and both sides of the limit.
        fc
          .tuple(fc.integer({ min: 0, max: 9 }), fc.double({ min: -limit, max: limit, noNaN: true }))
          .map(([places, value]) => Number(value.toFixed(places))),
      );
    fc.assert(
      fc.property(inRange(180), inRange(90), (longitude, latitude) => {
        const expected = [...(decimalPlaces(longitude) > 6 ? [0] : []), ...(decimalPlaces(latitude) > 6 ? [1] : [])];
        expect(decimalWarnings(longitude, latitude)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [0.000001, []],
    [1e-7, [0]],
    [-179.999999, []],
    [-179.9999999, [0]],
    [0.1 + 0.2, [0]],
  ])('warns about %d at %j', (longitude, warned) => {
    expect(decimalWarnings(longitude, 52.5)).toEqual(warned);
  });
});

describe('reading valid rallies', () => {
  it('takes the fast path: zod parses no valid rally, and the rallies are what the strict schema gives', () => {
    const strict = vi.spyOn(strictSchemas.rallyProperties, 'safeParse');
    const lenient = vi.spyOn(lenientSchemas.rallyProperties, 'safeParse');
    try {
      const result = parseRallyCollection(readRallyDocument());
      expect(strict).not.toHaveBeenCalled();
      expect(lenient).not.toHaveBeenCalled();
      strict.mockRestore();
      const features = readRallyDocument().features as { properties: unknown }[];
      result.rallies.forEach((rally, index) => {
        const parsed = strictSchemas.rallyProperties.safeParse(features[index]?.properties);
        // The rally is the schema's output with its id and position added, keys in that order.
        const expected = { ...parsed.data, id: rally.id, longitude: rally.longitude, latitude: rally.latitude };
        expect(rally).toStrictEqual(expected);
        expect(Object.keys(rally)).toEqual(Object.keys(expected));
      });
    } finally {
      strict.mockRestore();
      lenient.mockRestore();
    }
  });

  it('still asks zod to describe what is wrong with an invalid rally', () => {
    const strict = vi.spyOn(strictSchemas.rallyProperties, 'safeParse');
    try {
      const result = parseRallyCollection(rallyDocumentWith(['features', 2, 'properties', 'country'], 'mx'));
      expect(strict).toHaveBeenCalledTimes(1);
      expect(result.problems).toEqual([
        featureError(2, 'mexico-city', ['properties', 'country'], 'must be an ISO 3166-1 alpha-2 code such as "GB"'),
      ]);
    } finally {
      strict.mockRestore();
    }
  });
});
