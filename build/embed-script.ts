import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The most `embed.js` may weigh, gzipped, in bytes. */
export const embedScriptBudget = 1536;

/**
 * Builds `embed.js`, the script newsrooms paste after the iframe, as its own
 * small file at the root of the output folder: one IIFE, no dependencies.
 * Returns its gzipped size in bytes; throws if it is over budget.
 */
export async function buildEmbedScript(root: string, outDir: string): Promise<number> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: 'es2019',
      lib: {
        entry: resolve(root, 'src/embed/embed.ts'),
        formats: ['iife'],
        name: 'rallyMapEmbed',
        fileName: () => 'embed.js',
      },
    },
  });
  const gzipped = gzipSync(readFileSync(join(outDir, 'embed.js')), { level: 9 }).length;
  if (gzipped > embedScriptBudget)
    throw new Error(`embed.js is ${gzipped} B gzipped, over its ${embedScriptBudget} B budget`);
  return gzipped;
}
