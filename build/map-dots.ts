/**
 * How many rally dots a build-time map (share cards, square cards, posters)
 * draws one by one; above it, dots that would land on the same few pixels
 * are drawn once. A campaign's real rallies are far below it, so their
 * maps are unchanged.
 */
export const dotsDrawnOneByOne = 500;

/**
 * The points to draw as dots of `radius` pixels, in the order given: all of
 * them when there are at most `dotsDrawnOneByOne`, else the first in each
 * square of half the radius, which looks the same at that size. A poster of
 * a 100,000-rally campaign drew 30,000 overlapping circles, 6.5 MB of SVG.
 */
export function distinctDots<T extends readonly [number, number]>(points: readonly T[], radius: number): T[] {
  if (points.length <= dotsDrawnOneByOne) return [...points];
  const cell = Math.max(1, radius / 2);
  const taken = new Set<string>();
  return points.filter(([x, y]) => {
    const key = `${String(Math.floor(x / cell))},${String(Math.floor(y / cell))}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
}
