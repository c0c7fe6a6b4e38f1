import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { boundsOfRallies } from '../../src/lib/rally-bounds.ts';
import { readRallyDocument } from './rally-fixtures.ts';

describe('boundsOfRallies', () => {
  it('has no bounds without rallies', () => {
    expect(boundsOfRallies([])).toBeNull();
  });

  it('is a single point for a single rally', () => {
    expect(boundsOfRallies([{ latitude: 51.5103, longitude: -0.1908 }])).toEqual([
      [51.5103, -0.1908],
      [51.5103, -0.1908],
    ]);
  });

  it('spans every rally in the data file, as [[south, west], [north, east]]', () => {
    const { rallies } = parseRallyCollection(readRallyDocument());
    expect(boundsOfRallies(rallies)).toEqual([
      [-15.7939, -99.1332], // Brasília is furthest south, Mexico City furthest west
      [59.3293, 18.0686], // Stockholm is furthest north and furthest east
    ]);
  });

  it('does not depend on the order of the rallies', () => {
    const points = [
      { latitude: 10, longitude: 20 },
      { latitude: -5, longitude: 40 },
      { latitude: 30, longitude: -10 },
    ];
    const expected = [
      [-5, -10],
      [30, 40],
    ];
    expect(boundsOfRallies(points)).toEqual(expected);
    expect(boundsOfRallies([...points].reverse())).toEqual(expected);
  });
});
