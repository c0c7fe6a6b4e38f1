import { resolve } from 'node:path';
import { build } from 'vite';
import type { PrecacheEntry } from './precache-manifest.ts';

/** What the service worker is built with; it reads these as `__SERVICE_WORKER_CONFIG__`. */
export interface ServiceWorkerConfig {
  /** The site's base path, e.g. `/` or `/chechnya-rallies/`. */
  basePath: string;
  /** The rally file's URL path, answered network-first. */
  dataPath: string;
  /** The rally index's URL path (sites with many rallies), answered network-first like the rally file. */
  indexPath: string;
  /** The folder of the rally index's record shards, ending in "/": each answered network-first, kept once opened. */
  recordsPath: string;
  /** Everything to store at install: the code every page loads at start. */
  precache: PrecacheEntry[];
  /** Files stored at install only if the browser's cache already holds them: the interactive map's. */
  storedIfLoaded: string[];
  /** This deploy's version (build/precache-manifest.ts): caches of another version are dropped. */
  version: string;
}

/**
 * Builds `sw.js`, the service worker, at the root of the output folder (so
 * its scope is the whole site): one minified script with the Workbox
 * modules it uses bundled in (nothing is loaded from another host) and the
 * precache list written into it. Run after every page is written, so the
 * list sees them all.
 */
export async function buildServiceWorker(root: string, outDir: string, config: ServiceWorkerConfig): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __SERVICE_WORKER_CONFIG__: JSON.stringify(config),
      // Workbox's development logging is dropped.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      lib: {
        entry: resolve(root, 'src/service-worker/service-worker.ts'),
        formats: ['iife'],
        name: 'rallyMapServiceWorker',
        fileName: () => 'sw.js',
      },
    },
  });
}
