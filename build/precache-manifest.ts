import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file the service worker stores at install: its URL, and a revision when the name carries no hash. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/**
 * Whether a built file (path relative to the output folder, with "/") is
 * stored by the service worker for offline use: the app's code, styles,
 * images and basemap (`assets/`), the pages of the full site (`index.html`,
 * `city/<id>/index.html`, `404.html`), the rally file, and the favicon, web
 * app manifest and its icons (from public/), so the installed site has its
 * icon offline. Not the photos (public/photos/, possibly large), the share
 * images (large, and only for link previews), the embed pages and
 * `embed.js` with its versioned copy (the service worker is off in embeds), the oEmbed documents,
 * `_headers`, or the service worker itself.
 */
export function isPrecached(path: string): boolean {
  if (/^assets\/embed\.[0-9a-f]+\.js$/.test(path)) return false;
  if (path.startsWith('assets/')) return true;
  if (path === 'index.html' || path === '404.html') return true;
  if (/^city\/[^/]+\/index\.html$/.test(path)) return true;
  if (path === 'favicon.svg' || path === 'manifest.webmanifest' || /^icons\/[^/]+\.png$/.test(path)) return true;
  // The rally file only: the downloads beside it (data/rallies-validated.geojson, data/rallies.csv) are not needed offline.
  return path === 'data/rallies.geojson';
}

/**
 * A rally file larger than this, gzipped, is not stored at install: every
 * visitor would download it in the background, whatever page they read. The
 * service worker stores it instead once a page has fetched it.
 */
export const precachedDataCapGzipBytes = 1_000_000;

/**
 * The precache list for a built site: every file `isPrecached` keeps, as a
 * URL under `basePath`, except a rally file over `dataCapGzipBytes` gzipped.
 * Files under `assets/` have hashed names, so they need no revision; every
 * other file gets the MD5 of its content, so a changed page or data file is
 * fetched again by the next service worker. Also returns the list's total
 * size, gzipped, for the build log, and the data files left out for their size.
 */
export function precacheManifest(
  outDir: string,
  basePath: string,
  dataCapGzipBytes: number = precachedDataCapGzipBytes,
): { entries: PrecacheEntry[]; gzipBytes: number; leftOut: string[] } {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const files = listFiles(outDir)
    .map((file) => relative(outDir, file).split(sep).join('/'))
    .filter(isPrecached)
    .sort();
  let gzipBytes = 0;
  const leftOut: string[] = [];
  const entries = files.flatMap((path) => {
    const content = readFileSync(join(outDir, path));
    const size = gzipSync(content, { level: 9 }).length;
    if (path.startsWith('data/') && size > dataCapGzipBytes) {
      leftOut.push(path);
      return [];
    }
    gzipBytes += size;
    const revision = path.startsWith('assets/') ? null : createHash('md5').update(content).digest('hex');
    return [{ url: `${base}${path}`, revision }];
  });
  return { entries, gzipBytes, leftOut };
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
