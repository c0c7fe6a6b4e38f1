import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { manifestFiles, readViteManifest } from './vite-manifest.ts';

/** One file the service worker stores at install: its URL, and a revision when the name carries no hash. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/**
 * The code and styles a generated page loads at start, as paths relative to
 * the output folder: its module script's `src` and the files it names in
 * `data-preload` (src/boot.ts; build/first-paint-plugin.ts), under
 * `basePath`. Every page of the full site names the same files, whatever its
 * language, so the overview's list is every page's.
 */
export function startFiles(html: string, basePath: string): string[] {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const script = /<script\b[^>]*\btype="module"[^>]*>/.exec(html)?.[0] ?? '';
  const urls = [
    ...(/\bdata-preload="([^"]*)"/.exec(script)?.[1]?.split(' ') ?? []),
    /\bsrc="([^"]*)"/.exec(script)?.[1] ?? '',
  ];
  return [...new Set(urls.filter((url) => url.startsWith(base)).map((url) => url.slice(base.length)))].sort();
}

/**
 * Whether a built file (path relative to the output folder, with "/") is
 * stored by the service worker at install: only the code and styles every
 * page loads at start (`startFiles`), which the browser has just loaded, so
 * storing them downloads nothing more (their names are hashed; Workbox
 * takes them from the HTTP cache). Everything else the app may ask for
 * later (the share menu, the validator, the basemap file, another
 * language, the favicon and icons) is stored by the service worker when
 * it is first asked for (src/service-worker/service-worker.ts), so a first
 * visit downloads nothing the reader did not use. Pages are stored as they
 * are opened, each with the data. Never stored: photos, share images,
 * embeds, oEmbed documents, `_headers`, the service worker itself.
 */
export function isPrecached(path: string, start: readonly string[]): boolean {
  return path.startsWith('assets/') && start.includes(path);
}

/**
 * The precache list for a built site: the files `isPrecached` keeps, found
 * from its `index.html`, as URLs under `basePath`, sorted. Their names are
 * hashed, so they need no revision. Also returns the list's total size,
 * gzipped, for the build log, and a version for the whole deploy (a hash of
 * every file name under `assets/`), with which the service worker names its
 * caches, so a new deploy drops what an older one stored.
 */
export function precacheManifest(
  outDir: string,
  basePath: string,
): { entries: PrecacheEntry[]; gzipBytes: number; version: string } {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const start = startFiles(readFileSync(join(outDir, 'index.html'), 'utf8'), base);
  const files = listFiles(outDir)
    .map((file) => relative(outDir, file).split(sep).join('/'))
    .sort();
  let gzipBytes = 0;
  const entries = files
    .filter((path) => isPrecached(path, start))
    .map((path) => {
      gzipBytes += gzipSync(readFileSync(join(outDir, path)), { level: 9 }).length;
      return { url: `${base}${path}`, revision: null };
    });
  const version = createHash('md5')
    .update(files.filter((path) => path.startsWith('assets/')).join('\n'))
    .digest('hex')
    .slice(0, 10);
  return { entries, gzipBytes, version };
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The interactive map's files (Leaflet, src/map/ and their styles: what
 * `src/map/rally-map.tsx` brings, less what the page and the app bring), as URLs under
 * `basePath`. A page loads them only when the reader reaches for the map,
 * often before the service worker is in charge; at install the worker
 * stores those the browser's cache already holds, and downloads none
 * (src/service-worker/service-worker.ts).
 */
export function mapFileUrls(outDir: string, basePath: string): string[] {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const manifest = readViteManifest(outDir);
  const start = manifestFiles(manifest, ['index.html', 'src/main.tsx']);
  return manifestFiles(manifest, ['src/map/rally-map.tsx'])
    .filter((path) => !start.includes(path))
    .map((path) => `${base}${path}`);
}
