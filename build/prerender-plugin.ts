import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { decodeRallyJson, parseRallyCollection, type RallyCollection } from '../src/lib/parse-rallies.ts';
import type { Route } from '../src/lib/route.ts';
import { assemblePage, pageSpecs } from './page-meta.ts';
import { rallyDataFile } from './rally-data-plugin.ts';

/** Where the site will be served from when `SITE_URL` is not set: the local preview server. */
export const defaultSiteUrl = 'http://127.0.0.1:4173';

type RenderRoute = (collection: RallyCollection, route: Route) => string;

/** Generates the share images; set by the share-card module when it is available. */
export type WriteShareImages = (collection: RallyCollection, outDir: string) => Promise<void> | void;

/**
 * After the client build, writes a real HTML page for every route, rendered
 * from the same React components: `index.html`, `city/<slug>/index.html` for
 * each rally and `404.html`, each with its title, description, canonical
 * link and share-card meta. A static host then serves every link as a file.
 */
export function prerenderPlugin(writeShareImages?: WriteShareImages): Plugin {
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
      const serverOutDir = resolve(root, 'node_modules/.cache/rally-map-server');
      const started = performance.now();

      await build({
        configFile: false,
        root,
        base: config.base,
        mode: config.mode,
        logLevel: 'warn',
        plugins: [react()],
        build: { ssr: 'src/entry-server.tsx', outDir: serverOutDir, emptyOutDir: true, assetsInlineLimit: 0 },
      });
      const serverModule = (await import(pathToFileURL(join(serverOutDir, 'entry-server.js')).href)) as {
        renderRoute: RenderRoute;
      };

      const siteUrl = siteUrlFromEnvironment(config.logger.warn.bind(config.logger));
      const rallyJson = readFileSync(resolve(root, rallyDataFile), 'utf8');
      const decoded = decodeRallyJson(rallyJson);
      if (!decoded.ok) throw new Error(`${rallyDataFile}: ${decoded.message}; run npm run validate`);
      const collection = parseRallyCollection(decoded.value);
      const template = readFileSync(join(outDir, 'index.html'), 'utf8');
      const siteName = collection.campaign?.title ?? 'Rally map';

      for (const spec of pageSpecs(collection, siteUrl, config.base)) {
        const appHtml = serverModule.renderRoute(collection, spec.route);
        const file = join(outDir, spec.outputFile);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, assemblePage(template, spec, siteName, appHtml, rallyJson));
      }
      await writeShareImages?.(collection, outDir);
      rmSync(serverOutDir, { recursive: true, force: true });
      config.logger.info(
        `rally-prerender: ${collection.rallies.length + 2} pages in ${Math.round(performance.now() - started)} ms`,
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
