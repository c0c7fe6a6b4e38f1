import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text. Images (PNG, JPEG) are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.geojson', '.svg', '.txt', '.xml', '.webmanifest']);

/** Smaller files are sent as they are: compressing them saves less than a packet. */
export const minimumCompressedSize = 1024;

/** What `precompressSite` wrote. */
export interface PrecompressReport {
  files: number;
  originalBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` (brotli quality 11) next
 * to every text file of at least `minimumCompressedSize` bytes under `folder`,
 * for hosts that serve precompressed files (scripts/serve-static.ts does, as
 * do nginx's gzip_static/brotli_static and most static hosts), so they need
 * not compress on every request. A compressed copy that is not smaller is
 * not written. Returns totals for the build log.
 */
export function precompressSite(folder: string): PrecompressReport {
  const report: PrecompressReport = { files: 0, originalBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const visit = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) {
        visit(path);
        continue;
      }
      if (!compressible.has(extname(name))) continue;
      const original = readFileSync(path);
      if (original.length < minimumCompressedSize) continue;
      const gzip = gzipSync(original, { level: 9 });
      const brotli = brotliCompressSync(original, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      });
      if (gzip.length < original.length) writeFileSync(`${path}.gz`, gzip);
      if (brotli.length < original.length) writeFileSync(`${path}.br`, brotli);
      report.files += 1;
      report.originalBytes += original.length;
      report.gzipBytes += Math.min(gzip.length, original.length);
      report.brotliBytes += Math.min(brotli.length, original.length);
    }
  };
  visit(folder);
  return report;
}
