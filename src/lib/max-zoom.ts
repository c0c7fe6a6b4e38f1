import { clusterMaxZoom } from './cluster-view.ts';

/** The highest zoom of the built-in basemap (country outlines). */
export const basemapMaxZoom = 8;

/** What decides how far the reader may zoom in. */
export interface MaxZoomInputs {
  /** The deepest zoom of the configured street tiles (`TILE_URL`), or `null` without them. */
  tileMaxZoom: number | null;
  /** "Many rallies" mode: clusters must be able to split until every rally stands alone. */
  manyRallies: boolean;
  /** The street tiles failed and were removed: only the basemap is left. */
  tilesFailed: boolean;
}

/**
 * The map's maximum zoom, the one place it is decided: the basemap's
 * (`basemapMaxZoom`); deeper in "many rallies" mode, one past
 * `clusterMaxZoom` where every cluster has split; deeper still when working
 * street tiles go further. Never below the basemap's.
 */
export function mapMaxZoom({ tileMaxZoom, manyRallies, tilesFailed }: MaxZoomInputs): number {
  const withoutTiles = manyRallies ? Math.max(basemapMaxZoom, clusterMaxZoom + 1) : basemapMaxZoom;
  return tileMaxZoom === null || tilesFailed ? withoutTiles : Math.max(withoutTiles, tileMaxZoom);
}
