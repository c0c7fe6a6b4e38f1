import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { buildConcurrency, mapWithLimit } from './map-with-limit.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files worth compressing: text, and the rally index (mostly text). Images (PNG, JPEG) are compressed already. */
const compressible = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.geojson',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
  '.bin',
]);

/** Smaller files are sent as they are: compressing them saves less than a packet. */
export const minimumCompressedSize = 1024;

/**
 * The brotli quality for a file at `path` (relative to the output folder).
 * The hashed files under `assets/` are what every visitor fetches and caches
 * for a year, so they get the slowest, smallest setting (11). Pages, one per
 * route and language, get 10: measured on a city page, 3× faster than 11 for
 * a copy 0.7% larger (23,443 against 23,286 bytes; docs/benchmarks.md).
 */
export function brotliQuality(path: string): number {
  return path.split(sep)[0] === 'assets' ? 11 : 10;
}

/** What `precompressSite` wrote. */
export interface PrecompressReport {
  files: number;
  originalBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** Every compressible file of at least `minimumCompressedSize` bytes under `folder`, as absolute paths. */
function compressibleFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (compressible.has(extname(name)) && statSync(path).size >= minimumCompressedSize) found.push(path);
    }
  };
  visit(folder);
  return found.sort();
}

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` (brotli, quality from
 * `brotliQuality`) next to every text file of at least
 * `minimumCompressedSize` bytes under `folder`, for hosts that serve
 * precompressed files (scripts/serve-static.ts does, as do nginx's
 * gzip_static/brotli_static and most static hosts), so they need not
 * compress on every request. A compressed copy that is not smaller is not
 * written. The work runs on zlib's thread pool, so it uses every core.
 * Resolves to totals for the build log.
 */
export async function precompressSite(folder: string): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, originalBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const compressOne = async (path: string) => {
    const original = readFileSync(path);
    const [gzipped, brotli] = await Promise.all([
      gzipAsync(original, { level: 9 }),
      brotliAsync(original, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(relative(folder, path)),
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      }),
    ]);
    if (gzipped.length < original.length) writeFileSync(`${path}.gz`, gzipped);
    if (brotli.length < original.length) writeFileSync(`${path}.br`, brotli);
    report.files += 1;
    report.originalBytes += original.length;
    report.gzipBytes += Math.min(gzipped.length, original.length);
    report.brotliBytes += Math.min(brotli.length, original.length);
  };
  await mapWithLimit(compressibleFiles(folder), buildConcurrency, compressOne);
  return report;
}
