import { describe, expect, it } from 'vitest';
import { hasManyRallies, manyRalliesThreshold, workerParseBytes } from '../../src/lib/scale.ts';

describe('hasManyRallies', () => {
  it('keeps the real file (8 rallies) and anything below the threshold in the few-rallies mode', () => {
    expect(hasManyRallies(0)).toBe(false);
    expect(hasManyRallies(8)).toBe(false);
    expect(hasManyRallies(manyRalliesThreshold - 1)).toBe(false);
  });

  it('switches to clusters and the virtualised list from the threshold on', () => {
    expect(hasManyRallies(manyRalliesThreshold)).toBe(true);
    expect(hasManyRallies(100_000)).toBe(true);
  });

  it('uses a threshold between 200 and 500 rallies, and parses files far larger than the real one in a worker', () => {
    expect(manyRalliesThreshold).toBeGreaterThanOrEqual(200);
    expect(manyRalliesThreshold).toBeLessThanOrEqual(500);
    // The real file is about 15 kB; 10,000 synthetic rallies are about 2.8 MB.
    expect(workerParseBytes).toBeGreaterThan(100 * 1024);
    expect(workerParseBytes).toBeLessThan(2 * 1024 * 1024);
  });
});
