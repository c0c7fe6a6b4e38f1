import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rallyCsvFile, validatedGeoJsonFile } from '../src/lib/address.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import { rallyCsv } from '../src/lib/rally-csv.ts';
import { rallyGeoJson } from '../src/lib/rally-geojson.ts';

/**
 * Build step: writes the data downloads the overview links to, from the
 * collection the build validated: `data/rallies-validated.geojson` (only
 * valid rallies, known fields) and `data/rallies.csv` (one row per rally,
 * with each city page's address on `siteUrl`). Returns the files written,
 * relative to `outDir`, with their sizes.
 */
export function writeDataDownloads(
  collection: RallyCollection,
  outDir: string,
  siteUrl: string,
  basePath: string,
): { file: string; bytes: number }[] {
  const files: [string, string][] = [
    [validatedGeoJsonFile, `${JSON.stringify(rallyGeoJson(collection), null, 2)}\n`],
    [rallyCsvFile, rallyCsv(collection.rallies, siteUrl, basePath)],
  ];
  return files.map(([file, text]) => {
    const path = join(outDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return { file, bytes: Buffer.byteLength(text) };
  });
}
