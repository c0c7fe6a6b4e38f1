import Supercluster, { type PointFeature } from 'supercluster';
import { clusterMaxZoom, type BoundingBox, type ClusterItem } from './cluster-view.ts';

type PointProperties = { index: number };

/** A spatial index of rally positions that answers "what markers are in this box at this zoom". */
export interface ClusterIndex {
  /** The markers within `bbox` at `zoom`, rounded down (so a fractional zoom never shows clusters closer than their radius). */
  query(bbox: BoundingBox, zoom: number): ClusterItem[];
  /** The zoom at which a cluster splits into smaller clusters or single rallies. */
  expansionZoom(clusterId: number): number;
  /**
   * The lowest zoom from `fromZoom` up at which rally `index` is its own
   * marker, not part of a cluster. Every rally is its own marker at
   * `clusterMaxZoom + 1`, so that is the highest answer.
   */
  separationZoom(index: number, fromZoom: number): number;
  /** Builds now what the index would otherwise build on the first question about a deep zoom. */
  prepareDeepZooms(): void;
}

/**
 * The deepest zoom of the first of the index's two parts. Clustering the
 * zooms past it costs more than all the zooms above it together (100,000
 * rallies spread over cities barely merge there), so they are a second part,
 * built when first asked about (or `prepareDeepZooms`), and the map's first
 * view does not wait for it.
 */
export const deepZoomsFrom = 12;

/** The radius, in screen pixels, within which rallies are merged into one cluster. */
export const clusterRadius = 60;

/**
 * Indexes rally positions given as `[longitude0, latitude0, longitude1,
 * latitude1, …]`; rally `i` is found again by its index `i`. Pure: no DOM,
 * safe in a worker and in Node. Zooms from `deepZoomsFrom` on are clustered
 * in a part of their own, from the rallies themselves, built on first use:
 * a cluster there does not always lie within one cluster of the zoom above.
 */
export function buildClusterIndex(coordinates: Float64Array): ClusterIndex {
  const points: PointFeature<PointProperties>[] = [];
  for (let index = 0; index * 2 + 1 < coordinates.length; index += 1) {
    points.push({
      type: 'Feature',
      properties: { index },
      geometry: { type: 'Point', coordinates: [coordinates[index * 2] ?? 0, coordinates[index * 2 + 1] ?? 0] },
    });
  }
  const shallow = new Supercluster<PointProperties>({
    radius: clusterRadius,
    maxZoom: deepZoomsFrom - 1,
  }).load(points);
  let deep: Supercluster<PointProperties> | null = null;
  const deepZooms = () =>
    (deep ??= new Supercluster<PointProperties>({
      radius: clusterRadius,
      minZoom: deepZoomsFrom,
      maxZoom: clusterMaxZoom,
    }).load(points));
  const partFor = (zoom: number) => (zoom < deepZoomsFrom ? shallow : deepZooms());
  // A cluster's id carries the zoom it was made at, plus one (supercluster's encoding).
  const partOfCluster = (clusterId: number) =>
    (clusterId - points.length) % 32 <= deepZoomsFrom ? shallow : deepZooms();

  const query = (bbox: BoundingBox, zoom: number): ClusterItem[] =>
    partFor(Math.floor(zoom))
      .getClusters(bbox, Math.floor(zoom))
      .map((feature): ClusterItem => {
        const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
        const properties = feature.properties;
        if ('cluster' in properties) {
          return {
            kind: 'cluster',
            clusterId: properties.cluster_id,
            count: properties.point_count,
            longitude,
            latitude,
          };
        }
        return { kind: 'rally', index: properties.index, longitude, latitude };
      });

  return {
    query,
    expansionZoom: (clusterId) => partOfCluster(clusterId).getClusterExpansionZoom(clusterId),
    prepareDeepZooms: () => void deepZooms(),
    separationZoom(index, fromZoom) {
      const longitude = coordinates[index * 2];
      const latitude = coordinates[index * 2 + 1];
      const last = clusterMaxZoom + 1;
      if (longitude === undefined || latitude === undefined) return last;
      const epsilon = 1e-6;
      const box: BoundingBox = [longitude - epsilon, latitude - epsilon, longitude + epsilon, latitude + epsilon];
      for (let zoom = Math.max(0, Math.round(fromZoom)); zoom < last; zoom += 1) {
        if (query(box, zoom).some((item) => item.kind === 'rally' && item.index === index)) return zoom;
      }
      return last;
    },
  };
}
