import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { buildTimeDefines, isLocalBuild, readBuildEnvironment } from './build/environment.ts';
import { firstPaintPlugin } from './build/first-paint-plugin.ts';
import { prerenderPlugin } from './build/prerender-plugin.ts';
import { rallyDataPlugin } from './build/rally-data-plugin.ts';

export default defineConfig(({ command }) => {
  // Every setting is read and checked here, once (build/environment.ts): a
  // build to publish stops at once when SITE_URL is missing or a setting is wrong.
  const purpose = command !== 'build' ? 'serve' : isLocalBuild(process.env) ? 'local' : 'publish';
  const environment = readBuildEnvironment(process.env, process.cwd(), purpose);
  return {
    base: environment.basePath,
    define: buildTimeDefines(environment),
    plugins: [react(), rallyDataPlugin(environment.rallyDataPath), firstPaintPlugin(), prerenderPlugin(environment)],
    // Leaflet's ES module build lets the bundler drop some of what the map never uses.
    resolve: { alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }] },
    build: {
      // scripts/check-size.ts follows the first view's files through it.
      manifest: true,
      // src/boot.ts preloads the map's files itself (build/first-paint-plugin.ts), so
      // Vite's own preloading of dynamic imports' dependencies would only add code.
      modulePreload: false,
      // Every asset is a file of this site: nothing is inlined as a data: URI.
      assetsInlineLimit: 0,
      target: 'es2022',
      rolldownOptions: {
        output: {
          // Each language's catalogue and translation are named apart, so the service worker can
          // leave other languages' files out of what it stores at install (build/precache-manifest.ts).
          chunkFileNames: (chunk) =>
            /\/(src\/i18n\/messages|data\/translations)\/[^/]+\.json$/.test(chunk.facadeModuleId ?? '')
              ? 'assets/language-[name]-[hash].js'
              : 'assets/[name]-[hash].js',
        },
      },
    },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true }, // for `vite preview`; `npm run preview` is a plain static server
    test: {
      include: ['tests/**/*.test.ts'],
      environment: 'node',
      // A safety net, not a speed check: property tests and builds in tests take seconds on a busy 2-core machine.
      testTimeout: 60_000,
    },
  };
});
