import type { Plugin } from 'vite';

/** What `inlineStylesheets` needs of a built bundle: its CSS files and their text. */
export type CssFiles = ReadonlyMap<string, string>;

/**
 * Puts a `<style>` element holding the file before each `<link rel="stylesheet">`
 * to one of the bundle's own CSS files, and disables the link, so a page
 * paints with no request after its HTML. Other links are left alone. The build's Content
 * Security Policy allows each `<style>` by its hash (build/content-security-policy.ts).
 */
export function inlineStylesheets(html: string, cssFiles: CssFiles, base: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g, (link, href: string) => {
    const css = href.startsWith(base) ? cssFiles.get(href.slice(base.length)) : undefined;
    // "</style" inside the CSS would end the element early; CSS allows the escape.
    if (css === undefined) return link;
    // The link stays, disabled (a disabled stylesheet is not fetched), because
    // Vite's loader for lazy code checks for it before adding the same file again.
    return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style><link rel="stylesheet" href="${href}" disabled>`;
  });
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
 * The app's own code in a built bundle, besides the entry: the chunk
 * `src/main.tsx` starts and the chunks it imports, for src/boot.ts to
 * preload after the page's first frame. Not the map's code (Leaflet and
 * src/map/), which loads only when the reader reaches for the map
 * (src/map/map-loader.ts), nor the basemap, which the page's picture
 * carries (src/state/picture-basemap.ts).
 */
export function firstViewFiles(bundle: Record<string, BundleEntry>): string[] {
  const entries = Object.values(bundle);
  const app = entries.find((entry) => entry.type === 'chunk' && entry.facadeModuleId?.endsWith('/src/main.tsx'));
  const entryFiles = new Set(entries.filter((entry) => entry.isEntry).map((entry) => entry.fileName));
  const byFile = new Map(entries.map((entry) => [entry.fileName, entry]));
  // A chunk and, recursively, what it imports, so no file is found only after the one that imports it.
  const withImports = (chunk: BundleEntry | undefined, seen = new Set<string>()): string[] => {
    if (!chunk || seen.has(chunk.fileName) || entryFiles.has(chunk.fileName)) return [];
    seen.add(chunk.fileName);
    return [chunk.fileName, ...(chunk.imports ?? []).flatMap((file) => withImports(byFile.get(file), seen))];
  };
  return withImports(app);
}

/**
 * Names `files` (under `base`) in a `data-preload` attribute on the page's
 * entry script, for src/boot.ts to preload once the page has painted. They
 * are not `<link rel="preload">` tags: those would compete with the page's
 * own first paint for a slow network.
 */
export function markPreloads(html: string, files: readonly string[], base: string): string {
  if (files.length === 0) return html;
  const list = files.map((file) => `${base}${file}`).join(' ');
  return html.replace(/<script type="module"/, () => `<script data-preload="${list}" type="module"`);
}

/**
 * Readies the built `index.html`, which every generated page starts from
 * (build/steps/write-pages.ts), to paint at once: the entry's CSS inlined
 * (the file stays in `assets/` too, for the offline copy), and the app's
 * files named for src/boot.ts to preload after that first paint.
 */
export function firstPaintPlugin(): Plugin {
  let base = '/';
  return {
    name: 'rally-first-paint',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const cssFiles = new Map<string, string>();
        for (const output of Object.values(context.bundle)) {
          if (output.type === 'asset' && output.fileName.endsWith('.css')) {
            cssFiles.set(
              output.fileName,
              typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source),
            );
          }
        }
        const bundle = context.bundle as unknown as Record<string, BundleEntry>;
        return markPreloads(inlineStylesheets(html, cssFiles, base), firstViewFiles(bundle), base);
      },
    },
  };
}
