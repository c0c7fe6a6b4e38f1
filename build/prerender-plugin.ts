import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildEmbedScript, embedScriptDefine, type EmbedScript } from './embed-script.ts';
import type { BuildEnvironment } from './environment.ts';
import { runPostBuild } from './post-build.ts';

/**
 * After the client build, runs the post-build pipeline (build/post-build.ts):
 * a real HTML page for every route, rendered from the same React components
 * (`index.html`, `city/<slug>/index.html` for each rally, the embed pages and
 * `404.html`, each with its title, description, canonical link and
 * share-card meta), a 1200×630 share image per page under `share/`, oEmbed
 * documents, `embed.js`, `_headers`, `nginx.conf`, the service worker and
 * compressed copies. A static host then serves every link as a file. The
 * embed script is built first, because the app's embed code names its
 * versioned file and integrity value (`import.meta.env.EMBED_SCRIPT`).
 */
export function prerenderPlugin(environment: BuildEnvironment): Plugin {
  let config: ResolvedConfig;
  let embedScript: EmbedScript;
  return {
    name: 'rally-prerender',
    apply: 'build',
    async config(userConfig) {
      embedScript = await buildEmbedScript(resolve(userConfig.root ?? process.cwd()));
      return { define: embedScriptDefine(embedScript) };
    },
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      // The nested builds of the pipeline must not prerender again.
      if (config.build.ssr) return;
      await runPostBuild({
        root: config.root,
        outDir: resolve(config.root, config.build.outDir),
        mode: config.mode,
        environment,
        embedScript,
        logger: config.logger,
      });
    },
  };
}
