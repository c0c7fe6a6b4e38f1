import { describe, expect, it } from 'vitest';
import { spreadMarkers, type ScreenPoint } from '../../src/lib/spread-markers.ts';

const minDistance = 30;
const tolerance = 1e-9;

function distance(a: ScreenPoint | undefined, b: ScreenPoint | undefined): number {
  if (!a || !b) throw new Error('missing point');
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Every pair of points, by id, with the distance between them. */
function pairDistances(points: readonly ScreenPoint[]): { pair: string; distance: number }[] {
  const pairs: { pair: string; distance: number }[] = [];
  points.forEach((a, i) => {
    for (const b of points.slice(i + 1)) pairs.push({ pair: `${a.id}-${b.id}`, distance: distance(a, b) });
  });
  return pairs;
}

/** The ids in counter-clockwise order around the points' centre, starting from the first id alphabetically. */
function angularOrder(points: readonly ScreenPoint[]): string[] {
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const sorted = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  const ids = sorted.map((p) => p.id);
  const start = ids.indexOf([...ids].sort()[0] ?? '');
  return [...ids.slice(start), ...ids.slice(0, start)];
}

describe('spreadMarkers', () => {
  it('returns markers that are already far apart exactly where they were', () => {
    const points = [
      { id: 'london', x: 100, y: 200 },
      { id: 'berlin', x: 300, y: 180 },
      { id: 'rome', x: 290, y: 400 },
    ];
    expect(spreadMarkers(points, minDistance)).toEqual(points);
  });

  it('leaves markers exactly minDistance apart alone', () => {
    const points = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 30, y: 0 },
    ];
    expect(spreadMarkers(points, minDistance)).toEqual(points);
  });

  it('moves two overlapping markers exactly minDistance apart around their midpoint', () => {
    const london = { id: 'london', x: 100, y: 104 };
    const york = { id: 'york', x: 108, y: 100 };
    const [placedLondon, placedYork] = spreadMarkers([london, york], minDistance);
    expect(distance(placedLondon, placedYork)).toBeCloseTo(minDistance, 9);
    expect(((placedLondon?.x ?? NaN) + (placedYork?.x ?? NaN)) / 2).toBeCloseTo(104, 9);
    expect(((placedLondon?.y ?? NaN) + (placedYork?.y ?? NaN)) / 2).toBeCloseTo(102, 9);
  });

  it('keeps the west marker west and the north marker north', () => {
    // London is west (left) and south (lower on screen, larger y) of York.
    const [london, york] = spreadMarkers(
      [
        { id: 'london', x: 100, y: 104 },
        { id: 'york', x: 108, y: 100 },
      ],
      minDistance,
    );
    expect(london?.x).toBeLessThan(york?.x ?? -Infinity);
    expect(london?.y).toBeGreaterThan(york?.y ?? Infinity);
  });

  it('keeps the order whichever marker comes first in the input', () => {
    const [york, london] = spreadMarkers(
      [
        { id: 'york', x: 108, y: 100 },
        { id: 'london', x: 100, y: 100 },
      ],
      minDistance,
    );
    expect(york?.x).toBeCloseTo(119, 9);
    expect(london?.x).toBeCloseTo(89, 9);
    expect(york?.y).toBeCloseTo(100, 9);
    expect(london?.y).toBeCloseTo(100, 9);
  });

  it('separates two markers at exactly the same position', () => {
    const placed = spreadMarkers(
      [
        { id: 'a', x: 50, y: 50 },
        { id: 'b', x: 50, y: 50 },
      ],
      minDistance,
    );
    expect(distance(placed[0], placed[1])).toBeCloseTo(minDistance, 9);
  });

  it('spreads a crowd of several markers so every pair is at least minDistance apart', () => {
    const crowd = [
      { id: 'munich', x: 200, y: 210 },
      { id: 'berlin', x: 205, y: 195 },
      { id: 'stockholm', x: 212, y: 190 },
      { id: 'rome', x: 198, y: 220 },
      { id: 'york', x: 190, y: 200 },
    ];
    const placed = spreadMarkers(crowd, minDistance);
    for (const { pair, distance: d } of pairDistances(placed)) {
      expect(d, pair).toBeGreaterThanOrEqual(minDistance - tolerance);
    }
  });

  it('spreads three markers in a row, chained by short gaps', () => {
    const placed = spreadMarkers(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 20, y: 0 },
        { id: 'c', x: 40, y: 0 },
      ],
      minDistance,
    );
    for (const { pair, distance: d } of pairDistances(placed)) {
      expect(d, pair).toBeGreaterThanOrEqual(minDistance - tolerance);
    }
  });

  it('keeps the angular order of a crowd around its centre', () => {
    const crowd = [
      { id: 'a', x: 100, y: 100 },
      { id: 'b', x: 110, y: 102 },
      { id: 'c', x: 104, y: 112 },
      { id: 'd', x: 96, y: 108 },
    ];
    const placed = spreadMarkers(crowd, minDistance);
    expect(angularOrder(placed)).toEqual(angularOrder(crowd));
    expect(angularOrder(crowd)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a crowd centred on where its markers really are', () => {
    const crowd = [
      { id: 'a', x: 100, y: 100 },
      { id: 'b', x: 110, y: 102 },
      { id: 'c', x: 104, y: 112 },
    ];
    const placed = spreadMarkers(crowd, minDistance);
    expect(placed.reduce((sum, p) => sum + p.x, 0) / 3).toBeCloseTo(314 / 3, 9);
    expect(placed.reduce((sum, p) => sum + p.y, 0) / 3).toBeCloseTo(314 / 3, 9);
  });

  it('returns the markers in input order, moving only the crowded ones', () => {
    const points = [
      { id: 'york', x: 108, y: 100 },
      { id: 'rome', x: 400, y: 500 },
      { id: 'london', x: 100, y: 104 },
      { id: 'brasilia', x: -300, y: 900 },
    ];
    const placed = spreadMarkers(points, minDistance);
    expect(placed.map((point) => point.id)).toEqual(['york', 'rome', 'london', 'brasilia']);
    expect(placed[1]).toEqual({ id: 'rome', x: 400, y: 500 });
    expect(placed[3]).toEqual({ id: 'brasilia', x: -300, y: 900 });
    expect(placed[0]).not.toEqual(points[0]);
  });

  it('is deterministic and does not change its input', () => {
    const points = [
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 12, y: 11 },
      { id: 'c', x: 9, y: 14 },
    ];
    const copy = structuredClone(points);
    const first = spreadMarkers(points, minDistance);
    const second = spreadMarkers(points, minDistance);
    expect(second).toEqual(first);
    expect(points).toEqual(copy);
  });

  it('returns nothing for no markers', () => {
    expect(spreadMarkers([], minDistance)).toEqual([]);
  });

  it('does not push a crowd onto a nearby marker outside it', () => {
    const placed = spreadMarkers(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 1, y: 0 },
        { id: 'c', x: 40, y: 0 },
      ],
      minDistance,
    );
    for (const { pair, distance: d } of pairDistances(placed)) {
      expect(d, pair).toBeGreaterThanOrEqual(minDistance - tolerance);
    }
  });
});
