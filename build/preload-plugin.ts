import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What the first view needs besides the entry script: the map's code and styles, and the basemap. */
export interface FirstViewFiles {
  /** The map's code and the chunks it imports, as paths under the site root. */
  scripts: string[];
  styles: string[];
  basemap: string | null;
}

/**
 * Head tags that let the browser fetch the map's code, styles and basemap
 * while it parses the page, instead of one after another as each asks for
 * the next. The basemap preload is `crossorigin` so it matches the app's
 * `fetch()`, which would otherwise download it a second time.
 */
export function preloadTags(files: FirstViewFiles, base: string): HtmlTagDescriptor[] {
  const href = (file: string) => `${base}${file}`;
  return [
    ...files.styles.map((file) => ({
      tag: 'link',
      // crossorigin as on the stylesheet link Vite adds when the map loads, or the preload goes unused.
      attrs: { rel: 'preload', as: 'style', crossorigin: 'anonymous', href: href(file) },
      injectTo: 'head' as const,
    })),
    ...files.scripts.map((file) => ({
      tag: 'link',
      attrs: { rel: 'modulepreload', href: href(file) },
      injectTo: 'head' as const,
    })),
    ...(files.basemap
      ? [
          {
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: href(files.basemap) },
            injectTo: 'head' as const,
          },
        ]
      : []),
  ];
}

interface BundleEntry {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  isEntry?: boolean;
  imports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Finds the map's chunk (the one `src/map/rally-map.tsx` starts), the chunks
 * and styles it imports, and the basemap asset in a built bundle.
 */
export function firstViewFiles(bundle: Record<string, BundleEntry>): FirstViewFiles {
  const entries = Object.values(bundle);
  const map = entries.find(
    (entry) => entry.type === 'chunk' && entry.facadeModuleId?.endsWith('/src/map/rally-map.tsx'),
  );
  const entryFiles = new Set(entries.filter((entry) => entry.isEntry).map((entry) => entry.fileName));
  const basemap = entries.find(
    (entry) => entry.type === 'asset' && /(^|\/)basemap-110m-[\w-]+\.json$/.test(entry.fileName),
  );
  return {
    // The entry chunk is already in the page as a script.
    scripts: map ? [map.fileName, ...(map.imports ?? []).filter((file) => !entryFiles.has(file))] : [],
    styles: map?.viteMetadata ? [...map.viteMetadata.importedCss] : [],
    basemap: basemap?.fileName ?? null,
  };
}

/**
 * Adds preload tags for the map and basemap to the built `index.html`, which
 * every generated page starts from (build/prerender-plugin.ts).
 */
export function preloadPlugin(): Plugin {
  let base = '/';
  return {
    name: 'rally-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle) return [];
        return preloadTags(firstViewFiles(context.bundle), base);
      },
    },
  };
}
