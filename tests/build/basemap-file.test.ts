import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapGridSize, compactBasemap } from '../../build/basemap-file.ts';
import { loadWorldTopology } from '../../build/share-card.ts';
import { decodeBasemap } from '../../src/lib/basemap.ts';

const topology = loadWorldTopology();
const countriesObject = topology.objects.countries as GeometryCollection<{ name: string }>;
const made = compactBasemap(topology);
const decoded = decodeBasemap(made);

describe('compactBasemap', () => {
  it('is what data/basemap-110m.json holds: run npm run basemap after upgrading world-atlas', () => {
    expect(readFileSync('data/basemap-110m.json', 'utf8')).toBe(`${JSON.stringify(made)}\n`);
  });

  it('keeps every country but Antarctica, each within one grid step of Natural Earth', () => {
    const originals = feature(topology, countriesObject).features.filter(
      (country) => country.properties.name !== 'Antarctica',
    );
    expect(decoded.countries.features).toHaveLength(originals.length);
    const tolerance = Math.max(...made.scale);
    const extent = (positions: Position[]) => [
      Math.min(...positions.map(([x]) => x ?? 0)),
      Math.min(...positions.map(([, y]) => y ?? 0)),
      Math.max(...positions.map(([x]) => x ?? 0)),
      Math.max(...positions.map(([, y]) => y ?? 0)),
    ];
    originals.forEach((original, index) => {
      // Compared away from the antimeridian, where unwrapping shifts longitudes by 360°.
      if (['Russia', 'Fiji'].includes(original.properties.name)) return;
      const geometry = original.geometry as { type: string; coordinates: unknown };
      const rings = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
      const expected = extent(rings.flat(2));
      const actual = extent(decoded.countries.features[index]?.geometry.coordinates.flat(2) ?? []);
      actual.forEach((value, side) => {
        expect(Math.abs(value - (expected[side] ?? 0)), original.properties.name).toBeLessThanOrEqual(tolerance);
      });
    });
  });

  it('finds the same land borders as TopoJSON’s mesh', () => {
    const onGrid = ([longitude = 0, latitude = 0]: Position) =>
      `${String(Math.round((longitude - made.translate[0]) / made.scale[0]))},${String(Math.round((latitude - made.translate[1]) / made.scale[1]))}`;
    const meshPoints = new Set(
      mesh(topology, countriesObject, (a, b) => a !== b)
        .coordinates.flat()
        .map(onGrid),
    );
    const borderPoints = new Set(decoded.borders.coordinates.flat().map(onGrid));
    expect(meshPoints.size).toBeGreaterThan(1000);
    expect(borderPoints).toEqual(meshPoints);
  });

  it('uses a grid of about 8 km', () => {
    expect(basemapGridSize).toBe(5_000);
    expect(made.scale[0]).toBeCloseTo(360 / (basemapGridSize - 1), 3);
  });

  it('throws when the topology has no countries object', () => {
    expect(() => compactBasemap({ ...topology, objects: {} })).toThrow(
      'the basemap topology has no "countries" object',
    );
  });
});
