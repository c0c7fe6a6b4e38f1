import { describe, expect, it } from 'vitest';
import { clusterMaxZoom } from '../../src/lib/cluster-view.ts';
import { basemapMaxZoom, mapMaxZoom } from '../../src/lib/max-zoom.ts';

describe('mapMaxZoom', () => {
  it("is the basemap's without street tiles", () => {
    expect(mapMaxZoom({ tileMaxZoom: null, manyRallies: false, tilesFailed: false })).toBe(basemapMaxZoom);
  });

  it('goes as deep as working street tiles, never shallower than the basemap', () => {
    expect(mapMaxZoom({ tileMaxZoom: 19, manyRallies: false, tilesFailed: false })).toBe(19);
    expect(mapMaxZoom({ tileMaxZoom: 5, manyRallies: false, tilesFailed: false })).toBe(basemapMaxZoom);
  });

  it("falls back to the basemap's when the tiles failed", () => {
    expect(mapMaxZoom({ tileMaxZoom: 19, manyRallies: false, tilesFailed: true })).toBe(basemapMaxZoom);
  });

  it('lets every cluster split in "many rallies" mode, with or without tiles', () => {
    expect(mapMaxZoom({ tileMaxZoom: null, manyRallies: true, tilesFailed: false })).toBe(clusterMaxZoom + 1);
    expect(mapMaxZoom({ tileMaxZoom: 19, manyRallies: true, tilesFailed: true })).toBe(clusterMaxZoom + 1);
    expect(mapMaxZoom({ tileMaxZoom: 20, manyRallies: true, tilesFailed: false })).toBe(20);
  });
});
