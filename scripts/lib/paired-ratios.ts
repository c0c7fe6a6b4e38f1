/**
 * The statistics of `npm run bench`'s "map visible" (scripts/bench.ts): each
 * round loads a page two ways right after each other, and the figure is the
 * median of the rounds' ratios, with a bootstrap interval that says how far
 * that median could move in another run of as many rounds.
 */

/** The median of the numbers that are not NaN (the upper middle one of an even count); NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Each round's ratio `values[i] / others[i]`, leaving out the rounds where
 * either is missing (NaN, or past the end of `others`) or the divisor is 0.
 */
export function roundRatios(values: readonly number[], others: readonly number[]): number[] {
  const ratios: number[] = [];
  values.forEach((value, round) => {
    const other = others[round] ?? Number.NaN;
    const ratio = value / other;
    if (Number.isFinite(ratio)) ratios.push(ratio);
  });
  return ratios;
}

/** A small seeded generator of numbers in [0, 1) (mulberry32), so an interval can be reproduced from its rounds. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Options of `medianInterval`. */
export interface IntervalOptions {
  /** The share of the resampled medians the interval holds; 0.95 unless given. */
  level?: number;
  /** How many resamples; 4000 unless given. */
  resamples?: number;
  /** The generator's seed; the same samples and seed give the same interval. */
  seed?: number;
}

/**
 * A percentile bootstrap interval for the median of `samples`: the median of
 * `resamples` draws with replacement, each as many as the samples, and the
 * interval between the (1 − level) / 2 and (1 + level) / 2 quantiles of those
 * medians. NaN samples are left out; with none, both ends are NaN.
 */
export function medianInterval(samples: readonly number[], options: IntervalOptions = {}): [number, number] {
  const { level = 0.95, resamples = 4000, seed = 1 } = options;
  const values = samples.filter((value) => !Number.isNaN(value));
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const random = seededRandom(seed);
  const medians: number[] = [];
  const draw = new Array<number>(values.length);
  for (let resample = 0; resample < resamples; resample += 1) {
    for (let index = 0; index < values.length; index += 1) {
      draw[index] = values[Math.floor(random() * values.length)] ?? Number.NaN;
    }
    medians.push(median(draw));
  }
  medians.sort((a, b) => a - b);
  const at = (quantile: number) =>
    medians[Math.min(medians.length - 1, Math.max(0, Math.round(quantile * (medians.length - 1))))] ?? Number.NaN;
  return [at((1 - level) / 2), at((1 + level) / 2)];
}
