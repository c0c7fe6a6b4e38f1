import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import {
  checkPointCountry,
  countryToleranceKm,
  distanceToOutlineKm,
  loadCountryAtlas,
} from '../../../scripts/lib/country-check.ts';
import { readRallyDocument } from '../../lib/rally-fixtures.ts';

const atlas = loadCountryAtlas();

interface Feature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: { country: string };
}
const features = readRallyDocument().features as Feature[];

describe('checkPointCountry', () => {
  it.each(features.map((feature) => [feature.id, feature.properties.country, feature.geometry.coordinates] as const))(
    'finds %s in %s',
    (_id, country, position) => {
      expect(checkPointCountry(atlas, country, position)).toBeNull();
    },
  );

  it.each([
    ['US', [-122.4194, 37.7749]],
    ['NZ', [174.7633, -41.2865]],
    ['FJ', [178.44, -18.14]],
    ['RU', [158.65, 53.03]],
    ['CH', [6.1432, 46.2044]],
    ['XK', [21.17, 42.67]],
    ['CY', [33.36, 35.19]],
    ['GF', [-52.33, 4.93]],
    ['SJ', [15.63, 78.22]],
  ] as const)('finds %s at %j, including codes Natural Earth draws inside another outline', (country, position) => {
    expect(checkPointCountry(atlas, country, position)).toBeNull();
  });

  it('asks whether longitude and latitude were swapped when the swapped point is in the country', () => {
    expect(checkPointCountry(atlas, 'DE', [52.52, 13.405])).toEqual({
      severity: 'error',
      path: ['geometry', 'coordinates'],
      message:
        '[52.52, 13.405] is not in Germany (DE), but [13.405, 52.52] is: did you swap longitude and latitude? GeoJSON puts longitude first',
    });
  });

  it('does not suggest a swap when the swapped point is not in the country either', () => {
    const problem = checkPointCountry(atlas, 'FR', [12.4964, 41.9028]);
    expect(problem?.message).toMatch(
      /^\[12\.4964, 41\.9028\] is in Italy \(IT\), about (\d+) km from France \(FR\), the country in \.properties\.country: check the coordinates or the country$/,
    );
    // Rome is about 240 km from the nearest French coast, in Corsica.
    const km = Number(/about (\d+) km/.exec(problem?.message ?? '')?.[1]);
    expect(km).toBeGreaterThan(200);
    expect(km).toBeLessThan(300);
  });

  it('says when a point is in no country', () => {
    expect(checkPointCountry(atlas, 'GB', [-20, 45])?.message).toMatch(
      /^\[-20, 45\] is in no country \(at sea\?\), about [\d,]+ km from United Kingdom \(GB\)/,
    );
  });

  it(`counts a point within ${countryToleranceKm} km of the outline as inside, and not one farther away`, () => {
    // Due west of Land's End (-5.71, 50.07), out to sea.
    const landsEnd = 50.07;
    const near = checkPointCountry(atlas, 'GB', [-5.95, landsEnd]);
    const far = checkPointCountry(atlas, 'GB', [-6.5, landsEnd]);
    expect(near).toBeNull();
    expect(far?.message).toMatch(/is in no country \(at sea\?\), about \d+ km from United Kingdom \(GB\)/);
  });

  it('refuses a code that is not ISO 3166-1, suggesting the one meant', () => {
    expect(checkPointCountry(atlas, 'UK', [-1.0815, 53.959])).toEqual({
      severity: 'error',
      path: ['properties', 'country'],
      message: '"UK" is not an ISO 3166-1 alpha-2 country code: did you mean "GB" (United Kingdom)?',
    });
    expect(checkPointCountry(atlas, 'XX', [0, 0])?.message).toBe('"XX" is not an ISO 3166-1 alpha-2 country code');
  });

  it('warns, without failing, for a country Natural Earth has no outline for', () => {
    expect(checkPointCountry(atlas, 'GI', [-5.35, 36.14])).toEqual({
      severity: 'warning',
      path: ['properties', 'country'],
      message: 'cannot check that the point is in Gibraltar (GI): Natural Earth has no outline for it at 1:50m',
    });
  });
});

describe('distanceToOutlineKm', () => {
  it('measures a point off a coast to the nearest edge, not the nearest vertex', () => {
    const germany = atlas.outlines('DE') ?? [];
    // A point in the Baltic north of Rügen (about 13.4°E, 54.68°N).
    const km = distanceToOutlineKm(germany, [13.4, 54.9]);
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(40);
  });

  it('finds the same distance as measuring every edge and vertex, near coasts, islands and far away', () => {
    const kmPerDegree = (Math.PI * 6371.0088) / 180;
    /** The plain definition: the nearest edge in a flat projection at the point, or beyond 100 km the nearest vertex. */
    const everyEdge = (shapes: ReturnType<typeof atlas.outlines> & object, [longitude, latitude]: [number, number]) => {
      const xScale = Math.cos((latitude * Math.PI) / 180) * kmPerDegree;
      const project = ([x = 0, y = 0]: number[]) => [
        (((((x - longitude + 540) % 360) + 360) % 360) - 180) * xScale,
        (y - latitude) * kmPerDegree,
      ];
      const rings = shapes.flatMap((shape) =>
        shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat(),
      );
      let edge = Infinity;
      for (const ring of rings) {
        for (let index = 0; index + 1 < ring.length; index += 1) {
          const [ax = 0, ay = 0] = project(ring[index] ?? []);
          const [bx = 0, by = 0] = project(ring[index + 1] ?? []);
          const [dx, dy] = [bx - ax, by - ay];
          const squared = dx * dx + dy * dy;
          const t = squared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / squared));
          edge = Math.min(edge, Math.hypot(ax + t * dx, ay + t * dy));
        }
      }
      if (edge <= 100) return edge;
      const vertices = rings.flatMap((ring) => ring.slice(0, -1));
      return Math.min(...vertices.map(([x = 0, y = 0]) => geoDistance([longitude, latitude], [x, y]) * 6371.0088));
    };
    let seed = 11;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const code of ['US', 'NO', 'GR', 'ID', 'RU', 'FJ', 'CL', 'DE']) {
      const shapes = atlas.outlines(code) ?? [];
      const vertices = shapes.flatMap((shape) =>
        (shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates).flat(2),
      );
      for (let index = 0; index < 12; index += 1) {
        const [x = 0, y = 0] = vertices[Math.floor(next() * vertices.length)] ?? [];
        // Mostly within a degree of the outline, where the tolerance is decided; a few far off.
        const spread = index < 10 ? 1 : 20;
        const position: [number, number] = [
          x + (next() - 0.5) * spread,
          Math.max(-89, Math.min(89, y + (next() - 0.5) * spread)),
        ];
        expect([code, position, distanceToOutlineKm(shapes, position)]).toEqual([
          code,
          position,
          everyEdge(shapes, position),
        ]);
      }
    }
  });
});

describe('the atlas', () => {
  it('names the country a point is in, or the nearest one within the tolerance', () => {
    expect(atlas.countryAt([2.35, 48.85])).toEqual({ code: 'FR', name: 'France' });
    expect(atlas.countryAt([18.0686, 59.3293])).toEqual({ code: 'SE', name: 'Sweden' });
    expect(atlas.countryAt([21.17, 42.67])).toEqual({ code: 'XK', name: 'Kosovo' });
    // Claimed by two countries: named by Natural Earth, no code.
    expect(atlas.countryAt([77.1, 35.4])).toEqual({ code: null, name: 'Siachen Glacier' });
    expect(atlas.countryAt([-30, 30])).toBeNull();
  });

  it('loads once', () => {
    expect(loadCountryAtlas()).toBe(atlas);
  });
});
