import { rallyDataPath, rallyIndexPath, rallyRecordsPath } from '../../src/lib/address.ts';
import { mapFileUrls, precacheManifest } from '../precache-manifest.ts';
import type { PostBuildContext } from '../post-build-context.ts';
import { buildServiceWorker } from '../service-worker.ts';

/**
 * Builds `sw.js` with the precache list of the output folder as it is now
 * (the code every page loads at start, from `index.html`): run it after
 * every step that writes a page or an asset.
 */
export async function writeServiceWorker(context: PostBuildContext): Promise<void> {
  const { root, outDir, environment } = context;
  const precache = precacheManifest(outDir, environment.basePath);
  await buildServiceWorker(root, outDir, {
    basePath: environment.basePath,
    dataPath: rallyDataPath(environment.basePath),
    indexPath: rallyIndexPath(environment.basePath),
    recordsPath: rallyRecordsPath(environment.basePath),
    precache: precache.entries,
    storedIfLoaded: mapFileUrls(outDir, environment.basePath),
    version: precache.version,
  });
  context.summary.push(
    `sw.js precaching ${precache.entries.length} files (${Math.round(precache.gzipBytes / 1024)} kB gzipped)`,
  );
}
