import { describe, expect, it } from 'vitest';
import { distinctDots, dotsDrawnOneByOne } from '../../build/map-dots.ts';
import { cityMapSvg } from '../../build/quote-card.ts';
import { loadWorldTopology } from '../../build/share-card.ts';
import { seededRandom } from '../../scripts/lib/synthetic-rallies.ts';

const radius = 8;
const cellOf = ([x, y]: readonly [number, number]) => `${Math.floor(x / (radius / 2))},${Math.floor(y / (radius / 2))}`;

describe('distinctDots', () => {
  it('keeps every dot, in order, up to dotsDrawnOneByOne, even where they overlap', () => {
    const points = Array.from({ length: dotsDrawnOneByOne }, (_, index): [number, number] => [index % 3, 0]);
    expect(distinctDots(points, radius)).toEqual(points);
  });

  it('above it, keeps the first dot of each half-radius square, so every square that had a dot still has one', () => {
    const random = seededRandom(7);
    const points = Array.from({ length: 20_000 }, (): [number, number] => [random() * 200, random() * 100]);
    const kept = distinctDots(points, radius);
    expect(kept.length).toBeLessThan(points.length / 10);
    expect(new Set(kept.map(cellOf)).size).toBe(kept.length);
    expect(new Set(kept.map(cellOf))).toEqual(new Set(points.map(cellOf)));
    // The first in each square, in the order given: what is drawn on top stays on top.
    expect(kept[0]).toBe(points[0]);
    expect(kept.map((point) => points.indexOf(point))).toEqual(
      [...kept.map((point) => points.indexOf(point))].sort((a, b) => a - b),
    );
  });
});

describe('a poster’s city map with 100,000 rallies', () => {
  it('stays small: one dot per few pixels, not one per rally', () => {
    const random = seededRandom(3);
    const rallies = Array.from({ length: 100_000 }, (): [number, number] => [
      13.4 + (random() - 0.5) * 8,
      52.5 + (random() - 0.5) * 6,
    ]);
    const svg = cityMapSvg(loadWorldTopology(), [13.4, 52.5], rallies, 1000, 640, 18);
    const dots = svg.match(/<circle /g)?.length ?? 0;
    expect(dots).toBeGreaterThan(100);
    expect(dots).toBeLessThan(10_000);
    expect(svg.length).toBeLessThan(1_500_000);
  });
});
