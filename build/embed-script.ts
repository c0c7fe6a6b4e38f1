import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The most `embed.js` may weigh, gzipped, in bytes. */
export const embedScriptBudget = 1536;

/** The name of the unversioned copy, kept for snippets pasted before the versioned file existed. */
export const unversionedEmbedScript = 'embed.js';

/**
 * The script newsrooms paste, built: its code, the path of its versioned
 * file (`assets/embed.<hash>.js`, cached for good like every hashed asset) and its Subresource Integrity
 * value (`sha384-…`), which the embed code carries.
 */
export interface EmbedScript {
  code: Buffer;
  file: string;
  integrity: string;
}

/**
 * The versioned file name and the integrity value of a build of the script:
 * the name carries a hash of the content, so a changed script gets a new
 * file and a snippet pasted earlier keeps loading the file its integrity
 * value was made for.
 */
export function embedScriptVersion(code: Buffer): Pick<EmbedScript, 'file' | 'integrity'> {
  const digest = createHash('sha384').update(code).digest();
  return {
    file: `assets/embed.${digest.toString('hex').slice(0, 12)}.js`,
    integrity: `sha384-${digest.toString('base64')}`,
  };
}

/**
 * Builds `embed.js`, the script newsrooms paste after the iframe: one IIFE,
 * no dependencies, in a folder of its own. Runs before the app is built,
 * because the app's embed code names the versioned file and its integrity
 * value. Throws if it is over its gzipped budget.
 */
export async function buildEmbedScript(root: string): Promise<EmbedScript> {
  const outDir = mkdtempSync(join(tmpdir(), 'rally-map-embed-'));
  try {
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
          fileName: () => unversionedEmbedScript,
        },
      },
    });
    const code = readFileSync(join(outDir, unversionedEmbedScript));
    const gzipped = gzipSync(code, { level: 9 }).length;
    if (gzipped > embedScriptBudget)
      throw new Error(`embed.js is ${gzipped} B gzipped, over its ${embedScriptBudget} B budget`);
    return { code, ...embedScriptVersion(code) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The script's versioned file and integrity value, as `import.meta.env.EMBED_SCRIPT` (src/env.d.ts) for the app. */
export function embedScriptDefine({ file, integrity }: EmbedScript): Record<string, string> {
  return { 'import.meta.env.EMBED_SCRIPT': JSON.stringify({ file, integrity }) };
}

/**
 * Writes the script into the site's output folder twice: as its versioned
 * file, which the embed code names with its integrity value, and as
 * `embed.js`, for snippets pasted before. Returns its gzipped size in bytes.
 */
export function writeEmbedScript(outDir: string, script: EmbedScript): number {
  mkdirSync(dirname(join(outDir, script.file)), { recursive: true });
  writeFileSync(join(outDir, script.file), script.code);
  writeFileSync(join(outDir, unversionedEmbedScript), script.code);
  return gzipSync(script.code, { level: 9 }).length;
}
