import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIntegers } from '../../build/basemap-file.ts';
import { loadWorldTopology } from '../../build/share-card.ts';
import {
  decodeBasemap,
  decodeIntegers,
  landShape,
  unwrapLongitudes,
  type CompactBasemap,
} from '../../src/lib/basemap.ts';

const shipped = JSON.parse(readFileSync('data/basemap-110m.json', 'utf8')) as CompactBasemap;
const basemap = decodeBasemap(shipped);

/** Country names in the shipped file's order: world-atlas's order, without Antarctica. */
const countryNames = (
  loadWorldTopology().objects.countries as { geometries: { properties?: { name?: string } }[] }
).geometries
  .map((geometry) => geometry.properties?.name ?? '')
  .filter((name) => name !== 'Antarctica');

function positionsOf(name: string): Set<string> {
  const country = basemap.countries.features[countryNames.indexOf(name)];
  if (!country) throw new Error(`no ${name} in the basemap`);
  return new Set(country.geometry.coordinates.flat(2).map((position) => position.join(',')));
}

const borderPositions = new Set(basemap.borders.coordinates.flat().map((position) => position.join(',')));

describe('decodeIntegers', () => {
  it('reads the polyline encoding back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 28), max: 2 ** 28 })), (numbers) => {
        expect(decodeIntegers(encodeIntegers(numbers))).toEqual(numbers);
      }),
    );
  });

  it('throws on text that stops in the middle of a number', () => {
    // "_" (95) has the continuation bit set, so a number must follow.
    expect(() => decodeIntegers('?_')).toThrow('a basemap line ends in the middle of a number');
  });
});

describe('decodeBasemap on the shipped basemap', () => {
  it('gives one multipolygon per country, Antarctica left out', () => {
    expect(basemap.countries.features).toHaveLength(176);
    expect(countryNames).toHaveLength(176);
    for (const country of basemap.countries.features) expect(country.geometry.type).toBe('MultiPolygon');
  });

  it('closes every ring, and no ring jumps across the map', () => {
    for (const [index, country] of basemap.countries.features.entries()) {
      for (const ring of country.geometry.coordinates.flat()) {
        expect(ring.length, countryNames[index]).toBeGreaterThanOrEqual(4);
        expect(ring[0], countryNames[index]).toEqual(ring.at(-1));
        for (let point = 1; point < ring.length; point++) {
          const step = Math.abs((ring[point]?.[0] ?? 0) - (ring[point - 1]?.[0] ?? 0));
          expect(step, countryNames[index]).toBeLessThan(180);
        }
      }
    }
  });

  it('puts the countries with rallies where they are', () => {
    const contains = (name: string, [longitude, latitude]: Position) => {
      const points = [...positionsOf(name)].map((text) => text.split(',').map(Number));
      const longitudes = points.map(([x]) => x ?? 0);
      const latitudes = points.map(([, y]) => y ?? 0);
      return (
        Math.min(...longitudes) < (longitude ?? 0) &&
        (longitude ?? 0) < Math.max(...longitudes) &&
        Math.min(...latitudes) < (latitude ?? 0) &&
        (latitude ?? 0) < Math.max(...latitudes)
      );
    };
    expect(contains('United Kingdom', [-0.13, 51.51])).toBe(true);
    expect(contains('Brazil', [-47.88, -15.79])).toBe(true);
    expect(contains('Mexico', [-99.13, 19.43])).toBe(true);
    expect(contains('Germany', [11.58, 48.14])).toBe(true);
    expect(contains('Italy', [12.5, 41.9])).toBe(true);
    expect(contains('Sweden', [18.07, 59.33])).toBe(true);
  });

  it('draws the border between two neighbours', () => {
    const spain = positionsOf('Spain');
    const shared = [...positionsOf('France')].filter((position) => spain.has(position));
    expect(shared.length).toBeGreaterThan(0);
    for (const position of shared) expect(borderPositions.has(position)).toBe(true);
  });

  it('leaves coastlines out of the borders', () => {
    // Iceland and New Zealand have no land border, so none of their outline is a border.
    for (const name of ['Iceland', 'New Zealand']) {
      const onBorders = [...positionsOf(name)].filter((position) => borderPositions.has(position));
      expect(onBorders, name).toEqual([]);
    }
  });
});

describe('unwrapLongitudes', () => {
  it('takes a step across the antimeridian the short way round', () => {
    const line = [
      [179, 10],
      [-179, 11],
      [-178, 12],
    ];
    unwrapLongitudes(line);
    expect(line).toEqual([
      [179, 10],
      [181, 11],
      [182, 12],
    ]);
  });
});

describe('landShape', () => {
  it('puts every polygon of every country into one shape, in order', () => {
    const land = landShape(basemap);
    expect(land.type).toBe('MultiPolygon');
    expect(land.coordinates).toEqual(basemap.countries.features.flatMap((country) => country.geometry.coordinates));
    expect(land.coordinates.length).toBeGreaterThan(basemap.countries.features.length);
  });
});
