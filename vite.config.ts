import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { firstPaintPlugin } from './build/first-paint-plugin.ts';
import { prerenderPlugin, buildTimeDefines } from './build/prerender-plugin.ts';
import { rallyDataPlugin } from './build/rally-data-plugin.ts';

/** The site's path on its host: `/` by default, or e.g. `BASE_PATH=/chechnya-rallies/ npm run build`. */
function basePath(value: string | undefined): string {
  if (!value) return '/';
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  define: buildTimeDefines,
  plugins: [react(), rallyDataPlugin(), firstPaintPlugin(), prerenderPlugin()],
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
  },
});
