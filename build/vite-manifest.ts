import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One module's entry in Vite's build manifest (`.vite/manifest.json`). */
export interface ManifestEntry {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Vite's build manifest of an output folder, by source module (`src/main.tsx`) or `index.html`. */
export type ViteManifest = Record<string, ManifestEntry>;

/** Reads `<outDir>/.vite/manifest.json` (the build writes it: `build.manifest` in vite.config.ts). */
export function readViteManifest(outDir: string): ViteManifest {
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as ViteManifest;
}

/**
 * The built files (paths relative to the output folder) that loading the
 * modules `keys` brings: their chunks, the chunks those import, recursively,
 * and their styles, in the order met. Throws for a key the manifest lacks.
 */
export function manifestFiles(manifest: ViteManifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
    for (const imported of entry.imports ?? []) visit(imported);
  };
  for (const key of keys) {
    if (!manifest[key]) throw new Error(`${key} is not in Vite's manifest`);
    visit(key);
  }
  return [...files];
}
