import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology, isDrawnCountry } from '../../src/lib/basemap.ts';

const topologyPath = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
const readTopology = () => JSON.parse(readFileSync(topologyPath, 'utf8')) as Topology;
const basemap = basemapFromTopology(readTopology());

function countryNamed(name: string): Feature {
  const country = basemap.countries.features.find((feature) => feature.properties?.name === name);
  if (!country) throw new Error(`no ${name} in the basemap`);
  return country;
}

function positionsOf(country: Feature): Set<string> {
  const { geometry } = country;
  const rings: Position[][] =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : [];
  return new Set(rings.flat().map((position) => position.join(',')));
}

const borderPositions = new Set(basemap.borders.coordinates.flat().map((position) => position.join(',')));

describe('basemapFromTopology', () => {
  it('turns every Natural Earth 1:110m country into a polygon feature', () => {
    expect(basemap.countries.type).toBe('FeatureCollection');
    expect(basemap.countries.features).toHaveLength(177);
    for (const country of basemap.countries.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(country.geometry.type);
    }
  });

  it('includes the countries with rallies', () => {
    for (const name of ['United Kingdom', 'Brazil', 'Mexico', 'Germany', 'Italy', 'Sweden']) {
      expect(() => countryNamed(name)).not.toThrow();
    }
  });

  it('draws the border between two neighbours', () => {
    const shared = [...positionsOf(countryNamed('France'))].filter((position) =>
      positionsOf(countryNamed('Spain')).has(position),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const position of shared) expect(borderPositions.has(position)).toBe(true);
  });

  it('leaves coastlines out of the borders', () => {
    expect(basemap.borders.type).toBe('MultiLineString');
    // Iceland and New Zealand have no land border, so none of their outline is a border.
    for (const name of ['Iceland', 'New Zealand']) {
      const onBorders = [...positionsOf(countryNamed(name))].filter((position) => borderPositions.has(position));
      expect(onBorders, name).toEqual([]);
    }
  });

  it('throws when the topology has no countries object', () => {
    const topology = readTopology();
    const withoutCountries: Topology = {
      ...topology,
      objects: { land: topology.objects.land ?? { type: 'GeometryCollection', geometries: [] } },
    };
    expect(() => basemapFromTopology(withoutCountries)).toThrow('the basemap topology has no "countries" object');
  });
});

describe('isDrawnCountry', () => {
  it('leaves out Antarctica', () => {
    expect(isDrawnCountry(countryNamed('Antarctica'))).toBe(false);
  });

  it('draws every other country', () => {
    const drawn = basemap.countries.features.filter(isDrawnCountry);
    expect(drawn).toHaveLength(176);
    expect(isDrawnCountry(countryNamed('Russia'))).toBe(true);
  });

  it('draws a shape that has no properties', () => {
    expect(
      isDrawnCountry({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } }),
    ).toBe(true);
  });
});
