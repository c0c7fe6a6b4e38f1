import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Where the rally file lives in the repository, and where the site serves it. */
export const rallyDataFile = 'data/rallies.geojson';

/**
 * The rally file the site is built from: `RALLY_DATA` (a path, relative to
 * the project root) when set, such as a generated test file, or else
 * `data/rallies.geojson`. The site always serves it as `data/rallies.geojson`.
 */
export function rallyDataSource(root: string, environment: { RALLY_DATA?: string | undefined }): string {
  return resolve(root, environment.RALLY_DATA || rallyDataFile);
}

/**
 * Serves the rally file at `sourcePath` (`rallyDataSource`) as
 * `data/rallies.geojson` in development and copies it to
 * `dist/data/rallies.geojson` at build, for pages that do not carry the data
 * (the development server's, and every page of a site with many rallies) and
 * for anyone who wants the file itself. Pages that carry the data have what
 * they were built with, so an edit needs a new build.
 */
export function rallyDataPlugin(sourcePath: string): Plugin {
  return {
    name: 'rally-data',
    configureServer(server) {
      server.watcher.add(sourcePath);
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0];
        if (path !== `${server.config.base}${rallyDataFile}`) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(readFileSync(sourcePath));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: rallyDataFile, source: readFileSync(sourcePath) });
    },
  };
}
