import type { Photo } from './rally-schema.ts';

/** How a photo can be shown: from this site, from another host, or not at all. */
export type PhotoSource =
  | { kind: 'local'; path: string; width: number; height: number }
  | { kind: 'remote'; url: string; host: string }
  | { kind: 'missing' };

/**
 * Decides how a validated photo is shown. Files under `photos/` ship with the
 * site and are shown. Remote photos are never loaded by default, because a
 * request to another host tells that host who is reading.
 */
export function photoSource(photo: Photo): PhotoSource {
  if (photo.src === undefined) return { kind: 'missing' };
  if (photo.src.startsWith('https://')) return { kind: 'remote', url: photo.src, host: new URL(photo.src).host };
  if (photo.width === undefined || photo.height === undefined) return { kind: 'missing' };
  return { kind: 'local', path: photo.src, width: photo.width, height: photo.height };
}
