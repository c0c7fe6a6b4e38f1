/**
 * Property-based tests of the parser the browser and the validator share:
 * whatever the file holds, it never throws, and what it lets through is
 * always a well-formed rally. Random JSON rarely gets past the first check,
 * so most properties start from the real file and damage it at random.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRallyJson, parseRallyCollection, type RallyCollection } from '../../src/lib/parse-rallies.ts';
import { collectionSchemas } from '../../scripts/lib/rally-json-schema.ts';
import { strictSchemas } from '../../src/lib/rally-schema.ts';
import { unreportedDate } from '../../src/lib/format-date.ts';
import { slugFromName, withMissingFields } from '../../src/lib/missing-fields.ts';
import { slugPattern } from '../../src/lib/slug.ts';
import { deleteAt, pathsOf, readRallyDocument, setAt, type JsonPath } from './rally-fixtures.ts';

const realDocument = readRallyDocument();

/** The value at `path`, or undefined. */
function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const paths = pathsOf(realDocument).filter((path) => path.length > 0);

/** Values that come close to valid somewhere in the file, so damage gets past the first check. */
const nearlyValid = fc.constantFrom<unknown>(
  '',
  '   ',
  null,
  0,
  -1,
  1.5,
  -181,
  181,
  91,
  -90,
  180,
  13.4049541,
  'Point',
  'Feature',
  'LineString',
  'venue',
  'city',
  'london',
  'Mexico City',
  'GB',
  'gb',
  'en',
  '2018-04-07',
  '2018-02-30',
  'photos/a.jpg',
  'photos/a.svg',
  'javascript:alert(1)',
  'http://example.org/',
  'https://example.org/',
  [],
  {},
  [13.4, 52.5],
  [52.5, 13.4, 10],
  ['13.4', 52.5],
  { text: 'x', speaker: 'y', role: 'z', lang: 'en' },
  { caption: 'c', credit: 'd', alt: 'a', src: 'photos/a.jpg' },
);

type Damage = { kind: 'set'; path: JsonPath; value: unknown } | { kind: 'delete'; path: JsonPath };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...paths),
    value: fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
  // A new field anywhere: unknown fields, `crs`, `$schema`, `__proto__`.
  fc.record({
    kind: fc.constant('set' as const),
    path: fc
      .tuple(
        fc.constantFrom(...paths.filter((path) => typeof path.at(-1) === 'string')),
        fc.constantFrom('crs', '$schema', 'colour', '__proto__', 'bbox'),
      )
      .map(([path, key]) => [...path.slice(0, -1), key]),
    value: fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 1 })),
  }),
);

/** The real file with some damage done to it; a path whose parent has been replaced is skipped. */
const damagedDocument = fc.array(damage, { minLength: 1, maxLength: 4 }).map((damages) => {
  const document = readRallyDocument();
  for (const change of damages) {
    try {
      if (change.kind === 'set') {
        setAt(document, change.path, change.value);
      } else if (typeof change.path.at(-1) === 'number') {
        // Removing an array item as an editor would, leaving no hole.
        const list = valueAt(document, change.path.slice(0, -1));
        if (Array.isArray(list)) list.splice(Number(change.path.at(-1)), 1);
      } else {
        deleteAt(document, change.path);
      }
    } catch {
      // An earlier change removed the parent.
    }
  }
  // Through JSON text, so the parser gets exactly what JSON.parse makes of such a file.
  return JSON.parse(JSON.stringify(document)) as unknown;
});

/** The invariants every result must keep, whatever the input. */
function expectWellFormed(result: RallyCollection): void {
  expect(Array.isArray(result.rallies)).toBe(true);
  expect(Array.isArray(result.problems)).toBe(true);
  const ids = result.rallies.map((rally) => rally.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rally of result.rallies) {
    expect(rally.id).toMatch(slugPattern);
    expect(Number.isFinite(rally.longitude) && rally.longitude >= -180 && rally.longitude <= 180).toBe(true);
    expect(Number.isFinite(rally.latitude) && rally.latitude >= -90 && rally.latitude <= 90).toBe(true);
    const properties: Record<string, unknown> = { ...rally };
    for (const key of ['id', 'longitude', 'latitude']) Reflect.deleteProperty(properties, key);
    // A date no one reported (src/lib/missing-fields.ts) is the one value the schema has no form for.
    if (properties.date === unreportedDate) properties.date = '2000-01-01';
    // What is let through has no unknown field left and passes the strict schema.
    expect(strictSchemas.rallyProperties.safeParse(properties).success).toBe(true);
    expect(Object.getPrototypeOf(rally)).toBe(Object.prototype);
  }
  for (const problem of result.problems) {
    expect(['error', 'warning']).toContain(problem.severity);
    expect(problem.message).toMatch(/\S/);
    expect(problem.path.every((segment) => typeof segment === 'string' || typeof segment === 'number')).toBe(true);
    if (problem.featureIndex !== null) expect(problem.path.slice(0, 2)).toEqual(['features', problem.featureIndex]);
    if (problem.featureId !== null) expect(problem.featureId).toMatch(slugPattern);
  }
  if (result.campaign !== null) expect(strictSchemas.campaign.safeParse(result.campaign).success).toBe(true);
}

describe('decodeRallyJson, for any text', () => {
  it('never throws, and either decodes it as JSON.parse does or says why not', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc.json().map((json) => `\ufeff${json}`),
        ),
        (text) => {
          const result = decodeRallyJson(text);
          if (result.ok) {
            expect(result.value).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
          } else {
            expect(result.message).toMatch(/\S/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the damage', () => {
  it('adds "__proto__" as an own key, as JSON.parse of a file with that key does', () => {
    const document = readRallyDocument();
    setAt(document, ['features', 0, 'properties', '__proto__'], { polluted: true });
    const properties = valueAt(document, ['features', 0, 'properties']) as object;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(JSON.stringify(document)).toContain('"__proto__":{"polluted":true}');
  });
});

describe('parseRallyCollection', () => {
  it('never throws on any JSON value, and returns well-formed rallies and problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseRallyCollection(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any JavaScript value either (null prototypes, odd keys, -0, sparse arrays)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), (value) => {
        expectWellFormed(parseRallyCollection(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a damaged rally file, and keeps only well-formed rallies', () => {
    fc.assert(
      fc.property(damagedDocument, (document) => {
        expectWellFormed(parseRallyCollection(document));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every rally that the damage did not touch', () => {
    const realRallies = parseRallyCollection(realDocument).rallies;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('name', 'country', 'date', 'quotes', 'venue'),
        fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 1 })),
        (index, field, value) => {
          const document = readRallyDocument();
          setAt(document, ['features', index, 'properties', field], value);
          const damagedId = realRallies[index]?.id;
          expect(parseRallyCollection(document).rallies.filter((rally) => rally.id !== damagedId)).toEqual(
            realRallies.filter((rally) => rally.id !== damagedId),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with the zod schema of the whole collection (which data/rallies.schema.json is made from)', () => {
    fc.assert(
      fc.property(damagedDocument, (document) => {
        const errors = parseRallyCollection(document).problems.filter((problem) => problem.severity === 'error');
        expect(collectionSchemas.lenient.safeParse(asTheParserReadsIt(document)).success).toBe(errors.length === 0);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with the zod schema on the real file', () => {
    expect(parseRallyCollection(realDocument).problems).toEqual([]);
    expect(collectionSchemas.strict.safeParse(realDocument).success).toBe(true);
  });
});

/** The real file's campaign, read once. */
const realCampaign: unknown = readRallyDocument().campaign;

/**
 * A document with what the parser reads into it where fields are missing
 * (src/lib/missing-fields.ts): a rally field left out reads as not
 * reported, an id comes from the name, and no campaign is no error. The
 * schema, which editors use, still asks for all of them.
 */
function asTheParserReadsIt(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return document;
  const copy = structuredClone(document) as Record<string, unknown>;
  const campaign = copy.campaign as { date?: unknown } | undefined;
  const campaignDate =
    typeof campaign?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(campaign.date) ? campaign.date : null;
  if (!Object.hasOwn(copy, 'campaign')) copy.campaign = realCampaign;
  if (!Array.isArray(copy.features)) return copy;
  const taken = new Set<string>();
  copy.features = copy.features.map((feature: unknown) => {
    if (typeof feature !== 'object' || feature === null || Array.isArray(feature)) return feature;
    const record = { ...(feature as Record<string, unknown>) };
    const properties = record.properties;
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
      const filled = withMissingFields(properties as Record<string, unknown>, campaignDate);
      record.properties = filled.properties;
      if (record.id === undefined && typeof filled.properties.name === 'string') {
        let id = slugFromName(filled.properties.name);
        for (let number = 2; taken.has(id); number++) id = `${slugFromName(filled.properties.name)}-${number}`;
        record.id = id;
      }
    }
    if (typeof record.id === 'string') taken.add(record.id);
    return record;
  });
  return copy;
}
