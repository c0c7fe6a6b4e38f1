import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { prepareGeometry, preparePolygon } from '../../../scripts/lib/spherical-polygon.ts';

const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
const countries = (
  feature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>
).features;

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// geoContains on every outline is slow on a loaded machine: more time than vitest's default 5 s.
describe('prepareGeometry', { timeout: 60_000 }, () => {
  it('agrees with geoContains for every Natural Earth country, at random points near it and on its vertices', () => {
    const next = random(7);
    let inside = 0;
    let checked = 0;
    for (const country of countries) {
      const test = prepareGeometry(country.geometry);
      const polygons =
        country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
      const vertices = polygons.flat(2);
      for (let index = 0; index < 15; index += 1) {
        // Near a vertex of the outline (where the answer is hardest), on a vertex, and anywhere on the globe.
        const vertex = vertices[Math.floor(next() * vertices.length)] ?? [0, 0];
        const candidates: [number, number][] = [
          [(vertex[0] ?? 0) + (next() - 0.5) * 2, (vertex[1] ?? 0) + (next() - 0.5) * 2],
          [vertex[0] ?? 0, vertex[1] ?? 0],
          [next() * 360 - 180, next() * 180 - 90],
        ];
        for (const position of candidates) {
          const expected = geoContains(country, position);
          if (test(position) !== expected) throw new Error(`${String(country.id)} at ${position.join(', ')}`);
          if (expected) inside += 1;
          checked += 1;
        }
      }
    }
    // Both answers occur often, so the comparison means something.
    expect(inside).toBeGreaterThan(checked / 5);
    expect(checked - inside).toBeGreaterThan(checked / 5);
  });

  it('handles a polygon across the antimeridian, the poles and longitudes beyond ±180', () => {
    // Clockwise, as d3-geo reads an outer ring on the sphere.
    const fiji: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [178, -19],
          [178, -16],
          [-178, -16],
          [-178, -19],
          [178, -19],
        ],
      ],
    };
    const test = preparePolygon(fiji.coordinates);
    for (const position of [
      [179.5, -17],
      [-179.5, -17],
      [-180, -17],
      [180, -17],
      [539.5, -17],
      [0, -17],
      [179.5, -20],
      [0, 90],
      [0, -90],
    ] as [number, number][]) {
      expect([position, test(position)]).toEqual([position, geoContains(fiji, position)]);
    }
    expect(test([179.5, -17])).toBe(true);
    expect(test([0, -17])).toBe(false);
  });
});
