import { describe, expect, it } from 'vitest';
import { median, medianInterval, roundRatios } from '../../../scripts/lib/paired-ratios.ts';

describe('median', () => {
  it('takes the middle value, the upper middle of an even count, and skips NaN', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([Number.NaN, 5, 1, Number.NaN, 3])).toBe(3);
    expect(median([])).toBeNaN();
    expect(median([Number.NaN])).toBeNaN();
  });
});

describe('roundRatios', () => {
  it('divides round by round and leaves out rounds with a missing or zero divisor', () => {
    expect(roundRatios([120, 150, 90], [100, 100, 90])).toEqual([1.2, 1.5, 1]);
    expect(roundRatios([120, 150, 90, 80], [100, Number.NaN, 0])).toEqual([1.2]);
    expect(roundRatios([Number.NaN, 50], [100, 25])).toEqual([2]);
  });
});

describe('medianInterval', () => {
  it('is a single point when every sample is the same', () => {
    expect(medianInterval([1.1, 1.1, 1.1, 1.1])).toEqual([1.1, 1.1]);
  });

  it('holds the median, narrows as the rounds grow and is the same for the same seed', () => {
    // A fixed spread of ratios around 1.1 (±0.3, as single loads spread here), 41 and then 9 × 41 of them.
    const spread = Array.from({ length: 41 }, (_, index) => 1.1 + 0.3 * Math.sin(index * 2.4));
    const [low, high] = medianInterval(spread, { resamples: 1000 });
    expect(low).toBeLessThan(median(spread));
    expect(high).toBeGreaterThan(median(spread));
    const many = Array.from({ length: 9 }, () => spread).flat();
    const [manyLow, manyHigh] = medianInterval(many, { resamples: 1000 });
    expect(manyHigh - manyLow).toBeLessThan((high - low) / 2);
    expect(medianInterval(spread, { seed: 7 })).toEqual(medianInterval(spread, { seed: 7 }));
  });

  it('is wider at a higher level, and its ends are samples', () => {
    const samples = [0.9, 1.0, 1.05, 1.1, 1.12, 1.2, 1.3, 1.5, 0.95, 1.02, 1.08];
    const [low90, high90] = medianInterval(samples, { level: 0.9 });
    const [low99, high99] = medianInterval(samples, { level: 0.99 });
    expect(low99).toBeLessThanOrEqual(low90);
    expect(high99).toBeGreaterThanOrEqual(high90);
    expect(samples).toContain(low90);
    expect(samples).toContain(high99);
  });

  it('gives NaN ends for no samples', () => {
    expect(medianInterval([Number.NaN])).toEqual([Number.NaN, Number.NaN]);
  });
});
