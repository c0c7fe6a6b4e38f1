import { rallyDataPath } from '../../src/lib/address.ts';
import { precacheManifest } from '../precache-manifest.ts';
import type { PostBuildContext } from '../post-build-context.ts';
import { buildServiceWorker } from '../service-worker.ts';

/**
 * Builds `sw.js` with the precache list of the output folder as it is now:
 * run it after every step that writes a page, so the list sees them all.
 */
export async function writeServiceWorker(context: PostBuildContext): Promise<void> {
  const { root, outDir, environment } = context;
  const precache = precacheManifest(outDir, environment.basePath);
  await buildServiceWorker(root, outDir, {
    basePath: environment.basePath,
    dataPath: rallyDataPath(environment.basePath),
    precache: precache.entries,
  });
  const leftOut =
    precache.leftOut.length > 0 ? `; ${precache.leftOut.join(', ')} stored once fetched, too large to precache` : '';
  context.summary.push(
    `sw.js precaching ${precache.entries.length} files (${Math.round(precache.gzipBytes / 1024)} kB gzipped${leftOut})`,
  );
}
