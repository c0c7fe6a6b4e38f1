import { describe, expect, it } from 'vitest';
import { formatClusterCount, rallyCoordinates } from '../../src/lib/cluster-view.ts';

describe('formatClusterCount', () => {
  it('shows counts under 1,000 in full and larger ones in thousands, rounded down', () => {
    expect(formatClusterCount(2)).toBe('2');
    expect(formatClusterCount(999)).toBe('999');
    expect(formatClusterCount(1000)).toBe('1k');
    expect(formatClusterCount(1299)).toBe('1.2k');
    expect(formatClusterCount(9999)).toBe('9.9k');
    expect(formatClusterCount(12_500)).toBe('12k');
    expect(formatClusterCount(100_000)).toBe('100k');
  });
});

describe('rallyCoordinates', () => {
  it('packs longitude then latitude for each rally, in order', () => {
    expect([
      ...rallyCoordinates([
        { longitude: -0.19, latitude: 51.51 },
        { longitude: 13.4, latitude: 52.52 },
      ]),
    ]).toEqual([-0.19, 51.51, 13.4, 52.52]);
  });
});
