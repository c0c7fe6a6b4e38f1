import { writeDataDownloads as writeDownloads } from '../data-downloads.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/** Writes the data downloads the overview links to: `data/rallies-validated.geojson` and `data/rallies.csv`. */
export function writeDataDownloads(context: PostBuildContext): void {
  const { collection, outDir, environment } = context;
  const files = writeDownloads(collection, outDir, environment.siteUrl, environment.basePath);
  context.summary.push(files.map((file) => file.file).join(' and '));
}
