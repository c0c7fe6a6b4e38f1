import { describe, expect, it } from 'vitest';
import { buildClusterIndex, deepZoomsFrom } from '../../src/lib/cluster-index.ts';
import { clusterMaxZoom, rallyCoordinates } from '../../src/lib/cluster-view.ts';
import { seededRandom } from '../../scripts/lib/synthetic-rallies.ts';

const world: [number, number, number, number] = [-180, -85, 180, 85];

/** 2,000 points around Berlin and 500 around Rome, plus two rallies 20 m apart in Stockholm. */
function samplePoints() {
  const random = seededRandom(1);
  const points: { longitude: number; latitude: number }[] = [];
  for (let index = 0; index < 2000; index += 1) {
    points.push({ longitude: 13.4 + random() - 0.5, latitude: 52.5 + random() - 0.5 });
  }
  for (let index = 0; index < 500; index += 1) {
    points.push({ longitude: 12.5 + random() - 0.5, latitude: 41.9 + random() - 0.5 });
  }
  points.push({ longitude: 18.0686, latitude: 59.3293 }, { longitude: 18.0689, latitude: 59.3293 });
  return points;
}

const points = samplePoints();
const index = buildClusterIndex(rallyCoordinates(points));
const countOf = (items: ReturnType<typeof index.query>) =>
  items.reduce((sum, item) => sum + (item.kind === 'cluster' ? item.count : 1), 0);

describe('buildClusterIndex', () => {
  it('accounts for every rally exactly once at world zoom, in a handful of clusters', () => {
    const items = index.query(world, 1);
    expect(countOf(items)).toBe(points.length);
    expect(items.length).toBeLessThan(10);
  });

  it('gives every rally its own marker one zoom past the last clustered zoom', () => {
    const items = index.query([18.06, 59.32, 18.08, 59.34], clusterMaxZoom + 1);
    expect(items.map((item) => (item.kind === 'rally' ? item.index : `cluster of ${item.count}`))).toEqual([
      2500, 2501,
    ]);
    expect(items[0]?.longitude).toBeCloseTo(18.0686, 6);
    expect(items[0]?.latitude).toBeCloseTo(59.3293, 6);
  });

  it('splits a cluster at its expansion zoom into smaller clusters or rallies', () => {
    const [biggest] = index.query(world, 2).sort((a, b) => countOf([b]) - countOf([a]));
    if (biggest?.kind !== 'cluster') throw new Error('expected a cluster');
    const zoom = index.expansionZoom(biggest.clusterId);
    expect(zoom).toBeGreaterThan(2);
    const after = index.query(world, zoom);
    expect(Math.max(...after.map((item) => countOf([item])))).toBeLessThan(biggest.count);
    expect(countOf(after)).toBe(points.length);
  });

  it('finds the lowest zoom at which a rally stands alone', () => {
    const crowded = index.separationZoom(2500, 0);
    // 20 m apart: only the deepest zoom separates them.
    expect(crowded).toBeGreaterThan(10);
    expect(crowded).toBeLessThanOrEqual(clusterMaxZoom + 1);
    const box: [number, number, number, number] = [18.06, 59.32, 18.08, 59.34];
    expect(index.query(box, crowded).some((item) => item.kind === 'rally' && item.index === 2500)).toBe(true);
    expect(index.query(box, crowded - 1).some((item) => item.kind === 'rally' && item.index === 2500)).toBe(false);
  });

  it('never answers below the zoom it starts from', () => {
    expect(index.separationZoom(2500, clusterMaxZoom + 1)).toBe(clusterMaxZoom + 1);
    expect(index.separationZoom(0, 9)).toBeGreaterThanOrEqual(9);
  });

  it('accounts for every rally exactly once at every zoom, in both of its parts', () => {
    for (let zoom = 0; zoom <= clusterMaxZoom + 1; zoom += 1) {
      expect(countOf(index.query(world, zoom)), `zoom ${String(zoom)}`).toBe(points.length);
    }
  });

  it('expands a cluster of the deep zooms within the deep zooms, and one of the last shallow zoom into them', () => {
    const berlin: [number, number, number, number] = [12.9, 52, 13.9, 53];
    const deepCluster = index.query(berlin, deepZoomsFrom).find((item) => item.kind === 'cluster');
    if (deepCluster?.kind !== 'cluster') throw new Error('expected a cluster at the first deep zoom');
    expect(index.expansionZoom(deepCluster.clusterId)).toBeGreaterThan(deepZoomsFrom);
    const shallowCluster = index.query(berlin, deepZoomsFrom - 1).find((item) => item.kind === 'cluster');
    if (shallowCluster?.kind !== 'cluster') throw new Error('expected a cluster at the last shallow zoom');
    expect(index.expansionZoom(shallowCluster.clusterId)).toBe(deepZoomsFrom);
  });
});
