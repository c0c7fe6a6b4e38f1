import type { MultiLineString, MultiPolygon } from 'geojson';
import { linesFromPicturePath } from '../lib/basemap.ts';
import { pictureToLngLat } from '../lib/map-view.ts';

/**
 * The basemap the page's own map picture carries (build/map-picture.ts),
 * read back from its paths, or `null` when the page has none (the
 * development server's page), which then downloads the file
 * (src/state/load-basemap.ts). One copy of the shapes on the first view.
 */
export function basemapFromPicture(page: ParentNode): { land: MultiPolygon; borders: MultiLineString } | null {
  const { landPath, bordersPath } = picturePaths(page);
  if (!landPath || !bordersPath) return null;
  // Each ring is a polygon of its own: drawn as one path with even-odd filling, as Leaflet does, holes stay holes.
  const land = linesFromPicturePath(landPath, pictureToLngLat).lines.map((ring) => [ring]);
  return {
    land: { type: 'MultiPolygon', coordinates: land },
    borders: { type: 'MultiLineString', coordinates: linesFromPicturePath(bordersPath, pictureToLngLat).lines },
  };
}

/** Whether the page's map picture carries the basemap (a quick look: `basemapFromPicture` then decodes it). */
export function hasPictureBasemap(page: ParentNode): boolean {
  const { landPath, bordersPath } = picturePaths(page);
  return Boolean(landPath && bordersPath);
}

function picturePaths(page: ParentNode): {
  landPath: string | null | undefined;
  bordersPath: string | null | undefined;
} {
  return {
    landPath: page.querySelector('.map-picture [data-basemap="land"]')?.getAttribute('d'),
    bordersPath: page.querySelector('.map-picture [data-basemap="borders"]')?.getAttribute('d'),
  };
}
