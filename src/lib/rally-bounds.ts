import type { Rally } from './rally-schema.ts';

/** South-west and north-east corners, as `[[south, west], [north, east]]`. */
export type LatLngBounds = [[number, number], [number, number]];

/** The smallest box that holds every rally, or `null` when there are none. */
export function boundsOfRallies(rallies: readonly Pick<Rally, 'latitude' | 'longitude'>[]): LatLngBounds | null {
  if (rallies.length === 0) return null;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const { latitude, longitude } of rallies) {
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
  }
  return [
    [south, west],
    [north, east],
  ];
}
