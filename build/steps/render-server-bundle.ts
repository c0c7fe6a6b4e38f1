import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { RenderRoute } from '../post-build-context.ts';

/**
 * Builds `src/entry-server.tsx` for Node into `serverOutDir` (the same
 * base, mode and build-time settings as the client) and loads its
 * `renderRoute`, so pages are rendered from the same React components the
 * browser runs.
 */
export async function renderServerBundle(options: {
  root: string;
  base: string;
  mode: string;
  defines: Record<string, string>;
  serverOutDir: string;
}): Promise<RenderRoute> {
  await build({
    configFile: false,
    root: options.root,
    base: options.base,
    mode: options.mode,
    logLevel: 'warn',
    plugins: [react()],
    define: options.defines,
    build: { ssr: 'src/entry-server.tsx', outDir: options.serverOutDir, emptyOutDir: true, assetsInlineLimit: 0 },
  });
  const serverModule = (await import(pathToFileURL(join(options.serverOutDir, 'entry-server.js')).href)) as {
    renderRoute: RenderRoute;
  };
  return serverModule.renderRoute;
}
