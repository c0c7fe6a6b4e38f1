import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { decodeRallyJson, parseRallyCollection, type RallyCollection } from '../src/lib/parse-rallies.ts';
import type { Presentation, Route } from '../src/lib/route.ts';
import {
  contentSecurityPolicy,
  headersFile,
  inlineStyleHashes,
  parsePhotoHosts,
  policyMetaTag,
} from './content-security-policy.ts';
import { parseTileLayerConfig, type TileLayerConfig } from '../src/lib/tile-layer-config.ts';
import { buildEmbedScript } from './embed-script.ts';
import { assemblePage, oembedDocument, pageSpecs } from './page-meta.ts';
import { hasManyRallies } from '../src/lib/scale.ts';
import { precacheManifest } from './precache-manifest.ts';
import { precompressSite } from './precompress.ts';
import { rallyDataFile, rallyDataSource } from './rally-data-plugin.ts';
import { buildServiceWorker } from './service-worker.ts';
import { writeShareImages } from './share-images.ts';
import { writeCampaignTools } from './campaign-tools.ts';

/** Where the site will be served from when `SITE_URL` is not set: the local preview server. */
export const defaultSiteUrl = 'http://127.0.0.1:4173';

/**
 * The optional street-level tile layer from `TILE_URL`, `TILE_ATTRIBUTION` and
 * `TILE_MAX_ZOOM`, or `null` (the default). Throws with the reason when the
 * settings are wrong, which stops the build.
 */
export function tileLayerFromEnvironment(): TileLayerConfig | null {
  const { TILE_URL, TILE_ATTRIBUTION, TILE_MAX_ZOOM } = process.env;
  const parsed = parseTileLayerConfig({ TILE_URL, TILE_ATTRIBUTION, TILE_MAX_ZOOM });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/**
 * Build-time settings the app reads: `SITE_URL` (the public origin, or "" when unset) as
 * `import.meta.env.SITE_URL`, for share links, `PHOTO_HOSTS` as a list of allowed photo hosts,
 * and the street-level tile layer (or `null`) as `import.meta.env.TILE_LAYER`.
 */
export const buildTimeDefines = {
  'import.meta.env.SITE_URL': JSON.stringify(process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : ''),
  'import.meta.env.PHOTO_HOSTS': JSON.stringify(parsePhotoHosts(process.env.PHOTO_HOSTS)),
  'import.meta.env.TILE_LAYER': JSON.stringify(tileLayerFromEnvironment()),
};

/**
 * The day the build stamps on the data it puts in pages, YYYY-MM-DD in UTC:
 * from `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible builds, or today.
 */
export function buildDate(epochSeconds: string | undefined = process.env.SOURCE_DATE_EPOCH): string {
  const seconds = Number(epochSeconds);
  const time = epochSeconds && Number.isFinite(seconds) ? seconds * 1000 : Date.now();
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * With many rallies (src/lib/scale.ts), city pages are written for the
 * first this many rallies in the file only; every other city opens from
 * 404.html, which the app routes by its address.
 */
export const cityPageCap = 100;

type RenderRoute = (collection: RallyCollection, route: Route, presentation: Presentation) => string;

/**
 * After the client build, writes a real HTML page for every route, rendered
 * from the same React components: `index.html`, `city/<slug>/index.html` for
 * each rally and `404.html`, each with its title, description, canonical
 * link and share-card meta, plus a 1200×630 share image per page under
 * `share/`. A static host then serves every link as a file.
 */
export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rally-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      // The nested server build below must not prerender again.
      if (config.build.ssr) return;
      const root = config.root;
      const outDir = resolve(root, config.build.outDir);
      // One folder per output folder, so builds into different folders (as the tests make) never collide.
      const serverOutDir = resolve(root, 'node_modules/.cache', `rally-map-server-${basename(outDir)}`);
      const started = performance.now();

      await build({
        configFile: false,
        root,
        base: config.base,
        mode: config.mode,
        logLevel: 'warn',
        plugins: [react()],
        define: buildTimeDefines,
        build: { ssr: 'src/entry-server.tsx', outDir: serverOutDir, emptyOutDir: true, assetsInlineLimit: 0 },
      });
      const serverModule = (await import(pathToFileURL(join(serverOutDir, 'entry-server.js')).href)) as {
        renderRoute: RenderRoute;
      };

      const siteUrl = siteUrlFromEnvironment(config.logger.warn.bind(config.logger));
      const dataPath = rallyDataSource(root);
      const rallyJson = readFileSync(dataPath, 'utf8');
      const decoded = decodeRallyJson(rallyJson);
      if (!decoded.ok) throw new Error(`${dataPath}: ${decoded.message}; run npm run validate`);
      const collection = parseRallyCollection(decoded.value);
      // Pages carry the collection already validated here, so the browser
      // needs no validator for them (src/state/load-rallies.ts). With many
      // rallies they would be megabytes each: they fetch the file instead.
      const manyRallies = hasManyRallies(collection.rallies.length);
      const collectionJson = manyRallies ? null : JSON.stringify(collection);
      const template = readFileSync(join(outDir, 'index.html'), 'utf8');
      const policy = contentSecurityPolicy({
        photoHosts: parsePhotoHosts(process.env.PHOTO_HOSTS),
        styleHashes: inlineStyleHashes(template),
        tileOrigins: tileLayerFromEnvironment()?.origins ?? [],
      });
      const dataAsOf = buildDate();
      writeFileSync(join(outDir, '_headers'), headersFile(policy, config.base));
      const siteName = collection.campaign?.title ?? 'Rally map';

      const specs = pageSpecs(collection, siteUrl, config.base, manyRallies ? cityPageCap : Infinity);
      for (const spec of specs) {
        const appHtml = serverModule.renderRoute(collection, spec.route, spec.presentation);
        const file = join(outDir, spec.outputFile);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(
          file,
          assemblePage(template, spec, siteName, appHtml, collectionJson, policyMetaTag(policy), dataAsOf),
        );
        if (spec.oembed && spec.presentation === 'site') {
          const oembedPath = join(outDir, spec.oembed.file);
          mkdirSync(dirname(oembedPath), { recursive: true });
          writeFileSync(oembedPath, JSON.stringify(oembedDocument(spec, siteName, siteUrl, config.base), null, 2));
        }
      }
      const images = writeShareImages(specs, collection, outDir);
      const tools = await writeCampaignTools({
        collection,
        outDir,
        siteUrl,
        basePath: config.base,
        policyMeta: policyMetaTag(policy),
      });
      const embedScriptBytes = await buildEmbedScript(root, outDir);
      rmSync(serverOutDir, { recursive: true, force: true });
      // After every page, so the precache list sees them all (and before the compressed copies exist).
      const precache = precacheManifest(outDir, config.base);
      await buildServiceWorker(root, outDir, {
        basePath: config.base,
        dataPath: `${config.base}${rallyDataFile}`,
        precache: precache.entries,
      });
      // Last, so every file written above, sw.js too, gets its compressed copies.
      const compressed = precompressSite(outDir);
      const imageBytes = images.reduce((sum, image) => sum + image.bytes, 0);
      if (collection.rallies.length > cityPageCap && manyRallies) {
        config.logger.info(
          `rally-prerender: ${collection.rallies.length} rallies: pages for the first ${cityPageCap} cities only; 404.html opens the others`,
        );
      }
      config.logger.info(
        `rally-prerender: ${specs.length} pages and ${images.length} share images ` +
          `(${Math.round(imageBytes / 1024)} kB), embed.js (${embedScriptBytes} B gzipped), ` +
          `sw.js precaching ${precache.entries.length} files (${Math.round(precache.gzipBytes / 1024)} kB gzipped), ` +
          `${tools}, ` +
          `${compressed.files} files precompressed (${Math.round(compressed.originalBytes / 1024)} kB → ` +
          `${Math.round(compressed.gzipBytes / 1024)} kB gzip, ${Math.round(compressed.brotliBytes / 1024)} kB brotli) ` +
          `in ${Math.round(performance.now() - started)} ms`,
      );
    },
  };
}

/**
 * The absolute URL the site is served from, from `SITE_URL`. Without it the
 * build warns and uses the local preview address, so meta tags stay absolute.
 */
export function siteUrlFromEnvironment(warn: (message: string) => void): string {
  const value = process.env.SITE_URL;
  if (!value) {
    warn(`SITE_URL is not set: share links and preview cards will point at ${defaultSiteUrl}`);
    return defaultSiteUrl;
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('SITE_URL must be an http(s) URL');
  return url.origin;
}
