import type { Rally } from './rally-schema.ts';

/** The highest zoom at which markers are still clustered; one zoom deeper, every rally is its own marker. */
export const clusterMaxZoom = 16;

/** One marker the clustered map shows: a cluster of rallies, or one rally by its index in the list. */
export type ClusterItem =
  | { kind: 'cluster'; clusterId: number; count: number; longitude: number; latitude: number }
  | { kind: 'rally'; index: number; longitude: number; latitude: number };

/** `[west, south, east, north]` in degrees. */
export type BoundingBox = [number, number, number, number];

/** A cluster's count as its marker shows it: "87", "1.2k", "15k". */
export function formatClusterCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toString()}k`;
  return `${Math.floor(count / 1000)}k`;
}

/** Rally positions packed as `[longitude0, latitude0, longitude1, …]`, for the cluster index. */
export function rallyCoordinates(rallies: readonly Pick<Rally, 'longitude' | 'latitude'>[]): Float64Array {
  const coordinates = new Float64Array(rallies.length * 2);
  rallies.forEach((rally, position) => {
    coordinates[position * 2] = rally.longitude;
    coordinates[position * 2 + 1] = rally.latitude;
  });
  return coordinates;
}
