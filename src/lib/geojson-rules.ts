/*
 * RFC 7946's MUSTs that are not about one field's value: members a kind of
 * GeoJSON object must not carry (§7.1) and the form of a `bbox` (§5).
 * Pure; used by parse-rallies.ts, so the browser and `npm run validate` agree.
 */

/** The kinds of GeoJSON object a rally file holds. */
export type GeoJsonObjectKind = 'FeatureCollection' | 'Feature' | 'Geometry';

/**
 * RFC 7946 §7.1: members that define another kind of object, and so "MUST
 * NOT" appear on this one: `coordinates`/`geometries` only on geometries,
 * `geometry`/`properties` only on features, `features` only on collections.
 */
export const membersNotAllowed: Record<GeoJsonObjectKind, readonly string[]> = {
  FeatureCollection: ['coordinates', 'geometries', 'geometry', 'properties'],
  Feature: ['coordinates', 'geometries', 'features'],
  Geometry: ['geometry', 'properties', 'features'],
};

/** The members of `object` that RFC 7946 §7.1 forbids on this kind, each with the message to report. */
export function forbiddenMembers(
  object: Record<string, unknown>,
  kind: GeoJsonObjectKind,
): { key: string; message: string }[] {
  return membersNotAllowed[kind]
    .filter((key) => Object.hasOwn(object, key))
    .map((key) => ({
      key,
      message: `is not allowed on a ${kind}: RFC 7946 (section 7.1) keeps "${key}" for ${ownerOf(key)}`,
    }));
}

function ownerOf(key: string): string {
  if (key === 'coordinates' || key === 'geometries') return 'geometries';
  if (key === 'features') return 'a FeatureCollection';
  return 'a Feature';
}

/**
 * What is wrong with a `bbox` member (RFC 7946 §5), or null: it must be an
 * array of 2×n numbers for n = 2 or 3 dimensions, west, south[, lowest],
 * east, north[, highest]; longitudes within ±180, latitudes within ±90, south
 * not above north, lowest not above highest. West may exceed east: that box
 * crosses the antimeridian (§5.2). `index` names the offending number.
 */
export function bboxProblem(bbox: unknown): { message: string; index?: number } | null {
  const form = 'an array [west, south, east, north] (or 6 numbers with altitudes)';
  if (!Array.isArray(bbox)) return { message: `must be ${form}` };
  if (bbox.length !== 4 && bbox.length !== 6) {
    return { message: `must hold 4 numbers [west, south, east, north] (or 6 with altitudes), not ${bbox.length}` };
  }
  for (const [index, value] of bbox.entries()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { index, message: 'must be a number' };
  }
  const numbers = bbox as number[];
  const dimensions = numbers.length / 2;
  const [west = 0, south = 0] = numbers;
  const east = numbers[dimensions] ?? 0;
  const north = numbers[dimensions + 1] ?? 0;
  for (const [index, longitude] of [
    [0, west],
    [dimensions, east],
  ] as const) {
    if (Math.abs(longitude) > 180)
      return { index, message: `longitude must be between -180 and 180, not ${longitude}` };
  }
  for (const [index, latitude] of [
    [1, south],
    [dimensions + 1, north],
  ] as const) {
    if (Math.abs(latitude) > 90) return { index, message: `latitude must be between -90 and 90, not ${latitude}` };
  }
  if (south > north) {
    return { index: 1, message: `south (${south}) is above north (${north}): the order is [west, south, east, north]` };
  }
  if (dimensions === 3 && (numbers[2] ?? 0) > (numbers[5] ?? 0)) {
    return {
      index: 2,
      message: 'the lowest altitude is above the highest: the order is [west, south, lowest, east, north, highest]',
    };
  }
  return null;
}
