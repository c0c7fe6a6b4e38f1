import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hasManyRallies } from '../src/lib/scale.ts';
import { contentSecurityPolicy, inlineStyleHashes } from './content-security-policy.ts';
import { embedScriptDefine, type EmbedScript } from './embed-script.ts';
import { buildTimeDefines, type BuildEnvironment } from './environment.ts';
import { readLanguagePacks } from './content-translations.ts';
import { pageSpecs } from './page-meta.ts';
import type { BuildLogger, PostBuildContext, PostBuildStep } from './post-build-context.ts';
import { loadCollection } from './steps/load-collection.ts';
import { logSummary } from './steps/log-summary.ts';
import { precompressFiles } from './steps/precompress-files.ts';
import { removePublicNotes } from './steps/remove-public-notes.ts';
import { renderServerBundle } from './steps/render-server-bundle.ts';
import { writeEmbedScript } from './steps/write-embed-script.ts';
import { writeHeaders } from './steps/write-headers.ts';
import { writeNginxConfig } from './steps/write-nginx-config.ts';
import { writeOembedDocuments } from './steps/write-oembed-documents.ts';
import { writeRallyIndex } from './steps/write-rally-index.ts';
import { writePages } from './steps/write-pages.ts';
import { writeServiceWorker } from './steps/write-service-worker.ts';
import { writeShareCards } from './steps/write-share-cards.ts';
import { writeCampaignTools } from './steps/write-campaign-tools.ts';
import { writeDataDownloads } from './steps/write-data-downloads.ts';

/**
 * The post-build steps, in order. A new step is a function of the context
 * (build/post-build-context.ts) in a file of its own under build/steps/,
 * added here: before `writeServiceWorker` if the offline site should store
 * what it writes, and always before `precompressFiles`, which compresses
 * every file then present.
 */
export const postBuildSteps: readonly PostBuildStep[] = [
  removePublicNotes,
  writeHeaders,
  writeNginxConfig,
  writePages,
  writeOembedDocuments,
  writeShareCards,
  writeDataDownloads,
  writeRallyIndex,
  writeCampaignTools,
  writeEmbedScript,
  // After every page, so the precache list sees them all (and before the compressed copies exist).
  writeServiceWorker,
  // Last but the log, so every file written above, sw.js too, gets its compressed copies.
  precompressFiles,
  logSummary,
];

/** What the Vite plugin hands the post-build: where the client build is, and how it was made. */
export interface PostBuildOptions {
  root: string;
  outDir: string;
  mode: string;
  environment: BuildEnvironment;
  /** The embed script, built before the client (build/embed-script.ts). */
  embedScript: EmbedScript;
  logger: BuildLogger;
}

/**
 * Runs after the client build: renders the server bundle, loads the rally
 * file, makes the context every step reads, and runs `postBuildSteps` in
 * order. Throws (which fails the build) when any step does.
 */
export async function runPostBuild(options: PostBuildOptions): Promise<void> {
  const { root, outDir, mode, environment, embedScript, logger } = options;
  const started = performance.now();
  // One folder per output folder, so builds into different folders (as the tests make) never collide.
  const serverOutDir = join(root, 'node_modules/.cache', `rally-map-server-${basename(outDir)}`);
  try {
    const renderRoute = await renderServerBundle({
      root,
      base: environment.basePath,
      mode,
      // The pages' absolute addresses (the share options shown without JavaScript,
      // the printed address) use the site's address even when SITE_URL is unset: the local preview's.
      defines: {
        ...buildTimeDefines(environment),
        ...embedScriptDefine(embedScript),
        'import.meta.env.SITE_URL': JSON.stringify(environment.siteUrl),
      },
      serverOutDir,
    });
    const context = createContext({ root, outDir, environment, embedScript, logger, renderRoute, started });
    const timings: string[] = [];
    for (const step of postBuildSteps) {
      const stepStarted = performance.now();
      await step(context);
      timings.push(`${step.name} ${Math.round(performance.now() - stepStarted)} ms`);
    }
    if (process.env.RALLY_BUILD_TIMINGS) logger.info(`rally-prerender timings: ${timings.join(', ')}`);
  } finally {
    rmSync(serverOutDir, { recursive: true, force: true });
  }
}

/** The context every step reads: the validated collection, the policy, the pages to write. */
function createContext(
  options: Pick<
    PostBuildContext,
    'root' | 'outDir' | 'environment' | 'embedScript' | 'logger' | 'renderRoute' | 'started'
  >,
): PostBuildContext {
  const { outDir, environment, logger } = options;
  const collection = loadCollection(environment.rallyDataPath);
  // Pages carry the collection already validated here, so the browser
  // needs no validator for them (src/state/load-rallies.ts). With many
  // rallies they would be megabytes each: they fetch the file instead.
  const manyRallies = hasManyRallies(collection.rallies.length);
  const template = readFileSync(join(outDir, 'index.html'), 'utf8');
  const policy = contentSecurityPolicy({
    photoHosts: environment.photoHosts,
    styleHashes: inlineStyleHashes(template),
    tileOrigins: environment.tileLayer?.origins ?? [],
  });
  // With many rallies, city pages for the first `cityPageLimit` only: 404.html opens the others, routing by the address.
  const { cityPageLimit } = environment;
  if (manyRallies && collection.rallies.length > cityPageLimit) {
    logger.info(
      `rally-prerender: ${collection.rallies.length} rallies: pages for the first ${cityPageLimit} cities only (CITY_PAGE_LIMIT); 404.html opens the others`,
    );
  }
  const packs = readLanguagePacks(options.root, collection, (message) => logger.warn(message));
  const cityLimit = manyRallies ? cityPageLimit : Infinity;
  return {
    ...options,
    packs,
    collection,
    manyRallies,
    collectionJson: manyRallies ? null : JSON.stringify(collection),
    siteName: collection.campaign?.title ?? 'Rally map',
    template,
    policy,
    specs: packs.flatMap((pack) => pageSpecs(collection, environment.siteUrl, environment.basePath, cityLimit, pack)),
    summary: [],
  };
}
