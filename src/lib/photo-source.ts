import { siteFilePath } from './address.ts';
import type { Photo } from './rally-schema.ts';

/** How a photo can be shown: as an image (from this site or an allowed host), as a link, or not at all. */
export type PhotoSource =
  | { kind: 'image'; src: string; width: number; height: number }
  | { kind: 'remote'; url: string; host: string }
  | { kind: 'missing' };

/**
 * Decides how a validated photo is shown. A file under `photos/` ships with
 * the site and is shown (its `src` resolved against `basePath`). A remote
 * photo is shown only from a host the deployer allowed (`PHOTO_HOSTS`), since
 * a request to another host tells that host who is reading; otherwise it is
 * offered as a link. Without its width and height no photo is shown, so the
 * page never shifts as it loads.
 */
export function photoSource(photo: Photo, basePath: string, allowedHosts: readonly string[] = []): PhotoSource {
  if (photo.src === undefined) return { kind: 'missing' };
  const { width, height } = photo;
  if (photo.src.startsWith('https://')) {
    const host = new URL(photo.src).host;
    if (allowedHosts.includes(host) && width !== undefined && height !== undefined) {
      return { kind: 'image', src: photo.src, width, height };
    }
    return { kind: 'remote', url: photo.src, host };
  }
  if (width === undefined || height === undefined) return { kind: 'missing' };
  return { kind: 'image', src: siteFilePath(photo.src, basePath), width, height };
}
