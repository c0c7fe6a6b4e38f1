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
 * stored by the service worker at install, for every reader: the app's
 * code, styles, images and basemap (`assets/`), except each language's
 * catalogue and translation (`assets/language-*`, see vite.config.ts),
 * which are stored when a reader first uses that language; and the
 * favicon, web app manifest and its icons (from public/), so the installed
 * site has its icon offline. Pages are not in it: the service worker
 * stores the pages of the reader's language as they are opened
 * (src/service-worker/service-worker.ts), and each carries the data. Nor
 * are the photos (public/photos/, possibly large), the share images
 * (large, and only for link previews), the embed pages and `embed.js` with
 * its versioned copy (the service worker is off in embeds), the oEmbed documents, `_headers`, or
 * the service worker itself.
 */
export function isPrecached(path: string): boolean {
  if (/^assets\/embed\.[0-9a-f]+\.js$/.test(path)) return false;
  if (path.startsWith('assets/')) return !path.startsWith('assets/language-');
  return path === 'favicon.svg' || path === 'manifest.webmanifest' || /^icons\/[^/]+\.png$/.test(path);
}

/**
 * The precache list for a built site: every file `isPrecached` keeps, as a
 * URL under `basePath`. Files under `assets/` have hashed names, so they
 * need no revision; every other file gets the MD5 of its content, so a
 * changed file is fetched again by the next service worker. Also returns
 * the list's total size, gzipped, for the build log. The rally file is
 * never in it (every visitor would download it in the background, however
 * large): pages carry the data, and the service worker stores the file
 * once a page has fetched it.
 */
export function precacheManifest(outDir: string, basePath: string): { entries: PrecacheEntry[]; gzipBytes: number } {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const files = listFiles(outDir)
    .map((file) => relative(outDir, file).split(sep).join('/'))
    .filter(isPrecached)
    .sort();
  let gzipBytes = 0;
  const entries = files.map((path) => {
    const content = readFileSync(join(outDir, path));
    gzipBytes += gzipSync(content, { level: 9 }).length;
    const revision = path.startsWith('assets/') ? null : createHash('md5').update(content).digest('hex');
    return { url: `${base}${path}`, revision };
  });
  return { entries, gzipBytes };
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
